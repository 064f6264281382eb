"""Version constraints of manifest dependencies (docs/formats.md §1: PEP 440 / semver-style operators, commas).

``packaging`` decides whenever both sides are valid PEP 440; otherwise a tolerant comparison of the leading
numeric release (``1.1.1w`` → ``1.1.1``, ``3.0.2-0ubuntu1`` → ``3.0.2``) answers, so distribution versions
that are not PEP 440 still compare. A version with no leading number cannot be compared: ``None``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, Specifier
from packaging.version import InvalidVersion, Version

# Operators accepted in a clause; "=" is read as "==" (a common vendor spelling).
_CLAUSE = re.compile(r"^\s*(~=|===|==|!=|<=|>=|<|>|=|\^|~)?\s*([A-Za-z0-9][A-Za-z0-9.*+!_-]*)\s*$")
_RELEASE = re.compile(r"^[vV]?(\d+(?:\.\d+)*)")
# Operators that put a ceiling on the versions a constraint admits.
_BOUNDING = frozenset({"<", "<=", "==", "===", "~="})
# A constraint longer than this is not a constraint but an attack on the parser.
MAX_CONSTRAINT_CHARS = 256
MAX_CLAUSES = 16


class ConstraintError(ValueError):
    """A constraint text that cannot be read; the message says which part."""


def release_key(text: str) -> tuple[int, ...] | None:
    """The leading numeric release of a version, trailing zeros dropped (``3.0`` == ``3``), or None."""
    m = _RELEASE.match(text.strip())
    if not m:
        return None
    parts = [int(p) for p in m.group(1).split(".")[:8]]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


@functools.lru_cache(maxsize=65_536)  # advisory matching compares the same few version texts many times
def _pep440(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def is_comparable(version: str) -> bool:
    """Whether ``version`` can be compared at all (PEP 440 or a leading numeric release)."""
    return _pep440(version) is not None or release_key(version) is not None


def same_version(a: str, b: str) -> bool:
    """``7.3`` == ``7.3.0`` under PEP 440; otherwise the exact text must match."""
    va, vb = _pep440(a), _pep440(b)
    if va is not None and vb is not None:
        return va == vb
    return a.strip() == b.strip()


@dataclass(frozen=True)
class Clause:
    op: str
    version: str

    def __str__(self) -> str:
        return f"{self.op}{self.version}"

    def admits(self, version: str) -> bool | None:
        """Whether ``version`` satisfies this clause; None when it cannot be compared."""
        if _pep440(version) is not None:
            try:
                return Specifier(str(self)).contains(version, prereleases=True)
            except InvalidSpecifier:
                pass
        have, want = release_key(version), release_key(self.version.rstrip(".*"))
        if have is None or want is None:
            return None
        if self.version.endswith(".*") and self.op in ("==", "!="):
            prefix = tuple(int(p) for p in self.version[:-2].split(".") if p.isdigit())
            raw = _RELEASE.match(version.strip())
            full = tuple(int(p) for p in raw.group(1).split(".")) if raw else ()
            hit = full[: len(prefix)] == prefix
            return hit if self.op == "==" else not hit
        if self.op == "~=":
            ceiling = want[:-1] if len(want) > 1 else want
            return have >= want and have[: len(ceiling)] == ceiling
        compare = {
            "==": have == want,
            "===": version.strip() == self.version,
            "!=": have != want,
            "<": have < want,
            "<=": have <= want,
            ">": have > want,
            ">=": have >= want,
        }
        return compare[self.op]


def _semver_range(op: str, version: str, part: str) -> tuple[Clause, Clause]:
    """npm-style ``^1.2.3`` (>=1.2.3,<2) and ``~1.2.3`` (>=1.2.3,<1.3), as two PEP 440 clauses."""
    m = _RELEASE.match(version)
    if m is None or version.endswith(".*"):
        raise ConstraintError(f"clause {part.strip()!r}: {op} needs a numeric version")
    parts = [int(p) for p in m.group(1).split(".")]
    if op == "~":
        ceiling = [parts[0], parts[1] + 1] if len(parts) > 1 else [parts[0] + 1]
    else:
        # The first non-zero component is the one that may not change (^0.2.3 → <0.3).
        lead = next((i for i, p in enumerate(parts) if p != 0), len(parts) - 1)
        ceiling = [*parts[:lead], parts[lead] + 1]
    return Clause(">=", version), Clause("<", ".".join(str(p) for p in ceiling))


@dataclass(frozen=True)
class Constraint:
    """A parsed constraint such as ``>=14,<17``; ``*`` or an empty text admits every version."""

    text: str
    clauses: tuple[Clause, ...]

    @classmethod
    def parse(cls, text: str) -> Constraint:
        if len(text) > MAX_CONSTRAINT_CHARS:
            raise ConstraintError(f"constraint longer than {MAX_CONSTRAINT_CHARS} characters")
        stripped = text.strip()
        if stripped in ("", "*"):
            return cls(text=text, clauses=())
        parts = stripped.split(",")
        if len(parts) > MAX_CLAUSES:
            raise ConstraintError(f"more than {MAX_CLAUSES} clauses")
        clauses: list[Clause] = []
        for part in parts:
            m = _CLAUSE.match(part)
            if not m:
                raise ConstraintError(f"clause {part.strip()!r} is not OPERATOR VERSION")
            op = m.group(1) or "=="
            op = "==" if op == "=" else op
            version = m.group(2)
            if version.endswith(".*") and op not in ("==", "!="):
                raise ConstraintError(f"clause {part.strip()!r}: a wildcard needs == or !=")
            if not is_comparable(version.removesuffix(".*")):
                raise ConstraintError(f"clause {part.strip()!r}: {version!r} is not a version")
            if op in ("^", "~"):
                clauses.extend(_semver_range(op, version, part))
            else:
                clauses.append(Clause(op, version))
        return cls(text=text, clauses=tuple(clauses))

    @property
    def unbounded(self) -> bool:
        """True when no clause caps the version (``>=3.0`` alone, ``*``): any future release matches."""
        return not any(c.op in _BOUNDING for c in self.clauses)

    def admits(self, version: str) -> bool | None:
        """Whether ``version`` satisfies every clause; None when it cannot be compared."""
        results = [c.admits(version) for c in self.clauses]
        if any(r is False for r in results):
            return False
        if any(r is None for r in results):
            return None
        return True

    def __str__(self) -> str:
        return ",".join(str(c) for c in self.clauses) or "*"
