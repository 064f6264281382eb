"""The label conflicts between hold-out sets the coordinator ruled on in session 30 (tests/preflight/corpus/README.md,
"Labelling rules"), each as its minimal construct next to near-misses that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

SECRET = "preflight.secret_printed"
SUDO = "preflight.sudo_unavailable"
UNVERIFIED = "preflight.unverified_download_exec"


def _bash(*lines: str) -> list[int | None]:
    """The files of a bash script of ``lines`` (its ``#!`` line is line 1)."""
    return codes_at({"scripts/update.sh": "\n".join(("#!/bin/bash", *lines)) + "\n"}, SECRET)


# -- b: one secret_printed per set -x trace, however many lines it prints ----------------------------------------------


def test_b_a_trace_of_several_secret_lines_is_one_finding_at_its_set_x() -> None:
    traced = (
        "set -x",
        'token="$1"',
        '[ -n "$API_KEY" ]',
        'sed -i "s/K/$API_KEY/" /srv/app/conf',
        'mysql -p"$DB_PASSWORD"',
    )
    assert _bash(*traced) == [2]
    # under a debug switch too (the trace starts at that set -x)
    assert _bash(
        'if [ -n "$DEBUG" ]; then', "  set -x", "fi", 'password="$(pwgen -s 32 1)"', "htpasswd -b f u $password"
    ) == [3]


def test_b_a_shebang_trace_is_one_finding_at_its_first_secret_line() -> None:
    lines = ["#!/bin/bash -x", "echo start", '[ ! -z "$ADMINPASS" ]', 'console user:create admin "$ADMINPASS"']
    assert codes_at({"scripts/update.sh": "\n".join(lines) + "\n"}, SECRET) == [3]


def test_b_near_misses_a_trace_of_no_secret_and_a_trace_switched_off() -> None:
    assert _bash("set -x", 'cp "$SRC" /srv/app', "systemctl --user restart app") == []
    assert _bash("set -x", "set +x", '[ -n "$API_KEY" ]') == []
    # a secret echoed is its own print beside the trace's one finding
    assert _bash("set -x", 'echo "token: $API_TOKEN"', 'curl -H "X: $API_KEY" https://a.example.org') == [2, 3]


# -- c: a Knex schema-builder migration is read as the PostgreSQL statements Knex sends --------------------------------

_KNEX = "migrations/20240101_change.js"


def _knex(*body: str) -> str:
    return "\n".join(("exports.up = function (knex) {", *body, "};", "")) + "\n"


def test_c_knex_alter_table_calls_are_checked_as_postgresql() -> None:
    dropped = _knex(
        "  return knex.schema.alterTable('t1', async table => {",
        "    await table.dropColumn('name');",
        "    await table.string('name').notNullable();",
        "  });",
    )
    assert codes_at({_KNEX: dropped}, "preflight.migration_unlocked") == [3, 4]
    assert codes_at({_KNEX: dropped}, "preflight.migration_unchecked") == []
    index = _knex("  return knex.schema.alterTable('views', (table) => {", "    table.index(['chart_uuid']);", "  });")
    assert codes_at({_KNEX: index}, "preflight.index_not_concurrent") == [3]
    altered = _knex(
        "  return knex.schema.alterTable('files', (table) => {",
        "    table.bigInteger('filesize').nullable().defaultTo(null).alter();",
        "  });",
    )
    assert codes_at({_KNEX: altered}, "preflight.migration_rewrites_table") == [3]


def test_c_near_misses_another_client_and_a_call_not_read_stay_unchecked() -> None:
    sqlite = _knex(
        "  if (knex.client.dialect === 'sqlite3') { return; }",
        "  return knex.schema.alterTable('t1', (table) => {",
        "    table.dropColumn('name');",
        "  });",
    )
    assert codes_at({_KNEX: sqlite}, "preflight.migration_unlocked") == []
    assert codes_at({_KNEX: sqlite}, "preflight.migration_unchecked") != []
    knexfile = "module.exports = { client: 'mysql2', connection: process.env.DATABASE_URL };\n"
    dropped = _knex("  return knex.schema.alterTable('t1', (table) => {", "    table.dropColumn('name');", "  });")
    assert codes_at({_KNEX: dropped, "knexfile.js": knexfile}, "preflight.migration_unlocked") == []
    assert codes_at({_KNEX: dropped, "knexfile.js": knexfile}, "preflight.migration_unchecked") == [3]
    other = _knex(
        "  return knex.schema.alterTable('t1', (table) => {", "    table.specificType('c', 'geometry');", "  });"
    )
    assert codes_at({_KNEX: other}, "preflight.migration_unchecked") != []
    assert codes_at({_KNEX: other}, "preflight.migration_unlocked") == []


# -- d: su to a named account with no command gains no root ------------------------------------------------------------


def test_d_su_to_another_account_with_no_command_is_no_escalation() -> None:
    assert in_script(SUDO, "su steam") == []
    assert in_script(SUDO, "su - terraria") == []


def test_d_near_misses_su_to_root_and_a_command_as_a_service_account() -> None:
    assert in_script(SUDO, "su") == [3]
    assert in_script(SUDO, "su - root") == [3]
    assert in_script(SUDO, "su - postgres -c 'createdb app'") == [3]


# -- e: a service (re)started as the next step after a pull of a branch runs the pulled code ---------------------------


def test_e_a_restart_right_after_a_pull_runs_the_pulled_code() -> None:
    lines = ("cd ~/h-bank", "git pull", "sudo systemctl restart hbank.service")
    assert in_script(UNVERIFIED, *lines) == [5]
    assert in_script(UNVERIFIED, "cd /srv/app", "git pull origin main", "pm2 restart app") == [5]


def test_e_near_misses_a_reload_a_later_restart_and_a_verified_tag() -> None:
    assert in_script(UNVERIFIED, "cd /srv/site", "git pull", "systemctl reload nginx") == []
    assert in_script(UNVERIFIED, "cd /srv/site", "git pull", "date", "systemctl restart php-fpm") == []
    assert in_script(UNVERIFIED, "cd /srv/app", "git pull", "git verify-tag v1.2", "systemctl restart app") == []
