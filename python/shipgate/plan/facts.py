"""What preflight read in the package, as the plan needs it: scheduled jobs (and who they run as),
endpoints (and whether a command sends data to them), migration statements (kind, tables, locks,
rewrites, reversibility), the units the package ships and names, and the commands that change the target —
services stopped or restarted, backups taken, prompts that need someone at the terminal, reboots, accounts
created, firewall changes, temporary files.

The plan's source is ``shipgate.preflight.facts``: the scripts parsed with their wrappers unwrapped, the SQL
read by PostgreSQL's parser, crontabs and units; and, for what only a scanner decides (a unit the target does
not have), preflight's findings. What a command *means* to the plan is the plan's own reading: interruptions
(``plan.interrupts``), backups (``plan.backups``, and those kept by an in-place edit or a move: ``plan.kept``),
prompts (``plan.prompts``), firewall changes (``plan.firewall``); a helper function's backup is read with the
arguments it is called with, and so is a stop its body names only through them (``plan.helper_calls``); a line
whose command word comes from a variable set to another command in another branch is read once with each value
(``plan.alternatives``). Two facts preflight's commands do not carry — loops fed from a file or pipe, ``select``
menus — are read from the scripts' text by the same parser (``plan.loops``).
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from shipgate.findings import Finding
from shipgate.plan.alternatives import alternatives
from shipgate.plan.backups import backups
from shipgate.plan.config_files import ConfigFile
from shipgate.plan.firewall import changes_firewall
from shipgate.plan.helper_calls import calls, with_arguments
from shipgate.plan.index import MAX_ITEMS, Located
from shipgate.plan.interrupts import interruptions, reboots
from shipgate.plan.kept import edited_in_place, moved_aside
from shipgate.plan.kills import background_jobs
from shipgate.plan.loops import StdinFacts, stdin_facts
from shipgate.plan.own_containers import own_containers, started_here
from shipgate.plan.prompts import prompt
from shipgate.preflight.facts import PackageFacts as Parsed
from shipgate.preflight.shell.model import Command, Script

_TEMP_PLACES = ("/tmp/", "/var/tmp/")  # noqa: S108 - paths the scripts write, matched, not used
_ARRAY_WORD = re.compile(r'"?\$\{([A-Za-z_]\w*)\[[@*]\]\}"?')
_RUN_TIME = re.compile(r"[$`*?\[{]")  # a part the shell expands at run time


@dataclass(frozen=True, kw_only=True)
class PackageFacts:
    jobs: tuple[Located, ...] = ()
    endpoints: tuple[Located, ...] = ()
    statements: tuple[Located, ...] = ()
    commands: tuple[Located, ...] = ()
    units_used: tuple[Located, ...] = ()
    units: dict[str, ConfigFile] = field(default_factory=dict)
    """Unit files (not drop-ins) by path, their settings as ``Section.Key`` keys (what a rename keeps)."""


def _named(c: Command, script: Script) -> Command:
    """The command with its name when preflight leaves it unknown: for an array's expansion (``"${cmd[@]}"
    args``), the array's first item as the script last assigned it; for a path whose directory is a run-time
    value but whose last part is written out (``"$TOOLKIT_ROOT/bin/docker-compose" stop``), that last part."""
    if c.name is not None or c.program is None:
        return c
    if not (m := _ARRAY_WORD.fullmatch(c.program.raw)):
        last = posixpath.basename(c.program.text.strip("\"'"))
        return dataclasses.replace(c, name=last) if last and not _RUN_TIME.search(last) else c
    items = next((a.items for a in reversed(script.bindings(m.group(1))) if a.items), ())
    return dataclasses.replace(c, name=posixpath.basename(items[0])) if items else c


def _command_facts(path: str, c: Command, *, fed: bool = False, defined: frozenset[str] = frozenset(),
                   jobs: frozenset[str] = frozenset(), called: Mapping[str, list[tuple[str, ...]]] | None = None,
                   own: dict[tuple[str | None, str], int] | None = None) -> Iterator[Located]:
    """What one script command does to the target that the plan needs (``kind`` names it). ``fed``: the loop
    or group around the command takes its input from a file, heredoc, here-string or pipe; ``defined``: the
    script's own functions; ``jobs``: its variables set from ``$!``; ``called``: the arguments each of those
    functions is called with (a helper's backup, and a stop the helper's own words do not name, are read with
    them: ``plan.helper_calls``); ``own``: the containers the script starts itself (``plan.own_containers``)."""
    readings = with_arguments(c, called or {})
    stops = list(interruptions(c, defined=defined, jobs=jobs)) or [
        stop for reading in readings for stop in interruptions(reading, defined=defined, jobs=jobs)]
    for verb, what in stops:
        if started_here(c, what, own or {}):
            continue  # the script's own temporary container: nobody is served by it
        yield Located(what=what, file=path, line=c.line, kind="service-stop", detail={"verb": verb, "text": c.text})
    for reading in readings or [c]:
        for kind, sources in backups(reading, defined=defined):
            yield Located(what=c.text, file=path, line=c.line, kind=f"backup-{kind}", detail={"sources": sources})
    why = prompt(c, fed=fed)
    if why is not None:
        yield Located(what=c.text, file=path, line=c.line, kind="prompt", detail={"why": why})
    if reboots(c, defined=defined):
        yield Located(what=c.text, file=path, line=c.line, kind="reboot")
    if changes_firewall(c, defined=defined):
        yield Located(what=c.text, file=path, line=c.line, kind="firewall")


def _script_facts(script: Script, text: bytes | None) -> Iterator[Located]:
    # Parsed again only where it can matter: a ``read`` (fed by its loop or not) or a ``select`` menu.
    wanted = text is not None and (b"select" in text or any(c.name == "read" for c in script.commands))
    stdin = stdin_facts(text) if wanted and text is not None else StdinFacts()
    defined, jobs, called = frozenset(script.functions), background_jobs(script), calls(script)
    own = own_containers(script)
    for c in script.commands:
        for each in (_named(c, script), *alternatives(c, script)):
            yield from _command_facts(script.path, each, fed=c.line in stdin.fed, defined=defined, jobs=jobs,
                                      called=called, own=own)
    yield from _kept_backups(script)
    for line in stdin.menus:
        yield Located(what="select menu", file=script.path, line=line, kind="prompt",
                      detail={"why": "shows a select menu and waits for a choice"})


def _kept_backups(script: Script) -> Iterator[Located]:
    """Backups kept by an in-place edit's suffix or by a move the rest of the script leaves in place
    (``plan.kept``)."""
    commands = script.commands
    for i, c in enumerate(commands):
        for kind, sources in (*edited_in_place(c), *moved_aside(c, commands[i + 1:])):
            yield Located(what=c.text, file=script.path, line=c.line, kind=f"backup-{kind}",
                          detail={"sources": sources})


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


def from_preflight(
    parsed: Parsed, findings: Iterable[Finding], texts: Mapping[str, bytes] | None = None
) -> PackageFacts:
    """The plan's facts from preflight's parsed package (and its ``systemd_unit_missing`` findings); ``texts``,
    the package's files, give the scripts' redirected loops and ``select`` menus (``plan.loops``)."""
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
    texts = texts or {}
    commands = [f for script in parsed.scripts for f in _script_facts(script, texts.get(script.path))]
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
