"""Versions and version ranges as CSAF publishers write them in ``product_version`` / ``product_version_range``.

Versions compare under PEP 440 when both sides are valid PEP 440 (``v2`` == ``2``, ``V33.016`` < ``V33.017``);
otherwise segment by segment: runs of digits compare as numbers, runs of letters case-insensitively, a number
is newer than letters, trailing ``0`` segments do not count, and separators (``.``, ``-``, ``_``, spaces) only
separate. ``22.7R2.3`` < ``22.7R2.4``, ``2025-07-15`` < ``2025-08-01``, ``Release 28`` < ``Release 31``. Two
versions whose first segments are of different kinds (``Release 28`` against ``2.0``) cannot be compared.

A range is one of (a bounded grammar; anything else cannot be read):

- ``vers:SCHEME/CONSTRAINTS`` (the vers specification; the scheme's own ordering is approximated by the
  comparison above) and ``vers:all/*``;
- ``CONSTRAINTS`` without the ``vers:`` prefix, as publishers write them: ``<3.1.112.19``, ``<=V3.1``,
  ``>=11.36.0|<11.36.46``, ``<= 4.1.0.0``;
- ``*`` and ``All versions`` (any case): every version;
- the phrases ``VERSION and prior`` / ``and earlier`` / ``and below`` / ``and older`` (``<=VERSION``),
  ``prior to VERSION`` / ``before VERSION`` (``<VERSION``), ``VERSION and later`` / ``and above`` / ``and
  newer`` (``>=VERSION``), any case, VERSION a single version.

Several plain upper bounds for one product and vulnerability (``<V33.017``, ``<V34.014``, ``<V35.013``) are
read as one range per release line (:func:`per_release_line`): V34.020 is past its own line's fix, not inside
``<V35.013``.

CONSTRAINTS are up to 16 ``|``-separated comparators (``<``, ``<=``, ``>``, ``>=``, ``=``, ``!=``, none meaning
``=``), evaluated with the vers containment algorithm. A comparator's version is at most 64 characters and
must not be ``*``; without an operator it must be one version (a digit first, optionally after ``v``, no
spaces), so prose is not read as an exact version.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from packaging.version import InvalidVersion, Version

MAX_RANGE_CHARS = 256
MAX_CONSTRAINTS = 16
MAX_VERSION_CHARS = 64
_OPS = ("<=", ">=", "!=", "<", ">", "=")
_SEGMENT = re.compile(r"\d+|[A-Za-z]+")
_BARE_VERSION = re.compile(r"^[vV]?\d[^\s]*$")  # a comparator without operator: one version
_UP_TO = re.compile(r"^(\S+)\s+and\s+(?:prior|earlier|below|older)$", re.IGNORECASE)
_BEFORE = re.compile(r"^(?:prior\s+to|before)\s+(\S+)$", re.IGNORECASE)
_FROM = re.compile(r"^(\S+)\s+and\s+(?:later|above|newer)$", re.IGNORECASE)
_ALL = frozenset({"*", "vers:all/*", "all versions", "all"})


class RangeUnreadable(ValueError):
    """A range text outside the grammar; the message says why."""


@functools.lru_cache(maxsize=65_536)
def _pep440(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


@functools.lru_cache(maxsize=65_536)
def _segments(text: str) -> tuple[int | str, ...]:
    parts: list[int | str] = [int(s) if s.isdigit() else s.lower() for s in _SEGMENT.findall(text[:MAX_VERSION_CHARS])]
    if parts and parts[0] == "v" and len(parts) > 1 and isinstance(parts[1], int):
        parts.pop(0)  # a "v"/"V" prefix: V33.017 is 33.017
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def compare_versions(a: str, b: str) -> int | None:
    """-1, 0 or 1; None when the two cannot be compared."""
    va, vb = _pep440(a.strip()), _pep440(b.strip())
    if va is not None and vb is not None:
        return (va > vb) - (va < vb)
    sa, sb = _segments(a), _segments(b)
    if not sa or not sb or type(sa[0]) is not type(sb[0]):
        return None
    for x, y in zip(sa, sb, strict=False):
        if x == y:
            continue
        if type(x) is not type(y):
            return 1 if isinstance(x, int) else -1
        return 1 if x > y else -1  # type: ignore[operator]
    return (len(sa) > len(sb)) - (len(sa) < len(sb))


def same_version(a: str, b: str) -> bool:
    return a.strip().casefold() == b.strip().casefold() or compare_versions(a, b) == 0


def looks_like_range(text: str) -> bool:
    """Whether a ``product_version`` branch name is really a range (``vers:all/*``, ``<2025-04-16``, ``>0``)."""
    stripped = text.strip()
    phrase = any(p.match(stripped) for p in (_UP_TO, _BEFORE, _FROM))
    return phrase or stripped.lower() in _ALL or stripped.startswith(("vers:", "<", ">", "!="))


@dataclass(frozen=True)
class VersionRange:
    text: str
    constraints: tuple[tuple[str, str], ...]  # () = every version

    def contains(self, version: str) -> bool | None:
        """Whether ``version`` is in the range; None when it cannot be compared with the range's versions."""
        if not self.constraints:
            return True
        return _vers_contains(self.constraints, version)


@functools.lru_cache(maxsize=4096)  # a document repeats the same few range texts across products
def parse_range(text: str) -> VersionRange:
    """The range a ``product_version_range`` (or range-like ``product_version``) names; raises RangeUnreadable."""
    if len(text) > MAX_RANGE_CHARS:
        raise RangeUnreadable(f"longer than {MAX_RANGE_CHARS} characters")
    stripped = text.strip()
    if stripped.lower() in _ALL:
        return VersionRange(text=text, constraints=())
    for pattern, op in ((_UP_TO, "<="), (_BEFORE, "<"), (_FROM, ">=")):
        if m := pattern.match(stripped):
            return VersionRange(text=text, constraints=(_constraint(op + m.group(1)),))
    body = stripped
    if stripped.startswith("vers:"):
        scheme, sep, body = stripped[5:].partition("/")
        if not sep or not scheme or not body.strip():
            raise RangeUnreadable("a vers range is vers:SCHEME/CONSTRAINTS")
        if body.strip() == "*":
            return VersionRange(text=text, constraints=())
    items = body.split("|")
    if len(items) > MAX_CONSTRAINTS:
        raise RangeUnreadable(f"more than {MAX_CONSTRAINTS} constraints")
    return VersionRange(text=text, constraints=tuple(_constraint(item) for item in items))


def _constraint(item: str) -> tuple[str, str]:
    item = item.strip()
    op = next((o for o in _OPS if item.startswith(o)), "")
    version = item[len(op) :].strip()
    if not version or version == "*" or len(version) > MAX_VERSION_CHARS or any(c in version for c in "<>|"):
        raise RangeUnreadable(f"{item!r} is not OPERATOR VERSION")
    if not op and not _BARE_VERSION.match(version):  # "between 1 and 2" is prose, not the version "=between..."
        raise RangeUnreadable(f"{item!r} is neither OPERATOR VERSION nor a version")
    return (op or "=", version)


def _holds(op: str, order: int) -> bool:  # order: the version compared with the constraint's version
    return {"<": order < 0, "<=": order <= 0, ">": order > 0, ">=": order >= 0}[op]


def _by_version(x: tuple[str, str, int], y: tuple[str, str, int]) -> int:
    return compare_versions(x[1], y[1]) or 0


def _vers_contains(constraints: tuple[tuple[str, str], ...], version: str) -> bool | None:
    """The vers specification's containment algorithm over constraints sorted by version."""
    bounds: list[tuple[str, str, int]] = []
    for op, value in constraints:
        order = compare_versions(version, value)
        if order is None:
            return None
        if op == "=" and order == 0:
            return True
        if op == "!=" and order == 0:
            return False
        if op not in ("=", "!="):
            bounds.append((op, value, order))
    if not bounds:
        return False
    ordered = sorted(bounds, key=functools.cmp_to_key(_by_version))
    if len(ordered) == 1:
        return _holds(ordered[0][0], ordered[0][2])
    for i, (op, _, order) in enumerate(ordered[:-1]):
        next_op, _, next_order = ordered[i + 1]
        if i == 0 and op in ("<", "<=") and _holds(op, order):
            return True
        if i == len(ordered) - 2 and next_op in (">", ">=") and _holds(next_op, next_order):
            return True
        if op in (">", ">=") and next_op in ("<", "<=") and _holds(op, order) and _holds(next_op, next_order):
            return True
    return False


def upper_bound(text: str) -> tuple[str, str] | None:
    """``(op, version)`` when the range is one plain upper bound (``<V33.017``, ``V2.9 and prior``), else None."""
    try:
        constraints = parse_range(text).constraints
    except RangeUnreadable:
        return None
    if len(constraints) == 1 and constraints[0][0] in ("<", "<="):
        return constraints[0]
    return None


def per_release_line(bounds: list[tuple[str, str]], version: str) -> bool | None:
    """Whether ``version`` is affected when several upper bounds mean one range per release line.

    The bounds are sorted; each one's line is the shortest leading run of its segments that tells it from both
    neighbouring bounds (``V34.014`` beside ``V33.017``: line 34; ``11.0.21`` between ``10.2.35`` and ``11.1.9``:
    line 11.0). A version below the lowest bound is affected (that line and every earlier
    one); a version in a line is affected when below that line's bound; a version in no listed line (``1.2.0``
    beside lines 1.0 and 1.4) is None: the document does not say. None too when the versions do not compare.
    """
    keyed = [(op, v, _segments(v)) for op, v in bounds]
    if any(not seg or not all(isinstance(x, int) for x in seg) for _, _, seg in keyed):
        return None
    ordered = sorted(keyed, key=lambda b: b[2])
    mine = _segments(version)
    if not mine or not isinstance(mine[0], int):
        return None
    lowest_op, lowest, _ = ordered[0]
    order = compare_versions(version, lowest)
    if order is None:
        return None
    if _holds(lowest_op, order):
        return True
    for i, (op, bound, seg) in enumerate(ordered):
        neighbours = [ordered[j][2] for j in (i - 1, i + 1) if 0 <= j < len(ordered)]
        line = seg[: max(_first_difference(seg, other) for other in neighbours) + 1]
        if mine[: len(line)] == line:
            order = compare_versions(version, bound)
            return None if order is None else _holds(op, order)
    return None


def _first_difference(a: tuple[int | str, ...], b: tuple[int | str, ...]) -> int:
    """The first index where two segment runs differ (the shorter one's length when one leads the other)."""
    return next((j for j, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
