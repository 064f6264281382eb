"""A feature a ``.properties`` file switches off by the name of its group: MaxKey's ``maxkey.login.wsfederation=false``
above ``maxkey.login.wsfederation.url=https://adfs.vendor.top/adfs/ls/``.

Spring Boot and other Java services name a feature's settings under one dotted path and switch the feature with the
path itself set false; the settings under it are then not in effect (the ADFS server of a switched-off WS-Federation
login is contacted by no one). A properties file groups its settings by name, not by place, so the switch takes out
every setting whose name extends its path (``a.b=false`` takes out ``a.b.c``, not ``a.bc`` nor ``a``), wherever it
is written in the file. The switch is a path of at least two parts (``login.kerberos=false``), written at the start of
its line, set ``false``/``no``/``off``; ``.enable``/``.enabled`` switches are read by ``disabled_blocks``.
Read in files named ``*.properties`` only (a ``.env``'s or an INI file's names are not paths).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SWITCH = re.compile(r"""(?i)^(?P<path>[A-Za-z_][\w-]*(?:\.[\w-]+)+)\s*[:=]\s*["']?(?:false|no|off)["']?\s*$""")
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*(?:\.[\w-]+)+)\s*[:=]")
_MAX_PARTS = 16  # a name's leading paths looked up, deepest first


def switched_off_group_lines(path: str, lines: Iterable[tuple[int, str]]) -> set[int]:
    """The lines of a ``.properties`` file whose setting lies under a dotted path the file sets false."""
    if not path.lower().endswith(".properties"):
        return set()
    numbered = list(lines)
    switches = {m.group("path").lower() for _, text in numbered if (m := _SWITCH.match(text.strip()))}
    if not switches:
        return set()
    off: set[int] = set()
    for number, text in numbered:
        key = _KEY.match(text.strip())
        if key is None:
            continue
        parts = key.group("key").lower().split(".")[:_MAX_PARTS]
        if any(".".join(parts[:end]) in switches for end in range(2, len(parts))):
            off.add(number)
    return off
