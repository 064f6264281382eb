"""Switches the operator turns on: a branch that runs only when the installer's command line asks for it.

``run_write() { if [ "${USE_SUDO}" = "always" ]; then sudo "$@"; return; fi; "$@"; }`` in a file that sets
``USE_SUDO="never"`` at its top and gives it another value only from its arguments (``--sudo)
USE_SUDO="${2:?…}"``): the ``sudo`` runs only when the operator passes ``--sudo always``. By default the branch is
not taken, so a function whose escalation sits there runs its arguments as they are (``run_write install … /usr``
is a plain write), and the ``sudo`` is one more step, reported where it is written. A switch the file sets only to
literals is the reader's ``NEVER`` or always-taken branch instead (``_switch_holds``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.shell.model import Assignment

# A value taken from the command line: a positional parameter (``$2``, ``"${2:?missing value}"``, ``${1#--sudo=}``)
# or the option ``getopts`` read (``$OPTARG``).
_FROM_ARGUMENTS = re.compile(r"""["']?\$(?:\d|\{\d(?:[:?+=#%/-][^}]*)?\}|OPTARG|\{OPTARG\})["']?""")


def _value(assignment: Assignment) -> str:
    return assignment.raw.partition("=")[2].strip()


def _literal(assignment: Assignment) -> bool:
    return assignment.value is not None and assignment.generated_by is None and "$" not in _value(assignment)


def opted_in(bound: Sequence[Assignment], compared: str, line: int) -> bool:
    """Whether ``[ "$NAME" = compared ]`` on ``line`` holds only on the operator's word: ``NAME`` is set to a
    literal other than ``compared`` at the top of the file before the test, every literal it is ever given differs
    from ``compared``, and its other values all come from the command line."""
    literals = [a for a in bound if _literal(a)]
    chosen = [a for a in bound if not _literal(a)]
    default = any(a.function is None and a.line < line for a in literals)
    if not (default and chosen) or any(a.value == compared for a in literals):
        return False
    return all(_FROM_ARGUMENTS.fullmatch(_value(a)) for a in chosen)
