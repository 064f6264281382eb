"""The package index in the store, on SQLite and PostgreSQL: kept by archive digest, found by the version
the inventory names, replaced when the same archive is verified again, and small."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from backends import BACKENDS, postgres_schema
from shipgate.plan.config_files import ConfigFile
from shipgate.plan.index import IndexedFile, Located, ManifestStatements, PackageIndex
from shipgate.plan.step import known_versions, save_index, stored_index
from shipgate.store import Store, open_store
from shipgate.store.package_index import index_by_digest


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        with open_store(f"sqlite:///{tmp_path / 'state.db'}") as opened:
            yield opened
        return
    with postgres_schema("plan") as url, open_store(url) as opened:
        yield opened


def sample(version: str, sha: str) -> PackageIndex:
    return PackageIndex(
        name="dten", version=version, vendor="Example Networks", sha256=sha, size=5000,
        files=(IndexedFile(path="bin/dtend", digest="sha256:" + "a" * 64, size=10, mode=0o755, binary=True),),
        config={"c.toml": ConfigFile(path="c.toml", format="toml", keys={"dten.x": "1"})},
        flags={"bin/dtend": ("dten.backoff.v2",)},
        jobs=(Located(what="*/15 * * * * root x", file="cron/x", line=2, kind="cron"),),
        manifest=ManifestStatements(upgrades_from=(">=7.0",), removed=("dten.legacy.mode",)),
    )


def test_round_trip_and_lookup_by_running_version(store: Store) -> None:
    first = sample("7.1.2", "1" * 64)
    assert save_index(store, first) > 0
    assert stored_index(store, name="dten", version="7.1.2", vendor="Example Networks") == first
    assert stored_index(store, name="dten", version="7.1.2.0", vendor=None) == first  # same version
    assert stored_index(store, name="dten", version="7.1.3", vendor=None) is None
    assert stored_index(store, name="dten", version="7.1.2", vendor="Someone Else") is None
    save_index(store, sample("7.3.0", "2" * 64))
    assert {k.version for k in known_versions(store, name="dten", vendor=None)} == {"7.1.2", "7.3.0"}
    # The same archive verified again replaces its index; nothing else is touched.
    save_index(store, first)
    stored = index_by_digest(store, "1" * 64)
    assert stored is not None and stored.version == "7.1.2" and stored.schema == "shipgate.index/v1"


def test_a_failed_transaction_leaves_no_index(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        save_index(store, sample("7.1.2", "3" * 64))
        raise RuntimeError("verification failed later")
    assert index_by_digest(store, "3" * 64) is None
