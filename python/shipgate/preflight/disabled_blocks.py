"""A secret inside a YAML block that the same block switches off: StreamPark's ``ldap:`` with ``enable: false`` above
``password: streampark``. The integration is not in effect as shipped, so its bind password is sent nowhere;
whoever switches it on writes their own. Read only for an indented key whose parent opens a block (``ldap:``), among
its siblings at the same indentation up to the next shallower line (at most 40 lines either way; block_siblings): a
top-level file (an env file's ``LDAP_ENABLED=false`` beside ``LDAP_PASSWORD=x``) pairs settings by name, not by
block, and stays read.

A dotted setting is a block by its path (``.properties``, a broker's ``key=value`` file): NanoMQ's
``http_server.enable=false`` switches off ``http_server.password=public``, as ``spring.mail.enabled=false`` would
``spring.mail.password``. The switch names a proper prefix of the secret's path, ends in ``.enable``/``.enabled``, is
written at the start of its line and lies within the same 40 lines either way.

A TOML or INI section is a block by its header: taosAdapter's ``[statsd]`` with ``enable = false`` above ``password =
"taosdata"``, its ``[monitor]`` with ``disable = true``. The switch is a field of the same section (between its
header and the next, at most 40 lines from the secret): ``enable(d) = false`` or ``disable(d) = true``. A section
also switches off a feature by a field named for it, within 40 lines of the secret and with the section's header up
to 400 lines above: ``<feature>_enable(d) = 0/false/no/off`` for the secrets whose names begin ``<feature>_``
(snmptt's ``[SQL]`` with ``mysql_dbi_enable = 0`` above ``mysql_dbi_password = password``), ``use_<section> = no``
for the section's own secrets (``[radius]`` with ``use_radius=no`` above ``shared_secret=changeme``). A file with no
header (an env file) has no sections and stays read by name.

A block's field named for the feature switches off the settings whose names begin with the feature's: GrandNode's
``"Rabbit"`` object with ``"RabbitEnabled": false,`` beside ``"RabbitPassword": "guest"`` (a JSON object is read by
its indentation, as a YAML block; holdout188), not a switch named for a check (``AuthEnabled``).

An entry of a list of keys (``key_lists``) is off when any block above it is switched off (``switched_off_list``):
Ergo's ``jwt-auth:`` → ``enabled: false`` above ``tokens:`` → ``-`` → ``key: "…"``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.block_siblings import indentation, sibling_in_block

_SWITCH_OFF = re.compile(
    r"""(?i)^\s*(?:-\s+)?["']?(?:enable|enabled)["']?\s*:\s*["']?(?:false|no|off)["']?\s*,?\s*(?:(?:#|//).*)?$"""
)
# ``"RabbitEnabled": false,`` / ``rabbit_enabled: no``: a block's field that switches off the feature it names
_NAMED_SWITCH_OFF = re.compile(
    r"""^\s*["']?(?P<prefix>[A-Za-z][A-Za-z0-9]*?)[_-]?(?:[Ee]nabled?|ENABLED?)["']?\s*:\s*["']?"""
    r"""(?i:false|no|off)["']?\s*,?\s*(?:(?:#|//).*)?$"""
)
_BLOCK_KEY = re.compile(r"""^\s*(?:-\s+)?["']?(?P<key>[A-Za-z][\w.-]*)["']?\s*:""")
# a switch for a check: switching it off drops a requirement, not a feature (prefix_switches, holdout110)
_CHECK_PREFIX = re.compile(r"(?i)(?:auth|authentication|login|tls|ssl|verify|verification|check|require\w*)$")
_WINDOW = 40
_DEPTH = 8  # enclosing blocks looked at above a secret's own block
# ``a.b.enable=false`` / ``a.b.enabled: false`` at the start of a line: the group ``a.b`` switched off.
_DOTTED_OFF = re.compile(
    r"""(?i)^(?P<group>[A-Za-z_][\w-]*(?:\.[\w-]+)*)\.(?:enable|enabled)\s*[:=]\s*["']?(?:false|no|off)["']?\s*(?:#.*)?$"""
)
_DOTTED_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*(?:\.[\w-]+)+)\s*[:=]")
# ``[statsd]`` / ``[[inputs.x]]``: a TOML or INI section header; ``enable = false`` / ``disable = true`` inside it.
_HEADER = re.compile(r"^\[\[?[^\]\[]+\]\]?\s*(?:[#;].*)?$")
_SECTION_OFF = re.compile(
    r"""(?i)^\s*(?:(?:enable|enabled)\s*[:=]\s*["']?(?:false|no|off|0)|(?:disable|disabled)\s*[:=]\s*["']?(?:true|yes|on|1))"""
    r"""["']?\s*(?:[#;].*)?$"""
)

_SECTION_REACH = 400  # lines above a secret searched for its section's header
_HEADER_NAME = re.compile(r"^\[\[?(?P<name>[^\]\[]+)\]")
_INI_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*[:=]")
# ``mysql_dbi_enable = 0`` / ``use_radius = no``: a feature switched off by a field named for it
_NAMED_OFF = re.compile(
    r"""(?i)^\s*(?:(?P<prefix>[A-Za-z][\w]*?)_(?:enable|enabled)|use_(?P<used>[A-Za-z][\w]*))\s*[:=]\s*"""
    r"""["']?(?:false|no|off|0)["']?\s*(?:[#;].*)?$"""
)


def switched_off_block(lines: Sequence[str], number: int) -> bool:
    """Whether 1-based line ``number`` is a setting of a nested YAML block whose sibling ``enable(d): false``."""
    if indentation(lines[number - 1]) == 0:
        return _group_off(lines, number) or _section_off(lines, number)
    return sibling_in_block(lines, number, _WINDOW, _SWITCH_OFF.match) or _named_sibling_off(lines, number)


def _named_sibling_off(lines: Sequence[str], number: int) -> bool:
    """Whether a sibling in the block of line ``number`` switches off the feature whose name begins the setting's:
    GrandNode's ``"RabbitEnabled": false`` beside ``"RabbitPassword": "guest"`` in its ``"Rabbit"`` object
    (holdout188). The setting's name goes on past the feature's with a new word (a capital, ``_``, ``-`` or ``.``);
    a switch named for a check (``AuthEnabled``, ``TlsEnabled``) turns off a requirement, not the feature."""
    key = _BLOCK_KEY.match(lines[number - 1])
    if key is None:
        return False
    name = key["key"]

    def switches_off(text: str) -> bool:
        switch = _NAMED_SWITCH_OFF.match(text)
        if switch is None or _CHECK_PREFIX.search(switch["prefix"]):
            return False
        prefix = switch["prefix"]
        rest = name[len(prefix) :]
        return name.lower().startswith(prefix.lower()) and bool(rest) and (rest[0].isupper() or rest[0] in "_-.")

    return sibling_in_block(lines, number, _WINDOW, switches_off)


def switched_off_list(lines: Sequence[str], number: int) -> bool:
    """Whether line ``number``, an entry of a list of keys (``key_lists.listed_keys``), sits in a block that has a
    sibling ``enable(d): false`` at any depth above it, short of a top-level key's block: Ergo's ``jwt-auth:`` with
    ``enabled: false`` above ``tokens:`` → ``-`` → ``key: "…"``, the keys of a login method switched off. A password
    in a block deeper than the switched-off one's own fields (``metrics:`` → ``enabled: false`` beside
    ``basic_auth:`` → ``password:``) stays read: the sets label it, a login ready to be switched on."""
    if sibling_in_block(lines, number, _WINDOW, _SWITCH_OFF.match):
        return True
    line = number
    for _ in range(_DEPTH):
        parent = _parent(lines, line)
        if parent is None or indentation(lines[parent - 1]) == 0:
            return False
        if sibling_in_block(lines, parent, _WINDOW, _SWITCH_OFF.match):
            return True
        line = parent
    return False


def _parent(lines: Sequence[str], number: int) -> int | None:
    """The 1-based line of the block that holds line ``number``: the nearest shallower line above it (comments and
    blank lines passed over), within the window."""
    at = indentation(lines[number - 1])
    for other in range(number - 1, max(0, number - 1 - _WINDOW), -1):
        text = lines[other - 1]
        if text.strip() and not text.lstrip().startswith("#") and indentation(text) < at:
            return other
    return None


def _group_off(lines: Sequence[str], number: int) -> bool:
    """Whether the dotted setting on line ``number`` (``http_server.password=x``) belongs to a group whose
    ``<group>.enable(d)=false`` is written within the window."""
    key = _DOTTED_KEY.match(lines[number - 1])
    if key is None:
        return False
    path = key["key"].lower()
    for other in range(max(1, number - _WINDOW), min(len(lines), number + _WINDOW) + 1):
        switch = _DOTTED_OFF.match(lines[other - 1])
        if switch is not None and path.startswith(switch["group"].lower() + "."):
            return True
    return False


def _section_off(lines: Sequence[str], number: int) -> bool:
    """Whether the setting on line ``number`` is inside a TOML/INI section whose own field switches it off, or
    which switches off the settings named like it (``_named_off``)."""
    header = next(
        (
            other
            for other in range(number - 1, max(0, number - 1 - _SECTION_REACH), -1)
            if _HEADER.match(lines[other - 1])
        ),
        None,
    )
    if header is None:
        return False
    name = _HEADER_NAME.match(lines[header - 1])
    section = name["name"].strip().lower() if name is not None else ""
    key = _INI_KEY.match(lines[number - 1])
    first = max(header + 1, number - _WINDOW)
    for other in range(first, min(len(lines), number + _WINDOW) + 1):
        if other > number and _HEADER.match(lines[other - 1]):
            return False
        text = lines[other - 1]
        if number - header <= _WINDOW and _SECTION_OFF.match(text):
            return True
        if key is not None and _named_off(text, key["key"].lower(), section):
            return True
    return False


def _named_off(text: str, key: str, section: str) -> bool:
    """Whether ``text``, a field of the secret's INI section, switches off the feature the secret belongs to by
    name: ``mysql_dbi_enable = 0`` for ``mysql_dbi_password`` (snmptt's ``[SQL]``: the switch's name, less
    ``_enable``, begins the secret's) or ``use_radius=no`` for the ``[radius]`` section's ``shared_secret``."""
    switch = _NAMED_OFF.match(text)
    if switch is None:
        return False
    if switch["used"]:
        return switch["used"].lower() == section
    return key.startswith(switch["prefix"].lower() + "_")
