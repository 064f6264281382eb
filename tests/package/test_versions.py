"""Dependency constraints: PEP 440 with a tolerant fallback, and unbounded detection."""

from __future__ import annotations

import pytest

from shipgate.package.versions import Constraint, ConstraintError, release_key


@pytest.mark.parametrize(
    ("constraint", "version", "expected"),
    [
        (">=3.0", "3.0.11", True),
        (">=3.0", "2.9", False),
        (">=14,<17", "15.4", True),
        (">=14,<17", "17.0", False),
        (">=14,<17", "13.9", False),
        ("==7.4.0", "7.4", True),
        ("!=7.4.0", "7.4.0", False),
        ("~=7.4", "7.9.1", True),
        ("~=7.4", "8.0", False),
        ("==7.*", "7.1.2", True),
        ("<3", "3.0.0", False),
        (">2", "2.0.1", True),
        ("=1.2", "1.2.0", True),
        ("*", "0.0.1", True),
        # Not PEP 440: the leading numeric release decides.
        (">=1.1.1", "1.1.1w", True),
        ("<3.0.2", "3.0.2-0ubuntu1", False),
        (">=3.0", "banana", None),
        # npm-style ranges.
        ("^1.2.3", "1.9.0", True),
        ("^1.2.3", "2.0.0", False),
        ("^1.2.3", "1.2.2", False),
        ("^0.2.3", "0.2.9", True),
        ("^0.2.3", "0.3.0", False),
        ("~1.2.3", "1.2.9", True),
        ("~1.2.3", "1.3.0", False),
    ],
)
def test_admits(constraint: str, version: str, expected: bool | None) -> None:
    assert Constraint.parse(constraint).admits(version) is expected


@pytest.mark.parametrize(
    ("constraint", "unbounded"),
    [
        (">=3.0", True),
        ("*", True),
        ("", True),
        ("!=2.0", True),
        (">=14,<17", False),
        ("==1.0", False),
        ("~=7.4", False),
        ("^7.4", False),
        (">1,<=2", False),
    ],
)
def test_unbounded(constraint: str, unbounded: bool) -> None:
    assert Constraint.parse(constraint).unbounded is unbounded


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (">=", "is not OPERATOR VERSION"),
        (">=abc", "is not a version"),
        (">=7.*", "wildcard"),
        (",".join([">=1"] * 17), "more than 16 clauses"),
        ("1" * 300, "longer than 256"),
    ],
)
def test_rejects(text: str, message: str) -> None:
    with pytest.raises(ConstraintError, match=message):
        Constraint.parse(text)


def test_release_key_drops_trailing_zeros() -> None:
    assert release_key("3.0.0") == release_key("3") == (3,)
    assert release_key("v15.4-beta") == (15, 4)
    assert release_key("x1") is None
