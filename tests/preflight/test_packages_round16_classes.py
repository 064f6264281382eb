"""Round sixteen of the whole packages (tests/preflight/packages/README.md, "Round sixteen"): each class fixed, with
a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
REWRITE = "preflight.migration_rewrites_table"
INDEX = "preflight.index_not_concurrent"

_REVISION = (
    '"""Add the reason column"""\n'  # 1
    "revision = 'b2'\n"  # 2
    "down_revision = 'a1'\n"  # 3
    "from alembic import op\n"  # 4
    "import sqlalchemy as sa\n"  # 5
    "\n"  # 6
    "\n"  # 7
    "def upgrade():\n"  # 8
    "    op.add_column('alarm', sa.Column('reason', sa.Text, nullable=True))\n"  # 9
    "    op.create_index('ix_alarm_type', 'alarm', ['type'], unique=False)\n"  # 10
)
_ALEMBIC_INI = "[alembic]\nscript_location = product/storage/alembic\nsqlalchemy.url = sqlite:///product.db\n"
_RUNNER = (
    "from alembic import command\n"  # 1
    "from alembic.config import Config\n"  # 2
    "\n"  # 3
    "\n"  # 4
    "def upgrade(engine_url):\n"  # 5
    "    cfg = Config('product/storage/alembic/alembic.ini')\n"  # 6
    "    cfg.set_main_option('sqlalchemy.url', engine_url)\n"  # 7
    "    command.upgrade(cfg, 'head')\n"  # 8
)


def _alembic_package(runner: str) -> dict[str, str | bytes]:
    return {
        "product/storage/alembic/versions/b2_add_reason.py": _REVISION,
        "product/storage/alembic/alembic.ini": _ALEMBIC_INI,
        "product/storage/impl.py": runner,
    }


def test_an_alembic_ini_url_the_products_code_replaces_does_not_make_it_sqlite_only() -> None:
    found = findings(_alembic_package(_RUNNER))
    assert (UNLOCKED, 9) in found and (INDEX, 10) in found


def test_an_alembic_ini_url_nothing_replaces_still_names_the_products_database() -> None:
    # near miss: the code runs the revisions with the file's own URL (``alembic upgrade head`` as shipped)
    runner = _RUNNER.replace("set_main_option('sqlalchemy.url', engine_url)", "set_main_option('x', 'y')")
    found = findings(_alembic_package(runner))
    assert (UNLOCKED, 9) not in found and (INDEX, 10) not in found


_BRANCHED = (
    "from alembic import op\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def upgrade():\n"  # 4
    "    dialect = op.get_context().dialect.name\n"  # 5
    "    bind = op.get_bind()\n"  # 6
    "    try:\n"  # 7
    "        if dialect != 'postgresql':\n"  # 8
    "            with op.batch_alter_table('thresholds') as batch_op:\n"  # 9
    "                batch_op.drop_constraint('uniq_field_mapping', type_='unique')\n"  # 10
    "    except AttributeError:\n"  # 11
    "        op.drop_constraint('uniq_service_mapping', 'thresholds', type_='unique')\n"  # 12
    "    if bind and bind.engine.name == 'mysql':\n"  # 13
    "        op.drop_column('alarm', 'timestamp')\n"  # 14
)


def test_branches_only_other_databases_take_are_not_read_as_postgresqls() -> None:
    # ``!= 'postgresql'``, an ``and`` with a MySQL test, and the handler of a try whose body PostgreSQL skips
    assert findings({"product/alembic/versions/c3_fix.py": _BRANCHED}) == []


def test_the_branches_postgresql_takes_are_still_read() -> None:
    # near miss: ``== 'postgresql'``, an ``or`` (either part may hold), and a handler after a body that runs
    text = (
        _BRANCHED.replace("!= 'postgresql'", "== 'postgresql'")
        .replace("if bind and bind.engine", "if bind or bind.engine")
        .replace("    try:\n", "    try:\n        op.drop_column('alarm', 'legacy')\n")
    )
    found = findings({"product/alembic/versions/c3_fix.py": text})
    assert [line for code, line in found if code == UNLOCKED] == [8, 11, 13, 15]


DEFAULT = "preflight.default_credential"
_PLUGIN_SETTINGS = (
    "# the plugin's settings\n"  # 1
    "PRODUCT_INFLUXDB_USER=${PRODUCT_INFLUXDB_USER:-product}\n"  # 2
    "PRODUCT_INFLUXDB_PASSWORD=${PRODUCT_INFLUXDB_PASSWORD:-product}\n"  # 3
)


def test_a_devstack_settings_files_fallback_password_is_a_test_value() -> None:
    # OpenStack's devstack/settings is read as configuration (no extension, no interpreter line), not as a script
    assert DEFAULT not in dict(findings({"devstack/settings": _PLUGIN_SETTINGS}))


def test_the_same_fallback_in_the_products_settings_is_still_a_default_credential() -> None:
    # near miss: the same file shipped as the product's own configuration
    assert (DEFAULT, 3) in findings({"etc/product/settings": _PLUGIN_SETTINGS})


_CHOSEN_OP = (
    "from alembic import op\n"  # 1
    "\n"  # 2
    "\n"  # 3
    "def translate(kind, name, table, columns):\n"  # 4
    "    if kind == 'primary':\n"  # 5
    "        func = op.create_primary_key\n"  # 6
    "    elif kind == 'unique':\n"  # 7
    "        func = op.create_unique_constraint\n"  # 8
    "    func(name, table, columns)\n"  # 9
    "\n"  # 10
    "\n"  # 11
    "def upgrade():\n"  # 12
    "    translate('unique', 'uniq_field_per_service', 'hashmap_fields', ['service_id', 'name'])\n"  # 13
)


def test_an_op_method_called_through_a_local_name_is_that_op() -> None:
    found = findings({"product/alembic/versions/d4_names.py": _CHOSEN_OP})
    assert (UNLOCKED, 9) in found and (REWRITE, 9) in found


def test_a_local_name_given_something_else_than_an_op_method_is_not_read_as_one() -> None:
    # near miss: the same shape choosing one of the project's own functions (not Alembic's ``op``)
    text = _CHOSEN_OP.replace("op.create_primary_key", "helpers.make_key").replace(
        "op.create_unique_constraint", "helpers.make_unique"
    )
    found = findings({"product/alembic/versions/d4_names.py": text})
    assert (UNLOCKED, 9) not in found and (REWRITE, 9) not in found
