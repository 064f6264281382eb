"""Arguments that carry a secret, printed whole (docs/findings.md, ``secret_printed``).

An option loop takes a secret from the positional parameters (``case $1 in --api-key=*) API_KEY="${1#*=}"``,
``--api-key) API_KEY="$2"``): those parameters hold the key. A debug line of the same function (or of the script's
top level, whose parameters are the script's) that prints them prints the key with them: ``echo "Received: $@"``
(every argument), or ``echo "Processing: '$1'"`` when the key is cut out of ``$1`` itself (the ``--api-key=KEY``
form, whole in ``$1``). Printing ``$#`` (a count) or another function's parameters is not reported, nor a print
inside one of the loop's ``case`` arms (``*) echo "Unknown option: $1"``: the arm's pattern says what ``$1`` is, and
the secret's own arm prints the variable, which the echo rule reads)."""

from __future__ import annotations

import re

from shipgate.preflight.secrets import secret_name
from shipgate.preflight.shell.model import Command, Script, Word

# ``$1`` / ``${1#*=}`` / ``${10}`` / ``$@`` / ``${*}`` in an assignment's value: the positional parameters it reads.
_POSITIONAL = re.compile(r"\$(?:\{([0-9]+|[@*])|([0-9@*]))")
_ALL = frozenset({"@", "*"})


def _carriers(script: Script, function: str | None) -> dict[str, str]:
    """The positional parameters (``"1"``, ``"2"``, ``"@"``) of ``function`` (None: the top level) that a
    secret-named variable is taken from, each with that variable's name."""
    taken: dict[str, str] = {}
    for a in script.assignments:
        if a.function != function or not secret_name(a.name):
            continue
        for braced, bare in _POSITIONAL.findall(a.raw.partition("=")[2]):
            taken.setdefault(braced or bare, a.name)
    return taken


def printed_argument(words: list[Word], command: Command, script: Script) -> str | None:
    """The secret ``command``'s print of ``words`` shows through the positional parameters, or None: ``$@`` or
    ``$*`` when any parameter carries one, ``$N`` when the secret is taken from ``$N`` itself."""
    if any(c.startswith("case:") for c in command.conditions):
        return None
    printed = {name for word in words for name in word.expands if name in _ALL or name.isdigit()}
    if not printed:
        return None
    taken = _carriers(script, command.function)
    if not taken:
        return None
    if printed & _ALL:
        return next(iter(taken.values()))
    return next((taken[p] for p in sorted(printed) if p in taken), None)
