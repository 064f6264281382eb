"""Classes the 123rd hold-out set showed (tests/preflight/holdout123: container entrypoints and start scripts),
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: dpkg-reconfigure re-runs a package's maintainer scripts, as root only --------------------------------------


def test_a_dpkg_reconfigure_of_a_package_needs_root() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        "DEBIAN_FRONTEND=noninteractive dpkg-reconfigure -f noninteractive slapd",  # 2
        "dpkg-reconfigure tzdata",  # 3
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == [2, 3]


def test_a_near_miss_dpkg_reconfigure_under_a_root_check_or_sudo_is_not_implicit() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        'if [ "$(id -u)" -ne 0 ]; then echo "run as root" >&2; exit 1; fi',  # 2
        "dpkg-reconfigure -f noninteractive slapd",  # 3
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == []
    escalated = _text("#!/bin/bash", "sudo dpkg-reconfigure tzdata")
    assert codes_at({"setup.sh": escalated}, PRIVILEGE) == []


# -- B: postmap/postalias build their indexed table beside the source --------------------------------------------


def test_b_postmap_of_a_map_under_etc_writes_its_table_there() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "postmap /etc/postfix/vmaps",  # 2
        "postmap lmdb:/etc/postfix/transport hash:/etc/postfix/sasl_passwd",  # 3
        "postalias /etc/aliases",  # 4
        "postmap -d old@example.org /etc/postfix/virtual",  # 5: deletes a key from the built table
    )
    assert codes_at({"start.sh": script}, PRIVILEGE) == [2, 3, 4, 5]


def test_b_near_miss_lookups_unindexed_types_and_maps_of_its_own_stay_quiet() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "postmap -q user@example.org /etc/postfix/vmaps",  # 2: a lookup
        "postmap -s /etc/postfix/vmaps",  # 3: a dump
        "postmap texthash:/etc/postfix/vmaps",  # 4: kept in memory, no file built
        "postmap regexp:/etc/postfix/header_checks",  # 5
        'postmap "$HOME/maps/vmaps"',  # 6: a map of its own
        "postmap /tmp/vmaps",  # 7
    )
    assert codes_at({"start.sh": script}, PRIVILEGE) == []


# -- C: MediaWiki's maintenance/update.php brings the live database to the installed schema ----------------------

MIGRATION = "preflight.hidden_migration"


def test_c_mediawiki_update_script_at_container_start_is_a_hidden_migration() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "php /var/www/html/maintenance/update.php -q",  # 2
        "php8.2 maintenance/update.php --quick",  # 3
        "php maintenance/run.php update --quick",  # 4
    )
    assert codes_at({"start.sh": script}, MIGRATION) == [2, 3, 4]


def test_c_near_miss_other_maintenance_scripts_and_schema_printed_to_a_file_stay_quiet() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "php maintenance/update.php --schema /tmp/upgrade.sql",  # 2: writes the statements, runs none
        "php maintenance/run.php runJobs",  # 3
        "php maintenance/rebuildrecentchanges.php",  # 4
        "php maintenance/update.php --help",  # 5
    )
    assert codes_at({"start.sh": script}, MIGRATION) == []
