"""Classes of mistakes the hundred-and-forty-seventh hold-out set found (tests/preflight/holdout147: install-time
hooks of package managers — npm postinstall downloaders, a prebuild-install wrapper, a build.rs, an extconf.rb, a
setup.py, a Hatchling hook, a Composer script handler, a go generate helper), each as its minimal construct next to
a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import js_script

UNVERIFIED = "preflight.unverified_download_exec"


# -- A: a helper that runs ``tar`` with its parameters in the argument array, called with the fetched archive ------

_UNTAR_HELPER = (
    'const fs = require("fs");',
    'const path = require("path");',
    'const https = require("https");',
    'const { spawnSync } = require("child_process");',
    "",
    "function download(url, dest) {",
    "  return new Promise((resolve) => {",
    "    https.get(url, (res) => {",
    "      const out = fs.createWriteStream(dest);",
    "      res.pipe(out);",
    '      out.on("finish", () => resolve(dest));',
    "    });",
    "  });",
    "}",
    "",
    "function extractTarGz(archivePath, extractDir) {",
    '  spawnSync("tar", ["-xzf", archivePath, "-C", extractDir]);',
    "}",
    "",
    "async function main() {",
    '  const downloadDir = path.join(__dirname, "downloads");',
    '  const archivePath = path.join(downloadDir, "tool.tar.gz");',
    '  await download("https://downloads.example.org/tool.tar.gz", archivePath);',
    "  extractTarGz(archivePath, downloadDir);",
    '  const extracted = path.join(downloadDir, "tool");',
    '  const binaryDest = path.join(__dirname, "bin", "tool");',
    "  fs.copyFileSync(extracted, binaryDest);",
    "  fs.chmodSync(binaryDest, 0o755);",
    "}",
    "",
    "main();",
)


def test_a_the_helper_untars_into_the_directory_each_call_gives() -> None:
    text = "\n".join(_UNTAR_HELPER) + "\n"
    shells = dict(js_script.commands("scripts/postinstall.js", text) or [])
    assert shells[24] == 'tar "-xzf" "${archivePath}" "-C" "${downloadDir}"'
    assert 17 not in shells  # the helper's own call runs nothing by itself


def test_a_a_binary_of_the_untarred_download_copied_into_bin_and_made_executable_is_unverified() -> None:
    files = {"scripts/postinstall.js": "\n".join(_UNTAR_HELPER) + "\n"}
    assert codes_at(files, UNVERIFIED) == [27]


def test_a_near_miss_the_helper_called_with_the_package_s_own_archive_stays_quiet() -> None:
    text = "\n".join(_UNTAR_HELPER).replace(
        '  await download("https://downloads.example.org/tool.tar.gz", archivePath);\n', ""
    )
    assert codes_at({"scripts/postinstall.js": text + "\n"}, UNVERIFIED) == []


def test_a_near_miss_an_argument_array_of_literals_is_not_a_runner() -> None:
    text = "\n".join(_UNTAR_HELPER).replace("archivePath, \"-C\", extractDir]", '"vendor.tgz"]')
    shells = dict(js_script.commands("scripts/postinstall.js", text + "\n") or [])
    assert shells[17] == 'tar "-xzf" "vendor.tgz"'
    # the call runs the helper's body (session 31: functions read in call order), not a command written at the call
    assert shells.get(24) in (None, "js_extractTarGz")
