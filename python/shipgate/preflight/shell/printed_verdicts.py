"""A function that prints whether the script runs as root, and the tests that compare what it printed.

``isRoot() { if [ "$(id -u)" -eq 0 ]; then echo "true"; else echo "false"; fi; }`` answers on its output, not its
status: ``[ "$(isRoot)" != "true" ]`` is then a uid test (true for every user but root). A function is read as such
a verdict when one of its ``if`` statements tests the uid and each of its two branches does nothing but print one
literal, a different one in each. Its entry in the reader's root flags is keyed ``name()`` (shell.guards): the
literal printed as root, the one printed otherwise."""

from __future__ import annotations

import re
from collections.abc import Mapping

from tree_sitter import Node

from shipgate.preflight.shell.words import text

_PRINTERS = frozenset({"echo", "printf"})
_LITERAL = frozenset({"word", "string", "raw_string"})
_CALL = re.compile(r"\$\(\s*([A-Za-z_][\w-]*)\s*\)|`\s*([A-Za-z_][\w-]*)\s*`")
_SUFFIX = "()"


def verdict_key(function: str) -> str:
    """The root flags' key of a function's printed verdict (never a variable's name)."""
    return function + _SUFFIX


def flag_name(key: str) -> str:
    """What a root flag's key is written as in a test: the variable, or the function a verdict key names."""
    return key.removesuffix(_SUFFIX)


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _printed(body: list[Node]) -> str | None:
    """The literal a branch prints when printing one is all it does (``echo "true"``)."""
    if len(body) != 1 or body[0].type != "command":
        return None
    name = body[0].child_by_field_name("name")
    words = [c for c in body[0].named_children if c.type != "command_name"]
    if name is None or text(name) not in _PRINTERS or len(words) != 1 or words[0].type not in _LITERAL:
        return None
    said = _unquote(text(words[0]))
    return said if said and "$" not in said and "`" not in said and "\\" not in said else None


def printed_verdict(node: Node, body: list[Node], polarity: str) -> tuple[str, str] | None:
    """For an ``if`` on a uid test (``polarity``: when its test holds) whose branches each only print a literal:
    (printed as root, printed otherwise); None for any other ``if``."""
    others = [c for c in node.named_children if c.type in ("elif_clause", "else_clause")]
    if len(others) != 1 or others[0].type != "else_clause":
        return None
    then, otherwise = _printed(body), _printed(list(others[0].named_children))
    if then is None or otherwise is None or then == otherwise:
        return None
    return (then, otherwise) if polarity == "root" else (otherwise, then)


def verdict_polarity(left: str, operator: str, right: str, flags: Mapping[str, tuple[str, str]]) -> str | None:
    """``"$(isRoot)" != "true"`` of a verdict function: 'root' when the comparison holds for root, 'not-root' when
    it holds for other users; None when neither side calls one or the literal is neither of its two."""
    for operand, other in ((left, right), (right, left)):
        call = _CALL.fullmatch(_unquote(operand))
        key = verdict_key(call.group(1) or call.group(2)) if call is not None else ""
        if key not in flags or "$" in other:
            continue
        as_root, otherwise = flags[key]
        said = _unquote(other)
        if said not in (as_root, otherwise):
            return None
        if operator in ("=", "=="):
            return "root" if said == as_root else "not-root"
        if operator == "!=":
            return "not-root" if said == as_root else "root"
    return None
