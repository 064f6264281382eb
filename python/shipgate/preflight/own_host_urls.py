"""URLs on the host a settings file names as the product's own address: the product's own parts, not hosts it contacts.

A setting named for the product's own address (``APP_URL``, ``SITE_URL``, ``BASE_URL``: ``endpoints._OWN_NAME_KEY``)
gives the host clients reach it at. Other URLs the same file writes on that very host are the product's own parts
behind the same name (Revolt's ``api = "http://local.revolt.chat/api"``, ``events = "ws://local.revolt.chat/ws"`` beside
``app = "http://local.revolt.chat"``, holdout194): its API, its websocket, its file server under one reverse proxy,
the addresses it gives its clients. A URL on another host (``https://api.vendor.io``, ``http://minio:9000``) is read
as before, and so is every URL of a file that names no own address.

A bare key in an INI/TOML table named for addresses (``[hosts]``, ``[urls]``, ``[x.hosts]``) is the URL of what the key
names: ``[hosts]`` … ``app = "http://…"`` is the app's URL, as ``[site]`` … ``url`` is the site's
(``endpoints._OWN_SECTION_SETTINGS``); ``[hosts]`` … ``web1 = "http://10.0.0.5"`` is ``web1_url``, a host contacted.

Only ``name = scheme://…`` / ``name: scheme://…`` lines count (a compose list item's ``- NAME=…`` too), one per
line; the host is compared whole (``chat.example.org`` is not ``api.chat.example.org``). Two passes over the lines,
each linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from shipgate.preflight.ini_sections import section_of_lines

_URL_SETTING = re.compile(
    r"""^\s*(?:-\s+|export\s+)?["']?([A-Za-z_][\w.-]{0,127})["']?\s*[:=]\s*["']?([A-Za-z][A-Za-z0-9+.-]{0,15}://[^\s"'#;,]{1,512})"""
)
# A table whose name says its entries are addresses: each bare key names the part the URL is for.
_ADDRESS_TABLE = frozenset({"hosts", "urls"})
_ADDRESS_WORD = re.compile(r"(?i)ur[li]|host|domain|address|endpoint")


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def _setting_name(name: str, section: str) -> str:
    """The setting's name as the file means it: a bare key in a ``[hosts]``/``[urls]`` table is ``<key>_url``."""
    if section.rsplit(".", 1)[-1] in _ADDRESS_TABLE and not _ADDRESS_WORD.search(name):
        return f"{name}_url"
    return name


def own_host_lines(lines: Sequence[tuple[int, str]], own_name: Callable[[str], bool]) -> set[int]:
    """The lines of a settings file whose URL is on a host the file names as the product's own by a setting
    ``own_name`` accepts (see the module docstring); the own-address settings themselves included."""
    section_of = section_of_lines(lines)
    urls: list[tuple[int, str]] = []
    own: set[str] = set()
    for number, text in lines:
        m = _URL_SETTING.match(text)
        if m is None:
            continue
        host = _host(m.group(2))
        if host is None:
            continue
        urls.append((number, host))
        if own_name(_setting_name(m.group(1), section_of.get(number, ""))):
            own.add(host)
    return {number for number, host in urls if host in own} if own else set()
