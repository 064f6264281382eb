"""Classes of mistakes the 159th hold-out set found (tests/preflight/holdout159: database migrations and the
scripts that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import in_script

HIDDEN = "preflight.hidden_migration"
OUTSIDE = "preflight.migration_outside_lock"


# -- A: a migration CLI in the sh -c string a container's shell runs ------------------------------------------------


def test_a_alembic_in_a_compose_exec_shell_string_is_a_hidden_migration() -> None:
    # minipost's scripts/migrate.sh: two Alembic upgrades and a bootstrap in one bash -lc string in the web service
    line = (
        'docker compose -f compose/docker-compose.yml exec -T web bash -lc "alembic -x module=core upgrade head'
        ' && alembic -x module=auth upgrade head && python -m app.bootstrap rebuild-nav"'
    )
    assert in_script(HIDDEN, line) == [3]


def test_a_docker_run_and_kubectl_exec_shell_strings_are_read_too() -> None:
    assert in_script(HIDDEN, "docker run --rm app:1 sh -c 'python manage.py migrate --noinput'") == [3]
    assert in_script(HIDDEN, 'kubectl exec deploy/web -- sh -ec "cd /app && rails db:migrate"') == [3]


def test_a_a_migrator_given_the_package_folder_in_the_string_takes_no_lock() -> None:
    line = "docker compose run --rm web sh -c 'goose -dir db/migrations postgres \"$DSN\" up'"
    assert in_script(OUTSIDE, line) == [3]
    assert in_script(HIDDEN, line) == []


def test_a_near_miss_a_string_that_only_prints_or_lists_migrates_nothing() -> None:
    assert in_script(HIDDEN, 'docker compose exec -T web sh -c "echo alembic upgrade head"') == []
    assert in_script(HIDDEN, "docker compose exec -T web bash -lc 'alembic history && alembic current'") == []
    assert in_script(HIDDEN, 'docker exec web sh -c "ls -la /app/migrations"') == []


def test_a_near_miss_under_flock_the_run_is_locked() -> None:
    line = 'flock /run/app-migrate.lock docker compose exec -T web sh -c "alembic upgrade head"'
    assert in_script(HIDDEN, line) == []
