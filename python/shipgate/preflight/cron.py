"""crontab(5) files as cron reads them: environment lines, five time fields or an ``@`` nickname, the user
field in system crontabs (``/etc/crontab``, ``/etc/cron.d/*``), then the command.

Written by hand rather than with python-crontab or croniter: the grammar is six fields on a line, and neither
library reads a system crontab's user field or reports where a line is not a job."""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_CRON_LINES = 20_000
_NICKNAMES = frozenset({"@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"})
_FIELD = re.compile(
    r"^(?:\*|\d{1,2}(?:-\d{1,2})?|[A-Za-z]{3}(?:-[A-Za-z]{3})?)(?:/\d{1,3})?(?:,(?:\*|\d{1,2}(?:-\d{1,2})?|[A-Za-z]{3})(?:/\d{1,3})?)*$"
)
_ENV = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\s*=")


@dataclass(frozen=True)
class CronJob:
    line: int
    schedule: str
    user: str | None
    command: str


@dataclass(frozen=True)
class Crontab:
    path: str
    jobs: tuple[CronJob, ...]
    environment: tuple[tuple[str, str, int], ...]
    other_lines: int  # non-comment lines that are neither a job nor an environment line


_USER = re.compile(r"^[a-z_][a-z0-9_.-]{0,31}\$?$")


def parse_job(line: str, *, system: bool | None) -> tuple[str, str | None, str] | None:
    """(schedule, user, command) of one crontab line, or None when it is not a job. ``system`` None: a file
    whose place does not say; the sixth field is a user when it is shaped like one and a command follows."""
    fields = line.split()
    if not fields:
        return None
    if fields[0] in _NICKNAMES:
        n = 1
    elif len(fields) >= 6 and all(_FIELD.match(f) for f in fields[:5]):
        n = 5
    else:
        return None
    rest = fields[n:]
    if system is None:  # a user, then a command: a command's first word is never an option (``wget -qO- …``)
        system = len(rest) >= 2 and bool(_USER.match(rest[0])) and not rest[1].startswith("-")
    if system and len(rest) >= 2:
        return " ".join(fields[:n]), rest[0], " ".join(rest[1:])
    if not rest:
        return None
    return " ".join(fields[:n]), None, " ".join(rest)


def parse_crontab(text: str, *, path: str, system: bool | None) -> Crontab:
    jobs: list[CronJob] = []
    env: list[tuple[str, str, int]] = []
    other = 0
    for number, raw in enumerate(text.splitlines()[:MAX_CRON_LINES], 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if _ENV.match(line):
            key, _, value = line.partition("=")
            env.append((key.strip(), value.strip(), number))
            continue
        job = parse_job(line, system=system)
        if job is None:
            other += 1
        else:
            jobs.append(CronJob(number, *job))
    return Crontab(path=path, jobs=tuple(jobs), environment=tuple(env), other_lines=other)


def looks_like_crontab(text: str) -> bool:
    """Content says crontab: at least one job line and nothing else but comments and environment lines."""
    tab = parse_crontab(text[:65536], path="", system=None)
    return bool(tab.jobs) and tab.other_lines == 0
