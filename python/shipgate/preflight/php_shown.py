"""Which URLs in a PHP program are only shown to people: a string literal given to ``echo``/``print``/``printf``, to
``fprintf``/``vfprintf`` on ``STDERR``/``STDOUT`` (holdout233's ptp: ``fprintf(STDERR, "… Install manually from
https://github.com/…/releases\\n", …)``), to ``exit``/``die``, ``error_log``/``trigger_error``, thrown as an
exception's message (``throw new RuntimeException("…")``), or written to a console's output (Composer's
``$event->getIO()->write(…)``/``writeError``, Symfony's ``$output->writeln(…)``: a receiver named ``io``/``output``
or ``getIO()``). Read through tree-sitter's PHP grammar (the file is never run); ``shipgate.preflight.endpoints``
takes these lines as mentions, not contacted hosts (the PHP form of ``ruby_shown``). ``sprintf`` is not among them:
it builds a string, often a command line or the URL then requested. A line that also holds a URL anywhere else
(a request beside a message) stays a contact."""

from __future__ import annotations

import tree_sitter
import tree_sitter_php

from shipgate.preflight.markup import is_test_path
from shipgate.preflight.php_values import arguments
from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import parsed_shown_lines

Node = tree_sitter.Node

MAX_CHARS = 1_000_000
_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_php.language_php()))
_STRINGS = frozenset({"string", "encapsed_string", "heredoc", "nowdoc"})
_SHOWING = frozenset({"printf", "die", "exit", "error_log", "trigger_error", "user_error"})
_TO_STREAM = frozenset({"fprintf", "vfprintf", "fwrite", "fputs"})
_STREAMS = frozenset({"STDERR", "STDOUT"})
_CONSOLE_WRITES = frozenset({"write", "writeln", "writeError", "writeErrorln", "error", "warning", "note", "comment"})
_CONSOLES = frozenset({"io", "output", "getio()"})
# Between a string and what shows it: a ``.`` join, parentheses, an argument.
_PASSING = frozenset({"binary_expression", "parenthesized_expression", "argument", "arguments"})
_MAX_UP = 32


def shown_lines(path: str, text: str) -> set[int]:
    """Lines of a PHP file whose URLs are all in strings only shown to people (1-based)."""
    if len(text) > MAX_CHARS or not path.lower().endswith(".php") or is_test_path(path) or "://" not in text:
        return set()
    return parsed_shown_lines(_PARSER, text, _STRINGS, _shown)


def _shown(node: Node) -> bool:
    """The string reaches, through ``.`` joins, parentheses and argument lists only, a statement or call that
    shows it."""
    current = node.parent
    for _ in range(_MAX_UP):
        if current is None or current.type not in _PASSING:
            break
        current = current.parent
    if current is None:
        return False
    if current.type in ("echo_statement", "print_intrinsic", "exit_statement"):
        return True
    if current.type == "object_creation_expression":
        return current.parent is not None and current.parent.type == "throw_expression"
    if current.type == "function_call_expression":
        name = _text(current.child_by_field_name("function")).split("\\")[-1].lower()
        return name in _SHOWING or (name in _TO_STREAM and _first_argument(current) in _STREAMS)
    if current.type == "member_call_expression":
        owner = _text(current.child_by_field_name("object")).replace(" ", "").rsplit("->", 1)[-1].lstrip("$")
        return _text(current.child_by_field_name("name")) in _CONSOLE_WRITES and owner.lower() in _CONSOLES
    return False


def _first_argument(call: Node) -> str:
    """The text of a call's first argument (``STDERR`` of ``fprintf(STDERR, …)``)."""
    args = arguments(call)
    return _text(args[0]) if args else ""
