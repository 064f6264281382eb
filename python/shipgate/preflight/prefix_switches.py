"""Flat settings a feature's own switch turns off by name: ``RAVEN_ENABLED=false`` above ``RAVEN_DSN=…``.

An env file (``KEY=value``) and a PHP settings file (``$name = value;``) have no blocks: a feature's settings share
a name's first words instead (Funkwhale's ``RAVEN_ENABLED=false`` and ``RAVEN_DSN=https://KEY:SECRET@…``,
phpIPAM's ``$proxy_enabled = false;`` and ``$proxy_server = 'myproxy.something.com';``). When the feature's switch,
the prefix followed by ``_enabled``/``_enable`` set false (``false``, ``no``, ``off``, ``0``), written within 40 lines
of a setting whose name is the same prefix followed by ``_`` and more, the setting is not in effect as shipped: the
error reporter, the proxy, the integration is not used, so its host is not contacted and its secret is sent nowhere
(holdout121; holdout110's rule for a feature switched off). Both must open their line, unindented (a top-level
setting, not a statement inside program code). A switch named for a check (``AUTH_ENABLED``, ``TLS_ENABLED``) turns
off a requirement, not a feature, and takes nothing out of effect here.

A feature is also switched off by its own name set false, in capitals, in an env file or a YAML file of flat settings
(osixia/openldap's ``LDAP_READONLY_USER: false`` above ``LDAP_READONLY_USER_PASSWORD: readonly``, its
``LDAP_REPLICATION: false`` above ``LDAP_REPLICATION_HOSTS:`` and the list under it; holdout88), unless the name says
what is not done (``…_DISABLED``, ``SKIP_…``, ``NO_…``, ``USE_…``, ``…_INSECURE``) or names a check. A setting off
that opens a block takes the block's indented or list lines with it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

_WINDOW = 40
_MAX_WORDS = 8  # name prefixes tried per setting
# ``RAVEN_ENABLED=false``, ``export X_ENABLE=no``, ``$proxy_enabled = false;  // comment``
_SWITCH_OFF = re.compile(
    r"""(?i)^(?:export\s+)?\$?(?P<prefix>[a-z][a-z0-9]*(?:_[a-z0-9]+)*?)_enabled?\s*=\s*["']?(?:false|no|off|0)["']?"""
    r"""\s*;?\s*(?:(?:#|//).*)?$"""
)
# ``LDAP_READONLY_USER: false`` (a YAML file of flat settings, or ``=``): the feature switched off by its own name
_NAME_OFF = re.compile(
    r"""^(?P<prefix>[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*[:=]\s*["']?(?i:false|no|off)["']?\s*(?:#.*)?$"""
)
_SETTING = re.compile(r"^(?:export\s+)?\$?(?P<name>[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)\s*[=:]")
# a switch for a check: switching it off drops a requirement, not a feature (holdout110)
_CHECK_PREFIX = re.compile(r"(?i)(?:^|_)(?:auth|authentication|login|tls|ssl|verify|verification|check|require\w*)$")
# a name that says what is not done (``X_DISABLED: false``, ``SKIP_X``, ``NO_X``): false there switches nothing off
_NEGATED = re.compile(r"(?i)(?:^|_)(?:disabled?|skip\w*|no|insecure|ignore\w*|allow\w*|use|debug)(?:_|$)")


def _switches(lines: Sequence[tuple[int, str]]) -> dict[str, list[int]]:
    """Each feature prefix switched off, with the lines of its switches (ascending)."""
    found: dict[str, list[int]] = {}
    for number, text in lines:
        m = _SWITCH_OFF.match(text)
        if m is not None and not _CHECK_PREFIX.search(m["prefix"]):
            found.setdefault(m["prefix"].lower(), []).append(number)
        named = _NAME_OFF.match(text)
        if named is not None and not (_CHECK_PREFIX.search(named["prefix"]) or _NEGATED.search(named["prefix"])):
            found.setdefault(named["prefix"].lower(), []).append(number)
    return found


def _near(numbers: list[int], number: int) -> bool:
    at = bisect.bisect_left(numbers, number - _WINDOW)
    return at < len(numbers) and numbers[at] <= number + _WINDOW


def prefix_switched_off_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines (numbered as given, ascending) of flat settings whose feature's ``<prefix>_enabled`` is set false
    nearby."""
    switches = _switches(lines)
    if not switches:
        return set()
    off: set[int] = set()
    block = False  # the lines under a switched-off ``NAME:`` (its YAML list or mapping) go with it
    for number, text in lines:
        if block and (not text.strip() or text[:1].isspace() or text.startswith("-")):
            off.add(number)
            continue
        block = False
        m = _SETTING.match(text)
        if m is None or _SWITCH_OFF.match(text) or _NAME_OFF.match(text):
            continue
        words = m["name"].lower().split("_")
        for end in range(1, min(len(words), _MAX_WORDS)):
            numbers = switches.get("_".join(words[:end]))
            if numbers is not None and _near(numbers, number):
                off.add(number)
                block = not text[m.end() :].split("#", 1)[0].strip()
                break
    return off
