"""Every storage test runs against both backends.

SQLite always (a fresh file per test). PostgreSQL from ``$SHIPGATE_TEST_POSTGRES_URL`` (``.ci/postgres.sh``
starts a throwaway server and exports it); each test gets its own schema, dropped afterwards. Unset: the
PostgreSQL half is skipped, except under ``CI=true`` where it fails (a CI run must cover both).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from shipgate.store import Store, open_store

POSTGRES_ENV = "SHIPGATE_TEST_POSTGRES_URL"


def _with_search_path(url: str, schema: str) -> str:
    option = quote(f"-csearch_path={schema}", safe="")
    return f"{url}{'&' if '?' in url else '?'}options={option}"


@pytest.fixture(params=["sqlite", "postgresql"])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty state of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'state.db'}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail(f"${POSTGRES_ENV} is not set under CI: run .ci/postgres.sh before pytest")
        pytest.skip(f"${POSTGRES_ENV} not set (run .ci/postgres.sh for a throwaway server)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield _with_search_path(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def store(state_url: str) -> Iterator[Store]:
    with open_store(state_url) as opened:
        yield opened
