"""Passwords a program passes by name: a Python keyword argument (``ssh.connect(host, password="x")``,
``psycopg2.connect(user="app", password="x")``), a JavaScript or TypeScript object's property
(``mysql.createConnection({ host: 'db', password: 'x' })``) and a Ruby hash's pair (``PG.connect(host: 'db',
password: 'x')``, ``Mysql2::Client.new(:password => "x")``).

The keyword reader (``secrets.keyword_secrets``) reads a line that assigns (``password = "x"``, ``password: 'x',``
opening its line); a named argument sits inside a call, often one of several on its line, and is read here from the
language's own tree: the name and its value when that value is a string literal written in place. A name or an
expression passed (``password=args.password``, ``password: process.env.PW``, ``"#{pw}"``) holds no literal and is
not read. The caller decides which names are secret and which values are placeholders, as for an assignment. A
Django user-manager call's password given by position (``create_superuser('admin', 'a@example.com', 'admin')``,
``set_password('…')``: ``seeded_accounts.password_argument``) is read as the ``password`` keyword it stands for."""

from __future__ import annotations

import ast
from collections.abc import Iterator

import tree_sitter

from shipgate.preflight import js_script, ruby_script
from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.seeded_accounts import ACCOUNT_SETTERS, password_argument
from shipgate.preflight.syntax_nodes import node_text, walk

_MAX_SOURCE = 1 << 20  # a program this large is data, not an installer: its calls are not read
_MAX_ARGUMENTS = 20_000
# a pair's name: JavaScript's ``password:``/``'password':``, Ruby's ``password:``/``:password =>``/``"password" =>``
_KEYS = frozenset({"property_identifier", "hash_key_symbol", "simple_symbol", "string"})
# a string literal's text, with nothing computed in it (no ``${…}``, no ``#{…}``, no escape to decode)
_TEXT = frozenset({"string_fragment", "string_content"})


def keyword_literals(path: str, source: str) -> Iterator[tuple[int, str, str]]:
    """``(line, name, value)`` of every argument or pair passed by name with a string literal, at the value's
    line: Python's keyword arguments, JavaScript's/TypeScript's and Ruby's pairs."""
    if len(source) > _MAX_SOURCE:
        return
    lower = path.lower()
    if lower.endswith(".py"):
        yield from _python(source)
    elif lower.endswith(".rb"):
        nodes = ruby_script.syntax_nodes(source)
        yield from _pairs(nodes or [])
    elif (root := js_script.syntax_tree(path, source)) is not None:
        yield from _pairs(walk(root))


def _python(source: str) -> Iterator[tuple[int, str, str]]:
    named = "=" in source or any(setter in source for setter in ACCOUNT_SETTERS)  # a keyword, or a positional password
    if not named or (tree := python_tree(source)) is None:
        return
    seen = 0
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if (positional := _account_password(node)) is not None:
            yield positional
        for argument in node.keywords:
            value = argument.value
            if argument.arg is None or not isinstance(value, ast.Constant) or not isinstance(value.value, str):
                continue
            seen += 1
            if seen > _MAX_ARGUMENTS:
                return
            yield value.lineno, argument.arg, value.value


def _account_password(call: ast.Call) -> tuple[int, str, str] | None:
    """A Django user-manager call's raw password given by position (``create_superuser('admin',
    'admin@example.com', 'admin')``: RDMO's ``create_admin_user`` command, round thirty-nine), as the ``password``
    keyword it stands for; the keyword form is read with the other keyword arguments."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    given = password_argument(call, name)
    if not any(given is argument for argument in call.args):
        return None
    if isinstance(given, ast.Constant) and isinstance(given.value, str):
        return given.lineno, "password", given.value
    return None


def _pairs(nodes: Iterator[tree_sitter.Node] | list[tree_sitter.Node]) -> Iterator[tuple[int, str, str]]:
    seen = 0
    for node in nodes:
        if node.type != "pair":
            continue
        key, value = node.child_by_field_name("key"), node.child_by_field_name("value")
        if key is None or value is None or key.type not in _KEYS or value.type != "string":
            continue
        name, text = _literal(key) if key.type == "string" else node_text(key).lstrip(":"), _literal(value)
        if name is None or text is None:
            continue
        seen += 1
        if seen > _MAX_ARGUMENTS:
            return
        yield value.start_point[0] + 1, name, text


def _literal(string: tree_sitter.Node) -> str | None:
    """A string node's text between its quotes, None when anything in it is computed or escaped."""
    inner = [c for c in string.named_children]
    if any(c.type not in _TEXT for c in inner):
        return None
    return "".join(node_text(c) for c in inner)
