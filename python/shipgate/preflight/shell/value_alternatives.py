"""The values a word may take when a variable it expands is set differently in each branch above it.

The reader gives a word one value: the latest literal assigned to each name it expands. A script that picks a
directory per platform (``if [ -f /etc/redhat-release ]; then ROOT=/var/www; elif …; then ROOT=/usr/share/apache2;
fi``) and writes through one or two more variables (``DIR="$ROOT/app"; CONF="$DIR/settings.py"``, then
``echo … >> "$CONF"``) writes under each of those directories on its platform, not only under the last one
written. :func:`alternative_values` follows each name through ``shell.reaching.alternatives`` (the assignments a
run picks among) and gives every literal the word may then hold. Bounded: three variables deep, a few dozen
values; a value made at run time (``$(…)``, an argument) is no alternative."""

from __future__ import annotations

import dataclasses
import re

from shipgate.preflight.shell.model import Assignment, Command, Script, Word
from shipgate.preflight.shell.reaching import alternatives

_REFERENCE = re.compile(r"\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)")
_RUN_TIME = re.compile(r"\$\(|`|\$\{[^}]*[^\w}]|\$\{?[0-9@*#?$!-]")
_MAX_DEPTH = 3
_UNKNOWN = "$(…)"  # stands for a reference with no literal value, and what follows it
_MAX_VALUES = 32


def alternative_values(script: Script, word: Word, command: Command) -> list[str]:
    """The literals ``word`` may hold at ``command`` when the variables it expands are set per branch (a branch
    that sets one at run time gives none); empty when none is known."""
    if not word.expands:
        return []
    found = _expand(script, _unquoted(word.raw), command, _MAX_DEPTH)
    call = _first_call(script, command)
    if call is not None:  # a function's names may be set after its body, before the script calls it
        found = list(dict.fromkeys((*found, *_expand(script, _unquoted(word.raw), call, _MAX_DEPTH))))
    return found


def _first_call(script: Script, command: Command) -> Command | None:
    """Where the script's top level first calls the function ``command`` is in: the names the function reads
    are the ones set above that call."""
    if command.function is None:
        return None
    return next((c for c in script.named(command.function) if c.function is None), None)


def _expand(script: Script, written: str, at: Command, depth: int) -> list[str]:
    """``written`` with each plain reference replaced by each of its alternatives; a part made at run time
    (``$(basename "$f")``, ``$1``, a name with no literal) ends the known text, the directory above it is kept."""
    m = _REFERENCE.search(written)
    if m is None:
        return [written]
    if depth == 0:
        return []
    name = m.group(1) or m.group(2)
    found: list[str] = []
    for assignment in alternatives(script, name, at):
        value = _assigned(assignment)
        if value is None:
            continue  # set at run time on this path (an argument, a command's output): not one of the literals
        where = dataclasses.replace(at, line=assignment.line, block=assignment.block, function=assignment.function)
        inners = _expand(script, value, where, depth - 1)
        found.extend(written[: m.start()] + inner + written[m.end() :] for inner in inners)
        if len(found) > _MAX_VALUES:
            return []
    if not found:
        return [written[: m.start()] + _UNKNOWN]  # no literal for it: what comes before it is still known
    rest: list[str] = []
    for value in dict.fromkeys(found):
        rest.extend(_expand(script, value, at, depth - 1) if _REFERENCE.search(value) else [value])
    return list(dict.fromkeys(rest))


def _assigned(assignment: Assignment) -> str | None:
    """The value as written (quotes removed), None when the shell makes it at run time."""
    if assignment.generated_by is not None or assignment.items:
        return None
    if assignment.value is not None and "$" not in assignment.raw.partition("=")[2]:
        return assignment.value
    written = _unquoted(assignment.raw.partition("=")[2])
    return None if _RUN_TIME.match(written) else written  # a value that opens with a run-time part: unknown


def _unquoted(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text
