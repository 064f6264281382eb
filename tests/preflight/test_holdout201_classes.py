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


# -- B: a build script's own function running curl with its parameters, called with the URL and a path the script
#       later untars and links --------------------------------------------------------------------------------------

UNVERIFIED = "preflight.unverified_download_exec"
ENDPOINT = "preflight.external_endpoint"


def _build_rs(body: str) -> dict[str, str]:
    return {
        "build.rs": (
            "use std::{env, path::PathBuf, process::Command};\n\n"
            'const SDK_URL: &str = "https://github.com/example/sdk-files/raw/main/sdk-linux.tar.gz";\n\n'
            f"{body}\n"
            "fn main() {\n"
            '    let out = PathBuf::from(env::var("OUT_DIR").unwrap());\n'
            '    let sdk = out.join("sdk");\n'
            '    let file = out.join("sdk.tgz");\n'
            "    let archive = file.to_str().unwrap();\n"
            "    fetch(SDK_URL, archive);\n"
            '    let args = ["-xzf", archive, "-C", sdk.to_str().unwrap()];\n'
            '    Command::new("tar").args(&args).status().unwrap();\n'
            '    let lib = sdk.join("lib");\n'
            '    println!("cargo:rustc-link-search=native={}", lib.display());\n'
            '    println!("cargo:rustc-link-lib=dylib=sdk");\n'
            "}\n"
        )
    }


_RUNNER = (
    'fn fetch(url: &str, dst: &str) {\n    Command::new("curl").args(&["-SL", url, "-o", dst]).status().unwrap();\n}\n'
)


def test_b_a_runner_function_of_the_build_script_fetches_what_its_call_gives() -> None:
    files = _build_rs(_RUNNER)
    assert 14 in codes_at(files, ENDPOINT)  # at the call, the URL constant's host
    assert 19 in codes_at(files, UNVERIFIED)  # the fetched tarball untarred and its library linked


def test_b_near_miss_a_function_whose_command_uses_no_parameter_is_read_where_it_stands() -> None:
    local = (
        'fn fetch(url: &str, dst: &str) {\n    Command::new("git").args(&["rev-parse", "HEAD"]).status().unwrap();\n}\n'
    )
    files = _build_rs(local)
    assert codes_at(files, UNVERIFIED) == []
    assert 3 in codes_at(files, ENDPOINT)  # the constant is only text here: its host counted at the literal
