"""Hosts a Python program writes outside a ``NAME = value`` line, each as the ``(name, value)`` setting the host
reader (``endpoints``) reads by its name (docs/preflight.md, ``external_endpoint``, ``metadata_endpoint``):

- a setting a call declares with a host written without a scheme as its default: the setting's name is the call's
  first string argument and the default its ``default=`` or the first argument of the typed value (a CamelCase
  class) it is given (``parser.add_argument('--server', default='dict.org')``, Limnoria's
  ``conf.registerGlobalValue(Dict, 'server', registry.String('dict.org', …))``, whole packages round forty): the
  product contacts that host whenever the operator leaves the setting alone (a URL default, ``cfg.StrOpt(
  'opendev_raw_base_url', default='https://…')``, is a URL literal in code, read on its own line);
- a host given to one of the standard library's connections (``socket.create_connection(('whois.iana.org', 43))``,
  ``sock.connect((host, port))``, ``smtplib.SMTP('smtp.vendor.net')``, ``http.client.HTTPSConnection(…)``): read
  as a ``host`` setting;
- a path of the EC2 instance metadata API written without its address (``/latest/meta-data/…``,
  ``/latest/dynamic/instance-identity/document``, ``/latest/api/token``), which a metadata client such as botocore's
  ``IMDSFetcher`` sends to 169.254.169.254 (Patroni's AWS callback, round forty): read as a ``url`` setting of that
  address.

A docstring's or comment's text is none of these: only call arguments and assigned values are read."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Sequence

from shipgate.preflight.python_tree import python_tree

_MAX_SOURCE = 2_000_000
# a setting's or an option's name: ``server``, ``--dict-server``, ``supybot.servers.http.host``
_SETTING_NAME = re.compile(r"^-{0,2}[A-Za-z][\w.-]{0,63}$")
# the standard library's client classes and functions given the host first
_CONNECTIONS = frozenset(
    {
        "create_connection",
        "SMTP",
        "SMTP_SSL",
        "LMTP",
        "FTP",
        "FTP_TLS",
        "HTTPConnection",
        "HTTPSConnection",
        "Telnet",
        "POP3",
        "POP3_SSL",
        "IMAP4",
        "IMAP4_SSL",
        "NNTP",
        "NNTP_SSL",
    }
)
_SOCKET_CONNECT = frozenset({"connect", "connect_ex"})
_METADATA_PATH = re.compile(r"^/latest/(?:meta-data(?:/|$)|dynamic/|user-data(?:/|$)|api/token$)")
_METADATA_ADDRESS = "http://169.254.169.254"


def python_host_values(path: str, lines: Sequence[tuple[int, str]]) -> dict[int, tuple[str, str]]:
    """Line -> (name, value) of each host a Python file writes as a declared setting's default, a connection's host
    or a metadata path (none in other files)."""
    if not path.endswith(".py") or sum(len(t) for _, t in lines) > _MAX_SOURCE:
        return {}
    if not any("'" in t or '"' in t for _, t in lines):
        return {}
    text = dict(lines)
    tree = python_tree("\n".join(text.get(n, "") for n in range(1, max(text, default=0) + 1)))
    if tree is None:
        return {}
    found: dict[int, tuple[str, str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for value, name in (*_declared_default(node), *_connection_host(node)):
                found.setdefault(value.lineno, (name, str(value.value)))
        for value in _metadata_paths(node):
            found.setdefault(value.lineno, ("url", _METADATA_ADDRESS + str(value.value)))
    return found


def _string(node: ast.expr | None) -> ast.Constant | None:
    return node if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _declared_default(call: ast.Call) -> Iterator[tuple[ast.Constant, str]]:
    """The literal default of a setting ``call`` declares, with the setting's name."""
    at = next((i for i, a in enumerate(call.args) if _string(a) is not None), None)
    name = _string(call.args[at]) if at is not None else None
    if name is None or not _SETTING_NAME.match(str(name.value)):
        return
    default = _string(next((k.value for k in call.keywords if k.arg == "default"), None))
    for typed in call.args[at + 1 :] if default is None and at is not None else ():
        # a typed value, its class named in CamelCase (``registry.String(…)``, ``cfg.StrOpt(…)``; not ``_("…")``)
        if isinstance(typed, ast.Call) and typed.args and _called_name(typed)[:1].isupper():
            default = _string(typed.args[0])
            break
    if default is not None and "://" not in str(default.value):  # a URL literal is read on its line as it is
        yield default, str(name.value).lstrip("-")


def _called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _connection_host(call: ast.Call) -> Iterator[tuple[ast.Constant, str]]:
    """The literal host a standard library connection ``call`` is given."""
    called = _called_name(call)
    first = call.args[0] if call.args else None
    if called in _SOCKET_CONNECT or called == "create_connection":
        pair = first if isinstance(first, ast.Tuple) and len(first.elts) == 2 else None
        host = _string(pair.elts[0]) if pair is not None else None
    else:
        host = _string(first) if called in _CONNECTIONS else None
    if host is not None:
        yield host, "host"


def _metadata_paths(node: ast.AST) -> Iterator[ast.Constant]:
    """The EC2 metadata API paths a call is given or a name is assigned."""
    values: list[ast.expr] = []
    if isinstance(node, ast.Call):
        values = [*node.args, *(k.value for k in node.keywords)]
    elif isinstance(node, ast.Assign):
        values = [node.value]
    for value in values:
        literal = _string(value)
        if literal is not None and _METADATA_PATH.match(str(literal.value)):
            yield literal
