"""Programs' self-updaters (session 33): a fetched release unpacked in memory and written over the program, as
hold-out set 271's site.js ``update`` command does (``https.get`` read into a buffer, streamed through ``gunzip`` into
tar-stream's extractor, each entry's bytes collected by ``concat`` and written to ``/usr/local/bin`` with mode 0755).
Each construct is a small one-file package next to near-misses that must stay quiet: a digest checked before the
write, a download kept as data, an unpack whose entries are never written."""

from __future__ import annotations

from preflight_kit import codes_at

CODE = "preflight.unverified_download_exec"

_HEAD = """const https = require('https')
const fs = require('fs')
const tar = require('tar-stream')
const gunzip = require('gunzip-maybe')
const concat = require('concat-stream')
"""

_GET = """
function getBinary (url) {
  return new Promise((resolve, reject) => {
    https.get(url, (response) => {
      const chunks = []
      response.on('data', _ => chunks.push(_))
      response.on('end', () => resolve({ body: Buffer.concat(chunks) }))
    })
  })
}
"""

_UPDATE = """
async function update () {
  const response = await getBinary('https://example.com/releases/tool.tar.gz')
  const release = response.body
  CHECK
  await extract(release)
}
"""

_EXTRACT = """
function extract (release) {
  return new Promise((resolve) => {
    const extractTar = tar.extract()
    extractTar.on('entry', (header, stream, next) => {
      stream.pipe(concat(executable => {
        WRITE
        resolve()
      }))
    })
    SOURCE.pipe(gunzip()).pipe(extractTar)
  })
}

update()
"""

_WRITE = "fs.writeFileSync('/usr/local/bin/tool', executable, { mode: 0o755 })"


def _updater(write: str = _WRITE, check: str = "", source: str = "release", get: str = _GET) -> dict[str, str]:
    body = _HEAD + get + _UPDATE.replace("CHECK", check) + _EXTRACT.replace("WRITE", write).replace("SOURCE", source)
    return {"bin/commands/update.js": body}


def _line_of(files: dict[str, str], text: str) -> int:
    return next(i for i, line in enumerate(files["bin/commands/update.js"].splitlines(), 1) if text in line)


# -- A: the entry of an in-memory unpack of the download, written executable over the program ------------------------


def test_a_entry_written_over_the_program_from_a_fetched_tarball() -> None:
    files = _updater()
    assert codes_at(files, CODE) == [_line_of(files, "writeFileSync")]


def test_a_the_same_through_a_stream_made_from_the_buffer() -> None:
    # ``bufferToStream(release).pipe(gunzip()).pipe(extractTar)``: a helper of the file turns the buffer into a stream
    helper = "\nfunction bufferToStream (binary) { return require('stream').Readable.from([binary]) }\n"
    files = _updater(source="bufferToStream(release)", get=_GET + helper)
    assert codes_at(files, CODE) == [_line_of(files, "writeFileSync")]


def test_a_the_same_written_through_a_write_stream() -> None:
    files = _updater(write="fs.writeFile('/usr/local/bin/tool', executable, { mode: 0o755 }, () => {})")
    assert codes_at(files, CODE) == [_line_of(files, "writeFile(")]


# -- near-misses ------------------------------------------------------------------------------------------------------


def test_a_a_digest_checked_before_the_write_stays_quiet() -> None:
    check = (
        "const digest = require('crypto').createHash('sha256').update(release).digest('hex')\n"
        "  if (digest !== EXPECTED) throw new Error('checksum mismatch')"
    )
    assert codes_at(_updater(check=check), CODE) == []


_IN_MEMORY = """const fs = require('fs')
async function main () {
  const res = await fetch('https://example.com/tool')
  const data = Buffer.from(await res.arrayBuffer())
  CHECK
  fs.writeFileSync('/usr/local/bin/tool', data, { mode: 0o755 })
}
main()
"""


def test_a_a_fetched_buffer_written_executable_is_found_and_its_digest_check_quiets_it() -> None:
    assert codes_at({"scripts/update.js": _IN_MEMORY.replace("CHECK", "")}, CODE) == [6]
    check = (
        "const sum = require('crypto').createHash('sha256').update(data).digest('hex')\n"
        "  if (sum !== PUBLISHED) throw new Error('checksum mismatch')"
    )
    assert codes_at({"scripts/update.js": _IN_MEMORY.replace("CHECK", check)}, CODE) == []
    # a digest of something else (the local version file) checks nothing fetched
    other = "const sum = require('crypto').createHash('sha256').update(fs.readFileSync('VERSION')).digest('hex')"
    assert codes_at({"scripts/update.js": _IN_MEMORY.replace("CHECK", other)}, CODE) == [6]


# -- B: a Go self-updater untars the fetched release through its own command wrapper, then renames it over itself ------

_GO_UPDATER = """package updates

import (
	"io"
	"net/http"
	"os"
	"path/filepath"

	"github.com/kardianos/osext"
)

func (u *Updater) update(rawUrl string, configDir string) error {
	zipPath := filepath.Join(configDir, "temp_tool.tar.gz")
	out, err := os.Create(zipPath)
	if err != nil {
		return err
	}
	defer out.Close()
	resp, err := http.Get(rawUrl)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err = io.Copy(out, resp.Body); err != nil {
		return err
	}
	CHECK
	err = u.OSCommand.Cmd.New([]string{"tar", "-zxf", zipPath, "tool"}).Run()
	if err != nil {
		return err
	}
	binaryPath, err := osext.Executable()
	if err != nil {
		return err
	}
	RENAME
	return nil
}
"""
_GO_RENAME = 'err = os.Rename("tool", binaryPath)'


def _go(check: str = "", rename: str = _GO_RENAME) -> dict[str, str]:
    return {"pkg/updates/updates.go": _GO_UPDATER.replace("CHECK", check).replace("RENAME", rename)}


def test_b_release_untarred_by_the_programs_wrapper_and_renamed_over_the_executable() -> None:
    files = _go()
    assert codes_at(files, CODE) == [_line_in(files, "pkg/updates/updates.go", "os.Rename")]


def test_b_a_digest_compared_before_the_untar_stays_quiet() -> None:
    check = (
        "sum := sha256.Sum256(readAll(zipPath))\n"
        "\tif hex.EncodeToString(sum[:]) != published {\n\t\treturn errBadChecksum\n\t}"
    )
    assert codes_at(_go(check=check), CODE) == []


def test_b_an_untar_never_placed_over_the_program_stays_quiet() -> None:
    assert codes_at(_go(rename="_ = binaryPath"), CODE) == []


def _line_in(files: dict[str, str], path: str, text: str) -> int:
    return next(i for i, line in enumerate(files[path].splitlines(), 1) if text in line)


def test_a_an_entry_written_as_data_stays_quiet() -> None:
    # the entry kept as a plain file (no execute mode) in a data directory: nothing runs it
    assert codes_at(_updater(write="fs.writeFileSync('/var/lib/tool/notes.txt', executable)"), CODE) == []


def test_a_an_unpack_whose_entries_are_never_written_stays_quiet() -> None:
    assert codes_at(_updater(write="console.log(header.name, executable.length)"), CODE) == []


def test_a_a_local_archive_unpacked_in_memory_stays_quiet() -> None:
    # the same unpack of a file the package ships: nothing fetched
    files = _updater(source="fs.createReadStream('dist/tool.tar.gz')")
    assert codes_at(files, CODE) == []
