"""Classes the two-hundred-and-forty-third hold-out set showed (tests/preflight/holdout243: install, update and
deploy programs in Python, Go, Node.js and Rust), each as its minimal construct next to near-misses that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
DISABLED = "preflight.service_disabled"


# -- A: a Go installer package (not ``package main``) that writes the product's unit into a system unit directory ---


def _installer(*body: str, path: str = "internal/installer/installer.go") -> dict[str, str]:
    head = ("package installer", "", 'import (', '\t"os"', '\t"os/exec"', ")", "")
    return {path: "\n".join((*head, *body)) + "\n"}


_INSTALL = (
    "func installService() error {",  # 8
    '\tservicePath := "/etc/systemd/system/app.service"',  # 9
    '\tif err := os.WriteFile(servicePath, []byte("[Unit]"), 0644); err != nil {',  # 10
    "\t\treturn err",
    "\t}",
    '\treturn exec.Command("systemctl", "enable", "app").Run()',  # 13
    "}",
)


def test_a_an_installer_package_that_writes_a_system_unit_is_read() -> None:
    found = codes_at(_installer(*_INSTALL), PRIVILEGE)
    assert 10 in found and 13 in found


def test_a_a_name_bound_in_two_functions_is_each_functions_literal() -> None:
    files = _installer(
        *_INSTALL,
        "",
        "func uninstallService() {",  # 16
        '\texec.Command("systemctl", "disable", "app").Run()',  # 17
        '\tservicePath := "/etc/systemd/system/app.service"',  # 18
        "\tos.Remove(servicePath)",  # 19
        "}",
    )
    assert {10, 13, 17, 19} <= set(codes_at(files, PRIVILEGE))
    assert codes_at(files, DISABLED) == []  # the product's own unit, disabled in its uninstall


def test_a_a_user_unit_stays_unread() -> None:
    # A package not named for a step that writes a system unit is read since session 31 (holdout250's
    # AudeticLinkInstaller; test_program_classes_session31.py): the sets label such packages' steps.
    user = tuple(line.replace("/etc/systemd/system/", "/home/app/.config/systemd/user/") for line in _INSTALL)
    assert codes_at(_installer(*user), PRIVILEGE) == []


def test_a_a_unit_path_only_printed_does_not_make_an_installer() -> None:
    files = _installer(
        "func show() {",
        '\tprintln("/etc/systemd/system/app.service")',
        '\texec.Command("systemctl", "restart", "app").Run()',
        "}",
    )
    assert codes_at(files, PRIVILEGE) == []


def test_a_a_disable_outside_a_removal_function_is_still_a_service_switched_off() -> None:
    files = _installer(
        *_INSTALL,
        "",
        "func harden() {",
        '\texec.Command("systemctl", "disable", "--now", "cups").Run()',  # 17
        "}",
    )
    assert codes_at(files, DISABLED) == [17]
