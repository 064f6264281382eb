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
