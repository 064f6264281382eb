"""Blocks of a Perl script taken only on another operating system than the package's Linux host, read from the
tokens of ``shipgate.preflight.perl_script``'s bounded lexer (docs/preflight.md, "Program source").

A condition names the operating system when it compares Perl's name for it (``$^O``, ``$Config{osname}``) with a
literal by ``eq``/``ne``: ``$^O eq 'MSWin32'`` holds only on Windows, ``$^O ne 'linux'`` only off Linux. A constant
declared as such a comparison (``use constant IS_UNIX => ($Config{osname} ne 'MSWin32')``) stands for it, and ``!``
or ``not`` before the condition negates it. The block of an ``if`` whose condition holds only off Linux, the block
of an ``unless`` whose condition holds on Linux and the ``else`` block of the opposite ``if`` run on another
operating system: what they run or contact is not this target's. A condition that combines a comparison with other
tests (``&&``, ``||``) is not read: its block may run anywhere."""

from __future__ import annotations

from collections.abc import Sequence

from shipgate.preflight.perl_programs import Token

_HOST = "linux"  # the package's host: the inventories preflight checks against are Linux systems
_OS_NAMES = frozenset({"$^O", "$OSNAME", "$Config{osname}", '$Config{"osname"}', "$Config{'osname'}"})
_MAX_DEPTH_SCAN = 20_000  # tokens a block is followed for its closing brace


def other_os_spans(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(first, last) token indexes of each block that runs only on another operating system."""
    constants = _os_constants(tokens)
    spans: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if token.kind != "word" or token.text not in ("if", "unless", "elsif") or i + 1 >= len(tokens):
            continue
        if tokens[i + 1].text != "(":
            continue
        close = _closing(tokens, i + 1, "(", ")")
        if close is None or close + 1 >= len(tokens) or tokens[close + 1].text != "{":
            continue
        on_host = _on_host(tokens[i + 2 : close], constants)
        if on_host is None:
            continue
        if token.text == "unless":
            on_host = not on_host
        block_end = _closing(tokens, close + 1, "{", "}")
        if block_end is None:
            continue
        if not on_host:
            spans.append((close + 1, block_end))
        elif token.text != "elsif" and block_end + 2 < len(tokens) and tokens[block_end + 1].text == "else":
            other_end = _closing(tokens, block_end + 2, "{", "}") if tokens[block_end + 2].text == "{" else None
            if other_end is not None:
                spans.append((block_end + 2, other_end))
    return spans


def _os_constants(tokens: Sequence[Token]) -> dict[str, bool]:
    """``use constant NAME => (comparison)``: the constant's name → whether it holds on the host."""
    found: dict[str, bool] = {}
    for i, token in enumerate(tokens[:-4]):
        if token.text != "constant" or tokens[i - 1].text != "use" or tokens[i + 2].text not in ("=>", ","):
            continue
        end = i + 3
        while end < len(tokens) and end - i < 20 and tokens[end].text != ";":
            end += 1
        value = [t for t in tokens[i + 3 : end]]
        if value and value[0].text == "(" and value[-1].text == ")":
            value = value[1:-1]
        holds = _comparison(value)
        if holds is not None:
            found[tokens[i + 1].text] = holds
    return found


def _on_host(condition: Sequence[Token], constants: dict[str, bool]) -> bool | None:
    """Whether a condition holds on the host, when it is one operating-system test (else None)."""
    negated = False
    while condition and condition[0].text in ("!", "not"):
        negated, condition = not negated, condition[1:]
    if len(condition) == 1 and condition[0].kind == "word" and condition[0].text in constants:
        holds: bool | None = constants[condition[0].text]
    else:
        holds = _comparison(condition)
    return None if holds is None else holds != negated


def _comparison(tokens: Sequence[Token]) -> bool | None:
    """``$^O eq 'name'`` / ``$^O ne 'name'`` (either side): whether it holds on the host."""
    texts = [t.text for t in tokens]
    kinds = [t.kind for t in tokens]
    for k in range(len(texts) - 1):
        if texts[k : k + 2] == ["$^", "O"]:  # the lexer reads ``$^O`` as a punctuation variable and a word
            texts[k : k + 2], kinds[k : k + 2] = ["$^O"], ["var"]
            break
    if len(texts) != 3 or texts[1] not in ("eq", "ne"):
        return None
    names = [k for k in (0, 2) if kinds[k] == "var" and texts[k] in _OS_NAMES]
    literal = [texts[k] for k in (0, 2) if kinds[k] == "str"]
    if len(names) != 1 or len(literal) != 1:
        return None
    same = literal[0].lower() == _HOST
    return same if texts[1] == "eq" else not same


def _closing(tokens: Sequence[Token], at: int, open_: str, close: str) -> int | None:
    depth = 0
    for j in range(at, min(len(tokens), at + _MAX_DEPTH_SCAN)):
        if tokens[j].text == open_:
            depth += 1
        elif tokens[j].text == close:
            depth -= 1
            if depth == 0:
                return j
    return None
