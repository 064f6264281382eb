"""Trust state on the store: every change a numbered, audited version (who, when, why, which advisory).

The advisories layer applies a feed inside its own transaction so acceptance is atomic::

    with store.transaction() as tx:
        apply_rotation(tx, config.get(vendor), advisory_id="EXN-2026-0031", add_roots=[...],
                       retire_roots=[...], actor="advisories", reason="feed v12")
        apply_revocations(tx, vendor, advisory_id="EXN-2026-0032", certificates=[...], actor=..., reason=...)

Each writer first computes the state the change would produce (:func:`shipgate.trust.state.apply_change`),
so a change that cannot be replayed is refused before anything is written.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from cryptography import x509

from shipgate.trust.config import TrustConfig, VendorConfig
from shipgate.trust.errors import TrustConfigError
from shipgate.trust.identity import ScopedPattern
from shipgate.trust.pem import describe, fingerprint, to_pem
from shipgate.trust.state import (
    CODE_SIGNING,
    RootState,
    TrustedRoot,
    VendorTrust,
    apply_change,
    format_time,
    parse_time,
    replay,
)


class StoredChange(Protocol):
    @property
    def vendor(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def payload(self) -> Mapping[str, Any]: ...
    @property
    def actor(self) -> str: ...
    @property
    def reason(self) -> str: ...
    @property
    def advisory_id(self) -> str | None: ...
    @property
    def created(self) -> dt.datetime: ...


class TrustChanges(Protocol):
    """What the trust layer needs of ``shipgate.store`` (a ``Store`` or a ``Transaction``)."""

    def trust_changes(self, vendor: str | None = None, *, up_to_version: int | None = None) -> Sequence[Any]: ...

    def append_trust_change(
        self,
        *,
        vendor: str,
        kind: str,
        payload: Mapping[str, Any],
        actor: str,
        reason: str,
        advisory_id: str | None = None,
    ) -> Any: ...


def default_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "operator"


class _Pending:
    """A change not yet stored, shaped like a stored one for :func:`apply_change`."""

    def __init__(self, version: int, kind: str, payload: Mapping[str, Any], advisory_id: str | None) -> None:
        self.version, self.kind, self.payload, self.advisory_id = version, kind, payload, advisory_id


def effective_trust(state: TrustChanges, vendor: VendorConfig, *, version: int | None = None) -> VendorTrust:
    """The vendor's effective trust at ``version`` (default: latest); version 0 is the config baseline."""
    return replay(vendor.name, vendor.roots, state.trust_changes(vendor.name), upto=version)


@contextmanager
def _writing(state: TrustChanges) -> Iterator[TrustChanges]:
    """The caller's transaction as given; a ``Store`` gets one of its own, so that reading the current
    trust, checking the change and appending it happen under one write lock."""
    begin = getattr(state, "transaction", None)
    if begin is None:
        yield state
        return
    with begin() as tx:
        yield tx


def _record(
    state: TrustChanges,
    vendor: VendorConfig,
    *,
    kind: str,
    payload: Mapping[str, Any],
    actor: str | None,
    reason: str,
    advisory_id: str | None = None,
    precheck: Callable[[VendorTrust], None] | None = None,
) -> Any:
    with _writing(state) as tx:
        history: dict[int, VendorTrust] = {0: replay(vendor.name, vendor.roots, [])}
        current = history[0]
        for change in tx.trust_changes(vendor.name):
            current = apply_change(current, change, history)
            history[change.version] = current
        if precheck is not None:
            precheck(current)
        # Refuse a change that does not replay, before anything is written.
        apply_change(current, _Pending(current.version + 1, kind, payload, advisory_id), history)
        return tx.append_trust_change(
            vendor=vendor.name,
            kind=kind,
            payload=dict(payload),
            actor=actor or default_actor(),
            reason=reason,
            advisory_id=advisory_id,
        )


def _root_payload(cert: x509.Certificate, purpose: str = CODE_SIGNING) -> dict[str, str]:
    payload = {"sha256": fingerprint(cert), "pem": to_pem(cert), "subject": describe(cert)}
    if purpose != CODE_SIGNING:
        payload["purpose"] = purpose
    return payload


def pin_root(
    state: TrustChanges,
    vendor: VendorConfig,
    cert: x509.Certificate,
    *,
    actor: str | None = None,
    reason: str,
    purpose: str = CODE_SIGNING,
) -> Any:
    """An explicit operator pin: ``cert`` becomes an active root of ``vendor`` (for signers, or with
    ``purpose="timestamping"`` for RFC 3161 timestamp authorities)."""

    def not_yet_active(current: VendorTrust) -> None:
        existing = current.roots.get(fingerprint(cert))
        if existing is not None and existing.retire_after is None:
            raise TrustConfigError(
                f"{describe(cert)} (sha256 {fingerprint(cert)}) is already an active root of {vendor.name!r}"
            )

    return _record(
        state,
        vendor,
        kind="pin",
        payload={"root": _root_payload(cert, purpose)},
        actor=actor,
        reason=reason,
        precheck=not_yet_active,
    )


def pin_feed_identity(
    state: TrustChanges, vendor: VendorConfig, pattern: str, *, actor: str | None = None, reason: str
) -> Any:
    """Who may sign the vendor's advisory feed: an identity pattern (:class:`shipgate.trust.identity.ScopedPattern`,
    ``email:advisories@example\\.net``); "" removes the pin. A feed signed by any other identity is refused."""
    if pattern:
        ScopedPattern.parse(pattern, where="--feed-identity")  # refuse what does not compile, before storing

    def changes(current: VendorTrust) -> None:
        if (current.feed_identity or "") == pattern:
            raise TrustConfigError(f"{vendor.name!r} already has feed identity {pattern or '(none)'!r}")

    return _record(
        state,
        vendor,
        kind="feed-identity",
        payload={"pattern": pattern},
        actor=actor,
        reason=reason,
        precheck=changes,
    )


def unpin_root(state: TrustChanges, vendor: VendorConfig, sha256: str, *, actor: str | None = None, reason: str) -> Any:
    """Remove a root (pinned, configured or added by rotation) from the vendor's trust."""
    sha256 = sha256.lower().replace(":", "")

    def present(current: VendorTrust) -> None:
        if sha256 not in current.roots:
            known = ", ".join(current.roots) or "none"
            raise TrustConfigError(f"{vendor.name!r} has no root with sha256 {sha256} (roots: {known})")

    return _record(
        state, vendor, kind="unpin", payload={"sha256": sha256}, actor=actor, reason=reason, precheck=present
    )


def apply_rotation(
    state: TrustChanges,
    vendor: VendorConfig,
    *,
    advisory_id: str,
    add_roots: Iterable[Mapping[str, Any]],
    retire_roots: Iterable[Mapping[str, Any]] = (),
    actor: str | None = None,
    reason: str,
    now: dt.datetime | None = None,
) -> Any:
    """A CA rotation (docs/formats.md §2 ``ca-rotation``): ``add_roots`` (``{sha256, pem}``) become active;
    ``retire_roots`` (``{sha256, after?}``) become retiring until ``after``, or until now + the vendor's
    overlap period when the advisory gives no date. Pass a ``Transaction`` to join the feed's acceptance."""
    now = now or dt.datetime.now(dt.UTC)
    added = [dict(r) for r in add_roots]
    retired: list[dict[str, str]] = []
    for i, item in enumerate(retire_roots):
        fp = str(item.get("sha256", "")).lower()
        if not fp:
            raise TrustConfigError(f"advisory {advisory_id}: retire_roots[{i}].sha256 is missing")
        after = item.get("after")
        when = (
            parse_time(str(after), where=f"advisory {advisory_id}: retire_roots[{i}].after")
            if after
            else now + dt.timedelta(days=vendor.overlap_days)
        )
        retired.append({"sha256": fp, "after": format_time(when)})
    if not added and not retired:
        raise TrustConfigError(f"advisory {advisory_id}: a ca-rotation must add or retire at least one root")
    return _record(
        state,
        vendor,
        kind="rotate",
        payload={"add_roots": added, "retire_roots": retired},
        actor=actor or "advisories",
        reason=reason,
        advisory_id=advisory_id,
    )


def retire_root(
    state: TrustChanges,
    vendor: VendorConfig,
    sha256: str,
    *,
    after: dt.datetime | None = None,
    actor: str | None = None,
    reason: str,
) -> Any:
    """An operator retires a root: trusted until ``after`` (default: now + the vendor's overlap period),
    refused as ``trust.root_retired`` from then on."""
    sha256 = sha256.lower().replace(":", "")
    when = after or dt.datetime.now(dt.UTC) + dt.timedelta(days=vendor.overlap_days)

    def present(current: VendorTrust) -> None:
        if sha256 not in current.roots:
            known = ", ".join(current.roots) or "none"
            raise TrustConfigError(f"{vendor.name!r} has no root with sha256 {sha256} (roots: {known})")

    return _record(
        state,
        vendor,
        kind="rotate",
        payload={"add_roots": [], "retire_roots": [{"sha256": sha256, "after": format_time(when)}]},
        actor=actor,
        reason=reason,
        precheck=present,
    )


def apply_revocations(
    state: TrustChanges,
    vendor: VendorConfig,
    *,
    advisory_id: str,
    certificates: Iterable[Mapping[str, Any]],
    actor: str | None = None,
    reason: str,
) -> Any:
    """Revoke certificates by SHA-256 fingerprint (docs/formats.md §2 ``revocation``)."""
    certs = [
        {k: v for k, v in {**c, "sha256": str(c.get("sha256", "")).lower()}.items() if v is not None}
        for c in certificates
    ]
    if not certs:
        raise TrustConfigError(f"advisory {advisory_id}: a revocation must name at least one certificate")
    return _record(
        state,
        vendor,
        kind="revoke",
        payload={"certificates": certs},
        actor=actor or "advisories",
        reason=reason,
        advisory_id=advisory_id,
    )


def rollback(state: TrustChanges, vendor: VendorConfig, version: int, *, actor: str | None = None, reason: str) -> Any:
    """Make the effective trust that of ``version`` again — itself a new, audited version."""

    def earlier(current: VendorTrust) -> None:
        latest = current.version
        if not 0 <= version < latest:
            raise TrustConfigError(
                f"cannot roll {vendor.name!r} back to version {version}: versions 0..{latest - 1} are possible"
                if latest
                else f"{vendor.name!r} has no trust changes to roll back"
            )

    return _record(
        state,
        vendor,
        kind="rollback",
        payload={"to_version": version},
        actor=actor,
        reason=reason,
        precheck=earlier,
    )


def known_vendors(state: TrustChanges, config: TrustConfig) -> list[str]:
    names = set(config.vendors) | {c.vendor for c in state.trust_changes()}
    return sorted(names)


def root_summary(root: TrustedRoot, at: dt.datetime) -> str:
    state = root.state(at)
    until = f" until {format_time(root.retire_after)}" if state is RootState.RETIRING and root.retire_after else ""
    purpose = "" if root.purpose == CODE_SIGNING else f"  [{root.purpose}]"
    return f"{root.sha256}  {state.value}{until}  {root.subject}  ({root.origin}){purpose}"
