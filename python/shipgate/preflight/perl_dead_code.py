"""Code of a Perl script that never runs: the statements after an unconditional ``exit``/``die`` in the same block,
and the subs called only from such code (docs/preflight.md, "Program source").

An ``exit(1);`` left in the middle of an installer's ``sub main`` (a developer's stop while debugging) ends every
run there: the steps after it in that block are text, not commands. A statement that only may end the run (``exit
if …``, ``… or die``, ``die … unless …``) ends nothing. Sub definitions after the stop are still compiled, so they
are not dead by position; a sub is dead when every mention of its name outside its own body is in dead code (a sub
never mentioned keeps running as before: a dispatch table or a string ``eval`` may call it)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from shipgate.preflight.perl_programs import Token
from shipgate.preflight.perl_subs import definitions

ENDS = frozenset({"die", "exit", "croak", "confess"})
STOP_WORDS = frozenset({"or", "and", "if", "unless", "||", "&&"})


def conditional(tokens: Sequence[Token], at: int) -> bool:
    """The statement around ``tokens[at]`` runs it only on a further condition (``… if …``, ``… unless …``, ``… or
    exit``)."""
    start = at
    while start > 0 and tokens[start - 1].text not in (";", "{", "}"):
        start -= 1
    end = at
    while end < len(tokens) and tokens[end].text not in (";", "}"):
        end += 1
    return any(t.text in STOP_WORDS for t in tokens[start:end] if t.kind in ("word", "op"))


def dead_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(first, last) token indexes of the code that never runs: the rest of a block after its unconditional stop
    (less the subs defined there) and the bodies of the subs only that code calls. Linear in the tokens but for
    the subs' fixpoint: a stop inside code already dead is not walked again (a file of 50,000 ``exit;`` lines)."""
    subs = sorted(definitions(tokens), key=lambda sub: sub[1])
    starts = [start for _, start, _ in subs]
    dead = bytearray(len(tokens))
    for at in range(len(tokens)):
        span = None if dead[at] else _after_stop(tokens, at)
        if span is None:
            continue
        dead[span[0] : span[1] + 1] = b"\x01" * (span[1] + 1 - span[0])
        for _, start, end in subs[bisect.bisect_left(starts, span[0] + 2) :]:
            if start > span[1]:
                break
            if end <= span[1]:  # a sub defined after the stop is compiled all the same
                dead[start - 2 : end + 1] = b"\x00" * (end + 3 - start)
    spans = [_run_of(dead, at) for at in range(len(tokens)) if dead[at] and (at == 0 or not dead[at - 1])]
    mentions = _mentions(tokens, {name for name, _, _ in subs})
    changed = True
    while changed:  # a sub called only from dead code (or from subs so called) is dead too
        changed = False
        for name, start, end in subs:
            outside = [m for m in mentions.get(name, ()) if not start < m < end]
            if not dead[start] and outside and all(dead[m] for m in outside):
                dead[start : end + 1] = b"\x01" * (end + 1 - start)
                spans.append((start, end))
                changed = True
    return spans


def _after_stop(tokens: Sequence[Token], at: int) -> tuple[int, int] | None:
    """The rest of the block after ``exit …;``/``die …;`` at ``at`` when the statement stops every run."""
    token = tokens[at]
    if token.kind != "word" or token.text not in ENDS:
        return None
    if at and tokens[at - 1].text not in (";", "{", "}"):
        return None  # not the statement's first word: ``foo() or die``, ``$x = exit``, a method or hash key
    if at + 1 < len(tokens) and tokens[at + 1].text in ("=>", ","):
        return None
    if conditional(tokens, at):
        return None
    end = at
    while end < len(tokens) and tokens[end].text not in (";", "}", "{"):
        end += 1
    if end >= len(tokens) or tokens[end].text != ";":
        return None  # the block's last statement, or a block of its own (``die { … }``): nothing after it
    depth = 0
    for j in range(end + 1, len(tokens)):
        if tokens[j].text == "{":
            depth += 1
        elif tokens[j].text == "}":
            depth -= 1
            if depth < 0:
                return (end + 1, j - 1) if j > end + 1 else None
    return (end + 1, len(tokens) - 1) if end + 1 < len(tokens) else None


def _run_of(dead: bytearray, first: int) -> tuple[int, int]:
    last = first
    while last + 1 < len(dead) and dead[last + 1]:
        last += 1
    return first, last


def _mentions(tokens: Sequence[Token], names: set[str]) -> dict[str, list[int]]:
    """Indexes of the words and strings naming each sub, less its ``sub NAME`` declarations, in one pass."""
    out: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        if t.text in names and t.kind in ("word", "str") and (i == 0 or tokens[i - 1].text != "sub"):
            out.setdefault(t.text, []).append(i)
    return out
