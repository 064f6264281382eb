"""Classes of mistakes the seventy-seventh hold-out set found (tests/preflight/holdout77: upgrade, backup/restore,
reset and cleanup scripts of self-hosted products chosen for their deletes) and the destructive-delete classes the
older hold-out sets' disagreements share, each as its minimal construct next to a near-miss that must stay quiet or
keep being reported."""

from __future__ import annotations

from preflight_kit import findings

DELETE = "preflight.destructive_delete"
SCRIPT = "setup-db.sh"


def _codes(script: str, code: str) -> list[tuple[str, int]]:
    return [f for f in findings({SCRIPT: f"#!/bin/sh\n{script}"}) if f[0] == code]


# -- A: SQL that drops a database, handed to a client as text ----------------------------------------------------


def test_a_sql_dropping_a_database_given_to_a_client_is_a_delete() -> None:
    for step in (
        'echo "drop database if exists ${DB}; create database ${DB};" | mysql\n',
        "mysql -u root -e 'DROP DATABASE app'\n",
        'psql -U postgres -c "DROP DATABASE IF EXISTS app"\n',
        "printf 'DROP SCHEMA public CASCADE;' | psql app\n",
        "mariadb <<EOF\nDROP DATABASE app;\nEOF\n",
    ):
        assert _codes(step, DELETE) == [(DELETE, 2)], step


def test_a_near_miss_sql_that_creates_or_drops_less_or_follows_a_dump() -> None:
    assert _codes('echo "create database app; grant all on app.* to u;" | mysql\n', DELETE) == []
    assert _codes('psql -c "DROP TABLE IF EXISTS tmp_import"\n', DELETE) == []
    assert _codes('echo "drop database app" > notes.txt\n', DELETE) == []
    dumped = 'mysqldump app > /var/backups/app.sql\necho "drop database app" | mysql\n'
    assert _codes(dumped, DELETE) == []


def test_a_a_branch_a_switch_set_once_never_takes_does_not_run() -> None:
    local = (
        'HOST="localhost"\n'
        'if [ "${HOST}" == "localhost" ]; then\n'
        '  echo "drop database if exists app" | mysql\n'
        "else\n"
        '  echo "drop database if exists app" | mysql -h"${HOST}"\n'
        "fi\n"
    )
    assert _codes(local, DELETE) == [(DELETE, 4)]


def test_a_near_miss_a_switch_the_environment_may_set_takes_either_branch() -> None:
    either = (
        'HOST="${HOST:-localhost}"\n'
        'if [ "${HOST}" == "localhost" ]; then\n'
        '  echo "drop database if exists app" | mysql\n'
        "else\n"
        '  echo "drop database if exists app" | mysql -h"${HOST}"\n'
        "fi\n"
    )
    assert _codes(either, DELETE) == [(DELETE, 4), (DELETE, 6)]


# -- B: the copy of a data directory the script set aside, deleted again when no other copy it made is kept --------

_ASIDE = (
    "pg_dumpall > /var/lib/postgresql/old.dump\n"
    "mv /var/lib/postgresql/lib /var/lib/postgresql/lib.bak\n"
    "psql -f /var/lib/postgresql/old.dump\n"
    "rm /var/lib/postgresql/old.dump\n"
)


def test_b_deleting_the_set_aside_copy_when_no_other_copy_is_kept_is_a_delete() -> None:
    assert _codes(_ASIDE + "rm -rf /var/lib/postgresql/lib.bak\n", DELETE) == [(DELETE, 6)]


def test_b_near_miss_another_copy_kept_or_the_old_copy_replaced_before_the_move() -> None:
    kept = _ASIDE.replace("rm /var/lib/postgresql/old.dump\n", "")
    assert _codes(kept + "rm -rf /var/lib/postgresql/lib.bak\n", DELETE) == []
    replaced = "rm -rf /var/lib/app/data.bak\nmv /var/lib/app/data /var/lib/app/data.bak\n"
    assert _codes(replaced, DELETE) == []
    copied_on = _ASIDE + "rsync -a /var/lib/postgresql/lib.bak/ /srv/archive/lib/\nrm -rf /var/lib/postgresql/lib.bak\n"
    assert _codes(copied_on, DELETE) == []


# -- C: a path variable built on another one every value of which names an entry ---------------------------------

RM_VAR = "preflight.rm_rf_variable"


def test_c_a_path_built_on_a_variable_that_names_an_entry_is_never_the_root() -> None:
    built = 'ROOT=${ROOT:-"$HOME/stack"}\nVOLUMES="$ROOT/volumes"\nDATA="$VOLUMES/$NAME"\nrm -rf "$DATA"\n'
    assert _codes(built, RM_VAR) == []


def test_c_near_miss_a_path_built_on_a_variable_that_may_be_empty() -> None:
    bare = 'VOLUMES="$ROOT"\nDATA="$VOLUMES/$NAME"\nrm -rf "$DATA"\n'
    assert _codes(bare, RM_VAR) == [(RM_VAR, 4)]


# -- D: a schema file loaded into the database the same script created with SQL text -----------------------------

UNLOCKED = "preflight.migration_outside_lock"


def test_d_a_schema_loaded_into_a_database_just_created_by_sql_text_is_no_migration() -> None:
    create = 'echo "create database app; grant all on app.* to u;" | mysql\n'
    created = create + "mysql -u u app < /usr/share/app/schema.sql\n"
    assert _codes(created, UNLOCKED) == []


def test_d_near_miss_the_file_loaded_into_another_database_is_still_a_migration() -> None:
    other = 'echo "create database app_logs;" | mysql\nmysql -u u app < /usr/share/app/upgrade.sql\n'
    assert _codes(other, UNLOCKED) == [(UNLOCKED, 3)]


# -- E: Nextcloud's ``occ upgrade`` run by the interpreter with the console's path ---------------------------------

HIDDEN = "preflight.hidden_migration"


def test_e_occ_upgrade_run_by_php_is_a_migration() -> None:
    for step in ("sudo -u www-data -E php /var/www/html/occ upgrade\n", "php occ upgrade\n"):
        assert _codes(step, HIDDEN) == [(HIDDEN, 2)], step


def test_e_near_miss_other_occ_verbs_apply_no_migration() -> None:
    for step in ("sudo -u www-data php /var/www/html/occ status\n", "php occ maintenance:mode --on\n"):
        assert _codes(step, HIDDEN) == [], step


# -- G (holdout53's I Hate Money): a tree deleted to make room for the new version the script staged beside it -------


def test_g_a_tree_replaced_by_its_staged_new_version_is_no_data_loss() -> None:
    swap = "rm -rf /opt/app/src\nmv /opt/app/src-new /opt/app/src\n"
    assert _codes(swap, DELETE) == []


def test_g_near_miss_a_tree_replaced_by_something_else_is_still_a_delete() -> None:
    reset = "rm -rf /var/lib/app/data\nmv /usr/share/app/defaults /var/lib/app/data\n"
    assert _codes(reset, DELETE) == [(DELETE, 2)]
    staged_elsewhere = "rm -rf /var/lib/app/data\nmv /var/lib/app/data-new /var/lib/app/other\n"
    assert _codes(staged_elsewhere, DELETE) == [(DELETE, 2)]


# -- H (holdout48's TinyPilot): deletes in the function a ``trap`` runs tidy up what the run made -------------------


def test_h_a_delete_in_a_trap_handler_is_no_data_loss() -> None:
    trapped = "clean_up() {\n  rm -rf /opt/app-updater\n}\ntrap 'clean_up' EXIT\necho run\n"
    assert _codes(trapped, DELETE) == []


def test_h_near_miss_the_same_function_called_as_a_step_still_deletes() -> None:
    called = "clean_up() {\n  rm -rf /opt/app-updater\n}\nclean_up\necho run\n"
    assert _codes(called, DELETE) == [(DELETE, 3)]


# -- I (holdout48's RaspiBlitz): a download directory holds what can be fetched again, as a cache does -------------


def test_i_a_download_directory_is_no_data() -> None:
    for step in ('rm -rf "/home/admin/download/app.update"\n', "rm -rf /var/lib/app/downloads\n"):
        assert _codes(step, DELETE) == [], step


def test_i_near_miss_a_data_directory_beside_it_is_still_data() -> None:
    assert _codes("rm -rf /home/admin/documents/app\n", DELETE) == [(DELETE, 2)]
    assert _codes("rm -rf /var/lib/app/downloader-state\n", DELETE) == [(DELETE, 2)]
