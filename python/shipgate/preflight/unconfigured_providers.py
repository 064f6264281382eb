"""Flat settings of an integration whose login is left empty: ``MASTODON_URL`` beside ``MASTODON_CLIENT_ID: ""``.

An env file, a compose ``environment:`` map or a YAML file of dotted keys lists each integration as settings that
share a name's first words: its server's address and the client id, key or secret the product logs in with
(Postiz's ``MASTODON_URL: "https://mastodon.social"`` above ``MASTODON_CLIENT_ID: ""`` and
``MASTODON_CLIENT_SECRET: ""``, Opengist's ``gitea.url: https://gitea.com/`` beside an empty ``gitea.client-key:``
and ``gitea.secret:``; holdout146). When every login setting of that prefix within ten lines is empty, the
integration is not configured as shipped: the product does not call its server, as with a feature switched off
(``prefix_switches``). One login setting with a value (or none at all beside the address) leaves the address read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WINDOW = 10
# ``NAME=value``, ``NAME: value``, ``- NAME=value``, ``export NAME=value``, ``a.b-c: value``: the name and the value
_SETTING = re.compile(r"""^\s*(?:export\s+|-\s+)?["']?(?P<name>[A-Za-z][\w.-]{0,127})["']?\s*[:=](?P<value>.*)$""")
# the login an integration's client uses: a client id/key/secret, an app id/secret, an API key, a bare ``secret``
_LOGIN = re.compile(r"(?i)^(?:client[_.-]?(?:id|key|secret)|app[_.-]?(?:id|secret)|api[_.-]?(?:key|secret)|secret)$")
_ADDRESS = re.compile(r"(?i)^(?:url|uri|host|server|base[_.-]?url|endpoint)$")
_SEPARATOR = re.compile(r"[_.-]")


def _split(name: str) -> tuple[str, str] | None:
    """The name's prefix (its first word) and the rest, lowered: ``MASTODON_CLIENT_ID`` → (mastodon, client_id)."""
    parts = _SEPARATOR.split(name, maxsplit=1)
    return (parts[0].lower(), parts[1].lower()) if len(parts) == 2 and parts[0] else None


def _empty(value: str) -> bool:
    value = re.sub(r"\s#.*$", "", value).strip()
    return value in ("", '""', "''")


def unconfigured_provider_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of address settings whose integration's login settings nearby are all empty."""
    settings: list[tuple[int, str, str, bool]] = []  # line, prefix, rest, empty
    for number, text in lines:
        m = _SETTING.match(text)
        split = _split(m["name"]) if m is not None else None
        if m is not None and split is not None:
            settings.append((number, split[0], split[1], _empty(m["value"])))
    off: set[int] = set()
    for index, (number, prefix, rest, _) in enumerate(settings):
        if not _ADDRESS.match(rest):
            continue
        near = settings[max(0, index - _WINDOW) : index + _WINDOW + 1]
        logins = [empty for n, p, r, empty in near if p == prefix and abs(n - number) <= _WINDOW and _LOGIN.match(r)]
        if logins and all(logins):
            off.add(number)
    return off
