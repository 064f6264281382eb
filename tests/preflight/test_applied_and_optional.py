"""Three classes whole real packages showed (docs/preflight.md): configuration a package offers but does not put in
effect, a migration history the target has already applied, and an initial schema read as an upgrade migration.
Each with a minimal construct and a near miss that must still be reported."""

from __future__ import annotations

import dataclasses

from preflight_kit import INVENTORY, codes_at, package, run, script

from shipgate.findings import Finding, Severity
from shipgate.preflight import PreflightOptions, facts, preflight_and_facts

ENDPOINT = "preflight.external_endpoint"
UNLOCKED = "preflight.migration_unlocked"
NOT_RUN = "preflight.migration_not_run"
SITE = "server {\n    listen 80;\n    location / {\n        proxy_pass https://backend.vendor-cloud.io;\n    }\n}\n"
ACTION = "[Definition]\nactionban = curl -s https://api.blocklist.vendor-cloud.io/report?ip=<ip>\n"
JAIL = "[DEFAULT]\nbanaction = iptables\naction = %(banaction)s[name=%(__name__)s]\n\n[sshd]\nenabled = true\n"


# --- optional configuration: what it names is offered, not contacted ---


def test_a_site_kept_in_sites_available_is_offered() -> None:
    assert codes_at({"etc/nginx/sites-available/proxy": SITE}, ENDPOINT) == []
    # near miss: the package links it into sites-enabled itself
    postinst = script("ln -s /etc/nginx/sites-available/proxy /etc/nginx/sites-enabled/proxy")
    assert codes_at({"etc/nginx/sites-available/proxy": SITE, "postinst": postinst}, ENDPOINT) == [4]


def test_a2enconf_in_a_loop_puts_the_listed_parts_in_effect() -> None:
    conf = "ProxyPass /app https://backend.vendor-cloud.io/app\n"
    files: dict[str, str | bytes] = {
        "etc/apache2/conf-available/app.conf": conf,
        "etc/apache2/conf-available/extra.conf": conf,
        "postinst": script("for conf in app other; do", "  a2enconf -q $conf", "done"),
    }
    found = run(package(files))
    assert [f.path for f in found if f.code == ENDPOINT and f.severity > Severity.LOW] == [
        "etc/apache2/conf-available/app.conf"
    ]
    offered = [f for f in found if f.code == ENDPOINT and f.path == "etc/apache2/conf-available/extra.conf"]
    assert [f.severity for f in offered] == [Severity.INFO] and "offers" in offered[0].message
    # near miss: the same file shipped in conf-enabled/ is in effect
    assert codes_at({"etc/apache2/conf-enabled/extra.conf": conf}, ENDPOINT) == [1]


def test_a_fail2ban_action_no_jail_names_is_offered() -> None:
    files: dict[str, str | bytes] = {
        "etc/fail2ban/jail.conf": JAIL,
        "etc/fail2ban/action.d/iptables.conf": "[Definition]\nactionban = iptables -I f2b-<name> 1 -s <ip> -j DROP\n",
        "etc/fail2ban/action.d/blocklist.conf": ACTION,
    }
    assert codes_at(files, ENDPOINT) == []
    # near miss: a jail enabled in jail.d names it (through its banaction), and the action is in effect
    files["etc/fail2ban/jail.d/local.conf"] = "[sshd]\nbanaction = blocklist\n"
    assert codes_at(files, ENDPOINT) == [2]


def test_an_action_a_disabled_jail_names_stays_offered() -> None:
    jail = JAIL + "\n[recidive]\naction = blocklist\n"
    files: dict[str, str | bytes] = {"etc/fail2ban/jail.conf": jail, "etc/fail2ban/action.d/blocklist.conf": ACTION}
    assert codes_at(files, ENDPOINT) == []
    files["etc/fail2ban/jail.conf"] = jail.replace("action = blocklist", "enabled = true\naction = blocklist")
    assert codes_at(files, ENDPOINT) == [2]


def test_a_sample_beside_the_real_file_is_offered() -> None:
    real = "feed_url = https://updates.vendor-cloud.io/feed\n"
    sample = "feed_url = https://mirror.vendor-cloud.io/feed\n"
    files: dict[str, str | bytes] = {"etc/dten/dten.conf": real, "etc/dten/dten.conf.example": sample}
    assert [f.path for f in run(package(files)) if f.code == ENDPOINT and f.severity > Severity.LOW] == [
        "etc/dten/dten.conf"
    ]
    # near miss: a sample with no real file beside it is the configuration an install starts from
    assert codes_at({"etc/dten/dten.conf.example": sample}, ENDPOINT) == [1]


def test_what_is_offered_is_known_for_the_whole_package_when_it_is_read_in_shards() -> None:
    files: dict[str, str | bytes] = {
        "etc/fail2ban/jail.conf": JAIL + "\n[recidive]\nenabled = true\naction = blocklist\n",
        "etc/fail2ban/action.d/blocklist.conf": ACTION,
        "etc/nginx/sites-available/proxy": SITE,
        "etc/nginx/sites-available/other": SITE,
        "postinst": script("ln -s /etc/nginx/sites-available/proxy /etc/nginx/sites-enabled/proxy"),
    }
    for workers in (1, 3):  # three processes: each file its own shard, the jail and the postinst apart
        options = PreflightOptions(workers=workers)
        found, read = preflight_and_facts(package(files), inventory=INVENTORY, options=options)
        assert sorted(f.path for f in found if f.code == ENDPOINT and f.severity > Severity.LOW) == [
            "etc/fail2ban/action.d/blocklist.conf",
            "etc/nginx/sites-available/proxy",
        ]
        # the plan's facts say the same: the site nothing enables names its host, contacting nothing
        assert [e.contacted for e in read.endpoints if e.path == "etc/nginx/sites-available/other"] == [False]
    assert [e.contacted for e in facts(package(files)).endpoints if e.path == "etc/nginx/sites-available/other"] == [
        False
    ]


# --- migration history: files of versions the target runs were applied ---


def _history() -> dict[str, str | bytes]:
    alter = "ALTER TABLE routes ADD COLUMN {} text;\n"
    return {
        "db/upgrade/7.0.0.sql": alter.format("a"),
        "db/upgrade/7.1.0.sql": alter.format("b"),
        "db/upgrade/7.2.0.sql": alter.format("c"),
        "db/upgrade/7.4.0.sql": alter.format("d"),
    }


def _unlocked_paths(found: list[Finding]) -> list[str]:
    return sorted(f.path for f in found if f.code == UNLOCKED)


def test_migrations_at_or_below_the_installed_version_are_applied() -> None:
    found = run(package(_history()))  # the inventory: dten 7.1.2 installed, the package is 7.4.0
    assert _unlocked_paths(found) == ["db/upgrade/7.2.0.sql", "db/upgrade/7.4.0.sql"]
    info = [f for f in found if f.code == NOT_RUN]
    assert [f.severity for f in info] == [Severity.INFO]
    assert info[0].evidence["files"] == ["db/upgrade/7.0.0.sql", "db/upgrade/7.1.0.sql"]
    # near miss: without the installed version every file is checked
    no_version = dataclasses.replace(INVENTORY, components={})
    assert len(_unlocked_paths(run(package(_history()), inventory=no_version))) == 4


def test_version_names_in_every_spelling() -> None:
    alter = "ALTER TABLE routes ADD COLUMN x text;\n"
    files: dict[str, str | bytes] = {
        "sql/V7_1_0__add_x.sql": alter,
        "sql/update-6.2-to-7.0.sql": alter,
        "sql/7.0.0_to_7.1.1_schema.pgsql.sql": alter,
        "sql/updates/dten_update-7.3.0.sql": alter,
    }
    assert _unlocked_paths(run(package(files))) == ["sql/updates/dten_update-7.3.0.sql"]


def test_a_sequence_numbered_history_is_checked_whole() -> None:
    alter = "ALTER TABLE routes ADD COLUMN x text;\n"
    files: dict[str, str | bytes] = {"schema/versions/pgsql/1.sql": alter, "schema/versions/pgsql/2.sql": alter}
    assert len(_unlocked_paths(run(package(files)))) == 2
    # near miss: schema counters (V1_1) in a 7.x product are not its versions
    counters: dict[str, str | bytes] = {"sql/V1_1__a.sql": alter, "sql/V1_2__b.sql": alter}
    assert len(_unlocked_paths(run(package(counters)))) == 2


def test_a_step_that_runs_an_old_file_has_it_checked() -> None:
    files = _history() | {"scripts/upgrade.sh": script("psql -f db/upgrade/7.0.0.sql")}
    assert "db/upgrade/7.0.0.sql" in _unlocked_paths(run(package(files)))


# --- an initial schema: a fresh install runs it, an upgrade does not ---

SCHEMA = (
    "DROP TABLE IF EXISTS routes;\nDROP TABLE IF EXISTS legacy_routes;\n"
    "CREATE TABLE routes (id serial PRIMARY KEY, name text);\nCREATE TABLE peers (id serial PRIMARY KEY);\n"
    "CREATE INDEX routes_name ON routes (name);\nINSERT INTO peers DEFAULT VALUES;\n"
)


def test_an_initial_schema_is_not_an_upgrade_migration() -> None:
    found = run(package({"schema/dten_schema_pgsql.sql": SCHEMA}))
    assert _unlocked_paths(found) == []
    assert [f.evidence["reason"] for f in found if f.code == NOT_RUN] == ["initial_schema"]
    # near miss: a step of the package runs it on upgrade: its DROP TABLEs delete data
    run_it = script("psql -f schema/dten_schema_pgsql.sql")
    files: dict[str, str | bytes] = {"schema/dten_schema_pgsql.sql": SCHEMA, "scripts/upgrade.sh": run_it}
    assert _unlocked_paths(run(package(files))) == ["schema/dten_schema_pgsql.sql"] * 2


def test_a_schema_file_that_alters_a_live_table_is_a_migration() -> None:
    altered = SCHEMA + "ALTER TABLE users ADD COLUMN route_id int;\n"
    assert _unlocked_paths(run(package({"schema/dten_schema_pgsql.sql": altered}))) == [
        "schema/dten_schema_pgsql.sql"
    ] * 3
    # near miss: a plain DROP TABLE (no IF EXISTS) in an install file is not a fresh-install idiom
    dropped = SCHEMA.replace("DROP TABLE IF EXISTS legacy_routes", "DROP TABLE legacy_routes")
    assert len(_unlocked_paths(run(package({"sql/install.sql": dropped})))) == 2


# --- dbconfig-common: Debian's upgrade SQL, named by the package's own versions ---

DBC = "usr/share/dbconfig-common/data/dten/"


def test_dbconfig_upgrade_files_are_sql_named_by_package_version() -> None:
    comment = "-- upgrade path for 7.0.0: see https://docs.vendor-cloud.io/upgrading\n"
    files: dict[str, str | bytes] = {
        DBC + "upgrade/pgsql/7.0.0-1": comment + "ALTER TABLE routes ADD COLUMN a text;\n",
        DBC + "upgrade/pgsql/7.2.0~rc1-1": "ALTER TABLE routes ADD COLUMN b text;\n",
    }
    found = run(package(files))
    assert _unlocked_paths(found) == [DBC + "upgrade/pgsql/7.2.0~rc1-1"]
    assert [f for f in found if f.code == ENDPOINT and f.severity > Severity.LOW] == []  # an SQL comment, not a setting
    # near miss: without the installed version both are checked
    no_version = dataclasses.replace(INVENTORY, components={})
    assert len(_unlocked_paths(run(package(files), inventory=no_version))) == 2


def test_dbconfig_install_sql_runs_on_a_fresh_install_only() -> None:
    schema = "CREATE TABLE routes (id int);\nDROP TABLE legacy;\n"
    found = run(package({DBC + "install/pgsql": schema}))
    assert _unlocked_paths(found) == []
    assert [f.evidence["reason"] for f in found if f.code == NOT_RUN] == ["initial_schema"]
    # near miss: the same SQL as an upgrade file of a version above the installed one
    assert _unlocked_paths(run(package({DBC + "upgrade/pgsql/7.3.0": schema}))) == [DBC + "upgrade/pgsql/7.3.0"]
