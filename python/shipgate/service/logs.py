"""Structured logs: one JSON object per line on stderr (``time``, ``level``, ``message``, ``event``,
``request_id`` and whatever the call site adds with ``extra=``).

Fields often carry what a client or a package said (a target, a file name, a package name), so each string
value is capped at :data:`shipgate.textsafe.MAX_SHOWN` characters (a cut is marked with the original
length) and the line separators that ``json.dumps(ensure_ascii=False)`` leaves raw (U+2028, U+2029, and
U+0085, which ``str.splitlines`` treats as line ends) are written as ``\\u`` escapes: one record, one line.
Tracebacks (``error``) keep their length: they are the server's own text. The libraries' loggers
(``aiohttp``, ``asyncio``, ``grpc``) go through the same formatter, so nothing plain-text reaches the log.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import UTC, datetime

from shipgate.textsafe import MAX_SHOWN

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "taskName"}
_LINE_ENDS = {0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\u0085"}
LIBRARY_LOGGERS = ("aiohttp", "asyncio", "grpc")


def _capped(value: object) -> object:
    if isinstance(value, str) and len(value) > MAX_SHOWN:
        return f"{value[:MAX_SHOWN]}… ({len(value)} characters)"
    return value


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": _capped(record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                out[key] = _capped(value)
        if record.exc_info:
            out["error"] = self.formatException(record.exc_info)
        return json.dumps(out, ensure_ascii=False, default=str).translate(_LINE_ENDS)


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("shipgate")
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    root.propagate = False
    for name in LIBRARY_LOGGERS:
        library = logging.getLogger(name)
        library.handlers[:] = [handler]
        library.setLevel(logging.WARNING)
        library.propagate = False
