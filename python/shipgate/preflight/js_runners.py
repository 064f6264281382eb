"""Functions of a JavaScript install script that run one of their parameters: ``function run(cmd) {
execSync(cmd, …) }`` or ``const sh = (prog, args) => spawnSync(prog, args)``, also in an argument array
(``spawnSync('tar', ['-xzf', archivePath, '-C', extractDir])``, holdout147) and in a command line a template
builds from them (``function extractTarGz(buffer, destDir) { execSync(`tar xzf … -C "${destDir}"`) }``, holdout128:
at each call the substitution is spelled as the argument given, ``extractTarGz(buffer, binDir)`` untars into
``${binDir}``). A call of such a function with literal
arguments (``run('yarn install --production')``) runs that command, as a Python script's runner of a parameter does
(``shipgate.preflight.python_script``); the child-process call in its body runs nothing by itself (its command is
whatever each caller gives). Read by ``shipgate.preflight.js_script``. Only functions of the same file, called by
their own name; a runner called through another runner is not followed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

_FUNCTIONS = frozenset({"function_declaration", "function_expression", "arrow_function"})
MAX_NODES = 200_000


@dataclass(frozen=True)
class Runner:
    params: tuple[str, ...]
    calls: tuple[Node, ...]  # the child-process calls in its body that take a parameter as command or arguments


def _params(function: Node) -> tuple[str, ...]:
    params = function.child_by_field_name("parameters") or function.child_by_field_name("parameter")
    if params is None:
        return ()
    names = []
    for p in params.named_children if params.type == "formal_parameters" else [params]:
        node = p.child_by_field_name("left") if p.type == "assignment_pattern" else p  # ``cmd = 'x'``
        names.append(_text(node) if node is not None and node.type == "identifier" else "")
    return tuple(names)


def _declared_functions(root: Node) -> list[tuple[str, Node]]:
    out: list[tuple[str, Node]] = []
    stack, seen = [root], 0
    while stack and seen < MAX_NODES:
        node = stack.pop()
        seen += 1
        if node.type == "function_declaration":
            out.append((_text(node.child_by_field_name("name")), node))
        elif node.type == "variable_declarator":
            value = node.child_by_field_name("value")
            if value is not None and value.type in _FUNCTIONS:
                out.append((_text(node.child_by_field_name("name")), value))
        stack.extend(node.named_children)
    return out


def _process_calls(body: Node, params: tuple[str, ...], runs: Callable[[Node], bool]) -> tuple[Node, ...]:
    calls = []
    stack = [body]
    while stack:
        node = stack.pop()
        if node.type in _FUNCTIONS and node is not body and not _promise_executor(node):
            continue  # a nested function's calls are its own
        if node.type == "call_expression" and runs(node):
            args = node.child_by_field_name("arguments")
            given = {n for a in (args.named_children if args is not None else [])[:2] for n in _names(a)}
            if any(g in params for g in given if g):
                calls.append(node)
        stack.extend(node.named_children)
    return tuple(calls)


def _promise_executor(function: Node) -> bool:
    """Whether a nested function is the executor of ``new Promise(…)``, which the constructor calls at once: its
    calls are made by the function that builds the promise (``function extractTarGz(archivePath, destDir) { return
    new Promise((resolve, reject) => { spawn('tar', ['xzf', archivePath, '-C', destDir]) }) }``, holdout215's
    Agent-Precommit). A callback handed to anything else (``tar.on('close', …)``, ``.then(…)``) runs later, if at
    all, and stays its own."""
    args = function.parent
    if args is None or args.type != "arguments" or args.named_children[:1] != [function]:
        return False
    made = args.parent
    if made is None or made.type != "new_expression":
        return False
    return _text(made.child_by_field_name("constructor")) == "Promise"


def _names(argument: Node) -> set[str]:
    """The names an argument hands over: itself when it is a name, the names a template literal substitutes
    (``execSync(`tar xzf "${archive}" -C "${destDir}"`)``: the command is built from the parameters), and the names
    an argument array holds (``spawnSync('tar', ['-xzf', archivePath, '-C', extractDir])``, holdout147)."""
    if argument.type == "array":
        return {n for element in argument.named_children if element.type != "array" for n in _names(element)}
    if argument.type == "template_string":
        return {
            _text(c.named_children[0])
            for c in argument.named_children
            if c.type == "template_substitution" and c.named_children and c.named_children[0].type == "identifier"
        }
    return {_text(argument)}


def names_its_verb(call: Node, placing: frozenset[str]) -> bool:
    """Whether a runner's child-process call writes its program and verb itself, the parameters only after them
    (``execSync(`bun install -g ${pkg}`)``: every call installs, the caller names only what): what it runs is
    decided at this line, not at each call (``run(cmd)``, ``execSync(`npm ${verb}`)``). Not for a program in
    ``placing``, whose operands say where its files land (``tar xzf "${tmp}" -C "${destDir}"``: the call's
    directory decides whether it unpacks into a bin directory)."""
    args = call.child_by_field_name("arguments")
    first = next((a for a in args.named_children if a.type != "comment"), None) if args is not None else None
    if first is None or first.type != "template_string":
        return False
    substitution = next((c for c in first.named_children if c.type == "template_substitution"), None)
    if substitution is None:
        return False
    words = _text(first)[1 : substitution.start_byte - first.start_byte].split()
    return len(words) >= 2 and not words[1].startswith("-") and words[0] not in placing


def runners(root: Node, runs: Callable[[Node], bool]) -> dict[str, Runner]:
    """Name -> runner for each function of the file (declared once) that hands a parameter to a child process
    (``runs``: the reader's test for such a call)."""
    found: dict[str, list[Runner]] = {}
    for name, function in _declared_functions(root):
        params = _params(function)
        body = function.child_by_field_name("body")
        if not name or body is None or not any(params):
            continue
        calls = _process_calls(body, params, runs)
        if calls:
            found.setdefault(name, []).append(Runner(params, calls))
    return {name: each[0] for name, each in found.items() if len(each) == 1}
