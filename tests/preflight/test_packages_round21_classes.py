"""Round twenty-one of the whole packages (tests/preflight/packages/README.md, "Round twenty-one"): each class fixed,
with a construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its
result)."""

from __future__ import annotations

from preflight_kit import codes_at, findings

from shipgate.preflight.makefile_tooling import developer_only_files

NETWORK = ("preflight.external_endpoint", "preflight.implicit_egress", "preflight.unverified_download_exec")

_MAKEFILE = (
    "check:\n"  # 1: the default goal
    "\tpython3 -m unittest tests.test_suite\n"  # 2
    "check-litmus:\n"  # 3: a developer's target
    "\t./compat/run-litmus.sh basic http\n"  # 4
)
_RUNNER = (
    "#!/bin/bash -e\n"  # 1
    ". $(dirname $0)/common.sh\n"  # 2
    "run_server 5233 --autocreate\n"  # 3
    "pip install --upgrade caldav\n"  # 4
    'LITMUS="$(dirname $0)/litmus.sh"\n'  # 5
    "$LITMUS http://localhost:5233/\n"  # 6
)
_LITMUS = (
    "#!/bin/bash -e\n"  # 1
    'URL="$1"\n'  # 2
    "curl -fsSL https://www.webdav-suites.org/litmus-0.17.tar.gz -o litmus.tar.gz\n"  # 3
    "tar xf litmus.tar.gz\n"  # 4
    "cd litmus-0.17 && ./configure && make\n"  # 5
    './litmus "$URL"\n'  # 6
)
_COMMON = "run_server() {\n  python3 -m app.web --port=$1 &\n}\n"


def _package(**changed: str) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "Makefile": _MAKEFILE,
        "compat/run-litmus.sh": _RUNNER,
        "compat/litmus.sh": _LITMUS,
        "compat/common.sh": _COMMON,
    }
    files.update(changed)
    return files


def _network(files: dict[str, str | bytes]) -> list[tuple[str, int | None]]:
    return sorted((c, line) for c, line in findings(files) if c in NETWORK)


def test_scripts_only_a_developer_target_runs_are_a_developers() -> None:
    # Xandikos' ``compat/`` scripts: ``make check-litmus`` (not ``make``, not ``make install``) runs one, which
    # ``pip install``s a client and falls back on its neighbour ``litmus.sh`` (downloads and builds a test suite)
    assert developer_only_files(_package()) == {"compat/run-litmus.sh", "compat/litmus.sh", "compat/common.sh"}
    assert _network(_package()) == []


def test_a_script_the_default_goal_or_another_script_runs_keeps_its_findings() -> None:
    # near misses: the same runner started by the first target (``make``), or the neighbour also named by a script
    # of its folder that no developer target runs (an operator's tool may run it): those stay reported
    default = _MAKEFILE.replace("python3 -m unittest tests.test_suite", "./compat/run-litmus.sh basic")
    assert ("preflight.implicit_egress", 4) in _network(_package(Makefile=default))
    shared = _package(**{"compat/deploy.sh": "#!/bin/sh\nexec ./litmus.sh https://dav.example.net/\n"})
    assert "compat/litmus.sh" not in developer_only_files(shared)
    assert ("preflight.external_endpoint", 3) in _network(shared)


MIGRATION = ("preflight.migration_unlocked", "preflight.migration_rewrites_table", "preflight.index_not_concurrent")
_SCHEMA = (
    "CREATE TABLE menu_node (id serial PRIMARY KEY, label text);\n"  # 1
    "COPY menu_node (id, label) FROM stdin WITH DELIMITER '|';\n"  # 2
    "1|AR\n"  # 3
    "2|AP; the payables menu\n"  # 4
    "\\.\n"  # 5
    "\n"  # 6
    "CREATE TABLE menu_acl (\n"  # 7
    "    id serial NOT NULL,\n"  # 8
    "    node_id integer\n"  # 9
    ");\n"  # 10
    "ALTER TABLE ONLY menu_acl\n"  # 11
    "    ADD CONSTRAINT menu_acl_node_id_fkey FOREIGN KEY (node_id) REFERENCES menu_node(id);\n"  # 12
    "CREATE INDEX menu_acl_node_id_idx ON menu_acl (node_id);\n"  # 13
)


def _migration(text: str) -> list[tuple[str, int | None]]:
    return sorted((c, line) for c, line in findings({"sql/changes/schema.sql": text}) if c in MIGRATION)


def test_the_rows_of_a_copy_from_stdin_are_data_not_sql() -> None:
    # LedgerSMB's Pg-database.sql: a COPY's rows up to ``\.``, then a CREATE TABLE; read as SQL, the rows swallowed
    # the CREATE TABLE, and the new table's constraint and index were read as changes of an existing table
    assert _migration(_SCHEMA) == []


def test_a_copy_without_its_end_of_data_line_and_a_table_from_before_stay_as_read() -> None:
    # near misses: the same ALTER on a table this file does not create is reported with its rows skipped; a COPY
    # from a file (no rows in the script) changes nothing
    existing = _SCHEMA.replace("CREATE TABLE menu_acl (", "CREATE TABLE menu_acl_new (")
    assert ("preflight.migration_unlocked", 11) in _migration(existing)
    assert ("preflight.index_not_concurrent", 13) in _migration(existing)
    from_file = existing.replace("FROM stdin", "FROM '/srv/menu.csv'").replace("\\.\n", "\n")
    assert ("preflight.migration_unlocked", 11) in _migration(from_file)


ENDPOINT = "preflight.external_endpoint"
_GUIDE = (
    "There is an out of date document at\n"  # 1
    "https://wiki.ledger-books.org/topic/migration/how-do-i-migrate\n"  # 2
    "that describes how this process worked.\n"  # 3
)


def test_a_readme_named_for_its_subject_is_documentation() -> None:
    # LedgerSMB's ``sql/upgrade/SQL-Ledger.README``: a migration guide's links, for people
    assert codes_at({"sql/upgrade/SQL-Ledger.README": _GUIDE}, ENDPOINT) == []


def test_a_file_ending_in_a_lower_case_readme_word_stays_read() -> None:
    # near misses: the word not in capitals (``update_readme``), or not after a separator, is no README's name
    for name in ("sql/upgrade/update_readme", "sql/upgrade/NOREADME"):
        assert codes_at({name: "curl -fsS " + _GUIDE.splitlines()[1] + "\n"}, ENDPOINT) == [1], name


_NPM = (
    "{\n"  # 1
    '  "name": "ledger-ui",\n'  # 2
    '  "repositories": [{\n'  # 3
    '    "type": "git",\n'  # 4
    '    "url": "http://code.ledger-books.org/ledger/ui"\n'  # 5
    "  }],\n"  # 6
    '  "dependencies": {"dojo": "~1.13"}\n'  # 7
    "}\n"  # 8
)


def test_npms_plural_repositories_field_is_metadata() -> None:
    # LedgerSMB's ``UI/js-src/lsmb/package.json``: npm's early plural form of ``repository``
    assert codes_at({"UI/js-src/lsmb/package.json": _NPM}, ENDPOINT) == []


def test_a_dependency_fetched_from_a_url_stays_contacted() -> None:
    # near miss: a dependency given as a URL is fetched by npm at install
    fetched = _NPM.replace('"dojo": "~1.13"', '"dojo": "https://code.ledger-books.org/dojo-1.13.tgz"')
    assert 7 in codes_at({"UI/js-src/lsmb/package.json": fetched}, ENDPOINT)
