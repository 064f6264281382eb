"""Round seventeen of the whole packages (tests/preflight/packages/README.md, "Round seventeen"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"

_REVISION = (
    '"""Extend the notification table"""\n'  # 1
    "revision = 'b2'\n"  # 2
    "down_revision = 'a1'\n"  # 3
    "from alembic import op\n"  # 4
    "import sqlalchemy as sa\n"  # 5
    "\n"  # 6
    "\n"  # 7
    "def upgrade() -> None:\n"  # 8
    "    with op.batch_alter_table('notifications') as batch_op:\n"  # 9
    "        batch_op.add_column(sa.Column('message', sa.Text()))\n"  # 10
)
_NOTE = (
    "---\n"
    "features:\n"
    "  - |\n"
    "    The engine can keep its workflow progress in a database::\n"
    "\n"
    "        [taskflow]\n"
    "        connection = mysql+pymysql://root:admin@127.0.0.1/masakari?charset=utf8\n"
)


def test_a_release_note_does_not_decide_the_products_database() -> None:
    # reno's ``releasenotes/notes/*.yaml`` shows one deployment's setting to readers: the revision stays PostgreSQL's
    found = findings(
        {"product/db/migrations/versions/b2_extend.py": _REVISION, "releasenotes/notes/progress-1a2b.yaml": _NOTE}
    )
    assert (UNLOCKED, 10) in found


def test_a_configuration_file_naming_mysql_alone_still_decides_it() -> None:
    # near miss: the same setting in the product's own configuration file makes the revision MySQL's (unchecked)
    found = findings({"product/db/migrations/versions/b2_extend.py": _REVISION, "etc/product/taskflow.yaml": _NOTE})
    assert (UNLOCKED, 10) not in found
