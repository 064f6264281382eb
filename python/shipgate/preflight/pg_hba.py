"""PostgreSQL client authentication the package ships (``pg_hba.conf``): a ``trust`` rule lets a client connect as
any database user it names, superuser included, with no password.

Each record is read as PostgreSQL reads it (``TYPE DATABASE USER [ADDRESS [MASK]] METHOD [OPTIONS]``, ``#`` to
the end of the line, quoted fields kept whole). ``host*`` records that trust a network beyond the host itself
are ``preflight.authentication_disabled`` (high): anyone who can reach the port from that range is in. ``trust``
for the local socket or loopback is common in images and development setups and is reported as info. Records
split over lines with a backslash, ``@file`` inclusions and ``include`` directives are not followed. Records a
script writes into a ``pg_hba`` file (``echo "host all all 0.0.0.0/0 trust" >> "$PGDATA/pg_hba.conf"``, a heredoc;
written_files) are read the same way, at the script's line, in a step of the install (not a tool a system package
installs for an administrator to run later: pgpool2's ``pgpool_setup`` building a test cluster); not an echo whose
method is a variable (the official image's ``host all all all $authMethod``, ``trust`` only on the branch that
warns no password was set).
"""

from __future__ import annotations

import ipaddress
import posixpath
import shlex
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, TextFile, at_line
from shipgate.preflight.runners import steps
from shipgate.preflight.written_files import written_texts

CODE = "preflight.authentication_disabled"
_HOST_TYPES = frozenset({"host", "hostssl", "hostnossl", "hostgssenc", "hostnogssenc"})
_LOOPBACK_NAMES = frozenset({"localhost", "samehost"})


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        if _is_pg_hba(text.path):
            yield from _records(text, text.path)
    for path, script in steps(ctx):  # not a system package's tool for later (pgpool's ``pgpool_setup`` test cluster)
        for written in written_texts(script, literal_only=True):
            if _is_pg_hba(written.path):
                yield from _records(written, path)


def _is_pg_hba(path: str) -> bool:
    return posixpath.basename(path).lower().startswith("pg_hba")


def _records(text: TextFile, path: str) -> Iterator[Finding]:
    """The trust records of ``text``, reported in ``path`` (the file itself, or the script that writes it)."""
    written = {"written_to": text.path} if path != text.path else {}
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
            path=path,
            line=line.number,
            text=line.text,
            address=address,
            **written,
            message=f"pg_hba.conf trusts {address}: a client there connects as any database user, superuser "
            "included, with no password" + ("" if wide else " (this host only)"),
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
