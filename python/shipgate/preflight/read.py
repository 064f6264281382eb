"""The parsing stage: every text file of the package read the way its consumer reads it (shell by
tree-sitter-bash, SQL by PostgreSQL's parser, units and crontabs by their own grammars). Scanners consume
what this returns, never raw lines of scripts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from shipgate.preflight.contents import Kind, is_periodic_cron_script
from shipgate.preflight.cron import Crontab, parse_crontab
from shipgate.preflight.shell.model import Script
from shipgate.preflight.shell.reader import parse_script
from shipgate.preflight.sql import SqlFile, parse_sql
from shipgate.preflight.units import Unit, parse_unit


@dataclass(frozen=True, kw_only=True)
class Parsed:
    scripts: Mapping[str, Script] = field(default_factory=dict)
    sql: Mapping[str, SqlFile] = field(default_factory=dict)
    units: Mapping[str, Unit] = field(default_factory=dict)
    crontabs: Mapping[str, Crontab] = field(default_factory=dict)
    # Cron job commands read as shell: (crontab path, job line) -> script
    cron_commands: Mapping[tuple[str, int], Script] = field(default_factory=dict)


def _system_crontab(path: str) -> bool:
    lower = path.lower()
    return "cron.d/" in lower or lower.endswith(("/crontab", "etc/crontab")) or lower == "crontab"


# The kinds ``parse_file`` reads; any other text is read line by line by the scanners.
PARSED_KINDS = frozenset({Kind.SHELL, Kind.SQL, Kind.SYSTEMD, Kind.CRON})


def parse_file(path: str, kind: Kind, source: str) -> Parsed:
    """The parsed form of one file (at most one of the mappings is filled)."""
    if kind is Kind.SHELL:
        return Parsed(scripts={path: parse_script(source, path=path)})
    if kind is Kind.SQL:
        return Parsed(sql={path: parse_sql(source, path=path)})
    if kind is Kind.SYSTEMD:
        return Parsed(units={path: parse_unit(source, path=path)})
    if kind is Kind.CRON:
        tab = parse_crontab(source, path=path, system=True if _system_crontab(path) else None)
        commands = {(path, job.line): _job_script(path, job.line, job.command) for job in tab.jobs}
        return Parsed(crontabs={path: tab}, cron_commands=commands)
    return Parsed()


def _job_script(path: str, line: int, command: str) -> Script:
    """A cron job's command is a shell command line (cron runs it with /bin/sh -c)."""
    # An unescaped % ends the command (the rest is its standard input): crontab(5).
    return parse_script("\n" * (line - 1) + command.split("%", 1)[0], path=path)


def merge(parts: list[Parsed]) -> Parsed:
    scripts: dict[str, Script] = {}
    sql: dict[str, SqlFile] = {}
    units: dict[str, Unit] = {}
    crontabs: dict[str, Crontab] = {}
    cron_commands: dict[tuple[str, int], Script] = {}
    for part in parts:
        scripts.update(part.scripts)
        sql.update(part.sql)
        units.update(part.units)
        crontabs.update(part.crontabs)
        cron_commands.update(part.cron_commands)
    return Parsed(scripts=scripts, sql=sql, units=units, crontabs=crontabs, cron_commands=cron_commands)


__all__ = ["PARSED_KINDS", "Parsed", "is_periodic_cron_script", "merge", "parse_file"]
