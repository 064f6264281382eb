"""What preflight read in the package, as the plan needs it: scheduled jobs (and who they run as),
endpoints (and whether a command sends data to them), migration statements (kind, tables, locks,
rewrites, reversibility), the units the package ships and names, and the commands that change the target —
services stopped, backups taken, accounts created, firewall changes, temporary files.

The plan parses nothing itself. Its source is ``shipgate.preflight.facts``: the scripts parsed with their
wrappers unwrapped, the SQL read by PostgreSQL's parser, crontabs and units; and, for what only a scanner
decides (a unit the target does not have), preflight's findings. What a command *means* to the plan (a
``cp`` of ``/etc/…`` to a backup place is a configuration backup) is the plan's own reading, here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from shipgate.findings import Finding
from shipgate.plan.config_files import ConfigFile
from shipgate.plan.index import MAX_ITEMS, Located
from shipgate.preflight.facts import PackageFacts as Parsed
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command

_SERVICE_VERBS = frozenset({"stop", "restart", "try-restart", "reload-or-restart"})
_FIREWALL = frozenset({"iptables", "ip6tables", "nft", "ufw", "firewall-cmd"})
_COPIES = frozenset({"cp", "rsync", "tar", "install", "zip"})
_DUMPS = frozenset({"pg_dump", "pg_dumpall", "pg_basebackup", "mysqldump", "mariadb-dump", "mongodump"})
_CONFIG_PLACES = ("/etc/", "/opt/", "/usr/local/etc/", "/srv/")
# A copy is a backup when its destination says so: a backup directory, or a .bak/.orig/.old/.save copy.
_BACKUP_WORDS = ("backup", "bak", ".orig", ".old", ".save", "snapshot")
_TEMP_PLACES = ("/tmp/", "/var/tmp/")  # noqa: S108 - paths the scripts write, matched, not used


@dataclass(frozen=True, kw_only=True)
class PackageFacts:
    jobs: tuple[Located, ...] = ()
    endpoints: tuple[Located, ...] = ()
    statements: tuple[Located, ...] = ()
    commands: tuple[Located, ...] = ()
    units_used: tuple[Located, ...] = ()
    units: dict[str, ConfigFile] = field(default_factory=dict)
    """Unit files (not drop-ins) by path, their settings as ``Section.Key`` keys (what a rename keeps)."""


def _is_backup(args: list[str]) -> bool:
    sources = [a for a in args if a.startswith(_CONFIG_PLACES)]
    return bool(sources) and any(w in a.lower() for a in args if a not in sources for w in _BACKUP_WORDS)


def _command_facts(path: str, c: Command) -> Iterator[Located]:
    """What one script command does to the target that the plan needs (``kind`` names it)."""
    args = [w.text for w in operands(c)]
    if c.name in ("systemctl", "service") and args:
        verb, units = (args[0], args[1:]) if c.name == "systemctl" else (args[-1], args[:1])
        if verb in _SERVICE_VERBS:
            for unit in units:
                yield Located(what=unit, file=path, line=c.line, kind="service-stop", detail={"verb": verb})
    elif c.name in _DUMPS:
        yield Located(what=c.text, file=path, line=c.line, kind="backup-database")
    elif c.name in _COPIES and _is_backup(args):
        yield Located(what=c.text, file=path, line=c.line, kind="backup-config",
                      detail={"sources": [a for a in args if a.startswith(_CONFIG_PLACES)]})
    elif c.name in _FIREWALL:
        yield Located(what=c.text, file=path, line=c.line, kind="firewall")


def _statements(parsed: Parsed) -> list[Located]:
    return [
        Located(what=s.text, file=sql.path, line=s.line, kind=s.kind,
                detail={"text": s.text, "tables": list(s.tables), "reversibility": s.reversibility,
                        "rewrites_table": s.rewrites_table, "takes_lock": s.takes_lock, "checked": s.checked})
        for sql in parsed.sql for s in sql.statements
    ]


def _units(parsed: Parsed) -> dict[str, ConfigFile]:
    return {
        u.path: ConfigFile(path=u.path, format="systemd",
                           keys={f"{s.section}.{s.key}": json.dumps(s.value) for s in u.settings})
        for u in parsed.units if not u.drop_in
    }


def from_preflight(parsed: Parsed, findings: Iterable[Finding]) -> PackageFacts:
    """The plan's facts from preflight's parsed package (and its ``systemd_unit_missing`` findings)."""
    users = {(tab.path, job.line): job.user for tab in parsed.crontabs for job in tab.jobs}
    jobs = [
        Located(what=f"{j.schedule} {j.command}".strip(), file=j.path, line=j.line, kind=j.mechanism,
                detail={"user": users.get((j.path, j.line)), "schedule": j.schedule, "command": j.command})
        for j in parsed.jobs
    ]
    endpoints = [
        Located(what=e.host, file=e.path, line=e.line, kind=e.found_as,
                detail={"text": e.text, "contacted": e.contacted, "method": e.method})
        for e in parsed.endpoints
    ]
    commands = [f for script in parsed.scripts for c in script.commands for f in _command_facts(script.path, c)]
    commands += [Located(what=f"{a.kind} {a.name}", file=a.path, line=a.line, kind="account") for a in parsed.accounts]
    commands += [Located(what=f"{w.command} (writes {w.target})", file=w.path, line=w.line, kind="temporary")
                 for w in parsed.files_written if w.target.startswith(_TEMP_PLACES)]
    units = [
        Located(what=str(f.evidence.get("unit", "")), file=str(f.evidence.get("file") or f.path),
                line=line if isinstance(line := f.evidence.get("line"), int) else None, kind="unit",
                detail={"suggestion": f.evidence.get("suggestion")})
        for f in findings if f.code == "preflight.systemd_unit_missing"
    ]
    return PackageFacts(jobs=_unique(jobs), endpoints=_unique(endpoints), statements=_unique(_statements(parsed)),
                        commands=_unique(commands), units_used=_unique(units), units=_units(parsed))


def _unique(items: list[Located]) -> tuple[Located, ...]:
    seen: set[tuple[str, str, int | None, str]] = set()
    out: list[Located] = []
    for item in sorted(items, key=lambda i: (i.file, i.line or 0, i.what)):
        key = (item.what, item.file, item.line, item.kind)
        if key not in seen and len(out) < MAX_ITEMS:
            seen.add(key)
            out.append(item)
    return tuple(out)
