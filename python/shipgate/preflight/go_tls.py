"""TLS certificate verification a product's own Go source turns off for the connections it makes: a
``tls.Config`` given ``InsecureSkipVerify: true`` (``&http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify:
true}}``) or a config whose field is set so (``cfg.InsecureSkipVerify = true``). The Go counterpart of
``program_tls`` (Python's ``verify=False``): every request made through that client accepts any certificate.
Only the literal ``true`` is read; a value from the product's settings (``InsecureSkipVerify: opts.Insecure``) is
the operator's choice. A test (``x_test.go``), an example in the documentation or a developer's tool is not the
product."""

from __future__ import annotations

from collections.abc import Iterator

import tree_sitter
import tree_sitter_go

from shipgate.findings import Finding
from shipgate.preflight.contents import Context
from shipgate.preflight.syntax_nodes import node_text, parsed_nodes
from shipgate.preflight.unverified_requests import unverified_requests

MAX_SOURCE = 512_000  # a file past this is not parsed for it

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_go.language()))
_FIELD = "InsecureSkipVerify"
_MESSAGE = (
    "the product's own TLS connections do not verify the server's certificate (InsecureSkipVerify: true): anyone "
    "on the path can answer them"
)


def scan(ctx: Context) -> Iterator[Finding]:
    return unverified_requests(
        ctx,
        is_source=lambda path: path.endswith(".go"),
        may_say=lambda line: _FIELD in line,
        reader=lambda _path, source: {number: (f"{_FIELD}: true", _MESSAGE) for number in skipped_lines(source)},
        remedy="Ask the vendor to verify certificates (give the client the CA the endpoint needs instead).",
    )


def skipped_lines(source: str) -> set[int]:
    """Lines where a ``tls.Config``'s ``InsecureSkipVerify`` is given or set the literal ``true``."""
    if len(source) > MAX_SOURCE:
        return set()
    found: set[int] = set()
    for node in parsed_nodes(_PARSER, source) or ():
        if node.type == "keyed_element" and len(node.named_children) == 2:
            key, value = node.named_children
        elif node.type == "assignment_statement" and len(node.named_children) == 2:
            key, value = node.named_children
            key = key.named_children[0] if key.named_child_count == 1 else key
            key = key.child_by_field_name("field") or key
        else:
            continue
        if node_text(key) == _FIELD and node_text(value) == "true":
            found.add(value.start_point[0] + 1)
    return found
