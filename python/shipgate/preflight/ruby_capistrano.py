"""The commands a Capistrano deploy runs on its servers through SSHKit (hold-out set 269's CONSUL deploy).

A Capistrano deploy (``config/deploy.rb``, a task file under ``lib/capistrano/tasks/``) runs its commands on the
servers of a role inside ``on roles(:app) do … end``: SSHKit's ``execute``, ``capture`` and ``test`` send their
arguments there as one command line, a symbol first being the command's name (``execute :rake, "db:seed"`` runs
``rake db:seed``; SSHKit joins the words with spaces, unquoted). Outside such a block those names are no runner
(another library's ``execute``).

Their values come from the deploy's settings: ``fetch(:name)`` is what the file ``set :name, …`` to — a string,
strings chained with ``\\``, or a lambda that returns one (``set :cmd, -> { "#{fetch(:path)}/bin/x" }``). A name
set more than once or to anything else is an unknown value (docs/preflight.md, "Install and setup scripts in Ruby
and JavaScript")."""

from __future__ import annotations

import tree_sitter

Node = tree_sitter.Node

REMOTE_RUNS = frozenset({"execute", "capture", "test"})
_STRINGS = ("string", "chained_string")


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "surrogateescape")


def _bare_call(node: Node, name: str) -> bool:
    """``node`` is a call of ``name`` with no receiver."""
    method = node.child_by_field_name("method")
    return (
        node.type == "call"
        and node.child_by_field_name("receiver") is None
        and method is not None
        and _text(method) == name
    )


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in args.named_children if a.type != "comment"] if args is not None else []


def settings(nodes: list[Node]) -> dict[str, Node]:
    """NAME -> the string (or chained strings) a ``set :NAME, …`` the file writes once gives it."""
    counts: dict[str, int] = {}
    values: dict[str, Node] = {}
    for node in nodes:
        if not _bare_call(node, "set"):
            continue
        args = _arguments(node)
        if len(args) != 2 or args[0].type != "simple_symbol":
            continue
        name = _text(args[0])[1:]
        counts[name] = counts.get(name, 0) + 1
        value = _returned_string(args[1])
        if value is not None:
            values[name] = value
    return {name: value for name, value in values.items() if counts[name] == 1}


def _returned_string(value: Node) -> Node | None:
    """A string, or the one string a lambda's body is (``-> { "…" }``, ``-> do "…" end``)."""
    if value.type in _STRINGS:
        return value
    if value.type != "lambda":
        return None
    block = value.named_children[-1] if value.named_children else None
    body = block.named_children[-1] if block is not None and block.named_children else None
    named = [c for c in body.named_children if c.type != "comment"] if body is not None else []
    return named[0] if len(named) == 1 and named[0].type in _STRINGS else None


def fetched(node: Node) -> str | None:
    """``fetch(:name)`` (a default after the name too): the setting's name; None for any other value."""
    if not _bare_call(node, "fetch"):
        return None
    args = _arguments(node)
    return _text(args[0])[1:] if args and args[0].type == "simple_symbol" else None


def runs_remotely(call: Node) -> bool:
    """``execute``/``capture``/``test`` called bare inside the block of an ``on …`` call: SSHKit's runners."""
    if not any(_bare_call(call, name) for name in REMOTE_RUNS):
        return False
    parent = call.parent
    while parent is not None:
        if parent.type in ("do_block", "block") and parent.parent is not None and _bare_call(parent.parent, "on"):
            return True
        parent = parent.parent
    return False


def remote_words(call: Node) -> list[Node]:
    """The arguments SSHKit joins into the command line: keyword options (``raise_on_non_zero_exit: false``) out."""
    return [a for a in _arguments(call) if a.type not in ("pair", "hash", "block_argument")]
