"""Round thirty-six of the whole packages (tests/preflight/packages/README.md, "Round thirty-six"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import codes_at

REWRITES = "preflight.migration_rewrites_table"
UNLOCKED = "preflight.migration_unlocked"

# a music server's PostgreSQL migration, applied to an existing database: names become case-insensitive
_TO_CITEXT = (
    "START TRANSACTION;\n"  # 1
    "ALTER TABLE folder ALTER COLUMN name TYPE CITEXT;\n"  # 2
    "ALTER TABLE track ALTER COLUMN title TYPE citext;\n"  # 3
    "COMMIT;\n"  # 4
)
# the same tables' columns changed to a type that is not binary-coercible from text
_TO_INTEGER = (
    "START TRANSACTION;\n"  # 1
    "ALTER TABLE folder ALTER COLUMN name TYPE INTEGER USING length(name);\n"  # 2
    "ALTER TABLE track ALTER COLUMN title TYPE bytea;\n"  # 3
    "COMMIT;\n"  # 4
)
_MIGRATION = "app/schema/migration/postgres/20180311.sql"


def test_a_change_to_citext_relabels_the_column() -> None:
    # Supysonic's 20180311.sql: citext's casts from varchar and text are WITHOUT FUNCTION, so no rewrite
    files = {_MIGRATION: _TO_CITEXT}
    assert codes_at(files, REWRITES) == []
    assert codes_at(files, UNLOCKED) == [2, 3]  # the ALTER still waits for ACCESS EXCLUSIVE


def test_a_change_to_another_type_still_rewrites() -> None:
    # a USING expression or a type text is not binary-coercible to rewrites every row
    assert codes_at({_MIGRATION: _TO_INTEGER}, REWRITES) == [2, 3]
