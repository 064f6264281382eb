"""Which URLs in Rust source are only shown to people: a string literal a printing or logging macro writes
(``println!``, ``eprintln!``, ``print!``, ``eprint!``, ``panic!``, the ``log`` crate's ``info!``/``warn!``/…,
``anyhow!``/``bail!``), also a Cargo build script's ``println!("cargo:warning=…")`` and the rest of what it prints
for Cargo, or the message of ``.expect("…")``. ``format!`` is not among them: it builds a string, often the URL a
request is then made to. Read through tree-sitter's Rust grammar; ``shipgate.preflight.endpoints`` takes these
lines as mentions, not contacted hosts (the Rust form of ``go_shown``). A line that also holds a URL anywhere else
(a request beside a message) stays a contact."""

from __future__ import annotations

import tree_sitter
import tree_sitter_rust

from shipgate.preflight.markup import is_test_path
from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import parsed_shown_lines

Node = tree_sitter.Node

MAX_CHARS = 1_000_000
_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_rust.language()))
_STRINGS = frozenset({"string_literal", "raw_string_literal"})
_SHOWING = frozenset(
    {
        "println",
        "eprintln",
        "print",
        "eprint",
        "panic",
        "info",
        "warn",
        "error",
        "debug",
        "trace",
        "log",
        "unreachable",
        "todo",
        "unimplemented",
        "anyhow",
        "bail",
        "ensure",
        "assert",
        "assert_eq",
    }
)
_MAX_UP = 32


def shown_lines(path: str, text: str) -> set[int]:
    """Lines of a Rust file whose URLs are all in strings only shown to people (1-based)."""
    if len(text) > MAX_CHARS or not path.endswith(".rs") or is_test_path(path) or "://" not in text:
        return set()
    return parsed_shown_lines(_PARSER, text, _STRINGS, _shown)


def _shown(node: Node) -> bool:
    """The string is in a showing macro's tokens (``log::warn!`` by its last name) or ``.expect``'s argument."""
    parent = node.parent
    for _ in range(_MAX_UP):
        if parent is None or parent.type != "token_tree":
            break
        parent = parent.parent
    if parent is not None and parent.type == "macro_invocation":
        return _text(parent.child_by_field_name("macro")).rsplit("::", 1)[-1] in _SHOWING
    if parent is not None and parent.type == "arguments" and parent.parent is not None:
        function = parent.parent.child_by_field_name("function")
        field = function.child_by_field_name("field") if function is not None else None
        return function is not None and function.type == "field_expression" and _text(field) == "expect"
    return False
