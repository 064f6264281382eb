"""A cron table rewritten from a filtered copy of itself: a maintainer script taking an old package's block out of
``/etc/crontab`` (mgetty's ``awk '… {if (!found) print} …' /etc/crontab > $TMP`` then ``mv -f $TMP /etc/crontab``).
The copy holds only lines the table had, so neither the copy nor the table put back from it adds a job.

A filter is ``grep`` (it prints input lines, or counts and names) or ``awk`` whose every ``print`` is a bare one
(``print``, ``print $0``: the input line) with no ``printf``, ``system`` or ``getline`` in its program, given the cron
file as its only input and writing a file. A ``cp``/``mv`` into a cron file counts when the file it moves was last
written, before it, by such a filter of that same cron file."""

from __future__ import annotations

import re

from shipgate.preflight.shell.commands import operands, written_paths
from shipgate.preflight.shell.model import Command, Script

_CRON_PLACES = ("/etc/cron", "/var/spool/cron", "/etc/crontab", "/etc/anacrontab")
_PRINT = re.compile(r"\bprint(f?)\b\s*([^;}\n]*)")
_AWK_NEVER = re.compile(r"\b(?:system|getline)\b")


def no_new_cron_job(script: Script, command: Command) -> bool:
    """The cron file ``command`` writes is a filtered copy of a cron file, or is put back from one."""
    if _filtered_cron_file(command) is not None:
        return True
    if command.name not in ("mv", "cp"):
        return False
    paths = [w.text for w in operands(command) if not w.text.startswith("-")]
    if len(paths) != 2:
        return False
    source, target = paths
    writers = [c for c in script.commands if c.line < command.line and _writes(c, source)]
    return bool(writers) and _filtered_cron_file(writers[-1]) == target


def _filtered_cron_file(command: Command) -> str | None:
    """The cron file a filter reads, when ``command`` is one that writes its output to a file."""
    if command.name not in ("grep", "awk") or not any(r.op in (">", ">>") for r in command.redirects):
        return None
    texts = [w.text for w in operands(command)]
    if len(texts) != 2:
        return None
    program, read = texts
    if not read.startswith(_CRON_PLACES):
        return None
    if command.name == "awk" and not _awk_prints_input_only(program):
        return None
    return read


def _awk_prints_input_only(program: str) -> bool:
    if _AWK_NEVER.search(program):
        return False
    return all(not f and args.strip() in ("", "$0") for f, args in _PRINT.findall(program))


def _writes(command: Command, path: str) -> bool:
    return any(w.text == path for w in (*command.writes(), *written_paths(command)))
