"""Round eleven of the whole packages (tests/preflight/packages/README.md, "Round eleven"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import findings

UNLOCKED = "preflight.migration_unlocked"
UNCHECKED = "preflight.migration_unchecked"
DROP = {"migrations/20240105_drop.sql": "ALTER TABLE certs DROP COLUMN legacy_cn;\n"}
_TRY_IT = (
    "commands:\n"  # 1
    "  - podman volume create mariadb\n"  # 2
    "  - podman run -v mariadb:/var/lib/mysql:Z -d mariadb:latest\n"  # 3
)


def test_a_container_image_or_named_volume_names_no_database_the_product_uses() -> None:
    assert findings({**DROP, "deploy/try-it.yaml": _TRY_IT}) == [(UNLOCKED, 1)]


def test_a_connection_url_or_pdo_dsn_beside_an_image_still_names_the_database() -> None:
    # near miss: the same file with the product's own connection settings decides the database
    url = _TRY_IT + "env:\n  DATABASE_URL: mysql://dten@db/dten\n"
    assert findings({**DROP, "deploy/try-it.yaml": url}) == [(UNCHECKED, 1)]
    dsn = "[database]\ndsn = mysql:host=db;dbname=dten\n"
    assert findings({**DROP, "config/dten.ini": dsn}) == [(UNCHECKED, 1)]
    sqlite = "database:\n  dsn: sqlite:/var/lib/dten/dten.db\n"
    assert findings({**DROP, "config/dten.yaml": sqlite}) == [(UNCHECKED, 1)]


HIDDEN = "preflight.hidden_migration"
_REPLICATOR = "#!/bin/sh\nset -e\nDAEMON=/usr/bin/bucardo\n"


def test_a_replication_daemons_schema_upgrade_in_a_postinst_is_a_hidden_migration() -> None:
    postinst = _REPLICATOR + 'su bucardo --command "$DAEMON upgrade batch" || true\n'  # 4
    assert [line for code, line in findings({"postinst": postinst}) if code == HIDDEN] == [4]


def test_the_same_daemons_validate_and_status_verbs_migrate_nothing() -> None:
    # near miss: the verbs beside it in the same postinst read the configuration only
    postinst = _REPLICATOR + 'su bucardo --command "$DAEMON validate all"\n$DAEMON status\n'
    assert [line for code, line in findings({"postinst": postinst}) if code == HIDDEN] == []
