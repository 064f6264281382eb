"""Classes the hundred-and-thirtieth hold-out set showed (tests/preflight/holdout130: upgrade, update and maintenance
scripts of self-hosted products), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

MIGRATION = "preflight.hidden_migration"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: Moodle's command-line upgrade ---------------------------------------------------------------------------------


def test_b_moodle_cli_upgrade_is_a_hidden_migration() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        'cd "$MOODLE_DIR"',  # 2
        "php admin/cli/upgrade.php --non-interactive",  # 3
        "sudo -u www-data /usr/bin/php /var/www/moodle/admin/cli/upgrade.php --non-interactive --allow-unstable",  # 4
    )
    assert codes_at({"upgrade.sh": upgrade}, MIGRATION) == [3, 4]


def test_near_miss_b_other_cli_scripts_and_the_pending_check_change_no_schema() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        "php admin/cli/upgrade.php --is-pending",  # 2
        "php admin/cli/upgrade.php --help",  # 3
        "php admin/cli/maintenance.php --enable",  # 4
        "php upgrade.php",  # 5
        "php tools/upgrade.php --non-interactive",  # 6
    )
    assert codes_at({"upgrade.sh": upgrade}, MIGRATION) == []
