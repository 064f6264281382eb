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


# -- A: a function that sets its first arguments aside and runs the rest ---------------------------------------------

EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"

_RUNNERS = (
    "#!/bin/bash",  # 1
    "run_logged() {",  # 2
    '  local name="$1"',  # 3
    "  shift",  # 4
    '  echo "$name.start"',  # 5
    '  "$@" >"$LOG" 2>&1',  # 6
    "}",  # 7
    "run_or_rollback() {",  # 8
    '  local reason="$1"',  # 9
    "  shift",  # 10
    '  "$@" || rollback "$reason"',  # 11
    "}",  # 12
    "download_file() {",  # 13
    '  curl -fsSL "$1" -o "$2"',  # 14
    "}",  # 15
)


def test_a_a_runner_that_shifts_runs_the_arguments_after_those_it_sets_aside() -> None:
    update = _text(
        *_RUNNERS,
        'run_logged "pip.install" pip install -e /opt/app',  # 16
        'run_or_rollback "pip failed" run_logged "pip.upgrade" pip install --upgrade pip',  # 17
        'run_logged "db.migrate" alembic upgrade head',  # 18
        'run_logged "manifest" download_file "https://example.org/version.json" /tmp/v.json',  # 19
    )
    files = {"update.sh": update}
    assert codes_at(files, EGRESS) == [16, 17]
    assert codes_at(files, MIGRATION) == [18]
    assert 19 in codes_at(files, ENDPOINT)


def test_near_miss_a_a_runner_that_shifts_in_a_loop_is_not_read_past_its_options() -> None:
    update = _text(
        "#!/bin/bash",  # 1
        "quietly() {",  # 2
        "  while [ $# -gt 0 ]; do",  # 3
        '    case "$1" in',  # 4
        "      -q) shift ;;",  # 5
        "      *) break ;;",  # 6
        "    esac",  # 7
        "  done",  # 8
        '  "$@"',  # 9
        "}",  # 10
        "quietly -q pip.log pip install flask",  # 11
        'run_logged() { echo "$1"; }',  # 12
        'run_logged "step" pip install flask',  # 13
    )
    assert codes_at({"update.sh": update}, EGRESS) == []


# -- H: tar -c packs what it reads into an archive; it unpacks nothing -----------------------------------------------

DOWNLOAD = "preflight.unverified_download_exec"


def test_h_a_fetched_tree_packed_with_tar_c_is_followed_to_where_the_archive_is_unpacked() -> None:
    update = _text(
        "#!/bin/bash",  # 1
        'curl -fsSL "https://example.org/app.tgz" -o /tmp/app.tgz',  # 2
        "mkdir -p /tmp/src",  # 3
        "tar -xzf /tmp/app.tgz -C /tmp/src",  # 4
        "tar --exclude=./data -cf /tmp/sync.tar -C /tmp/src .",  # 5
        "tar -xf /tmp/sync.tar -C /opt/app",  # 6
    )
    assert codes_at({"update.sh": update}, DOWNLOAD) == [6]


def test_near_miss_h_packing_a_fetched_tree_puts_nothing_in_the_working_directory() -> None:
    update = _text(
        "#!/bin/bash",  # 1
        "cd /srv/stage",  # 2
        'curl -fsSL "https://example.org/app.tgz" -o /tmp/app.tgz',  # 3
        "tar -xzf /tmp/app.tgz -C /tmp/src",  # 4
        "tar -czf /var/backups/src.tgz -C /tmp/src .",  # 5
        "cp -r restored /opt/app",  # 6
    )
    assert codes_at({"update.sh": update}, DOWNLOAD) == []


# -- C: the account's crontab saved, emptied and put back ------------------------------------------------------------

JOB = "preflight.scheduled_job"


def test_c_a_crontab_saved_then_emptied_and_restored_adds_no_job() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        "crontab -l > $HOME/cron_tmp",  # 2
        'echo "" | crontab -',  # 3
        "pkill defid",  # 4
        "crontab $HOME/cron_tmp",  # 5
        "rm $HOME/cron_tmp",  # 6
    )
    assert codes_at({"upgrade.sh": upgrade}, JOB) == []


def test_near_miss_c_a_table_the_script_writes_or_feeds_is_a_job() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        "crontab -l > /tmp/cron_tmp",  # 2
        'echo "*/5 * * * * /opt/app/sync" >> /tmp/cron_tmp',  # 3
        "crontab /tmp/cron_tmp",  # 4
        'echo "0 3 * * * /opt/app/backup" | crontab -',  # 5
        "crontab /opt/app/crontab.txt",  # 6
    )
    assert codes_at({"upgrade.sh": upgrade}, JOB) == [4, 5, 6]


# -- F: a mode set on a fetched tree's directories makes nothing executable ------------------------------------------


def test_f_directory_modes_of_a_fetched_tree_are_not_a_run() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        "wget -q -O /usr/src/app.tar.gz https://example.org/app.tar.gz",  # 2
        "tar -C /srv/app -xzf /usr/src/app.tar.gz",  # 3
        "find /srv/app/app-1.0 -type d -exec chmod 755 {} \\;",  # 4
        "find /srv/app/app-1.0 -type f -exec chmod 644 {} \\;",  # 5
    )
    assert codes_at({"upgrade.sh": upgrade}, DOWNLOAD) == []


def test_near_miss_f_an_execute_mode_on_files_of_a_fetched_tree_is_reported() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        "wget -q -O /usr/src/app.tar.gz https://example.org/app.tar.gz",  # 2
        "tar -C /srv/app -xzf /usr/src/app.tar.gz",  # 3
        "find /srv/app/app-1.0 -type f -name '*.sh' -exec chmod 755 {} \\;",  # 4
    )
    assert codes_at({"upgrade.sh": upgrade}, DOWNLOAD) == [4]


# -- I: git fetch, then a checkout of a branch or tag, then a run of the tree ----------------------------------------


def test_i_a_branch_checked_out_after_a_fetch_holds_the_fetched_commits() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        "cd /var/www/moodle",  # 2
        "git fetch --all",  # 3
        "git reset --hard",  # 4
        'git checkout "MOODLE_${next}_STABLE"',  # 5
        "php admin/cli/upgrade.php --non-interactive",  # 6
    )
    assert codes_at({"upgrade.sh": upgrade}, DOWNLOAD) == [6]


def test_near_miss_i_no_fetch_a_pinned_commit_or_a_path_checks_out_nothing_fetched() -> None:
    local = _text(
        "#!/bin/bash",  # 1
        "cd /var/www/moodle",  # 2
        "git checkout MOODLE_405_STABLE",  # 3
        "php admin/cli/upgrade.php --non-interactive",  # 4
    )
    pinned = _text(
        "#!/bin/bash",  # 1
        "cd /var/www/moodle",  # 2
        "git fetch --all",  # 3
        "git checkout 0123456789abcdef0123456789abcdef01234567",  # 4
        "git checkout -- config.php",  # 5
        "git checkout composer.lock",  # 6
        "git checkout -B v1.2.3",  # 7
        "php admin/cli/upgrade.php --non-interactive",  # 8
    )
    assert codes_at({"upgrade.sh": local}, DOWNLOAD) == []
    assert codes_at({"upgrade.sh": pinned}, DOWNLOAD) == []
