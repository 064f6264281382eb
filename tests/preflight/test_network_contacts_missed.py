"""Classes of network contacts the hold-out sets still missed (`implicit_egress`, `external_endpoint`), each with
its near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

_COMPOSE = ('compose() { docker compose -f "${COMPOSE_FILE}" "$@"; }',)


def test_a_wrappers_fetch_is_reported_at_the_call_that_names_the_verb() -> None:
    # the body (3) pulls nothing by itself: ``compose pull`` (4) makes it pull
    assert in_script("preflight.implicit_egress", *_COMPOSE, "compose pull", "compose up -d") == [4]
    # near-miss: a call that fetches nothing (``ps``, ``logs``) is no egress anywhere
    assert in_script("preflight.implicit_egress", *_COMPOSE, "compose ps", "compose logs app") == []


def test_a_wrapper_of_a_wrapper_is_reported_at_the_outer_call() -> None:
    occ = ('occ() { compose exec -T app php occ "$@"; }',)
    lines = (*_COMPOSE, *occ, "compose pull", "occ app:install richdocuments")
    assert in_script("preflight.implicit_egress", *lines) == [5, 6]


def test_a_body_that_names_its_own_verb_stays_at_its_line() -> None:
    # near-miss: the call only names the packages; the body's ``install`` decides, so the body's line is kept
    body = ('apt_install() { apt-get install -y "$@"; }', "apt_install curl jq")
    assert in_script("preflight.implicit_egress", *body) == [3]


def test_a_package_manager_named_by_the_branch_test_is_read_as_that_tool() -> None:
    pick = (
        "pm=$(detect_pm)",
        'if [ "$pm" = "yum" ]; then',
        '  sudo "$pm" -y update',
        'elif [ "$pm" == apt-get ]; then',
    )
    lines = (*pick, '  sudo DEBIAN_FRONTEND=noninteractive "$pm" -y update', "fi")
    assert in_script("preflight.implicit_egress", *lines) == [5, 7]
    # near-misses: the else branch (anything but the literal) and a ``!=`` test give the variable no value
    other = ("pm=$(detect_pm)", 'if [ "$pm" != "yum" ]; then', '  "$pm" -y update', "else", '  "$pm" -y update', "fi")
    assert in_script("preflight.implicit_egress", *other) == []


def test_a_browser_installer_run_as_the_projects_tool_fetches() -> None:
    egress = "preflight.implicit_egress"
    assert in_script(egress, "npx puppeteer browsers install chrome --install-deps") == [3]
    assert in_script(egress, "python -m playwright install chromium", "playwright install-deps") == [3, 4]
    # near-misses: the same tools listing, printing or recording fetch nothing
    assert in_script(egress, "npx puppeteer browsers list", "python -m playwright codegen", "npx playwright -V") == []


_AUTOINSTALL = (
    "#cloud-config",
    "autoinstall:",
    "  version: 1",
    "  early-commands:",
    "    - wget -qO- https://clock.vendor.io/now",
    "  late-commands:",
    "    - curtin in-target -- true",
    "",
)


def test_an_autoinstall_command_list_is_run_as_shell() -> None:
    files = {"user-data": "\n".join(_AUTOINSTALL)}
    assert codes_at(files, "preflight.external_endpoint") == [5]
    # near-miss: an item that only prints the URL contacts nothing
    quiet = "\n".join(_AUTOINSTALL).replace("wget -qO- https", "echo see https")
    assert codes_at({"user-data": quiet}, "preflight.external_endpoint") == []


def _js(*lines: str) -> dict[str, str | bytes]:
    return {"scripts/postinstall.js": "\n".join(('const { execSync } = require("child_process");', *lines, ""))}


def test_a_js_runner_that_writes_its_verb_is_reported_at_its_own_line() -> None:
    install = ("function installWithBun(pkg) {", "  execSync(`bun install -g ${pkg}`);", "}", 'installWithBun("tui");')
    assert codes_at(_js(*install), "preflight.implicit_egress") == [3]
    # near-miss: a runner of a whole command line is what each call gives, at the call
    run = ("function run(cmd) {", "  execSync(cmd);", "}", 'run("yarn install");', 'run("node build.js");')
    assert codes_at(_js(*run), "preflight.implicit_egress") == [5]
