"""Times as people and documents write them (RFC 3339, and ISO 8601 dates), read as aware UTC datetimes."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from shipgate.inputs.bounded import InputRefused

EXAMPLE = "2026-11-01T10:00:00Z"


def parse_time(value: object, *, what: str, naive: Literal["refuse", "utc"] = "refuse") -> dt.datetime:
    """``value`` as a UTC datetime. ``Z``/``z`` and numeric offsets are read; a time without a zone (or a bare
    date) is refused, or taken as UTC with ``naive="utc"`` (an operator's ``--since 2026-11-01``)."""
    if not isinstance(value, str):
        raise InputRefused("not_a_time", what, f"must be a time string like {EXAMPLE}")
    text = value.strip()
    try:
        moment = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in ("Z", "z") else text)
    except ValueError:
        dates = " (or a date, 2026-11-01)" if naive == "utc" else ""
        raise InputRefused("not_a_time", what, f"{text[:64]!r} is not a time; write it like {EXAMPLE}{dates}") from None
    if moment.tzinfo is None:
        if naive == "refuse":
            raise InputRefused("not_a_time", what, f"has no time zone: {text[:64]!r} (write it like {EXAMPLE})")
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
