"""Classes the hundred-and-eighty-seventh hold-out set showed (tests/preflight/holdout187: install, update and deploy
programs in Python, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

SUDO = "preflight.sudo_unavailable"
IMPLICIT = "preflight.implicit_privilege"


# -- A: Fabric 1's ``sudo()`` over a connection made as root ----------------------------------------------------------


def _fabfile(*lines: str) -> dict[str, str]:
    head = ("from fabric.api import env, settings, sudo", "")  # 1, 2
    return {"fabfile.py": "\n".join((*head, *lines)) + "\n"}


def test_a_sudo_over_a_root_connection_is_no_escalation() -> None:
    files = _fabfile(
        "env.user = 'root'",  # 3
        "",
        "def restart():",
        "    sudo('service nginx restart')",  # 6
        "",
        "def init_db():",
        "    with settings(sudo_user='postgres'):",
        "        sudo('createdb app')",  # 10
    )
    assert codes_at(files, SUDO) == []
    assert codes_at(files, IMPLICIT) == []


def test_a_sudo_over_a_deploy_account_stays_an_escalation() -> None:
    files = _fabfile("env.user = 'deploy'", "", "def restart():", "    sudo('service nginx restart')")
    assert codes_at(files, SUDO) == [6]


def test_a_sudo_with_no_connection_user_named_stays_an_escalation() -> None:
    files = _fabfile("env.hosts = ['web1']", "", "def restart():", "    sudo('service nginx restart')")
    assert codes_at(files, SUDO) == [6]


# -- B: a Ruby uid check written as ``if Process.uid != 0 … exit`` ---------------------------------------------------

ROOT = "preflight.root_assumed"


def _ruby(*lines: str) -> dict[str, str]:
    return {"script/install.rb": "\n".join(("#!/usr/bin/ruby -w", "", *lines)) + "\n"}  # 1, 2


def test_b_uid_unequal_to_zero_then_exit_is_a_root_check() -> None:
    for test in ("Process.uid != 0", "Process.euid != 0", "(Process.euid > 0)"):
        files = _ruby(
            f"if {test}",  # 3
            '  STDERR.puts "Error you must be root"',
            "  exit (false)",
            "end",
            'File.open("/etc/pam.d/common-auth", "a") { |f| f.puts("auth optional pam_x.so") }',  # 7
        )
        assert codes_at(files, ROOT) == [3], test
        assert codes_at(files, IMPLICIT) == [], test


def test_b_uid_test_with_no_exit_or_in_a_longer_condition_is_no_root_check() -> None:
    for test, body in (("Process.uid != 0", '  puts "not root"'), ("Process.uid != 0 && ARGV.empty?", "  exit 1")):
        files = _ruby(
            f"if {test}",
            body,
            "end",
            'File.open("/etc/pam.d/common-auth", "a") { |f| f.puts("auth optional pam_x.so") }',  # 6
        )
        assert codes_at(files, ROOT) == [], test
        assert codes_at(files, IMPLICIT) == [6], test


# -- C: ActiveRecord's migrator and drop_database called from Ruby ---------------------------------------------------

MIGRATION = "preflight.hidden_migration"
DELETE = "preflight.destructive_delete"


def test_c_active_record_migrator_applies_migrations() -> None:
    for call in (
        "ActiveRecord::Migrator.migrate 'db/migrate', nil",
        "ActiveRecord::Tasks::DatabaseTasks.migrate",
        "ActiveRecord::MigrationContext.new('db/migrate').migrate",
    ):
        files = _ruby("require 'active_record'", call)  # 3, 4
        assert codes_at(files, MIGRATION) == [4], call


def test_c_active_record_drop_database_is_a_delete() -> None:
    files = _ruby("ActiveRecord::Base.establish_connection CONFIG", "ActiveRecord::Base.connection.drop_database 'app'")
    assert codes_at(files, DELETE) == [4]


def test_c_other_libraries_and_the_files_own_migrate_stay_quiet() -> None:
    files = _ruby(
        "client = Mongo::Client.new(URI)",  # 3
        "client.drop_database 'app'",
        "Schema.migrate 'db/migrate'",
        "ActiveRecord::Base.connection.create_database 'app'",
    )
    assert codes_at(files, MIGRATION) == []
    assert codes_at(files, DELETE) == []


# -- D: a Fabric 1 fabfile's literal hosts are the hosts its tasks connect to -----------------------------------------

ENDPOINT = "preflight.external_endpoint"


def test_d_literal_public_hosts_of_env_hosts_are_contacted() -> None:
    files = _fabfile(
        "env.hosts = ['188.226.191.166',",  # 3
        "             'deploy@web1.example.org:2222']",  # 4
        "",
        "def status():",
        "    sudo('uptime')",
    )
    assert codes_at(files, ENDPOINT) == [3, 4]


def test_d_private_single_label_and_computed_hosts_stay_quiet() -> None:
    files = _fabfile("env.hosts = ['10.0.0.5', 'web1', HOST]", "", "def status():", "    sudo('uptime')")
    assert codes_at(files, ENDPOINT) == []


def test_d_a_hosts_list_outside_a_fabfile_is_no_connection() -> None:
    text = "import os\nenv = object()\nenv.hosts = ['188.226.191.166']\nos.system('apt-get update')\n"
    assert codes_at({"scripts/install.py": text}, ENDPOINT) == []


# -- E: PHP's chmod() given an octal literal mode --------------------------------------------------------------------

WORLD = "preflight.world_writable"


def _php(*lines: str) -> dict[str, str]:
    return {"upgrade.php": "\n".join(("<?php", "", *lines)) + "\n"}  # 1, 2


def test_e_chmod_of_a_literal_world_writable_mode() -> None:
    for mode in ("0777", "0o777", "0666"):
        files = _php("mkdir($dir);", f"chmod($dir, {mode});")  # 3, 4
        assert codes_at(files, WORLD) == [4], mode


def test_e_owner_modes_a_mode_variable_and_mkdir_modes_stay_quiet() -> None:
    files = _php("mkdir($dir, 0777, true);", "chmod($dir, 0755);", "chmod($file, $mode);", "chmod($file, 777);")
    assert codes_at(files, WORLD) == []


def test_d_placeholder_names_for_the_operators_server_stay_quiet() -> None:
    for host in ("mydomain.com", "your-server.org", "example.com"):
        files = _fabfile(f"env.hosts = ['{host}']", "", "def status():", "    sudo('uptime')")
        assert codes_at(files, ENDPOINT) == [], host


# -- G: ``git checkout origin/BRANCH -- PATHS`` after a fetch writes the fetched files into the tree ---------------

UNVERIFIED = "preflight.unverified_download_exec"


def _sh(*lines: str) -> dict[str, str]:
    return {"scripts/update.sh": "\n".join(("#!/bin/sh", "set -e", *lines)) + "\n"}  # 1, 2


def test_g_checkout_of_fetched_paths_then_npm_install_runs_fetched_code() -> None:
    for ref in ("origin/main", "FETCH_HEAD", '"origin/${branch}"'):
        files = _sh("git fetch origin --quiet", f"git checkout {ref} -- lib/ package.json", "npm install --quiet")
        assert codes_at(files, UNVERIFIED) == [5], ref


def test_g_restoring_paths_from_head_or_a_local_branch_stays_quiet() -> None:
    for ref in ("HEAD", "main", "0123456789abcdef0123456789abcdef01234567"):
        files = _sh("git fetch origin --quiet", f"git checkout {ref} -- package.json", "npm install --quiet")
        assert codes_at(files, UNVERIFIED) == [], ref
