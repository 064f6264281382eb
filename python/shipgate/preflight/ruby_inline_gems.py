"""Gems a Ruby script installs for itself with bundler/inline, for ``ruby_script``: ``require 'bundler/inline'`` then
``gemfile do source 'https://rubygems.org'; gem 'convox_installer' end`` resolves and installs the gems from the
sources the block names before the script goes on (as ``bundle install`` of that Gemfile), written as ``gem install
--clear-sources --source URL NAME…`` at the first ``source`` line (with no ``source``, ``gem install NAME…`` at the
block: RubyGems' default source). A gem given by ``git:``/``github:``/``path:`` is read as its name."""

from __future__ import annotations

import re

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

_INLINE = re.compile(r"""require\s*\(?\s*['"]bundler/inline['"]""")
_NAME = re.compile(r"[A-Za-z0-9_.-]+")
_URL = re.compile(r"https?://[^\s'\"]+")


def pieces(nodes: list[Node], text: str) -> list[Piece]:
    """(line, shell) of each ``gemfile do … end`` block of a script that requires bundler/inline."""
    if _INLINE.search(text) is None:
        return []
    out: list[Piece] = []
    for node in nodes:
        block = node.child_by_field_name("block") if node.type == "call" else None
        if block is None or node.child_by_field_name("receiver") is not None or _method(node) != "gemfile":
            continue
        sources: list[tuple[int, str]] = []
        gems: list[str] = []
        for call in _calls(block):
            first = _first_string(call)
            if first is None:
                continue
            if _method(call) == "source" and _URL.fullmatch(first):
                sources.append((call.start_point[0] + 1, first))
            elif _method(call) == "gem" and _NAME.fullmatch(first):
                gems.append(first)
        if not gems:
            continue
        if sources:
            options = " ".join(f"--source {url}" for _, url in sources)
            out.append((sources[0][0], f"gem install --clear-sources {options} {' '.join(gems)}"))
        else:
            out.append((node.start_point[0] + 1, f"gem install {' '.join(gems)}"))
    return out


def _method(call: Node) -> str:
    method = call.child_by_field_name("method")
    return _text(method) if method is not None else ""


def _calls(block: Node) -> list[Node]:
    """The calls inside a block (bounded walk)."""
    out: list[Node] = []
    stack = [block]
    for _ in range(10_000):
        if not stack:
            break
        node = stack.pop()
        if node.type == "call":
            out.append(node)
        stack.extend(reversed(node.named_children))
    return out


def _first_string(call: Node) -> str | None:
    """The first argument when it is a plain string literal (no interpolation)."""
    args = call.child_by_field_name("arguments")
    first = args.named_children[0] if args is not None and args.named_children else None
    if first is None or first.type != "string" or any(c.type == "interpolation" for c in first.named_children):
        return None
    return "".join(_text(c) for c in first.named_children if c.type == "string_content")
