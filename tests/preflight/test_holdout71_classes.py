"""Classes of mistakes the seventy-first hold-out set found (tests/preflight/holdout71: database migrations and the
scripts that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import findings

HIDDEN = "preflight.hidden_migration"

# -- B: an Elixir release's eval of its migrate function (bin/teslamate eval "TeslaMate.Release.migrate") ----------

ENTRYPOINT = "entrypoint.sh"


def _hidden(step: str) -> list[tuple[str, int]]:
    found = findings({ENTRYPOINT: f'#!/bin/sh\nset -e\n{step}\nexec "$@"\n'})
    return [f for f in found if f[0] == HIDDEN]


def test_b_a_release_evaluating_its_migrate_function_is_a_hidden_migration() -> None:
    for step in (
        'bin/teslamate eval "TeslaMate.Release.migrate"',
        '/app/bin/my_app eval "MyApp.Release.migrate()"',
        "./bin/shop rpc 'Shop.Release.migrate'",
        'bin/app eval "Ecto.Migrator.run(App.Repo, :up, all: true)"',
        "mix ecto.migrate",
        "MIX_ENV=prod mix ecto.migrate --log-migrations-sql",
    ):
        assert _hidden(step) == [(HIDDEN, 3)], step


def test_b_near_miss_other_release_expressions_and_the_shell_eval_are_no_migration() -> None:
    for step in (
        'bin/teslamate eval "TeslaMate.Release.rollback(TeslaMate.Repo, 20240101000000)"',
        'bin/app eval "App.Release.migrate_status"',
        'bin/app eval "IO.puts(:ok)"',
        'bin/app eval "Ecto.Migrator.run(App.Repo, :down, step: 1)"',
        "bin/app start",
        'eval "App.Release.migrate"',
        'echo bin/app eval "App.Release.migrate"',
        "mix ecto.migrations",
        "mix ecto.create",
    ):
        assert _hidden(step) == [], step


def test_b_the_release_migrating_in_a_container_is_a_hidden_migration() -> None:
    compose = 'services:\n  migrate:\n    image: app:1\n    command: bin/app eval "App.Release.migrate"\n'
    assert [f for f in findings({"docker-compose.yml": compose}) if f[0] == HIDDEN] == [(HIDDEN, 4)]
    assert _hidden('docker compose exec app bin/app eval "App.Release.migrate"') == [(HIDDEN, 3)]
