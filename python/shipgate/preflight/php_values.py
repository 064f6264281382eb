"""The values a PHP install or upgrade program builds its command lines from, for ``php_script``: what a variable,
a constant or a formatted string holds where a command uses it, without running the file.

- A variable (``$cmd``) is the value its function (or the file's top level) last assigned it before the use; one
  assigned in several branches before a command runs it (``if (wget) { $cmd = sprintf('wget -O %s %s', …); }
  elseif (curl) { $cmd = sprintf('curl -o %s %s', …); }``) is each of those values, each at the line it is written
  on (``alternatives``): either command may run.
- A constant: a class's own (``self::URL``, ``static::URL``, ``Installer::URL`` declared in the file), a file's
  ``const NAME = …`` or ``define('NAME', …)``.
- Formatting: ``sprintf(FORMAT, …)`` with each ``%s``/``%d``/``%1$s`` replaced by the
  value of its argument (``%%`` is ``%``); ``escapeshellarg(X)`` is X as one quoted shell word, ``escapeshellcmd(X)``
  is X; ``implode(' ', [...])`` of a literal array joins its items.
- Places: ``DIRECTORY_SEPARATOR`` is ``/`` (the target is Linux), ``getcwd()`` is ``.`` (the command runs in PHP's
  working directory), ``__DIR__`` and
  ``dirname(__FILE__)`` are ``"$(dirname "$0")"``, as ``php_file_acts`` spells an unpack's target, so an updater's
  ``tar -xf … --directory ".getcwd()`` is read as an unpack over its own installation (holdout98's g-dash).
- Literals and ``.`` joins as ``php_script`` reads them; anything else is ``${PHP_VALUE}``.

Bounded: each value follows at most ``MAX_DEPTH`` steps (a variable assigned from itself ends there), and the
assignments of the file are indexed once, by scope and name."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node
Named = list[tuple[int, str, str]]  # (line, shell variable, value) of the URLs a command line names

UNKNOWN = "${PHP_VALUE}"
MAX_DEPTH = 24
MAX_ALTERNATIVES = 8
_SCOPES = frozenset({"method_declaration", "function_definition", "anonymous_function", "arrow_function", "program"})
# a conversion of sprintf's format: ``%s``, ``%5.2f``, ``%1$s``, ``%'*10s``, and ``%%``
_CONVERSION = re.compile(r"%(?:(\d+)\$)?[-+ 0]*(?:'.)?\d*(?:\.\d+)?([bcdeEfFgGosuxX%])")
_SAFE_WORD = re.compile(r"[\w@%+=:,./-]+")
# The program's own directory (``__DIR__``, ``dirname(__FILE__)``) as the shell names a script's.
OWN_DIR = '"$(dirname "$0")"'


def _scope(node: Node) -> Node | None:
    parent = node.parent
    while parent is not None and parent.type not in _SCOPES:
        parent = parent.parent
    return parent


def arguments(call: Node) -> list[Node]:
    """A call's argument values, in order (a named argument's value is its last child)."""
    args = call.child_by_field_name("arguments") or next(
        (c for c in call.named_children if c.type == "arguments"), None
    )
    return [
        a.named_children[-1]
        for a in (args.named_children if args is not None else ())
        if a.type == "argument" and a.named_children
    ]


def _function(call: Node) -> str:
    return _text(call.child_by_field_name("function")).split("\\")[-1].lower()


class PhpValues:
    """The assignments and constants of one parsed PHP file, and the values they give the nodes that use them."""

    def __init__(self, nodes: Iterable[Node]) -> None:
        self._assigned: dict[tuple[int, str], list[Node]] = defaultdict(list)
        self._constants: dict[str, Node] = {}
        for node in nodes:
            if node.type in ("assignment_expression", "augmented_assignment_expression"):
                left = node.child_by_field_name("left")
                scope = _scope(node)
                if left is not None and left.type == "variable_name" and scope is not None:
                    self._assigned[(scope.id, _text(left))].append(node)
            elif node.type == "const_element" and len(node.named_children) >= 2:
                self._constants.setdefault(_text(node.named_children[0]), node.named_children[-1])
            elif node.type == "function_call_expression" and _function(node) == "define":
                args = arguments(node)
                if len(args) >= 2 and args[0].type in ("string", "encapsed_string"):
                    self._constants.setdefault(self.value(args[0]), args[1])

    def value(self, node: Node | None, depth: int = 0, named: Named | None = None) -> str:
        """What ``node`` holds as text; unknown parts are ``${PHP_VALUE}``. With ``named``, a variable or constant
        that holds a URL, assigned on an earlier line, is written as the shell variable of its name
        (``${ARKHIVE_PHAR_URL}``) and its assignment added to ``named``: the host is reported where it is requested,
        with the line that wrote it, as a shell script's would be."""
        if node is None or depth > MAX_DEPTH:
            return UNKNOWN
        kind = node.type
        if kind in ("string", "encapsed_string", "shell_command_expression"):
            return "".join(self._part(child, depth + 1, named) for child in node.named_children)
        if kind in ("integer", "float", "boolean", "string_content", "string_value"):
            return _text(node)
        if kind == "binary_expression" and _text(node.child_by_field_name("operator")) == ".":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            return self.value(left, depth + 1, named) + self.value(right, depth + 1, named)
        if kind == "parenthesized_expression" and node.named_children:
            return self.value(node.named_children[0], depth + 1, named)
        if kind == "variable_name":
            bound = self._assignments_before(node)
            where = bound[-1].child_by_field_name("right") if bound else None
            return _named(node, where, self._bound(bound, depth), named)
        if kind in ("class_constant_access_expression", "name") and (constant := self._constant(node)) is not None:
            return _named(node, constant, self.value(constant, depth + 1), named)
        if kind == "function_call_expression":
            return self._call(node, depth, named)
        if kind == "name" and _text(node) == "__DIR__":
            return OWN_DIR
        if kind == "name" and _text(node) == "DIRECTORY_SEPARATOR":
            return "/"  # PHP's separator on the Linux target
        return UNKNOWN

    def alternatives(self, node: Node, named: Named | None = None) -> list[tuple[int, str]]:
        """(line, value) of each value a variable may hold where ``node`` uses it, at the line of the value's first
        string (a ``sprintf(`` on its own line is not the command's): the last assignment before the use, and the
        ones before it while each sits in a branch that does not hold the use (``if … elseif …``: either may have
        run). Anything else is its one value at its own line."""
        line = node.start_point[0] + 1
        if node.type != "variable_name":
            return [(line, self.value(node, named=named))]
        bound = self._assignments_before(node)
        if not bound or bound[-1].type != "assignment_expression":  # ``$cmd .= ' --force'``: the whole value
            return [(line, self._bound(bound, 0, named))]
        out = []
        for assignment in reversed(bound[-MAX_ALTERNATIVES:]):
            right = assignment.child_by_field_name("right")
            if right is None or assignment.type != "assignment_expression":
                break
            if (value := self.value(right, named=named)).replace(UNKNOWN, "").strip():
                out.append((_first_string_line(right), value))
            branch = _branch(assignment)
            if branch is None or (branch.start_byte <= node.start_byte and node.end_byte <= branch.end_byte):
                break  # run on every path to the use: what was assigned before is overwritten
        return out[::-1]

    def _bound(self, assignments: list[Node], depth: int, named: Named | None = None) -> str:
        """The value the last of ``assignments`` leaves: ``$cmd .= ' --force'`` appends to the one before it."""
        if not assignments or depth > MAX_DEPTH:
            return UNKNOWN
        last = assignments[-1]
        right = self.value(last.child_by_field_name("right"), depth + 1, named)
        if last.type == "assignment_expression":
            return right
        operator = next((c for c in last.children if c.type == ".="), None)
        return self._bound(assignments[:-1], depth + 1, named) + right if operator is not None else UNKNOWN

    def _assignments_before(self, variable: Node) -> list[Node]:
        scope = _scope(variable)
        if scope is None:
            return []
        found = self._assigned.get((scope.id, _text(variable)), [])
        return [a for a in found if a.end_byte <= variable.start_byte]

    def _constant(self, node: Node) -> Node | None:
        if node.type == "name":
            return self._constants.get(_text(node))
        names = [c for c in node.named_children]
        return self._constants.get(_text(names[-1])) if names else None

    def _part(self, child: Node, depth: int, named: Named | None = None) -> str:
        if child.type in ("string_content", "string_value"):
            return _text(child)
        if child.type == "escape_sequence":
            return _escape(_text(child))
        if child.type == "variable_name":  # ``"{$gitpath} pull"``: the variable's value, as a ``.`` join reads it
            return self.value(child, depth, named)
        return UNKNOWN  # ``$x[1]``, ``{$a->b}`` in a double-quoted string

    def _call(self, call: Node, depth: int, named: Named | None) -> str:
        name, args = _function(call), arguments(call)
        if name == "sprintf" and args:
            return self._formatted(args, depth, named)
        if name == "escapeshellarg" and args:
            return shell_word(self.value(args[0], depth + 1, named))
        if name in ("escapeshellcmd", "trim") and args:
            return self.value(args[0], depth + 1, named)
        if name in ("implode", "join") and len(args) == 2 and args[1].type == "array_creation_expression":
            items = [e.named_children[-1] for e in args[1].named_children if e.named_children]
            return self.value(args[0], depth + 1).join(self.value(item, depth + 1, named) for item in items)
        if name == "getcwd" and not args:
            return "."  # the working directory, as the command's shell names it (``php_file_acts`` reads it so)
        if name == "dirname" and len(args) == 1 and _text(args[0]) == "__FILE__":
            return OWN_DIR
        return UNKNOWN

    def _formatted(self, args: list[Node], depth: int, named: Named | None) -> str:
        values = args[1:]
        position = 0

        def convert(match: re.Match[str]) -> str:
            nonlocal position
            if match.group(2) == "%":
                return "%"
            index = int(match.group(1)) - 1 if match.group(1) else position
            position += 0 if match.group(1) else 1
            return self.value(values[index], depth + 1, named) if 0 <= index < len(values) else UNKNOWN

        return _CONVERSION.sub(convert, self.value(args[0], depth + 1))


def shell_word(value: str) -> str:
    """``escapeshellarg``'s result: the value as one shell word (an unknown part stays an expansion)."""
    if _SAFE_WORD.fullmatch(value):
        return value
    if "$" not in value and "'" not in value:
        return f"'{value}'"
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`") + '"'


_BRANCHES = frozenset(
    {"if_statement", "else_clause", "else_if_clause", "case_statement", "default_statement", "catch_clause"}
)


def _branch(node: Node) -> Node | None:
    """The innermost branch of its scope that ``node`` runs in only on some paths, or None."""
    parent = node.parent
    while parent is not None and parent.type not in _SCOPES:
        if parent.type in _BRANCHES:
            return parent
        parent = parent.parent
    return None


def _named(use: Node, where: Node | None, value: str, named: Named | None) -> str:
    """``value``, or the shell variable that stands for it when it is a URL assigned on an earlier line."""
    if named is None or where is None or "://" not in value or UNKNOWN in value.split("://", 1)[1].split("/", 1)[0]:
        return value
    line = _first_string_line(where)
    if line >= use.start_point[0] + 1:
        return value
    name = re.sub(r"\W", "_", _text(use).lstrip("$").split("::")[-1]) or "PHP_URL"
    named.append((line, name, value))
    return "${" + name + "}"


def _first_string_line(node: Node) -> int:
    stack = [node]
    for _ in range(200):
        if not stack:
            break
        current = stack.pop()
        if current.type in ("string", "encapsed_string"):
            return current.start_point[0] + 1
        stack.extend(reversed(current.named_children))
    return node.start_point[0] + 1


def _escape(seq: str) -> str:
    return {"\\n": " ", "\\t": " ", "\\\\": "\\", '\\"': '"', "\\'": "'", "\\$": "$"}.get(seq, seq[1:])
