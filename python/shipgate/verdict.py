"""The verdict: ALLOW < WARN < DENY, one enum for the policy's decision, the report and the stored record.

A ``str`` enum, so ``verdict == "deny"``, ``json.dumps(verdict)`` and the stored text read naturally.
"""

from __future__ import annotations

import enum


class Verdict(enum.StrEnum):
    ALLOW = "allow"
    WARN = "warn"
    DENY = "deny"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label(self) -> str:
        return self.value

    def stronger(self, other: Verdict) -> Verdict:
        return self if self.rank >= other.rank else other

    @property
    def admits(self) -> bool:
        """Whether a package with this verdict may be deployed (allow and warn)."""
        return self is not Verdict.DENY

    @classmethod
    def parse(cls, text: str) -> Verdict:
        """``allow``/``warn``/``deny`` in any case; ``ValueError`` naming the choices otherwise."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise ValueError(f"verdict {text!r} is not one of allow, warn, deny") from None


_RANK = {Verdict.ALLOW: 0, Verdict.WARN: 1, Verdict.DENY: 2}
VERDICTS: tuple[Verdict, ...] = tuple(Verdict)
