"""Every storage test runs against both backends (``tests/backends.py``): SQLite always (a fresh file per
test), PostgreSQL in a schema of its own when ``$SHIPGATE_TEST_POSTGRES_URL`` is set."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import BACKENDS, postgres_schema
from shipgate.store import Store, open_store


@pytest.fixture(params=BACKENDS)
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty state of each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'state.db'}"
        return
    with postgres_schema("t") as url:
        yield url


@pytest.fixture
def store(state_url: str) -> Iterator[Store]:
    with open_store(state_url) as opened:
        yield opened
