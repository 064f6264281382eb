"""Classes of mistakes the hundred-and-twelfth hold-out set found (tests/preflight/holdout112: database migrations and
the scripts that apply them), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.sql.psql_script import without_psql_syntax

UNLOCKED = "preflight.migration_unlocked"
REWRITES = "preflight.migration_rewrites_table"
UNCHECKED = "preflight.migration_unchecked"

# -- A: psql's meta-commands and variables in a migration applied with psql -f -----------------------------------

UPGRADE = "db/init_dbs/postgresql/1.27.0/1.27.0.sql"

_GUARDED = (
    "\\set previous_version 'v1.26.0'\n"  # 1
    "SELECT app_version() = :'previous_version' AS valid_previous\n"  # 2
    "\\gset\n"  # 3
    "\\if :valid_previous\n"  # 4
    "BEGIN;\n"  # 5
    'SELECT format($f$SELECT 1$f$, :"previous_version")\n'  # 6
    "\\gexec\n"  # 7
    "ALTER TABLE public.dashboards ADD COLUMN IF NOT EXISTS config jsonb NOT NULL DEFAULT '{}'::jsonb;\n"  # 8
    "COMMIT;\n"  # 9
    "\\else\n"  # 10
    "\\warn skipping\n"  # 11
    "\\endif\n"  # 12
)


def test_a_psql_meta_commands_end_statements_and_variables_are_values() -> None:
    assert codes_at({UPGRADE: _GUARDED}, UNLOCKED) == [8]
    assert codes_at({UPGRADE: _GUARDED}, UNCHECKED) == []


def test_a_near_miss_the_same_file_without_psql_syntax_reads_as_before() -> None:
    # a query ended by \gset and nothing else: the ALTER after it is still read at its own line
    plain = "SELECT 1 AS one\n\\gset\nALTER TABLE t ALTER COLUMN c TYPE bigint;\n"
    assert codes_at({UPGRADE: plain}, REWRITES) == [3]
    # no meta-command line: a :'name' outside psql is not rewritten, and PostgreSQL's parser refuses it
    bare = "SELECT :'v';\nALTER TABLE t ADD COLUMN c int;\n"
    assert codes_at({UPGRADE: bare}, UNCHECKED) == [1]
    # a backslash line inside a dollar-quoted body is the body's, not a meta-command; a ::"char" cast stays a cast
    body = (
        "\\set ON_ERROR_STOP on\n"
        "CREATE FUNCTION f() RETURNS text AS $fn$\n"
        "\\not_a_command\n"
        "$fn$ LANGUAGE sql;\n"
        "SELECT 'x'::\"char\";\n"
        "ALTER TABLE t ADD COLUMN c int;\n"
    )
    assert codes_at({UPGRADE: body}, UNLOCKED) == [6]
    rewritten = without_psql_syntax(body)
    assert rewritten.splitlines()[2:5] == body.splitlines()[2:5]
    assert rewritten.splitlines()[0] == ";" + " " * 20


# -- B: an Alembic revision that works through helpers: their literal arguments, and text() bind parameters --------

REVISION = "app/migrations/versions/52e79887a7e3_require_user_id.py"

_HEAD = (
    "import sqlalchemy as sa\n"  # 1
    "from alembic import op\n"  # 2
    "\n"  # 3
    'revision = "52e79887a7e3"\n'  # 4
    "\n"  # 5
    "\n"  # 6
    "def _set_nullable(table, nullable):\n"  # 7
    "    with op.batch_alter_table(table) as batch_op:\n"  # 8
    '        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=nullable)\n'  # 9
    "\n"  # 10
    "\n"  # 11
    "def _forget(table, seq):\n"  # 12
    '    op.get_bind().execute(sa.text("DELETE FROM seqs WHERE name = :name AND seq < :seq"), {"name": table})\n'  # 13
    "\n"  # 14
    "\n"  # 15
)


def _revision(upgrade: str) -> dict[str, str]:
    return {REVISION: _HEAD + "def upgrade():\n" + upgrade + "\n\ndef downgrade():\n    _set_nullable('t', True)\n"}


def test_b_a_helper_called_with_a_literal_reads_that_literal() -> None:
    files = _revision("    for table in ('api_keys', 'tokens'):\n        _set_nullable(table, False)\n")
    assert codes_at(files, UNLOCKED) == [9]
    assert codes_at(files, REWRITES) == [9]
    # by keyword too
    assert codes_at(_revision("    _set_nullable('api_keys', nullable=False)\n"), REWRITES) == [9]


def test_b_near_miss_a_helper_called_with_true_or_a_computed_value_sets_no_not_null() -> None:
    assert codes_at(_revision("    _set_nullable('api_keys', True)\n"), REWRITES) == []
    assert codes_at(_revision("    _set_nullable('api_keys', flag())\n"), REWRITES) == []


def test_b_text_bind_parameters_are_values_not_unreadable_sql() -> None:
    files = _revision("    _forget('api_keys', 3)\n")
    assert codes_at(files, UNCHECKED) == []
    # a cast (::text) is no bind parameter, and a plain string given to execute() is read as written
    cast = _revision('    op.execute(sa.text("ALTER TABLE t ALTER COLUMN c TYPE text USING c::text"))\n')
    assert codes_at(cast, UNLOCKED) == [17]
    plain = _revision('    op.execute("DELETE FROM seqs WHERE name = :name")\n')
    assert codes_at(plain, UNCHECKED) == [17]
