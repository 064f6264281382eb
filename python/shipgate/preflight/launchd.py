"""launchd property lists (launchd.plist(5)): the program a job runs and the environment it is given.

A LaunchDaemon or LaunchAgent names its program in ``Program`` or ``ProgramArguments`` (an argv, no shell: launchd
execs it directly) and its environment in ``EnvironmentVariables`` (a dict of strings). A job whose argv is a shell
given a script (``/bin/sh -c "curl … | sh"``) runs that script; an argv of another program is run as that one command.
launchd runs a daemon as root (or as ``UserName``) and an agent as the user who logs in, never as the installer, so
the commands are read as the host's own (``Embedded.root``). An environment variable named for a secret whose value
is a literal (``<key>DB_PASSWORD</key><string>…</string>``) is a credential written into the job: the key and its
value sit on separate lines, so no ``key = value`` reader sees them together (reported at the value's line).

The list is read with expat (``xml_tree``): the ``<!DOCTYPE plist PUBLIC …>`` every property list carries is accepted
and never fetched; an internal subset or an entity declaration makes the file unread.
"""

from __future__ import annotations

import posixpath
import shlex
from collections.abc import Iterator
from itertools import pairwise

from shipgate.preflight.xml_tree import Element, parse_xml

MAX_ELEMENTS = 20_000
_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash"})

Piece = tuple[int, str]


def is_property_list(path: str, text: str) -> bool:
    """A property list file (``*.plist``, also a build template ``*.plist.in``) whose markup says so."""
    name = posixpath.basename(path).lower().removesuffix(".in").removesuffix(".tpl")
    return name.endswith(".plist") and "<plist" in text[:4096]


def _job(text: str) -> dict[str, Element]:
    """The top-level dictionary of the list: key name -> its value element."""
    root = parse_xml(text, max_elements=MAX_ELEMENTS, public_doctype=True)
    plist = next((e for e in root.children if e.name == "plist"), None) if root else None
    top = next((e for e in plist.children if e.name == "dict"), None) if plist else None
    return _pairs(top) if top else {}


def _pairs(dictionary: Element) -> dict[str, Element]:
    """A ``<dict>``'s ``<key>`` elements each with the element after it."""
    out: dict[str, Element] = {}
    children = dictionary.children
    for key, value in pairwise(children):
        if key.name == "key":
            out.setdefault("".join(key.text).strip(), value)
    return out


def _string(element: Element) -> str:
    return "".join(element.text)


def program_pieces(text: str) -> list[Piece]:
    """The command the job runs, at the line where its text stands: the script of ``sh -c SCRIPT``, else the argv as
    one command line (``Program`` alone is a program with no arguments)."""
    job = _job(text)
    arguments = job.get("ProgramArguments")
    words = [e for e in arguments.children if e.name == "string"] if arguments is not None else []
    if not words:
        program = job.get("Program")
        named = program is not None and program.name == "string"
        return [(program.line, shlex.quote(_string(program)))] if program is not None and named else []
    argv = [_string(w) for w in words]
    if posixpath.basename(argv[0]) in _SHELLS and len(argv) >= 3 and argv[1] == "-c":
        return [(words[2].line, argv[2])]
    return [(words[0].line, " ".join(shlex.quote(w) for w in argv))]


def environment(text: str) -> Iterator[tuple[int, str, str]]:
    """(line of the value, name, value) of every string in the job's ``EnvironmentVariables``."""
    variables = _job(text).get("EnvironmentVariables")
    if variables is None or variables.name != "dict":
        return
    for name, value in _pairs(variables).items():
        if value.name == "string":
            yield value.line, name, _string(value)
