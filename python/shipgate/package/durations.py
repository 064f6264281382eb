"""Durations as people write them in manifests and on the command line: ``5m``, ``1h30m``, ``90s``,
``2h``, ``1.5h``, and ISO 8601 ``PT5M`` / ``PT1H30M``. A bare number is minutes (``"downtime": 5``).

shipgate's own small reader: the two spellings above are all a manifest's ``downtime`` or ``--window`` need,
and every input is a few characters (longer text is refused before any pattern runs).
"""

from __future__ import annotations

import re
from datetime import timedelta

MAX_DURATION_CHARS = 32
# A window longer than a week is not a maintenance window.
MAX_DURATION = timedelta(days=7)

_UNITS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "min": 60.0, "s": 1.0, "sec": 1.0}
_HUMAN = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|min|m|sec|s)", re.IGNORECASE)
_HUMAN_WHOLE = re.compile(r"^(?:\s*\d+(?:\.\d+)?\s*(?:d|h|min|m|sec|s)\s*)+$", re.IGNORECASE)
_ISO = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")


class DurationError(ValueError):
    """A duration text that cannot be read; the message shows the accepted spellings."""


def parse_duration(value: str | int | float) -> timedelta:
    """``5m`` → 5 minutes; a bare number is minutes. Raises :class:`DurationError`."""
    if isinstance(value, bool):
        raise DurationError(f"{value!r} is not a duration")
    if isinstance(value, int | float):
        seconds = float(value) * 60
    else:
        text = value.strip()
        if len(text) > MAX_DURATION_CHARS or not text:
            raise DurationError(f"{value[:MAX_DURATION_CHARS]!r} is not a duration (write 5m, 1h30m, 90s or PT5M)")
        seconds = _seconds(text)
    if seconds <= 0 or seconds > MAX_DURATION.total_seconds():
        raise DurationError(f"{value!r}: a duration must be positive and at most {MAX_DURATION.days} days")
    return timedelta(seconds=seconds)


def _seconds(text: str) -> float:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) * 60
    iso = _ISO.match(text.upper())
    if iso and any(iso.groups()):
        days, hours, minutes, secs = (float(g) if g else 0.0 for g in iso.groups())
        return days * 86400 + hours * 3600 + minutes * 60 + secs
    if _HUMAN_WHOLE.match(text):
        return sum(float(n) * _UNITS[unit.lower()] for n, unit in _HUMAN.findall(text))
    raise DurationError(f"{text!r} is not a duration (write 5m, 1h30m, 90s or PT5M)")


def format_duration(value: timedelta) -> str:
    """``1h 05m``, ``7m 30s``, ``45s``: short and exact to the second."""
    total = round(value.total_seconds())
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m" if not seconds else f"{hours}h {minutes:02d}m {seconds:02d}s"
    if minutes:
        return f"{minutes}m" if not seconds else f"{minutes}m {seconds:02d}s"
    return f"{seconds}s"
