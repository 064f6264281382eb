"""Python environments a script makes itself: ``python3 -m venv .venv`` and ``virtualenv -p python3 env`` create the
directory they name, with its ``bin/activate`` and ``bin/python``. What runs from there afterwards (``source
.venv/bin/activate``) is the script's own making, not a file it downloaded, even when the directory lies inside a
checkout it cloned."""

from __future__ import annotations

import re

from shipgate.preflight.shell.commands import positional_texts
from shipgate.preflight.shell.model import Command

_PYTHON = re.compile(r"^python(?:\d+(?:\.\d+)?)?$")
# virtualenv's options that take the next word as their value (``-p python3``)
_VIRTUALENV_VALUES = frozenset({"-p", "--python", "--prompt", "--activators", "--creator", "--seeder"})


def created_environments(command: Command) -> list[str]:
    """The directories ``command`` creates as Python environments: every operand after ``-m venv``, or
    virtualenv's destination (its last word that is neither an option nor an option's value)."""
    words = [w.text for w in command.words]
    name = command.name or ""
    if _PYTHON.match(name) and words[:2] == ["-m", "venv"]:
        return [w for w in words[2:] if w and not w.startswith("-")]
    if name != "virtualenv":
        return []
    return [w for w in positional_texts(words, _VIRTUALENV_VALUES) if w][-1:]
