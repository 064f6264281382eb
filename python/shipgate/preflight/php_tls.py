"""TLS certificate checks a product's own PHP source turns off for the requests it makes with PHP's curl extension:
``curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false)`` (the server's certificate is not checked) and
``curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0)`` (any valid certificate is taken for any host), also as entries of
``curl_setopt_array($ch, [CURLOPT_SSL_VERIFYPEER => false, …])``. The PHP counterpart of ``program_tls`` (Python's
``verify=False``): vcos's ``update.php`` downloads the code it installs so. Only a literal off value is read
(``false``, ``0``); a variable may hold either, and ``CURLOPT_SSL_VERIFYHOST, 2`` checks. A test, an example in the
documentation or a developer's tool is not the product."""

from __future__ import annotations

from collections.abc import Iterator

import tree_sitter
import tree_sitter_php

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_line
from shipgate.preflight.distributed import is_development_file
from shipgate.preflight.markup import is_documentation, is_test_path
from shipgate.preflight.project_layout import is_vendored_web_asset
from shipgate.preflight.syntax_nodes import node_text, parsed_nodes

MAX_SOURCE = 512_000  # a file past this is not parsed for it

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_php.language_php()))
_CHECKS = {
    "CURLOPT_SSL_VERIFYPEER": "the server's certificate is not checked",
    "CURLOPT_SSL_VERIFYHOST": "the certificate's host name is not checked",
}
_OFF = frozenset({"false", "0"})


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if not text.path.lower().endswith(".php") or is_test_path(text.path) or is_documentation(text.path):
            continue
        if is_development_file(text.path) or is_vendored_web_asset(text.path):
            continue
        if not any("CURLOPT_SSL_VERIFY" in line.text for line in text.lines):
            continue  # the cheap test: most files never say it
        source = "\n".join(line.text for line in text.lines)
        lines = {line.number: line.text for line in text.lines}
        for number, option in sorted(_unchecked(source).items()):
            yield at_line(
                "preflight.tls_verification_disabled",
                Severity.HIGH,
                path=text.path,
                line=number,
                text=lines.get(number, ""),
                how=f"{option} off",
                message=f"the product's own HTTPS requests made with curl do not verify the server ({option} off: "
                f"{_CHECKS[option]}): anyone on the path can answer them",
                remedy="Ask the vendor to leave curl's certificate checks on (install the CA the endpoint needs).",
            )


def _unchecked(source: str) -> dict[int, str]:
    """Line → option of each curl certificate check set to a literal off value."""
    if len(source) > MAX_SOURCE:
        return {}
    nodes = parsed_nodes(_PARSER, source)
    found: dict[int, str] = {}
    for node in nodes or ():
        if node.type != "function_call_expression":
            continue
        name = node_text(node.child_by_field_name("function")).lstrip("\\").lower()
        args = _arguments(node)
        if name == "curl_setopt" and len(args) == 3:
            found.update(_setting(args[1], args[2]))
        elif name == "curl_setopt_array" and len(args) == 2 and args[1].type == "array_creation_expression":
            for element in args[1].named_children:
                pair = element.named_children if element.type == "array_element_initializer" else []
                if len(pair) == 2:
                    found.update(_setting(pair[0], pair[1]))
    return found


def _setting(option: tree_sitter.Node, value: tree_sitter.Node) -> dict[int, str]:
    name = node_text(option).lstrip("\\")
    if name in _CHECKS and node_text(value).lower() in _OFF:
        return {value.start_point[0] + 1: name}
    return {}


def _arguments(call: tree_sitter.Node) -> list[tree_sitter.Node]:
    args = call.child_by_field_name("arguments")
    return [a.named_children[-1] for a in (args.named_children if args else ()) if a.named_children]
