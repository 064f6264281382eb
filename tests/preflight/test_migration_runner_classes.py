"""Migration runners as they are really invoked in shell (migration_runners.py, migrations.py's ``_HIDDEN``): options
before the verb, a Node package runner or ``go run`` in front, the folder set in the environment; each construct
next to a near miss that must stay quiet (or keep its finding)."""

from __future__ import annotations

from preflight_kit import codes_at

_HIDDEN = "preflight.hidden_migration"
_OUTSIDE = "preflight.migration_outside_lock"


def _script(*lines: str) -> dict[str, str]:
    return {"scripts/migrate.sh": "#!/bin/sh\nset -e\n" + "".join(line + "\n" for line in lines)}


# -- A: golang-migrate with its options before the verb ------------------------------------------------------------


def test_a_golang_migrate_options_before_the_verb_are_read_and_a_remote_source_is_hidden() -> None:
    files = _script(
        'migrate -source github://vendor/app/migrations -database "$DB_URL" up',
        'migrate -database "$DB_URL" --source=s3://bucket/migrations up 2',
    )
    assert codes_at(files, _HIDDEN) == [3, 4]
    assert codes_at(files, _OUTSIDE) == []


def test_a_near_miss_golang_migrate_on_its_own_folder_or_without_a_migrating_verb_is_quiet() -> None:
    files = _script(
        'migrate -source file://db/migrations -database "$DB_URL" up',  # own files, pg_advisory_lock
        'migrate -path db/migrations -database "$DB_URL" up',
        "migrate -path db/migrations create -ext sql -dir db/migrations add_users",  # writes a file
        'migrate -source github://vendor/app/migrations -database "$DB_URL" force 3',  # sets the version only
        "migrate -help",
    )
    assert codes_at(files, _HIDDEN) == []
    assert codes_at(files, _OUTSIDE) == []


# -- B: goose and dbmate on the package's own folder: its SQL, with no lock --------------------------------------------


def test_b_goose_and_dbmate_given_a_local_folder_run_outside_a_lock() -> None:
    files = _script(
        'goose -dir db/migrations postgres "$DSN" up',
        "goose -dir=./migrations up-by-one",
        "dbmate -d db/migrations up",
        'dbmate --url "$DATABASE_URL" --migrations-dir ./sql migrate',
        "GOOSE_MIGRATION_DIR=db/migrations goose up",
        "DBMATE_MIGRATIONS_DIR=db/migrations dbmate up",
    )
    assert codes_at(files, _OUTSIDE) == [3, 4, 5, 6, 7, 8]
    assert codes_at(files, _HIDDEN) == []


def test_b_near_miss_locked_read_only_or_folder_not_named() -> None:
    locked = _script('flock /run/migrate.lock goose -dir db/migrations postgres "$DSN" up')
    assert codes_at(locked, _OUTSIDE) == []
    assert codes_at(locked, _HIDDEN) == []
    read_only = _script("goose -dir db/migrations status", "dbmate -d db/migrations new add_users")
    assert codes_at(read_only, _OUTSIDE) == [] and codes_at(read_only, _HIDDEN) == []
    unnamed = _script("goose up", 'dbmate --url "$DATABASE_URL" up')  # the tool's default folder: not named here
    assert codes_at(unnamed, _HIDDEN) == [3, 4]
    assert codes_at(unnamed, _OUTSIDE) == []


# -- C: the same CLIs from their module (go run) or a Node package runner -------------------------------------------


def test_c_go_run_of_the_tools_module_and_npx_are_the_tool() -> None:
    files = _script(
        'go run -tags postgres github.com/golang-migrate/migrate/v4/cmd/migrate@v4 -source s3://b -database x up',
        'go run github.com/pressly/goose/v3/cmd/goose@v3.20.0 -dir migrations postgres "$DSN" up',
        "npx dbmate -d db/migrations up",
    )
    assert codes_at(files, _HIDDEN) == [3]
    assert codes_at(files, _OUTSIDE) == [4, 5]


def test_c_near_miss_go_run_of_a_local_file_or_a_read_only_verb() -> None:
    files = _script(
        "go run github.com/pressly/goose/v3/cmd/goose@latest -dir migrations status",
        "go run main.go -dir migrations up",  # the project's own program, not goose
        "go run -tags postgres github.com/golang-migrate/migrate/v4/cmd/migrate -path db/migrations -database x up",
    )
    assert codes_at(files, _HIDDEN) == []
    assert codes_at(files, _OUTSIDE) == []


# -- D: Atlas: its own folder under its lock is quiet, Atlas Cloud hidden ----------------------------------------------


def test_d_atlas_migrate_apply_from_atlas_cloud_is_hidden() -> None:
    files = _script('atlas migrate apply --dir atlas://app --url "$DATABASE_URL"')
    assert codes_at(files, _HIDDEN) == [3]


def test_d_near_miss_atlas_on_its_own_folder_or_a_status_is_quiet() -> None:
    files = _script(
        'atlas migrate apply --dir file://migrations --url "$DATABASE_URL"',
        'atlas migrate status --dir atlas://app --url "$DATABASE_URL"',
    )
    assert codes_at(files, _HIDDEN) == []
    assert codes_at(files, _OUTSIDE) == []


# -- E: the Node ORMs' and sql-migrate's CLIs as they are named when run --------------------------------------------


def test_e_typeorm_sequelize_cli_and_sql_migrate_apply_hidden_migrations() -> None:
    files = _script(
        "npx typeorm migration:run -d dist/data-source.js",
        "npx typeorm-ts-node-commonjs migration:run -d src/data-source.ts",
        "npx sequelize-cli db:migrate",
        "sql-migrate up -env=production",
    )
    assert codes_at(files, _HIDDEN) == [3, 4, 5, 6]


def test_e_near_miss_their_read_only_verbs_are_quiet() -> None:
    files = _script(
        "npx typeorm migration:show -d dist/data-source.js",
        "npx sequelize-cli db:migrate:status",
        "sql-migrate status -env=production",
    )
    assert codes_at(files, _HIDDEN) == []


# -- F: the tool's published image given the tool's words: its entrypoint is the tool ---------------------------------


def test_f_docker_run_of_a_migrators_image_runs_that_migrator() -> None:
    files = _script(
        'docker run --rm amacneil/dbmate --url "$DATABASE_URL" up',
        'docker run --rm migrate/migrate -source github://vendor/app/migrations -database "$DB" up',
        'docker run --rm -v "$PWD/db:/db" ghcr.io/amacneil/dbmate:2 -d /db/migrations up',
        "docker run --rm flyway/flyway -url=jdbc:postgresql://db/app migrate",
    )
    assert codes_at(files, _HIDDEN) == [3, 4, 6]
    assert codes_at(files, _OUTSIDE) == [5]


def test_f_near_miss_an_image_on_its_own_files_under_its_lock_or_another_image() -> None:
    files = _script(
        'docker run --rm -v "$PWD/migrations:/migrations" migrate/migrate -path=/migrations -database "$DB" up',
        "docker run --rm flyway/flyway -url=jdbc:postgresql://db/app -locations=filesystem:/flyway/sql migrate",
        "docker run --rm migrate/migrate -help",
        "docker run --rm alpine:3 up",  # an image not named for a migrator
    )
    assert codes_at(files, _HIDDEN) == []
    assert codes_at(files, _OUTSIDE) == []


# -- G: Liquibase given its changelog by path: the package's own changes, under its changelog lock ---------------------


def test_g_liquibase_on_its_own_changelog_by_path_is_quiet() -> None:
    files = _script(
        'liquibase --changelog-file=db/changelog.xml --url="$JDBC_URL" update',
        "liquibase update --changeLogFile db/changelog-master.yaml",
    )
    assert codes_at(files, _HIDDEN) == []
    assert codes_at(files, _OUTSIDE) == []


def test_g_near_miss_liquibase_from_the_classpath_or_its_properties_stays_hidden() -> None:
    files = _script(
        "liquibase --changelog-file=classpath:db/changelog.xml update",
        "liquibase --defaults-file=liquibase.properties update",
    )
    assert codes_at(files, _HIDDEN) == [3, 4]
