"""A script that sets the account's crontab aside and puts it back: ``crontab -l > "$DIR/cron_tmp"`` saved,
``echo "" | crontab -`` emptying the table while a daemon is upgraded, ``crontab "$DIR/cron_tmp"`` restoring it;
or that edits the table in place through a pipe, ``crontab -l -u www-data | sed 's/^/#/' | crontab -u www-data -``
commenting its jobs out (and back in). None adds a job the account did not have."""

from __future__ import annotations

import re

from shipgate.preflight.shell.commands import operands, written_paths
from shipgate.preflight.shell.model import Command, Script

_EMPTY_WRITERS = frozenset({"echo", "printf", "true", ":"})


def no_new_job(script: Script, crontab: Command) -> bool:
    """``crontab`` given the table it saved earlier (``crontab -l > F`` then ``crontab F``), or fed an empty line
    (``echo "" | crontab -``, ``printf '' | crontab -``)."""
    return _restores_saved(script, crontab) or _fed_empty(script, crontab) or _own_table_edited(script, crontab)


def _restores_saved(script: Script, crontab: Command) -> bool:
    """The file ``crontab`` installs was written by ``crontab -l`` before it and by nothing in between (a job
    appended to the saved copy, ``echo "…" >> F``, is a new job)."""
    ops = [w.text for w in operands(crontab) if w.text != "-"]
    if len(ops) != 1:
        return False
    saved = [c.line for c in script.commands if c.name == "crontab" and "-l" in c.args and _writes(c, ops[0])]
    since = max((line for line in saved if line < crontab.line), default=None)
    if since is None:
        return False
    return not any(since < c.line < crontab.line and _writes(c, ops[0]) for c in script.commands)


def _writes(command: Command, path: str) -> bool:
    return any(w.text == path for w in (*command.writes(), *written_paths(command)))


def _fed_empty(script: Script, crontab: Command) -> bool:
    if not crontab.piped_from or crontab.piped_from[-1] not in _EMPTY_WRITERS:
        return False
    feeders = [c for c in script.commands if c.line == crontab.line and c.name == crontab.piped_from[-1] and c.piped_to]
    return bool(feeders) and all(all(w.text in ("", "-n", "-e") for w in c.words) and not c.redirects for c in feeders)


# Filters a table read back can pass through and still hold only its own lines: ``sed`` substitutions and
# deletions (not ``a``/``i``/``c``, which add text), ``grep`` selections.
_LINE_FILTERS = frozenset({"sed", "grep"})
_SED_SUBSTITUTION_OR_DELETE = re.compile(r"^(?:s(.).*\1.*\1[gIi0-9]*|/[^/]*/d)$")


def _own_table_edited(script: Script, crontab: Command) -> bool:
    """``crontab -l [-u A] | sed 's/^/#/' | crontab [-u A] -``: the same account's table read back, each line
    substituted or dropped by the filters between, installed again. Its jobs are the ones it had (commented out or
    back in), no new one."""
    if not crontab.piped_from or crontab.piped_from[0] != "crontab" or "-l" in crontab.args:
        return False
    if not set(crontab.piped_from[1:]) <= _LINE_FILTERS:
        return False
    stages = [c for c in script.commands if c.line == crontab.line and c.piped_to and c is not crontab]
    reader = next((c for c in stages if c.name == "crontab" and "-l" in c.args), None)
    if reader is None or _account(reader) != _account(crontab):
        return False
    if any(c is not reader and c.name not in _LINE_FILTERS for c in stages):
        return False  # ``(crontab -l; echo '0 3 * * * job') | crontab -``: a line written into the table
    edits = [c for c in stages if c.name == "sed"]
    return all(len(c.words) == 1 and _SED_SUBSTITUTION_OR_DELETE.match(c.words[0].text) for c in edits)


def _account(crontab: Command) -> str | None:
    """The account ``-u`` names (None: the running account's own table)."""
    args = list(crontab.args)
    return args[args.index("-u") + 1] if "-u" in args[:-1] else None
