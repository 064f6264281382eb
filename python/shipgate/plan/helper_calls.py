"""A script's own helper function read with the arguments it is called with: ``conf_bk() { cp -f "$1"
"$1.old-$SYS_DT"; }`` called as ``conf_bk /etc/sysctl.conf`` keeps a copy of ``/etc/sysctl.conf``. The body's
command alone names only ``$1``; what it copies, and so which kind of backup it takes, is said where it is called.

Each call gives one reading of the body's command, with ``$1``…``$9`` in its words replaced by that call's
arguments as preflight resolved them; the facts stay on the body's line (the command that runs). Bounded: at most
``MAX_CALLS`` calls of one function are read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from shipgate.preflight.shell.model import Command, Script, Word

MAX_CALLS = 32  # calls of one helper read; a helper called more often adds nothing new to know
_POSITIONAL = re.compile(r"\$(?:\{([1-9])\}|([1-9]))")


def calls(script: Script) -> dict[str, list[tuple[str, ...]]]:
    """The arguments of each call of the script's own functions, by function."""
    defined = set(script.functions)
    out: dict[str, list[tuple[str, ...]]] = {}
    for c in script.commands:
        if c.name in defined and c.function != c.name:  # not the function calling itself
            out.setdefault(c.name, []).append(tuple(w.text for w in c.words))
    return out


def _with(word: Word, args: tuple[str, ...]) -> Word:
    def argument(m: re.Match[str]) -> str:
        i = int(m.group(1) or m.group(2))
        return args[i - 1] if i <= len(args) else m.group(0)

    text = _POSITIONAL.sub(argument, word.text)
    return word if text == word.text else dataclasses.replace(word, value=text, shape=None)


def with_arguments(c: Command, called: Mapping[str, list[tuple[str, ...]]]) -> list[Command]:
    """One copy of ``c`` per call of the function that holds it, its positional parameters replaced by that
    call's arguments; [] when ``c`` names none or its function is never called."""
    if c.function is None or not any(_POSITIONAL.search(w.text) for w in c.words):
        return []
    readings = []
    for args in called.get(c.function, [])[:MAX_CALLS]:
        words = tuple(_with(w, args) for w in c.words)
        if words != c.words:
            readings.append(dataclasses.replace(c, words=words))
    return readings
