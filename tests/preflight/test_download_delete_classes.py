"""Classes of ``unverified_download_exec`` a JavaScript install script's reader did not see (session 22, h157): a
fetched archive unpacked into a directory (``spawnSync('tar', [...])``, node-tar fed the response, decompress-zip)
and a file of that directory, reached through a path built with ``path.join``, made executable; a download moved
into a ``bin`` directory with ``fs.rename``. Each construct beside its near miss (a digest checked, or a file never
fetched, stays quiet)."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"
_PACKAGE = '{"name": "tool", "scripts": {"postinstall": "node install.js"}}'


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


_GET = (
    "const fs = require('fs');",  # 1
    "const path = require('path');",  # 2
    "const https = require('https');",  # 3
    "const { spawnSync } = require('child_process');",  # 4
    "function get(url) { return new Promise((resolve) => { https.get(url, (res) => resolve(res)); }); }",  # 5
    "async function download(url, dest) {",  # 6
    "  const res = await get(url);",  # 7
    "  res.pipe(fs.createWriteStream(dest));",  # 8
    "}",  # 9
)

_SPAWNED_TAR = _text(
    *_GET,
    "async function main() {",  # 10
    "  const vendorDir = path.join(__dirname, 'vendor');",  # 11
    "  const archivePath = path.join(vendorDir, 'tool.tar.gz');",  # 12
    "  await download('https://builds.example.com/tool.tar.gz', archivePath);",  # 13
    "  spawnSync('tar', ['-xzf', archivePath, '-C', vendorDir]);",  # 14
    "  const binaryPath = path.join(vendorDir, 'tool');",  # 15
    "  fs.chmodSync(binaryPath, 0o755);",  # 16
    "}",  # 17
    "main();",  # 18
)


def _codes(script: str) -> list[int]:
    return codes_at({"package.json": _PACKAGE, "install.js": script}, UNVERIFIED)


def test_an_archive_unpacked_by_a_spawned_tar_then_its_binary_made_executable() -> None:
    # the archive saved at ``archivePath`` is unpacked into ``vendorDir`` (14); ``binaryPath`` is built from
    # ``vendorDir`` (15), so the chmod (16) makes a file of the fetched tree executable, with no check between
    assert _codes(_SPAWNED_TAR) == [16]


def test_near_miss_a_digest_checked_before_the_unpack_stays_quiet() -> None:
    checked = _SPAWNED_TAR.replace("  spawnSync('tar',", "  crypto.createHash('sha256');\n  spawnSync('tar',")
    assert _codes(checked) == []


def test_near_miss_a_chmod_of_a_file_outside_the_unpacked_tree_stays_quiet() -> None:
    elsewhere = _SPAWNED_TAR.replace("path.join(vendorDir, 'tool')", "path.join(__dirname, 'bin', 'wrapper.sh')")
    assert _codes(elsewhere) == []


_STREAMED = _text(
    "const fs = require('fs');",  # 1
    "const path = require('path');",  # 2
    "const tar = require('tar-fs');",  # 3
    "const zlib = require('zlib');",  # 4
    "const { pipeline } = require('stream/promises');",  # 5
    "async function main() {",  # 6
    "  const targetDir = path.resolve(__dirname, '..', '.bin');",  # 7
    "  const res = await fetch('https://builds.example.com/tool.tar.gz');",  # 8
    "  await pipeline(res.body, zlib.createGunzip(), tar.extract(targetDir));",  # 9
    "  const binaryPath = path.join(targetDir, 'tool');",  # 10
    "  await fs.promises.chmod(binaryPath, '755');",  # 11
    "}",  # 12
    "main();",  # 13
)


def test_a_response_piped_into_tar_extract_then_its_binary_made_executable() -> None:
    # ``fetch | tar -xz -C DIR`` (9): the unpacked tree is fetched code; the chmod of a file in it (11) is reported
    # at the unpack, where the fetched tree is placed in a ``.bin`` directory
    assert _codes(_STREAMED) in ([9], [11])


def test_near_miss_tar_extract_fed_a_local_file_is_not_a_download() -> None:
    local = _STREAMED.replace("res.body, zlib", "fs.createReadStream('vendor.tar.gz'), zlib")
    assert _codes(local) == []


_RENAMED = _text(
    "var request = require('request');",  # 1
    "var fs = require('fs');",  # 2
    "var path = require('path');",  # 3
    "var binDir = path.resolve(__dirname, '..', 'bin');",  # 4
    "var pkg = 'tool';",  # 5
    "request.get('https://example.com/releases/tool').pipe(fs.createWriteStream(pkg))",  # 6
    "  .on('close', function () {",  # 7
    "    fs.renameSync(pkg, path.join(binDir, pkg));",  # 8
    "  });",  # 9
)


def test_a_download_renamed_into_a_bin_directory_is_installed() -> None:
    assert _codes(_RENAMED) == [8]


def test_near_miss_a_download_renamed_into_a_data_directory_stays_quiet() -> None:
    assert _codes(_RENAMED.replace("'..', 'bin'", "'..', 'data'")) == []


DELETE = "preflight.destructive_delete"

_REINSTALL = _text(
    "#!/bin/bash",  # 1
    "mkdir -p /opt/agent",  # 2
    "rm -R /opt/agent/*",  # 3
    "curl -o /opt/agent/main https://downloads.example.com/agent/linux",  # 4
    "sha256sum -c /opt/agent.sha256",  # 5
    "chmod +x /opt/agent/main",  # 6
)


def test_a_directory_emptied_then_filled_with_the_new_download_is_no_data_loss() -> None:
    # ``destructive_delete`` class: the agent's own directory is emptied (3) to take the new program (4)
    assert codes_at({"install.sh": _REINSTALL}, DELETE) == []


def test_near_miss_a_data_directory_emptied_beside_the_download_is_still_a_delete() -> None:
    other = _REINSTALL.replace("rm -R /opt/agent/*", "rm -R /var/lib/agent/*")
    assert codes_at({"install.sh": other}, DELETE) == [3]


_RELEASE_SWAP = _text(
    "#!/bin/bash",  # 1
    "APP=/home/chat/app",  # 2
    "STAGE=/home/chat/stage",  # 3
    "curl -o /home/chat/stage/release.tgz https://releases.example.com/chat.tgz",  # 4
    "tar xzf /home/chat/stage/release.tgz -C $STAGE",  # 5
    "rm -Rf $APP/programs/",  # 6
    "mv $STAGE/bundle/* $APP/",  # 7
)


def test_a_program_tree_replaced_by_the_unpacked_release_moved_over_it_is_no_data_loss() -> None:
    assert codes_at({"upgrade.sh": _RELEASE_SWAP}, DELETE) == []


def test_near_miss_a_move_into_the_parent_with_no_archive_unpacked_is_still_a_delete() -> None:
    unpacked_nothing = _RELEASE_SWAP.replace("tar xzf /home/chat/stage/release.tgz -C $STAGE", "true")
    assert codes_at({"upgrade.sh": unpacked_nothing}, DELETE) == [6]
