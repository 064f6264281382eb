"""Classes of install and upgrade programs written in another language than shell (Go, Python, PHP, JavaScript),
left after holdout50's first fixes, each as its minimal construct next to a near-miss that must stay quiet or stay
reported."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import python_script

UNVERIFIED = "preflight.unverified_download_exec"
ENDPOINT = "preflight.external_endpoint"
PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- 1: a Go reader: exec.Command, requests, a download saved over the running executable -------------------------

GO_UPDATER = _text(
    "package main",  # 1
    "",  # 2
    'import ("io"; "net/http"; "os"; "os/exec")',  # 3
    "",  # 4
    'const service = "systemctl"',  # 5
    "",  # 6
    "func main() {",  # 7
    "\texe, err := os.Executable()",  # 8
    '\tresp, err := http.Get("https://downloads.example.org/tool/latest")',  # 9
    "\tif err != nil { return }",  # 10
    "\tdefer resp.Body.Close()",  # 11
    '\ttmp, err := os.Create(exe + ".new")',  # 12
    "\tio.Copy(tmp, resp.Body)",  # 13
    '\tos.Rename(exe + ".new", exe)',  # 14
    '\texec.Command(service, "restart", "tool").Run()',  # 15
    '\tos.WriteFile("/etc/tool/tool.conf", []byte("x"), 0o644)',  # 16
    "}",  # 17
)


def test_1_a_go_updater_is_read_as_the_shell_it_runs() -> None:
    files = {"cmd/update/main.go": GO_UPDATER}
    assert codes_at(files, ENDPOINT) == [9]
    assert codes_at(files, PRIVILEGE) == [15, 16]


def test_1_a_download_replacing_the_running_executable_is_unverified() -> None:
    # the response's body handed with the running executable's path to a function of another file that writes it
    files = {
        "cmd/upgradecommand.go": _text(
            "package cmd",  # 1
            "",  # 2
            'import "os"',  # 3
            "",  # 4
            "func upgrade() error {",  # 5
            "\tself, err := os.Executable()",  # 6
            "\tresp, err := fetchBuild()",  # 7
            "\tdefer resp.Body.Close()",  # 8
            "\treturn writeBinary(self, &resp.Body)",  # 9
            "}",  # 10
        )
    }
    assert codes_at(files, UNVERIFIED) == [9]


def test_1_a_download_saved_then_made_executable_is_unverified() -> None:
    saved = GO_UPDATER.replace('\tos.Rename(exe + ".new", exe)', "\tos.Chmod(tmp.Name(), 0o755)")
    files = {"cmd/update/main.go": saved.replace('os.Create(exe + ".new")', 'os.Create("/opt/tool/tool")')}
    files["cmd/update/main.go"] = files["cmd/update/main.go"].replace("tmp.Name()", '"/opt/tool/tool"')
    assert codes_at(files, UNVERIFIED) == [14]


def test_1_near_miss_a_library_package_is_no_installer() -> None:
    # the same code in a library package (not package main, not under cmd/) that does not replace its own executable
    # (one that does is a self-update step whatever its package: holdout59 class D): the program that calls it is
    # the step
    kept = GO_UPDATER.replace('\tos.Rename(exe + ".new", exe)', '\tos.Rename(exe + ".new", exe + ".next")')
    library = kept.replace("package main", "package selfupdate")
    assert codes_at({"internal/selfupdate/update.go": library}, PRIVILEGE) == []
    # and a program that is no install or upgrade step (a server's main) is not read as one
    assert codes_at({"cmd/server/main.go": kept}, PRIVILEGE) == []
    # the library that renames a download over its running executable is read (its restart and /etc write too)
    replacing = GO_UPDATER.replace("package main", "package selfupdate")
    assert codes_at({"internal/selfupdate/update.go": replacing}, PRIVILEGE) == [15, 16]


def test_1_near_miss_a_checked_download_or_a_backup_rename_is_quiet() -> None:
    checked = {
        "cmd/upgradecommand.go": _text(
            "package cmd",  # 1
            "",  # 2
            'import ("crypto/sha256"; "os")',  # 3
            "",  # 4
            "func upgrade() error {",  # 5
            "\tself, err := os.Executable()",  # 6
            "\tresp, err := fetchBuild()",  # 7
            "\tdefer resp.Body.Close()",  # 8
            "\tdata, err := io.ReadAll(resp.Body)",  # 9
            "\tif sha256.Sum256(data) != want { return errBad }",  # 10
            "\treturn os.WriteFile(self, data, 0o755)",  # 11
            "}",  # 12
        )
    }
    assert codes_at(checked, UNVERIFIED) == []
    unchecked = checked["cmd/upgradecommand.go"].replace("\tif sha256.Sum256(data) != want { return errBad }", "")
    assert codes_at({"cmd/upgradecommand.go": unchecked}, UNVERIFIED) == [11]
    # the running executable moved aside (a backup) and back: nothing downloaded lands in it
    backup = GO_UPDATER.replace("\tio.Copy(tmp, resp.Body)", "").replace(
        '\tos.Rename(exe + ".new", exe)', '\tos.Rename(exe, exe + ".bak")'
    )
    assert codes_at({"cmd/update/main.go": backup}, UNVERIFIED) == []


# -- 4: an account an installer creates with a literal password ----------------------------------------------------

DEFAULT = "preflight.default_credential"

SEEDING_COMMAND = _text(
    "<?php",  # 1
    "namespace App\\Console\\Commands;",  # 2
    "use Illuminate\\Console\\Command;",  # 3
    "class Install extends Command",  # 4
    "{",  # 5
    "    protected $signature = 'shop:install';",  # 6
    "    public function handle()",  # 7
    "    {",  # 8
    "        Admin::create([",  # 9
    "            'email' => 'admin@example.com',",  # 10
    "            'password' => Hash::make('admin123'),",  # 11
    "        ]);",  # 12
    "        $user->password = bcrypt('letmein1');",  # 13
    "    }",  # 14
    "}",  # 15
)

SEEDING_SCRIPT = _text(
    "#!/usr/bin/env python3",  # 1
    "from django.contrib.auth.models import User",  # 2
    "",  # 3
    "def main():",  # 4
    "    User.objects.create_superuser('admin', 'admin@example.com', 'admin123')",  # 5
    "    user = User.objects.create_user(username='ops', password='opspass1')",  # 6
    "    user.set_password('rotate99')",  # 7
    "",  # 8
    "if __name__ == '__main__':",  # 9
    "    main()",  # 10
)


def test_4_a_seeded_account_with_a_literal_password_is_a_default_credential() -> None:
    assert codes_at({"app/Console/Commands/Install.php": SEEDING_COMMAND}, DEFAULT) == [11, 13]
    assert codes_at({"scripts/bootstrap.py": SEEDING_SCRIPT}, DEFAULT) == [5, 6, 7]


def test_4_near_miss_a_password_asked_read_or_generated_is_none() -> None:
    asked = SEEDING_COMMAND.replace("Hash::make('admin123')", "Hash::make($this->secret('Admin password'))").replace(
        "bcrypt('letmein1')", "bcrypt(Str::random(16))"
    )
    assert codes_at({"app/Console/Commands/Install.php": asked}, DEFAULT) == []
    # a literal hashed under another field (a token's salt) is no account password
    salted = SEEDING_COMMAND.replace("'password' => Hash::make", "'api_salt' => Hash::make").replace(
        "$user->password = bcrypt('letmein1');", "$user->label = bcrypt('letmein1');"
    )
    assert codes_at({"app/Console/Commands/Install.php": salted}, DEFAULT) == []
    read = (
        SEEDING_SCRIPT.replace("'admin123')", "getpass.getpass())")
        .replace("password='opspass1'", "password=os.environ['OPS_PASSWORD']")
        .replace("set_password('rotate99')", "set_password(secrets.token_urlsafe(16))")
    )
    assert codes_at({"scripts/bootstrap.py": read}, DEFAULT) == []


# -- 2: a JavaScript function of the file that runs its parameter, called with a package manager's command ---------

EGRESS = "preflight.implicit_egress"

JS_RUNNER = _text(
    "'use strict';",  # 1
    "const { execSync, spawnSync } = require('child_process');",  # 2
    "function run(cmd) {",  # 3
    "  return execSync(cmd, { stdio: 'inherit' });",  # 4
    "}",  # 5
    "const tool = (prog, args) => spawnSync(prog, args, { stdio: 'inherit' });",  # 6
    "run('yarn install --production');",  # 7
    "tool('npm', ['install', 'left-pad']);",  # 8
)


def test_2_a_runner_of_the_file_runs_what_each_call_gives_it() -> None:
    assert codes_at({"scripts/install.js": JS_RUNNER}, EGRESS) == [7, 8]


def test_2_near_miss_a_runner_given_an_unknown_value_or_a_body_with_its_own_command() -> None:
    unknown = JS_RUNNER.replace("run('yarn install --production');", "run(process.argv[2]);").replace(
        "tool('npm', ['install', 'left-pad']);", "tool(manager, extra);"
    )
    assert codes_at({"scripts/install.js": unknown}, EGRESS) == []
    # a function whose body runs a command of its own (no parameter): read once, in its body, not at each call
    own = JS_RUNNER.replace("execSync(cmd,", "execSync('yarn install',").replace(
        "run('yarn install --production');", "run('ignored'); run('ignored too');"
    )
    assert codes_at({"scripts/install.js": own}, EGRESS) == [4, 8]


# -- 5: a Python function of the file that hands its ``*args`` to a runner whose program another parameter names ----

PY_STARRED_RUNNER = _text(
    "#!/usr/bin/env python3",  # 1
    "import subprocess",  # 2
    "",  # 3
    "def run_in(env_dir, executable, *args):",  # 4
    "    subprocess.run([str(env_dir / 'bin' / executable)] + [str(a) for a in args], check=True)",  # 5
    "",  # 6
    "def pip_install(env_dir, *args):",  # 7
    "    run_in(env_dir, 'python', '-m', 'pip', 'install', *args)",  # 8
    "",  # 9
    "def main():",  # 10
    "    pip_install(ENV, '-U', 'pip')",  # 11
    "    pip_install(ENV, '-r', 'requirements.txt')",  # 12
    "",  # 13
    "if __name__ == '__main__':",  # 14
    "    main()",  # 15
)


def test_5_a_starred_runner_of_a_runner_is_a_pip_install_at_each_call() -> None:
    files = {"scripts/mkenv.py": PY_STARRED_RUNNER}
    assert codes_at(files, EGRESS) == [11, 12]
    commands = dict(python_script.commands("scripts/mkenv.py", PY_STARRED_RUNNER) or [])
    assert commands[11] == 'python "-m" "pip" "install" "-U" "pip"'


def test_5_near_miss_the_same_runner_running_the_program_with_no_fetching_words() -> None:
    # the runner given another program (the venv's own script) and words that fetch nothing: no egress
    files = {"scripts/mkenv.py": PY_STARRED_RUNNER.replace("'-m', 'pip', 'install', *args", "'-c', *args")}
    assert codes_at(files, EGRESS) == []
    # a starred parameter the runner never hands to the command: nothing is read at the calls
    unused = PY_STARRED_RUNNER.replace("[str(a) for a in args]", "['--version']")
    assert codes_at({"scripts/mkenv.py": unused}, EGRESS) == []


# -- 6: a Ruby command named for its step with the product's prefix glued on; its root check --------------------------

ROOT_ASSUMED = "preflight.root_assumed"

RB_UPDATER = _text(
    "#!/usr/bin/env ruby",  # 1
    "abort 'run me as root' unless Process.euid.zero?",  # 2
    "system('apt-get', '-qq', 'update')",  # 3
    "system('apt-get', 'install', '--assume-yes', 'tool')",  # 4
    "Dir.chdir(base) { system('bundle', 'install') }",  # 5
)


def test_6_an_executable_named_prefix_update_is_read_as_a_step() -> None:
    files = {"toolupdate": RB_UPDATER}
    assert codes_at(files, EGRESS) == [3, 4, 5]
    assert codes_at(files, PRIVILEGE) == []  # the check at 2 ends the script unless it runs as root
    assert codes_at(files, ROOT_ASSUMED) == [2]
    check = "if not (Process.uid == 0 or File.stat(base).owned?) then exit 16 end"  # root or the owner
    not_root_or_owner = RB_UPDATER.replace("abort 'run me as root' unless Process.euid.zero?", check)
    assert codes_at({"toolupdate": not_root_or_owner}, PRIVILEGE) == []


def test_6_near_miss_a_module_with_an_extension_and_a_check_that_refuses_root() -> None:
    # a product module named for updating (an extension, no step folder) is program source, not a step
    assert codes_at({"lib/autoupdate.rb": RB_UPDATER}, EGRESS) == []
    # exiting when root is no root check: apt-get stays a root-only command run unchecked
    refuses = RB_UPDATER.replace("unless Process.euid.zero?", "if Process.euid.zero?")
    assert codes_at({"toolupdate": refuses}, PRIVILEGE) == [3, 4]
    # a name that only ends in a step word's letters inside a longer word is no step (``dateupdated`` is not)
    assert codes_at({"dateupdated": RB_UPDATER}, EGRESS) == []


# -- 7: a URL printed through a terminal colour wrapper ---------------------------------------------------------------

JS_PRINTED = _text(
    "const chalk = require('chalk')",  # 1
    "const logger = require('../logger')",  # 2
    "const RELEASES = 'https://downloads.example.org/tool/'",  # 3
    "function done() {",  # 4
    "  logger.log(chalk.grey('https://on.example.io/installing-tool'))",  # 5
    "  console.log(chalk.bold.cyan('https://guide.example.net/next-steps'))",  # 6
    "}",  # 7
    "module.exports = { done, RELEASES }",  # 8
)


def test_7_a_url_a_logger_prints_through_a_colour_wrapper_is_shown_not_contacted() -> None:
    assert codes_at({"lib/tasks/install.js": JS_PRINTED}, ENDPOINT) == [3]


def test_7_near_miss_a_colour_wrapper_outside_a_display_call_stays_a_host() -> None:
    fetched = JS_PRINTED.replace("logger.log(chalk.grey(", "fetchFrom(chalk.grey(")
    assert codes_at({"lib/tasks/install.js": fetched}, ENDPOINT) == [3, 5]


# -- 8: a Python module's URL constant that a request call is given: contacted at each call ---------------------------

PY_UPDATER_MODULE = _text(
    "from urllib.request import urlopen",  # 1
    "",  # 2
    "def update_self(to_screen):",  # 3
    "    UPDATE_URL = 'http://updates.example.io/tool/'",  # 4
    "    VERSION_URL = UPDATE_URL + 'LATEST_VERSION'",  # 5
    "    JSON_URL = UPDATE_URL + 'versions.json'",  # 6
    "    latest = urlopen(VERSION_URL).read()",  # 7
    "    versions = urlopen(JSON_URL).read()",  # 8
    "    return latest, versions",  # 9
)


def test_8_a_url_constant_two_requests_are_given_is_contacted_at_each() -> None:
    assert codes_at({"tool/update.py": PY_UPDATER_MODULE}, ENDPOINT) == [7, 8]


def test_8_near_miss_a_url_constant_no_request_is_given_stays_at_its_line() -> None:
    shown = PY_UPDATER_MODULE.replace("urlopen(VERSION_URL).read()", "to_screen(VERSION_URL)").replace(
        "urlopen(JSON_URL).read()", "len(JSON_URL)"
    )
    assert codes_at({"tool/update.py": shown}, ENDPOINT) == [4]


def test_8_near_miss_a_constant_handed_to_the_request_as_it_is_stays_at_its_line() -> None:
    # the URL requested is the literal itself (no URL built from it): the host stays at the constant's line
    direct = PY_UPDATER_MODULE.replace("urlopen(VERSION_URL)", "urlopen(UPDATE_URL)").replace(
        "urlopen(JSON_URL)", "urlopen(UPDATE_URL)"
    )
    assert codes_at({"tool/update.py": direct}, ENDPOINT) == [4]


def test_8_near_miss_one_request_built_on_the_base_stays_at_its_line() -> None:
    one = PY_UPDATER_MODULE.replace("urlopen(JSON_URL).read()", "len(JSON_URL)")
    assert codes_at({"tool/update.py": one}, ENDPOINT) == [4]
