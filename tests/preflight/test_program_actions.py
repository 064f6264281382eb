"""What install programs do, read in each program reader as the shell that does the same (session 22's probes):
an archive downloaded, unpacked and run with no checksum, a secret printed to the install log, a shell profile
written. Each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"
PRINTED = "preflight.secret_printed"
PERSISTENCE = "preflight.persistence"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- Python ---------------------------------------------------------------------------------------------------------

PY_UNPACK_RUN = _text(
    "import shutil, subprocess, tarfile, urllib.request",  # 1
    "URL = 'https://releases.example.io/agent/agent-linux-amd64.tar.gz'",  # 2
    "def download(url, dest):",  # 3
    "    with urllib.request.urlopen(url) as resp, open(dest, 'wb') as out:",  # 4
    "        shutil.copyfileobj(resp, out)",  # 5
    "def main():",  # 6
    "    download(URL, '/tmp/agent.tgz')",  # 7
    "    with tarfile.open('/tmp/agent.tgz') as tar:",  # 8
    "        tar.extractall('/opt/agent')",  # 9
    "    subprocess.run(['/opt/agent/agent', 'register'], check=True)",  # 10
    "if __name__ == '__main__':",  # 11
    "    main()",  # 12
)


def test_python_a_downloaded_archive_unpacked_and_its_program_run() -> None:
    """The file's download helper (``urlopen`` copied into ``open(dest, "wb")``) saves the archive, ``tarfile``
    unpacks it into ``/opt/agent`` and the program there is run: no checksum, as ``curl -o``/``tar -C`` in shell."""
    assert codes_at({"install.py": PY_UNPACK_RUN}, UNVERIFIED) == [9]
    chained = PY_UNPACK_RUN.replace(
        "    with tarfile.open('/tmp/agent.tgz') as tar:\n        tar.extractall('/opt/agent')",
        "    tarfile.open('/tmp/agent.tgz').extractall(path='/opt/agent')\n    pass",
    )
    assert codes_at({"install.py": chained}, UNVERIFIED) == [8]
    zipped = PY_UNPACK_RUN.replace("tarfile.open(", "zipfile.ZipFile(")
    zipped = zipped.replace("import shutil", "import zipfile, shutil")
    assert codes_at({"install.py": zipped}, UNVERIFIED) == [9]


def test_python_near_miss_a_shipped_archive_or_a_checked_download() -> None:
    """The archive the package ships (no download of it) unpacked and run; the download checked before."""
    shipped = PY_UNPACK_RUN.replace("    download(URL, '/tmp/agent.tgz')", "    pass").replace(
        "'/tmp/agent.tgz'", "'vendor/agent.tgz'"
    )
    assert codes_at({"install.py": shipped}, UNVERIFIED) == []
    checked = PY_UNPACK_RUN.replace(
        "    download(URL, '/tmp/agent.tgz')",
        "    download(URL, '/tmp/agent.tgz'); subprocess.run(['sha256sum', '-c', 'agent.sha256'], check=True)",
    )
    assert codes_at({"install.py": checked}, UNVERIFIED) == []


def test_python_a_file_object_name_reused_by_another_function_keeps_each_its_own_file() -> None:
    """``out`` opened for the download in one function and for the settings in a later one: the download is saved
    at its own path (the archive unpacked and run), not at the settings file."""
    reused = PY_UNPACK_RUN.replace(
        "def main():",
        "def settings():\n    with open('/etc/agent/agent.yaml', 'w') as out:\n        out.write('x')\ndef main():",
    )
    assert codes_at({"install.py": reused}, UNVERIFIED) == [12]


PY_PRINTED = _text(
    "import os",  # 1
    "def main():",  # 2
    "    token = os.environ['AGENT_TOKEN']",  # 3
    "    print('Agent token:', os.environ['AGENT_TOKEN'])",  # 4
    "    print(f'password: {args.password}')",  # 5
    "if __name__ == '__main__':",  # 6
    "    main()",  # 7
)


def test_python_a_secret_printed() -> None:
    """``print`` of a secret-named value (the environment's, an attribute's in an f-string): ``echo`` of it."""
    assert codes_at({"install.py": PY_PRINTED}, PRINTED) == [4, 5]


def test_python_near_miss_a_printed_non_secret_or_a_secret_written_to_a_file() -> None:
    shown = PY_PRINTED.replace("os.environ['AGENT_TOKEN'])", "os.environ['AGENT_VERSION'])").replace(
        "password: {args.password}", "version: {args.version}"
    )
    assert codes_at({"install.py": shown}, PRINTED) == []
    to_file = PY_PRINTED.replace("os.environ['AGENT_TOKEN'])", "os.environ['AGENT_TOKEN'], file=fh)").replace(
        "{args.password}')", "{args.password}', file=fh)"
    )
    assert codes_at({"install.py": to_file}, PRINTED) == []


PY_PROFILE = _text(
    "import os",  # 1
    "def main():",  # 2
    "    with open(os.path.expanduser('~/.bashrc'), 'a') as fh:",  # 3
    "        fh.write('export PATH=$PATH:/opt/agent/bin')",  # 4
    "if __name__ == '__main__':",  # 5
    "    main()",  # 6
)


def test_python_a_shell_profile_appended_to() -> None:
    assert codes_at({"install.py": PY_PROFILE}, PERSISTENCE) == [3]


def test_python_near_miss_a_profile_read() -> None:
    assert codes_at({"install.py": PY_PROFILE.replace("'a')", "'r')")}, PERSISTENCE) == []


# -- JavaScript -----------------------------------------------------------------------------------------------------

JS_UNPACK_RUN = _text(
    "const fs = require('fs')",  # 1
    "const https = require('https')",  # 2
    "const tar = require('tar')",  # 3
    "const { execFileSync } = require('child_process')",  # 4
    "function download(url, dest) {",  # 5
    "  return new Promise((r) => https.get(url, (res) => res.pipe(fs.createWriteStream(dest)).on('close', r)))",  # 6
    "}",  # 7
    "async function main() {",  # 8
    "  await download('https://releases.example.io/agent.tgz', '/tmp/agent.tgz')",  # 9
    "  await tar.x({ file: '/tmp/agent.tgz', C: '/opt/agent' })",  # 10
    "  execFileSync('/opt/agent/agent', ['register'])",  # 11
    "}",  # 12
    "main()",  # 13
)


def test_js_a_downloaded_archive_unpacked_and_its_program_run() -> None:
    """node-tar unpacks the archive the file's download function saved (a literal path now spelled), and the
    program there is run: no checksum. extract-zip and adm-zip the same."""
    assert codes_at({"install.js": JS_UNPACK_RUN}, UNVERIFIED) == [10]
    zipped = JS_UNPACK_RUN.replace(
        "await tar.x({ file: '/tmp/agent.tgz', C: '/opt/agent' })",
        "await extract('/tmp/agent.tgz', { dir: '/opt/agent' })",
    )
    assert codes_at({"install.js": zipped}, UNVERIFIED) == [10]
    adm = JS_UNPACK_RUN.replace(
        "await tar.x({ file: '/tmp/agent.tgz', C: '/opt/agent' })",
        "const zip = new AdmZip('/tmp/agent.tgz'); zip.extractAllTo('/opt/agent')",
    )
    assert codes_at({"install.js": adm}, UNVERIFIED) == [10]


def test_js_near_miss_a_shipped_archive_unpacked() -> None:
    shipped = JS_UNPACK_RUN.replace("  await download('https://releases.example.io/agent.tgz', '/tmp/agent.tgz')", "")
    assert codes_at({"install.js": shipped}, UNVERIFIED) == []


JS_ACTS = _text(
    "const fs = require('fs')",  # 1
    "const os = require('os')",  # 2
    "const token = process.env.AGENT_TOKEN",  # 3
    "fs.appendFileSync(os.homedir() + '/.bashrc', 'export PATH=$PATH:/opt/agent\\n')",  # 4
    "console.log('Agent token:', token)",  # 5
    "console.log(`password: ${process.env.DB_PASSWORD}`)",  # 6
)


def test_js_a_profile_appended_to_and_secrets_shown() -> None:
    assert codes_at({"postinstall.js": JS_ACTS}, PERSISTENCE) == [4]
    assert codes_at({"postinstall.js": JS_ACTS}, PRINTED) == [5, 6]


def test_js_near_miss_a_profile_read_and_non_secrets_shown() -> None:
    quiet = JS_ACTS.replace("fs.appendFileSync(", "fs.readFileSync(").replace("token)", "version)")
    quiet = quiet.replace("password: ${process.env.DB_PASSWORD}", "prefix: ${process.env.PREFIX}")
    assert codes_at({"postinstall.js": quiet}, PERSISTENCE) == []
    assert codes_at({"postinstall.js": quiet}, PRINTED) == []


# -- Go -------------------------------------------------------------------------------------------------------------

GO_UNPACK_RUN = _text(
    "package main",  # 1
    "",  # 2
    'import ("archive/tar"; "compress/gzip"; "io"; "net/http"; "os"; "os/exec"; "path/filepath")',  # 3
    "",  # 4
    "func main() {",  # 5
    '\tresp, _ := http.Get("https://releases.example.io/agent.tgz")',  # 6
    '\tout, _ := os.Create("/tmp/agent.tgz")',  # 7
    "\tio.Copy(out, resp.Body)",  # 8
    '\tf, _ := os.Open("/tmp/agent.tgz")',  # 9
    "\tgz, _ := gzip.NewReader(f)",  # 10
    "\ttr := tar.NewReader(gz)",  # 11
    "\tfor {",  # 12
    "\t\thdr, err := tr.Next()",  # 13
    "\t\tif err != nil { break }",  # 14
    '\t\tw, _ := os.Create(filepath.Join("/opt/agent", hdr.Name))',  # 15
    "\t\tio.Copy(w, tr)",  # 16
    "\t}",  # 17
    '\texec.Command("/opt/agent/agent", "register").Run()',  # 18
    "}",  # 19
)


def test_go_a_downloaded_archive_unpacked_entry_by_entry_and_its_program_run() -> None:
    assert codes_at({"cmd/install/main.go": GO_UNPACK_RUN}, UNVERIFIED) == [15]


def test_go_near_miss_a_shipped_archive_unpacked() -> None:
    shipped = GO_UNPACK_RUN.replace('"/tmp/agent.tgz")\n\tgz', '"vendor/bundle.tgz")\n\tgz')
    assert codes_at({"cmd/install/main.go": shipped}, UNVERIFIED) == []


GO_HELPER_SAVE = _text(
    "package cmd",  # 1
    "",  # 2
    'import ("io"; "net/http"; "os"; "os/exec"; "path/filepath")',  # 3
    "",  # 4
    "func downloadFile(url, dest string) error {",  # 5
    "\tresp, _ := http.Get(url)",  # 6
    "\tout, _ := os.Create(dest)",  # 7
    "\t_, err := io.Copy(out, resp.Body)",  # 8
    "\treturn err",  # 9
    "}",  # 10
    "",  # 11
    "func Update() error {",  # 12
    '\ttmp := filepath.Join(os.TempDir(), "tool.tar.gz")',  # 13
    '\tdownloadFile("https://releases.example.io/tool.tar.gz", tmp)',  # 14
    '\treturn exec.Command("tar", "-xzf", tmp, "-C", "/usr/local/bin").Run()',  # 15
    "}",  # 16
)


def test_go_a_path_built_with_filepath_join_is_the_same_file_in_the_command_that_unpacks_it() -> None:
    """``tmp := filepath.Join(…)`` saved by the file's download helper, then ``exec.Command("tar", "-xzf", tmp, …)``:
    the word is spelled as the name that holds it, as where the download was saved, so the unpack is of the
    download (no checksum)."""
    assert codes_at({"cmd/update.go": GO_HELPER_SAVE}, UNVERIFIED) == [15]
    other = GO_HELPER_SAVE.replace('"tar", "-xzf", tmp,', '"tar", "-xzf", bundled,').replace(
        '\tdownloadFile("', '\tbundled := filepath.Join("vendor", "tool.tar.gz")\n\tdownloadFile("'
    )
    assert codes_at({"cmd/update.go": other}, UNVERIFIED) == []


GO_PRINTED = _text(
    "package main",  # 1
    "",  # 2
    'import ("fmt"; "log"; "os")',  # 3
    "",  # 4
    "func main() {",  # 5
    '\tpassword := os.Getenv("DB_PASSWORD")',  # 6
    '\tfmt.Println("password:", password)',  # 7
    '\tlog.Printf("token: %s", os.Getenv("AGENT_TOKEN"))',  # 8
    "}",  # 9
)


def test_go_a_secret_printed() -> None:
    assert codes_at({"cmd/install/main.go": GO_PRINTED}, PRINTED) == [7, 8]


def test_go_near_miss_a_non_secret_printed_or_a_secret_formatted_into_a_string() -> None:
    quiet = GO_PRINTED.replace('fmt.Println("password:", password)', 'fmt.Println("version:", version)')
    quiet = quiet.replace("log.Printf(", "_ = fmt.Sprintf(")
    assert codes_at({"cmd/install/main.go": quiet}, PRINTED) == []


# -- PHP ------------------------------------------------------------------------------------------------------------

PHP_UNPACK_RUN = _text(
    "<?php",  # 1
    "$url = 'https://releases.example.io/agent.zip';",  # 2
    "file_put_contents('/tmp/agent.zip', file_get_contents($url));",  # 3
    "$zip = new ZipArchive();",  # 4
    "$zip->open('/tmp/agent.zip');",  # 5
    "$zip->extractTo('/opt/agent');",  # 6
    "exec('/opt/agent/agent register');",  # 7
)


def test_php_a_downloaded_archive_unpacked_and_its_program_run() -> None:
    """``file_get_contents`` of a URL held in a variable saved with ``file_put_contents``, ``ZipArchive::extractTo``
    and the program there run: no checksum, as in shell."""
    assert codes_at({"upgrade.php": PHP_UNPACK_RUN}, UNVERIFIED) == [6]


def test_php_near_miss_a_shipped_archive_unpacked() -> None:
    shipped = PHP_UNPACK_RUN.replace("file_put_contents('/tmp/agent.zip', file_get_contents($url));", "")
    assert codes_at({"upgrade.php": shipped.replace("/tmp/agent.zip", "vendor/bundle.zip")}, UNVERIFIED) == []


PHP_ACTS = _text(
    "<?php",  # 1
    "file_put_contents(getenv('HOME') . '/.bashrc', \"export PATH=\\$PATH:/opt/agent\\n\", FILE_APPEND);",  # 2
    "$password = getenv('DB_PASSWORD');",  # 3
    'echo "Database password: $password\\n";',  # 4
    "echo 'Token: ' . $token . \"\\n\";",  # 5
)


def test_php_a_profile_written_and_secrets_echoed() -> None:
    assert codes_at({"install.php": PHP_ACTS}, PERSISTENCE) == [2]
    assert codes_at({"install.php": PHP_ACTS}, PRINTED) == [4, 5]


def test_php_near_miss_another_file_written_and_non_secrets_echoed() -> None:
    quiet = PHP_ACTS.replace("/.bashrc", "/agent.log").replace("password: $password", "version: $version")
    quiet = quiet.replace("'Token: ' . $token", "'Prefix: ' . $prefix")
    assert codes_at({"install.php": quiet}, PERSISTENCE) == []
    assert codes_at({"install.php": quiet}, PRINTED) == []


# -- Ruby -----------------------------------------------------------------------------------------------------------

RB_UNPACK_RUN = _text(
    "require 'open-uri'",  # 1
    "URL = 'https://releases.example.io/agent.tgz'",  # 2
    "File.write('/tmp/agent.tgz', URI.open(URL).read)",  # 3
    "system('tar', '-xzf', '/tmp/agent.tgz', '-C', '/opt/agent')",  # 4
    "system('/opt/agent/agent', 'register')",  # 5
)


def test_ruby_a_fetch_written_to_a_file_then_unpacked_and_run() -> None:
    """``File.write(P, URI.open(URL).read)`` is the download the later ``tar`` unpacks: no checksum."""
    assert codes_at({"install.rb": RB_UNPACK_RUN}, UNVERIFIED) == [4]


def test_ruby_a_fetch_written_in_a_file_open_block_or_copied_as_a_stream() -> None:
    """``File.open(P, 'wb') { |f| f.write(URI.open(URL).read) }`` (also ``f << …``) and ``IO.copy_stream(URI.open(URL),
    P)`` save the download at P, reported at the fetch's line; the archive unpacked after it is unchecked."""
    block = RB_UNPACK_RUN.replace(
        "File.write('/tmp/agent.tgz', URI.open(URL).read)",
        "File.open('/tmp/agent.tgz', 'wb') do |f|\n  f.write(URI.open(URL).read)\nend",
    )
    assert codes_at({"install.rb": block}, UNVERIFIED) == [6]
    assert codes_at({"install.rb": block}, "preflight.external_endpoint") == [4]
    appended = block.replace("f.write(URI.open(URL).read)", "f << URI.open(URL).read")
    assert codes_at({"install.rb": appended}, UNVERIFIED) == [6]
    streamed = RB_UNPACK_RUN.replace(
        "File.write('/tmp/agent.tgz', URI.open(URL).read)", "IO.copy_stream(URI.open(URL), '/tmp/agent.tgz')"
    )
    assert codes_at({"install.rb": streamed}, UNVERIFIED) == [4]


def test_ruby_near_miss_a_file_open_block_that_writes_local_data() -> None:
    local = RB_UNPACK_RUN.replace(
        "File.write('/tmp/agent.tgz', URI.open(URL).read)",
        "File.open('/tmp/agent.tgz', 'wb') { |f| f.write(File.read('vendor/agent.tgz')) }",
    )
    assert codes_at({"install.rb": local}, UNVERIFIED) == []


def test_ruby_near_miss_a_local_file_written() -> None:
    local = RB_UNPACK_RUN.replace("URI.open(URL).read", "File.read('vendor/agent.tgz')")
    assert codes_at({"install.rb": local}, UNVERIFIED) == []


RB_ACTS = _text(
    "File.open(File.expand_path('~/.bashrc'), 'a') { |f| f.puts 'export PATH=$PATH:/opt/agent' }",  # 1
    "password = ENV['DB_PASSWORD']",  # 2
    'puts "Database password: #{password}"',  # 3
    "puts Dir.pwd",  # 4
)


def test_ruby_a_profile_appended_to_and_a_secret_printed() -> None:
    assert codes_at({"install.rb": RB_ACTS}, PERSISTENCE) == [1]
    assert codes_at({"install.rb": RB_ACTS}, PRINTED) == [3]


def test_ruby_near_miss_a_profile_read_and_a_non_secret_printed() -> None:
    quiet = RB_ACTS.replace("'a')", "'r')").replace("password: #{password}", "version: #{version}")
    assert codes_at({"install.rb": quiet}, PERSISTENCE) == []
    assert codes_at({"install.rb": quiet}, PRINTED) == []


# -- A program archive saved under its name (no run in the file: the next start runs it) ---------------------------

SH_PROGRAM_ARCHIVE = _text(
    "#!/bin/sh",  # 1
    "set -e",  # 2
    'curl -fsSL -o server/paper.jar "https://api.example.io/paper/builds/latest/paper.jar"',  # 3
)


def test_shell_a_fetched_program_archive_saved_over_the_servers_jar() -> None:
    """A ``.jar``/``.war``/``.phar`` saved under its name is the program its runtime runs at the next start: no
    checksum, with no run needed in the file (holdout98's 1104mc updater, cargomedia's composer.phar)."""
    assert codes_at({"scripts/update.sh": SH_PROGRAM_ARCHIVE}, UNVERIFIED) == [3]


def test_shell_near_miss_a_checked_program_archive_or_a_fetched_settings_file() -> None:
    checked = SH_PROGRAM_ARCHIVE + 'echo "${SUM}  server/paper.jar" | sha256sum -c -\n'
    assert codes_at({"scripts/update.sh": checked}, UNVERIFIED) == []
    settings = SH_PROGRAM_ARCHIVE.replace("-o server/paper.jar", "-o server/paper.json")
    assert codes_at({"scripts/update.sh": settings}, UNVERIFIED) == []


PY_PROGRAM_ARCHIVE = _text(
    "from requests import get",  # 1
    "ROOT = 'https://api.example.io/v2/'",  # 2
    "def update_paper():",  # 3
    "    resp = get(f'{ROOT}projects/paper/latest/download')",  # 4
    "    open('server/paper.jar', 'wb').write(resp.content)",  # 5
    "if __name__ == '__main__':",  # 6
    "    update_paper()",  # 7
)


def test_python_a_fetch_written_over_the_servers_jar() -> None:
    """``get`` imported from requests, its response written as the file is opened: the jar saved (``curl -o``) with
    an unknown URL, the program the server runs next."""
    assert codes_at({"update.py": PY_PROGRAM_ARCHIVE}, UNVERIFIED) == [4]


def test_python_near_miss_a_fetch_written_to_a_settings_file() -> None:
    settings = PY_PROGRAM_ARCHIVE.replace("server/paper.jar", "server/version.json")
    assert codes_at({"update.py": settings}, UNVERIFIED) == []


# -- An updater's download unpacked over the installation it runs in ------------------------------------------------

SH_UPDATER = _text(
    "#!/bin/sh",  # 1
    'wget -O release.tgz "https://www.example.com/download.php?channel=stable"',  # 2
    "tar xvfz release.tgz",  # 3
    "rm release.tgz",  # 4
    "service product restart",  # 5
)


def test_shell_an_updater_unpacks_its_download_over_its_installation() -> None:
    """An update script unpacks the release where it runs (no ``-C``, or ``-C "$(dirname "$0")"``) and restarts the
    product: the installation updated in place runs next, no checksum (holdout32's Domoticz ``updaterelease``)."""
    assert codes_at({"updaterelease": SH_UPDATER}, UNVERIFIED) == [3]
    own = SH_UPDATER.replace("tar xvfz release.tgz", 'tar -xzf release.tgz -C "$(dirname "$0")"')
    assert codes_at({"scripts/update.sh": own}, UNVERIFIED) == [3]


def test_shell_near_miss_an_installer_a_scratch_directory_or_a_listing() -> None:
    assert codes_at({"scripts/fetch-assets.sh": SH_UPDATER}, UNVERIFIED) == []
    scratch = SH_UPDATER.replace("tar xvfz release.tgz", "cd /tmp && tar xvfz release.tgz")
    assert codes_at({"updaterelease": scratch}, UNVERIFIED) == []
    listing = SH_UPDATER.replace("tar xvfz release.tgz", "tar -tzf release.tgz")
    assert codes_at({"updaterelease": listing}, UNVERIFIED) == []
    # nothing started after it: the working directory may be a staging place (a shell script's, not its own code)
    unstarted = SH_UPDATER.replace("service product restart", "echo done")
    assert codes_at({"updaterelease": unstarted}, UNVERIFIED) == []


PY_UPDATER = _text(
    "import urllib.request, zipfile",  # 1
    "def update():",  # 2
    "    with urllib.request.urlopen('https://example.org/bot/python.zip') as u:",  # 3
    "        with open('python.zip', 'bw') as o:",  # 4
    "            o.write(u.read())",  # 5
    "    with zipfile.ZipFile('python.zip') as zip_f:",  # 6
    "        zip_f.extractall('.')",  # 7
    "if __name__ == '__main__':",  # 8
    "    update()",  # 9
)


def test_python_an_updater_unpacks_its_download_over_its_own_code() -> None:
    """holdout96's bot: ``extractall('.')`` of the fetched zip in ``update.py``, the code that runs next."""
    assert codes_at({"bot/update.py": PY_UPDATER}, UNVERIFIED) == [7]


def test_python_near_miss_an_updater_unpacking_into_another_directory() -> None:
    elsewhere = PY_UPDATER.replace("extractall('.')", "extractall('downloads')")
    assert codes_at({"bot/update.py": elsewhere}, UNVERIFIED) == []
