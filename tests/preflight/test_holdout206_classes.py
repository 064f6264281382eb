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


def _unit(*exec_lines: str) -> tuple[str, ...]:
    return (
        "cat > /etc/systemd/system/stack.service << EOF",
        "[Service]",
        "WorkingDirectory=/opt/stack",
        *exec_lines,
        "EOF",
        "systemctl daemon-reload",
    )


def test_a_unit_the_script_writes_and_starts_runs_its_start_commands_at_the_start() -> None:
    compose_up = "ExecStart=/usr/bin/docker compose up -d"
    assert in_script("preflight.implicit_egress", *_unit(compose_up), "systemctl start stack.service") == [9]
    assert in_script("preflight.implicit_egress", *_unit(compose_up), "systemctl enable --now stack") == [9]
    pre = "ExecStartPre=-/usr/bin/docker compose pull"
    assert in_script(
        "preflight.implicit_egress", *_unit(pre, "ExecStart=/opt/stack/run"), "systemctl restart stack"
    ) == [10]
    # near-misses: only enabled for the next boot, a unit of another name started, the network step only on stop,
    # and a start command that reaches no network
    assert in_script("preflight.implicit_egress", *_unit(compose_up), "systemctl enable stack.service") == []
    assert in_script("preflight.implicit_egress", *_unit(compose_up), "systemctl start other.service") == []
    stop = "ExecStop=/usr/bin/docker compose pull"
    assert in_script("preflight.implicit_egress", *_unit(stop), "systemctl start stack") == []
    assert in_script("preflight.implicit_egress", *_unit("ExecStart=/opt/stack/run"), "systemctl start stack") == []
