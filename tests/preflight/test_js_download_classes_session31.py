"""Classes of ``preflight.unverified_download_exec`` in JavaScript install scripts that the hold-out guard missed
(session 31: npm postinstall scripts that fetch a release and unpack, move or chmod it into the package), each as its
minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.js_script import commands

CODE = "preflight.unverified_download_exec"

# -- A: functions declared above the code that calls them run where they are called ----------------------------------
# ngrok's postinstall.js: ``extract()`` (unzip into bin/, chmod 0755) is declared above ``download()``, which calls it
# once the archive is saved; read in file order the unpack came before the fetch.

_HEAD = """const fs = require('fs')
const path = require('path')
const request = require('request')
const Zip = require('decompress-zip')
const binPath = path.join(__dirname, 'bin')
const localFile = path.join(binPath, 'tool.zip')
"""

_EXTRACT = """function extract(cb) {
  new Zip(localFile).extract({path: binPath})
    .once('extract', function () {
      const target = path.join(binPath, 'tool')
      fs.chmodSync(target, 0o755)
      cb(null)
    })
}
"""

_DOWNLOAD = """function download(cb) {
  request.get('https://example.com/tool.zip')
    .pipe(fs.createWriteStream(localFile))
    .on('finish', () => CONTINUE)
}
"""


def _script(then: str, *more: str) -> str:
    return _HEAD + "install()\nfunction install () {\n  download(function () {})\n}\n" + _EXTRACT + "".join(
        more
    ) + _DOWNLOAD.replace("CONTINUE", then)


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_an_unpack_declared_above_the_download_runs_after_it() -> None:
    text = _script("extract(cb)")
    assert codes_at({"postinstall.js": text}, CODE) == [_line_of(text, "new Zip(localFile)")]


def test_a_the_script_is_written_as_shell_functions_called_in_order() -> None:
    shell = [s for _, s in commands("postinstall.js", _script("extract(cb)")) or []]
    assert "js_extract() { :" in shell and "js_download() { :" in shell and "js_install" in shell


def test_a_near_miss_a_checksum_checked_before_the_unpack_is_quiet() -> None:
    verify = """function verify(cb) {
  const hash = require('crypto').createHash('sha256')
  hash.update(fs.readFileSync(localFile))
  if (hash.digest('hex') !== EXPECTED) throw new Error('checksum mismatch')
  cb()
}
"""
    assert codes_at({"postinstall.js": _script("verify(() => extract(cb))", verify)}, CODE) == []


def test_a_near_miss_a_download_never_unpacked_is_quiet() -> None:
    # extract() is declared but never called: it keeps its place, above the fetch
    assert codes_at({"postinstall.js": _script("cb(null)")}, CODE) == []


def test_a_near_miss_a_download_unpacked_into_a_temporary_directory_that_is_deleted_is_quiet() -> None:
    text = """const fs = require('fs')
const os = require('os')
const path = require('path')
const request = require('request')
const Zip = require('decompress-zip')
const tmp = path.join(os.tmpdir(), 'tool-check')
const localFile = path.join(tmp, 'tool.zip')
download()
function inspect() {
  new Zip(localFile).extract({path: tmp})
    .once('extract', function () {
      fs.rmSync(tmp, { recursive: true, force: true })
    })
}
function download() {
  request.get('https://example.com/tool.zip')
    .pipe(fs.createWriteStream(localFile))
    .on('finish', () => inspect())
}
"""
    assert codes_at({"postinstall.js": text}, CODE) == []


def test_a_a_call_written_as_the_download_itself_keeps_the_wrappers_body_in_place() -> None:
    # elm's download.js: ``download(dest, url)`` is the download (its body writes dest with mode 0o755); the call is
    # not a second run of the body before the fetch
    text = """const fs = require('fs')
const https = require('https')
module.exports = function (dest, cb) {
  download(dest, 'https://example.com/tool.gz', cb)
}
function download(dest, url, cb) {
  https.get(url, function (response) {
    const write = fs.createWriteStream(dest, { mode: 0o755 })
    response.pipe(write)
  })
}
"""
    assert codes_at({"install.js": text}, CODE) == [_line_of(text, "createWriteStream(dest")]


# -- B: a function handed the fetched data writes the file its caller names ------------------------------------------
# toolui's postinstall.cjs: ``data = await downloadWithProgress(url)`` then ``extractTarGz(data, destPath)``, whose
# body picks the program out of the tarball, ``writeFileSync(destPath, content)`` and ``chmodSync(destPath, 0o755)``.

_PICKER = """const fs = require('fs')
const https = require('https')
const crypto = require('crypto')
const zlib = require('zlib')
function fetchBuffer(url) {
  return new Promise((resolve) => https.get(url, (res) => {
    const parts = []
    res.on('data', (c) => parts.push(c))
    res.on('end', () => resolve(Buffer.concat(parts)))
  }))
}
function pick(data, destPath) {
  const gunzip = zlib.createGunzip()
  const chunks = []
  gunzip.on('data', (chunk) => chunks.push(chunk))
  gunzip.on('end', () => {
    const content = firstEntry(Buffer.concat(chunks))
    fs.writeFileSync(destPath, content)
    CHECK
    fs.chmodSync(destPath, 0o755)
  })
  gunzip.end(data)
}
async function main() {
  const data = SOURCE
  pick(data, __dirname + '/bin/tool')
}
main()
"""


def _picker(source: str = "await fetchBuffer('https://example.com/tool.tgz')", check: str = "") -> str:
    return _PICKER.replace("SOURCE", source).replace("CHECK", check)


def test_b_a_function_handed_the_download_writes_and_chmods_its_path() -> None:
    text = _picker()
    assert codes_at({"postinstall.js": text}, CODE) == [_line_of(text, "chmodSync(destPath")]


def test_b_near_miss_data_read_from_the_package_itself_is_quiet() -> None:
    assert codes_at({"postinstall.js": _picker(source="fs.readFileSync(__dirname + '/vendor/tool.tgz')")}, CODE) == []


def test_b_near_miss_a_digest_checked_before_the_chmod_is_quiet() -> None:
    check = "if (crypto.createHash('sha256').update(content).digest('hex') !== EXPECTED) throw new Error('bad')"
    assert codes_at({"postinstall.js": _picker(check=check)}, CODE) == []


def test_b_near_miss_a_handed_download_written_but_never_made_executable_is_quiet() -> None:
    text = _picker().replace("  fs.chmodSync(destPath, 0o755)\n", "")
    assert codes_at({"postinstall.js": text}, CODE) == []


# -- C: a program moved into a folder of its own in a bin directory ---------------------------------------------------
# duti-prebuilt's install.js: ``fs.rename(pkg, path.join(binDir, 'duti', 'duti'))`` after the response was piped
# into ``pkg``.

_MOVER = """var request = require('request')
var fs = require('fs')
var path = require('path')
var pkg = 'tool'
var binDir = path.resolve(__dirname, '../..', 'bin')
request.get('https://example.com/releases/tool')
  .pipe(fs.createWriteStream(pkg))
  .on('close', function () {
    CHECK
    fs.rename(pkg, path.join(DEST, 'tool', 'tool'))
  })
"""


def test_c_a_download_moved_into_a_folder_of_a_bin_directory_is_installed() -> None:
    text = _MOVER.replace("DEST", "binDir").replace("CHECK", "")
    assert codes_at({"install.js": text}, CODE) == [_line_of(text, "fs.rename")]


def test_c_near_miss_a_move_into_a_cache_folder_is_quiet() -> None:
    text = _MOVER.replace("DEST", "path.join(__dirname, 'cache')").replace("CHECK", "")
    assert codes_at({"install.js": text}, CODE) == []


def test_c_near_miss_a_checksum_before_the_move_is_quiet() -> None:
    check = "if (require('crypto').createHash('sha256').update(fs.readFileSync(pkg)).digest('hex') !== SUM) return"
    text = _MOVER.replace("DEST", "binDir").replace("CHECK", check)
    assert codes_at({"install.js": text}, CODE) == []


def test_c_near_miss_a_data_file_moved_into_a_bin_folder_is_quiet() -> None:
    text = _MOVER.replace("DEST", "binDir").replace("CHECK", "").replace("'tool', 'tool')", "'tool', 'tool.json')")
    assert codes_at({"install.js": text}, CODE) == []


# -- D: a response handed to an extracting function of the file is unpacked as it streams in (reading only) ----------
# prek's install.js: ``extractTarball(response, destDir)`` whose body pipes its stream parameter into node-tar's
# ``extract`` (``const { extract } = require("tar")``), ``extractZip`` into ``unzipper.Extract``. Read as ``curl … |
# tar -xz -C "${destDir}"``; prek's own line stays missed (left: the two extractors sit in exclusive ``if``/``else``
# arms the shell reading does not have, and a package directory under node_modules is no program directory yet).

_STREAMER = """const fs = require('fs')
const https = require('https')
function extractTarball(tarballStream, destDir) {
  const { extract } = require('tar')
  tarballStream.pipe(extract({ cwd: destDir }))
}
function extractZip(zipStream, destDir) {
  const unzipper = require('unzipper')
  zipStream.pipe(unzipper.Extract({ path: destDir }))
}
https.get('https://example.com/tool.tar.gz', (response) => {
  const destDir = __dirname + '/vendor'
  HANDED
})
"""


def _shell_lines(text: str) -> dict[int, str]:
    return dict(commands("install.js", text) or [])


def test_d_a_handed_response_is_unpacked_as_it_streams() -> None:
    text = _STREAMER.replace("HANDED", "extractTarball(response, destDir); extractZip(response, destDir)")
    shell = _shell_lines(text)
    assert shell[_line_of(text, "extract({ cwd")] == 'curl -fsSL "${JS_VALUE}" | tar -xz -C "${destDir}"'
    assert shell[_line_of(text, "unzipper.Extract")] == 'curl -fsSL "${JS_VALUE}" | tar -xz -C "${destDir}"'


def test_d_near_miss_a_local_file_stream_handed_is_no_fetch() -> None:
    handed = "extractTarball(fs.createReadStream(__dirname + '/vendor.tgz'), destDir)"
    shell = _shell_lines(_STREAMER.replace("HANDED", handed))
    assert not any("curl" in s for s in shell.values())


def test_d_near_miss_an_extract_of_another_module_is_not_node_tar() -> None:
    text = _STREAMER.replace("require('tar')", "require('./archive')").replace(
        "HANDED", "extractTarball(response, destDir)"
    )
    assert not any("tar -xz" in s for s in _shell_lines(text).values())
