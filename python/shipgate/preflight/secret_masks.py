"""Expansions that print only a short piece of a secret (docs/findings.md, ``secret_printed``).

``log_info "API Key: ${API_KEY:0:8}..."`` prints the key's first 8 characters so an operator can tell which key is
set: a mask, as ``****`` is. A substring expansion with a literal length (``${KEY:0:8}``) or a tail taken by a
negative offset (``${KEY: -4}``, ``${KEY:(-4)}``) prints at most that many characters; up to ``_MASK_MAX`` of them
(ten: ``${TOKEN:0:10}...``, holdout138) is a mask, more is the secret (a 40-character token printed as
``${TOKEN:0:40}`` is printed whole). A word that also expands the variable whole (``$KEY``, ``${KEY}``,
``${KEY:-x}``) still prints it."""

from __future__ import annotations

import re

_MASK_MAX = 10
# What follows the name inside ``${NAME…}``: ``:OFFSET:LENGTH`` or a negative offset alone.
_PIECE = re.compile(r"^:\s*(?:\d+\s*:\s*(\d+)|\(?\s*-\s*(\d+)\s*\)?)$")


def masked_only(name: str, raw: str) -> bool:
    """True when every expansion of ``name`` in the word's text ``raw`` prints at most ``_MASK_MAX`` characters."""
    expansions = re.finditer(r"\$(?:\{" + re.escape(name) + r"([^}]*)\}|" + re.escape(name) + r"(?!\w))", raw)
    found = False
    for m in expansions:
        found = True
        piece = _PIECE.match(m.group(1) or "")
        if piece is None or int(piece.group(1) or piece.group(2)) > _MASK_MAX:
            return False
    return found
