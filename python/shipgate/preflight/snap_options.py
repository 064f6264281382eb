"""Shell variables a snap's hook fills from one of the snap's options, and what the option's name says they hold.

A snap keeps its settings as options snapd stores (``snap set app db-password=…``); its hooks read one with
``snapctl get KEY`` into a variable. A configure hook that gives such a variable a literal when the option comes back
empty, and stores it back (``port="$(snapctl get onlyoffice.db-pwd)"``, ``if [ -z "$port" ]; then
port="$DEFAULT_DB_USER"; snapctl set onlyoffice.db-pwd="$port"``), makes that literal the option's value on every
install that sets none: a default credential when the option is a secret (docs/preflight.md, ``default_credential``).
What the variable holds is said by the option's name, not by the variable's own (hold-out set 277's ONLYOFFICE hook
reuses ``port`` for every option). The literal may come through a constant the script sets once
(``DEFAULT_DB_USER="onlyoffice"``), which the shell reader has already resolved.
"""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Assignment, Script

# ``"$(snapctl get KEY)"``: the whole value is one option's read (``snapctl get -d`` and several keys print JSON).
_OPTION_READ = re.compile(r"""^(["']?)\$\(\s*snapctl\s+get\s+["']?([A-Za-z0-9][\w.-]*)["']?\s*\)\1$""")
# ``"$NAME"``, ``${NAME}``: the whole value is one variable.
_COPY = re.compile(r"""^(["']?)\$\{?([A-Za-z_]\w*)\}?\1$""")


def option_reads(script: Script) -> dict[tuple[str | None, str], str]:
    """(function, variable) -> the key of the one option ``VAR="$(snapctl get KEY)"`` reads in that function; a
    variable that reads different options there is left out (what it holds at a fallback is not known)."""
    reads: dict[tuple[str | None, str], str] = {}
    mixed: set[tuple[str | None, str]] = set()
    for a in script.assignments:
        if a.generated_by != "snapctl":
            continue
        read = _OPTION_READ.match(a.raw.partition("=")[2].strip())
        if read is None:
            continue
        where = (a.function, a.name)
        if reads.setdefault(where, read.group(2)) != read.group(2):
            mixed.add(where)
    return {where: key for where, key in reads.items() if where not in mixed}


def constant_copy(script: Script, assignment: Assignment) -> bool:
    """The value is one variable every assignment of which writes a literal in place (``port="$DEFAULT_DB_USER"``
    with ``DEFAULT_DB_USER="onlyoffice"``): the literal itself, whatever the environment holds."""
    copy = _COPY.match(assignment.raw.partition("=")[2].strip())
    if copy is None or assignment.value is None:
        return False
    bindings = script.bindings(copy.group(2))
    return bool(bindings) and all(
        b.value is not None and b.generated_by is None and not b.items and "$" not in b.raw.partition("=")[2]
        for b in bindings
    )
