"""Line numbers of fields in a JSON text, so a manifest finding can cite where its field is.

Python's ``json`` keeps no positions; this is a small linear tokenizer over text already known to be valid
JSON. Paths are spelled as the manifest findings spell them: ``files[3].sha256``, ``package.vendor``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

# Whitespace, then one token: a string, a punctuation mark, or a scalar. Each alternative is linear.
_TOKEN = re.compile(r'[ \t\r\n]*(?:("(?:[^"\\]|\\.)*")|([{}\[\]:,])|([^ \t\r\n{}\[\]:,"]+))', re.S)


def field_lines(text: str, wanted: Iterable[str]) -> dict[str, int]:
    """Line (1-based) where each wanted field's key (or array element) starts; missing paths are left out.

    A path that does not exist (a missing field) falls back to its nearest existing parent.
    """
    targets = set(wanted)
    prefixes = {p for t in targets for p in _parents(t)}
    found: dict[str, int] = {"$": 1}
    remaining = len(targets - found.keys())
    # Frames: [path, is_array, index of the current element, expecting a key]
    stack: list[list[object]] = []
    line, last, pos = 1, 0, 0
    pending: str | None = None  # the path the next value belongs to
    root_seen = False
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        start = m.start(1) if m.group(1) else m.start(2) if m.group(2) else m.start(3)
        if start < 0:
            break
        line += text.count("\n", last, start)
        last = start
        pos = m.end()
        string, punct = m.group(1), m.group(2)
        frame = stack[-1] if stack else None
        if frame is not None and not frame[1] and frame[3] and string is not None:
            key = json.loads(string)
            path = f"{frame[0]}.{key}" if frame[0] else str(key)
            if path in prefixes and path not in found:
                found[path] = line
                remaining -= path in targets
            frame[3] = False
            pending = path
            continue
        if punct == ":":
            continue
        if punct == ",":
            if frame is not None:
                if frame[1]:
                    frame[2] = int(str(frame[2])) + 1
                else:
                    frame[3] = True
            continue
        if punct in ("}", "]"):
            stack.pop()
            continue
        # A value starts here.
        if frame is None:
            path = ""
            if root_seen:
                break
            root_seen = True
        elif frame[1]:
            path = f"{frame[0]}[{frame[2]}]"
            if path in prefixes and path not in found:
                found[path] = line
                remaining -= path in targets
        else:
            path = pending or ""
        if punct in ("{", "["):
            stack.append([path, punct == "[", 0, punct == "{"])
        if remaining <= 0:
            break
    out: dict[str, int] = {}
    for target in targets:
        for candidate in (target, *_parents(target)):
            if candidate in found:
                out[target] = found[candidate]
                break
    return out


def _parents(path: str) -> list[str]:
    """``files[3].sha256`` → [``files[3].sha256``, ``files[3]``, ``files``] (nearest first)."""
    out = [path]
    while True:
        cut = max(path.rfind("."), path.rfind("["))
        if cut <= 0:
            break
        path = path[:cut]
        out.append(path)
    return out
