"""What a URL in program source is for, when its shape or its place says so.

- A licence's page is shown to people: a product names the licences it offers (CKAN's ``license.py``:
  ``url = "http://www.opendefinition.org/licenses/odc-by"``) or its own; the URL is a link, not a resource the
  product requests.
- A URL inside a sentence of a string literal (``"Please see https://faq…/serialerror for possible reasons."``,
  ``'See http://bit.ly/x'``): a message for people; a URL a program requests is the whole literal or begins it.
- An OAuth scope (``SCOPES = ['https://www.googleapis.com/auth/datastore', …]``, ``scopes=["https://graph.…/.default"]``,
  ``…&scope=https://graph.microsoft.com``): the name of a permission a token is asked for, not a host contacted.
- A list of types (``types = ['http://specs.openid.net/auth/2.0/server', …]``): the names of what a service is, as an
  XRDS document's ``<Type>`` or an RDF type gives them; a client compares them, nothing requests them.
- A module's metadata (``__plugin_url__ = "https://docs…"``, ``__url__``, ``__homepage__``): a plugin's or a
  package's links, read by a plugin manager's page or an index, as package metadata is.
- The target of a Markdown link written in a string (``f"[@{name}](https://t.me/{name})"``,
  ``'[0.15.3](https://github.com/…/releases/tag/v0.15.3)'``): text a chat message or a page shows with its link.
- A code host's page of one commit, tag, release or comparison (``https://github.com/o/r/commit/{sha}``,
  ``…/releases/tag/{tag}``, GitLab's ``…/-/commit/…``): a web page for people; what a program downloads from a code
  host is a release asset (``…/releases/download/…``), an archive or a raw file, not these pages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.yaml_prose import indented_values

# a path segment that names a licence (``licenses``, ``legal``, ``open-government-licence``)
_LICENCE_PAGE = re.compile(
    r"(?i)^[a-z]+://[^/]+/(?:[^?#]*/)?(?:(?:[\w.]+[-_])*licen[cs]es?(?:[-_][\w.]+)*|legal)(?:/|\.html?$|$)"
)


def licence_page(url: str) -> bool:
    """A URL whose path names a licence page (``…/licenses/by-nc/2.0/``, ``…/licenses/LICENSE-2.0``)."""
    return bool(_LICENCE_PAGE.match(url))


_REPOSITORY_PAGE = re.compile(
    r"(?i)^[a-z][a-z0-9+.-]*://[^/?#]+/[^/?#]+/[^/?#]+/(?:-/)?(?:commits?|releases/tag|tags|compare)/"
)


def markdown_link(line: str, start: int) -> bool:
    """The URL starting at ``start`` is a Markdown link's target (``[text](URL)``)."""
    return line[max(0, start - 2) : start] == "]("


def repository_page(url: str) -> bool:
    """A code host's page of one commit, tag, release or comparison (``…/commit/<id>``, ``…/releases/tag/<tag>``)."""
    return bool(_REPOSITORY_PAGE.match(url))


_MODULE_METADATA = re.compile(r"__(?:\w+_)?(?:url|homepage|website|author_email)__\s*=")


def module_metadata_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of a Python module that set a metadata attribute (``__plugin_url__ = …``, ``__url__ = …``)."""
    if not path.endswith(".py"):
        return set()
    return {number for number, text in lines if text.startswith("__") and _MODULE_METADATA.match(text)}


_QUOTES = "\"'`"
# words that introduce a link in a sentence; a command in a string (``"git clone https://…"``, ``"curl -fsSL …"``)
# ends with none of them
_SENTENCE_BEFORE = re.compile(
    r"(?i)^[^-|$=/;&<>]*\b(?:see|at|visit|check|read|on|under|via|here|docs?|faq|go\s+to|instructions\s+from)[,:]?\s+$"
    # a link in parentheses after two words or more (``"Install Chocolatey first (https://chocolatey.org/)"``); a
    # command's substitution (``"$(curl …"``) or a call (``get(``) has no blank before its parenthesis
    r"|^[^-|$=/;&<>()]*\b[A-Za-z]{2,}\s+[A-Za-z][^()]*\s\($"
)
_SCOPE_BEFORE = re.compile(r"""(?i)\bscopes?["']?\s*[:=]\s*[\[(]?\s*["']?\s*$""")
_SCOPE_LIST_START = re.compile(r"""(?i)\bscopes?["']?\s*[:=]\s*[\[(]""")
_LIST_END = re.compile(r"[\])]")


def in_sentence(line: str, start: int) -> bool:
    """The URL starting at ``start`` follows words in the same string literal (``"Please see https://…"``)."""
    opening = max(line.rfind(q, 0, start) for q in _QUOTES)
    return opening >= 0 and bool(_SENTENCE_BEFORE.search(line[opening + 1 : start]))


def oauth_scope(line: str, start: int) -> bool:
    """The URL starting at ``start`` is the value of a ``scope``/``scopes`` key or argument."""
    return bool(_SCOPE_BEFORE.search(line, 0, start))


def scope_list_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """In program source, the lines of a list or tuple assigned to a ``scopes`` name or key (``SCOPES = [``)."""
    return _block_lines(lines, _SCOPE_LIST_START, _LIST_END)


# a configuration key whose last word is ``scope``/``scopes`` (``oidc_scopes=``, ``scopes:``, ``defaultScopes =``),
# its value on the line or on the more indented lines under it (an INI value continued, a YAML list)
_SCOPE_SETTING = re.compile(r"""^(\s*)(?:-\s+)?["']?(?:[\w.-]*[_.-]|[\w.-]*[a-z](?=S))?(?i:scopes?)["']?\s*[:=]""")


def scope_setting_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    """In configuration, the lines of an OAuth scope setting's value (``oidc_scopes=`` then ``    openid`` and
    ``    https://waiverdb.fedoraproject.org/oidc/create-waiver``): scope names, asked for in a token request, never
    fetched, as :func:`scope_list_lines` reads them in program source."""

    def opens_scope(text: str) -> int | None:
        setting = _SCOPE_SETTING.match(text)
        return None if setting is None else len(setting.group(1))

    continued, opened = indented_values(lines, opens_scope)
    return continued | opened


def _block_lines(lines: Sequence[tuple[int, str]], start: re.Pattern[str], end: re.Pattern[str]) -> set[int]:
    """The lines from each one ``start`` matches to the next one ``end`` matches (that line included)."""
    found: set[int] = set()
    inside = False
    for number, text in lines:
        if not inside and start.search(text):
            inside = True
        if inside:
            found.add(number)
            if end.search(text):
                inside = False
    return found


# a list of type URIs: ``types = [``, ``type_uris = (``, ``"types": [`` (an OpenID XRDS document's ``<Type>`` values,
# an RDF or JSON-LD type): each URL names what a service or a resource is
_TYPE_LIST_START = re.compile(r"""(?i)(?:^|[\s(,{])["']?(?:\w+_)?types?(?:_?uris?)?["']?\s*[:=]\s*[\[(]""")


def type_list_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """In program source, the lines of a list or tuple of types (``types = ['http://specs.openid.net/auth/2.0/server',
    …]``, which Ipsilon publishes as its XRDS service types): names a client compares, not hosts anything requests."""
    return _block_lines(lines, _TYPE_LIST_START, _LIST_END)


# a dict of XML namespace prefixes: ``ns = {``, ``default_ns = {``, ``NSMAP = {``, ``XML_NAMESPACES = {``,
# ``namespaces={`` / ``nsmap={`` as an argument
_NAMESPACE_MAP_START = re.compile(r"""(?i)(?:^|[\s(,])(?:\w+_)?(?:ns|nsmap|namespaces?)\s*[:=]\s*\{""")
_MAP_END = re.compile(r"\}")


def namespace_map_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """In program source, the lines of a dict of XML namespace prefixes (``ns = {'pkg':
    'http://www.idpf.org/2007/opf', …}``): each URL names a vocabulary an XPath query matches, nothing fetches it."""
    return _block_lines(lines, _NAMESPACE_MAP_START, _MAP_END)


# ``"$id": https://…``, ``$schema``, ``schema_id='https://…'``, ``schemaUri``: the name of a JSON schema or an event
# schema, matched against a document's own ``$id``/``$schema``; a validator reads the schema it is given, it does not
# fetch the name (``$ref`` may be fetched: not one of these)
_SCHEMA_NAME_BEFORE = re.compile(r"""(?i)(?:["']?\$(?:id|schema)|\bschema_?(?:id|uri))["']?\s*[:=]\s*["']?$""")


def schema_name(line: str, start: int) -> bool:
    """The URL starting at ``start`` is the value of a schema's identifier (``$id``, ``$schema``, ``schema_id``)."""
    return bool(_SCHEMA_NAME_BEFORE.search(line, 0, start))


_COMPARED_BEFORE = re.compile(r"""(?:[=!]==?|\bis\s+(?:not\s+)?)\s*[rbuf]?["'`]$""")
_COMPARED_AFTER = re.compile(r"""^["'`]\s*(?:[=!]==?|\bis\b)""")


def compared(line: str, start: int, end: int) -> bool:
    """The URL literal spanning ``start``-``end`` is an operand of a comparison (``if config['GITHUB_URL'] ==
    'https://github.com':``): a value tested against, not requested."""
    return bool(_COMPARED_BEFORE.search(line, 0, start)) or bool(_COMPARED_AFTER.match(line[end:]))


# a link relation type (RFC 8288 extension relations, JSON Home: ``…/3/rel/{resource_name}``, ``…/rels/orders``)
# and a JSON Home parameter relation (``…/3/param/{parameter_name}``): names of relations a client looks up in a
# document, never requested
_RELATION = re.compile(r"(?i)^[a-z]+://[^/\s]+/(?:[^?#\s]*/)?(?:rels?/(?:[\w.-]+/?)?|param/)$")


def relation_type(line: str, url: re.Match[str]) -> bool:
    """The URL ``url`` on ``line`` names a link relation: its path ends in ``/rel/<name>`` or ``/rels/<name>``, or
    in ``/rel/``/``/param/`` with the name filled in after it (``f'…/rel/{resource_name}'``)."""
    text = url.group(0)
    if not _RELATION.match(text):
        return False
    return not text.endswith("/") or line[url.end() : url.end() + 1] == "{"
