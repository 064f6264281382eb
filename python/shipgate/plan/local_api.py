"""A stop or restart asked of the machine's own management API: ``curl -X POST
http://localhost:8081/api/docker/composes/measurement/stop`` (a device agent stopping a compose project). Counted
when the request changes something (``curl -X POST|PUT|DELETE``, ``-d``/``--data…``/``--json``/``-F``; ``wget
--method=…``/``--post-data``), goes to the loopback host, and the URL's last path segment is ``stop``, ``restart``
or ``shutdown``. A plain GET (a status page named ``…/stop``) and a remote host's API are not read as a stop.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from shipgate.preflight.shell.model import Command

_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})  # noqa: S104 - hosts matched, not bound
_VERBS = {"stop": "stop", "restart": "restart", "shutdown": "stop"}
_CURL_DATA = ("-d", "--data", "--data-raw", "--data-binary", "--data-urlencode", "--json", "-F", "--form")
_WRITING_METHODS = frozenset({"POST", "PUT", "DELETE", "PATCH"})


def _method(words: list[str], i: int) -> str:
    """The method curl's option at ``i`` sets (``-X POST``, ``-XPOST``, ``--request=POST``), else ""."""
    w = words[i]
    if w in ("-X", "--request"):
        return words[i + 1].upper() if i + 1 < len(words) else ""
    if w.startswith("--request="):
        return w.split("=", 1)[1].upper()
    return w[2:].upper() if w.startswith("-X") else ""


def _changes(name: str, words: list[str]) -> bool:
    if name == "curl":
        return any(_method(words, i) in _WRITING_METHODS or w.startswith(_CURL_DATA) for i, w in enumerate(words))
    return any(w.startswith(("--post-data", "--post-file", "--body-data")) or
               (w.startswith("--method=") and w.split("=", 1)[1].upper() in _WRITING_METHODS) for w in words)


def api_stops(c: Command) -> Iterator[tuple[str, str]]:
    """(verb, the URL's path) for a request that asks the local management API to stop or restart something."""
    if c.name not in ("curl", "wget"):
        return
    words = [w.text for w in c.words]
    if not _changes(c.name, words):
        return
    for w in words:
        if not w.startswith(("http://", "https://")):
            continue
        try:
            url = urlsplit(w)
            host = url.hostname
        except ValueError:
            continue
        last = url.path.rstrip("/").rsplit("/", 1)[-1].lower()
        if host in _LOOPBACK and last in _VERBS:
            yield _VERBS[last], url.path
