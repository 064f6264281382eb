"""A password stored as its digest beside the salt it was made with: not the password, but what a login checks it
against (Sureness' ``credential: 1A67…`` with ``salt: 123`` under it). A hex digest of MD5, SHA-1, SHA-256 or
SHA-512 length, with a ``…salt`` setting at the same indentation within three lines either side and in the same
block (no shallower line between; block_siblings), is read as such a digest. A long hex value with no salt beside it
stays a password (``openssl rand -hex 16`` makes one of the same shape)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.block_siblings import key_column, sibling_in_block

_HEX_DIGEST = re.compile(r"[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128}")
_SALT_SETTING = re.compile(r"""(?i)^\s*(?:-\s+)?["']?[\w.-]*salt["']?\s*[:=]\s*\S""")
_WINDOW = 3


def digest_beside_salt(lines: Sequence[str], number: int, value: str) -> bool:
    """Whether ``value``, found on 1-based line ``number`` of ``lines``, is a hex digest next to its salt."""
    if not _HEX_DIGEST.fullmatch(value.strip().strip("\"'")):
        return False
    return sibling_in_block(lines, number, _WINDOW, _SALT_SETTING.match, key_column)
