"""The recipes ``make install`` (``upgrade``, ``migrate``) runs, as shell at their lines of the Makefile.

A bounded reader of the Makefile syntax those recipes need (GNU make manual, "Writing Rules", "How to Use
Variables"): rules (``targets: prerequisites``), recipe lines (a tab, then the command; ``@``/``-``/``+`` prefixes
dropped; a trailing backslash continues the command on the next line), variable definitions (``=``, ``:=``,
``::=``, ``?=``, ``+=``, also after ``override``/``export``), ``#`` comments and conditional directives, which are
not read (both branches' definitions and recipes count; the first ``?=`` of a name wins over a later one).
Expansion: ``$(NAME)``/``${NAME}`` take the variable's value (an undefined one, such as ``DESTDIR``, is empty, as
in the plain ``make install`` a README gives); ``$(foreach V,LIST,TEXT)`` is TEXT with ``$(V)`` as
the shell variable ``$V``; other functions (``$(shell …)``, ``$(wildcard …)``) and automatic variables (``$@``,
``$<``…) are values not known (``$MAKE_VALUE``); ``$$`` is ``$``. Each variable is expanded once; one that
refers to itself, or whose value grows past ``MAX_VALUE`` characters, is a value not known.

Read: the targets whose names start with ``install``, ``upgrade`` or ``migrate`` or whose recipe installs a systemd unit
(``unit_recipes``), the targets they depend on and the
targets their recipes build with a make of this same Makefile (``make reload``, ``$(MAKE) check``), transitively.
No library reads Makefiles this way: make itself only runs them (``make -n`` would evaluate
``$(shell …)`` calls, i.e. run code of the package), and the Python Makefile parsers on PyPI are small and unkept."""

from __future__ import annotations

import posixpath
import re
import shlex
from collections import deque
from dataclasses import dataclass, field

from shipgate.preflight.unit_recipes import installs_unit

Piece = tuple[int, str]

MAX_LINES = 50_000
MAX_EXPANSION = 20  # nested variable references followed
MAX_TARGETS = 200  # targets read (an install target and its prerequisites)
MAX_VALUE = 10_000  # characters of one expanded variable (longer: a value not known)

_NAMES = frozenset({"makefile", "gnumakefile"})
_COPY_SUFFIXES = frozenset({"", "in", "am", "template", "tmpl", "dist", "example", "sample"})
_STEP = re.compile(r"^(?:install|upgrade|migrate)(?:[-_.:]|$)", re.I)
_ASSIGN = re.compile(r"^(?:(?:override|export)\s+)*([A-Za-z_][\w.-]*)\s*(\?=|:::?=|::=|:=|\+=|=|!=)\s*(.*)$")
_RULE = re.compile(r"^([^:=#\t][^:=#]*?)\s*::?(?!=)\s*([^=;#]*?)\s*(?:;(.*))?(?:#.*)?$")
_DIRECTIVE = re.compile(r"^\s*(?:ifeq|ifneq|ifdef|ifndef|else|endif|-?include|sinclude|vpath|unexport|\.\w+)\b")
_REFERENCE = re.compile(r"\$(?:\(([^()$]*(?:\$[({][^()]*[)}][^()$]*)*)\)|\{([^{}]*)\}|(.))")
_PREFIXES = ("@", "-", "+")
_MAKE_PROGRAMS = frozenset({"make", "gmake", "$(MAKE)", "${MAKE}"})
_OTHER_MAKEFILE = ("-C", "-f", "--directory", "--file", "--makefile")
_SHELL_JOINS = frozenset({"&&", "||", ";", "|"})


def is_makefile(path: str) -> bool:
    name = posixpath.basename(path).lower()
    return name in _NAMES or name.endswith(".mk")


def makefile_text(path: str) -> bool:
    """A Makefile or a copy of one to be made into one: ``Makefile.in``/``.am`` (autotools), a template named for the
    Makefile it becomes (ypserv's ``var_yp_Makefile``, installed as ``/var/yp/Makefile``). ``Makefile.PL`` is Perl."""
    name = posixpath.basename(path).lower()
    stem, _, suffix = name.partition(".")
    return is_makefile(path) or (stem.endswith("makefile") and suffix in _COPY_SUFFIXES)


def rule_lines(text: str) -> set[int]:
    """The lines a Makefile's rules start on (``passwd.adjunct: passwd.adjunct.byname``): targets and their
    prerequisites, where no variable is given a value."""
    return _read(text).rule_lines


def install_recipes(text: str) -> list[Piece]:
    """(line, command) of every recipe line of the install/upgrade/migrate targets and their prerequisites."""
    read = _read(text)
    expander = _Expander(read.variables)
    found: list[Piece] = []
    for target in _reached(read, _install_targets(read, expander)):
        for line, command in read.recipes.get(target, []):
            found.append((line, expander.expand(command.lstrip("".join(_PREFIXES) + " "), {}, 0)))
    return sorted(set(found))


def developer_recipe_lines(text: str) -> set[int]:
    """The lines of the recipes that neither a plain ``make`` (its default goal, the first target; and ``all``) nor
    the install, upgrade and migrate targets run, through their prerequisites and the makes their recipes run: a
    developer's commands, run when someone types their target (thumbor's ``make sample_images`` curls the images
    its tests compare against). Nothing when a target is named through a variable or too many targets are read."""
    read = _read(text)
    starts = _install_targets(read, _Expander(read.variables)) + [g for g in (read.goal, "all") if g in read.rules]
    run = _reached(read, starts)
    if len(run) >= MAX_TARGETS or any("$" in target for target in read.rules):
        return set()
    unrun = (span for target, spans in read.spans.items() if target not in run for span in spans)
    return {n for first, last in unrun for n in range(first, last + 1)}


@dataclass
class _Makefile:
    variables: dict[str, str] = field(default_factory=dict)
    rules: dict[str, list[str]] = field(default_factory=dict)  # target -> prerequisites
    recipes: dict[str, list[Piece]] = field(default_factory=dict)  # target -> (first line, command)
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # target -> each recipe line's lines
    goal: str | None = None  # the default goal: the first target that is neither special (``.PHONY``) nor a pattern
    rule_lines: set[int] = field(default_factory=set)  # the first line of each rule


def _read(text: str) -> _Makefile:
    read = _Makefile()
    current: list[str] = []
    lines = text.splitlines()[:MAX_LINES]
    number = 0
    while number < len(lines):
        start, logical = number + 1, lines[number]
        while logical.endswith("\\") and number + 1 < len(lines):
            number += 1
            logical = logical[:-1] + "\n" + lines[number].lstrip("\t")
        number += 1
        if logical.startswith("\t") and current:
            for target in current:
                read.recipes.setdefault(target, []).append((start, logical[1:]))
                read.spans.setdefault(target, []).append((start, number))
            continue
        stripped = logical.strip()
        if not stripped or stripped.startswith("#") or _DIRECTIVE.match(logical):
            continue
        current = _definition(logical, read.variables, read.rules)
        if current:
            read.rule_lines.add(start)
        if read.goal is None:
            read.goal = next((t for t in current if not t.startswith(".") and "%" not in t), None)
    return read


def _install_targets(read: _Makefile, expander: _Expander) -> list[str]:
    """The targets named for an install, upgrade or migration, and those whose recipe installs a systemd unit
    (``unit_recipes``: jukskani's ``service`` target)."""
    named = [t for t in read.rules if _STEP.match(t)]
    services = [
        t
        for t, recipe in read.recipes.items()
        if t not in named and any(installs_unit(expander.expand(_unprefixed(c), {}, 0)) for _, c in recipe)
    ]
    return named + services


def _unprefixed(command: str) -> str:
    return command.lstrip("".join(_PREFIXES) + " ")


def _reached(read: _Makefile, starts: list[str]) -> list[str]:
    """The targets ``starts`` build: their prerequisites and the targets their recipes make, transitively."""
    queue = deque(starts)
    seen: dict[str, None] = {}
    while queue and len(seen) < MAX_TARGETS:
        target = queue.popleft()
        if target in seen:
            continue
        seen[target] = None
        queue.extend(p for p in read.rules.get(target, []) if p in read.rules)
        for _, command in read.recipes.get(target, []):
            recipe = command.lstrip("".join(_PREFIXES) + " ")
            queue.extend(t for t in made_targets(recipe) if t in read.rules)
    return list(seen)


def _definition(logical: str, variables: dict[str, str], rules: dict[str, list[str]]) -> list[str]:
    """Records a variable or a rule; returns the targets whose recipe the next tab-led lines are."""
    assign = _ASSIGN.match(logical.strip())
    if assign is not None:
        name, op, value = assign.groups()
        if op == "?=" and name in variables:
            return []
        variables[name] = f"{variables.get(name, '')} {value}".strip() if op == "+=" else value.strip()
        return []
    rule = _RULE.match(logical)
    if rule is None:
        return []
    targets = rule.group(1).split()
    for target in targets:
        rules.setdefault(target, []).extend(rule.group(2).split())
    return targets


def made_targets(recipe: str) -> list[str]:
    """The targets a recipe line has make build in this same Makefile: ``make reload``, ``$(MAKE) -s check
    VAR=1``. make run with ``-C``/``-f`` (or their long forms) reads another Makefile, and a line that does more than
    run make (``cd x && make``) is left to the shell reader: neither is followed. Options and variable assignments
    are skipped; a shell comment ends the line."""
    try:
        words = shlex.split(recipe, comments=True)
    except ValueError:
        return []
    if not words or words[0] not in _MAKE_PROGRAMS or any(w in _SHELL_JOINS for w in words):
        return []
    targets: list[str] = []
    for word in words[1:]:
        if word.startswith(_OTHER_MAKEFILE):
            return []
        if not word.startswith("-") and "=" not in word:
            targets.append(word)
    return targets


class _Expander:
    """make's references replaced as described in the module docstring; each variable is expanded once."""

    def __init__(self, variables: dict[str, str]) -> None:
        self.variables = variables
        self.memo: dict[str, str] = {}

    def expand(self, text: str, loop: dict[str, str], depth: int) -> str:
        def reference(match: re.Match[str]) -> str:
            inner = match.group(1) if match.group(1) is not None else match.group(2)
            if inner is None:
                return "$" if match.group(3) == "$" else "${MAKE_VALUE}"
            return self.reference(inner, loop, depth)

        return _REFERENCE.sub(reference, text)

    def reference(self, inner: str, loop: dict[str, str], depth: int) -> str:
        function, _, rest = inner.partition(" ")
        if function == "foreach" and rest.count(",") >= 2:
            var, _, remainder = rest.partition(",")
            body = remainder.split(",", 1)[1]
            return self.expand(body, {**loop, var.strip(): f"${{{var.strip()}}}"}, depth + 1).rstrip(" ")
        name = inner.strip()
        if name in loop:
            return loop[name]
        if rest or not re.fullmatch(r"[\w.-]+", name) or depth >= MAX_EXPANSION:
            return "${MAKE_VALUE}"  # $(shell …), $(wildcard …), $(patsubst …): a value not known here
        if loop:
            return self.expand(self.variables.get(name, ""), loop, depth + 1)
        if name not in self.memo:
            self.memo[name] = "${MAKE_VALUE}"  # a variable that refers to itself stays unknown
            value = self.expand(self.variables.get(name, ""), loop, depth + 1)
            self.memo[name] = value if len(value) <= MAX_VALUE else "${MAKE_VALUE}"
        return self.memo[name]
