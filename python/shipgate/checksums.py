"""Checksum lines as coreutils writes and reads them (``sha256sum``, ``b3sum``, ``--tag``).

Untagged: ``<hex>  <path>`` (or ``<hex> *<path>`` in binary mode). Tagged (BSD style, used when several
algorithms are printed at once): ``SHA256 (<path>) = <hex>``. A path holding a newline or a backslash is
escaped and the line starts with ``\\``, exactly as GNU coreutils does, so our output checks with
``sha256sum -c`` and theirs with ``shipgate hash --check``.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from shipgate.errors import MalformedInput

# Tag spelled as coreutils and b3sum spell it.
TAGS = {"sha256": "SHA256", "sha512": "SHA512", "blake3": "BLAKE3"}
HEX_LENGTH = {"sha256": 64, "sha512": 128, "blake3": 64}

_TAGGED = re.compile(r"^(?P<tag>[A-Z0-9]+) \((?P<path>.*)\) = (?P<hex>[0-9a-fA-F]+)$")
_UNTAGGED = re.compile(r"^(?P<hex>[0-9a-fA-F]+) [ *](?P<path>.*)$")


class ChecksumLine(NamedTuple):  # a NamedTuple: `shipgate hash` starts without importing dataclasses
    algorithm: str
    hexdigest: str
    path: str


def _escape(path: str) -> tuple[str, str]:
    if "\\" not in path and "\n" not in path and "\r" not in path:
        return "", path
    return "\\", path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")


def _unescape(path: str) -> str:
    out = []
    chars = iter(path)
    for c in chars:
        if c != "\\":
            out.append(c)
            continue
        nxt = next(chars, "")
        out.append({"n": "\n", "r": "\r", "\\": "\\"}.get(nxt, "\\" + nxt))
    return "".join(out)


def format_line(algorithm: str, hexdigest: str, path: str, *, tagged: bool) -> str:
    prefix, escaped = _escape(path)
    if tagged:
        return f"{prefix}{TAGS[algorithm]} ({escaped}) = {hexdigest}"
    return f"{prefix}{hexdigest}  {escaped}"


def parse_line(line: str, *, default_algorithm: str) -> ChecksumLine:
    """Parse one line of a sums file; untagged lines take ``default_algorithm``."""
    escaped = line.startswith("\\")
    body = line[1:] if escaped else line
    if m := _TAGGED.match(body):
        algorithm = {tag: name for name, tag in TAGS.items()}.get(m["tag"])
        if algorithm is None:
            raise MalformedInput(f"unsupported checksum tag {m['tag']!r}")
    elif m := _UNTAGGED.match(body):
        algorithm = default_algorithm
    else:
        raise MalformedInput("not a checksum line")
    hexdigest = m["hex"].lower()
    if len(hexdigest) != HEX_LENGTH[algorithm]:
        raise MalformedInput(f"a {algorithm} digest has {HEX_LENGTH[algorithm]} hex digits, not {len(hexdigest)}")
    path = _unescape(m["path"]) if escaped else m["path"]
    return ChecksumLine(algorithm=algorithm, hexdigest=hexdigest, path=path)
