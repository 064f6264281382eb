"""URL literals in Python program source that are links or patterns, not hosts the program requests.

A URL literal in program source is contacted when the code hands it to a network client or when it is a setting
the product reads to connect; a link shown to people, a pattern matched against input and a page a browser loads
are mentions (docs/preflight.md, ``external_endpoint``). Read by Python's own parser, these shapes say which:

- the value given a name that says it is for people: an assignment, a keyword argument or a dict key whose name
  has the word ``doc``/``docs``/``documentation``, ``help``, ``donate``/``donation``, ``homepage``, ``website``,
  ``web``/``repoweb`` (a project's web page), ``author``/``maintainer`` (a person's or project's page a plugin list
  shows: ``author_url = "https://github.com/…"``), ``placeholder`` (the grey text of an empty form field:
  ``render_kw={"placeholder": "https://client.example/callback"}``) or ``link``/``links`` (``DOCS_URL =
  "https://…"``, ``DOC_LINKS = {…}``, ``Project(web="https://…")``), and what a function named so returns
  (``def get_doc_url(): return "https://…"``);
- the value given a name that says a browser is sent there: the word ``success``, ``cancel``, ``return`` or
  ``redirect`` with ``url``/``uri`` (``success_url = co.success_url or "https://lnbits.com"``, a checkout's
  ``cancel_url``, ``"setup_order_redirect_url": …``): where a payment or login flow sends the user's browser when it
  ends, handed to the provider, never requested by the product;
- a tuple, list or set of strings given a name whose words end in ``examples`` (``URL_EXAMPLES = (…)``,
  ``examples = ["https://pypi.org/project/fedmsg/", …]``): samples of what a user may type, shown beside a form
  field; the program requests the URL it builds from what the user gives, not these;
- a tuple, list or set (one item a line) of URL templates that spell one repository several ways (two access methods of ``git://``,
  ``ssh://``, ``http(s)://`` and scp-like ``git@host:``, each with a ``%(name)s`` or ``{name}`` placeholder): the
  forms a webhook payload's repository is matched against, not addresses to fetch.

Also, on any line of program source: a page of a documentation site (``*.readthedocs.io``, a ``docs.`` host) and a
stylesheet or script (a path ending ``.css``/``.js``), which a program puts in a page for a browser to load."""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from shipgate.preflight.python_tree import python_tree

_MAX_SOURCE = 2_000_000  # bytes of one Python file read by the parser here
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_FOR_PEOPLE = frozenset(
    {
        "doc",
        "docs",
        "documentation",
        "help",
        "donate",
        "donation",
        "homepage",
        "website",
        "web",
        "repoweb",
        "author",
        "maintainer",
        "placeholder",
        "link",
        "links",
    }
)
_DESTINATION = frozenset({"success", "cancel", "return", "redirect"})  # where a flow sends the browser at its end
_ADDRESS = frozenset({"url", "uri"})
_SAMPLES = "examples"  # the last word of a name given a collection of samples shown to a user
_PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w*\}")
_ACCESS = re.compile(r"^(git|ssh|https?)://|^[\w.{}-]+@[\w.{}-]+:")
_DOCS_HOST = re.compile(r"(?i)(?:^|\.)(?:readthedocs\.(?:io|org)|readthedocs-hosted\.com)$|^docs?\.")
_ASSET = re.compile(r"(?i)\.(?:css|js)$")


def named_for_people(name: str) -> bool:
    """Whether a name's words say its value is shown to people (``DOCS_URL``, ``get_doc_url``, ``repoweb``)."""
    return any(w.lower() in _FOR_PEOPLE for w in _WORDS.findall(name))


def names_browser_destination(name: str) -> bool:
    """Whether a name says a browser is sent to its value when a flow ends (``success_url``, ``return_uri``)."""
    words = {w.lower() for w in _WORDS.findall(name)}
    return bool(words & _DESTINATION) and bool(words & _ADDRESS)


def names_samples(name: str, value: ast.AST) -> bool:
    """Whether a collection is named as samples for people (``examples = [...]``, ``URL_EXAMPLES = (…)``)."""
    words = _WORDS.findall(name)
    return bool(words) and words[-1].lower() == _SAMPLES and isinstance(value, (ast.List, ast.Tuple, ast.Set))


def documentation_page(url: str) -> bool:
    """A page of a documentation site (``https://app.readthedocs.io/…``, ``https://docs.vendor.org/…``)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return False
    return bool(_DOCS_HOST.search(host))


def browser_asset(url: str) -> bool:
    """A stylesheet or script URL (``…/swagger-ui.css``, ``…/bundle.js``): what a page loads in a browser."""
    try:
        return bool(_ASSET.search(urlsplit(url).path))
    except ValueError:
        return False


def _strings(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) for n in ast.walk(node))


def _lines(node: ast.AST) -> set[int]:
    end = getattr(node, "end_lineno", None) or node.lineno  # type: ignore[attr-defined]
    return set(range(node.lineno, end + 1))  # type: ignore[attr-defined]


def _target_name(target: ast.expr) -> str:
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Constant):
        return str(target.slice.value)
    return ""


_LITERAL_LINE = re.compile(r"""^\s*[rRuU]?(["'])([^"'\\]*)\1\s*,?\s*(?:#.*)?$""")  # one string item of a sequence


def _repository_spellings(texts: Sequence[str]) -> bool:
    """Two or more templates of one repository under different access methods (see the module's docstring)."""
    if len(texts) < 2 or not all(_PLACEHOLDER.search(t) for t in texts):
        return False
    methods = {m.group(1) or "scp" for t in texts if (m := _ACCESS.match(t))}
    if "https" in methods:
        methods.discard("http")
    return len(methods) >= 2


def _spelling_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of each run of one-string lines (a sequence's items, one a line) that spell one repository several
    ways. Read line by line, as a file the running parser cannot read (newer syntax) still has them."""
    found: set[int] = set()
    run: list[tuple[int, str]] = []
    for number, line in [*lines, (-1, "")]:
        m = _LITERAL_LINE.match(line)
        if m and (not run or run[-1][0] == number - 1):
            run.append((number, m.group(2)))
            continue
        if _repository_spellings([t for _, t in run]):
            found.update(n for n, _ in run)
        run = [(number, m.group(2))] if m else []
    return found


def _named_values(node: ast.AST) -> list[tuple[str, ast.AST]]:
    """(name, value) pairs a node gives: assignments, keyword arguments, dict entries, a function's returns."""
    if isinstance(node, ast.Assign):
        return [(_target_name(t), node.value) for t in node.targets]
    if isinstance(node, ast.AnnAssign) and node.value is not None:
        return [(_target_name(node.target), node.value)]
    if isinstance(node, ast.keyword) and node.arg:
        return [(node.arg, node.value)]
    if isinstance(node, ast.Dict):
        return [(str(k.value), v) for k, v in zip(node.keys, node.values, strict=True) if isinstance(k, ast.Constant)]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and named_for_people(node.name):
        return [(node.name, r.value) for r in ast.walk(node) if isinstance(r, ast.Return) and r.value is not None]
    return []


def source_link_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of a Python file whose URL literals are links or patterns (see the module's docstring)."""
    if not path.endswith(".py") or sum(len(t) for _, t in lines) > _MAX_SOURCE:
        return set()
    found = _spelling_lines(lines)
    text = dict(lines)
    tree = python_tree("\n".join(text.get(n, "") for n in range(1, max(text, default=0) + 1)))
    for node in ast.walk(tree) if tree is not None else ():
        for name, value in _named_values(node):
            if (named_for_people(name) or names_browser_destination(name) or names_samples(name, value)) and _strings(
                value
            ):
                found |= _lines(value)
    return found
