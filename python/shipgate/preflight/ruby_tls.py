"""TLS certificate checks a Ruby install or setup script (a step, as ``ruby_script`` reads one: a gem's
``extconf.rb``, a ``bin/setup``) turns off for the requests it makes: ``OpenSSL::SSL::VERIFY_NONE`` given as a
connection's verify mode — ``http.verify_mode = OpenSSL::SSL::VERIFY_NONE`` (``Net::HTTP``), ``verify_mode:`` or
``ssl_verify_mode:`` in a call's options (``Net::HTTP.start(…, verify_mode: …)``, open-uri's ``URI.open(url,
ssl_verify_mode: …)``). The Ruby counterpart of ``php_tls`` and ``program_tls``.

A mode chosen by a conditional (``verify ? OpenSSL::SSL::VERIFY_PEER : OpenSSL::SSL::VERIFY_NONE``) is a switch:
reported only when its condition is a parameter of the method it sits in and the file itself calls that method with
``false`` there (holdout179's zsv-ruby retries a failed handshake with ``download_file(url, dest, limit, false)``, so
anyone on the path who breaks the first handshake gets the unverified retry); a switch only a caller outside the file
turns is the operator's. ``VERIFY_PEER`` checks. A test, an example in the documentation or a developer's tool is not
the product."""

from __future__ import annotations

from collections.abc import Iterator

import tree_sitter

from shipgate.findings import Finding
from shipgate.preflight.contents import Context
from shipgate.preflight.ruby_script import is_ruby_script, syntax_nodes
from shipgate.preflight.syntax_nodes import node_text
from shipgate.preflight.unverified_requests import unverified_requests

Node = tree_sitter.Node

MAX_SOURCE = 512_000  # a file past this is not parsed for it
_NONE = frozenset({"OpenSSL::SSL::VERIFY_NONE", "::OpenSSL::SSL::VERIFY_NONE"})
_MODE_KEYS = frozenset({"verify_mode", "ssl_verify_mode"})
_MAX_DEPTH = 40  # levels looked up for the method a mode is chosen in
_MESSAGE = (
    "the install script's own HTTPS requests do not verify the server's certificate "
    "(OpenSSL::SSL::VERIFY_NONE): anyone on the path can answer them"
)


def scan(ctx: Context) -> Iterator[Finding]:
    return unverified_requests(
        ctx,
        is_source=lambda _path: True,  # which file is a Ruby step is ruby_script's call, made on the text
        may_say=lambda line: "VERIFY_NONE" in line,
        reader=_unverified_in_step,
        remedy="Ask the vendor to leave OpenSSL's certificate check on (install the CA the endpoint needs).",
    )


def _unverified_in_step(path: str, source: str) -> dict[int, tuple[str, str]]:
    """Line → (how, message) of each ``VERIFY_NONE`` a Ruby step gives a connection."""
    if len(source) > MAX_SOURCE or not is_ruby_script(path, source):
        return {}
    nodes = syntax_nodes(source)
    if nodes is None:
        return {}
    calls = [n for n in nodes if n.type == "call"]
    return {
        node.start_point[0] + 1: ("verify_mode VERIFY_NONE", _MESSAGE)
        for node in nodes
        if node.type == "scope_resolution" and node_text(node) in _NONE and _given_unchecked(node, calls)
    }


def _given_unchecked(mode: Node, calls: list[Node]) -> bool:
    """``mode`` is a connection's verify mode, unconditionally or through a switch the file itself turns off."""
    value, condition = mode, None
    parent = mode.parent
    if parent is not None and parent.type == "conditional" and parent.child_by_field_name("condition") != mode:
        value, condition = parent, parent.child_by_field_name("condition")
    if not _is_mode_setting(value):
        return False
    return condition is None or _turned_off_here(condition, calls)


def _is_mode_setting(value: Node) -> bool:
    """``value`` is assigned to a ``…verify_mode`` or is the value of a ``verify_mode:`` option."""
    parent = value.parent
    if parent is None:
        return False
    if parent.type == "assignment" and parent.child_by_field_name("right") == value:
        left = parent.child_by_field_name("left")
        name = left.child_by_field_name("method") if left is not None and left.type == "call" else left
        return node_text(name) in _MODE_KEYS
    if parent.type == "pair" and parent.child_by_field_name("value") == value:
        return node_text(parent.child_by_field_name("key")).strip(":") in _MODE_KEYS
    return False


def _turned_off_here(condition: Node, calls: list[Node]) -> bool:
    """``condition`` is a parameter of its method and a call in the file passes ``false`` for it."""
    if condition.type != "identifier":
        return False
    method = _enclosing_method(condition)
    if method is None:
        return False
    name = node_text(method.child_by_field_name("name"))
    parameters = method.child_by_field_name("parameters")
    names = [_parameter_name(p) for p in (parameters.named_children if parameters is not None else ())]
    wanted = node_text(condition)
    if wanted not in names:
        return False
    position = names.index(wanted)
    return any(_passes_false(call, name, position, wanted) for call in calls)


def _enclosing_method(node: Node) -> Node | None:
    parent = node.parent
    for _ in range(_MAX_DEPTH):
        if parent is None or parent.type == "method":
            return parent
        parent = parent.parent
    return None


def _parameter_name(parameter: Node) -> str:
    if parameter.type == "identifier":
        return node_text(parameter)
    return node_text(parameter.child_by_field_name("name"))


def _passes_false(call: Node, name: str, position: int, parameter: str) -> bool:
    """``call`` calls ``name`` with ``false`` at ``position`` or as ``parameter: false``."""
    if node_text(call.child_by_field_name("method")) != name or call.child_by_field_name("receiver") is not None:
        return False
    arguments = call.child_by_field_name("arguments")
    given = list(arguments.named_children) if arguments is not None else []
    positional = [a for a in given if a.type != "pair"]
    if position < len(positional) and positional[position].type == "false":
        return True
    return any(
        a.type == "pair"
        and node_text(a.child_by_field_name("key")).strip(":") == parameter
        and node_text(a.child_by_field_name("value")) == "false"
        for a in given
    )
