"""Commands whose failure stops the script because an ``if`` tests them and its failing branch exits, and the
runner functions built that way: ``run() { msg=$1; shift; if out=$("$@" 2>&1); then ok; else echo "$out"; exit 1;
fi; }`` stops the run when the command it is given fails, so ``run "checking" sha256sum -c app.tar.bz2.sha256`` is
a checksum check a bad download does not get past, with or without ``set -e`` (hold-out set 219's Nextcloud
upgrade). ``if ! "$@"; then die; fi`` stops the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tree_sitter import Node

from shipgate.preflight.shell.model import Script


def failing_branch_exits(
    conds: Sequence[Node], body: Sequence[Node], named: Sequence[Node], exit_in: Callable[[list[Node]], bool]
) -> bool:
    """Whether the branch an ``if`` takes when its single tested command fails exits (``exit_in`` tells of a list of
    statements): the ``else`` part of ``if CMD``, the ``then`` part of ``if ! CMD``. An ``elif`` in between, or a
    condition of several statements, says nothing certain."""
    tested = [c for c in conds if c.is_named]
    if len(tested) != 1 or any(c.type == "elif_clause" for c in named):
        return False
    if tested[0].type == "negated_command":
        return exit_in(list(body))
    otherwise = [c for c in named if c.type == "else_clause"]
    return bool(otherwise) and exit_in(list(otherwise[0].named_children))


def stopping_runner_calls(script: Script, runners: frozenset[str]) -> frozenset[tuple[int, str]]:
    """(line, text) of each call of a runner (``runners``: functions that run their arguments) whose body tests
    the command it runs (a program word that is an expansion: ``"$@"``) so: a check given to it stops the run
    when it fails."""
    stopping = {
        c.function
        for c in script.commands
        if c.function in runners
        and c.program is not None
        and c.program.expands
        and (c.line, c.text) in script.failure_stops
    }
    return frozenset((c.line, c.text) for c in script.commands if c.name in stopping and c.function not in stopping)
