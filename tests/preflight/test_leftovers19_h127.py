"""Leftover classes from the session-19 misses (helper h127): secret_printed for a database connection URL."""

from __future__ import annotations

from preflight_kit import findings

PRINTED = "preflight.secret_printed"
SCRIPT = "entrypoint.sh"


def _printed(body: str) -> list[tuple[str, int]]:
    return [f for f in findings({SCRIPT: f"#!/bin/sh\n{body}"}) if f[0] == PRINTED]


def test_an_echoed_database_connection_url_prints_its_password() -> None:
    # holdout64 GeoNode: the URL comes from the environment and carries user:password@
    assert _printed("echo DATABASE_URL=$DATABASE_URL\n") == [(PRINTED, 2)]
    assert _printed('echo "geo: ${GEODATABASE_URL}"\n') == [(PRINTED, 2)]
    assert _printed('printf "%s\\n" "$PG_DSN"\n') == [(PRINTED, 2)]


def test_near_miss_a_url_without_credentials_or_another_url_stays_quiet() -> None:
    # every value the script gives it has no user part
    assert _printed('DATABASE_URL="sqlite:///$HOME/app.db"\necho "$DATABASE_URL"\n') == []
    # a URL that is not a database connection, and a name that only contains "dsn" inside a word
    assert _printed('echo "SITEURL=$SITEURL"\necho "$DB_URL_TEMPLATE_DOC"\necho "$DSN_FILE_PATH_HINT"\n') == []
