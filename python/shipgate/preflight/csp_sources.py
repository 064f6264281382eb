"""Hosts in a Content-Security-Policy source list: the browser's permissions, not hosts the server contacts.

A policy names the places a browser may load from or connect to (``connect-src 'self' wss://cryptpad.fr``), in a
header a web server adds (nginx ``add_header Content-Security-Policy "…"``, Apache ``Header set …``) or in a
variable that header is built from (``set $connectSrc "'self' wss://cryptpad.fr"``). A URL is read as such a source
when, before it on its line, a directive (``default-src``, ``connect-src``, ``frame-ancestors``…) or a keyword source
written with its single quotes (``'self'``, ``'none'``, ``'unsafe-inline'``…) opens the list; a keyword without its
quotes (``self``) is an ordinary word.
"""

from __future__ import annotations

import re

_SOURCE_LIST = re.compile(
    r"(?i)(?:\b(?:default|script|style|img|font|connect|media|object|frame|child|worker|manifest|prefetch|form)"
    r"-src(?:-elem|-attr)?\b|\bframe-ancestors\b|\bbase-uri\b|\bform-action\b"
    r"|'(?:self|none|unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|wasm-unsafe-eval|report-sample)')"
)


def csp_source(line: str, start: int) -> bool:
    """The URL at ``start`` sits in a CSP source list that opens earlier on the line."""
    return _SOURCE_LIST.search(line, 0, start) is not None
