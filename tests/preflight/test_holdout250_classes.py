"""Classes the two-hundred-and-fiftieth hold-out set showed (tests/preflight/holdout250: install, update and deploy
programs in Python, Node.js/TypeScript, Ruby and Go), each as its minimal construct next to near-misses that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
DISABLED = "preflight.service_disabled"
ENDPOINT = "preflight.external_endpoint"


# -- A: a TypeScript program that writes its unit with ``fs`` functions imported by name ----------------------------


def _agent(imports: str, *body: str, path: str = "packages/agent/src/service.ts") -> dict[str, str]:
    head = (imports, 'import { execSync } from "node:child_process";', "", 'const NAME = "agent";', "")
    return {path: "\n".join((*head, *body)) + "\n"}


_NAMED = 'import { writeFileSync, unlinkSync } from "node:fs";'
_INSTALL = (
    "function installSystemd(): void {",  # 6
    "  const unitPath = `/etc/systemd/system/${NAME}.service`;",  # 7
    '  writeFileSync(unitPath, "[Unit]");',  # 8
    '  execSync("systemctl daemon-reload");',  # 9
    "}",
)


def test_a_a_unit_written_by_an_imported_fs_function_makes_an_installer() -> None:
    assert codes_at(_agent(_NAMED, *_INSTALL), PRIVILEGE) == [8, 9]


def test_a_a_destructured_require_and_an_alias_are_the_fs_functions_too() -> None:
    required = 'const { writeFileSync: put } = require("fs");'
    body = tuple(line.replace("writeFileSync(", "put(") for line in _INSTALL)
    assert codes_at(_agent(required, *body), PRIVILEGE) == [8, 9]


def test_a_the_uninstall_removes_the_unit_and_disables_the_products_own_unit() -> None:
    files = _agent(
        _NAMED,
        *_INSTALL,
        "",
        "function uninstallSystemd(): void {",  # 12
        "  const unitPath = `/etc/systemd/system/${NAME}.service`;",  # 13
        "  execSync(`systemctl disable ${NAME}`);",  # 14
        "  unlinkSync(unitPath);",  # 15
        "}",
    )
    assert codes_at(files, PRIVILEGE) == [8, 9, 14, 15]
    assert codes_at(files, DISABLED) == []  # the product's own unit, in the operator's uninstall


def test_a_a_same_named_function_of_another_module_or_a_user_unit_stays_unread() -> None:
    other = 'import { writeFileSync } from "./store";'
    assert codes_at(_agent(other, *_INSTALL), PRIVILEGE) == []
    user = tuple(line.replace("/etc/systemd/system/", "/home/app/.config/systemd/user/") for line in _INSTALL)
    assert codes_at(_agent(_NAMED, *user), PRIVILEGE) == []


def test_a_a_disable_outside_a_removal_function_is_still_a_service_switched_off() -> None:
    files = _agent(
        _NAMED,
        *_INSTALL,
        "",
        "function harden(): void {",  # 12
        '  execSync("systemctl disable --now cups");',  # 13
        "}",
    )
    assert codes_at(files, DISABLED) == [13]


# -- E: an f-string run by a shell whose field is a constant the program binds ---------------------------------------


def _deploy(*body: str) -> dict[str, str]:
    head = ("import os", 'REPO = "https://github.com/example/app.git"', 'NAME = "app"', "")
    return {"deploy.py": "\n".join((*head, *body)) + "\n"}


def test_e_a_constant_in_a_run_f_string_is_its_value_though_it_is_also_printed() -> None:
    files = _deploy(
        'print(f"Cloning {REPO}...")',  # 5
        'os.system(f"git clone {REPO} {NAME}")',  # 6
    )
    assert codes_at(files, ENDPOINT) == [6]


def test_e_a_field_that_is_not_a_plain_bound_name_stays_unknown() -> None:
    files = _deploy(
        'print(f"Cloning {REPO}...")',
        'os.system(f"git clone {REPO!r} {NAME}")',  # a conversion: not the plain value
        'os.system(f"git clone {other_url} {NAME}")',  # a name the program never binds
    )
    assert codes_at(files, ENDPOINT) == []
