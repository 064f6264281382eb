"""udev rules a package installs (udev(7)): a ``*.rules`` file whose every rule line is a comma-separated list of
``KEY[{attr}] op "value"`` pairs. What the rules grant and run after install, as root, on device events:

- ``MODE="0666"`` (``=`` or ``:=``) with the write bit for others makes the device node writable by every local
  account: ``preflight.world_writable`` at the line of the ``MODE`` key. Group modes (``0660`` with ``GROUP=``)
  and ``TAG+="uaccess"`` are not reported.
- ``RUN{program}``/``RUN``, ``PROGRAM`` and ``IMPORT{program}`` values are command lines udev runs (split into
  words as a shell does; ``sh -c '…'`` in them is a shell): ``commands`` gives each at its line, and
  ``shipgate.preflight.embedded`` reads them as a root script, so every script check applies at the rule's line.

A line ending in a backslash continues on the next (udev joins them). Substitutions (``$env{X}``, ``%k``,
``$devpath``) are left as they are: the shell reader sees them as words."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, Line

MAX_RULE_LINES = 5_000
_PAIR = re.compile(r'\s*([A-Za-z_]+)(?:\{([^}]*)\})?\s*(==|!=|\+=|-=|:=|=)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)')
_KEYS = frozenset(
    {
        "ACTION", "DEVPATH", "KERNEL", "KERNELS", "NAME", "SYMLINK", "SUBSYSTEM", "SUBSYSTEMS", "DRIVER", "DRIVERS",
        "ATTR", "ATTRS", "SYSCTL", "ENV", "CONST", "TAG", "TAGS", "TEST", "PROGRAM", "RESULT", "OWNER", "GROUP",
        "MODE", "SECLABEL", "OPTIONS", "IMPORT", "RUN", "LABEL", "GOTO", "WAIT_FOR", "SYSFS",
    }
)  # fmt: skip
_COMMAND_KEYS = frozenset({"RUN", "PROGRAM", "IMPORT"})
_REST_BLANK = re.compile(r"\s*$")


@dataclass(frozen=True)
class Pair:
    line: int  # the physical line where the key stands
    key: str
    attr: str
    op: str
    value: str


def _logical_lines(text: str) -> Iterator[list[tuple[int, str]]]:
    """Each rule as its physical pieces ``(line, text)``, continuation backslashes removed."""
    pieces: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines()[:MAX_RULE_LINES], 1):
        if raw.endswith("\\"):
            pieces.append((number, raw[:-1]))
            continue
        pieces.append((number, raw))
        yield pieces
        pieces = []
    if pieces:
        yield pieces


def _pairs(pieces: list[tuple[int, str]]) -> list[Pair] | None:
    """The rule's pairs; [] for a comment or blank line; None when the line is not udev rule syntax."""
    joined = "".join(text for _, text in pieces)
    if not joined.strip() or joined.lstrip().startswith("#"):
        return []
    offsets: list[int] = []  # where each physical piece starts in joined
    lines: list[int] = []
    offset = 0
    for number, text in pieces:
        offsets.append(offset)
        lines.append(number)
        offset += len(text)
    pairs: list[Pair] = []
    at = 0
    while at < len(joined) and not _REST_BLANK.match(joined, at):
        match = _PAIR.match(joined, at)
        if match is None or match.group(1).upper() != match.group(1):
            return None
        line = lines[bisect.bisect_right(offsets, match.start(1)) - 1]
        pairs.append(Pair(line, match.group(1), match.group(2) or "", match.group(3), match.group(4)))
        at = match.end()
    return pairs


def read_rules(path: str, text: str) -> list[Pair] | None:
    """Every pair of a udev rules file; None when the file is not one (not ``*.rules``, or a line of other syntax,
    such as a polkit rule's JavaScript, or no udev key at all)."""
    if not path.endswith(".rules"):
        return None
    found: list[Pair] = []
    for pieces in _logical_lines(text):
        pairs = _pairs(pieces)
        if pairs is None:
            return None
        found.extend(pairs)
    return found if any(p.key in _KEYS for p in found) else None


def commands(path: str, text: str) -> list[tuple[int, str]]:
    """(line, command line) of each program the rules run (``RUN``, ``PROGRAM``, ``IMPORT{program}``); [] when the
    file is not udev rules. ``RUN{builtin}``/``IMPORT{file|db|cmdline|parent|builtin}`` run no program; two programs
    on one line are joined as two commands of that line."""
    by_line: dict[int, list[str]] = {}
    for p in read_rules(path, text) or []:
        if p.key in _COMMAND_KEYS and p.op in ("=", "+=", ":=") and p.value.strip() and p.attr in ("", "program"):
            by_line.setdefault(p.line, []).append(p.value.replace('\\"', '"'))
    # two programs of one rule on one line stay on that line, as two commands
    return [(line, " ; ".join(values)) for line, values in by_line.items()]


def _world_writable(mode: str) -> bool:
    try:
        return bool(int(mode, 8) & 0o002)
    except ValueError:
        return False  # $env{…} substitutions and other non-octal values


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.of_kind(Kind.CONFIG):
        pairs = read_rules(text.path, "\n".join(line.text for line in text.lines))
        for pair in pairs or []:
            if pair.key == "MODE" and pair.op in ("=", ":=") and _world_writable(pair.value.strip()):
                line = text.lines[pair.line - 1] if pair.line <= len(text.lines) else Line(pair.line, "")
                yield text.finding(
                    line,
                    "preflight.world_writable",
                    Severity.MEDIUM,
                    message=f"a udev rule makes the device node writable by every local account (MODE={pair.value})",
                    remedy='Give the node a group (GROUP="plugdev", MODE="0660") or TAG+="uaccess" for the '
                    "logged-in user instead of mode 0666.",
                    mechanism="udev",
                )
