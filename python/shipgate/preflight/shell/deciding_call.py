"""Where a wrapper's step is decided: at the function's line, or at the call that handed it its verb.

``compose() { docker compose -f "$COMPOSE_FILE" "$@"; }`` runs nothing of note by itself; ``compose pull`` makes
it pull the stack's images and ``compose ps`` makes it read a list. The body's line is where every call's
command is written, the call's line where the choice was made, and a reader looking for the pull finds it at
``compose pull``. So a body command read with a call's arguments (``shell.arguments.bind``) that does what is
asked only because of the words one call passed is reported at that call's line; through a wrapper of the
wrapper (``occ() { compose exec app php occ "$@"; }``), at the call whose words decide. A body that decides by
itself (``apt_install() { apt-get install -y "$@"; }``: the call only names the packages) stays at its line."""

from __future__ import annotations

from collections.abc import Callable

from shipgate.preflight.shell.arguments import with_fields
from shipgate.preflight.shell.model import Command

# Calls through calls looked at, at most (a wrapper of a wrapper of a wrapper…).
_MAX_CALLS = 4


def deciding_call(bound: Command, written: Command, does: Callable[[Command], bool]) -> int | None:
    """The line of the call whose words make ``does`` true of ``bound`` (``written`` as calls run it); None when
    the body's own words do, or when no word came from a call."""
    if bound is written or bound.function is None:
        return None
    own = {id(w) for w in written.words}
    lines: list[int] = []
    for word in reversed(bound.words):  # the outermost call's words come last (``"$@"`` ends the body)
        if id(word) not in own and word.line != bound.line and word.line not in lines:
            lines.append(word.line)
    for line in lines[:_MAX_CALLS]:
        without = with_fields(bound, words=tuple(w for w in bound.words if id(w) in own or w.line != line))
        if not does(without):
            return line
    return None
