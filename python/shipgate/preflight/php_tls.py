"""TLS certificate checks a PHP install or upgrade program (a step, as ``php_script`` reads one: ``update.php``
acting at its top level, a console command named for the step) turns off for the requests it makes with PHP's curl
extension: ``curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false)`` (the server's certificate is not checked) and
``curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0)`` (any valid certificate is taken for any host), also as entries of
``curl_setopt_array($ch, [CURLOPT_SSL_VERIFYPEER => false, …])``. The PHP counterpart of ``program_tls`` (Python's
``verify=False``): vcos's ``update.php`` downloads the code it installs so. Only a literal off value is read
(``false``, ``0``); a variable may hold either, and ``CURLOPT_SSL_VERIFYHOST, 2`` checks. A check set on in one
branch of an ``if`` and off in another is a switch the operator configures (privacyIDEA's TYPO3 module:
``if ($this->sslcheck) … else …``), not reported. A test, an example in the documentation or a developer's tool is
not the product. The rest of a product's PHP (a library's HTTP client, a module that sends requests when the
product runs) is not read: what the install or upgrade fetches is."""

from __future__ import annotations

from collections.abc import Iterator

import tree_sitter
import tree_sitter_php

from shipgate.findings import Finding
from shipgate.preflight.contents import Context
from shipgate.preflight.php_script import commands
from shipgate.preflight.syntax_nodes import node_text, parsed_nodes
from shipgate.preflight.unverified_requests import unverified_requests

MAX_SOURCE = 512_000  # a file past this is not parsed for it

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_php.language_php()))
_CHECKS = {
    "CURLOPT_SSL_VERIFYPEER": "the server's certificate is not checked",
    "CURLOPT_SSL_VERIFYHOST": "the certificate's host name is not checked",
}
_OFF = frozenset({"false", "0"})
_MAX_DEPTH = 12  # levels looked up for the ``if`` a setting sits in


def scan(ctx: Context) -> Iterator[Finding]:
    return unverified_requests(
        ctx,
        is_source=lambda path: path.lower().endswith(".php"),
        may_say=lambda line: "CURLOPT_SSL_VERIFY" in line,
        reader=_unchecked_in_step,
        remedy="Ask the vendor to leave curl's certificate checks on (install the CA the endpoint needs).",
    )


def _unchecked_in_step(path: str, source: str) -> dict[int, tuple[str, str]]:
    """Line → (how, message) of each check an install or upgrade step turns off."""
    if commands(path, source) is None:
        return {}  # not an install or upgrade step
    return {
        number: (
            f"{option} off",
            f"the product's own HTTPS requests made with curl do not verify the server ({option} off: "
            f"{_CHECKS[option]}): anyone on the path can answer them",
        )
        for number, option in _unchecked(source).items()
    }


def _unchecked(source: str) -> dict[int, str]:
    """Line → option of each curl certificate check set to a literal off value."""
    if len(source) > MAX_SOURCE:
        return {}
    nodes = parsed_nodes(_PARSER, source)
    settings = [s for node in nodes or () for s in _settings(node)]
    on = {(option, branch) for option, value, branch in settings if not _off(value)}
    found: dict[int, str] = {}
    for option, value, branch in settings:
        if _off(value) and (option, branch) not in on:
            found[value.start_point[0] + 1] = option
    return found


def _settings(call: tree_sitter.Node) -> Iterator[tuple[str, tree_sitter.Node, int]]:
    """(option, value, the ``if`` around it) of each certificate check a ``curl_setopt``/``curl_setopt_array`` sets.
    The same option set on in one branch of an ``if`` and off in another is a switch the operator configures
    (``if ($this->sslcheck) { …VERIFYPEER, 1 } else { …VERIFYPEER, 0 }``): the ``if`` is kept to tell it."""
    if call.type != "function_call_expression":
        return
    name = node_text(call.child_by_field_name("function")).lstrip("\\").lower()
    args = _arguments(call)
    pairs: list[tuple[tree_sitter.Node, tree_sitter.Node]] = []
    if name == "curl_setopt" and len(args) == 3:
        pairs = [(args[1], args[2])]
    elif name == "curl_setopt_array" and len(args) == 2 and args[1].type == "array_creation_expression":
        for element in args[1].named_children:
            pair = element.named_children if element.type == "array_element_initializer" else []
            if len(pair) == 2:
                pairs.append((pair[0], pair[1]))
    branch = _enclosing_if(call)
    for option, value in pairs:
        spelt = node_text(option).lstrip("\\")
        if spelt in _CHECKS:
            yield spelt, value, branch


def _off(value: tree_sitter.Node) -> bool:
    return node_text(value).lower() in _OFF


def _enclosing_if(node: tree_sitter.Node) -> int:
    """The start byte of the nearest ``if`` statement around ``node`` (-1 outside any), a few levels up at most."""
    parent = node.parent
    for _ in range(_MAX_DEPTH):
        if parent is None or parent.type in ("function_definition", "method_declaration"):
            return -1
        if parent.type == "if_statement":
            return parent.start_byte
        parent = parent.parent
    return -1


def _arguments(call: tree_sitter.Node) -> list[tree_sitter.Node]:
    args = call.child_by_field_name("arguments")
    return [a.named_children[-1] for a in (args.named_children if args else ()) if a.named_children]
