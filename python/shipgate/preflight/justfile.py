"""The recipes ``just install`` (``upgrade``, ``migrate``) runs, as shell at their lines of the justfile.

A bounded reader of the justfile syntax those recipes need (the just manual, "Recipes", "Settings", "Variables and
Substitution"): a recipe is a header at the start of a line (``@name PARAM='x' +REST: dep (dep2 "arg") && after``)
and the indented lines below it; each body line is one shell command (``@``/``-`` prefixes dropped, a trailing
backslash continues it on the next line), and a body that starts with a shebang is one script. Assignments
(``NAME := "value"``, also after ``export``) whose value is one string literal are substituted for ``{{NAME}}``;
any other interpolation (a parameter, a function call, an expression) is a value not known (``$JUST_VALUE``).
Settings, aliases, attributes (``[linux]``), imports and comments are skipped; attributes that pick a recipe per
platform are not evaluated (every variant of a name counts).

Read: the recipes whose names start with ``install``, ``upgrade`` or ``migrate`` or that install a systemd unit
(``unit_recipes``), and the recipes they depend on,
transitively (as ``makefile.install_recipes`` reads make's targets). No Python library parses justfiles; ``just``
itself only runs them (``just --dry-run`` still evaluates backticks, i.e. runs code of the package)."""

from __future__ import annotations

import posixpath
import re
from collections import deque
from dataclasses import dataclass, field

from shipgate.preflight.unit_recipes import installs_unit

Piece = tuple[int, str]

MAX_LINES = 50_000
MAX_RECIPES = 200  # recipes read (an install recipe and its dependencies)

_NAMES = frozenset({"justfile", ".justfile"})
_STEP = re.compile(r"^(?:install|upgrade|migrate)(?:[-_.:]|$)", re.I)
_HEADER = re.compile(r"^@?([A-Za-z_][\w-]*)(?:\s+[^:]*?)?\s*:(?!=)(.*)$")
_ASSIGN = re.compile(r"^(?:export\s+)?([A-Za-z_][\w-]*)\s*:=\s*(.*)$")
_SKIPPED = re.compile(r"^(?:set|alias|import|mod)\b|^\[.*\]\s*$|^#")
_LITERAL = re.compile(r"""^(?:"([^"\\{]*)"|'([^'{]*)')\s*(?:#.*)?$""")
_INTERPOLATION = re.compile(r"\{\{(?!\{)\s*(.*?)\s*\}\}")


def is_justfile(path: str) -> bool:
    return posixpath.basename(path).lower() in _NAMES


def install_recipes(text: str) -> list[Piece]:
    """(line, command) of every body line of the install/upgrade/migrate recipes and the recipes they depend on."""
    read = _read(text)
    found: list[Piece] = []
    services = [n for n, bodies in read.recipes.items() if any(_installs_unit(b, read.values) for b in bodies)]
    for name in _reached(read, [n for n in read.recipes if _STEP.match(n)] + services):
        for body in read.recipes[name]:
            found.extend(_commands(body, read.values))
    return sorted(set(found))


@dataclass
class _Justfile:
    values: dict[str, str] = field(default_factory=dict)  # NAME := "literal"
    recipes: dict[str, list[list[Piece]]] = field(default_factory=dict)  # name -> each variant's body lines
    depends: dict[str, list[str]] = field(default_factory=dict)


def _read(text: str) -> _Justfile:
    read = _Justfile()
    body: list[Piece] | None = None
    for number, line in enumerate(text.splitlines()[:MAX_LINES], start=1):
        if line[:1] in (" ", "\t") and body is not None:
            body.append((number, line.strip()))
            continue
        if not line.strip():
            continue
        body = None
        if _SKIPPED.match(line):
            continue
        assign = _ASSIGN.match(line)
        if assign is not None:
            literal = _LITERAL.match(assign.group(2).strip())
            if literal is not None:
                read.values[assign.group(1)] = literal.group(1) if literal.group(1) is not None else literal.group(2)
            continue
        header = _HEADER.match(line)
        if header is not None:
            body = []
            read.recipes.setdefault(header.group(1), []).append(body)
            read.depends.setdefault(header.group(1), []).extend(_dependencies(header.group(2)))
    return read


def _dependencies(rest: str) -> list[str]:
    """``dep (dep2 "arg") && after``: the recipes named, before and after ``&&``; a comment ends the list."""
    words = rest.split("#", 1)[0].replace("(", " ").replace(")", " ").split()
    return [w for w in words if re.fullmatch(r"[A-Za-z_][\w-]*", w)]


def _installs_unit(body: list[Piece], values: dict[str, str]) -> bool:
    """The recipe copies a unit into a systemd system unit directory (``unit_recipes``: firewall-amend's
    ``systemd`` recipe): the product's service installed, whatever the recipe's name."""
    return any(installs_unit(command) for _, command in _commands(body, values))


def _reached(read: _Justfile, starts: list[str]) -> list[str]:
    queue = deque(starts)
    seen: dict[str, None] = {}
    while queue and len(seen) < MAX_RECIPES:
        name = queue.popleft()
        if name in seen or name not in read.recipes:
            continue
        seen[name] = None
        queue.extend(read.depends.get(name, []))
    return list(seen)


def _commands(body: list[Piece], values: dict[str, str]) -> list[Piece]:
    """One command per body line (continued lines joined, kept at their lines); a shebang body is one script."""
    lines = [(n, t) for n, t in body if t]
    if not lines:
        return []
    if lines[0][1].startswith("#!"):
        first = lines[0][0] + 1
        script = "\n".join(t for n, t in body if n >= first)
        return [(first, _substituted(script, values))] if script.strip() else []
    found: list[Piece] = []
    start, pending = 0, ""
    for number, line in lines:
        if pending:
            pending = f"{pending}\n{line}"
        else:
            start, pending = number, line.lstrip("@-").lstrip()
        if pending.endswith("\\"):
            pending = pending[:-1]
            continue
        found.append((start, _substituted(pending, values)))
        pending = ""
    if pending:
        found.append((start, _substituted(pending, values)))
    return found


def _substituted(command: str, values: dict[str, str]) -> str:
    def value(match: re.Match[str]) -> str:
        return values.get(match.group(1), "${JUST_VALUE}")

    return _INTERPOLATION.sub(value, command)
