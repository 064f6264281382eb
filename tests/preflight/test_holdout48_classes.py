"""Classes the forty-eighth hold-out set showed (tests/preflight/holdout48: upgrade and update scripts of self-hosted
products), each as its minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from corpus_score import CORPUS_INVENTORY
from preflight_kit import codes_at, package

from shipgate.preflight import run_preflight
from shipgate.preflight.shell.build_placeholders import without_build_placeholders

EGRESS = "preflight.implicit_egress"
MIGRATION = "preflight.hidden_migration"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a dry-run switch in front of a command: with the switch off (the variable empty) the command runs ------------

DRY_RUN_SWITCH = _text(
    "#!/usr/bin/env bash",  # 1
    'if [ -z "${DRY_RUN}" ]; then',  # 2
    '  DRY=""',  # 3
    "else",  # 4
    '  DRY="echo"',  # 5
    "fi",  # 6
    "$DRY pip install -r requirements.txt || exit 1",  # 7
    "$DRY python manage.py migrate || exit 1",  # 8
)


def test_a_a_command_behind_an_empty_or_echo_switch_is_read_as_it_runs() -> None:
    assert codes_at({"scripts/upgrade.sh": DRY_RUN_SWITCH}, EGRESS) == [7]
    assert codes_at({"scripts/upgrade.sh": DRY_RUN_SWITCH}, MIGRATION) == [8]


def test_a_near_miss_a_prefix_that_always_prints_runs_nothing() -> None:
    always_printed = _text(
        "#!/usr/bin/env bash",
        'SHOW="echo"',  # never empty: the script only prints the commands
        "$SHOW pip install -r requirements.txt",
        "$SHOW python manage.py migrate",
    )
    assert codes_at({"scripts/upgrade.sh": always_printed}, EGRESS) == []
    assert codes_at({"scripts/upgrade.sh": always_printed}, MIGRATION) == []


# -- B: a build-time placeholder (Maven's ${install.etc.dir}) no longer hides the commands after it -----------------

PRIVILEGE = "preflight.implicit_privilege"

FILTERED_PRECHECK = _text(
    "#!/bin/bash",  # 1
    "LOCKFILE=/var/run/app-upgrade.lock",  # 2
    'if [ ! -e "${install.etc.dir}/keep-running" ]; then',  # 3
    '\trm -f "$LOCKFILE"',  # 4
    '\trsync -a "${install.etc.dir}"/ "${install.share.dir}/etc-backup/" || :',  # 5
    "fi",  # 6
    'echo "$VERSION" > "$LOCKFILE"',  # 7
)


def test_b_writes_after_a_dotted_build_placeholder_are_read() -> None:
    assert codes_at({"src/main/filtered/bin/upgrade-precheck.sh": FILTERED_PRECHECK}, PRIVILEGE) == [4, 7]


def test_b_near_miss_root_checked_or_real_expansions_stay_as_they_were() -> None:
    checked = FILTERED_PRECHECK.replace("LOCKFILE=", '[ "$(id -u)" -eq 0 ] || exit 1\nLOCKFILE=', 1)
    assert codes_at({"src/main/filtered/bin/upgrade-precheck.sh": checked}, PRIVILEGE) == []
    valid = b'echo "${NAME:-a.b}" "${list[1]}" "${HOME}/x.y" \'${not.read}\'\n'
    assert without_build_placeholders(valid) == valid.replace(b"${not.read}", b"${not_read}")


# -- C: a tar cluster with the archive stuck to its f (-xvf- reads the pipe) unpacks the fetched archive ------------

DOWNLOAD_RUN = "preflight.unverified_download_exec"

PIPED_UNPACK = _text(
    "#!/usr/bin/env bash",  # 1
    "update_tool() {",  # 2
    "\tbash /srv/tool/tool.sh +update",  # 3
    "}",  # 4
    "curl -s http://downloads.example.org/tool_linux.tar.gz | bsdtar -xvf- -C /srv/tool",  # 5
    "update_tool",  # 6
    "curl -sL https://plugins.example.org/latest | tar -xzf- -C /srv/tool/plugins/",  # 7
    "chmod 755 /srv/tool/plugins/compiler.bin",  # 8
)


def test_c_an_archive_piped_into_tar_xvf_dash_is_unpacked_where_c_says() -> None:
    assert codes_at({"start.sh": PIPED_UNPACK}, DOWNLOAD_RUN) == [6, 8]


def test_c_near_miss_listing_or_creating_with_a_stuck_f_unpacks_nothing() -> None:
    listed = PIPED_UNPACK.replace("bsdtar -xvf-", "bsdtar -tvf-").replace("tar -xzf-", "tar -tzf-")
    assert codes_at({"start.sh": listed}, DOWNLOAD_RUN) == []
    created = _text(
        "#!/bin/sh", "tar -czf- /srv/tool | curl -T - https://backup.example.org/", "bash /srv/tool/tool.sh"
    )
    assert codes_at({"start.sh": created}, DOWNLOAD_RUN) == []


# -- D: a command line kept in a variable with run-time arguments still names its program -----------------------

OUTSIDE_LOCK = "preflight.migration_outside_lock"

KEPT_COMMAND_LINE = _text(
    "#!/bin/bash",  # 1
    'CMD="psql -b -h $DB_SERVER -p $DB_PORT -d $DB_NAME -U $DB_USER"',  # 2
    "for FILE in migration/postgresql/*.sql",  # 3
    "do",  # 4
    '    $CMD < "$FILE" 2>&1 | tee "$FILE.out"',  # 5
    "done",  # 6
)


def test_d_a_kept_psql_command_line_applying_migration_files_takes_no_lock() -> None:
    assert codes_at({"utils/SyncDB.sh": KEPT_COMMAND_LINE}, OUTSIDE_LOCK) == [5]


def test_d_near_miss_a_program_chosen_at_run_time_or_a_locked_run_stays_quiet() -> None:
    chosen = KEPT_COMMAND_LINE.replace('CMD="psql ', 'CMD="$SQL_CLIENT ')
    assert codes_at({"utils/SyncDB.sh": chosen}, OUTSIDE_LOCK) == []
    locked = KEPT_COMMAND_LINE.replace('CMD="psql', 'exec 9>/var/lock/sync.lock\nflock -n 9 || exit 1\nCMD="psql')
    assert codes_at({"utils/SyncDB.sh": locked}, OUTSIDE_LOCK) == []


# -- E: a URL set (with a run-time path) in each branch of another function is each a contact --------------------

ENDPOINT = "preflight.external_endpoint"


def _hosts(files: dict[str, str]) -> list[tuple[int | None, str]]:
    found = run_preflight(package({p: t.encode() for p, t in files.items()}), inventory=CORPUS_INVENTORY)
    return sorted((f.evidence.get("line"), str(f.evidence.get("host"))) for f in found if f.code == ENDPOINT)


BRANCHED_LINK = _text(
    "#!/bin/sh",  # 1
    "setup() {",  # 2
    '  if [ "$1" = "snapshot" ]; then',  # 3
    '    link="https://ci.vendor.example/job/last/app-$2.zip"',  # 4
    "  else",  # 5
    '    link="https://downloads.vendor.example/releases/$2/app-$2.zip"',  # 6
    "  fi",  # 7
    "}",  # 8
    "fetch() {",  # 9
    '  curl -Lf "$link" -o /tmp/app.zip',  # 10
    "}",  # 11
    'setup "$1" "$2"',  # 12
    "fetch",  # 13
)


def test_e_each_branch_of_a_global_set_in_another_function_is_contacted() -> None:
    assert _hosts({"bin/update": BRANCHED_LINK}) == [(10, "ci.vendor.example"), (10, "downloads.vendor.example")]


def test_e_near_miss_a_host_cut_by_a_run_time_part_is_no_host() -> None:
    cut = BRANCHED_LINK.replace("https://ci.vendor.example/job/last/", "https://bucket.s3.${REGION}.vendor.example/")
    assert _hosts({"bin/update": cut}) == [(10, "downloads.vendor.example")]


# -- F: a product CLI's runner given the rake task list as one quoted word migrates -------------------------------

RUN_TASK_LIST = _text(
    "#!/bin/bash",  # 1
    'CLI="${APP_NAME}"',  # 2
    'rake_commands="db:migrate db:seed"',  # 3
    '${CLI} run rake "${rake_commands} vendor:postinstall"',  # 4
)


def test_f_a_quoted_task_list_handed_to_the_runner_holds_db_migrate() -> None:
    assert codes_at({"packaging/bin/postinstall": RUN_TASK_LIST}, MIGRATION) == [4]


def test_f_near_miss_a_task_list_without_a_migration_stays_quiet() -> None:
    seeding = RUN_TASK_LIST.replace('"db:migrate db:seed"', '"assets:precompile db:seed"')
    assert codes_at({"packaging/bin/postinstall": seeding}, MIGRATION) == []


# -- G: a product's upgrade tool shipped as a jar converts its stored data on upgrade -----------------------------

UPGRADE_TOOL_JAR = _text(
    "#!/bin/sh",  # 1
    'export APP_USERDATA="$WorkingDir/userdata"',  # 2
    'java -jar "$WorkingDir/runtime/bin/upgradetool.jar" || exit 1',  # 3
    'java -Xmx256m -jar /opt/app/lib/data-upgrade-tool-2.1.jar --dir "$APP_USERDATA"',  # 4
)


def test_g_java_running_an_upgrade_tool_jar_is_a_hidden_migration() -> None:
    assert codes_at({"runtime/bin/update": UPGRADE_TOOL_JAR}, MIGRATION) == [3, 4]


def test_g_near_miss_other_jars_and_help_stay_quiet() -> None:
    other = _text(
        "#!/bin/sh",
        'java -jar "$WorkingDir/runtime/bin/app.jar"',  # the product itself
        "java -jar /opt/app/lib/upgrade-checker.jar",  # checks for a release, converts nothing
        'java -jar "$WorkingDir/runtime/bin/upgradetool.jar" --help',
    )
    assert codes_at({"runtime/bin/update": other}, MIGRATION) == []
