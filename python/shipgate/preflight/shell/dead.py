"""Functions a script defines and never calls: their steps do not run.

SigNoz's installer defines ``install_docker_machine`` (a download saved into /usr/local/bin) and calls it from
nowhere; its commands are not steps of the script. A function counts as called when its name is written
anywhere outside its own body: as a command, or as any word (``run_step "Installing" install_docker``, ``trap
finish EXIT``, ``export -f f``). Nothing is dropped from a file whose top level calls none of its functions (a
library that other files source: all its functions are what it is for), nor from one that picks the command to
run at run time (``"$@"`` at its top level, ``$cmd`` unknown), where any function may be the one run. A command
word built from literal text and a variable (``do_check_${MODE}``, even when one value of MODE is known) refers
to every function whose name starts with that text."""

from __future__ import annotations

from shipgate.preflight.shell.model import Command

_MAX_FUNCTIONS = 2000


_POSITIONAL = frozenset({"@", "*", *"123456789"})


def _dynamic(command: Command) -> bool:
    """The command word is chosen at run time and could name one of the script's functions. Not when it runs a
    function's own arguments (``"$@"``, ``$1`` in a body: a function it runs is written as a word where the
    function is called, already counted as a reference), nor when its known text has a blank before the first
    expansion (openstack-pkg-tools' ``pkgos_safesed" ${N} s|…|"``, a quote misplaced: no function's name has one)."""
    program = command.program
    if command.name is not None or program is None or program.value is not None:
        return False
    if command.function is not None and program.expands and set(program.expands) <= _POSITIONAL:
        return False
    head = (program.shape or "").partition("$")[0]
    return not any(ch.isspace() for ch in head)


def _built_prefix(command: Command) -> str:
    """The literal start of a command word built with a variable (``do_check_${MODE}`` gives ``do_check_``)."""
    program = command.program
    if program is None or not program.expands or "$" not in program.raw:
        return ""
    return program.raw.lstrip("\"'").partition("$")[0]


def referenced_functions(commands: tuple[Command, ...], functions: tuple[str, ...]) -> set[str] | None:
    """The functions of ``functions`` something outside their own body refers to (module docstring); None when
    the command word is chosen at run time somewhere, so any of them may run."""
    defined = set(functions[:_MAX_FUNCTIONS])
    if any(_dynamic(c) for c in commands):
        return None
    referenced: set[str] = set()
    for c in commands:
        names = {c.name, *(w.text for w in c.words), *(w.value for w in c.words if w.value)}
        referenced.update(n for n in names if n in defined and n != c.function)
        built = _built_prefix(c)
        if built:
            referenced.update(n for n in defined if n.startswith(built) and n != c.function)
    return referenced


def live_commands(commands: tuple[Command, ...], functions: tuple[str, ...]) -> tuple[Command, ...]:
    """``commands`` without those in the bodies of functions nothing refers to."""
    defined = set(functions[:_MAX_FUNCTIONS])
    referenced = referenced_functions(commands, functions) if defined else None
    if referenced is None:
        return commands
    top_calls = any(c.function is None and c.name in defined for c in commands)
    dead = defined - referenced
    if not top_calls or not dead:
        return commands
    return tuple(c for c in commands if c.function not in dead)
