"""Classes of mistakes the two-hundred-and-fifteenth hold-out set found (tests/preflight/holdout215: install-time
hooks of package managers — an npm postinstall downloader, a Composer handler, two Cargo build scripts, two setup.py
files and a Hatchling hook), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: a build script's fetching function called with the variable of a loop over URL literals ----------------------


def _build_rs(items: str, argument: str = "remote_file") -> dict[str, str]:
    text = (
        "use std::path::Path;\n"
        "\n"
        "fn main() {\n"
        f"    for remote_file in {items} {{\n"
        f'        download_file({argument}, Path::new("assets"));\n'
        "    }\n"
        "}\n"
        "\n"
        "fn download_file(remote_file: &str, dir: &Path) {\n"
        "    let resp = reqwest::blocking::get(remote_file).unwrap();\n"
        '    std::fs::write(dir.join("x"), resp.bytes().unwrap()).unwrap();\n'
        "}\n"
    )
    return {"build.rs": text}


def test_a_loop_over_url_literals_is_contacted_at_the_get() -> None:
    array = '["https://cdn.example.org/a.js", "https://assets.example.net/b.css"]'
    assert codes_at(_build_rs(array), ENDPOINT).count(10) == 2  # one per host, at the GET
    assert 10 in codes_at(_build_rs('&["https://cdn.example.org/a.js"]'), ENDPOINT)


def test_a_near_miss_the_loop_variable_is_not_what_is_fetched() -> None:
    array = '["https://cdn.example.org/a.js"]'
    assert 10 not in codes_at(_build_rs(array, argument='"local.txt"'), ENDPOINT)  # the call gives another value
    assert codes_at(_build_rs("names()"), ENDPOINT) == []  # not an array written in the file


# -- B: a helper unpacks through the executor of new Promise(…), given the downloaded archive and bin/ ---------------


def _postinstall(executor: str) -> dict[str, str]:
    text = (
        "const https = require('https');\n"
        "const fs = require('fs');\n"
        "const path = require('path');\n"
        "const { spawn } = require('child_process');\n"
        "\n"
        "function download(url, dest) {\n"
        "  return new Promise((resolve) => {\n"
        "    const file = fs.createWriteStream(dest);\n"
        "    https.get(url, (res) => { res.pipe(file); file.on('finish', resolve); });\n"
        "  });\n"
        "}\n"
        "\n"
        "function extract(archivePath, destDir) {\n"
        f"  {executor}\n"
        "}\n"
        "\n"
        "async function main() {\n"
        "  const binDir = path.join(__dirname, 'bin');\n"
        "  const archivePath = path.join(binDir, 'tool.tar.gz');\n"
        "  await download('https://releases.example.org/tool.tar.gz', archivePath);\n"
        "  await extract(archivePath, binDir);\n"
        "  fs.chmodSync(path.join(binDir, 'tool'), 0o755);\n"
        "}\n"
        "\n"
        "main();\n"
    )
    return {"scripts/postinstall.js": text}


def test_b_an_unpack_in_a_promise_executor_runs_at_the_helpers_call() -> None:
    executor = (
        "return new Promise((resolve) => { spawn('tar', ['xzf', archivePath, '-C', destDir]).on('close', resolve); });"
    )
    assert codes_at(_postinstall(executor), UNVERIFIED) != []


def test_b_near_miss_a_callback_handed_elsewhere_stays_its_own() -> None:
    later = "return somePromise.then(() => { spawn('tar', ['xzf', archivePath, '-C', destDir]); });"
    assert codes_at(_postinstall(later), UNVERIFIED) == []
    listener = "process.on('exit', () => { spawn('tar', ['xzf', archivePath, '-C', destDir]); });"
    assert codes_at(_postinstall(listener), UNVERIFIED) == []
