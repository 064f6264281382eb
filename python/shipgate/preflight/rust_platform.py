"""Which lines of Rust source run only when the crate is built for another operating system than Linux, the host an
install runs on (the Perl form is ``perl_script.not_run_lines``; hold-out labels leave other systems' downloads
unlabelled, holdout78/128's rule):

- an arm of a ``match`` over the target system — ``env::var("CARGO_CFG_TARGET_OS")`` (what Cargo tells a build
  script; also through a name and ``.as_str()``) or ``std::env::consts::OS`` — whose patterns are all other
  systems' names (``"macos" => format!("https://…/libtorch-macos-{}.zip", v)``, ``"windows" | "ios" => …``);
- the item or statement under a ``#[cfg(…)]`` attribute, and the block of an ``if cfg!(…)``, whose condition names
  only other systems (``#[cfg(target_os = "windows")]``, ``cfg!(windows)``, ``target_vendor = "apple"``; not under
  ``not(…)``, nor ``any(…)`` with ``linux`` or ``unix`` in it).

``shipgate.preflight.endpoints`` takes their URLs as mentions and ``shipgate.preflight.rust_script`` writes no
command for them. Read through tree-sitter's Rust grammar; bounded by the file's size."""

from __future__ import annotations

import re

import tree_sitter
import tree_sitter_rust

from shipgate.preflight.rust_values import Bindings, arguments, literal, path_of
from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import parsed_nodes

Node = tree_sitter.Node

MAX_CHARS = 1_000_000
_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_rust.language()))
_OTHER = frozenset(
    {
        "windows",
        "macos",
        "ios",
        "tvos",
        "watchos",
        "visionos",
        "android",
        "freebsd",
        "openbsd",
        "netbsd",
        "dragonfly",
        "solaris",
        "illumos",
        "haiku",
        "fuchsia",
        "redox",
        "emscripten",
        "wasi",
        "apple",
        "darwin",
    }
)
# A cfg predicate's names: ``target_os = "x"``, ``target_vendor = "x"``, ``target_family = "x"``, bare ``windows``.
# (The word boundary belongs to the bare names only: after a closing quote there is none, holdout195's plotly.rs.)
_PREDICATE = re.compile(r'\btarget_(?:os|vendor|family)\s*=\s*"(\w+)"|\b(windows|unix)\b')


def other_os_lines(path: str, text: str) -> set[int]:
    """Lines (1-based) of the file that run only on another system than Linux."""
    if (
        not path.endswith(".rs")
        or len(text) > MAX_CHARS
        or not any(w in text for w in ("TARGET_OS", "cfg", "consts::OS"))
    ):
        return set()
    nodes = parsed_nodes(_PARSER, text)
    if nodes is None:
        return set()
    values = Bindings(nodes)
    lines: set[int] = set()
    reach = 0
    for node in nodes:
        guarded: Node | None = None
        if node.type == "match_arm" and _other_arm(node, values):
            guarded = node
        elif node.type == "attribute_item" and _cfg_elsewhere(node.named_children[0] if node.named_children else None):
            guarded = node.next_named_sibling
        elif node.type == "if_expression":
            condition = node.child_by_field_name("condition")
            if condition is not None and condition.type == "macro_invocation" and _cfg_elsewhere(condition):
                guarded = node.child_by_field_name("consequence")
        if guarded is not None and guarded.end_point[0] + 1 > reach:  # nodes come in source order: one inside
            lines.update(range(guarded.start_point[0] + 1, guarded.end_point[0] + 2))  # an earlier one is covered
            reach = guarded.end_point[0] + 1
    return lines


def _other_arm(arm: Node, values: Bindings) -> bool:
    """A match arm over the target system whose string patterns are all other systems."""
    match = arm.parent.parent if arm.parent is not None else None
    scrutinee = match.child_by_field_name("value") if match is not None and match.type == "match_expression" else None
    if scrutinee is None or not _target_os(values.resolve(scrutinee)):
        return False
    pattern = arm.child_by_field_name("pattern")
    names = [literal(n) for n in (pattern.named_children if pattern is not None else [])]
    if names and names[0] is None and pattern is not None and pattern.named_children:
        first = pattern.named_children[0]
        names = [literal(n) for n in first.named_children] if first.type == "or_pattern" else names
    return bool(names) and all(n is not None and n in _OTHER for n in names)


def _target_os(node: Node) -> bool:
    """``env::var("CARGO_CFG_TARGET_OS")`` (``.unwrap()``/``.expect`` looked through) or ``env::consts::OS``."""
    if node.type == "scoped_identifier":
        return _text(node).endswith("consts::OS")
    if node.type != "call_expression":
        return False
    owner, name = path_of(node)
    args = arguments(node)
    return owner == "env" and name in ("var", "var_os") and bool(args) and literal(args[0]) == "CARGO_CFG_TARGET_OS"


def _cfg_elsewhere(node: Node | None) -> bool:
    """``cfg(…)``/``cfg!(…)`` whose predicate names only other systems (no ``not``, no Linux or Unix)."""
    if node is None:
        return False
    head = (
        node.child_by_field_name("macro")
        if node.type == "macro_invocation"
        else node.named_children[0]
        if node.named_children
        else None
    )
    if _text(head) != "cfg":
        return False
    predicate = _text(node)
    if "not" in re.findall(r"\b\w+\b", predicate):
        return False
    named = [a or b for a, b in _PREDICATE.findall(predicate)]
    return bool(named) and all(n in _OTHER for n in named)
