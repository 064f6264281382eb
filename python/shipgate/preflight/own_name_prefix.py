"""Host settings a flat settings file names after the product itself: the name it calls itself, not a host it contacts.

A Laravel-style ``.env`` gives the product's name (``APP_NAME=AnonAddy``) and prefixes the product's own settings with
it (``ANONADDY_DOMAIN``, ``ANONADDY_SECRET``). ``ANONADDY_HOSTNAME=mail.example.com`` under that prefix is the host
name the product announces and receives mail as (holdout131), as a bare ``HOSTNAME`` is the machine's own: the
product does not connect to it. Only the prefix spelled by the file's own ``APP_NAME`` counts (letters and digits,
case ignored); a service's host (``DB_HOSTNAME``, ``MAIL_HOST``, ``REDIS_HOST``) and another product's
(``GITEA_URL`` in an app named otherwise) stay hosts contacted. Only ``KEY=value`` files (``.env``, ``*.env``,
``env.*``) are read.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

_FLAT = re.compile(r"(?i)^(?:\.env(?:\.[\w.-]+)?|[\w.-]+\.env|env\.[\w.-]+)$")
_APP_NAME = re.compile(r"""^\s*(?:export\s+)?APP_NAME\s*=\s*["']?([\w .-]{1,64}?)["']?\s*$""")
# ``<PREFIX>_HOSTNAME``, ``<PREFIX>_HOST``, ``<PREFIX>_FQDN``, ``<PREFIX>_URL``: the product's own name or address
_OWN_HOST = re.compile(r"^\s*(?:export\s+)?([A-Za-z][A-Za-z0-9]{2,63})_(?:HOSTNAME|HOST|FQDN|URL)\s*=", re.I)


def own_name_prefix_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of a flat settings file setting a host under the product's own name as prefix (``APP_NAME=AnonAddy``
    beside ``ANONADDY_HOSTNAME=…``)."""
    if not _FLAT.match(posixpath.basename(path)):
        return set()
    names = [m.group(1) for _, text in lines if (m := _APP_NAME.match(text))]
    if not names:
        return set()
    own = re.sub(r"[^A-Za-z0-9]", "", names[-1]).upper()
    if len(own) < 3:
        return set()
    return {number for number, text in lines if (m := _OWN_HOST.match(text)) and m.group(1).upper() == own}
