"""A script that sets the account's crontab aside and puts it back: ``crontab -l > "$DIR/cron_tmp"`` saved,
``echo "" | crontab -`` emptying the table while a daemon is upgraded, ``crontab "$DIR/cron_tmp"`` restoring it.
Neither the emptied table nor the saved one adds a job the account did not have."""

from __future__ import annotations

from shipgate.preflight.shell.commands import operands, written_paths
from shipgate.preflight.shell.model import Command, Script

_EMPTY_WRITERS = frozenset({"echo", "printf", "true", ":"})


def no_new_job(script: Script, crontab: Command) -> bool:
    """``crontab`` given the table it saved earlier (``crontab -l > F`` then ``crontab F``), or fed an empty line
    (``echo "" | crontab -``, ``printf '' | crontab -``)."""
    return _restores_saved(script, crontab) or _fed_empty(script, crontab)


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
