"""Variables one message names as a secret, taken as secrets wherever the same value is printed (docs/findings.md,
``secret_printed``).

Netmaker's upgrade script creates a join key (``KEY=$(… | jq -r .accessstring)``), says ``echo "join key
created: $KEY"`` and, two steps later, ``echo "joining with command: netclient join -t $KEY …"``. The second
message names no secret right before the value, but the value is the one the first message called a join key
(secret_labels). A variable named so by a printed message is a secret at every other print that sees one of the
same assignments (shell.reaching); a reassignment in between gives it another value, which the label does not name.
"""

from __future__ import annotations

from shipgate.preflight.random_values import random_values
from shipgate.preflight.secret_labels import labelled_secrets
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.shell.reaching import reaching_assignments

_PRINTERS = frozenset({"echo", "printf", "print"})
# Printed words read per script (a bound on a file of many thousand echo lines).
_MAX_WORDS = 20000

_last: list[tuple[Script, dict[str, frozenset[int]]]] = []  # the last script asked about


def message_named(script: Script) -> dict[str, frozenset[int]]:
    """Variable -> the lines of the assignments a message that names it a secret sees."""
    if _last and _last[0][0] is script:
        return _last[0][1]
    found = _named(script)
    _last[:] = [(script, found)]
    return found


def named_elsewhere(name: str, script: Script, command: Command) -> bool:
    """Whether ``command`` prints a value of ``name`` another message named a secret."""
    lines = message_named(script).get(name)
    if not lines:
        return False
    return any(a.line in lines for a in reaching_assignments(script, name, command))


def _named(script: Script) -> dict[str, frozenset[int]]:
    drawn = random_values(script)
    found: dict[str, set[int]] = {}
    seen = 0
    for command in script.commands:
        if command.name not in _PRINTERS:
            continue
        for word in operands(command):
            seen += 1
            if seen > _MAX_WORDS:
                return {k: frozenset(v) for k, v in found.items()}
            for name in labelled_secrets(word, drawn):
                found.setdefault(name, set()).update(a.line for a in reaching_assignments(script, name, command))
    return {k: frozenset(v) for k, v in found.items()}
