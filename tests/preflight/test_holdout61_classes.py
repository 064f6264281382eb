"""Classes of mistakes the sixty-first hold-out set found (tests/preflight/holdout61: database migrations and the
scripts that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import findings

HIDDEN = "preflight.hidden_migration"

# -- B: a migration CLI run as a Python module (python3 -m pretix migrate, python -m alembic upgrade head) ---------

START = "deployment/docker/start.bash"


def _hidden(step: str) -> list[tuple[str, int]]:
    found = findings({START: f"#!/bin/bash\ncd /app/src\n{step}\nexec gunicorn app.wsgi\n"})
    return [f for f in found if f[0] == HIDDEN]


def test_b_a_migration_cli_run_as_a_python_module_is_a_hidden_migration() -> None:
    for step in (
        "python3 -m pretix migrate --noinput",
        "python -m django migrate --settings=app.settings",
        "python3.12 -u -m app migrate",
        "python -m alembic upgrade head",
        "python3 -m flask db upgrade",
    ):
        assert _hidden(step) == [(HIDDEN, 3)], step


def test_b_near_miss_other_module_commands_and_a_fake_migrate_are_no_migration() -> None:
    for step in (
        "python3 -m pretix runperiodic",
        "python3 -m pretix updatestyles",
        "python -m pip install -r requirements.txt",
        "python -m alembic current",
        "python3 -m pretix migrate --fake",
        "python3 tools/migrate_notes.py",
    ):
        assert _hidden(step) == [], step

