"""``TrustStore``: the vendor configuration files and the stored trust state, together.

    with TrustStore.open(home) as trust:
        result = trust.verify_detached(manifest, sig, chain_pem, vendor="Example Networks")

Everything it does is also available as functions over an explicit store or transaction
(:mod:`shipgate.trust.ledger`, :mod:`shipgate.trust.verifier`) for callers that need atomicity.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509

from shipgate.findings import Finding
from shipgate.trust import ledger
from shipgate.trust.config import TrustConfig, VendorConfig, trust_dir
from shipgate.trust.state import CODE_SIGNING, RootState, VendorTrust
from shipgate.trust.verifier import SignatureResult, detached_findings, verify_detached

if TYPE_CHECKING:
    from shipgate.trust.revocation_fetch import RevocationFetcher


class TrustStore:
    def __init__(self, *, store: Any, config: TrustConfig) -> None:
        self.store = store
        self.config = config

    @classmethod
    def open(cls, home: str | Path | None = None, *, url: str | None = None) -> TrustStore:
        from shipgate.home import home_dir
        from shipgate.store import open_store

        root = home_dir(home)
        return cls(store=open_store(url, home=root), config=TrustConfig.load(trust_dir(root)))

    def __enter__(self) -> TrustStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def vendor(self, name: str) -> VendorConfig:
        return self.config.get(name)

    def vendors(self) -> list[str]:
        return ledger.known_vendors(self.store, self.config)

    def effective(self, vendor: str, *, version: int | None = None) -> VendorTrust:
        return ledger.effective_trust(self.store, self.vendor(vendor), version=version)

    def vendors_trusting(self, sha256: str) -> list[str]:
        """Vendors whose effective trust holds the root with this fingerprint (for explanations)."""
        now = dt.datetime.now(dt.UTC)
        found = []
        for name in self.vendors():
            root = self.effective(name).roots.get(sha256.lower())
            if root is not None and root.state(now) is not RootState.RETIRED:
                found.append(name)
        return found

    def history(self, vendor: str | None = None) -> list[Any]:
        return list(self.store.trust_changes(vendor))

    def pin(
        self, vendor: str, cert: x509.Certificate, *, reason: str, actor: str | None = None, purpose: str = CODE_SIGNING
    ) -> Any:
        with self.store.transaction() as tx:
            return ledger.pin_root(tx, self.vendor(vendor), cert, actor=actor, reason=reason, purpose=purpose)

    def pin_feed_identity(self, vendor: str, pattern: str, *, reason: str, actor: str | None = None) -> Any:
        with self.store.transaction() as tx:
            return ledger.pin_feed_identity(tx, self.vendor(vendor), pattern, actor=actor, reason=reason)

    def unpin(self, vendor: str, sha256: str, *, reason: str, actor: str | None = None) -> Any:
        with self.store.transaction() as tx:
            return ledger.unpin_root(tx, self.vendor(vendor), sha256, actor=actor, reason=reason)

    def retire(
        self, vendor: str, sha256: str, *, reason: str, after: dt.datetime | None = None, actor: str | None = None
    ) -> Any:
        with self.store.transaction() as tx:
            return ledger.retire_root(tx, self.vendor(vendor), sha256, after=after, actor=actor, reason=reason)

    def rollback(self, vendor: str, version: int, *, reason: str, actor: str | None = None) -> Any:
        with self.store.transaction() as tx:
            return ledger.rollback(tx, self.vendor(vendor), version, actor=actor, reason=reason)

    def verify_detached(
        self,
        data: bytes,
        signature: bytes,
        chain_pem: bytes,
        *,
        vendor: str,
        at: dt.datetime | None = None,
        timestamp: bytes | None = None,
        revocation: RevocationFetcher | None = None,
    ) -> SignatureResult:
        config = self.vendor(vendor)
        return verify_detached(
            data,
            signature,
            chain_pem,
            vendor=config,
            trust=self.effective(vendor),
            at=at,
            advisories=self.store.advisories(),
            elsewhere=self.vendors_trusting,
            timestamp=timestamp,
            revocation=revocation,
        )

    def detached_findings(
        self,
        data: bytes,
        signature: bytes | None,
        chain_pem: bytes | None,
        *,
        vendor: str,
        at: dt.datetime | None = None,
    ) -> tuple[SignatureResult | None, list[Finding]]:
        return detached_findings(
            data,
            signature,
            chain_pem,
            vendor=self.vendor(vendor),
            trust=self.effective(vendor),
            at=at,
            advisories=self.store.advisories(),
            elsewhere=self.vendors_trusting,
        )
