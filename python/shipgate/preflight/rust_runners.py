"""A Cargo build script's own function that runs a command with its parameters (docs/preflight.md, "Cargo build
scripts"): ``fn download_file(url: &str, dst: &str) { Command::new("curl").args(&["-SL", url, "-o", dst]) … }``,
then ``download_file(LINUX_SDK_URL, sdk_file)`` (holdout201's cognitive-services-speech-sdk-rs).

Each call of such a function runs its commands with what the call gives for the parameters, so the command is
written at the call's line with the call's values (the URL constant, the path under ``OUT_DIR`` the script later
untars): the shell rules then follow the fetched file as they follow a shell wrapper's (``fetch() { curl -fsSL "$1"
-o "$2"; }``). Its body alone runs nothing known (the parameters' values are the callers'), so the body's commands
are not written where they stand. A function whose commands use none of its parameters (``fn git_hash() ->
String``, ``Command::new("git").args(["rev-parse", "HEAD"])``) is no runner: its commands stay where they are. So
does each command of a runner that uses none of them, whatever else the function does with its parameters
(holdout233's gmssl-rs: ``locate_gmssl_source(manifest_dir)`` tests ``manifest_dir.join("GmSSL")`` but its ``curl``
of the release URL constant into ``OUT_DIR`` is written at the ``curl``, where the fetch is). A command uses a
parameter when its chain (``Command::new(…)`` with its ``.arg``/``.args`` calls, also those made later on the name it
is bound to) names one, directly or through the function's own ``let`` bindings. The folder it runs in
(``.current_dir(workspace_root)``, a ``let`` of the parameter's ``.parent()``) does not: the call gives where, not what,
so the command stays at its ``Command::new`` line, run in a folder of unknown value (holdout233's gmssl-rs: ``git
submodule update --init`` in the workspace of the ``manifest_dir`` handed in is labelled where it is written)."""

from __future__ import annotations

from dataclasses import dataclass

import tree_sitter

from shipgate.preflight.rust_values import path_of
from shipgate.preflight.syntax_nodes import identifiers
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node

MAX_RUNNERS = 64


@dataclass(frozen=True)
class Runner:
    params: tuple[str, ...]  # the parameter names, in order (a pattern that is not a name: "")
    commands: tuple[Node, ...]  # its ``Command::new(…)`` calls


def runners(nodes: list[Node]) -> dict[str, Runner]:
    """The file's functions (not ``main``) whose ``Command::new`` chains use a parameter, by name; a name defined
    twice (two impls, a shadowing module) is left out."""
    found: dict[str, list[Runner]] = {}
    for node in nodes:
        if node.type != "function_item" or len(found) >= MAX_RUNNERS:
            continue
        name = _text(node.child_by_field_name("name"))
        params = _params(node)
        body = _body_nodes(node)
        commands = [n for n in body if n.type == "call_expression" and path_of(n) == ("Command", "new")]
        if name == "main" or not commands or not any(params):
            continue
        lets = _lets(body)
        given = [command for command in commands if _uses(_chain_names(command, body), lets, set(params) - {""})]
        if given:
            found.setdefault(name, []).append(Runner(tuple(params), tuple(given)))
    return {name: listed[0] for name, listed in found.items() if len(listed) == 1}


def _lets(body: list[Node]) -> dict[str, list[Node]]:
    """The function's ``let NAME = VALUE`` bindings: name -> every value bound to it."""
    out: dict[str, list[Node]] = {}
    for node in body:
        if node.type == "let_declaration":
            pattern = node.child_by_field_name("pattern")
            pattern = pattern.named_children[-1] if pattern is not None and pattern.type == "mut_pattern" else pattern
            value = node.child_by_field_name("value")
            if pattern is not None and pattern.type == "identifier" and value is not None:
                out.setdefault(_text(pattern), []).append(value)
    return out


def _chain_names(command: Node, body: list[Node]) -> set[str]:
    """The names a ``Command::new(…)`` chain reads: in the chain itself and, when it is bound by ``let``, in the
    method calls later made on that name in the function."""
    top = command
    while top.parent is not None and top.parent.type in ("field_expression", "call_expression"):
        top = top.parent
    names = _run_names(top)
    bound = top.parent
    pattern = bound.child_by_field_name("pattern") if bound is not None and bound.type == "let_declaration" else None
    pattern = pattern.named_children[-1] if pattern is not None and pattern.type == "mut_pattern" else pattern
    if pattern is not None and pattern.type == "identifier":
        held = _text(pattern)
        for node in body:
            if node.type == "call_expression" and node.start_byte > top.end_byte:
                function = node.child_by_field_name("function")
                value = function.child_by_field_name("value") if function is not None else None
                if function is not None and function.type == "field_expression" and value is not None:
                    names |= _run_names(node) if _text(value) == held else set()
    return names


def _run_names(chain: Node) -> set[str]:
    """The identifiers of a command chain but those of its ``.current_dir(…)`` arguments (where it runs)."""
    found: set[str] = set()
    stack = [chain]
    while stack:
        current = stack.pop()
        if current.type == "identifier":
            found.add(_text(current))
        function = current.child_by_field_name("function") if current.type == "call_expression" else None
        field = function.child_by_field_name("field") if function is not None else None
        if function is not None and function.type == "field_expression" and _text(field) == "current_dir":
            stack.append(function)  # the chain before ``.current_dir``, not its argument
            continue
        stack.extend(current.named_children)
    return found


def _uses(names: set[str], lets: dict[str, list[Node]], params: set[str]) -> bool:
    """Whether ``names``, followed through the function's ``let`` bindings, reach a parameter."""
    seen: set[str] = set()
    pending = list(names)
    while pending and len(seen) < 4 * MAX_RUNNERS:
        name = pending.pop()
        if name in params:
            return True
        if name in seen:
            continue
        seen.add(name)
        for value in lets.get(name, []):
            pending.extend(identifiers(value) - seen)
    return False


def _params(function: Node) -> list[str]:
    """The parameter names of ``fn f(url: &str, dst: &str)``: ``["url", "dst"]`` (``self`` and patterns: "")."""
    listed = function.child_by_field_name("parameters")
    out: list[str] = []
    for param in listed.named_children if listed is not None else []:
        if param.type == "parameter":
            pattern = param.child_by_field_name("pattern")
            pattern = pattern.named_children[-1] if pattern is not None and pattern.type == "mut_pattern" else pattern
            out.append(_text(pattern) if pattern is not None and pattern.type == "identifier" else "")
        elif param.type not in ("line_comment", "block_comment"):
            out.append("")
    return out


def _body_nodes(function: Node) -> list[Node]:
    """The named nodes of the function's body (nested functions and closures included)."""
    body = function.child_by_field_name("body")
    out: list[Node] = []
    stack = [body] if body is not None else []
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.named_children))
    return out


def called(call: Node, found: dict[str, Runner]) -> Runner | None:
    """The runner a plain call ``name(…)`` of the file calls (not a method, not a path)."""
    function = call.child_by_field_name("function")
    if function is None or function.type != "identifier":
        return None
    return found.get(_text(function))
