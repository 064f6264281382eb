"""Ansible module options that turn TLS certificate verification off for what the module fetches.

``validate_certs`` is the option every fetching module takes (``get_url``, ``uri``, ``apt_key``, ``unarchive`` of a
URL, ``yum_repository``, ``rpm_key``…); written as a literal false (``false``, ``no``, ``off``, ``0``; also
``validate_certs=no`` among a task's ``k=v`` arguments) the module accepts any certificate the server shows: anyone on
the path serves the download, the key or the API answer (docs/findings.md, ``preflight.tls_verification_disabled``).
A Jinja value (``"{{ verify | bool }}"``) is decided by a variable the file does not hold: not reported.
"""

from __future__ import annotations

from dataclasses import dataclass

OPTION = "validate_certs"
_OFF = frozenset({"false", "no", "off", "0"})


@dataclass(frozen=True)
class TlsOff:
    """A module option that turns certificate verification off, at its line."""

    line: int
    text: str
    how: str


def tls_off(module: str, args: dict[str, tuple[str, int]]) -> TlsOff | None:
    """The ``validate_certs`` of ``module`` given ``args`` (name -> (value, line)) when it is a literal false."""
    value, line = args.get(OPTION, ("", 0))
    if value.strip().lower() not in _OFF:
        return None
    return TlsOff(line, f"{OPTION}: {value}", f"{module} {OPTION}={value}")
