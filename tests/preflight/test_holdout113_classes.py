"""Classes the 113th hold-out set showed (tests/preflight/holdout113: maintainer scripts, RPM spec scriptlets, nfpm
and pacman scriptlets of servers and agents), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ROOT = "preflight.root_assumed"
PRIVILEGE = "preflight.implicit_privilege"
DISABLED = "preflight.service_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a pacman install script under another name than *.install, known by its shape ------------------------------

PACMAN = _text(
    "",  # 1
    "pre_install() {",  # 2
    "\tuseradd -r -s /usr/bin/nologin vendor",  # 3
    "}",  # 4
    "",  # 5
    "post_install() {",  # 6
    "\tsystemctl enable vendor.socket",  # 7
    "}",  # 8
    "",  # 9
    "post_upgrade() {",  # 10
    "\tpost_install",  # 11
    "}",  # 12
    "",  # 13
    "pre_remove() {",  # 14
    "\tsystemctl disable vendor",  # 15
    "}",  # 16
)


def test_a_a_file_defining_only_pacman_functions_is_run_by_pacman_as_root() -> None:
    files = {"pacman/install.sh": PACMAN}
    assert codes_at(files, ROOT) == [1]
    assert codes_at(files, PRIVILEGE) == []
    assert codes_at(files, DISABLED) == []  # pre_remove: removal only


def test_a_near_miss_a_script_that_calls_its_post_install_runs_as_a_whole() -> None:
    called = PACMAN + "post_install\n"  # 17: run by someone, as a script
    files = {"pacman/install.sh": called}
    assert codes_at(files, ROOT) == []
    assert 7 in codes_at(files, PRIVILEGE)


def test_a_near_miss_functions_with_no_pacman_phase_are_a_library() -> None:
    library = _text(
        "#!/bin/sh",  # 1
        "install_unit() {",  # 2
        "\tsystemctl enable vendor",  # 3
        "}",  # 4
    )
    assert codes_at({"scripts/install.sh": library}, ROOT) == []
