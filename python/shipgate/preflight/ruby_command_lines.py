"""Command lines a Ruby script keeps in a local variable before it runs them (hold-out round 115's deploylist):
``setup = ['cp a b', 'bundle install', 'rake db:setup'].join(" && ")`` then ``system(setup)`` runs the joined
line, as ``system('cp a b && bundle install && rake db:setup')`` does.

A local is read as a command line when the file assigns it exactly once, to a string literal or to an array of
string literals joined with a literal separator; a name assigned twice, an array with any other element or a join
with a separator that is not a literal stays an unknown value (``${RB_VALUE}``).

A local assigned a hash literal (``production = { "RAILS_ENV" => "production" }``) is no word of a command: handed
first to ``system``/``spawn``/``exec`` it is the environment the command runs with (Ruby's ``system([env,]
command…)``), as a hash literal there is (holdout193's wettkampf-manager: ``system(production, "bundle exec rake
db:migrate")`` runs that command line)."""

from __future__ import annotations

from collections.abc import Callable

import tree_sitter

from shipgate.preflight.syntax_nodes import walk

Node = tree_sitter.Node
ShellText = Callable[[Node], str]  # a string literal's text as a command line (interpolations as values)


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "surrogateescape")


def _local_assignments(nodes: list[Node]) -> tuple[dict[str, int], list[tuple[str, Node]]]:
    """How often each local is assigned, and each plain ``name = value`` assignment with its name."""
    counts: dict[str, int] = {}
    plain: list[tuple[str, Node]] = []
    for node in nodes:
        if node.type not in ("assignment", "operator_assignment"):
            continue
        left = node.child_by_field_name("left")
        if left is None or left.type != "identifier":
            continue
        name = _text(left)
        counts[name] = counts.get(name, 0) + 1
        if node.type == "assignment":
            plain.append((name, node))
    return counts, plain


def bound_lines(nodes: list[Node], shell_text: ShellText) -> dict[str, str]:
    """NAME -> the command line the local NAME holds, for the locals assigned once to a literal line."""
    counts, plain = _local_assignments(nodes)
    lines: dict[str, str] = {}
    for name, node in plain:
        right = node.child_by_field_name("right")
        line = _line(right, shell_text) if right is not None else None
        if line is not None:
            lines[name] = line
    return {name: line for name, line in lines.items() if counts[name] == 1}


def top_level_strings(nodes: list[Node]) -> list[tuple[str, Node]]:
    """The locals a script assigns exactly once, at its top level, to a string (``host = 'darwini.kde.org'``,
    ``home = "/home/#{user}"``), with that assignment: values the script knows wherever it interpolates them, as
    its string constants are (holdout229's neon-contents-grapple deploy: ``system('ssh', "#{user}@#{host}", …)``).
    Not a name that is also a method's or a block's parameter anywhere in the file (its uses there are the
    parameter's)."""
    counts, plain = _local_assignments(nodes)
    params = {
        _text(p)
        for node in nodes
        if node.type in ("method_parameters", "block_parameters", "lambda_parameters")
        for p in walk(node)
        if p.type == "identifier"
    }
    return [
        (name, node)
        for name, node in plain
        if counts[name] == 1
        and name not in params
        and node.parent is not None
        and node.parent.type == "program"
        and (right := node.child_by_field_name("right")) is not None
        and right.type == "string"
    ]


def _line(value: Node, shell_text: ShellText) -> str | None:
    """A string literal's text, or ``[literal, …].join(literal)`` as the joined text; None for anything else."""
    if value.type == "string":
        return shell_text(value)
    if value.type != "call" or _text(value.child_by_field_name("method") or value) != "join":
        return None
    items = value.child_by_field_name("receiver")
    args = value.child_by_field_name("arguments")
    separators = [a for a in args.named_children if a.type != "comment"] if args is not None else []
    if items is None or items.type != "array" or len(separators) != 1 or separators[0].type != "string":
        return None
    parts = [c for c in items.named_children if c.type != "comment"]
    if not parts or any(p.type != "string" for p in parts):
        return None
    return shell_text(separators[0]).join(shell_text(p) for p in parts)


def hash_locals(nodes: list[Node]) -> frozenset[str]:
    """The locals every assignment of which is a hash literal (``env = { "RAILS_ENV" => "production" }``)."""
    kinds: dict[str, set[bool]] = {}
    for node in nodes:
        if node.type not in ("assignment", "operator_assignment"):
            continue
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is not None and left.type == "identifier":
            hashed = node.type == "assignment" and right is not None and right.type == "hash"
            kinds.setdefault(_text(left), set()).add(hashed)
    return frozenset(name for name, seen in kinds.items() if seen == {True})
