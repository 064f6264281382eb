"""The commands a Packer template's shell provisioners run, at their lines of the template (read as shell by
``shipgate.preflight.embedded``; they run on the build instance Packer starts, as its SSH user with that image's
own sudo, or as root: nothing to report about the target's privilege).

Packer's documentation ("Shell Provisioner") gives the commands as ``inline``, a list of strings run one after the
other: in a JSON template under ``provisioners`` (``{"type": "shell", "inline": [...]}``), in HCL as a
``provisioner "shell" { inline = [...] }`` block of a ``build``. JSON is read with ``json`` and each string found in
the text after its key; HCL with a bounded reader of the block structure, comments and string literals (HCL's native
syntax: ``"…"`` with backslash escapes; ``${…}`` interpolations are kept as they are written). ``script``/``scripts``
name files of their own, and ``shell-local`` runs on the machine that runs Packer: neither is read here."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

Piece = tuple[int, str]

MAX_CHARS = 2_000_000
MAX_ITEMS = 2_000
_SHELL_BLOCK = re.compile(r'\bprovisioner\s+"shell"\s*\{')
_INLINE = re.compile(r"\binline\s*=\s*\[")
_JSON_INLINE = re.compile(r'"inline"\s*:\s*\[')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def is_template(path: str, text: str) -> bool:
    """A Packer template: ``*.pkr.hcl``/``*.pkr.json``, or JSON with ``builders`` and ``provisioners``."""
    lower = path.lower()
    if lower.endswith((".pkr.hcl", ".pkr.json")):
        return True
    return lower.endswith(".json") and '"provisioners"' in text and '"builders"' in text


def commands(path: str, text: str) -> list[Piece]:
    """(line, command) of every ``inline`` command of the template's shell provisioners."""
    if len(text) > MAX_CHARS:
        return []
    pieces = _hcl(text) if path.lower().endswith(".hcl") else _json(text)
    return pieces[:MAX_ITEMS]


def _json(text: str) -> list[Piece]:
    try:
        doc: Any = json.loads(text)
    except (ValueError, RecursionError):
        return []
    steps = doc.get("provisioners") if isinstance(doc, dict) else None
    pieces: list[Piece] = []
    cursor = 0
    for step in steps if isinstance(steps, list) else ():
        if not isinstance(step, dict) or not isinstance(step.get("inline"), list):
            continue
        key = _JSON_INLINE.search(text, cursor)
        if key is None:
            break
        cursor = key.end()
        for item in step["inline"]:
            if not isinstance(item, str):
                continue
            found = text.find(json.dumps(item), cursor)
            if found < 0:
                found = text.find(json.dumps(item, ensure_ascii=False), cursor)
            if found < 0:
                continue
            cursor = found + 1
            if step.get("type") == "shell":
                pieces.append((text.count("\n", 0, found) + 1, item))
    return pieces


def _hcl(text: str) -> list[Piece]:
    pieces: list[Piece] = []
    for block in _SHELL_BLOCK.finditer(text):
        end = _block_end(text, block.end())
        for inline in _INLINE.finditer(text, block.end(), end):
            before = text[text.rfind("\n", 0, inline.start()) + 1 : inline.start()]
            if "#" not in before and "//" not in before:  # not a commented-out line
                pieces.extend(_strings(text, inline.end(), end))
                break
    return pieces


def _block_end(text: str, start: int) -> int:
    """Where the block opened just before ``start`` closes (braces in strings and comments do not count)."""
    depth = 1
    for kind, at, _ in _tokens(text, start, len(text)):
        if kind == "{":
            depth += 1
        elif kind == "}":
            depth -= 1
            if depth == 0:
                return at
    return len(text)


def _strings(text: str, start: int, end: int) -> Iterator[Piece]:
    """The string literals of the list that starts at ``start``, up to its ``]``."""
    for kind, at, value in _tokens(text, start, end):
        if kind == "]":
            return
        if kind == '"':
            yield text.count("\n", 0, at) + 1, value


def _tokens(text: str, start: int, end: int) -> Iterator[tuple[str, int, str]]:
    """Braces, brackets and string literals from ``start``, skipping ``#``/``//``/``/* */`` comments."""
    i = start
    while i < end:
        c = text[i]
        if c == '"':
            value, close = _string(text, i + 1, end)
            yield '"', i, value
            i = close + 1
        elif c == "#" or text.startswith("//", i):
            newline = text.find("\n", i)
            i = end if newline < 0 else newline + 1
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2)
            i = end if close < 0 else close + 2
        else:
            if c in "{}[]":
                yield c, i, c
            i += 1


def _string(text: str, i: int, end: int) -> tuple[str, int]:
    """A string literal's value from just after its opening quote, and where its closing quote is."""
    out: list[str] = []
    while i < end and text[i] != '"':
        if text[i] == "\\" and i + 1 < end:
            out.append(_ESCAPES.get(text[i + 1], "\\" + text[i + 1]))
            i += 2
            continue
        if text[i] == "\n":
            break  # an unclosed string ends at its line
        out.append(text[i])
        i += 1
    return "".join(out), i
