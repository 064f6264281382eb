"""Classes of mistakes the sixty-fourth hold-out set found (tests/preflight/holdout64: upgrade, backup and
maintenance scripts of self-hosted products), each as its minimal construct next to a near-miss that must stay
quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import findings

HIDDEN = "preflight.hidden_migration"

# -- C: a migration CLI written at the call of a function that forwards its arguments to a container run ----------

BW = "bw-dev"


def _hidden(body: str, calls: str) -> list[tuple[str, int]]:
    script = f'#!/usr/bin/env bash\nDOCKER_COMPOSE="docker compose"\nfunction runweb {{\n    {body}\n}}\n{calls}'
    return [f for f in findings({BW: script}) if f[0] == HIDDEN]


def test_c_a_migration_run_through_a_forwarding_function_is_reported_at_the_call() -> None:
    assert _hidden('$DOCKER_COMPOSE run --rm web "$@"', "runweb python manage.py migrate\n") == [(HIDDEN, 6)]
    assert _hidden('docker-compose exec web "$@"', "runweb ./manage.py migrate --noinput\n") == [(HIDDEN, 6)]
    # a function calling the forwarding one: the migration CLI is written in its body, at that call
    nested = 'function migrate {\n    runweb python manage.py migrate "$@"\n}\nmigrate\nmigrate django_celery_beat\n'
    assert _hidden('$DOCKER_COMPOSE run --rm web "$@"', nested) == [(HIDDEN, 7)]


def test_c_near_miss_other_commands_or_a_printing_function_are_no_migration() -> None:
    assert _hidden('$DOCKER_COMPOSE run --rm web "$@"', "runweb python manage.py collectstatic --no-input\n") == []
    assert _hidden('echo "$@"', "runweb python manage.py migrate\n") == []
    assert _hidden('$DOCKER_COMPOSE run --rm web python manage.py migrate --fake "$@"', "runweb\n") == []


# -- F: a compose build of the project in the working directory after a pull there runs the pulled Dockerfiles ----

FETCHED = "preflight.unverified_download_exec"


def _fetched(steps: str) -> list[tuple[str, int]]:
    script = f'#!/usr/bin/env bash\nDOCKER_COMPOSE="docker compose"\ngit pull\n{steps}'
    return [f for f in findings({BW: script}) if f[0] == FETCHED]


def test_f_a_compose_build_after_a_pull_in_the_working_directory_runs_the_pull() -> None:
    for build in ("$DOCKER_COMPOSE build", "docker-compose build web", "docker compose up -d --build"):
        assert _fetched(f"{build}\n") == [(FETCHED, 4)], build


def test_f_an_up_of_the_pulled_project_runs_what_its_compose_file_names() -> None:
    # since session 29 (docs/preflight.md): the pulled compose file decides the images, commands and mounts an `up`
    # or `run` starts, so a plain `up` of the project runs the pull as a build does
    assert _fetched("docker compose up -d\n") == [(FETCHED, 4)]


def test_f_near_miss_a_compose_file_elsewhere_or_a_pinned_commit() -> None:
    assert _fetched("docker compose -f /srv/app/compose.yml build\n") == []
    pinned = "git checkout 0123456789abcdef0123456789abcdef01234567\ndocker-compose build\n"
    assert _fetched(pinned) == []


# -- I: Debian's /var/backups is a root-owned system directory: a write there is a root-only step ------------------

PRIVILEGE = "preflight.implicit_privilege"


def _privilege(body: str) -> list[tuple[str, int]]:
    return [f for f in findings({"maintenance.sh": f"#!/bin/sh\n{body}"}) if f[0] == PRIVILEGE]


def test_i_a_write_under_var_backups_is_root_only() -> None:
    assert _privilege("mkdir -p /var/backups/fusionpbx/postgresql\n") == [(PRIVILEGE, 2)]
    assert _privilege("pg_dump app > /var/backups/app.sql\n") == [(PRIVILEGE, 2)]


def test_i_near_miss_another_backup_directory_or_a_root_check_first() -> None:
    assert _privilege("mkdir -p /srv/backups/app\n") == []
    assert _privilege('[ "$(id -u)" -eq 0 ] || exit 1\nmkdir -p /var/backups/app\n') == []
