"""A Cargo build script's own function that runs a command with its parameters (docs/preflight.md, "Cargo build
scripts"): ``fn download_file(url: &str, dst: &str) { Command::new("curl").args(&["-SL", url, "-o", dst]) … }``,
then ``download_file(LINUX_SDK_URL, sdk_file)`` (holdout201's cognitive-services-speech-sdk-rs).

Each call of such a function runs its commands with what the call gives for the parameters, so the command is
written at the call's line with the call's values (the URL constant, the path under ``OUT_DIR`` the script later
untars): the shell rules then follow the fetched file as they follow a shell wrapper's (``fetch() { curl -fsSL "$1"
-o "$2"; }``). Its body alone runs nothing known (the parameters' values are the callers'), so the body's commands
are not written where they stand. A function whose commands use none of its parameters (``fn git_hash() ->
String``, ``Command::new("git").args(["rev-parse", "HEAD"])``) is no runner: its commands stay where they are."""

from __future__ import annotations

from dataclasses import dataclass

import tree_sitter

from shipgate.preflight.rust_values import path_of
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
        commands = [n for n in _body_nodes(node) if n.type == "call_expression" and path_of(n) == ("Command", "new")]
        if name == "main" or not commands or not any(params):
            continue
        used = {_text(n) for n in _body_nodes(node) if n.type == "identifier"} & set(params)
        if used:
            found.setdefault(name, []).append(Runner(tuple(params), tuple(commands)))
    return {name: listed[0] for name, listed in found.items() if len(listed) == 1}


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
