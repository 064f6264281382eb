"""The file a database client is given to run: ``-f FILE``/``--file FILE``, ``< FILE``, or what ``cat FILE`` pipes
into it (``cat "$migration" | mysql app``, also when the client runs in a container: ``cat "$m" | docker compose
exec -T db mysql app``). A loop over a listing (``for m in $(ls migrations/*.sql | sort)``) gives each file the
listing names: the listed path stands for the word. A ``cat`` counts when its file is a loop's variable (each file
of a list fed in turn, a migration runner); a lone ``cat schema.sql | mysql`` is not read (ZoneMinder's postinst
loads its first schema that way when the database is missing, holdout12)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.shell.commands import operands, option_values
from shipgate.preflight.shell.model import Command, Script, Word

# ``$(ls [-options] PATH …)`` / ``$(find PATH …)``: the path the listing is made of.
_LISTING = re.compile(r"\$\(\s*(?:ls|find)\s+(?:-\S+\s+)*([^\s|;)`&]+)")


def piped_cats(script: Script) -> dict[int, list[Command]]:
    """``cat`` commands of a loop's file whose output goes down a pipe, by line (one pass over the script)."""
    by_line: dict[int, list[Command]] = {}
    for command in script.commands:
        if command.name == "cat" and command.piped_to and _loop_fed(command, script):
            by_line.setdefault(command.line, []).append(command)
    return by_line


def feeding_cats(command: Command, cats: dict[int, list[Command]]) -> list[Command]:
    """The ``cat`` commands of ``command``'s pipeline that feed it (written before it on its line)."""
    if "cat" not in command.piped_from or command.name is None:
        return []
    return [c for c in cats.get(command.line, []) if command.name in c.piped_to]


def _loop_fed(cat: Command, script: Script) -> bool:
    """``cat "$m"`` where ``m`` is a ``for`` loop's variable."""
    names = {n for w in operands(cat) for n in w.expands}
    return any(a.generated_by == "for" and a.line <= cat.line for n in names for a in script.bindings(n))


def fed_words(client: Command, feeders: Sequence[Command]) -> list[Word]:
    """The words naming what ``client`` reads: its file options, its ``<`` redirection, the files ``cat`` pipes
    into it."""
    named = option_values(client, "-f", "--file") + [r.target for r in client.redirects if r.op == "<" and r.target]
    return named + [w for cat in feeders for w in operands(cat) if w.text != "-"]


def listed_path(text: str) -> str:
    """The path a word holding a listing's output stands for (``$(ls migrations/*.sql)`` → ``migrations/*.sql``);
    the text itself otherwise."""
    m = _LISTING.match(text)
    return m.group(1) if m else text
