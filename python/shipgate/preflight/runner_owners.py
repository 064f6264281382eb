"""A ``chown`` whose owner is the account that runs the script unless that account is root: no root needed.

Container entrypoints adapt the owner of their files to who starts them: ``if [ "$uid" = 0 ]; then
user=www-data; else user="$uid"; fi`` (Joomla's image, with ``uid="$(id -u)"``), or Neo4j's ``if running_as_root;
then userid="neo4j"; else userid="$(id -u)"; fi`` whose predicate lives in a sourced file. Run as root, the ``chown
"$user":"$group" DIR`` after it is root's; run as anyone else, it gives the files to their own owner, which needs
no privilege. So each variable of the owner word has a binding that is the invoking user (``$(id -u)``, also
through a variable that holds it) and every other binding is written where only root runs it (a uid-0 branch) or
in the other arm of the same ``if`` as an invoking-user binding (the two blocks nested, an ``else`` inside its
``if``, and neither around the ``chown``: a default the script sets for every run, ``owner=app`` before an ``if``
that may replace it, still names another account)."""

from __future__ import annotations

from collections.abc import Callable

from shipgate.preflight.shell.blocks import within
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Assignment, Command, Script

Block = tuple[int, int, int]


def _arms(one: Block | None, other: Block | None, around: Block | None) -> bool:
    """Two different blocks, one inside the other (an ``else`` in its ``if``), the outer one not holding ``around``."""
    if one is None or other is None or one == other:
        return False
    outer = other if within(one, other) else one if within(other, one) else None
    return outer is not None and (around is None or not within(around, outer))


def _follows_runner(script: Script, name: str, command: Command, own: Callable[[str], bool]) -> bool:
    bindings = script.bindings(name)[:64]
    mine = [a for a in bindings if own(a.shape or a.value or "")]
    if not mine:
        return False

    def fits(a: Assignment) -> bool:
        return (
            a in mine
            or a.line in script.root_assigned
            or any(_arms(a.block, m.block, command.block) for m in mine)
        )

    return all(fits(a) for a in bindings)


def owner_follows_runner(command: Command, script: Script, own: Callable[[str], bool]) -> bool:
    """``chown "$user":"$group" DIR`` where each variable is the invoking user's id except when root runs the script
    (``own`` says whether a value is the invoking user: ``$(id -u)``, ``$(id -g)``…)."""
    owner = operands(command)[:1]
    if command.name != "chown" or not owner or not owner[0].expands:
        return False
    return all(_follows_runner(script, name, command, own) for name in owner[0].expands)
