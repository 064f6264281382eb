"""Brace expansion: ``cp -r $tmp/{pages,static,bin} .`` passes one word per alternative, as bash makes them before
anything else. Read from the word as written (an unquoted ``{a,b}`` list of literal alternatives; braces inside
quotes, ``${…}`` expansions and ``{1..3}`` sequences are left as they are), and bounded: at most ``MAX_WORDS``
words come out of one."""

from __future__ import annotations

import dataclasses
import re

from shipgate.preflight.shell.model import Word

MAX_WORDS = 16
# An alternative that is literal text: no quote, expansion, glob or nested brace.
_LITERAL = re.compile(r"^[\w.+@%:/=~-]*$")


def expanded(word: Word) -> list[Word]:
    """The words bash makes of ``word`` by brace expansion (``[word]`` when it has no unquoted list)."""
    if "{" not in word.raw or "," not in word.raw:
        return [word]
    out = [word]
    while len(out) < MAX_WORDS:
        found = _first_list(out[0].raw)
        if found is None:
            return out
        written, alternatives = found
        made = [w2 for w in out for w2 in _each(w, written, alternatives)]
        if len(made) > MAX_WORDS:
            return out
        out = made
    return out


def _each(word: Word, written: str, alternatives: list[str]) -> list[Word]:
    def put(text: str | None, alternative: str) -> str | None:
        return text.replace(written, alternative, 1) if text is not None and written in text else text

    return [
        dataclasses.replace(
            word,
            raw=word.raw.replace(written, alternative, 1),
            value=put(word.value, alternative),
            shape=put(word.shape, alternative),
            prefix=put(word.prefix, alternative),
        )
        for alternative in alternatives
    ]


def _first_list(raw: str) -> tuple[str, list[str]] | None:
    """The first unquoted ``{a,b,…}`` of ``raw`` and its alternatives; None when there is none."""
    i, quote = 0, ""
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and quote != "'":
            i += 2
            continue
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "$" and raw[i + 1 : i + 2] in ("{", "("):
            i = _closing(raw, i + 1)
        elif ch == "{":
            end = raw.find("}", i)
            inner = raw[i + 1 : end] if end != -1 else ""
            parts = inner.split(",")
            if len(parts) > 1 and all(_LITERAL.match(p) for p in parts):
                return raw[i : end + 1], parts
        i += 1
    return None


def _closing(raw: str, start: int) -> int:
    """The index of the bracket closing the one at ``start`` (``${…}``, ``$(…)``), or the end of ``raw``."""
    opening = raw[start]
    closing = "}" if opening == "{" else ")"
    depth = 0
    for j in range(start, len(raw)):
        if raw[j] == opening:
            depth += 1
        elif raw[j] == closing:
            depth -= 1
            if depth == 0:
                return j
    return len(raw)
