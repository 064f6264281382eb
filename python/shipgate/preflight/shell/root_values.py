"""The root value a uid test compares with: the literal ``0`` or ``root``, or a variable standing for one.

``ROOT_UID=0; if [ "$UID" -ne "$ROOT_UID" ]; then … exit 1; fi`` names root's uid through a constant: every value
the file gives the name is the same root literal. In bash's ``[[ … ]]`` an arithmetic comparison reads a name the
file never sets as 0 (``[[ "$UID" -ne "$ROOT_UID" ]]`` with ``ROOT_UID`` never assigned is a root check); a ``[ … ]``
test fails on the empty operand instead (``integer expression expected``), so there it is no root value."""

from __future__ import annotations

import re

from shipgate.preflight.shell.words import Bindings

ROOT_LITERALS = frozenset({"0", "root"})
_ARITHMETIC = frozenset({"-eq", "-ne", "-gt", "-lt", "-ge", "-le"})
_NAME = re.compile(r"\$\{?([A-Za-z_]\w*)\}?")
# uids the environment hands a script (sudo's, pkexec's invoking user): set although the file never assigns them
_FROM_ENVIRONMENT = frozenset({"SUDO_UID", "PKEXEC_UID", "UID", "EUID", "PPID"})


def is_root_value(operand: str, bindings: Bindings, operator: str, *, double_bracket: bool) -> bool:
    """``operand`` (unquoted) is root's uid or name: a root literal, a variable every assignment of which gives it
    the same root literal, or, in ``[[ … ]]`` with an arithmetic operator, a variable the file never assigns."""
    if operand in ROOT_LITERALS:
        return True
    m = _NAME.fullmatch(operand)
    if m is None:
        return False
    assigned = bindings.by_name.get(m.group(1), ())
    if not assigned:
        return double_bracket and operator in _ARITHMETIC and m.group(1) not in _FROM_ENVIRONMENT
    values = {a.value for a in assigned}
    return len(values) == 1 and values <= ROOT_LITERALS
