"""Durations of a manifest's downtime and of --window: the spellings people use, nothing else."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shipgate.package.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("5m", 300), ("1h30m", 5400), ("90s", 90), ("1.5h", 5400), ("PT5M", 300), ("PT1H30M", 5400), ("P1D", 86400),
     ("2h 15min", 8100), (5, 300), ("10", 600)],
)
def test_spellings(text: str | int, seconds: int) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "soon", "5 parsecs", "0m", "-5m", "8d", "PT", "1" * 40, "5mm"])
def test_everything_else_is_refused(text: str) -> None:
    with pytest.raises(DurationError):
        parse_duration(text)


def test_format() -> None:
    assert format_duration(timedelta(seconds=3900)) == "1h 05m"
    assert format_duration(timedelta(seconds=450)) == "7m 30s"
    assert format_duration(timedelta(seconds=45)) == "45s"
