"""The state tests' two backends: SQLite always, PostgreSQL from ``$SHIPGATE_TEST_POSTGRES_URL``.

``.ci/postgres.sh`` starts a throwaway server and exports the URL; each test gets its own schema, dropped
afterwards. Unset: the PostgreSQL half is skipped, except under ``CI=true`` where it fails (a CI run must
cover both).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from shipgate.store import Store, open_store

BACKENDS = ["sqlite", "postgresql"]
POSTGRES_ENV = "SHIPGATE_TEST_POSTGRES_URL"


@contextmanager
def postgres_schema(prefix: str) -> Iterator[str]:
    """A URL to a fresh schema ``<prefix>_<random>`` on the test server, dropped on exit."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail(f"${POSTGRES_ENV} is not set under CI: run .ci/postgres.sh before pytest")
        pytest.skip(f"${POSTGRES_ENV} not set (run .ci/postgres.sh for a throwaway server)")
    import psycopg

    schema = f"{prefix}_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{base}{'&' if '?' in base else '?'}options={quote(f'-csearch_path={schema}', safe='')}"
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


@contextmanager
def home_store(backend: str, home: Path, monkeypatch: pytest.MonkeyPatch, *, prefix: str) -> Iterator[Store]:
    """The state of ``home`` on ``backend``: its SQLite file, or a PostgreSQL schema exported as
    ``$SHIPGATE_STATE_URL`` so that ``TrustStore.open(home)`` and the CLI use the same state."""
    if backend == "sqlite":
        with open_store(home=home) as opened:
            yield opened
        return
    with postgres_schema(prefix) as url:
        monkeypatch.setenv("SHIPGATE_STATE_URL", url)
        with open_store(url) as opened:
            yield opened
