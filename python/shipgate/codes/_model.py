"""One registered finding code: its severity, what it means and what a person should do about it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shipgate.findings import Severity

_CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


@dataclass(frozen=True)
class Code:
    """A stable finding code. ``severity`` is what the code carries by default (the highest, where the
    meaning names conditions that lower it); ``also`` lists the other severities a finding of this code may
    carry, each explained in ``meaning``. ``remedy`` is the general advice; a finding may give a sharper one."""

    code: str
    severity: Severity
    meaning: str
    remedy: str
    also: tuple[Severity, ...] = ()

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise ValueError(f"finding code {self.code!r} is not dotted lower-case")
        if not self.meaning or not self.remedy:
            raise ValueError(f"finding code {self.code!r} needs a meaning and a remedy")

    @property
    def layer(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def severities(self) -> frozenset[Severity]:
        """Every severity a finding of this code may carry."""
        return frozenset((self.severity, *self.also))

    @property
    def severity_text(self) -> str:
        """``high``, or ``high (also low, medium)`` when other severities are possible."""
        if not self.also:
            return self.severity.label
        return f"{self.severity.label} (also {', '.join(s.label for s in sorted(set(self.also)))})"
