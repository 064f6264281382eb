"""PostgreSQL client authentication the package ships (``pg_hba.conf``): a ``trust`` rule lets a client connect as
any database user it names, superuser included, with no password.

Each record is read as PostgreSQL reads it (``TYPE DATABASE USER [ADDRESS [MASK]] METHOD [OPTIONS]``, ``#`` to
the end of the line, quoted fields kept whole). ``host*`` records that trust a network beyond the host itself
are ``preflight.authentication_disabled`` (high): anyone who can reach the port from that range is in. ``trust``
for the local socket or loopback is common in images and development setups and is reported as info. Records
split over lines with a backslash, ``@file`` inclusions and ``include`` directives are not followed.
"""

from __future__ import annotations

import ipaddress
import posixpath
import shlex
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, TextFile, at_line

CODE = "preflight.authentication_disabled"
_HOST_TYPES = frozenset({"host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc"})
_LOOPBACK_NAMES = frozenset({"localhost", "samehost"})


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if posixpath.basename(text.path).lower().startswith("pg_hba"):
            yield from _records(text)


def _records(text: TextFile) -> Iterator[Finding]:
    for line in text.lines:
        fields = _fields(line.text)
        if len(fields) < 4 or fields[0].lower() not in _HOST_TYPES | {"local"}:
            continue
        kind = fields[0].lower()
        address = fields[3] if kind in _HOST_TYPES else "the local socket"
        method_at = 3 if kind == "local" else (5 if len(fields) > 5 and _is_mask(fields[4]) else 4)
        if len(fields) <= method_at or fields[method_at].lower() != "trust":
            continue
        wide = kind in _HOST_TYPES and not _loopback(address)
        yield at_line(
            CODE,
            Severity.HIGH if wide else Severity.INFO,
            path=text.path,
            line=line.number,
            text=line.text,
            address=address,
            message=f"pg_hba.conf trusts {address}: a client there connects as any database user, superuser "
            "included, with no password"
            + ("" if wide else " (this host only)"),
            remedy="Use scram-sha-256 (or peer for the local socket) and keep trust out of shipped configuration.",
        )


def _fields(line: str) -> list[str]:
    try:
        return shlex.split(line, comments=True)
    except ValueError:  # an unclosed quote: PostgreSQL refuses the record too
        return []


def _is_mask(field: str) -> bool:
    try:
        ipaddress.ip_address(field)
    except ValueError:
        return False
    return True


def _loopback(address: str) -> bool:
    if address.lower() in _LOOPBACK_NAMES:
        return True
    try:
        network = ipaddress.ip_network(address, strict=False)
    except ValueError:
        return False  # all, samenet, a host name: beyond this host
    if isinstance(network, ipaddress.IPv4Network):
        return network.subnet_of(ipaddress.IPv4Network("127.0.0.0/8"))
    return network.subnet_of(ipaddress.IPv6Network("::1/128"))
