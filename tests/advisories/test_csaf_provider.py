"""Following a CSAF provider over HTTP (CSAF 2.0 §7): subscribe, sync, incremental sync, every tamper case
refused with the store unchanged, TLP, ROLIE, key rotation, and VEX applied to a package's findings.
The provider tree is generated in the test (tests/advisories/csaf_tree.py, documents from the shared CSAF
corpus, keys made with pysequoia) and served by a real HTTP server on 127.0.0.1.

Risks: a provider (or anything between it and us) slipping in a forged, altered or stale advisory — which
could silence a real vulnerability finding through VEX — or rolling the advisories back."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from advisories.conftest import dump
from advisories.csaf_tree import ProviderTree, Signer, corpus_document, redated
from advisories.httpserver import Behaviour, FeedServer, serve
from shipgate.advisories.csaf_provider import subscriptions
from shipgate.advisories.csaf_sync import ProviderSync, subscribe, sync_provider
from shipgate.advisories.query import advisory_findings
from shipgate.cli import main
from shipgate.fetch import HttpLimits
from shipgate.store import Store

VENDOR = "Example Company"
T0 = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)
FAST = HttpLimits(connect_timeout=2, read_timeout=2, total_timeout=20)


@dataclass
class Provider:
    tree: ProviderTree
    server: FeedServer
    corpora: Path

    def doc(self, ident: str, when: dt.datetime, *, name: str = "2022-evd-uc-01-a-001.json", **kw: object) -> dict:
        return redated(corpus_document(self.corpora, name), ident, when, **kw)  # type: ignore[arg-type]

    def subscribe(self, store: Store, **kw: object) -> ProviderSync:
        return subscribe(store, VENDOR, self.tree.metadata_url, limits=FAST, **kw)  # type: ignore[arg-type]

    def sync(self, store: Store) -> ProviderSync:
        [sub] = subscriptions(store, VENDOR)
        return sync_provider(store, sub, limits=FAST)

    def fetched(self) -> list[str]:
        paths = [p for p, _ in self.server.requests]
        self.server.requests.clear()
        return paths


@pytest.fixture
def provider(tmp_path: Path, corpora: Path) -> Iterator[Provider]:
    with serve() as server:
        server.routes["psirt"] = Behaviour(directory=tmp_path / "tree")
        tree = ProviderTree(root=tmp_path / "tree", base_url=server.url("psirt"), signer=Signer.generate())
        tree.metadata()
        made = Provider(tree, server, corpora)
        tree.publish(made.doc("EXC-2026-0001", T0))
        tree.publish(made.doc("EXC-2026-0002", T0 + dt.timedelta(days=1), name="2022-evd-uc-02-na-001.json"))
        yield made


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    from shipgate.store import open_store

    with open_store(home=home) as opened:
        yield opened


def test_subscribe_pins_the_key_and_stores_the_documents(provider: Provider, store: Store) -> None:
    result = provider.subscribe(store)
    assert result.status == "accepted", result.describe()
    assert sorted(result.stored) == ["EXC-2026-0001", "EXC-2026-0002"]
    assert result.key_fingerprints == (provider.tree.signer.fingerprint,)
    [sub] = subscriptions(store, VENDOR)
    assert (sub.publisher, sub.documents) == ("Example Company ProductCERT", 2)
    assert sub.last_change == T0 + dt.timedelta(days=1)
    assert {a.advisory_id for a in store.advisories(VENDOR, kind="csaf")} == {"EXC-2026-0001", "EXC-2026-0002"}
    actions = [e.action for e in store.audit_entries()]
    assert actions.count("advisory.store") == 1  # documents and subscription in one transaction


def test_incremental_sync_fetches_only_what_changed(provider: Provider, store: Store) -> None:
    provider.subscribe(store)
    provider.fetched()
    assert provider.sync(store).status == "unchanged"  # same listing: nothing written
    provider.tree.publish(provider.doc("EXC-2026-0003", T0 + dt.timedelta(days=5)))
    provider.fetched()
    result = provider.sync(store)
    assert (result.status, result.stored) == ("accepted", ("EXC-2026-0003",))
    documents = sorted(p for p in provider.fetched() if p.endswith(".json") and "/white/2" in p)
    # The new document, and the one whose change time equals the newest accepted (a tie is looked at again:
    # another document stamped that same second may have been published after the last sync); it is unchanged.
    assert documents == [f"/psirt/.well-known/csaf/white/2022/exc-2026-000{n}.json" for n in (2, 3)]
    assert result.unchanged == ("EXC-2026-0002",)
    [sub] = subscriptions(store, VENDOR)
    assert (sub.documents, sub.last_change) == (3, T0 + dt.timedelta(days=5))


def _assert_refused(provider: Provider, store: Store, code: str, text: str) -> None:
    before = dump(store)
    audit = len(store.audit_entries())
    result = provider.sync(store)
    assert (result.status, result.code) == ("rejected", code), result.describe()
    assert text in result.message, result.message
    assert dump(store) == before
    entries = store.audit_entries()
    assert len(entries) == audit + 1
    assert (entries[-1].action, entries[-1].details["code"]) == ("advisory.csaf_reject", code)


def _newer(provider: Provider) -> str:
    return provider.tree.publish(provider.doc("EXC-2026-0009", T0 + dt.timedelta(days=9)))


def test_tampered_document_is_refused(provider: Provider, store: Store) -> None:
    provider.subscribe(store)
    rel = _newer(provider)
    path = provider.tree.root / rel
    path.write_bytes(path.read_bytes().replace(b"CVE-2021-44228", b"CVE-2021-44229"))
    _assert_refused(provider, store, "advisory.csaf_hash_mismatch", "exc-2026-0009.json: its sha256 is")
    # An attacker who also rewrites the hash files still cannot sign.
    import hashlib

    for algorithm in ("sha256", "sha512"):
        (path.parent / f"{path.name}.{algorithm}").write_text(hashlib.new(algorithm, path.read_bytes()).hexdigest())
    _assert_refused(provider, store, "advisory.csaf_bad_signature", "does not verify with key")


def test_document_signed_with_another_key_is_refused(provider: Provider, store: Store) -> None:
    provider.subscribe(store)
    provider.tree.publish(provider.doc("EXC-2026-0009", T0 + dt.timedelta(days=9)), signer=Signer.generate())
    _assert_refused(provider, store, "advisory.csaf_wrong_key", "not a pinned one")


def test_missing_signature_is_refused(provider: Provider, store: Store) -> None:
    provider.subscribe(store)
    rel = _newer(provider)
    (provider.tree.root / (rel + ".asc")).unlink()
    _assert_refused(provider, store, "advisory.csaf_signature_missing", ".asc does not exist")


def test_missing_hashes_are_refused(provider: Provider, store: Store) -> None:
    provider.subscribe(store)
    rel = _newer(provider)
    for suffix in (".sha256", ".sha512"):
        (provider.tree.root / (rel + suffix)).unlink()
    _assert_refused(provider, store, "advisory.csaf_hash_mismatch", "publishes no hash file")


def test_rollback_of_changes_csv_is_refused(provider: Provider, store: Store) -> None:
    provider.subscribe(store)
    provider.tree.listings(provider.tree.changes[:1])  # an older changes.csv (the newest line dropped)
    _assert_refused(provider, store, "advisory.csaf_rollback", "older than the")


def test_an_older_revision_of_a_stored_document_is_refused(provider: Provider, store: Store) -> None:
    provider.subscribe(store)
    # The listing says "changed now", the document is revision 1 of an id stored at a later revision.
    provider.tree.publish(provider.doc("EXC-2026-0002", T0 - dt.timedelta(days=30)))
    provider.tree.listings([(rel, T0 + dt.timedelta(days=20)) for rel, _ in provider.tree.changes])
    _assert_refused(provider, store, "advisory.csaf_rollback", "older than the one stored")


def test_unreachable_provider_changes_nothing(provider: Provider, store: Store) -> None:
    provider.subscribe(store)
    provider.server.routes.pop("psirt")
    _assert_refused(provider, store, "advisory.csaf_provider_unavailable", "HTTP 404")


def test_documents_above_tlp_clear_need_explicit_configuration(provider: Provider, store: Store) -> None:
    provider.tree.publish(provider.doc("EXC-2026-0005", T0 + dt.timedelta(days=3), tlp="AMBER"))
    result = provider.subscribe(store)
    assert "EXC-2026-0005" not in result.stored
    assert result.withheld == (("2022/exc-2026-0005.json", "TLP:AMBER is not allowed for this subscription"),)
    again = provider.subscribe(store, allow_tlp=["amber"])
    assert again.stored == ("EXC-2026-0005",)


def test_rolie_feeds_per_tlp(tmp_path: Path, corpora: Path, store: Store) -> None:
    with serve() as server:
        server.routes["rolie"] = Behaviour(directory=tmp_path / "rolie")
        tree = ProviderTree(root=tmp_path / "rolie", base_url=server.url("rolie"), signer=Signer.generate())
        made = Provider(tree, server, corpora)
        tree.publish(made.doc("EXC-2026-0101", T0), feed_tlp="WHITE")
        tree.publish(made.doc("EXC-2026-0102", T0, tlp="GREEN"), feed_tlp="GREEN")
        tree.metadata()
        result = made.subscribe(store)
        assert result.stored == ("EXC-2026-0101",), result.describe()
        assert [w[0] for w in result.withheld] == [tree.base_url + ".well-known/csaf/feed-tlp-green.json"]
        assert not any("feed-tlp-green" in p for p in made.fetched())  # a withheld feed is not even read
        tree.publish(made.doc("EXC-2026-0103", T0 + dt.timedelta(days=2)), feed_tlp="WHITE")
        assert made.sync(store).stored == ("EXC-2026-0103",)


def test_key_rotation_needs_the_old_keys_signature(provider: Provider, store: Store) -> None:
    provider.subscribe(store)
    old, new = provider.tree.signer, Signer.generate("Example PSIRT 2027 <psirt@example.com>")
    provider.tree.metadata(keys=[new])  # unsigned metadata naming a new key
    provider.tree.publish(provider.doc("EXC-2026-0010", T0 + dt.timedelta(days=10)), signer=new)
    result = provider.sync(store)
    assert result.code == "advisory.csaf_wrong_key"
    assert [s.keys.keys() for s in subscriptions(store, VENDOR)] == [{old.fingerprint}]
    provider.tree.metadata(keys=[new], sign_with=old)  # the old key vouches for the new one
    result = provider.sync(store)
    assert (result.status, result.stored) == ("accepted", ("EXC-2026-0010",)), result.describe()
    # Both stay pinned: documents the old key signed remain valid; dropping a key is an operator's re-subscribe.
    assert result.key_fingerprints == tuple(sorted((old.fingerprint, new.fingerprint)))
    assert "key rotation signed by a pinned key" in result.notes[0]


def test_subscribe_with_a_fingerprint_that_is_not_listed(provider: Provider, store: Store) -> None:
    before = dump(store)
    result = provider.subscribe(store, fingerprint="AB" * 20)
    assert (result.status, result.code) == ("rejected", "advisory.csaf_invalid")
    assert dump(store) == before


def _affected(doc: dict) -> dict:
    """The corpus' not-affected statement turned around: the same product known_affected by the same CVE."""
    for vuln in doc["vulnerabilities"]:
        vuln["product_status"] = {"known_affected": vuln["product_status"]["known_not_affected"]}
        vuln.pop("threats", None)
    return doc


def test_vex_known_not_affected_silences_the_finding_with_its_justification(provider: Provider, store: Store) -> None:
    statement = "2022-evd-uc-01-na-001.json"  # Example Company ABC 4.2, CVE-2021-44228, known_not_affected
    provider.tree.publish(_affected(provider.doc("EXC-2026-0007", T0 + dt.timedelta(days=7), name=statement)))
    provider.subscribe(store)
    package = {"vendor": VENDOR, "name": "ABC", "version": "4.2"}
    assert {f.code for f in advisory_findings(store, **package)} == {"advisory.csaf_known_affected"}
    vex = provider.doc("EXC-2026-0011", T0 + dt.timedelta(days=11), name=statement)
    provider.tree.publish(vex)
    assert provider.sync(store).stored == ("EXC-2026-0011",)
    [finding] = advisory_findings(store, **package)
    assert finding.code == "advisory.vex_not_affected"
    assert "Class with vulnerable code was removed before shipping." in finding.message
    assert finding.evidence["silenced"] == "EXC-2026-0007"
    assert finding.severity.label == "info"
    # A later affected statement wins again; so does one released at the same time (contradiction: deny wins).
    provider.tree.publish(_affected(provider.doc("EXC-2026-0012", T0 + dt.timedelta(days=11), name=statement)))
    provider.sync(store)
    assert "advisory.csaf_known_affected" in {f.code for f in advisory_findings(store, **package)}


def test_cli_subscribe_status_and_sync(provider: Provider, home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["advisories", "subscribe", "--vendor", VENDOR, provider.tree.metadata_url]) == 0
    assert "2 stored" in capsys.readouterr().out
    assert main(["advisories", "status"]) == 0
    out = capsys.readouterr().out
    assert provider.tree.metadata_url in out and provider.tree.signer.fingerprint in out
    assert "last change 2026-10-02T09:00:00Z" in out
    assert main(["advisories", "status", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)["csaf_providers"]
    assert row["key_fingerprints"] == [provider.tree.signer.fingerprint]
    (provider.tree.root / provider.tree.publish(provider.doc("EXC-2026-0020", T0 + dt.timedelta(days=20)))).write_text(
        "{}"
    )
    assert main(["advisories", "sync", "--vendor", VENDOR]) == 1
    assert "advisory.csaf_hash_mismatch" in capsys.readouterr().err
