"""Functions that run one of their arguments as a shell string: ``run_as() { su - www-data -c "cd /srv;$1"; }``,
``as_root() { sudo sh -c "$1"; }``, ``do() { eval "$1"; }``, also through a variable holding the shell
(``sh_c='sudo -E sh -c'; run() { $sh_c "$@"; }``). A call's string argument is then the commands it runs
(``run_as 'php console.php dbstructure update'``), read at the call as ``sh -c`` strings are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shipgate.preflight.shell.model import Word

_POSITIONS = {str(n): n for n in range(1, 10)} | {"@": 1, "*": 1}
# A positional parameter standing as a command of the string (at its start or after ``;``, ``&&``, ``|``, ``(``), not
# part of a word (``eval "$1=\"$2\""`` assigns the variable its first argument names: it runs no command).
_AS_COMMAND = re.compile(r"(?:^|[;&|(\n])\s*\$\{?([1-9@*])\}?(?=$|[\s;&|)])")


@dataclass(frozen=True)
class StringRunner:
    """How a function runs its argument: the position (1-based) of the string, the way it is read (``sh -c``,
    ``su -c``, ``eval``), and the escalator the body runs it with when every such command of the body agrees."""

    position: int
    via: str
    escalation: str | None = None
    escalation_line: int | None = None
    as_root: bool = False  # the one way recorded so far runs only in a uid-0 branch
    # the escalator is taken only in a uid-0 branch (``if [ "$(id -u)" = 0 ]; then su -p "$user" -c "$1"; fi``):
    # root's ``su`` drops privileges, so the body's line, read under its branch, judges every call
    escalates_as_root: bool = False


def record_runner(
    found: dict[str, StringRunner],
    function: str,
    string: Word,
    via: str | None,
    *,
    escalation: str | None,
    escalation_line: int | None,
    as_root: bool = False,
) -> None:
    """Notes ``function`` as a string runner when the ``string`` its body runs as shell has a positional parameter
    as a command (``"$1"``, ``"cd /srv;$1"``, ``"$@"``; not ``"$1=\"$2\""``). A body that runs it in several ways
    (``su`` as root, plain ``sh -c`` otherwise) runs it as a shell string with no escalator of its own: the run
    picks the way. A plain way taken only in a uid-0 branch (``as_root`` is true: ``if [ "$(id -u)" = 0 ]; then
    bash -lc "$*"; else sudo bash -lc "$*"; fi``) runs as root already, so the other way's escalator stands: every
    run of the string is root's, a non-root one through that escalator (hold-out set 272)."""
    m = _AS_COMMAND.search(string.raw.strip("\"'"))
    if m is None or via is None:
        return
    position = _POSITIONS[m.group(1)]
    plain_root = as_root and escalation is None
    known = found.get(function)
    if known is None:
        root_escalator = as_root and escalation is not None
        found[function] = StringRunner(position, via, escalation, escalation_line, plain_root, root_escalator)
    elif known.via == via and known.as_root and escalation is not None:
        found[function] = StringRunner(known.position, via, escalation, escalation_line, escalates_as_root=as_root)
    elif known.via == via and plain_root and known.escalation is not None:
        return
    elif known.escalation != escalation or known.via != via:
        found[function] = StringRunner(known.position, "sh -c")
