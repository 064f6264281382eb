"""Lines tree-sitter-bash silently loses the structure of, found so they can be read alone.

Two ways the parser goes on without a word of error where the structure is gone:

- a ``[ … ]`` test whose ``]`` it does not see (an escaped operator: ``[ "$a" \\= "$b" ]``, ``[ "$a" \\> "$b" ]``):
  the test's node runs on over the rest of the block, the ``if`` it opens closes at the file's end and every later
  command is read inside it (an installer's downloads and checksum check fell into its version comparison
  function), or an ERROR node holds the ``[`` and the rest of the file; the same for a ``[[ … =~ … ]]`` whose regex
  has a quoted part (``^[0-9]{4}" "[0-9]{2}``): the parser does not read the regex, the ERROR node holds the ``[[``
  and every later quote pairs with the wrong one;
- a redirection that swallows the lines after it: after some pipelines ending in ``> "$DIR/x_$$.txt"`` the
  redirection's node goes on over the following lines, their words read as more targets (a migration sync whose
  ``if``/``while`` and the ``psql`` applying each script became words of one redirection).

``lost_regions`` finds them one at a time: the text is parsed again with what was found so far blanked (spaces,
line ends kept, so every other statement keeps its lines and its nesting; a test becomes ``:`` so ``if [ … ]; then``
keeps its ``then``), until none is left or the bound is reached. The reader then reads the blanked text and each
region as a text of its own at its lines (shell.reader). A region over ``MAX_REGION_LINES`` lines is not blanked,
and an ERROR node of ``REPORTED_ERROR_LINES`` lines or more left in the tree (tree-sitter's own recovery, which
goes on reading, is kept) is reported as read in part (``Script.incomplete``: preflight.file_skipped)."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from tree_sitter import Node, Parser, Query, QueryCursor, Tree

MAX_REGIONS = 8
MAX_REGION_LINES = 60
REPORTED_ERROR_LINES = 10
Region = tuple[int, int]  # first and last line (0-based) of lines read alone
# The words that open a test: ``[`` (a command) and ``[[`` (bash's keyword, whose ``=~`` regex the parser loses when a
# quoted part sits inside it: ``[[ $l =~ ^[0-9]{4}" "[0-9]{2} ]]``, the quotes after it then pair wrongly to the end)
_TEST_OPENERS = frozenset({"[", "[["})


@dataclass(frozen=True)
class _Cut:
    """Bytes ``start``-``end`` turned to spaces (``filler`` written first) and the lines ``region`` read alone."""

    region: Region
    start: int
    end: int
    filler: bytes = b""


@functools.cache
def _query(language: object) -> QueryCursor:
    # only the nodes over a line end: one test per line is the common case, and no node object is made for it
    pattern = '(ERROR) @e ((file_redirect) @r (#match? @r "\\n")) ((test_command) @t (#match? @t "\\n"))'
    return QueryCursor(Query(language, pattern))  # type: ignore[arg-type]


def _line_end_between(node: Node, before: Node, after: Node) -> bool:
    """A line end no backslash continues between two children of ``node``."""
    if after.start_point[0] <= before.end_point[0]:
        return False
    gap = (node.text or b"")[before.end_byte - node.start_byte : after.start_byte - node.start_byte]
    return gap.count(b"\n") > gap.count(b"\\\n")


def _swallowed(redirect: Node) -> Node | None:
    """The first node a redirection holds on a later line than its target: where the redirection's node runs on
    over statements of its own."""
    if redirect.end_point[0] == redirect.start_point[0]:
        return None
    children = redirect.named_children
    return next((b for a, b in itertools.pairwise(children) if _line_end_between(redirect, a, b)), None)


def _runaway_test(test: Node) -> bool:
    """A ``[ … ]`` test (a command: it ends at the line end) whose node runs on over later lines: the parser did
    not see its ``]`` (``[ "$a" \\= "$b" ]``, ``[ "$a" \\> "$b" ]``) and read the rest of the block as its
    operands. A line end inside a quoted operand or a command substitution (``[ "$k" != "$(gpg … |⏎ sed …)" ]``)
    is the operand's own: the test still ends on the line of its ``]``."""
    if test.end_point[0] == test.start_point[0] or test.child_count < 2 or test.children[0].type != "[":
        return False
    body = test.text or b""
    held = sum(_line_ends(n) for n in _quoted_operands(test))
    return body.count(b"\n") - held > body.count(b"\\\n")


_OPERAND_TEXTS = ("string", "raw_string", "command_substitution", "process_substitution")


def _quoted_operands(test: Node) -> Iterator[Node]:
    """The outermost strings and substitutions of ``test`` (each node of the test visited once)."""
    pending = list(test.children)
    while pending:
        node = pending.pop()
        if node.type in _OPERAND_TEXTS:
            yield node
        else:
            pending.extend(node.children)


def _line_ends(node: Node) -> int:
    body = node.text or b""
    return body.count(b"\n") - body.count(b"\\\n")


def _statement_end(node: Node) -> int:
    """The last line of the outermost statement around ``node`` (below the program, a function body or a block)."""
    current = node
    while current.parent is not None and current.parent.type not in ("program", "compound_statement", "do_group"):
        current = current.parent
    return current.end_point[0]


def _cuts(tree: Tree, language: object, source: bytes, lines: list[int]) -> list[_Cut]:
    """Every place ``tree`` lost the structure (module docstring); ``lines`` is filled with the line starts the
    first time one is found."""
    captures = _query(language).captures(tree.root_node)
    opened = [b for e in captures.get("e", []) for b in e.children if b.type in _TEST_OPENERS]  # held open by an error
    tests = [t for t in captures.get("t", []) if _runaway_test(t)]
    swallowing = [(r, a) for r in captures.get("r", []) if (a := _swallowed(r)) is not None]
    if not (opened or tests or swallowing):
        return []
    lines[:] = lines or line_starts(source)
    found = [_lines_cut(a.start_point[0], _statement_end(r), source, lines) for r, a in swallowing]
    return found + [_test_cut(n, source, lines) for n in (*tests, *opened)]


def _test_cut(test: Node, source: bytes, lines: list[int]) -> _Cut:
    """The test from its ``[`` to the last ``]`` of its line (the line's end when none), written as ``:``: an
    ``if [ … ]; then`` keeps its ``then``, and the line is read alone."""
    row = test.start_point[0]
    line_end = lines[row + 1] - 1 if row + 1 < len(lines) else len(source)
    close = source.rfind(b"]", test.start_byte, line_end)
    return _Cut((row, row), test.start_byte, close + 1 if close > test.start_byte else line_end, b":")


def _unread(tree: Tree, language: object) -> str | None:
    """The first error of ``tree`` over ``REPORTED_ERROR_LINES`` lines or more: commands there may be misread."""
    for error in _query(language).captures(tree.root_node).get("e", []):
        first, last = error.start_point[0] + 1, error.end_point[0] + 1
        if last - first + 1 >= REPORTED_ERROR_LINES:
            return f"lines {first}-{last} did not parse as shell statements (tree-sitter-bash): may be misread"
    return None


def _lines_cut(first: int, last: int, source: bytes, lines: list[int]) -> _Cut:
    end = lines[last + 1] - 1 if last + 1 < len(lines) else len(source)
    return _Cut((first, last), lines[first], end)


def blanked(source: bytes, cuts: list[_Cut]) -> bytes:
    """``source`` with each cut turned to spaces (line ends kept, so every other statement keeps its lines)."""
    data = bytearray(source)
    for cut in cuts:
        data[cut.start : cut.end] = bytes(b if b == 0x0A else 0x20 for b in data[cut.start : cut.end])
        data[cut.start : cut.start + len(cut.filler)] = cut.filler
    return bytes(data)


def region_text(source: bytes, lines: list[int], region: Region) -> bytes:
    first, last = region
    end = lines[last + 1] if last + 1 < len(lines) else len(source)
    return source[lines[first] : end]


def line_starts(source: bytes) -> list[int]:
    starts = [0]
    at = source.find(b"\n")
    while at != -1:
        starts.append(at + 1)
        at = source.find(b"\n", at + 1)
    return starts


def lost_regions(source: bytes, tree: Tree, parser: Parser, language: object) -> tuple[Tree, list[Region], str | None]:
    """The tree of ``source`` with the lost regions blanked, the regions (to read alone), and why the rest was not
    recovered (a region too large, or more than ``MAX_REGIONS``) or None."""
    cuts: list[_Cut] = []
    lines: list[int] = []
    while True:
        found = _cuts(tree, language, source, lines)
        if not found:
            return tree, [c.region for c in cuts], _unread(tree, language) if tree.root_node.has_error else None
        cut = min(found, key=lambda c: c.start)
        first, last = cut.region
        if last - first >= MAX_REGION_LINES or len(cuts) >= MAX_REGIONS or any(c.start == cut.start for c in cuts):
            why = f"lines {first + 1}-{last + 1} did not parse as shell statements (tree-sitter-bash)"
            return tree, [c.region for c in cuts], why
        cuts.append(cut)
        tree = parser.parse(blanked(source, cuts))
