"""Classes of mistakes the seventy-eighth hold-out set found (tests/preflight/holdout78: install-time hooks of
package managers), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


# -- C: an install recipe that runs make on another target of the same Makefile -----------------------------------


def _makefile(reload_call: str) -> dict[str, str]:
    text = f"install:\n\t@cp -f tool.py /usr/local/bin/tool\n\t{reload_call}\n\nreload:\n\t@systemctl daemon-reload\n"
    return {"Makefile": text}


def test_c_a_recipe_make_of_a_target_of_the_same_makefile_is_read() -> None:
    assert codes_at(_makefile("@make reload"), PRIVILEGE) == [2, 6]


def test_c_a_recipe_dollar_make_with_options_and_variables_is_read() -> None:
    assert codes_at(_makefile("$(MAKE) -s reload QUIET=1  # reload the units"), PRIVILEGE) == [2, 6]


def test_c_near_miss_make_of_another_directory_is_not_followed() -> None:
    assert codes_at(_makefile("$(MAKE) -C contrib reload"), PRIVILEGE) == [2]


def test_c_near_miss_a_target_no_install_recipe_makes_stays_unread() -> None:
    assert codes_at(_makefile("@echo run make reload yourself"), PRIVILEGE) == [2]
