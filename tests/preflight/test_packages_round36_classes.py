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


ENDPOINT = "preflight.external_endpoint"

# a results server's OpenID options: the provider it signs users in through, and the protocol's identifiers
_OPENID_OPTS = (
    "from oslo_config import cfg\n"  # 1
    "OPENID_OPTS = [\n"  # 2
    "    cfg.StrOpt('openid_endpoint', default='https://login.example-id.org/accounts/openid2'),\n"  # 3
    "    cfg.StrOpt('openid_ns', default='http://specs.openid.net/auth/2.0'),\n"  # 4
    "    cfg.StrOpt('openid_claimed_id',\n"  # 5
    "               default='http://specs.openid.net/auth/2.0/identifier_select'),\n"  # 6
    "    cfg.StrOpt('openid_ns_sreg', default='http://openid.net/extensions/sreg/1.1'),\n"  # 7
    "    cfg.StrOpt('openid_ax', default='http://openid.net/srv/ax/1.0'),\n"  # 8
    "    cfg.StrOpt('openid_directory', default='https://openid.net/certified/providers.json'),\n"  # 9
    "]\n"  # 10
)


def test_openid_protocol_identifiers_are_names() -> None:
    # RefStack's auth.py: openid.ns, claimed_id/identity and the sreg namespace, sent as values, never fetched
    lines = codes_at({"results/api/controllers/auth.py": _OPENID_OPTS}, ENDPOINT)
    assert not {4, 6, 7, 8} & set(lines)


def test_the_openid_provider_is_still_contacted() -> None:
    # the provider's endpoint stays reported, and so does a page of the foundation's site that is not an identifier
    lines = codes_at({"results/api/controllers/auth.py": _OPENID_OPTS}, ENDPOINT)
    assert 3 in lines and 9 in lines


# a GTK program's About dialog, and the same builder file's settings element named by its attribute
_ABOUT_DIALOG = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'  # 1
    "<interface>\n"  # 2
    '  <object class="GtkAboutDialog" id="about_dialog">\n'  # 3
    '    <property name="program_name">Classroom</property>\n'  # 4
    '    <property name="website">https://classroom-tool.example-project.org</property>\n'  # 5
    '    <property name="website_label">https://classroom-tool.example-project.org</property>\n'  # 6
    '    <property name="update_url">https://updates.example-project.org/classroom.json</property>\n'  # 7
    "  </object>\n"  # 8
    "</interface>\n"  # 9
)


def test_an_about_dialogs_website_is_shown() -> None:
    # epoptes' about.ui: the website property GtkAboutDialog shows as a link
    lines = codes_at({"usr/share/classroom/about.ui": _ABOUT_DIALOG}, ENDPOINT)
    assert 5 not in lines and 6 not in lines


def test_a_property_named_for_a_service_is_still_contacted() -> None:
    # an element named by its name attribute for something the program fetches stays reported
    assert 7 in codes_at({"usr/share/classroom/about.ui": _ABOUT_DIALOG}, ENDPOINT)


SUDO = "preflight.sudo_unavailable"
CREDENTIAL = "preflight.hardcoded_credential"

# a script that starts a throwaway MySQL for the functional tests, then runs the command it is given
_TEST_DATABASE = (
    "#!/bin/bash -x\n"  # 1
    "SOCKET=/var/run/mysqld/mysqld.sock\n"  # 2
    "sudo mysql -S ${SOCKET} -e 'CREATE DATABASE test;'\n"  # 3
    "sudo mysql -S ${SOCKET} -e \"CREATE USER 'tracker'@'localhost' IDENTIFIED BY 'trk_pass';\"\n"  # 4
    'export TEST_DB_URL="mysql+pymysql://tracker:trk_pass@localhost/test"\n'  # 5
    "$*\n"  # 6
)
_TOX_RUNS_IT = (
    "[tox]\n"
    "envlist = py3\n"
    "\n"
    "[testenv]\n"
    "commands = stestr run {posargs}\n"
    "\n"
    "[testenv:functional]\n"
    "commands = {toxinidir}/setup-mysql-tests.sh stestr run --test-path ./tests/api\n"
    "\n"
    "[testenv:db]\n"
    "commands_pre = bash -e tools/start-db.sh\n"
)
_TOX_DOES_NOT = (
    "[tox]\n"
    "envlist = py3\n"
    "\n"
    "[testenv]\n"
    "allowlist_externals = {toxinidir}/setup-mysql-tests.sh\n"
    "commands = stestr run {posargs}\n"
)


def test_a_script_tox_runs_is_a_test_runs_step() -> None:
    # RefStack's setup-mysql-tests.sh, run by tox.ini's [testenv:functional] commands: sudo and the test password
    files = {"tox.ini": _TOX_RUNS_IT, "setup-mysql-tests.sh": _TEST_DATABASE, "tools/start-db.sh": _TEST_DATABASE}
    assert codes_at(files, SUDO) == []
    assert codes_at(files, CREDENTIAL) == []


def test_a_script_no_test_environment_runs_is_still_a_step() -> None:
    # only allowed (allowlist_externals), never run by a command; or with no tox.ini at all
    files = {"tox.ini": _TOX_DOES_NOT, "setup-mysql-tests.sh": _TEST_DATABASE}
    assert codes_at(files, SUDO) == [3, 4]
    assert codes_at({"setup-mysql-tests.sh": _TEST_DATABASE}, SUDO) == [3, 4]
    assert 4 in codes_at(files, CREDENTIAL)
