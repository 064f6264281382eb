"""A vendor's trust as a sequence of numbered changes, and the effective trust set at any version.

Pure model, no I/O (like python-tuf's ``TrustedMetadataSet``): :func:`replay` folds the stored changes
(``shipgate.store`` ``trust_changes`` rows) over the declarative baseline from the vendor's config file
(version 0). Kinds and payloads:

- ``pin``       ``{"root": ROOT}``                                   operator pins a root (active)
- ``unpin``     ``{"sha256": FP}``                                   operator removes a root
- ``rotate``    ``{"add_roots": [ROOT...], "retire_roots": [{"sha256": FP, "after": TIME}...]}``
- ``revoke``    ``{"certificates": [{"sha256": FP, "revoked_at": TIME, "reason": TEXT}...]}``
- ``rollback``  ``{"to_version": N}``                                the effective set becomes that of N
- ``feed-identity`` ``{"pattern": TEXT}``                            who may sign the vendor's feed ("" clears it)

where ``ROOT`` is ``{"sha256": FP, "pem": PEM, "subject": TEXT, "purpose"?: PURPOSE}``; ``PURPOSE`` is
``code-signing`` (the default: an anchor for package and feed signers) or ``timestamping`` (an anchor for
RFC 3161 timestamp authorities only). A root is *active*, *retiring* (trusted until its ``after`` time,
the rotation's overlap) or *retired* (never an anchor again unless re-pinned).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from cryptography import x509

from shipgate import inputs
from shipgate.trust.errors import TrustConfigError
from shipgate.trust.pem import describe, fingerprint, is_ca, load_certificate, to_pem

KINDS = ("pin", "unpin", "rotate", "revoke", "rollback", "feed-identity")
CODE_SIGNING = "code-signing"
TIMESTAMPING = "timestamping"
PURPOSES = (CODE_SIGNING, TIMESTAMPING)


class RootState(enum.Enum):
    ACTIVE = "active"
    RETIRING = "retiring"
    RETIRED = "retired"


def parse_time(text: str, *, where: str) -> dt.datetime:
    try:
        return inputs.parse_time(text, what=where)
    except inputs.InputRefused as exc:
        raise TrustConfigError(str(exc)) from None


def format_time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, kw_only=True)
class TrustedRoot:
    sha256: str
    pem: str
    subject: str
    retire_after: dt.datetime | None = None
    origin: str = ""  # "config", "pin v3", "rotation EXN-2026-0031"…
    purpose: str = CODE_SIGNING  # or TIMESTAMPING: never both (a TSA root is no package anchor)

    def state(self, at: dt.datetime) -> RootState:
        if self.retire_after is None:
            return RootState.ACTIVE
        return RootState.RETIRING if at < self.retire_after else RootState.RETIRED

    @property
    def certificate(self) -> x509.Certificate:
        return load_certificate(self.pem.encode("ascii"), what=f"root {self.sha256}")

    @classmethod
    def from_certificate(cls, cert: x509.Certificate, *, origin: str, purpose: str = CODE_SIGNING) -> TrustedRoot:
        return cls(sha256=fingerprint(cert), pem=to_pem(cert), subject=describe(cert), origin=origin, purpose=purpose)

    def to_dict(self, at: dt.datetime | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"sha256": self.sha256, "subject": self.subject, "origin": self.origin}
        if self.purpose != CODE_SIGNING:
            out["purpose"] = self.purpose
        out["retire_after"] = format_time(self.retire_after) if self.retire_after else None
        if at is not None:
            out["state"] = self.state(at).value
        return out


@dataclass(frozen=True, kw_only=True)
class Revocation:
    sha256: str
    revoked_at: dt.datetime | None
    reason: str
    advisory_id: str | None


@dataclass(frozen=True, kw_only=True)
class VendorTrust:
    """The effective trust of one vendor at one version."""

    vendor: str
    version: int
    roots: Mapping[str, TrustedRoot] = field(default_factory=dict)
    revoked: Mapping[str, Revocation] = field(default_factory=dict)
    feed_identity: str | None = None  # the pinned feed-signer identity pattern (trust.patterns), if any

    def anchors(self, at: dt.datetime, purpose: str = CODE_SIGNING) -> list[x509.Certificate]:
        """Roots a chain may end at: active and retiring ones, of ``purpose``."""
        return [
            r.certificate for r in self.roots.values() if r.purpose == purpose and r.state(at) is not RootState.RETIRED
        ]

    def retired(self, at: dt.datetime, purpose: str = CODE_SIGNING) -> list[x509.Certificate]:
        return [r.certificate for r in self.roots.values() if r.purpose == purpose and r.state(at) is RootState.RETIRED]

    def root_for(self, cert: x509.Certificate) -> TrustedRoot | None:
        return self.roots.get(fingerprint(cert))

    def revocation(self, sha256: str) -> Revocation | None:
        return self.revoked.get(sha256.lower())

    def to_dict(self, at: dt.datetime | None = None) -> dict[str, Any]:
        return {
            "vendor": self.vendor,
            "version": self.version,
            "roots": [r.to_dict(at) for r in self.roots.values()],
            "feed_identity": self.feed_identity,
            "revoked": [
                {
                    "sha256": r.sha256,
                    "revoked_at": format_time(r.revoked_at) if r.revoked_at else None,
                    "reason": r.reason,
                    "advisory_id": r.advisory_id,
                }
                for r in self.revoked.values()
            ],
        }


class ChangeLike(Protocol):
    """What replay needs of a stored change (``shipgate.store.records.TrustChange`` fits)."""

    @property
    def version(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def payload(self) -> Mapping[str, Any]: ...
    @property
    def advisory_id(self) -> str | None: ...


def root_from_payload(data: Mapping[str, Any], *, where: str, origin: str) -> TrustedRoot:
    """A root as a change (or advisory) carries it; the PEM must be one CA certificate whose SHA-256 is
    the stated fingerprint."""
    pem, stated = data.get("pem"), str(data.get("sha256", "")).lower()
    if not isinstance(pem, str) or not pem:
        raise TrustConfigError(f"{where}.pem is missing")
    cert = load_certificate(pem.encode("ascii", "replace"), what=f"{where}.pem")
    actual = fingerprint(cert)
    if stated and stated != actual:
        raise TrustConfigError(f"{where}: stated sha256 {stated} but the PEM's fingerprint is {actual}")
    if not is_ca(cert):
        raise TrustConfigError(f"{where}: {describe(cert)} is not a CA certificate and cannot be a root")
    purpose = data.get("purpose", CODE_SIGNING)
    if purpose not in PURPOSES:
        raise TrustConfigError(f"{where}.purpose is {purpose!r}; one of {', '.join(PURPOSES)}")
    return TrustedRoot.from_certificate(cert, origin=origin, purpose=str(purpose))


def apply_change(state: VendorTrust, change: ChangeLike, history: Mapping[int, VendorTrust]) -> VendorTrust:
    """The trust after one change. ``history`` maps earlier versions to their effective trust (rollback)."""
    p, where = change.payload, f"trust change v{change.version} ({change.kind})"
    roots, revoked, feed_identity = dict(state.roots), dict(state.revoked), state.feed_identity
    source = f"advisory {change.advisory_id}" if change.advisory_id else f"v{change.version}"
    if change.kind == "pin":
        root = root_from_payload(p.get("root") or {}, where=f"{where}.root", origin=f"pin {source}")
        roots[root.sha256] = root
    elif change.kind == "unpin":
        roots.pop(str(p.get("sha256", "")).lower(), None)
    elif change.kind == "rotate":
        for i, item in enumerate(p.get("add_roots") or []):
            root = root_from_payload(item, where=f"{where}.add_roots[{i}]", origin=f"rotation {source}")
            roots[root.sha256] = root
        for i, item in enumerate(p.get("retire_roots") or []):
            fp = str(item.get("sha256", "")).lower()
            after = parse_time(str(item.get("after", "")), where=f"{where}.retire_roots[{i}].after")
            if fp in roots:
                roots[fp] = replace(roots[fp], retire_after=after)
    elif change.kind == "revoke":
        for i, item in enumerate(p.get("certificates") or []):
            fp = str(item.get("sha256", "")).lower()
            if not fp:
                raise TrustConfigError(f"{where}.certificates[{i}].sha256 is missing")
            at = item.get("revoked_at")
            revoked[fp] = Revocation(
                sha256=fp,
                revoked_at=parse_time(str(at), where=f"{where}.certificates[{i}].revoked_at") if at else None,
                reason=str(item.get("reason", "")),
                advisory_id=change.advisory_id,
            )
    elif change.kind == "feed-identity":
        pattern = p.get("pattern")
        if not isinstance(pattern, str):
            raise TrustConfigError(f"{where}.pattern must be a string")
        feed_identity = pattern or None
    elif change.kind == "rollback":
        target = int(p.get("to_version", -1))
        if target not in history:
            raise TrustConfigError(f"{where}: version {target} does not exist before v{change.version}")
        earlier = history[target]
        return replace(earlier, version=change.version)
    else:
        raise TrustConfigError(f"{where}: unknown kind {change.kind!r}; known: {', '.join(KINDS)}")
    return VendorTrust(
        vendor=state.vendor, version=change.version, roots=roots, revoked=revoked, feed_identity=feed_identity
    )


def replay(
    vendor: str,
    baseline: Iterable[TrustedRoot],
    changes: Sequence[ChangeLike],
    *,
    upto: int | None = None,
) -> VendorTrust:
    """The effective trust at version ``upto`` (default: the latest). Version 0 is the config baseline."""
    state = VendorTrust(vendor=vendor, version=0, roots={r.sha256: r for r in baseline})
    history: dict[int, VendorTrust] = {0: state}
    for change in sorted(changes, key=lambda c: c.version):
        if upto is not None and change.version > upto:
            break
        state = apply_change(state, change, history)
        history[change.version] = state
    if upto is not None and upto not in history:
        raise TrustConfigError(f"vendor {vendor!r} has no trust version {upto} (latest: {state.version})")
    return state
