"""TLS certificate verification a product's own Python source turns off for the requests it makes: a call given
``verify=False`` (``requests``, ``httpx``: ``session.request(…, verify=False)``, ``httpx.Client(verify=False)``) and a
session whose ``verify`` is set to ``False`` (changedetection.io fetches every watched page, and sends its version
check, so). A test, an example in the documentation or a developer's tool is not the product; ``ssl_verify=False``,
``no_verify=False`` and a variable named ``verify`` are other settings."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_line
from shipgate.preflight.distributed import is_development_file
from shipgate.preflight.markup import is_documentation, is_test_path
from shipgate.preflight.project_layout import is_vendored_web_asset
from shipgate.preflight.python_tree import python_tree

MAX_SOURCE = 512_000  # a module past this is not parsed for it


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if not text.path.endswith(".py") or is_test_path(text.path) or is_documentation(text.path):
            continue
        if is_development_file(text.path) or is_vendored_web_asset(text.path):
            continue
        if not any("verify" in line.text and "False" in line.text for line in text.lines):
            continue  # the cheap test: most modules never say it
        source = "\n".join(line.text for line in text.lines)
        lines = {line.number: line.text for line in text.lines}
        for number in sorted(_unverified_lines(source)):
            yield at_line(
                "preflight.tls_verification_disabled",
                Severity.HIGH,
                path=text.path,
                line=number,
                text=lines.get(number, ""),
                how="verify=False",
                message="the product's own HTTPS requests do not verify the server's certificate (verify=False): "
                "anyone on the path can answer them",
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
