"""Fixtures for the admission tests: a vendor with real keys, a home whose trust file pins its root, and the
home's state on each backend (SQLite always; PostgreSQL from ``$SHIPGATE_TEST_POSTGRES_URL``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from admission.kit import Vendor, make_vendor, write_trust
from backends import BACKENDS, home_store
from shipgate.store import Store


@pytest.fixture(scope="session")
def vendor() -> Vendor:
    return make_vendor()


@pytest.fixture
def trusted_home(home: Path, vendor: Vendor) -> Path:
    write_trust(home, vendor)
    return home


@pytest.fixture(params=BACKENDS)
def state(request: pytest.FixtureRequest, trusted_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The trusted home's state on each backend; PostgreSQL is exported as $SHIPGATE_STATE_URL so the CLI
    run in another process shares it."""
    with home_store(request.param, trusted_home, monkeypatch, prefix="adm") as opened:
        yield opened
