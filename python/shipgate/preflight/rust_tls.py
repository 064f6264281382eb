"""TLS certificate verification a product's own Rust source turns off for the connections it makes: a client
builder given ``danger_accept_invalid_certs(true)`` or ``danger_accept_invalid_hostnames(true)`` (reqwest's
``ClientBuilder``, native-tls' ``TlsConnector::builder()``). The Rust counterpart of ``go_tls`` (Go's
``InsecureSkipVerify: true``): every request made through that client accepts any certificate — in a Cargo build
script (``build.rs``), the download the build then compiles or links. Only the literal ``true`` is read; a value
from the product's settings (``.danger_accept_invalid_certs(opts.insecure)``) is the operator's choice. A test, an
example in the documentation or a developer's tool is not the product."""

from __future__ import annotations

from collections.abc import Iterator

import tree_sitter
import tree_sitter_rust

from shipgate.findings import Finding
from shipgate.preflight.contents import Context
from shipgate.preflight.syntax_nodes import node_text, parsed_nodes
from shipgate.preflight.unverified_requests import unverified_requests

MAX_SOURCE = 512_000  # a file past this is not parsed for it

_PARSER = tree_sitter.Parser(tree_sitter.Language(tree_sitter_rust.language()))
_METHODS = frozenset({"danger_accept_invalid_certs", "danger_accept_invalid_hostnames"})
_MESSAGE = (
    "the product's own TLS connections do not verify the server's certificate ({how}): anyone on the path can "
    "answer them"
)


def scan(ctx: Context) -> Iterator[Finding]:
    return unverified_requests(
        ctx,
        is_source=lambda path: path.endswith(".rs"),
        may_say=lambda line: "danger_accept_invalid_" in line,
        reader=lambda _path, source: {n: (how, _MESSAGE.format(how=how)) for n, how in skipped_lines(source).items()},
        remedy="Ask the vendor to verify certificates (give the client the CA the endpoint needs instead).",
    )


def skipped_lines(source: str) -> dict[int, str]:
    """Line -> the call, where a client builder's certificate or host-name check is given the literal ``true``."""
    if len(source) > MAX_SOURCE:
        return {}
    found: dict[int, str] = {}
    for node in parsed_nodes(_PARSER, source) or ():
        if node.type != "call_expression":
            continue
        function, args = node.child_by_field_name("function"), node.child_by_field_name("arguments")
        if function is None or args is None or function.type != "field_expression":
            continue
        method = node_text(function.child_by_field_name("field"))
        given = [a for a in args.named_children if a.type not in ("line_comment", "block_comment")]
        if method in _METHODS and len(given) == 1 and node_text(given[0]) == "true":
            found[given[0].start_point[0] + 1] = f"{method}(true)"
    return found
