"""A compose command held in a variable the script does not set: ``$dc down``, ``$DOCKER_COMPOSE stop``, where a
library the script sources (or the caller) sets the variable to ``docker compose`` or ``docker-compose``.

Preflight cannot resolve such a command word. It leaves the word as the program with no name (``$dc down``), or,
when the next word is a command it knows, it takes the variable for a prefix such as ``$STD`` and reads the rest as
the command (``$dc rm -fsv …`` becomes ``rm -fsv …``). The plan reads both as compose when the variable's name says
compose: a name with ``compose`` in it, or the ``dc`` abbreviation (``dc``, ``dcc``, ``dccmd``, ``dc_cmd``).
Any other unset variable stays unknown.
"""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Command

_LEADING_VARIABLE = re.compile(r"""["']?\$\{?([A-Za-z_]\w*)\}?["']?(?:\s|$)""")
_COMPOSE_NAME = re.compile(r"(?i)compose|^dc(?:c|_?cmd|md)?$")


def compose_words(c: Command) -> list[str] | None:
    """The words after the compose command when the command word is an unset variable named for compose;
    None otherwise."""
    m = _LEADING_VARIABLE.match(c.text)
    if m is None or not _COMPOSE_NAME.search(m.group(1)):
        return None
    words = [w.text for w in c.words]
    if c.name is None:
        return words  # the variable is the program: ``$dc down``
    if c.program is None or c.name_assigned_at is not None or m.group(1) in c.program.expands \
            or c.program.raw.startswith("$"):
        return None  # preflight resolved the variable (``dccmd='docker compose'``): the command is read as it is
    return [c.program.text, *words]  # the variable read as a prefix: ``$dc rm …``
