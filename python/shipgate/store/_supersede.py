"""Which stored verdicts a trust change or an advisory supersedes, decided in the transaction that records it.

Every trust change (``append_trust_change``: pins, rotations, revocations, rollbacks, whoever makes them)
and every stored advisory (``put_advisories``: feeds, CSAF imports) passes through the store's
transaction, so supersession lives here and no path can skip it. Only verdicts that admit (allow, warn)
and are still live are marked; a deny stays a deny.

- ``revoke``: verdicts whose validated chain holds a revoked certificate (``archive_certs``).
- ``rotate``: verdicts whose chain ends at a root retired as of now. A retirement dated later is enforced
  by admission once the date passes (its re-check reads the root's date).
- ``unpin``: verdicts whose chain ends at the removed root.
- ``rollback`` to N: verdicts made under a trust version above N (their trust no longer holds), and
  verdicts holding a certificate revoked in the state rolled back to.
- ``pin``: adds trust; supersedes nothing.
- ``withdrawn-package``: verdicts of the withdrawn package (by archive digest, or name and version, as
  the verifier matches them).
- ``config-change`` and CSAF documents: verdicts of the packages they apply to, which were judged without
  them (a configuration change is judged against the target environment, which only a new verify reads).
- ``notice``: never (a notice is at most medium; the next verify reports it).

The matching of advisories and the replay of trust are the advisories' and the trust layer's own
functions, imported where they are used: those layers sit above the store and import it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from shipgate.errors import ShipgateError
from shipgate.store._verdicts import LIVE
from shipgate.store.records import AdvisoryRecord, TrustChange, parse_time, utcnow

if TYPE_CHECKING:
    from shipgate.store._transaction import Transaction

ACTOR = "supersession"
# Certificate fingerprints per statement (bounded parameter lists).
_FP_BATCH = 500


def after_trust_change(tx: Transaction, change: TrustChange) -> int:
    """Supersede what ``change`` (just appended) makes untrustworthy; returns how many verdicts."""
    label = f"trust v{change.version} of {change.vendor} ({change.kind}"
    label += f", advisory {change.advisory_id})" if change.advisory_id else f" by {change.actor})"
    cause = {"vendor": change.vendor, "trust_version": change.version, "advisory_id": change.advisory_id}
    payload = change.payload
    if change.kind == "revoke":
        fps = _fingerprints(c.get("sha256") for c in payload.get("certificates") or ())
        why = f"{label}: a certificate of its signing chain is revoked"
        return _by_certificates(tx, change.vendor, fps, why, cause)
    if change.kind == "rotate":
        now = utcnow()
        fps = _fingerprints(
            r.get("sha256") for r in payload.get("retire_roots") or () if _due(r.get("after"), now)
        )
        return _by_certificates(tx, change.vendor, fps, f"{label}: its signing root is retired", cause)
    if change.kind == "unpin":
        fps = _fingerprints([payload.get("sha256")])
        return _by_certificates(tx, change.vendor, fps, f"{label}: its signing root is no longer trusted", cause)
    if change.kind == "rollback":
        return _rollback(tx, change, label, cause)
    return 0


def _fingerprints(values: Iterable[Any]) -> list[str]:
    return sorted({str(v).lower().replace(":", "") for v in values if v})


def _due(after: Any, now: Any) -> bool:
    try:
        return bool(after) and parse_time(str(after)) <= now
    except ShipgateError:
        return True  # an unreadable date retires at once (the trust layer refused such a change anyway)


def _by_certificates(
    tx: Transaction, vendor: str, fps: list[str], reason: str, cause: dict[str, Any]
) -> int:
    total = 0
    for start in range(0, len(fps), _FP_BATCH):
        chunk = fps[start : start + _FP_BATCH]
        marks = ", ".join("?" for _ in chunk)
        total += tx.supersede(
            ["vendor = ?", f"sha256 IN (SELECT sha256 FROM archive_certs WHERE cert_sha256 IN ({marks}))"],  # noqa: S608
            [vendor, *chunk],
            reason=reason,
            actor=ACTOR,
            cause={**cause, "certificates": chunk},
        )
    return total


def _rollback(tx: Transaction, change: TrustChange, label: str, cause: dict[str, Any]) -> int:
    from shipgate.trust.state import replay

    target = int(change.payload.get("to_version", -1))
    count = tx.supersede(
        ["vendor = ?", "trust_version > ?"],
        [change.vendor, target],
        reason=f"{label}: trust rolled back to v{target}, below the version it was verified under",
        actor=ACTOR,
        cause=cause,
    )
    earlier = [c for c in tx.trust_changes(change.vendor) if c.version <= target]
    revoked = list(replay(change.vendor, (), earlier).revoked) if earlier else []
    return count + _by_certificates(
        tx, change.vendor, revoked, f"{label}: a certificate of its signing chain is revoked at v{target}", cause
    )


def after_advisories(tx: Transaction, records: Iterable[AdvisoryRecord]) -> int:
    """Supersede the verdicts the newly stored (or changed) advisories apply to."""
    total = 0
    for record in records:
        cause = {"vendor": record.vendor, "advisory_id": record.advisory_id, "kind": record.kind}
        reason = f"advisory {record.advisory_id} of {record.vendor} ({record.kind})"
        if record.kind == "withdrawn-package":
            total += _withdrawn(tx, record, f"{reason}: the package is withdrawn", cause)
        elif record.kind in ("config-change", "csaf"):
            total += _applicable(tx, record, f"{reason} applies to the package; verify it again", cause)
    return total


def _withdrawn(tx: Transaction, record: AdvisoryRecord, reason: str, cause: dict[str, Any]) -> int:
    from shipgate.advisories.query import withdrawn_by

    entries = record.body.get("packages")
    names = {str(e.get("name")) for e in entries if isinstance(e, Mapping)} if isinstance(entries, list) else set()
    digests = {str(e.get("sha256")).lower() for e in entries or () if isinstance(e, Mapping) and e.get("sha256")}
    ids: list[int] = []
    for name in sorted(names):
        for vid, version, sha256 in _live(tx, record.vendor, "package_name = ?", [name]):
            if withdrawn_by(record.body, name, version, sha256) is not None:
                ids.append(vid)
    for digest in sorted(digests):
        ids += [vid for vid, _, _ in _live(tx, record.vendor, "sha256 = ?", [digest])]
    return tx.supersede_ids(sorted(set(ids)), reason=reason, actor=ACTOR, cause=cause)


def _applicable(tx: Transaction, record: AdvisoryRecord, reason: str, cause: dict[str, Any]) -> int:
    from shipgate.advisories.csaf_match import match_package
    from shipgate.advisories.query import applies

    by_package: dict[tuple[str, str], list[int]] = {}
    rows = tx._exec(
        f"SELECT id, package_name, package_version FROM verdicts WHERE vendor = ? AND {LIVE} AND verdict <> 'deny'",  # noqa: S608
        (record.vendor,),
    ).fetchall()
    for vid, name, version in rows:
        by_package.setdefault((name, version), []).append(int(vid))
    ids: list[int] = []
    for (name, version), found in by_package.items():
        if record.kind == "csaf":
            hit = bool(match_package(record.body, name=name, version=version, sha256=None))
        else:
            hit = applies(record.body, name, version) is True
        if hit:
            ids += found
    return tx.supersede_ids(sorted(ids), reason=reason, actor=ACTOR, cause=cause)


def _live(tx: Transaction, vendor: str, clause: str, params: list[Any]) -> list[tuple[int, str, str]]:
    rows = tx._exec(
        "SELECT id, package_version, sha256 FROM verdicts"  # noqa: S608
        f" WHERE vendor = ? AND {clause} AND {LIVE} AND verdict <> 'deny'",
        (vendor, *params),
    ).fetchall()
    return [(int(r[0]), r[1], r[2]) for r in rows]
