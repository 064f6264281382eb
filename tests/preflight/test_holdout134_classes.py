"""Classes the hundred-and-thirty-fourth hold-out set showed (tests/preflight/holdout134: install, update and deploy
programs in Python, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight import perl_script

EGRESS = "preflight.implicit_egress"
PIPE = "preflight.pipe_to_shell"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a list given to a shell=True run is ``sh -c ARGS[0] ARGS[1:]``: its first item is the shell code -----------


def _installer(*lines: str) -> str:
    return _text("from subprocess import call", *lines)  # 1


def test_a_the_first_item_of_a_list_run_with_shell_true_is_shell_code() -> None:
    text = _installer("call(['git pull'], shell=True)")  # 2
    assert codes_at({"install.py": text}, EGRESS) == [2]


def test_a_the_list_s_later_items_are_the_shell_s_arguments_not_its_code() -> None:
    text = _installer("call(['echo done', 'git pull'], shell=True)")  # 2: $0 is 'git pull', nothing runs it
    assert codes_at({"install.py": text}, EGRESS) == []


def test_a_a_list_without_shell_true_stays_one_argv_word() -> None:
    text = _installer("call(['git pull'])")  # 2: a program named 'git pull', which no shell splits
    assert codes_at({"install.py": text}, EGRESS) == []


# -- A2: PyPy is a Python interpreter: ``pypy3 -m pip install`` fetches, ``curl … | pypy3`` runs what it fetched ----


def test_a2_pypy_running_pip_is_a_pip_install() -> None:
    text = _text("#!/bin/sh", "pypy3 -m pip install Flask")
    assert codes_at({"install.sh": text}, EGRESS) == [2]


def test_a2_pypy_running_another_module_is_not_a_fetch() -> None:
    text = _text("#!/bin/sh", "pypy3 -m http.server")
    assert codes_at({"install.sh": text}, EGRESS) == []


def test_a2_a_download_piped_to_pypy_is_run_unverified() -> None:
    text = _text("#!/bin/sh", "curl -s https://bootstrap.pypa.io/get-pip.py | pypy3")
    assert codes_at({"install.sh": text}, PIPE) == [2]


def test_a2_a_download_piped_to_a_file_is_not_run() -> None:
    text = _text("#!/bin/sh", "curl -s https://bootstrap.pypa.io/get-pip.py | tee get-pip.py")
    assert codes_at({"install.sh": text}, PIPE) == []


# -- B: a Perl sub whose body runs ``system @_`` runs each call's arguments ---------------------------------------

SUDO = "preflight.sudo_unavailable"


def _perl_installer(body: str, *calls: str) -> str:
    return _text(
        "#!/usr/bin/perl",  # 1
        "use strict;",  # 2
        "sub runOrDie(@){",  # 3
        '  print "@_\\n";',  # 4
        f"  {body}",  # 5
        "  die \"error running '@_'\\n\" if $? != 0;",  # 6
        "}",  # 7
        *calls,  # 8…
    )


def test_b_each_call_of_a_sub_that_runs_its_arguments_is_the_command() -> None:
    calls = ('runOrDie "doas", "pacman", "-S", "linux-headers";', 'runOrDie("sudo", "depmod");')
    text = _perl_installer("system @_;", *calls)
    assert codes_at({"install.pl": text}, SUDO) == [8, 9]
    assert codes_at({"install.pl": text}, EGRESS) == [8]


def test_b_the_call_inside_a_block_is_read_too() -> None:
    text = _perl_installer("system(@_);", "sub main {", '  runOrDie "sudo", "modprobe", "acpi_call";', "}", "main();")
    assert codes_at({"install.pl": text}, SUDO) == [9]


def test_b_a_sub_that_only_prints_its_arguments_runs_nothing() -> None:
    text = _perl_installer('print STDERR "@_";', 'runOrDie "doas", "pacman", "-S", "linux-headers";')
    assert codes_at({"install.pl": text}, SUDO) == []


def test_b_a_sub_that_runs_a_fixed_command_does_not_run_its_arguments() -> None:
    text = _perl_installer('system "make";', 'runOrDie "doas", "pacman", "-S", "linux-headers";')
    assert codes_at({"install.pl": text}, SUDO) == []


# -- E: Bun's package manager fetches from the npm registry ------------------------------------------------------


def test_e_bun_install_and_add_reach_the_npm_registry() -> None:
    text = _text("#!/bin/sh", "bun install -g ralph-tui", "bun --cwd web add lodash", "bun install")
    assert codes_at({"install.sh": text}, EGRESS) == [2, 3, 4]


def test_e_bun_running_building_or_testing_fetches_nothing() -> None:
    text = _text("#!/bin/sh", "bun run build", "bun --version", "bun test")
    assert codes_at({"install.sh": text}, EGRESS) == []


# -- C: a Rails task run in a container the setup starts drops the app's database; the test database is no data ----

DELETE = "preflight.destructive_delete"


def _setup(*lines: str) -> str:
    return _text("#!/bin/sh", *lines)


def test_c_a_dropping_task_run_in_a_compose_container_is_reported() -> None:
    text = _setup(
        "docker-compose run --rm web rake db:reset RAILS_ENV=development", "docker compose exec web rails db:drop"
    )
    assert codes_at({"bin/setup.sh": text}, DELETE) == [2, 3]


def test_c_a_migration_run_in_a_compose_container_drops_nothing() -> None:
    text = _setup("docker-compose run --rm web rake db:migrate")
    assert codes_at({"bin/setup.sh": text}, DELETE) == []


def test_c_a_reset_of_the_test_database_is_not_a_data_loss() -> None:
    text = _setup(
        "rake db:reset RAILS_ENV=test",
        "RAILS_ENV=test bin/rails db:reset",
        "docker-compose run --rm web rake db:reset RAILS_ENV=test",
    )
    assert codes_at({"bin/setup.sh": text}, DELETE) == []


def test_c_a_reset_of_another_environment_is_still_reported() -> None:
    text = _setup("rake db:reset RAILS_ENV=development", "RAILS_ENV=test rake db:reset RAILS_ENV=production")
    assert codes_at({"bin/setup.sh": text}, DELETE) == [2, 3]


# -- D: a fabfile's Fabric operations run command lines (``fab deploy`` runs its tasks) ---------------------------


def _fabfile(*body: str) -> str:
    return _text("from fabric.api import run, sudo, cd", "", "", "def deploy():", *body)  # 1-4


def test_d_fabric_run_and_sudo_in_a_fabfile_are_command_lines() -> None:
    text = _fabfile("    run('git pull')", "    sudo('apt-get install -y nginx')")  # 5, 6
    assert codes_at({"fabfile.py": text}, EGRESS) == [5, 6]
    assert codes_at({"fabfile.py": text}, SUDO) == [6]


def test_d_a_module_of_a_fabfile_package_is_read_too() -> None:
    text = _fabfile("    run('git pull')")
    assert codes_at({"fabfile/deploy_tasks.py": text}, EGRESS) == [5]


def test_d_a_run_not_imported_from_fabric_is_not_a_command_line() -> None:
    text = _text("from tasks import run", "", "", "def deploy():", "    run('git pull')")
    assert codes_at({"fabfile.py": text}, EGRESS) == []


def test_d_a_module_that_is_no_fabfile_is_not_a_step() -> None:
    text = _fabfile("    run('git pull')")
    assert codes_at({"app/remote.py": text}, EGRESS) == []


# -- G: a Perl scalar assigned one plain string is that string where a command names it; chdir is cd ------------


def _perl_clone(change: str = "chdir $dir;", *more: str) -> str:
    return _text(
        "#!/usr/bin/perl",  # 1
        "my $repo = 'https://github.com/teleshoes/acpi_call.git';",  # 2
        "my $dir = '/tmp/acpi_call';",  # 3
        'system("git", "clone", $repo, $dir);',  # 4
        change,  # 5
        'system("git", "fetch");',  # 6
        *more,
    )


def test_g_a_fetch_in_the_folder_a_literal_scalar_names_is_the_clone_s() -> None:
    assert codes_at({"install.pl": _perl_clone()}, EGRESS) == []  # the clone's remote, counted at the clone


def test_g_a_fetch_after_chdir_into_another_folder_is_another_checkout_s() -> None:
    assert codes_at({"install.pl": _perl_clone("chdir '/srv/other';")}, EGRESS) == [6]


def test_g_a_scalar_assigned_twice_or_changed_is_no_literal() -> None:
    for change in ("$dir = '/srv/other';", '$dir .= "/sub";', "chomp($dir);"):
        read = perl_script.commands("install.pl", _perl_clone("chdir $dir;", change)) or []
        assert (3, "dir='/tmp/acpi_call'") not in read
        assert (5, "cd ${PERL_VALUE}") in read
    assert (3, "dir='/tmp/acpi_call'") in (perl_script.commands("install.pl", _perl_clone()) or [])
