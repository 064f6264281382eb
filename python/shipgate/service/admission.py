"""Admission answers from stored verdicts only: never a re-verification, so an answer takes a lookup.

allow/warn and not expired → allowed; deny → denied; no verdict, an expired verdict, a malformed digest
→ denied with a reason. When the store itself fails the answer is ``fail_open`` (default: denied).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shipgate.errors import MalformedInput
from shipgate.store import StoreError, VerdictRecord


@dataclass(frozen=True, kw_only=True)
class Decision:
    allowed: bool
    verdict: str  # "allow" | "warn" | "deny" | "" (none stored)
    reason: str
    sha256: str = ""
    record: VerdictRecord | None = None


def from_record(record: VerdictRecord | None, subject: str) -> Decision:
    if record is None:
        return Decision(allowed=False, verdict="", reason=f"no verdict is stored for {subject}; verify it first")
    name = f"{record.package_name} {record.package_version}".strip() or subject
    if record.is_expired():
        return Decision(
            allowed=False,
            verdict=record.verdict,
            reason=f"the verdict for {name} expired at {record.expires:%Y-%m-%dT%H:%M:%SZ}; verify it again",
            sha256=record.sha256,
            record=record,
        )
    if record.verdict == "deny":
        codes = sorted({f.code for f in record.findings})
        shown = ", ".join(codes[:5]) + (" …" if len(codes) > 5 else "")
        return Decision(
            allowed=False,
            verdict="deny",
            reason=f"{name} was denied ({shown or 'no findings recorded'})",
            sha256=record.sha256,
            record=record,
        )
    return Decision(
        allowed=True,
        verdict=record.verdict,
        reason=f"{name} was verified: {record.verdict}",
        sha256=record.sha256,
        record=record,
    )


def by_digest(store: Any, digest: str, *, fail_open: bool) -> Decision:
    try:
        record = store.get_verdict(digest)
    except MalformedInput as exc:
        return Decision(allowed=False, verdict="", reason=exc.diagnostics())
    except StoreError as exc:
        return _store_failed(exc, fail_open)
    return from_record(record, digest)


def by_package(store: Any, name: str, version: str, vendor: str, *, fail_open: bool) -> Decision:
    """The newest verdict for a package name and version (and vendor, when given): an index lookup."""
    try:
        record = store.find_verdict(name=name, version=version, vendor=vendor or None)
    except StoreError as exc:
        return _store_failed(exc, fail_open)
    return from_record(record, f"{name} {version}")


def _store_failed(exc: StoreError, fail_open: bool) -> Decision:
    return Decision(
        allowed=fail_open,
        verdict="",
        reason=f"the verdict store failed ({exc.diagnostics()}); "
        + ("allowed because fail_open is set" if fail_open else "denied (fail-closed)"),
    )
