"""Classes the hold-out set 206's first run showed (tests/preflight/holdout206/README.md), each with a near-miss."""

from __future__ import annotations

from preflight_kit import in_script


def test_an_interpreter_running_a_script_named_migrate_is_a_hidden_migration() -> None:
    assert in_script("preflight.hidden_migration", 'cd "$PANEL_PATH"', "node src/scripts/migrate.js") == [4]
    assert in_script("preflight.hidden_migration", "python3 /srv/app/migrations.py") == [3]
    assert in_script("preflight.hidden_migration", "php bin/db-migrate.php --force") == [3]
    # near-misses: a script named for another job, a migrate script asked to make or list migrations, under
    # flock, and a file that is not run by an interpreter
    assert in_script("preflight.hidden_migration", "node src/scripts/migrate-config.js") == []
    assert in_script("preflight.hidden_migration", "node migrate.js create add_users") == []
    assert in_script("preflight.hidden_migration", "node migrate.js status") == []
    assert in_script("preflight.hidden_migration", "flock /run/app.lock node src/scripts/migrate.js") == []
    assert in_script("preflight.hidden_migration", "cat src/scripts/migrate.js") == []
