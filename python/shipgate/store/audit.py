"""The audit log: an append-only hash chain.

Each entry is ``{seq, time, actor, action, subject, details, prev_hash, hash}``; ``hash`` is the SHA-256 of
the canonical JSON (sorted keys, no spaces, UTF-8) of every other field, ``prev_hash`` included, so an
entry edited, deleted or moved breaks the link to the next one. ``seq`` starts at 1 with no gaps; the
first ``prev_hash`` is 64 zeros. A one-row head (last seq and hash) is updated in the same transaction as
each append, so a removed tail is detected as well.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no whitespace, non-ASCII kept as UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def entry_hash(
    *, seq: int, time: str, actor: str, action: str, subject: str, details: Any, prev_hash: str
) -> str:
    body = {
        "seq": seq,
        "time": time,
        "actor": actor,
        "action": action,
        "subject": subject,
        "details": details,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


@dataclass(frozen=True, kw_only=True)
class AuditEntry:
    seq: int
    time: str  # stored text, records.format_time
    actor: str
    action: str
    subject: str
    details: Mapping[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "time": self.time,
            "actor": self.actor,
            "action": self.action,
            "subject": self.subject,
            "details": dict(self.details),
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


@dataclass(frozen=True, kw_only=True)
class AuditVerification:
    """The outcome of walking the chain: ``ok``, or the first broken entry and why."""

    ok: bool
    checked: int
    head_seq: int
    broken_seq: int | None = None
    problem: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"audit chain intact: {self.checked} entries, head seq {self.head_seq}"
        return f"audit chain broken at seq {self.broken_seq}: {self.problem}"


# One stored row as the backends return it: (seq, time, actor, action, subject, details_json, prev, hash).
AuditRow = tuple[int, str, str, str, str, str, str, str]


def verify_chain(rows: Iterable[AuditRow], *, head: tuple[int, str]) -> AuditVerification:
    """Walk ``rows`` (in ``seq`` order) and compare the last one with the ``head`` row."""
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    for seq, time, actor, action, subject, details_text, stored_prev, stored_hash in rows:
        if seq != expected_seq:
            missing = f"seq {expected_seq}" if seq == expected_seq + 1 else f"seq {expected_seq}..{seq - 1}"
            return _broken(checked, head, seq, f"{missing} missing (entries deleted or renumbered)")
        if stored_prev != prev_hash:
            return _broken(
                checked, head, seq, "prev_hash does not match the previous entry (entry deleted or reordered)"
            )
        try:
            details = json.loads(details_text)
        except ValueError:
            return _broken(checked, head, seq, "details are not valid JSON (entry edited)")
        actual = entry_hash(
            seq=seq,
            time=time,
            actor=actor,
            action=action,
            subject=subject,
            details=details,
            prev_hash=stored_prev,
        )
        if actual != stored_hash:
            return _broken(checked, head, seq, "hash does not match the entry's content (entry edited)")
        expected_seq, prev_hash, checked = seq + 1, stored_hash, checked + 1
    head_seq, head_hash = head
    if head_seq > checked:
        return _broken(
            checked, head, checked + 1, f"entries {checked + 1}..{head_seq} missing (tail deleted)"
        )
    if head_seq < checked:
        return _broken(
            checked, head, head_seq + 1, f"the audit head does not match: it ends at seq {head_seq}"
        )
    if head_hash != prev_hash:
        return _broken(checked, head, max(head_seq, 1), "the audit head does not match the last entry's hash")
    return AuditVerification(ok=True, checked=checked, head_seq=head_seq)


def _broken(checked: int, head: tuple[int, str], seq: int, problem: str) -> AuditVerification:
    return AuditVerification(ok=False, checked=checked, head_seq=head[0], broken_seq=seq, problem=problem)


def details_of(text: str) -> Mapping[str, Any]:
    value = json.loads(text)
    return value if isinstance(value, dict) else {"value": value}


def to_json_lines(entries: Iterable[AuditEntry]) -> Iterable[str]:
    for entry in entries:
        yield canonical_json(entry.to_dict())
