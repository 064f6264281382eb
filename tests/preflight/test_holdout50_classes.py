"""Classes the fiftieth hold-out set showed (tests/preflight/holdout50: install and upgrade programs written in
Python, PHP, JavaScript, Go and Perl), each as its minimal construct next to a near-miss that must stay quiet or
stay reported."""

from __future__ import annotations

from preflight_kit import codes_at, located, package, run

PRIVILEGE = "preflight.implicit_privilege"
PROTECTION = "preflight.protection_disabled"
HIDDEN = "preflight.hidden_migration"
SUDO = "preflight.sudo_unavailable"
RM_VARIABLE = "preflight.rm_rf_variable"
OUTSIDE_LOCK = "preflight.migration_outside_lock"
EGRESS = "preflight.implicit_egress"
CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a Python step names its programs through module constants --------------------------------------------------

CONSTANT_PROGRAMS = _text(
    "import sys",  # 1
    "from tool.osi import run_command",  # 2
    "SYSCTL = '/usr/bin/systemctl'",  # 3
    "YUM = 'yum'",  # 4
    "",  # 5
    "def main():",  # 6
    "    run_command([YUM, 'remove', '-y', 'kernel-old'])",  # 7
    "    run_command([SYSCTL, 'stop', 'firewalld'])",  # 8
    "    run_command([SYSCTL, 'restart', 'sshd'])",  # 9
    "",  # 10
    "if __name__ == '__main__':",  # 11
    "    main()",  # 12
)


def test_a_a_program_named_by_a_module_constant_is_that_program() -> None:
    files = {"scripts/initapp.py": CONSTANT_PROGRAMS}
    assert codes_at(files, PRIVILEGE) == [7, 8, 9]
    assert codes_at(files, PROTECTION) == [8]


def test_a_near_miss_a_constant_that_is_computed_names_no_program() -> None:
    # the program is a value the script computes (a path joined at run time): still unknown, nothing reported
    computed = CONSTANT_PROGRAMS.replace("'/usr/bin/systemctl'", "os.path.join(BASE, 'tool')").replace(
        "'yum'", "find_program()"
    )
    files = {"scripts/initapp.py": computed}
    assert codes_at(files, PRIVILEGE) == []
    assert codes_at(files, PROTECTION) == []


# -- B: Django's migrate through a list variable and buildout's bin/django; --fake records only ------------------

DJANGO_WRAPPER = _text(
    "from tool.osi import run_command",  # 1
    "BASE_BIN = '/opt/tool/bin'",  # 2
    "DJANGO = '%s/django' % BASE_BIN",  # 3
    "",  # 4
    "def main():",  # 5
    "    migration_cmd = [DJANGO, 'migrate', '--noinput']",  # 6
    "    run_command(migration_cmd + ['--fake', 'app', '0001_initial'])",  # 7
    "    run_command(migration_cmd + ['app'])",  # 8
    "",  # 9
    "if __name__ == '__main__':",  # 10
    "    main()",  # 11
)


def test_b_djangorecipes_bin_django_migrate_applies_migrations() -> None:
    files = {"scripts/initapp.py": DJANGO_WRAPPER}
    assert codes_at(files, HIDDEN) == [8]  # --fake (7) only records the migration as applied


def test_b_near_miss_other_django_commands_and_fake_through_manage_py() -> None:
    other = DJANGO_WRAPPER.replace("'migrate', '--noinput'", "'collectstatic', '--noinput'")
    assert codes_at({"scripts/initapp.py": other}, HIDDEN) == []
    shell = _text("#!/bin/sh", "python manage.py migrate --fake app 0002", "python manage.py migrate app")
    assert codes_at({"scripts/upgrade.sh": shell}, HIDDEN) == [3]


# -- C: su to a service account in a Python step, after its root-only steps, is root dropping privileges ----------

SU_DROP = _text(
    "import shutil",  # 1
    "from tool.osi import run_command",  # 2
    "",  # 3
    "def main():",  # 4
    "    shutil.rmtree('/var/lib/pgsql/data')",  # 5
    "    run_command(['su', '-', 'postgres', '-c', '/usr/bin/createdb appdb'])",  # 6
    "",  # 7
    "if __name__ == '__main__':",  # 8
    "    main()",  # 9
)


def test_c_su_to_postgres_after_root_only_steps_is_a_drop() -> None:
    files = {"scripts/initapp.py": SU_DROP}
    assert codes_at(files, SUDO) == []
    assert codes_at(files, PRIVILEGE) == [5]


def test_c_near_miss_su_to_root_or_before_any_root_step_still_escalates() -> None:
    to_root = SU_DROP.replace("'su', '-', 'postgres', '-c'", "'su', '-c'")
    assert codes_at({"scripts/initapp.py": to_root}, SUDO) == [6]
    first = SU_DROP.replace("    shutil.rmtree('/var/lib/pgsql/data')", "    print('starting')")
    assert codes_at({"scripts/initapp.py": first}, SUDO) == [6]


# -- D: Python's rmtree of one value is not the shell's empty-variable rm -rf ----------------------------------------

RMTREE_VALUE = _text(
    "#!/usr/bin/env python3",  # 1
    "import shutil, tempfile",  # 2
    "",  # 3
    "def work_dir():",  # 4
    "    return tempfile.mkdtemp()",  # 5
    "",  # 6
    "def main():",  # 7
    "    target = input('install where? ')",  # 8
    "    shutil.rmtree(target)",  # 9
    "    scratch = work_dir()",  # 10
    "    shutil.rmtree(scratch)",  # 11
    "",  # 12
    "main()",  # 13
)


def test_d_rmtree_of_a_whole_python_value_is_no_empty_variable_hazard() -> None:
    assert codes_at({"scripts/install.py": RMTREE_VALUE}, RM_VARIABLE) == []


def test_d_near_miss_a_path_built_on_a_value_stays_reported() -> None:
    # ``prefix + '/'`` with an empty prefix is ``/``: the same hazard as the shell's ``rm -rf "$X/"``
    built = RMTREE_VALUE.replace("shutil.rmtree(target)", "shutil.rmtree(target + '/')")
    assert codes_at({"scripts/install.py": built}, RM_VARIABLE) == [9]


# -- E: a SQL file loaded into the database the script has just created is a first load ------------------------------

FIRST_LOAD = _text(
    "#!/bin/sh",  # 1
    "set -e",  # 2
    "createdb appdb",  # 3
    "psql appdb -f /opt/app/conf/schema.sql",  # 4
    "psql -d appdb -f /opt/app/conf/seed.sql",  # 5
)


def test_e_psql_file_into_a_database_createdb_just_made_needs_no_lock() -> None:
    assert codes_at({"scripts/setup.sh": FIRST_LOAD}, OUTSIDE_LOCK) == []


def test_e_near_miss_another_database_or_a_createdb_after_the_load_stays_reported() -> None:
    other = FIRST_LOAD.replace("psql appdb -f", "psql livedb -f")
    assert codes_at({"scripts/setup.sh": other}, OUTSIDE_LOCK) == [4]
    later = _text("#!/bin/sh", "set -e", "psql appdb -f /opt/app/conf/schema.sql", "createdb appdb")
    assert codes_at({"scripts/setup.sh": later}, OUTSIDE_LOCK) == [3]


# -- F: grubby changing the boot entries needs root and takes effect at the next boot ------------------------------

GRUBBY = _text(
    "#!/bin/sh",  # 1
    "grubby --default-kernel",  # 2
    "grubby --set-default=/boot/vmlinuz-6.1.0",  # 3
)


def test_f_grubby_set_default_is_root_only_and_a_boot_change() -> None:
    files = {"scripts/setup.sh": GRUBBY}
    assert codes_at(files, PRIVILEGE) == [3]  # --default-kernel (2) only reads
    assert [c for c, _, _ in located(run(package(files)), "preflight.reboot")] == ["preflight.reboot_understated"]


def test_f_near_miss_grubby_that_only_reads_changes_nothing() -> None:
    files = {"scripts/setup.sh": _text("#!/bin/sh", "grubby --default-kernel", "grubby --info=ALL")}
    assert codes_at(files, PRIVILEGE) == []
    assert located(run(package(files)), "preflight.reboot") == []


# -- G: Laravel's migrate:fresh and migrate:refresh run every migration again -----------------------------------------


def test_g_migrate_fresh_and_refresh_apply_migrations() -> None:
    files = {"scripts/install.sh": _text("#!/bin/sh", "php artisan migrate:fresh --force", "./artisan migrate:refresh")}
    assert codes_at(files, HIDDEN) == [2, 3]


def test_g_near_miss_migrate_status_and_reset_apply_nothing() -> None:
    # migrate:status only lists; migrate:reset rolls every migration back and runs none (its drop is reported apart)
    files = {"scripts/install.sh": _text("#!/bin/sh", "php artisan migrate:status", "php artisan migrate:reset")}
    assert codes_at(files, HIDDEN) == []


# -- H: a PHP command line joined with ``.``, and composer run as ``php bin/composer.phar`` ---------------------------

SYMFONY_INSTALL = _text(
    "<?php",  # 1
    "namespace Tool\\Console;",  # 2
    "use Symfony\\Component\\Console\\Command\\Command;",  # 3
    "class InstallCommand extends Command",  # 4
    "{",  # 5
    "    protected function configure() { $this->setName('install'); }",  # 6
    "    protected function execute($input, $output)",  # 7
    "    {",  # 8
    "        system('php bin/composer.phar --working-dir=\"' . $this->dir . '\" --no-interaction update');",  # 9
    "    }",  # 10
    "}",  # 11
)


def test_h_a_joined_composer_phar_command_line_fetches() -> None:
    assert codes_at({"src/Console/InstallCommand.php": SYMFONY_INSTALL}, EGRESS) == [9]


def test_h_near_miss_a_joined_unknown_program_or_a_composer_probe_fetches_nothing() -> None:
    unknown = SYMFONY_INSTALL.replace("'php bin/composer.phar --working-dir=\"' . $this->dir . '\"", "$this->bin . '")
    assert codes_at({"src/Console/InstallCommand.php": unknown}, EGRESS) == []
    probe = SYMFONY_INSTALL.replace("--no-interaction update", "--version")
    assert codes_at({"src/Console/InstallCommand.php": probe}, EGRESS) == []


# -- I: a JavaScript child process whose program and arguments are declared in variables ---------------------------

SPAWN_VARIABLES = _text(
    'var spawn = require("child_process").spawn;',  # 1
    'var tool = "node-pre-gyp";',  # 2
    'var args = ["install"];',  # 3
    'args.push("--fallback-to-build");',  # 4
    "spawn(tool, args);",  # 5
)


def test_i_spawn_of_a_declared_program_and_argument_array_is_read() -> None:
    assert codes_at({"lifecycleScripts/install.js": SPAWN_VARIABLES}, EGRESS) == [5]


def test_i_near_miss_a_name_declared_twice_or_with_a_computed_value_stays_unknown() -> None:
    twice = SPAWN_VARIABLES.replace("spawn(tool, args);", 'function f() { var tool = "npm"; }\nspawn(tool, args);')
    assert codes_at({"lifecycleScripts/install.js": twice}, EGRESS) == []
    computed = SPAWN_VARIABLES.replace('"node-pre-gyp";', 'findTool();')
    assert codes_at({"lifecycleScripts/install.js": computed}, EGRESS) == []


# -- J: Red Hat's postgresql-setup initialising the cluster needs root -----------------------------------------------


def test_j_postgresql_setup_initdb_is_root_only() -> None:
    files = {"scripts/setup.sh": _text("#!/bin/sh", "/usr/bin/postgresql-setup initdb", "postgresql-setup --upgrade")}
    assert codes_at(files, PRIVILEGE) == [2, 3]


def test_j_near_miss_postgresql_setup_help_changes_nothing() -> None:
    files = {"scripts/setup.sh": _text("#!/bin/sh", "postgresql-setup --help", "postgresql-setup --version")}
    assert codes_at(files, PRIVILEGE) == []


# -- K: a role created with a literal password in SQL a script hands to psql -c ------------------------------------

ROLE_PASSWORD = _text(
    "#!/bin/sh",  # 1
    "psql -c \"CREATE ROLE app WITH LOGIN PASSWORD 'secret123'\"",  # 2
    "su - postgres -c \"psql -c \\\"ALTER ROLE app PASSWORD 'app2024'\\\"\"",  # 3
)


def test_k_a_literal_role_password_in_psql_c_is_a_credential() -> None:
    assert codes_at({"scripts/setup.sh": ROLE_PASSWORD}, CREDENTIAL) == [2, 3]


def test_k_near_miss_a_password_from_a_variable_or_no_password() -> None:
    files = {
        "scripts/setup.sh": _text(
            "#!/bin/sh",
            "psql -c \"CREATE ROLE app WITH LOGIN PASSWORD '$APP_PASSWORD'\"",
            "psql -c \"CREATE ROLE reader NOLOGIN\"",
        )
    }
    assert codes_at(files, CREDENTIAL) == []


def test_k_near_miss_a_password_variable_assigned_a_literal_is_reported_where_it_is_assigned() -> None:
    files = {
        "scripts/setup.sh": _text(
            "#!/bin/sh",
            "DB_PW=citest2024",
            "psql -c \"CREATE ROLE app WITH LOGIN PASSWORD '$DB_PW'\"",
        )
    }
    assert codes_at(files, CREDENTIAL) == [2]
