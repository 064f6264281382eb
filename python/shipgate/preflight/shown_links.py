"""URLs a Python program hands to a record as the link it shows, not as an address it requests.

A metadata source describes itself and each result with links for the user's page: ``MetaSourceInfo(id=…,
link="https://amazon.com/")``, ``MetaRecord(…, url=Google.BOOK_URL + result["id"])``. Read from the module's tree
(the one :func:`distributed.prose_string_lines` parses):

- a URL literal inside the ``link=``/``href=``/``homepage=``/``website=`` argument of any call, or inside the ``url=``
  argument of a record's constructor (a CapWords callee that names no request, client, session or connection:
  ``MetaRecord(url=…)``, not ``Request(url=…)`` or ``session.get(url=…)``);
- a URL literal inside an OpenAPI description's ``"contact": {…}``, ``"license": {…}`` or ``"externalDocs": {…}``
  object (``swagger_template = {"info": {"contact": {"url": "https://www.cg-wire.com"}}}``): links the API's
  documentation page shows;
- a URL literal inside a request header's ``"User-Agent"`` value (``headers={"User-Agent": "Fresh/%s (Bot)
  https://gerrit.wikimedia.org/g/fresh" % v}``), or assigned to a name the program keeps its User-Agent in
  (``DISCORD_USER_AGENT = f"Evennia (https://www.evennia.com, {v})"``) or to a headers mapping's ``"User-Agent"``
  entry, also added to it (``headers["User-agent"] += " https://github.com/progval/Limnoria/ - Geography plugin"``):
  the link a client names itself by, sent, not requested;
- a URL literal inside the value stored as a record's ``url`` in the function that made the record (``entry =
  Entry()`` … ``entry['url'] = f'https://trakt.tv/shows/{slug}'``: the same record's link, given after its
  constructor rather than in it), and inside a lambda a field map gives for a ``…_url`` field (``'imdb_url': lambda
  s: f'http://www.imdb.com/title/{s.imdb_id}'``: the link each record of a lookup carries), and inside the value of
  a local name whose every use is such a link (``simdburl = 'http://www.imdb.com/title/' + i`` …
  ``Entry(url=simdburl)``);
- a URL literal given to a JSON Schema's ``"$schema"`` key (``{'$schema': 'https://json-schema.org/draft/2020-12/
  schema', …}``): the dialect's identifier, which validators compare and never fetch;
- a module or class constant holding a URL (``META_URL = "https://books.google.com/"``) whose every use in the module
  is inside such an argument (``link=Google.META_URL``). One use elsewhere (``requests.get(Google.SEARCH_URL + q)``,
  ``f"{BASE_URL}/search"``) keeps it an address the program requests.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterable

_SHOWN_KEYWORDS = frozenset({"link", "href", "homepage", "website"})
_RECORD_KEYWORDS = frozenset({"url"})
_API_DESCRIPTION_KEYS = frozenset({"contact", "license", "externalDocs"})  # OpenAPI's info objects: links shown
_RECORD = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_REQUESTING = re.compile(r"(?i)request|client|session|connection|http|fetch|api|transport|socket|proxy|load|url")


def shown_link_lines(tree: ast.Module, nodes: Iterable[ast.AST]) -> set[int]:
    """The lines of URL literals that only ever reach a shown link (see the module's docstring)."""
    constants = _url_constants(tree)
    shown_values: list[ast.expr] = []
    used: Counter[str] = Counter()
    for node in nodes:
        if isinstance(node, ast.Call):
            shown_values += [k.value for k in node.keywords if _shows(node, k.arg)]
        elif isinstance(node, ast.Dict):  # an OpenAPI description's ``"contact": {"url": …}``, ``"license"``
            for key, value in zip(node.keys, node.values, strict=True):
                if _describes_api(key, value) or _names_client(key) or _names_dialect(key):
                    shown_values.append(value)
                elif isinstance(value, ast.Lambda) and _link_field(key):  # ``'imdb_url': lambda s: …``
                    shown_values.append(value.body)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            shown_values += _record_links(node)
        elif isinstance(node, ast.Assign) and any(_names_agent(target) for target in node.targets):
            shown_values.append(node.value)  # ``DISCORD_USER_AGENT = f"Evennia (https://www.evennia.com, {v})"``
        elif isinstance(node, ast.AugAssign) and _names_agent(node.target):
            shown_values.append(node.value)  # ``headers["User-agent"] += " https://github.com/…"``
        elif constants and isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in constants:
            used[node.id] += 1
        elif constants and isinstance(node, ast.Attribute) and node.attr in constants:
            used[node.attr] += 1
    lines: set[int] = set()
    shown_uses: Counter[str] = Counter()
    for value in shown_values:
        for sub in ast.walk(value):
            if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and "://" in sub.value:
                lines.add(sub.lineno)  # a plain literal or a part of an f-string (walked into)
            elif isinstance(sub, ast.Name) and sub.id in constants:
                shown_uses[sub.id] += 1
            elif isinstance(sub, ast.Attribute) and sub.attr in constants:
                shown_uses[sub.attr] += 1
    lines.update(constants[name] for name, count in used.items() if count and shown_uses[name] == count)
    return lines


def _link_field(key: ast.expr | None) -> bool:
    """A field map's ``'imdb_url'`` key (given ``lambda series: …``): the link field each record is given."""
    return isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.endswith("_url")


def _record_links(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.expr]:
    """The values ``function`` gives a record it made as its ``url`` (``entry = Entry()``, ``entry['url'] = …``),
    and the values of a local name whose every use is a record's ``url`` (``u = 'https://…' + i`` then
    ``Entry(url=u)``, ``entry['url'] = u``)."""
    records: set[str] = set()
    stores: list[tuple[str, ast.expr]] = []
    assigned: dict[str, list[ast.expr]] = {}
    loads: Counter[str] = Counter()
    as_link: Counter[str] = Counter()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            if isinstance(node.value, ast.Call) and _is_record(node.value):
                records.update(t.id for t in node.targets if isinstance(t, ast.Name))
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
                elif _record_key(target) and isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                    stores.append((target.value.id, node.value))
        elif isinstance(node, ast.Call) and _is_record(node):
            as_link.update(
                k.value.id for k in node.keywords if k.arg in _RECORD_KEYWORDS and isinstance(k.value, ast.Name)
            )
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            loads[node.id] += 1
    values = [value for name, value in stores if name in records]
    as_link.update(value.id for value in values if isinstance(value, ast.Name))
    for name, count in as_link.items():
        if count == loads[name]:
            values += assigned.get(name, [])
    return values


def _record_key(target: ast.expr) -> bool:
    """``x['url']``: a subscript by the record's link key."""
    key = target.slice if isinstance(target, ast.Subscript) else None
    return isinstance(key, ast.Constant) and key.value in _RECORD_KEYWORDS


def _describes_api(key: ast.expr | None, value: ast.expr) -> bool:
    return isinstance(key, ast.Constant) and key.value in _API_DESCRIPTION_KEYS and isinstance(value, ast.Dict)


def _names_dialect(key: ast.expr | None) -> bool:
    """A JSON Schema's ``"$schema"`` key: its value is the dialect's identifier, compared by validators, not fetched."""
    return isinstance(key, ast.Constant) and key.value == "$schema"


def _names_client(key: ast.expr | None) -> bool:
    """A request header's ``"User-Agent"`` key: its value names the client, with the product's page as a link."""
    return isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.lower() == "user-agent"


def _names_agent(target: ast.expr) -> bool:
    """A name or attribute the program keeps its User-Agent string in (``USER_AGENT``, ``self.user_agent``,
    ``DISCORD_USER_AGENT``), or a headers mapping's ``"User-Agent"`` entry (``headers["User-agent"] = …``, Limnoria's
    Geography plugin: whole packages round forty): the value names the client, with the product's page as a link,
    as the header does."""
    if isinstance(target, ast.Subscript):
        return _names_client(target.slice)
    name = target.id if isinstance(target, ast.Name) else target.attr if isinstance(target, ast.Attribute) else ""
    return name.lower().endswith("user_agent")


def _shows(call: ast.Call, keyword: str | None) -> bool:
    if keyword in _SHOWN_KEYWORDS:
        return True
    if keyword not in _RECORD_KEYWORDS:
        return False
    return _is_record(call)


def _is_record(call: ast.Call) -> bool:
    """A record's constructor: a CapWords callee that names no request, client, session or connection."""
    func = call.func
    callee = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
    return bool(_RECORD.match(callee)) and not _REQUESTING.search(callee)


def _url_constants(tree: ast.Module) -> dict[str, int]:
    """Module and class constants assigned one URL literal: name -> line."""
    found: dict[str, int] = {}
    bodies: list[list[ast.stmt]] = [tree.body]
    bodies += [n.body for n in tree.body if isinstance(n, ast.ClassDef)]
    for body in bodies:
        for stmt in body:
            if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)):
                continue
            value = stmt.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and "://" in value.value:
                found[stmt.targets[0].id] = value.lineno
    return found
