"""Which URLs in a Ruby program are only shown to people: a string literal given to ``puts``/``print``/``warn``/
``abort`` (also on ``$stdout``, ``$stderr``, ``STDOUT``, ``STDERR`` or ``Kernel``; a heredoc's text when its
``<<~TAG`` is the argument: ``abort <<-EOS unless …``), to a generator's ``say``/
``say_status``, raised as an error's message (``raise "…"``, ``raise Error, "…"``, ``SomeError.new("…")``), or
written as a statement of a method named for a command's help text (``def self.banner``, ``def usage``).
Read through tree-sitter's Ruby grammar (the file is never run); ``shipgate.preflight.endpoints`` takes these lines
as mentions, not contacted hosts (docs/preflight.md, "Install programs in other languages"). A line that also holds
a URL anywhere else (a ``system("curl …")`` beside a message) stays a contact."""

from __future__ import annotations

import posixpath
import re

import tree_sitter
import tree_sitter_ruby

from shipgate.preflight.syntax_nodes import only_shown_lines, parsed_nodes

Node = tree_sitter.Node

MAX_CHARS = 1_000_000
_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_ruby.language()))
_INTERPRETER = re.compile(r"#!\s*\S*?(?:/env\s+(?:-S\s+)?)?\S*ruby")
_SHOWING = frozenset({"puts", "print", "printf", "warn", "abort", "raise", "fail", "say", "say_status"})
_SHOWING_OWNERS = frozenset({"$stdout", "$stderr", "STDOUT", "STDERR", "Kernel"})
# Methods a command-line framework calls for a command's help text (CLAide's ``self.banner``/``self.summary``/
# ``self.description``, a ``usage``/``help`` method): what they return is printed.
_HELP_METHODS = frozenset({"banner", "summary", "description", "usage", "help"})
# Between a string and the call it is an argument of: the argument list, ``"a" + "b"``, parentheses, interpolation.
_PASSING = frozenset({"argument_list", "binary", "parenthesized_statements", "interpolation", "string"})


def shown_lines(path: str, text: str) -> set[int]:
    """Lines of a Ruby file whose URLs are all in strings only shown to people (1-based)."""
    lower = path.lower()
    ruby = lower.endswith((".rb", ".rake")) or posixpath.basename(lower) == "rakefile" or _INTERPRETER.match(text[:200])
    if len(text) > MAX_CHARS or not ruby or "://" not in text:
        return set()
    nodes = parsed_nodes(_PARSER, text)
    if nodes is None:
        return set()
    # a string inside another (an interpolation's) is read with the one around it
    strings = [n for n in nodes if n.type == "string" and (n.parent is None or n.parent.type != "string")]
    begun = _heredoc_beginnings(nodes)  # a heredoc's text is shown when its opener is
    bodies = [n for n in nodes if n.id in begun]
    return only_shown_lines([*strings, *bodies], lambda n: _shown(begun.get(n.id, n)))


def _heredoc_beginnings(nodes: list[Node]) -> dict[int, Node]:
    """Heredoc body (by node id) → the ``<<~TAG`` that opens it: the body starts on the opener's line (``abort
    <<-EOS unless …`` then the text, then ``EOS``); of several openers on one line, the one whose tag ends it."""
    on_row: dict[int, list[Node]] = {}
    for node in nodes:
        if node.type == "heredoc_beginning":
            on_row.setdefault(node.start_point[0], []).append(node)
    begun: dict[int, Node] = {}
    for node in nodes:
        openers = on_row.get(node.start_point[0], []) if node.type == "heredoc_body" else []
        end = next((_text(c).strip() for c in node.children if c.type == "heredoc_end"), "")
        tagged = [o for o in openers if re.sub(r"^<<[-~]?", "", _text(o)).strip("'\"`") == end]
        opener = openers[0] if len(openers) == 1 else (tagged[0] if tagged else None)
        if opener is not None:
            begun[node.id] = opener
    return begun


def _shown(node: Node) -> bool:
    """The string (or a heredoc's opener) reaches, through an argument list, ``+`` or parentheses only, a call that
    shows it; or it is a statement of a method that returns a command's help text."""
    parent = node.parent
    while parent is not None and parent.type in _PASSING:
        parent = parent.parent
    return (parent is not None and parent.type == "call" and _showing_call(parent)) or _help_text(node)


def _help_text(node: Node) -> bool:
    """A string written as a statement of a method named for a command's help (CLAide's ``def self.banner``,
    ``def usage``, ``def self.summary``): the command-line framework prints what the method returns."""
    body = node.parent
    method = body.parent if body is not None and body.type == "body_statement" else None
    if method is None or method.type not in ("method", "singleton_method"):
        return False
    name = method.child_by_field_name("name")
    return name is not None and _text(name) in _HELP_METHODS


def _showing_call(call: Node) -> bool:
    method = call.child_by_field_name("method")
    receiver = call.child_by_field_name("receiver")
    name = _text(method) if method is not None else ""
    owner = _text(receiver) if receiver is not None else None
    if name in _SHOWING and (owner is None or owner in _SHOWING_OWNERS):
        return True
    # ``SomeError.new("… https://…")``: an exception's message
    return name == "new" and owner is not None and owner.endswith(("Error", "Exception"))


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "surrogateescape")
