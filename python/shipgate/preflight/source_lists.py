"""Package sources a script writes, and the command that first reads them (docs/preflight.md, ``implicit_egress``).

``echo "deb https://download.docker.com/linux/debian bookworm stable" | sudo tee /etc/apt/sources.list.d/docker.list``
names a host; nothing on that line connects to it. The ``apt-get update`` after it does: it reads every source list
and asks each host for its index. So the hosts of a source file the script writes (an ``echo``/``printf`` into it, a
heredoc, a pipeline into ``tee``) are reached by the first command after the write that reads the sources: apt's
``update``; yum, dnf, zypper or apk fetching anything (they refresh their metadata on their own). The egress finding
of that command names them (the labels of the sets count the contact there, as the update's egress, not as an
endpoint of its own). A commented-out line names no source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.preflight.hosts import url_host
from shipgate.preflight.shell.commands import operands, written_paths
from shipgate.preflight.shell.model import Command, Script

# Where each package manager reads its sources.
_SOURCE_FILE = re.compile(
    r"^/etc/apt/sources\.list(?:\.d/[^/]+\.(?:list|sources))?$|^/etc/(?:yum\.repos\.d|zypp/repos\.d)/[^/]+\.repo$"
    r"|^/etc/apk/repositories$"
)
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s\"'\]\[]+")
# The commands that read each kind of source file, by the file's directory.
_APT = frozenset({"apt-get", "apt", "aptitude"})
_RPM = frozenset({"yum", "dnf", "zypper", "microdnf", "tdnf"})
_RPM_VERBS = frozenset({"install", "in", "update", "up", "upgrade", "makecache", "refresh", "ref", "groupinstall"})
_PRINTERS = frozenset({"echo", "printf", "cat"})
# How many written hosts wait for a reader at most (a script writing thousands of sources and never reading them).
_MAX_WAITING = 64


@dataclass(frozen=True)
class SourceContact:
    """``reader`` asks ``host`` for its index; the source naming it was written on ``written_at``."""

    reader: Command
    host: str
    written_at: int


def _written_source(command: Command) -> str | None:
    for word in written_paths(command):
        if _SOURCE_FILE.match(word.text):
            return word.text
    return None


def _text_written(command: Command, pipeline: list[Command]) -> str:
    """What ``command`` writes: its own echo/printf words, its heredocs, and what the printers piped into it say."""
    parts = [r.body or "" for c in (command, *pipeline) for r in c.redirects if r.body]
    for c in (command, *pipeline):
        if c.name in _PRINTERS:
            parts.extend(w.text for w in operands(c))
    return "\n".join(parts)


def _hosts(text: str) -> list[str]:
    found: list[str] = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for url in _URL.findall(line):
            host = url_host(url)
            if host and host not in found:
                found.append(host)
    return found


def _reads_sources(command: Command, source: str) -> bool:
    ops = [w.text for w in operands(command)]
    if source.startswith("/etc/apt/"):
        return command.name in _APT and ops[:1] == ["update"]
    if source.startswith("/etc/apk/"):
        return command.name == "apk" and ops[:1] in (["add"], ["update"], ["upgrade"])
    return command.name in _RPM and bool(ops) and ops[0] in _RPM_VERBS


def source_contacts(script: Script) -> Iterator[SourceContact]:
    """Each host a written source names, at the first command after the write that reads it."""
    waiting: list[tuple[str, str, int]] = []  # (source file, host, written at)
    commands = script.commands
    for i, command in enumerate(commands):
        if waiting:
            read = [w for w in waiting if _reads_sources(command, w[0])]
            for _, host, line in read:
                yield SourceContact(command, host, line)
            waiting = [w for w in waiting if w not in read]
        source = _written_source(command)
        if source is None:
            continue
        # the printers piped into it on the same line (``echo "deb …" | sudo tee F``)
        pipeline = [c for c in commands[max(0, i - 4) : i] if c.line == command.line and c.piped_to]
        for host in _hosts(_text_written(command, pipeline))[: max(0, _MAX_WAITING - len(waiting))]:
            waiting.append((source, host, command.line))
