"""TLS certificate verification a product's own Python source turns off for the requests it makes: a call given
``verify=False`` (``requests``, ``httpx``: ``session.request(…, verify=False)``, ``httpx.Client(verify=False)``) and a
session whose ``verify`` is set to ``False`` (changedetection.io fetches every watched page, and sends its version
check, so). A test, an example in the documentation or a developer's tool is not the product; ``ssl_verify=False``,
``no_verify=False`` and a variable named ``verify`` are other settings."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from shipgate.findings import Finding
from shipgate.preflight.contents import Context
from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.unverified_requests import unverified_requests

MAX_SOURCE = 512_000  # a module past this is not parsed for it
_MESSAGE = (
    "the product's own HTTPS requests do not verify the server's certificate (verify=False): anyone on the path can "
    "answer them"
)


def scan(ctx: Context) -> Iterator[Finding]:
    return unverified_requests(
        ctx,
        is_source=lambda path: path.endswith(".py"),
        may_say=lambda line: "verify" in line and "False" in line,
        reader=lambda _path, source: {number: ("verify=False", _MESSAGE) for number in _unverified_lines(source)},
        remedy="Ask the vendor to verify certificates (install the CA the endpoint needs instead).",
    )


def _unverified_lines(source: str) -> set[int]:
    """Lines of ``verify=False`` given to a call and of ``x.verify = False``."""
    if len(source) > MAX_SOURCE:
        return set()
    tree = python_tree(source)
    if tree is None:
        return set()
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            found.update(k.value.lineno for k in node.keywords if k.arg == "verify" and _false(k.value))
        elif isinstance(node, ast.Assign) and _false(node.value):
            found.update(node.lineno for t in node.targets if isinstance(t, ast.Attribute) and t.attr == "verify")
    return found


def _false(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is False
