"""Findings: what every layer reports, and the one shape every report carries.

A finding is ``{code, severity, path, message, evidence, remedy}``. Codes are dotted and stable; the first
segment names the layer (``zip.``, ``manifest.``, ``trust.``, ``advisory.``, ``preflight.``, ``config.``,
``policy.``). Severities are ordered: info < low < medium < high < critical.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

_CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


class Severity(enum.IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; one of {', '.join(s.label for s in cls)}") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, kw_only=True)
class Finding:
    code: str
    severity: Severity
    message: str
    path: str = ""
    remedy: str = ""
    evidence: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise ValueError(f"finding code {self.code!r} is not dotted lower-case")

    @property
    def layer(self) -> str:
        return self.code.split(".", 1)[0]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity.label,
            "path": self.path,
            "message": self.message,
            "remedy": self.remedy,
        }
        if self.evidence:
            out["evidence"] = dict(self.evidence)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        return cls(
            code=str(data["code"]),
            severity=Severity.parse(str(data["severity"])),
            message=str(data.get("message", "")),
            path=str(data.get("path", "")),
            remedy=str(data.get("remedy", "")),
            evidence=dict(data.get("evidence") or {}),
        )


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity among ``findings``, or None when there are none."""
    return max((f.severity for f in findings), default=None)


def by_severity(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first; stable within a severity."""
    return sorted(findings, key=lambda f: -f.severity)
