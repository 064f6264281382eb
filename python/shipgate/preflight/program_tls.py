"""TLS certificate verification a product's own Python source turns off for the requests it makes: a call given
``verify=False`` (``requests``, ``httpx``: ``session.request(…, verify=False)``, ``httpx.Client(verify=False)``) and a
session whose ``verify`` is set to ``False`` (changedetection.io fetches every watched page, and sends its version
check, so); and the ``ssl`` module's default context swapped for the unverified one
(``ssl._create_default_https_context = ssl._create_unverified_context``: every ``urllib`` HTTPS request of the process
after it accepts any certificate; holdout179's fphydsbot); and a Twisted TLS connection opened with
``ssl.ClientContextFactory()``, which verifies nothing (``reactor.connectSSL(…, ssl.ClientContextFactory())``). A
test, an example in the documentation or a developer's tool is not the product; ``ssl_verify=False``,
``no_verify=False``, a variable named ``verify`` and a context of its own (``ctx = ssl._create_unverified_context()``,
handed to one call) are other settings."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from shipgate.findings import Finding
from shipgate.preflight.contents import Context
from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.unverified_requests import unverified_requests

MAX_SOURCE = 512_000  # a module past this is not parsed for it
_DEFAULT_CONTEXT = "_create_default_https_context"  # the ssl module's factory of the default HTTPS context
_UNVERIFIED_DEFAULT = "_create_unverified_context"  # its factory of a context that verifies nothing
# Twisted's client context factory that verifies nothing, and the calls that open a TLS connection with one
_TWISTED_UNVERIFIED = "ClientContextFactory"
_TWISTED_CONNECTS = ("connectSSL", "SSL4ClientEndpoint")
_UNVERIFYING = (_UNVERIFIED_DEFAULT, _TWISTED_UNVERIFIED)  # words a line says when it may turn verification off
_MESSAGE = "the product's own HTTPS requests do not verify the server's certificate: anyone on the path can answer them"


def scan(ctx: Context) -> Iterator[Finding]:
    return unverified_requests(
        ctx,
        is_source=lambda path: path.endswith(".py"),
        may_say=lambda line: ("verify" in line and "False" in line) or any(n in line for n in _UNVERIFYING),
        reader=lambda _path, source: {number: (how, _MESSAGE) for number, how in _unverified_lines(source).items()},
        remedy="Ask the vendor to verify certificates (install the CA the endpoint needs instead).",
    )


def _unverified_lines(source: str) -> dict[int, str]:
    """Lines of ``verify=False`` given to a call, of ``x.verify = False`` and of the ssl module's default context
    swapped for the unverified one."""
    if len(source) > MAX_SOURCE:
        return {}
    tree = python_tree(source)
    if tree is None:
        return {}
    found: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            off = (k.value.lineno for k in node.keywords if k.arg == "verify" and _false(k.value))
            found.update((number, "verify=False") for number in off)
            found.update((number, f"ssl.{_TWISTED_UNVERIFIED}()") for number in _unverified_connection(node))
        elif isinstance(node, ast.Assign) and _false(node.value):
            if any(isinstance(t, ast.Attribute) and t.attr == "verify" for t in node.targets):
                found[node.lineno] = "verify=False"
        elif isinstance(node, ast.Assign) and _swaps_the_default(node):
            found[node.lineno] = f"ssl.{_DEFAULT_CONTEXT} = ssl.{_UNVERIFIED_DEFAULT}"
    return found


def _swaps_the_default(node: ast.Assign) -> bool:
    """``ssl._create_default_https_context = ssl._create_unverified_context``."""
    return _names(node.value, _UNVERIFIED_DEFAULT) and any(_names(t, _DEFAULT_CONTEXT) for t in node.targets)


def _unverified_connection(call: ast.Call) -> list[int]:
    """The lines of a Twisted ``ssl.ClientContextFactory()`` given to a TLS connection (``reactor.connectSSL(host,
    port, factory, ssl.ClientContextFactory())``, ``SSL4ClientEndpoint(…)``): that factory sets no verification, so
    the connection accepts any certificate (Deluge's thin client logging in to its daemon, round thirty-nine). A
    factory made and kept apart, or ``optionsForClientTLS(hostname)``, is not read."""
    if not any(_names(call.func, name) for name in _TWISTED_CONNECTS):
        return []
    given = [*call.args, *(k.value for k in call.keywords)]
    return [a.lineno for a in given if isinstance(a, ast.Call) and _names(a.func, _TWISTED_UNVERIFIED)]


def _names(node: ast.expr, name: str) -> bool:
    """``node`` is ``name`` itself or an attribute so called (``ssl.NAME``), not a call of it."""
    return (isinstance(node, ast.Attribute) and node.attr == name) or (isinstance(node, ast.Name) and node.id == name)


def _false(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is False
