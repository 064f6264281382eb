"""Classes of mistakes the sixty-sixth hold-out set found (tests/preflight/holdout66: install and upgrade programs
written in Python, JavaScript, PHP, Ruby, Go and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

EGRESS = "preflight.implicit_egress"
MIGRATION = "preflight.hidden_migration"
ROOT = "preflight.root_assumed"
UNVERIFIED = "preflight.unverified_download_exec"


# -- A: `-m pip` run by an interpreter the script cannot name (a runner class's `self._python`, `"$PY"`) ----------

_VENV_CLASS = (
    "#!/usr/bin/env python3",
    "import subprocess, sys",
    "class Env:",
    "    def __init__(self, path):",
    "        self._python = path",
    "    @staticmethod",
    "    def run(*args):",
    "        return subprocess.run(args, check=True)",
    "    def python(self, *args):",
    "        return self.run(self._python, *args)",
    "    def pip(self, *args):",
    '        return self.python("-m", "pip", *args)',
    "def main():",
    "    env = Env(sys.argv[1])",
    "env.ARGS",
    'if __name__ == "__main__":',
    "    main()",
)


def _venv_script(call: str) -> dict[str, str]:
    return {"scripts/install.py": "\n".join(_VENV_CLASS).replace("env.ARGS", "    " + call) + "\n"}


def test_a_pip_module_of_a_runner_class_interpreter_reaches_the_index() -> None:
    assert codes_at(_venv_script('env.pip("install", "poetry")'), EGRESS) == [15]


def test_a_pip_module_of_an_unknown_shell_interpreter_reaches_the_index() -> None:
    assert in_script(EGRESS, 'PY="$(command -v python3)"', '"$PY" -m pip install requests') == [4]


def test_a_near_miss_pip_module_from_a_local_wheel_directory_stays_quiet() -> None:
    call = 'env.pip("install", "--no-index", "--find-links", "/opt/wheels", "poetry")'
    assert codes_at(_venv_script(call), EGRESS) == []


def test_a_near_miss_another_module_of_an_unknown_interpreter_stays_quiet() -> None:
    assert in_script(EGRESS, 'PY="$(command -v python3)"', '"$PY" -m venv /opt/app/venv') == []


# -- B: CPAN.pm's install methods in a script that loads CPAN.pm -------------------------------------------------


def _perl(*lines: str) -> dict[str, str]:
    return {"inst/modules.pl": "\n".join(["#!/usr/bin/perl -w", "use strict;", *lines]) + "\n"}


def test_b_cpan_install_methods_fetch_from_cpan() -> None:
    files = _perl(
        "use CPAN;",
        "my $m = CPAN::Shell->expandany($ARGV[0]);",
        "$m->force('install') if $ENV{FORCE};",
        "$m->install;",
        "CPAN::Shell->install('DBD::Pg');",
    )
    assert codes_at(files, EGRESS) == [5, 6, 7]


def test_b_near_miss_an_install_method_without_cpan_pm_stays_quiet() -> None:
    files = _perl("use My::Installer;", "my $m = My::Installer->new;", "$m->install;")
    assert codes_at(files, EGRESS) == []


def test_b_near_miss_cpan_meta_is_not_cpan_pm() -> None:
    files = _perl("use CPAN::Meta;", "my $m = CPAN::Meta->load_file('META.json');", "$m->install;")
    assert codes_at(files, EGRESS) == []


# -- C: a uid check whose block exits only on a further condition --------------------------------------------------


def test_c_uid_block_that_asks_before_exiting_is_no_root_check() -> None:
    files = _perl(
        "unless ($> == 0) {",
        '    print "This process must (usually) be run as root.\\n";',
        '    exit 1 unless ask_yesno("Continue as non-root user? [yes] ", 1);',
        "}",
    )
    assert codes_at(files, ROOT) == []


def test_c_near_miss_uid_block_that_exits_is_a_root_check() -> None:
    files = _perl("unless ($> == 0) {", '    print "This process must be run as root.\\n";', "    exit 1;", "}")
    assert codes_at(files, ROOT) == [3]


# -- D: October's and Winter's migrate command run by a console command ------------------------------------------

_WINTER_COMMAND = """<?php namespace System\\Console;

use Illuminate\\Console\\Command;

class WinterUpdate extends Command
{
    protected $name = 'winter:update';

    public function handle()
    {
        $this->call('VERB');
    }
}
"""


def test_d_winter_up_applies_migrations() -> None:
    files = {"modules/system/console/WinterUpdate.php": _WINTER_COMMAND.replace("VERB", "winter:up")}
    assert codes_at(files, MIGRATION) == [11]


def test_d_october_up_run_as_shell_applies_migrations() -> None:
    assert in_script(MIGRATION, "php artisan october:up") == [3]


def test_d_near_miss_winter_version_stays_quiet() -> None:
    files = {"modules/system/console/WinterUpdate.php": _WINTER_COMMAND.replace("VERB", "winter:version")}
    assert codes_at(files, MIGRATION) == []


# -- E: an npm installer under an `installers/` folder -----------------------------------------------------------

_DOWNLOADER = """var fs = require('fs');
var https = require('https');
module.exports = function(destinationPath, callback) {
  download(destinationPath, 'https://github.com/example/tool/releases/download/1.0/tool.gz', callback);
};
function download(destinationPath, url, callback) {
  https.get(url, function(response) {
    var write = fs.createWriteStream(destinationPath, { encoding: 'binary', mode: MODE });
    response.pipe(write);
  });
}
"""


def test_e_downloader_in_an_installers_folder_is_a_step() -> None:
    files = {"installers/npm/download.js": _DOWNLOADER.replace("MODE", "0o755")}
    assert codes_at(files, UNVERIFIED) == [8]


def test_e_near_miss_a_non_executable_mode_stays_quiet() -> None:
    files = {"installers/npm/download.js": _DOWNLOADER.replace("MODE", "0o644")}
    assert codes_at(files, UNVERIFIED) == []


def test_e_near_miss_the_same_module_in_a_library_folder_is_not_read() -> None:
    files = {"lib/download.js": _DOWNLOADER.replace("MODE", "0o755")}
    assert codes_at(files, UNVERIFIED) == []
