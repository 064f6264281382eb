"""A CSAF trusted provider's tree, generated in the test (CSAF 2.0 §7.1): ``provider-metadata.json`` naming
an OpenPGP key made with pysequoia, documents (real CSAF examples from the shared corpus, re-dated) under
``<year>/`` with ``.sha256``, ``.sha512`` and ``.asc``, ``index.txt`` and ``changes.csv`` — or a ROLIE feed
per TLP label. Served over HTTP by tests/advisories/httpserver.py; every file is real and verifiable.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pysequoia

VEX = Path("examples") / "csaf" / "csaf_vex"
PUBLISHER = "Example Company ProductCERT"


def corpus_document(corpora: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((corpora / "csaf-2.0" / VEX / name).read_text(encoding="utf-8"))
    return data


def redated(doc: dict[str, Any], tracking_id: str, when: dt.datetime, *, version: str = "1",
            tlp: str | None = None) -> dict[str, Any]:  # fmt: skip
    """``doc`` as another document: its id, its current release (and one revision at that time), a TLP label."""
    out = copy.deepcopy(doc)
    tracking = out["document"]["tracking"]
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    tracking.update(id=tracking_id, current_release_date=stamp, version=version)
    tracking["initial_release_date"] = min(tracking["initial_release_date"], stamp)
    tracking["revision_history"] = [{"date": stamp, "number": version, "summary": "test revision"}]
    if tlp is not None:
        out["document"]["distribution"] = {"tlp": {"label": tlp}}
    return out


@dataclass
class Signer:
    tsk: Any  # pysequoia.Tsk

    @classmethod
    def generate(cls, uid: str = "Example PSIRT <psirt@example.com>") -> Signer:
        return cls(pysequoia.Tsk.generate(uid))

    @property
    def public(self) -> bytes:
        return str(self.tsk.extract_certificate()).encode()

    @property
    def fingerprint(self) -> str:
        return str(self.tsk.extract_certificate().fingerprint).upper()

    def sign(self, data: bytes) -> bytes:
        return bytes(pysequoia.sign(self.tsk.signer(), data, mode=pysequoia.SignatureMode.DETACHED))


@dataclass
class ProviderTree:
    root: Path  # served as <base>/<prefix>/
    base_url: str
    signer: Signer
    changes: list[tuple[str, dt.datetime]] = field(default_factory=list)  # newest first when written
    rolie: dict[str, str] = field(default_factory=dict)  # TLP label → feed file name

    @property
    def metadata_url(self) -> str:
        return self.base_url + ".well-known/csaf/provider-metadata.json"

    def _write(self, rel: str, data: bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def metadata(self, *, keys: list[Signer] | None = None, sign_with: Signer | None = None) -> None:
        keys = keys or [self.signer]
        for key in keys:
            self._write(f".well-known/csaf/openpgp/{key.fingerprint}.asc", key.public)
        distributions: list[dict[str, Any]] = []
        if self.rolie:
            distributions.append({"rolie": {"feeds": [
                {"summary": f"TLP:{tlp}", "tlp_label": tlp, "url": self.base_url + f".well-known/csaf/{name}"}
                for tlp, name in self.rolie.items()
            ]}})  # fmt: skip
        else:
            distributions.append({"directory_url": self.base_url + ".well-known/csaf/white/"})
        doc = {
            "canonical_url": self.metadata_url,
            "distributions": distributions,
            "last_updated": "2026-11-01T00:00:00.000Z",
            "list_on_CSAF_aggregators": True,
            "metadata_version": "2.0",
            "mirror_on_CSAF_aggregators": True,
            "public_openpgp_keys": [
                {"fingerprint": k.fingerprint, "url": self.base_url + f".well-known/csaf/openpgp/{k.fingerprint}.asc"}
                for k in keys
            ],
            "publisher": {"category": "vendor", "name": PUBLISHER, "namespace": "https://psirt.example.com"},
            "role": "csaf_trusted_provider",
        }
        raw = self._write(".well-known/csaf/provider-metadata.json", json.dumps(doc, indent=1).encode()).read_bytes()
        if sign_with is not None:
            self._write(".well-known/csaf/provider-metadata.json.asc", sign_with.sign(raw))

    def publish(self, doc: dict[str, Any], *, signer: Signer | None = None, feed_tlp: str | None = None) -> str:
        """Write a document with its hashes and signature; list it (changes.csv or the ROLIE feed)."""
        tracking = doc["document"]["tracking"]
        when = dt.datetime.fromisoformat(tracking["current_release_date"].replace("Z", "+00:00"))
        rel = f"{tracking['initial_release_date'][:4]}/{tracking['id'].lower()}.json"
        folder = f".well-known/csaf/{(feed_tlp or 'white').lower()}/"
        data = json.dumps(doc, indent=1).encode()
        self._write(folder + rel, data)
        self._write(folder + rel + ".sha256", f"{hashlib.sha256(data).hexdigest()}  {Path(rel).name}\n".encode())
        self._write(folder + rel + ".sha512", f"{hashlib.sha512(data).hexdigest()}  {Path(rel).name}\n".encode())
        self._write(folder + rel + ".asc", (signer or self.signer).sign(data))
        if feed_tlp is None:
            self.changes = [c for c in self.changes if c[0] != rel] + [(rel, when)]
            self.listings()
        else:
            self._feed_entry(feed_tlp, folder + rel, tracking["id"], when)
        return folder + rel

    def listings(self, changes: list[tuple[str, dt.datetime]] | None = None) -> None:
        rows = sorted(changes if changes is not None else self.changes, key=lambda c: c[1], reverse=True)
        text = "".join(f"{rel},{when.strftime('%Y-%m-%dT%H:%M:%SZ')}\n" for rel, when in rows)
        self._write(".well-known/csaf/white/changes.csv", text.encode())
        self._write(".well-known/csaf/white/index.txt", "".join(f"{rel}\n" for rel, _ in rows).encode())

    def _feed_entry(self, tlp: str, rel: str, ident: str, when: dt.datetime) -> None:
        name = self.rolie.setdefault(tlp, f"feed-tlp-{tlp.lower()}.json")
        path = self.root / ".well-known" / "csaf" / name
        feed = json.loads(path.read_text()) if path.exists() else {"feed": {"id": name, "title": name, "entry": []}}
        url = self.base_url + rel
        feed["feed"]["entry"].append({
            "id": ident, "title": ident, "published": when.isoformat(), "updated": when.isoformat(),
            "link": [{"rel": "self", "href": url}, {"rel": "hash", "href": url + ".sha512"},
                     {"rel": "signature", "href": url + ".asc"}],
            "content": {"type": "application/json", "src": url},
            "format": {"schema": "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json", "version": "2.0"},
        })  # fmt: skip
        feed["feed"]["updated"] = max([when.isoformat(), *[e["updated"] for e in feed["feed"]["entry"]]])
        self._write(f".well-known/csaf/{name}", json.dumps(feed, indent=1).encode())
