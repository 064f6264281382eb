"""Leftovers of the hidden_migration misses over the hold-out sets (session 19, h129), each as its minimal construct
next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

HIDDEN = "preflight.hidden_migration"


# -- a shell script of the package run by its path and given a database-update verb (holdout26: bitwarden.sh) -------


def test_a_shell_script_run_by_path_with_a_database_update_verb_is_reported() -> None:
    assert in_script(HIDDEN, 'SCRIPTS_DIR="$OUTPUT/scripts"', "$SCRIPTS_DIR/run.sh updatedb $OUTPUT") == [4]
    assert in_script(HIDDEN, "./manage.sh db:update") == [3]


def test_other_verbs_a_bare_name_or_mlocate_stay_quiet() -> None:
    assert in_script(HIDDEN, "$SCRIPTS_DIR/run.sh rebuild $OUTPUT") == []
    assert in_script(HIDDEN, "$SCRIPTS_DIR/run.sh updateconf $OUTPUT") == []
    assert in_script(HIDDEN, "updatedb") == []  # mlocate's index refresh


def test_a_bare_name_or_another_tool_given_updatedb_is_a_schema_subcommand() -> None:
    # not this rule's (the package's shell script by its path), but schema_subcommands' since holdout102: any tool
    # given an update-the-database subcommand word
    assert in_script(HIDDEN, "run.sh updatedb") == [3]
    assert in_script(HIDDEN, "./tool updatedb") == [3]
