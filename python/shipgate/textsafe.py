"""Strings from packages and clients, made safe to show: on a terminal, in a log line, in a message.

A package name, a file name inside an archive, a client's ``target`` or ``file_name`` are written by whoever
built the package or called the service. Printed raw, ``\\x1b[2J`` clears an operator's screen and a newline
forges a line of a listing; U+2028/U+2029/U+0085 split a JSON log line for readers that use
``str.splitlines``; bidirectional overrides reorder what a reviewer reads. :func:`printable` shows every such
character as an escape (``\\x1b``, ``\\u2028``) and caps the length; apply it where such a string meets a
person or a line-oriented reader (text reports, listings, log fields, admission messages).
"""

from __future__ import annotations

# Longest client- or package-supplied string kept in a log field or a message.
MAX_SHOWN = 512

_BIDI = (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
_LINE_BREAKS = (0x2028, 0x2029)
_ESCAPES = {
    code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    for code in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *_LINE_BREAKS, *_BIDI)
}


def printable(text: str, *, limit: int | None = MAX_SHOWN) -> str:
    """``text`` with control, line-separator and bidi characters escaped, cut to ``limit`` characters
    (``…`` and the original length mark a cut)."""
    shown = text.translate(_ESCAPES)
    if limit is not None and len(shown) > limit:
        return f"{shown[:limit]}… ({len(text)} characters)"
    return shown


def for_log(text: str) -> str:
    """A client-supplied string for a log field or an error message: escaped and capped."""
    return printable(text, limit=MAX_SHOWN)
