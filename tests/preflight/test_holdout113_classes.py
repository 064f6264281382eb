"""Classes the 113th hold-out set showed (tests/preflight/holdout113: maintainer scripts, RPM spec scriptlets, nfpm
and pacman scriptlets of servers and agents), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ROOT = "preflight.root_assumed"
PRIVILEGE = "preflight.implicit_privilege"
DISABLED = "preflight.service_disabled"
PERSISTENCE = "preflight.persistence"


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


# -- B: an RPM spec's %files entry installs a sudoers drop-in -----------------------------------------------------

SPEC = _text(
    "Name: vendor",  # 1
    "%description",  # 2
    "x",  # 3
    "%files",  # 4
    "%attr(440, -, -) /etc/sudoers.d/vendor-sudoers",  # 5
    "%config(noreplace) %attr(0440,root,root) %{_sysconfdir}/sudoers.d/vendor-admin",  # 6
    "/usr/bin/vendor",  # 7
)


def test_b_a_sudoers_drop_in_in_a_file_list_is_reported() -> None:
    assert codes_at({"vendor.spec": SPEC}, PERSISTENCE) == [5, 6]


def test_b_near_miss_the_directory_a_ghost_and_text_outside_the_list_stay_quiet() -> None:
    quiet = _text(
        "Name: vendor",  # 1
        "%description",  # 2
        "Installs /etc/sudoers.d/vendor for the operator to edit.",  # 3: description text
        "%files",  # 4
        "%dir %{_sysconfdir}/sudoers.d",  # 5: the directory, no rule
        "%ghost /etc/sudoers.d/vendor",  # 6: not installed by rpm
        "/etc/sudoers.d.example/vendor",  # 7: another directory
        "%changelog",  # 8
        "- ship /etc/sudoers.d/vendor",  # 9
    )
    assert codes_at({"vendor.spec": quiet}, PERSISTENCE) == []


def test_b_near_miss_a_drop_in_the_package_holds_is_reported_at_its_rules_only() -> None:
    files = {
        "vendor.spec": SPEC,
        "etc/sudoers.d/vendor-sudoers": "vendor ALL=(root) NOPASSWD: /usr/bin/systemctl restart vendor\n",
    }
    found = [line for line in codes_at(files, PERSISTENCE)]
    assert 5 not in found and 6 in found and 1 in found
