"""Functions that run their arguments as a command after setting the first ones aside:
``run_logged() { local name="$1"; shift; "$@" >"$log" 2>&1; }`` runs ``pip install -e .`` in
``run_logged "pip.install" pip install -e .``, not a program named ``pip.install``; and
``run_or_rollback "reason" run_logged "db.migrate" alembic upgrade head`` runs the second runner with its own
arguments, which runs ``alembic upgrade head``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from shipgate.preflight.shell.blocks import within
from shipgate.preflight.shell.model import Command, Script


class Runners(frozenset[str]):
    """Names of the functions that run their arguments as a command, with how many leading arguments each body
    shifts off before it runs the rest (none when the body shifts in a branch or a loop: the count is not known)."""

    skipped: Mapping[str, int]

    def __new__(cls, names: Iterable[str], skipped: Mapping[str, int] | None = None) -> Runners:
        runners = super().__new__(cls, names)
        runners.skipped = dict(skipped or {})
        return runners


def shifted_arguments(script: Script, running: Mapping[str, Command]) -> dict[str, int]:
    """Function -> the number of arguments its body shifts off before the command that runs the rest (``running``:
    function -> that command), in that command's straight-line block or in a block around it (``run() { msg=$1;
    shift; if out=$("$@" 2>&1); then …``: the shift runs before the branch is entered): ``shift`` is one, ``shift 2``
    two. A body with a ``shift`` elsewhere before it (in a branch or a loop the command is not in, an option
    parser) or of a count that is not a number is left out."""
    counts: dict[str, int] = {}
    unknown: set[str] = set()
    for c in script.commands:
        run = running.get(c.function or "")
        if run is None or c.name != "shift" or c.line >= run.line:
            continue
        count = _count(c)
        if count is None or not within(run.block, c.block):
            unknown.add(run.function or "")
        else:
            counts[run.function or ""] = counts.get(run.function or "", 0) + count
    return {name: n for name, n in counts.items() if name not in unknown}


def _count(shift: Command) -> int | None:
    """How many parameters ``shift`` drops: one, or its literal operand."""
    if not shift.words:
        return 1
    text = shift.words[0].text
    return int(text) if len(shift.words) == 1 and text.isdigit() and len(text) <= 2 else None
