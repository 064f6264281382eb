"""Classes of misses that were still left over all hold-out sets (tests/preflight/holdout*/, grouped in
tests/preflight/holdout/README.md "Leftovers over all sets, by class"), each as its minimal construct next to a
near-miss that must stay quiet or keep being reported. Snippets are written here, not taken from the sets."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"

# -- the runtime directory (/run, /var/run): lock and pid files, a service's socket directory ------------------------


def test_writes_under_the_runtime_directory_are_root_only() -> None:
    text = (
        "#!/bin/sh\n"
        "touch /var/run/vendor-update.lock\n"
        "rm -f /var/run/vendor-config.lock\n"
        "mkdir -p /run/vendor\n"
        "LOCK=/run/vendor/update.lock\n"
        "echo $$ > $LOCK\n"
    )
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == [2, 3, 4, 6]


def test_the_users_runtime_directory_a_relative_run_and_a_read_need_no_root() -> None:
    text = (
        "#!/bin/sh\n"
        'touch "$XDG_RUNTIME_DIR/vendor.lock"\n'
        "mkdir -p ./run/vendor\n"
        "mkdir -p run/vendor\n"
        "cat /var/run/vendor.pid\n"
        "test -S /run/vendor/agent.sock && echo up\n"
        "kill $(cat /run/vendor.pid)\n"
    )
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == []


def test_a_script_that_checks_for_root_is_not_reported_for_its_runtime_writes() -> None:
    text = '#!/bin/sh\n[ "$(id -u)" -eq 0 ] || exit 1\ntouch /var/run/vendor-update.lock\n'
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == []


# -- the host's root filesystem mounted at /host (a privileged pod replacing the node's binary or config) -----------


def test_writes_into_the_hosts_system_directories_under_host_are_root_only() -> None:
    text = (
        "#!/bin/sh\n"
        "BIN=/usr/local/bin/agent\n"
        'TARGET="/host$BIN"\n'
        "cp /opt/agent $TARGET\n"
        "cp /host/opt/agent/node.yaml /host/etc/agent/config.yaml\n"
        "mkdir -p /host/etc/agent\n"
    )
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == [4, 5, 6]


def test_reads_of_host_and_writes_elsewhere_under_it_need_no_root() -> None:
    text = (
        "#!/bin/sh\n"
        "cat /host/proc/1/cmdline\n"
        "cp /host/etc/agent/config.yaml ./config.yaml\n"
        "cp a /host/opt/agent/a\n"
        "cp a /hostdata/etc/a\n"
        "mkdir -p ./host/etc/agent\n"
    )
    assert codes_at({"upgrade.sh": text}, PRIVILEGE) == []


# -- a PHP migration whose SQL strings (either direction) are written in MySQL-only syntax -------------------------

UNCHECKED, UNLOCKED = "preflight.migration_unchecked", "preflight.migration_unlocked"
_PHP_UP = "<?php\nclass DropLegacyColumns extends BaseMigration\n{\n    public $sql_up = <<<EOF\n"
_PHP_UP += "ALTER TABLE documents\nDROP COLUMN legacy_blob;\nEOF;\n\n    public $sql_down = <<<EOF\n"
_PATH = "migrations/20200101000000_drop_legacy_columns.php"


def test_a_php_migration_whose_down_half_is_mysql_only_is_unchecked() -> None:
    for down in (
        "ALTER TABLE documents ADD COLUMN legacy_blob longblob AFTER mime_type;",
        "ALTER TABLE `documents` ADD `legacy_blob` blob;",
        "ALTER TABLE documents ADD COLUMN legacy_id int(11) UNSIGNED;",
    ):
        text = _PHP_UP + down + "\nEOF;\n}\n"
        assert codes_at({_PATH: text}, UNCHECKED) == [5], down
        assert codes_at({_PATH: text}, UNLOCKED) == [], down


def test_a_php_migration_in_portable_sql_keeps_postgresqls_checks() -> None:
    for down in (
        "ALTER TABLE documents ADD COLUMN legacy_blob bytea;",
        "CREATE TRIGGER documents_audit AFTER UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION audit();",
        "ALTER TABLE documents ADD COLUMN after_hours int;",
    ):
        text = _PHP_UP + down + "\nEOF;\n}\n"
        assert codes_at({_PATH: text}, UNLOCKED) == [5], down
        assert codes_at({_PATH: text}, UNCHECKED) == [], down
