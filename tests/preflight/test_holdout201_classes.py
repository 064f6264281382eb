"""Classes of mistakes the two-hundred-and-first hold-out set found (tests/preflight/holdout201: install-time hooks
of package managers — two npm install scripts, a setup.py, a post-install script, a Hatchling build hook plugin, a
Cargo build script, an mkmf file and a Composer handler), each as its minimal construct next to a near-miss that
must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

EGRESS = "preflight.implicit_egress"


# -- A: shelljs' shell.exec("CMD") runs a command line, as child_process.execSync does ------------------------------


def _install_js(binding: str, call: str) -> dict[str, str]:
    return {"install.js": f"{binding}\n\n{call}\n"}


def test_a_shelljs_exec_runs_its_command_line() -> None:
    required = _install_js('const shell = require("shelljs");', 'shell.exec("yarn install --ignore-scripts");')
    assert 3 in codes_at(required, EGRESS)
    imported = _install_js('import shell from "shelljs";', 'shell.exec("yarn install");')
    assert 3 in codes_at({"install.mjs": imported["install.js"]}, EGRESS)
    inline = {"install.js": 'require("shelljs").exec("yarn install");\n'}
    assert 1 in codes_at(inline, EGRESS)


def test_a_near_miss_exec_of_another_object_runs_nothing() -> None:
    regex = _install_js("const shell = /yarn install/;", 'shell.exec("yarn install");')
    assert codes_at(regex, EGRESS) == []
    database = _install_js('const shell = require("better-sqlite3")("db");', 'shell.exec("yarn install");')
    assert codes_at(database, EGRESS) == []


# -- A': npx running a fetching tool of the project's dependencies is that tool ------------------------------------


def test_a_npx_running_node_pre_gyp_install_is_its_download() -> None:
    assert 3 in in_script(EGRESS, "npx node-pre-gyp install")
    assert 3 in in_script(EGRESS, "npx --no-install node-pre-gyp install --fallback-to-build")


def test_a_near_miss_npx_running_a_tool_that_fetches_nothing_here_stays_quiet() -> None:
    assert in_script(EGRESS, "npx node-pre-gyp rebuild") == []
    assert in_script(EGRESS, "npx prisma generate") == []
