"""Classes the two-hundred-and-fourteenth hold-out set showed (tests/preflight/holdout214: install, update and deploy
programs in Perl, Rust, JavaScript, Go and Python), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"
PRIVILEGE = "preflight.implicit_privilege"
PERSISTENCE = "preflight.persistence"


# -- A: a Perl sub that runs its parameter through a piped open ------------------------------------------------------


def _perl(runner: str, *calls: str) -> dict[str, str]:
    lines = (
        "#!/usr/bin/env perl",
        "use strict;",
        *calls,  # from line 3
        "",
        "sub cmd {",
        "\tmy ($cmd) = @_;",
        f"\t{runner}",
        "\twhile(<FH>) { print; }",
        "}",
    )
    return {"installer.pl": "\n".join(lines) + "\n"}


def test_a_a_sub_that_opens_a_pipe_from_its_parameter_runs_each_calls_command() -> None:
    calls = ('cmd("sudo apt-get install nginx");', 'cmd("sudo useradd -m $u -G sudo");')
    files = _perl('open(FH, "$cmd |") or die "no $cmd";', *calls)
    assert codes_at(files, SUDO) == [3, 4]
    assert codes_at(files, EGRESS) == [3]
    assert codes_at(files, PERSISTENCE) == [4]


def test_a_a_pipe_to_the_command_and_a_three_argument_pipe_run_it_too() -> None:
    assert codes_at(_perl('open(FH, "| $cmd");', 'cmd("sudo apt-get update");'), SUDO) == [3]
    assert codes_at(_perl("open(my $fh, '-|', $cmd) or die;", 'cmd("sudo apt-get update");'), SUDO) == [3]


def test_a_a_piped_open_at_top_level_is_its_command() -> None:
    files = {"setup.pl": '#!/usr/bin/perl\nopen(my $fh, "-|", "sudo", "apt-get", "install", "git") or die;\n'}
    assert codes_at(files, SUDO) == [2]
    assert codes_at(files, EGRESS) == [2]


def test_a_a_sub_that_reads_or_writes_a_file_named_by_its_parameter_runs_nothing() -> None:
    assert codes_at(_perl('open(FH, "<", $cmd) or die;', 'cmd("sudo apt-get install nginx");'), SUDO) == []
    assert codes_at(_perl('open(FH, "$cmd") or die;', 'cmd("sudo apt-get install nginx");'), SUDO) == []


def test_a_a_bare_fork_open_runs_no_command() -> None:
    files = {"setup.pl": '#!/usr/bin/perl\nmy $pid = open(KID, "-|") // die;\n'}
    assert codes_at(files, SUDO) == []
    assert codes_at(files, EGRESS) == []


# -- B: a Python wrapper that spreads ``*a, **kw`` into subprocess.run ---------------------------------------------


def _installer(runner: str, *body: str) -> dict[str, str]:
    lines = (
        "import os",
        "import subprocess",
        "",
        "",
        "def process_run(*a, **kw):",
        "    kw.setdefault('check', True)",
        "    try:",
        f"        return {runner}",
        "    except subprocess.CalledProcessError as e:",
        "        return e.returncode",
        "",
        "",
        'if __name__ == "__main__":',
        *body,  # from line 14
    )
    return {"scripts/install.py": "\n".join(lines) + "\n"}


def test_b_the_first_argument_of_a_spreading_wrapper_is_the_argv() -> None:
    files = _installer(
        "subprocess.run(*a, **kw).returncode",
        "    process_run(['sudo', 'apt-get', 'install', 'mc', '-y'])",
        "    process_run(['groupadd', 'vast'])",
    )
    assert codes_at(files, SUDO) == [14]
    assert codes_at(files, EGRESS) == [14]
    assert codes_at(files, PRIVILEGE) == [15]


def test_b_the_star_args_as_words_are_still_the_words() -> None:
    files = _installer("subprocess.run(list(a))", "    process_run('sudo', 'apt-get', 'update')")
    assert codes_at(files, SUDO) == [14]


def test_b_a_spread_after_a_fixed_command_is_not_the_command() -> None:
    files = _installer("subprocess.run(['true'], *a)", "    process_run(['sudo', 'apt-get', 'update'])")
    assert codes_at(files, SUDO) == []


def test_b_a_wrapper_that_only_logs_its_arguments_runs_nothing() -> None:
    files = _installer("print(*a)", "    process_run(['sudo', 'apt-get', 'update'])")
    assert codes_at(files, SUDO) == []
    assert codes_at(files, EGRESS) == []


# -- B2: a Python helper that does a file operation on the path it is given ----------------------------------------


def _helper(body: str, call: str) -> dict[str, str]:
    lines = (
        "import os",
        "import shutil",
        "",
        'INSTALL_DIR = "/var/lib/vast-stats"',
        "",
        "",
        "def helper(path):",
        "    try:",
        f"        {body}",
        "    except OSError:",
        "        raise",
        "",
        "",
        'if __name__ == "__main__":',
        f"    {call}",  # line 15
    )
    return {"scripts/install.py": "\n".join(lines) + "\n"}


def test_b2_a_makedirs_helper_creates_what_each_call_gives_it() -> None:
    assert codes_at(_helper("os.makedirs(path, exist_ok=True)", "helper(INSTALL_DIR)"), PRIVILEGE) == [15]
    assert codes_at(_helper("shutil.copy('agent.conf', path)", "helper('/etc/agent/agent.conf')"), PRIVILEGE) == [15]


def test_b2_a_helper_given_a_path_of_its_own_or_a_fixed_path_stays_quiet() -> None:
    assert codes_at(_helper("os.makedirs(path, exist_ok=True)", "helper('/home/pi/app')"), PRIVILEGE) == []
    assert codes_at(_helper("os.makedirs('build', exist_ok=True)", "helper(INSTALL_DIR)"), PRIVILEGE) == []


def test_b2_a_helper_that_only_reads_its_path_stays_quiet() -> None:
    assert codes_at(_helper("os.stat(path)", "helper(INSTALL_DIR)"), PRIVILEGE) == []
