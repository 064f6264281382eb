"""Which URLs in a Go program are only shown to people: a string literal that is the message of an error value
(``errors.New("… https://…")``, ``fmt.Errorf(…)``, pkg/errors' ``Errorf``/``Wrap``/``Wrapf``), or is printed or
logged (``fmt.Print*``, ``fmt.Fprint*`` to ``os.Stderr``/``os.Stdout``, a logger's ``Printf``/``Fatalf``/``Infof``/
``Warnf``/``Errorf``/``Debugf``…). ``fmt.Sprintf`` is not among them: it builds a string, often the URL a request is
then made to. Read through tree-sitter's Go grammar (the file is never built); ``shipgate.preflight.endpoints`` takes
these lines as mentions, not contacted hosts (docs/preflight.md, "Install programs in other languages"). A line that
also holds a URL anywhere else (a request beside a message) stays a contact."""

from __future__ import annotations

import re

import tree_sitter
import tree_sitter_go

from shipgate.preflight.markup import is_test_path
from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import parsed_shown_lines

Node = tree_sitter.Node

MAX_CHARS = 1_000_000
_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_go.language()))
_STRINGS = frozenset({"interpreted_string_literal", "raw_string_literal"})
# An error value's constructor, by its package: the string is the error's text, shown when the error is reported.
_ERROR_CONSTRUCTORS: dict[str, frozenset[str]] = {
    "errors": frozenset({"New", "Errorf", "Wrap", "Wrapf", "WithMessage"}),
    "fmt": frozenset({"Errorf"}),
}
# A call that prints or logs its arguments, on any receiver (``fmt``, ``log``, a logger, ``pterm``): the name says it.
_SHOWING = re.compile(r"^(?:Print|Fatal|Panic|Info|Warn|Error|Debug|Trace|Notice)(?:f|ln|w)?$")
# ``fmt.Fprint*`` shows only what it writes to the terminal (a file written so is a file's content).
_FPRINT = re.compile(r"^Fprint(?:f|ln)?$")
_TERMINAL = frozenset({"os.Stderr", "os.Stdout"})
# A cobra command's own terminal writers (``cmd.OutOrStdout()``), also through a name a statement of the function
# binds to one first (``out := cmd.OutOrStdout()``).
_WRITER_GETTERS = frozenset({"OutOrStdout", "OutOrStderr", "ErrOrStderr"})
_FUNCTIONS = frozenset({"func_literal", "function_declaration", "method_declaration"})
MAX_STATEMENTS = 200  # statements of the enclosing function looked at for the writer's binding
# Between a string and the call it is an argument of: the argument list, ``"a" + "b"``, parentheses.
_PASSING = frozenset({"argument_list", "binary_expression", "parenthesized_expression"})


def shown_lines(path: str, text: str) -> set[int]:
    """Lines of a Go file whose URLs are all in strings only shown to people (1-based)."""
    if len(text) > MAX_CHARS or not path.endswith(".go") or is_test_path(path) or "://" not in text:
        return set()
    return parsed_shown_lines(_PARSER, text, _STRINGS, _shown)


def _shown(node: Node) -> bool:
    """The string reaches, through an argument list, ``+`` or parentheses only, a call that shows it."""
    parent = node.parent
    while parent is not None and parent.type in _PASSING:
        parent = parent.parent
    return parent is not None and parent.type == "call_expression" and _showing_call(parent)


def _showing_call(call: Node) -> bool:
    function = call.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return False
    operand, field = function.child_by_field_name("operand"), function.child_by_field_name("field")
    owner, name = _text(operand), _text(field)
    if name in _ERROR_CONSTRUCTORS.get(owner, frozenset()):
        return True
    if _FPRINT.match(name):
        arguments = call.child_by_field_name("arguments")
        first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
        return _terminal(first)
    return owner != "errors" and bool(_SHOWING.match(name))


def _terminal(writer: Node | None) -> bool:
    if writer is None:
        return False
    if _text(writer) in _TERMINAL or _writer_call(writer):
        return True
    return writer.type == "identifier" and _bound_to_writer(writer)


def _writer_call(node: Node) -> bool:
    """``cmd.OutOrStdout()``: the command's terminal writer."""
    if node.type != "call_expression":
        return False
    function = node.child_by_field_name("function")
    if function is None or function.type != "selector_expression":
        return False
    return _text(function.child_by_field_name("field")) in _WRITER_GETTERS


def _bound_to_writer(name: Node) -> bool:
    """``out := cmd.OutOrStdout()`` among the enclosing function's top statements."""
    function = name.parent
    while function is not None and function.type not in _FUNCTIONS:
        function = function.parent
    body = function.child_by_field_name("body") if function is not None else None
    if body is None:
        return False
    statements = [c for n in body.named_children for c in (n.named_children if n.type == "statement_list" else [n])]
    for statement in statements[:MAX_STATEMENTS]:
        if statement.type != "short_var_declaration":
            continue
        left, right = statement.child_by_field_name("left"), statement.child_by_field_name("right")
        if left is None or right is None or len(left.named_children) != 1 or len(right.named_children) != 1:
            continue
        if _text(left.named_children[0]) == _text(name) and _writer_call(right.named_children[0]):
            return True
    return False
