"""What a shell script does, as the parser reads it: commands with their resolved words, assignments,
parameter defaults, redirections, heredocs and the guards around them. Plain frozen values: scanners and the
plan read them; nothing here knows about findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Word:
    """One shell word. ``value`` is what the shell would pass when it can be known without running the
    script (quotes removed, literal variables substituted); None when it depends on run time."""

    raw: str
    value: str | None
    line: int
    # Variables the word expands, in order, and the line each was assigned on (None: not assigned here).
    expands: tuple[str, ...] = ()
    assigned_at: int | None = None
    # ``${X:?}`` / ``${X?}``: the shell refuses to go on when X is unset or empty.
    guarded: bool = False
    # The word holds a command substitution (``$(…)``, backquotes): its value is generated at run time.
    generated: bool = False
    # When ``value`` is None: the text known before the first run-time part (``"https://get.helm.sh/$DIST"``
    # gives ``https://get.helm.sh/``), so a URL's host is known even when its path is not.
    prefix: str | None = None
    # When ``value`` is None: the word with what is known substituted and the rest as written, quotes removed
    # (``"$exe.zip"`` with ``exe=$HOME/.bun/bin/bun`` gives ``$HOME/.bun/bin/bun.zip``).
    shape: str | None = None

    @property
    def text(self) -> str:
        """The value when known, else its shape (``$PREFIX/lib``), else the source text."""
        return self.value if self.value is not None else (self.shape or self.raw)


@dataclass(frozen=True)
class OptionIndex:
    """The positions of a command's words that start with ``-``, by how an option can be written: ``whole``
    (``-o``, ``--output``: the value is the next word), ``joined`` (``--output=x`` under ``--output``; also Go's
    flag package's ``-locations=x``) and ``attached`` (``-ox`` under ``-o``)."""

    whole: dict[str, list[int]]
    joined: dict[str, list[int]]
    attached: dict[str, list[int]]

    @classmethod
    def of(cls, words: tuple[Word, ...]) -> OptionIndex:
        index = cls({}, {}, {})
        for i, word in enumerate(words):
            value = word.text
            if not value.startswith("-"):
                continue
            index.whole.setdefault(value, []).append(i)
            if "=" in value:
                index.joined.setdefault(value.split("=", 1)[0], []).append(i)
            if not value.startswith("--") and len(value) > 2:
                index.attached.setdefault(value[:2], []).append(i)
        return index


@dataclass(frozen=True)
class Redirect:
    """``>``, ``>>``, ``<``, ``2>``, ``&>``, ``<<`` (heredoc: ``body`` holds its text) and ``<<<``."""

    op: str
    target: Word | None
    body: str | None = None
    body_line: int | None = None
    fd: str | None = None  # the descriptor written before the operator (``2>`` gives "2"), None when none is
    # A heredoc's expansions (``${PW}``, ``$TOKEN``), each with its line: the shell fills them in; none when its
    # marker is quoted (``<<'EOF'``: the body is passed as written).
    expands: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, kw_only=True)
class Command:
    """One simple command after unwrapping: ``sudo -E sh -c 'apt-get install x'`` is ``apt-get install x``
    with ``escalation='sudo'`` and ``via='sh -c'``."""

    name: str | None  # the command's base name (``/usr/bin/curl`` → ``curl``); None when not known
    program: Word | None = None  # the command word as written (``./install.sh``, ``$tmp/get``)
    words: tuple[Word, ...]  # argv[1:] after the wrappers are removed
    line: int
    text: str  # the source of the whole command, shortened
    escalation: str | None = None  # sudo, su, doas, pkexec, runuser, gosu… (the first one)
    escalation_line: int | None = None  # where it was written (the assignment, for ``$run cmd``)
    # the escalator's own options as written (``-k``, ``-E``, ``-u``); for ``su`` also its account operand
    escalation_options: tuple[str, ...] = ()
    wrappers: tuple[str, ...] = ()
    env: tuple[tuple[str, Word], ...] = ()  # ``NAME=value cmd`` and ``env NAME=value cmd``
    redirects: tuple[Redirect, ...] = ()
    piped_from: tuple[str, ...] = ()  # names of the commands earlier in the same pipeline
    piped_to: tuple[str, ...] = ()
    via: str | None = None  # 'sh -c', 'eval', 'su -c', 'ssh', 'heredoc' when read out of a string
    function: str | None = None  # the function whose body holds it
    # Guards around it: 'root' (runs only as root), 'not-root', 'case:<pattern>' of enclosing case items,
    # 'test' (it is a condition itself), 'or' (after ||: runs when the previous one failed), 'captured' (inside
    # ``$(…)``, backquotes or ``<(…)``: the shell or another program reads its output, it is not printed),
    # 'untraced' (in a group or subshell whose stderr goes to /dev/null: ``set -x`` traces it there, unseen),
    # 'subshell' (inside ``( … )``: a ``set`` or ``cd`` there ends with the subshell).
    conditions: tuple[str, ...] = ()
    name_assigned_at: int | None = None  # the command word came from a variable assigned on this line
    block: tuple[int, int, int] | None = None  # the straight-line block it is written in (shell.blocks); None: unknown
    # The ``case`` items and ``if`` branches around it (shell.arms): a command in a sibling arm never runs with it.
    arms: tuple[tuple[int, int, int, str | None], ...] = ()

    @property
    def args(self) -> tuple[str, ...]:
        return tuple(w.text for w in self.words)

    @cached_property
    def options(self) -> OptionIndex:
        """Where its option-like words are (built once: a long command is asked for many options)."""
        return OptionIndex.of(self.words)

    def __getstate__(self) -> dict[str, object]:
        """The fields, without the option index (rebuilt where it is needed, not sent between processes)."""
        state = self.__dict__
        return {k: v for k, v in state.items() if k != "options"} if "options" in state else state

    def writes(self) -> tuple[Word, ...]:
        """Files this command's redirections write (``>``, ``>>``, ``&>``), not ``/dev/*``."""
        return tuple(
            r.target
            for r in self.redirects
            if r.op in (">", ">>", "&>", "&>>", ">|") and r.target is not None and not r.target.text.startswith("/dev/")
        )


@dataclass(frozen=True)
class Assignment:
    """``NAME=value`` (also ``export``/``local``/``readonly``/``declare``), ``value`` None when not literal."""

    name: str
    value: str | None
    line: int
    raw: str
    generated_by: str | None = None  # the command of ``$(cmd …)`` when the value is its output
    function: str | None = None
    prefix: str | None = None  # the value's known beginning when the value is not known (see Word.prefix)
    shape: str | None = None  # see Word.shape
    items: tuple[str, ...] = ()  # an array's elements (``a=( x "$HOME/y" )``), as Word.text gives them
    item_lines: tuple[int, ...] = ()  # the line each element is written on
    block: tuple[int, int, int] | None = None  # the straight-line block it is written in (shell.blocks); None: unknown
    local: bool = False  # ``local NAME=…`` in a function: the name is the function's own while it runs


@dataclass(frozen=True)
class ParameterDefault:
    """``${NAME:-default}`` / ``${NAME-default}`` / ``${NAME:=default}`` with a literal default."""

    name: str
    default: str
    line: int
    raw: str


@dataclass(frozen=True)
class Test:
    """A ``[ … ]`` / ``[[ … ]]`` test and the variables it expands (``set -x`` traces it with their values)."""

    line: int
    text: str
    expands: tuple[str, ...]
    function: str | None = None


@dataclass(frozen=True)
class RootCheck:
    """A test of the effective user: ``requires`` root (exits otherwise), ``refuses`` root, ``hands_over`` (a
    non-root run execs the product and never comes back: what follows runs as root, root is not required) or
    ``adapts`` (does something else in each case, e.g. picks sudo)."""

    kind: str
    line: int
    text: str


@dataclass(frozen=True)
class Fallback:
    """Lines that run only when ``name`` is unset or empty (``if [ -z "$X" ]; then …``, ``[ -z "$X" ] && …``):
    a literal assigned to ``name`` there is a default, not a fixed value."""

    name: str
    first_line: int
    last_line: int


class Names(tuple[str, ...]):
    """Names in source order (a script's functions) whose ``in`` is a set lookup: scanners ask ``c.name in
    script.functions`` for every command, which a tuple's scan made quadratic in a script's functions."""

    _members: frozenset[str]

    def __new__(cls, names: Iterable[str] = ()) -> Names:
        self = super().__new__(cls, names)
        self._members = frozenset(self)
        return self

    def __contains__(self, name: object) -> bool:
        return name in self._members


@dataclass(frozen=True, kw_only=True)
class Script:
    path: str
    commands: tuple[Command, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    defaults: tuple[ParameterDefault, ...] = ()
    root_checks: tuple[RootCheck, ...] = ()
    fallbacks: tuple[Fallback, ...] = ()
    # (line, text) of the commands left of a ``||`` whose right side goes on (``sha256sum -c S || true``,
    # ``… || echo "warning"``): their failure does not stop the script.
    failure_ignored: frozenset[tuple[int, str]] = frozenset()
    # (line, text) of the commands an ``if`` tests whose failing branch exits (``if out=$("$@"); then …; else exit
    # 1; fi``, ``if ! "$@"; then die; fi``): their failure stops the script (shell.failure_stops)
    failure_stops: frozenset[tuple[int, str]] = frozenset()
    # the if/elif branches a test of the installed programs chooses (``if command -v sha256sum``: shell.probes)
    probed_arms: frozenset[tuple[int, int, int, str | None]] = frozenset()
    # (function, line) of a uid or capability test in the function whose failing branch returns from it
    # (``is_root || { echo "skipped"; return; }``): the function's later steps run only with the privilege.
    privilege_guards: tuple[tuple[str, int], ...] = ()
    # (flag, branch, line) of each flag an if/elif/else branch raises (``have_sha=1``), and (flags, line, function,
    # names run) of each ``if`` that runs its branch only while every one of its flags is down (shell.flag_guards)
    raised_flags: tuple[tuple[str, tuple[int, int, int, str | None], int], ...] = ()
    flag_stops: tuple[tuple[frozenset[str], int, str | None, tuple[str, ...]], ...] = ()
    tests: tuple[Test, ...] = ()
    case_subjects: frozenset[str] = frozenset()  # variables a ``case "$X" in`` compares with its patterns
    # lines of assignments written in a branch that runs only as root (``if [ "$(whoami)" = root ]; then
    # run="sudo -u $owner"``): a command run through such a value runs it as root
    root_assigned: frozenset[int] = frozenset()
    # (function, line) of the escalating command in the body of a function that runs its string argument with it
    # (``as_root() { sudo bash -lc "$*"; }``), when a call was read: each call escalates, the body is the wrapper
    runner_escalations: frozenset[tuple[str, int]] = frozenset()
    functions: tuple[str, ...] = Names()  # a Names from the reader
    errexit: bool = False  # set -e / set -o errexit / #!/bin/sh -e
    xtrace: bool = False  # #!/bin/bash -x: every command is traced from the first line
    # #!/bin/sh, dash or ash: $UID and $EUID are the environment's variables (a container's configured account), not
    # the ids bash sets for the running shell
    posix_sh: bool = False
    # Why the script was not (fully) read: over a node/depth bound, or not parseable at all.
    incomplete: str | None = None
    parse_errors: int = 0
    lines: int = 0
    # Package scripts this one sources that define functions it calls and does not define (``. ./lib.sh`` then
    # ``download URL``): read for what those functions do with their arguments (shell.functions, shell.arguments).
    libraries: tuple[Script, ...] = ()

    def bindings(self, name: str) -> tuple[Assignment, ...]:
        """The assignments of ``name``, in source order (from an index of the assignments by name, made on the
        first call: scanners ask once per command and variable, not once per script)."""
        index: dict[str, tuple[Assignment, ...]] | None = self.__dict__.get(_BY_NAME)
        if index is None:
            grouped: dict[str, list[Assignment]] = {}
            for a in self.assignments:
                grouped.setdefault(a.name, []).append(a)
            index = {key: tuple(found) for key, found in grouped.items()}
            self.__dict__[_BY_NAME] = index  # a cache, not a field: frozen fields are not touched
        return index.get(name, ())

    def bindings_in(self, name: str, *functions: str | None) -> tuple[Assignment, ...]:
        """The assignments of ``name`` written in one of ``functions`` (None: at the top level), in source order."""
        index: dict[tuple[str, str | None], list[int]] | None = self.__dict__.get(_BY_FUNCTION)
        if index is None:
            index = {}
            for i, a in enumerate(self.assignments):
                index.setdefault((a.name, a.function), []).append(i)
            self.__dict__[_BY_FUNCTION] = index  # a cache, not a field
        found = [i for function in dict.fromkeys(functions) for i in index.get((name, function), ())]
        return tuple(self.assignments[i] for i in (sorted(found) if len(functions) > 1 else found))

    def named(self, *names: str) -> tuple[Command, ...]:
        """The commands called one of ``names``, in source order (from an index of the commands by name, made on
        the first call: a check that looks for the script's ``mv``s once per ``rm`` costs the ``mv``s, not the
        script)."""
        index: dict[str | None, list[int]] | None = self.__dict__.get(_COMMANDS_BY_NAME)
        if index is None:
            index = {}
            for i, command in enumerate(self.commands):
                index.setdefault(command.name, []).append(i)
            self.__dict__[_COMMANDS_BY_NAME] = index  # a cache, not a field
        if len(names) == 1:
            return tuple(self.commands[i] for i in index.get(names[0], ()))
        return tuple(self.commands[i] for i in sorted(i for name in names for i in index.get(name, ())))

    def __getstate__(self) -> dict[str, object]:
        """The fields, without the indexes :meth:`bindings`, :meth:`bindings_in` and :meth:`named` keep (a worker
        sends its scripts back without them)."""
        state = self.__dict__
        return {k: v for k, v in state.items() if k not in _CACHES} if _CACHES & state.keys() else state

    def falls_back(self, name: str, line: int) -> bool:
        """Whether ``line`` runs only when ``name`` is unset or empty."""
        return any(f.name == name and f.first_line <= line <= f.last_line for f in self.fallbacks)


_BY_NAME = "_bindings_by_name"  # where Script.bindings keeps its index, beside the fields
_COMMANDS_BY_NAME = "_commands_by_name"  # where Script.named keeps its index
_BY_FUNCTION = "_bindings_by_function"  # where Script.bindings_in keeps its index
_CACHES = frozenset({_BY_NAME, _COMMANDS_BY_NAME, _BY_FUNCTION})
