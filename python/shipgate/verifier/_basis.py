"""What a verdict rests on: the state it was judged against and the evidence admission re-checks later.

A verdict is keyed by (archive sha256, policy digest, environment digest, trust version, feed version)
and carries its evidence (signed or not, the validated chain's fingerprints, the advisories that applied,
the waivers the policy used, the vendor's state generation read before any of it). Some verifications are
reported but never recorded, because what they show is about the request, not the package: a vendor given
by the caller that differs from the signed manifest's, or an archive that is not the one the caller said.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from shipgate.findings import Finding
from shipgate.inventory import Inventory
from shipgate.store.records import Evidence

if TYPE_CHECKING:
    from shipgate.store import Store

# Findings about the caller's request rather than the package: such a verification is not recorded.
REQUEST_CODES = frozenset({"package.digest_mismatch", "manifest.vendor_differs"})


def inventory_digest(inventory: Inventory | None) -> str:
    """SHA-256 of the inventory's content (not its file's formatting); "" for no inventory."""
    if inventory is None:
        return ""
    text = json.dumps(dataclasses.asdict(inventory), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, kw_only=True)
class StateSeen:
    """The vendor's state when the verification read it: read before trust and advisories are."""

    generation: int | None = None
    trust_version: int = 0
    feed_version: int | None = None

    @classmethod
    def read(cls, store: Store | None, vendor: str | None) -> StateSeen:
        if store is None or vendor is None:
            return cls()
        with store.transaction(write=False) as tx:  # one snapshot
            feed = tx.feed_state(vendor)
            return cls(
                generation=tx.vendor_generation(vendor),
                trust_version=tx.latest_trust_version(vendor),
                feed_version=feed.feed_version if feed else None,
            )


def not_recorded_because(findings: Sequence[Finding], *, record: bool) -> str | None:
    """Why this verification must not become a stored verdict, or None."""
    if not record:
        return "not recorded (--no-store)"
    codes = sorted({f.code for f in findings} & REQUEST_CODES)
    if codes:
        return (
            f"not recorded: {', '.join(codes)} concerns the request (a vendor or digest the caller gave), "
            "not the package"
        )
    return None


def basis(
    *,
    policy_digest: str,
    env_digest: str,
    seen: StateSeen,
    signature: Mapping[str, Any] | None,
    advisories: Sequence[str],
    waivers: Sequence[Mapping[str, Any]],
    not_recorded: str | None,
) -> dict[str, Any]:
    """The report's ``basis`` object (also what a VSA carries): the key and the evidence of the verdict."""
    evidence = Evidence(
        signed=signature is not None,
        chain_sha256=tuple(str(c) for c in (signature or {}).get("chain_sha256") or ()),
        root_sha256=(signature or {}).get("root_sha256") or None,
        advisories=tuple(sorted(set(advisories))),
        waivers=tuple(dict(w) for w in waivers),
        generation=seen.generation,
    )
    return {
        "policy_digest": policy_digest,
        "env_digest": env_digest,
        "trust_version": seen.trust_version,
        "feed_version": seen.feed_version,
        "evidence": evidence.to_dict(),
        "not_recorded": not_recorded,
    }
