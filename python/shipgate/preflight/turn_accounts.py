"""Static accounts of a coturn TURN server's configuration: ``user=NAME:PASSWORD``.

coturn reads ``turnserver.conf`` one ``option=value`` a line and takes its long-term credentials from ``user=`` lines,
``user=NAME:PASSWORD`` or ``user=NAME:0xKEY`` (the key coturn derives from the name, realm and password, which logs
in as well): whoever holds one relays traffic through the server (Lineblocs' ``user=turn:turn_999``, holdout176).
The password sits after a colon under a key named ``user``, so no password-name reader sees it. A file is read as
coturn's when it is named ``turnserver.conf`` or sets one of the options only coturn has (``listening-port``,
``lt-cred-mech``, ``static-auth-secret``…); elsewhere ``user=`` names an account a process runs as (php-fpm's
``user = www-data``), and a colon there separates a user from a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Severity
from shipgate.preflight.contents import Line
from shipgate.preflight.secrets import Secret, allowed

_ACCOUNT = re.compile(r"^\s*user\s*=\s*([^:\s]+):(\S+)\s*$")
_TURN_OPTION = re.compile(
    r"^\s*(?:listening-port|tls-listening-port|alt-listening-port|relay-ip|external-ip|lt-cred-mech"
    r"|use-auth-secret|static-auth-secret|no-tcp-relay|min-port|max-port|userdb|total-quota|user-quota)\s*(?:=|$)"
)
_FILE_NAME = "turnserver.conf"


def _turn_config(path: str, lines: tuple[Line, ...]) -> bool:
    if path.rsplit("/", 1)[-1].lower() == _FILE_NAME:
        return True
    return any(_TURN_OPTION.match(ln.text) for ln in lines)


def turn_accounts(path: str, lines: tuple[Line, ...]) -> Iterator[Secret]:
    """Each uncommented ``user=NAME:PASSWORD`` of a coturn configuration whose password is a literal."""
    if not path.lower().endswith(".conf") or not _turn_config(path, lines):
        return
    for ln in lines:
        m = _ACCOUNT.match(ln.text)
        if m and not allowed(m.group(2), name="password"):
            yield Secret(ln.number, "coturn static account password", m.group(2), Severity.HIGH)
