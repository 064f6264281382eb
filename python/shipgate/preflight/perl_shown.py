"""Text a Perl script shows to people: the strings of its ``print``/``say``/``die`` statements, and a here-document
held in a scalar that only such statements use.

A statement that begins with a showing word (``print``, ``say``, ``warn``, ``die``…) runs to its ``;``: every string
literal in it is text for the terminal, also when the statement goes on over several lines (``say "… for
https://bugs.debian.org/654830". "\\nrespectively https://github.com/…";``). A line is shown only when every string
literal on it is (a request on the same line keeps it read). A scalar assigned a here-document (``my $usage_text =
<<"EOT";``) whose every other use is inside such a statement (``print "…\\n\\n" . $usage_text;``) is a message: the
lines of its body are shown. uptimed's ``fixup-duplicate-uprecords`` names the bug reports it fixes in both ways.

Read from ``perl_script``'s tokens (here-document bodies are blanked there; their openers are read from the text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.perl_programs import Token

MAX_STATEMENT = 400  # tokens of one showing statement read before its ``;`` (a longer one shows nothing more)
_SHOWING = frozenset({"die", "warn", "print", "printf", "say", "croak", "confess", "carp", "cluck"})
_STARTS = frozenset({";", "{", "}"})
_PRINTING = frozenset({"print", "printf", "say"})  # the showing words that may be given a file handle
_TERMINAL = frozenset({"STDOUT", "STDERR"})
# ``my $usage = <<"EOT";``, ``our $HELP = <<'END';``, ``$text = <<EOT;`` (the whole statement on the opener's line)
_HELD_HEREDOC = re.compile(
    r"""^\s*(?:(?:my|our|local)\s+)?(\$\w+)\s*=\s*<<\s*(?:"(\w+)"|'(\w+)'|([A-Za-z_]\w*)|~\s*"?([A-Za-z_]\w*)"?)\s*;"""
)


def _statements(tokens: Sequence[Token]) -> list[range]:
    """Index ranges of the showing statements: a showing word at a statement's start, to its ``;``."""
    found: list[range] = []
    for i, token in enumerate(tokens):
        if token.kind != "word" or token.text not in _SHOWING:
            continue
        if i > 0 and not (tokens[i - 1].kind == "op" and tokens[i - 1].text in _STARTS):
            continue
        if _to_file(tokens, i):
            continue  # print CONF "…", print $fh "…": written into a file, maybe one the product reads
        end = i + 1
        while end < len(tokens) and end - i < MAX_STATEMENT and not _ends(tokens[end]):
            end += 1
        found.append(range(i, end))
    return found


def _ends(token: Token) -> bool:
    return token.kind == "op" and token.text == ";"


def _to_file(tokens: Sequence[Token], i: int) -> bool:
    """``print``/``printf``/``say`` given a file handle other than the terminal's: a bareword (``CONF``), a block
    (``{$fh}``) or a scalar followed directly by what it prints (``$fh "…"``)."""
    if tokens[i].text not in _PRINTING or i + 1 >= len(tokens):
        return False
    handle = tokens[i + 1]
    if handle.kind == "word":
        return handle.text not in _TERMINAL
    if handle.kind == "op" and handle.text == "{":
        return True
    if handle.kind == "var" and handle.text.startswith("$") and i + 2 < len(tokens):
        return tokens[i + 2].kind in ("str", "var")
    return False


def _statement_lines(tokens: Sequence[Token], shown: Sequence[range]) -> set[int]:
    """Lines whose every string literal is in a showing statement."""
    inside = {i for span in shown for i in span}
    lines: dict[int, bool] = {}
    for i, token in enumerate(tokens):
        if token.kind == "str":
            lines[token.line] = lines.get(token.line, True) and i in inside
    return {line for line, all_shown in lines.items() if all_shown}


def _held_heredoc_lines(text: str, tokens: Sequence[Token], shown: Sequence[range]) -> set[int]:
    """Body lines of here-documents held in scalars that only showing statements use."""
    inside = {i for span in shown for i in span}
    uses_of: dict[str, list[int]] = {}
    for i, token in enumerate(tokens):
        if token.kind == "var":
            uses_of.setdefault(token.text, []).append(i)
    lines = text.split("\n")
    found: set[int] = set()
    for number, line in enumerate(lines):
        held = _HELD_HEREDOC.match(line)
        if held is None:
            continue
        name, tag = held.group(1), next(g for g in held.groups()[1:] if g)
        uses = [i for i in uses_of.get(name, ()) if tokens[i].line != number + 1]
        if not uses or any(i not in inside for i in uses):
            continue
        end = number + 1
        while end < len(lines) and lines[end].strip() != tag:
            end += 1
        found |= set(range(number + 2, end + 1))  # 1-based numbers of the body lines
    return found


def shown_text_lines(text: str, tokens: Sequence[Token]) -> set[int]:
    """1-based lines of ``text`` (a Perl script lexed into ``tokens``) that hold only text shown to people."""
    shown = _statements(tokens)
    if not shown:
        return set()
    return _statement_lines(tokens, shown) | _held_heredoc_lines(text, tokens, shown)
