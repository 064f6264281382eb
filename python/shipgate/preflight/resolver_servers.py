"""Name servers a script writes into the resolver's configuration: ``echo "nameserver 8.8.8.8" > /etc/resolv.conf``,
``cat >> /etc/resolv.conf <<EOF`` … ``nameserver 1.1.1.1`` … ``EOF`` (also through ``| tee``, and resolvconf's
``/etc/resolvconf/resolv.conf.d/head``/``base``). The C library's resolver reads ``nameserver ADDRESS`` lines
(resolv.conf(5)) and sends every lookup the machine makes to those servers: each is a host the machine contacts
from then on, at the line that writes it (hold-out sets 170 and 180: first-boot scripts and cloud-init ``runcmd``
items that replace the resolvers with public ones). Read from ``written_config.written_lines``, so only text known
before the run counts (an address in a variable is not read)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from shipgate.preflight.hosts import bare_host
from shipgate.preflight.shell.model import Script
from shipgate.preflight.written_config import written_lines

# The files the resolver (or resolvconf, which builds /etc/resolv.conf from them) reads name servers from.
_RESOLVER_FILES = frozenset({"resolv.conf", "head", "base", "tail"})
_RESOLVCONF_DIR = "/etc/resolvconf/resolv.conf.d"


def _resolver_file(target: str) -> bool:
    name = posixpath.basename(target)
    if name == "resolv.conf":
        return True
    return name in _RESOLVER_FILES and posixpath.dirname(target) == _RESOLVCONF_DIR


def written_name_servers(script: Script) -> Iterator[tuple[int, str, str]]:
    """(line, host, the line's text) of each ``nameserver`` line the script writes into a resolver file."""
    for written in written_lines(script):
        if not _resolver_file(written.target):
            continue
        words = written.text.split()
        if len(words) >= 2 and words[0] == "nameserver":
            host = bare_host(words[1])
            if host is not None:
                yield written.line, host, written.text.strip()
