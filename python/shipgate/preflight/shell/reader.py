"""Shell scripts read by tree-sitter-bash into ``Script`` facts (commands, assignments, guards).

Strings, heredocs and comments are data: only what the shell would run becomes a command, plus what it is
told to run as a string (``sh -c``, ``su -c``, ``eval``, ``ssh host CMD``, a heredoc fed to a shell). The
walk is bounded: ``MAX_DEPTH`` levels of nesting, ``MAX_NODES`` syntax nodes, ``MAX_REPARSE`` levels of
strings run as shell; what lies beyond is not read and ``Script.incomplete`` says so.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import shlex
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import tree_sitter_bash
from tree_sitter import Language, Node, Parser, Query, QueryCursor

from shipgate.preflight.containers import container_command
from shipgate.preflight.pacman_shape import only_pacman_functions
from shipgate.preflight.shell.actions import (
    NEVER,
    NOT_UNINSTALL,
    OPTED_IN,
    REMOVAL,
    UNINSTALL,
    action_conditions,
    action_test,
    holds_on_upgrade,
    uninstall_test,
    with_removal_functions,
)
from shipgate.preflight.shell.arms import LOOPS, Arm, case_arm, if_arm
from shipgate.preflight.shell.blocks import enclosing_block
from shipgate.preflight.shell.braces import expanded
from shipgate.preflight.shell.build_placeholders import without_build_placeholders
from shipgate.preflight.shell.capabilities import reads_capabilities
from shipgate.preflight.shell.conjuncts import conjuncts
from shipgate.preflight.shell.dead import live_commands
from shipgate.preflight.shell.failure_stops import failing_branch_exits
from shipgate.preflight.shell.flag_guards import flags_raised, lowered_flags, runs
from shipgate.preflight.shell.guards import exits, root_condition, stops, unset_test
from shipgate.preflight.shell.inline_programs import as_shell, inline_program, reads_program_from_stdin
from shipgate.preflight.shell.library import take_tree
from shipgate.preflight.shell.misparsed import without_misparsed
from shipgate.preflight.shell.model import (
    Assignment,
    Command,
    Fallback,
    Names,
    ParameterDefault,
    Redirect,
    RootCheck,
    Script,
    Test,
    Word,
)
from shipgate.preflight.shell.operator_options import opted_in
from shipgate.preflight.shell.phases import (
    PACMAN_REMOVAL_FUNCTIONS,
    counts_versions,
    pacman_install,
    removal_only_file,
    removal_side,
)
from shipgate.preflight.shell.printed_verdicts import printed_verdict, verdict_key
from shipgate.preflight.shell.probes import tool_probe
from shipgate.preflight.shell.recovery import Region, line_starts, lost_regions, region_text
from shipgate.preflight.shell.runners import StringRunner, record_runner
from shipgate.preflight.shell.tested_values import tested_value
from shipgate.preflight.shell.unwrap import ESCALATORS, PREFIXED_COMMANDS, SHELLS, Unwrapped, base, unwrap
from shipgate.preflight.shell.words import MAX_VALUE, Bindings, WordReader, text

MAX_DEPTH = 200  # statements, substitutions and pipelines nested in each other
MAX_NODES = 1_000_000  # syntax nodes visited in one file (a 1 MiB script has ~200k)
MAX_REPARSE = 3  # sh -c "sh -c '…'" levels read as scripts
MAX_COMMAND_TEXT = 240
# A word that is one unquoted expansion and nothing else (``$run``, ``${SUDO}``, ``${SUDO:-}``).
_WHOLE_EXPANSION = re.compile(r"^\$(?:[A-Za-z_]\w*|\{[^{}]*\})$")
# A braced variable followed by a file-name ending, no path: ``${DOWNLOAD_NC}.zip`` (the ending is group 1).
_SUFFIXED_EXPANSION = re.compile(r"^\$\{[A-Za-z_]\w*\}(\.[\w.+-]+)$")
MAX_HEREDOC_EXPANSIONS = 4096  # expansions of one heredoc body read
# An unquoted heredoc's expansion (``$NAME``, ``${NAME…}``) or an escaped character (``\\$``: no expansion).
_HEREDOC_EXPANSION = re.compile(r"\\.|\$\{?([A-Za-z_]\w*)", re.S)
_LANGUAGE = Language(tree_sitter_bash.language())
_REDIRECTS = ("file_redirect", "heredoc_redirect", "herestring_redirect")
_SKIP = frozenset({"comment", "heredoc_body", "heredoc_start", "heredoc_end", "heredoc_content"})
# Commands that run the heredoc they are given as shell: a shell, ssh (on the remote host), and at/batch, which
# read the job from stdin and run it later with /bin/sh (at(1)).
_HEREDOC_READERS = SHELLS | frozenset({"ssh", "at", "batch"})
# A command word that is all of a function's arguments: the function runs what its caller gives it.
_ALL_ARGUMENTS = frozenset({'"$@"', "$@", '"${@}"', "${@}"})
# The node kinds ``_Reader._walk`` handles itself; any other kind is read through its named children.
_HANDLED = frozenset(
    {
        "command",
        "redirected_statement",
        "pipeline",
        "if_statement",
        "list",
        "case_item",
        "function_definition",
        "test_command",
    }
)


def _reads_heredoc(command: Command) -> bool:
    """The command runs the heredoc it is given as shell: a shell, ssh, at/batch, or a shell it starts in a
    container or pod (``oc rsh dc/app /bin/sh <<EOF``, ``kubectl exec -i pod -- sh <<EOF``, ``docker exec -i c sh``)."""
    if (command.name or "") in _HEREDOC_READERS:
        return True
    inner = container_command(command)
    return inner is not None and (inner.name or "") in SHELLS and not inner.words


@functools.cache
def _parser() -> Parser:
    return Parser(_LANGUAGE)


@functools.cache
def _read_query() -> QueryCursor:
    """Assignments and loops (``_bindings``) and function definitions (``_exiting_functions``): one pass."""
    return QueryCursor(Query(_LANGUAGE, "(variable_assignment) @a (for_statement) @f (function_definition) @fn"))


_SUBSTITUTION_MARK = re.compile(rb"\$\(|`|[<>]\(")
_ARRAY_USE = re.compile(r'"?\$\{([A-Za-z_]\w*)\[[@*]\]\}"?')


class _Budget(Exception):
    pass


# The escalator a command runs under (``sudo``, ``doas``), the line where it was written, and its options.
_Escalation = tuple[str | None, int | None, tuple[str, ...]]


@dataclasses.dataclass(frozen=True)
class _Ctx:
    function: str | None = None
    conditions: tuple[str, ...] = ()
    via: str | None = None
    escalation: str | None = None
    escalation_line: int | None = None
    escalation_options: tuple[str, ...] = ()
    wrappers: tuple[str, ...] = ()
    line: int | None = None  # every command is reported on this line (a string run as shell)
    offset: int = 0  # lines before this text (a heredoc read as a script)
    depth: int = 0
    reparse: int = 0
    arms: tuple[Arm, ...] = ()  # the case items and if branches around (shell.arms); a string's: its command's
    looped: bool = False  # inside a loop: the arms of statements there are not alternatives (shell.arms)
    # A string read on its command's line: the block of that command (shell.blocks), which its commands run in
    # (``( cd "$DIR"; bash -c 'tar xz' )``: the ``tar`` runs in the subshell, after its ``cd``).
    block: tuple[int, int, int] | None = None

    def with_(self, **changes: Any) -> _Ctx:
        """A copy with ``changes``: ``dataclasses.replace`` costs ~15 µs and the walk makes one per node."""
        new = object.__new__(_Ctx)
        state = new.__dict__
        state.update(self.__dict__, **changes)
        state.pop("_deeper", None)
        return new

    def deeper(self) -> _Ctx:
        """This context one level deeper, made once (every child of a node is walked in the same one)."""
        found: _Ctx | None = self.__dict__.get("_deeper")
        if found is None:
            found = self.__dict__["_deeper"] = self.with_(depth=self.depth + 1)
        return found


_NAME_START = re.compile(r"[A-Za-z_]\w*")


def _split_expansion(before: Node, word: Node) -> bool:
    """tree-sitter-bash ends ``$A/$B.c`` (unquoted) at the second ``$`` and makes ``B.c`` a word of its own (also
    ``'…'\\'$PW\\''…'``, where the rest is a concatenation): the two touch, the first ends with a bare ``$`` and the
    second starts with a name."""
    return (
        before.end_byte == word.start_byte
        and before.type == "concatenation"
        and bool(before.children)
        and before.children[-1].type == "$"
        and _NAME_START.match(text(word)) is not None
    )


def _joined(first: Word, rest: str) -> Word:
    """``first`` (ending with the bare ``$``) and ``rest`` read as one word: ``$NAME`` expanded at run time."""
    m = _NAME_START.match(rest)
    name = m.group(0) if m else ""
    known = first.value if first.value is not None else first.prefix
    shape = (first.value if first.value is not None else first.shape or first.raw)[:-1] + "$" + rest
    return dataclasses.replace(
        first,
        raw=first.raw + rest,
        value=None,
        expands=(*first.expands, name),
        prefix=known[:-1] if first.value is not None and known else known,
        shape=shape,
    )


def _command_value(**fields: Any) -> Command:
    """``Command(**fields)`` (every field without a default given) at a third of the cost: a frozen dataclass
    sets each of its 17 fields through ``object.__setattr__``."""
    command = object.__new__(Command)
    state = command.__dict__
    state.update(_COMMAND_FIELDS)  # every field, in order: the given ones keep their place
    state.update(fields)
    return command


_COMMAND_FIELDS = vars(Command(name=None, words=(), line=0, text=""))


# Pipeline stages that group commands: their members share the stage's standard output.
_GROUPS = frozenset({"subshell", "compound_statement"})


def _stdout_elsewhere(command: Command) -> bool:
    """``echo x >&2``, ``echo x > FILE``: the command's standard output does not go to the group's."""
    return any(r.op in (">", ">>", ">|", ">&", "&>", "&>>") and r.fd in (None, "1") for r in command.redirects)


def _replaced(value: Any, **changes: Any) -> Any:
    """``dataclasses.replace`` for the model's frozen values (no ``__post_init__``), at a fifth of its cost: the
    fields copied, ``changes`` set; a value cached on the original (``commands.written_paths``) is not kept."""
    new = object.__new__(type(value))
    state = new.__dict__
    state.update(value.__dict__)
    state.update(changes)
    fields = value.__dataclass_fields__
    if len(state) != len(fields):
        for key in [k for k in state if k not in fields]:
            del state[key]
    return new


class _Reader:
    def __init__(self, path: str, inherited: tuple[Assignment, ...] = ()) -> None:
        self.path = path
        self.inherited = inherited
        self.commands: list[Command] = []
        self.assignments: list[Assignment] = []
        self.root_checks: list[RootCheck] = []
        self.root_assigned: set[int] = set()  # lines of assignments made only when the script runs as root
        self.fallbacks: list[Fallback] = []
        # (line, text) of each command whose failure a ``|| …`` that goes on absorbs (``sha256sum -c S || true``)
        self.failure_ignored: list[tuple[int, str]] = []
        self.unstopped: list[tuple[int, str]] = []  # statements of a group another statement follows (_group)
        self.failure_stops: list[tuple[int, str]] = []  # commands an ``if`` tests whose failing branch exits
        self.shell_file = False  # the source opens with a shell's ``#!`` line: its top level is read as statements
        self.probed_arms: set[Arm] = set()
        self.raised_flags: list[tuple[str, Arm, int]] = []  # shell.flag_guards
        self.flag_stops: list[tuple[frozenset[str], int, str | None, tuple[str, ...]]] = []
        self.falling: dict[tuple[int, int], bool] = {}  # (offset, start) of each ``case`` read -> falls through
        self.tests: list[Test] = []
        self.case_subjects: set[str] = set()  # variables a ``case`` statement compares
        self.functions: list[str] = []
        self.defaults: dict[tuple[str, int], ParameterDefault] = {}
        self.errexit = False
        self.nodes = 0
        self.incomplete: str | None = None
        self.errors = 0
        self.exiting_functions: frozenset[str] = frozenset()
        # Functions that return success when run as root (``is_root() { if [ "$(id -u)" -eq 0 ]; then return 0;
        # fi; …; }``), with the line of their uid test: ``if ! is_root; then …`` tests the uid through them.
        self.root_predicates: dict[str, int] = {}
        self.capability_predicates: set[str] = set()
        # function -> the line of a privilege test in it whose failing branch returns: later steps are guarded
        self.privilege_guards: dict[str, int] = {}
        self.root_flags: dict[str, tuple[str, str]] = {}  # a flag set in a uid test's branch (shell.guards)
        # Functions that run an argument as a shell string (``run_as() { su - www-data -c "cd /srv;$1" || sh -c
        # "$1"; }``): name -> how (``shell.runners``); a call's string argument is read as commands at the call.
        self.string_runners: dict[str, StringRunner] = {}
        self.runner_escalations: set[tuple[str, int]] = set()  # (function, body line) whose calls escalate
        self.argument_runners: set[str] = set()  # functions whose body runs "$@" (read up to runners_read)
        self.runners_read = 0
        self._nested_members: list[int] | None = None  # where the members of the pipeline read last are
        # The last command of a list or pipeline read as redirected whole (``a && b > f``): node id -> the
        # redirected statement, its redirections and what its heredoc pipes to; given to that command alone
        self._tails: dict[int, tuple[Node, tuple[Redirect, ...], Node | None]] = {}
        # The package-manager phase the file is for (``shell.phases``): what runs only on removal.
        self.removal_side = removal_side(path)
        self.counts_versions = counts_versions(path)
        self.pacman_install = pacman_install(path)

    # -- one text (the file, or a string/heredoc run as shell) --------------------------------------------
    def read(self, source: bytes, ctx: _Ctx) -> None:
        text = without_build_placeholders(source)
        tree = (take_tree(source) if ctx.reparse == 0 else None) or _parser().parse(text)
        if tree.root_node.has_error and (steady := without_misparsed(text)) != text:
            text, tree = steady, _parser().parse(steady)  # what the grammar misreads (shell.misparsed)
        root = tree.root_node
        if root.has_error:
            self.errors += 1
        regions: list[Region] = []
        if ctx.reparse == 0:  # the file itself: lines whose structure the parser lost are read alone (shell.recovery)
            tree, regions, why = lost_regions(text, tree, _parser(), _LANGUAGE)
            self.incomplete = self.incomplete or why
            root = tree.root_node
        if ctx.reparse == 0 and not self.pacman_install:
            self.pacman_install = only_pacman_functions(root)  # pacman's script under another name (pacman_shape)
        captures = _read_query().captures(root)
        if ctx.reparse == 0:
            self.exiting_functions = _exiting_functions(captures.get("fn", []))
        bindings = self._bindings(captures, ctx)
        self.words = WordReader(bindings)
        self._bindings_now = bindings
        try:
            self._walk(root, ctx)
        except _Budget as exc:
            self.incomplete = self.incomplete or str(exc)
        for key, default in self.words.defaults.items():
            line = ctx.line or default.line + ctx.offset
            self.defaults.setdefault(key, _replaced(default, line=line))
        for name, at in sorted(self.words.assigning):  # ``: ${X:=$HOME/.x}``: X falls back to its default there
            line = ctx.line or at + ctx.offset
            self.fallbacks.append(Fallback(name, line, line))
        if regions:
            self._read_regions(source, regions, ctx)

    def _read_regions(self, source: bytes, regions: list[Region], ctx: _Ctx) -> None:
        """Each region the parser lost the structure of (shell.recovery), read as a text of its own at its lines,
        seeing the variables assigned above it; the commands and assignments are then kept in line order."""
        starts = line_starts(source)
        now = self._bindings_now
        for region in regions:
            saved = (self.words, self._bindings_now, self.inherited)
            line = region[0] + 1 + ctx.offset
            self.inherited = (*self.inherited, *(a for n in now.by_name if (a := now.lookup(n, line)) is not None))
            inner = ctx.with_(offset=ctx.offset + region[0], depth=ctx.depth + 1, reparse=ctx.reparse + 1)
            self.read(region_text(source, starts, region), inner)
            self.words, self._bindings_now, self.inherited = saved
        self.commands.sort(key=lambda c: c.line)
        self.assignments.sort(key=lambda a: a.line)

    def _line(self, node: Node, ctx: _Ctx) -> int:
        return ctx.line or node.start_point[0] + 1 + ctx.offset

    def _bindings(self, captures: dict[str, list[Node]], ctx: _Ctx) -> Bindings:
        """Assignments first (a query run in C: ``captures``), so a use anywhere sees the values assigned above it."""
        by_name: dict[str, list[Assignment]] = defaultdict(list)
        for inherited in self.inherited:  # set before the first line by a file sourced with this one
            by_name[inherited.name].append(dataclasses.replace(inherited, line=0))
        bindings = Bindings(by_name)
        reader = WordReader(bindings)
        nodes = sorted((n for key in ("a", "f") for n in captures.get(key, [])), key=lambda n: n.start_byte)
        for node in nodes[:MAX_NODES]:
            line = node.start_point[0] + 1
            if node.type == "for_statement":
                self._loop_variable(node, reader, by_name, ctx)
                continue
            name_node = node.child_by_field_name("name")
            value_node = node.child_by_field_name("value")
            if name_node is None:
                continue
            name = text(name_node)
            word = reader.word(value_node) if value_node is not None else Word("", "", line)
            assignment = Assignment(
                name=name,
                value=word.value,
                line=ctx.line or line + ctx.offset,
                raw=text(node)[:MAX_COMMAND_TEXT],
                generated_by=_generator(value_node),
                function=_enclosing_function(node),
                block=ctx.block if ctx.line else enclosing_block(node, ctx.offset),
                local=_declared_local(node),
                prefix=word.prefix,
                shape=word.shape,
                items=tuple(reader.word(c).text for c in value_node.named_children[:64])
                if value_node is not None and value_node.type == "array"
                else (),
                item_lines=tuple(ctx.line or c.start_point[0] + 1 + ctx.offset for c in value_node.named_children[:64])
                if value_node is not None and value_node.type == "array"
                else (),
            )
            by_name[name].append(assignment if assignment.line == line else _replaced(assignment, line=line))
            self.assignments.append(assignment)
        self.defaults.update(
            {k: _replaced(d, line=ctx.line or d.line + ctx.offset) for k, d in reader.defaults.items()}
        )
        return bindings

    def _loop_variable(self, node: Node, reader: WordReader, by_name: dict[str, list[Assignment]], ctx: _Ctx) -> None:
        var = node.child_by_field_name("variable")
        values = node.children_by_field_name("value")
        if var is None or not values:
            return
        words = [reader.word(v) for v in values]
        first = words[0].value if all(w.value for w in words) else None
        array = _ARRAY_USE.fullmatch(text(values[0])) if len(values) == 1 else None
        items = (
            tuple(i for a in by_name.get(array.group(1), ()) for i in a.items)
            if array is not None
            else tuple(w.text for w in words)
        )
        item_lines = (
            tuple(n for a in by_name.get(array.group(1), ()) for n in a.item_lines)
            if array is not None
            else tuple(ctx.line or w.line + ctx.offset for w in words)
        )
        line = node.start_point[0] + 1
        assignment = Assignment(
            text(var),
            first,
            line,
            text(node)[:80],
            generated_by="for",
            shape=items[0] if items else None,
            items=items,
            item_lines=item_lines if len(item_lines) == len(items) else (),
        )
        by_name[text(var)].append(assignment)
        self.assignments.append(_replaced(assignment, line=ctx.line or line + ctx.offset))

    # -- the walk ----------------------------------------------------------------------------------------------
    def _walk(self, node: Node, ctx: _Ctx) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Budget(f"more than {MAX_NODES} syntax nodes; the rest is not read")
        if ctx.depth > MAX_DEPTH:
            raise _Budget(f"nested deeper than {MAX_DEPTH} levels; the rest is not read")
        kind = node.type
        if kind in _SKIP:
            return
        if self._tails and node.id in self._tails:
            owner, redirects, piped = self._tails.pop(node.id)
            self._redirected_body(owner, node, redirects, piped, ctx)
            return
        if kind == "variable_assignment" and "root" in ctx.conditions:
            self.root_assigned.add(self._line(node, ctx))  # ``run="sudo -u $owner"`` in a uid-0 branch
        if kind == "case_statement":
            self.case_subjects.update(_expanded_names(node.child_by_field_name("value")))
        inner = ctx.deeper()
        if kind in LOOPS and not ctx.looped:
            inner = inner.with_(looped=True)
        if kind == "command":
            self._command(node, inner, ())
        elif kind == "redirected_statement":
            self._redirected(node, inner)
        elif kind == "pipeline":
            self._pipeline(node, inner)
        elif kind == "if_statement":
            self._if(node, inner)
        elif kind == "list":
            self._list(node, inner)
        elif kind == "case_item":
            patterns = [text(c) for c in node.children_by_field_name("value")]
            cond = tuple(f"case:{p}" for p in patterns[:8])
            alternative = ctx.line is None and not ctx.looped
            arm = case_arm(node, ctx.offset, ctx.function, self.falling) if alternative else None
            item = inner.with_(conditions=ctx.conditions + cond, arms=(*ctx.arms, arm) if arm else ctx.arms)
            for child in node.named_children:
                if child.type not in ("word", "extglob_pattern", "string", "raw_string", "concatenation"):
                    self._walk(child, item)
        elif kind == "function_definition":
            name_node = node.child_by_field_name("name")
            name = text(name_node) if name_node is not None else None
            if name:
                self.functions.append(name)
            if self.pacman_install and name in PACMAN_REMOVAL_FUNCTIONS and ctx.function is None:
                inner = inner.with_(conditions=(*inner.conditions, REMOVAL))
            start = len(self.commands)
            for child in node.named_children:
                self._walk(child, inner.with_(function=name))
            if name:
                self._record_capability_predicate(name, node, ctx, start)
        elif kind == "compound_statement" and node.parent is not None and node.parent.type == "program":
            self._group(node, inner)
        elif kind == "program" and self.removal_side and ctx.reparse == 0:
            self._removal_side_program(node, inner)
        elif kind == "program" and self.shell_file and ctx.reparse == 0:
            self._statements(node, inner)
        elif kind == "subshell":
            # ``( set -x; ls -A )``: what it sets (tracing, options, variables) ends with it
            within = inner.with_(conditions=(*ctx.conditions, "subshell"))
            for child in node.named_children:
                self._walk(child, within)
        elif kind in ("command_substitution", "process_substitution"):
            # ``RB_PASS=$(echo "$RB_USER_PASS" | cut -d: -f2)`` as a statement: its output is captured, as in a word
            captured = inner.with_(conditions=(*ctx.conditions, "captured"))
            for child in node.named_children:
                self._walk(child, captured)
        elif kind == "test_command":
            self._root_check_alone(node, ctx)
            self._test(node, ctx)
            self._substitutions(node, inner)
        else:
            for child in node.named_children:
                if child.named_child_count or child.type in _HANDLED:
                    self._walk(child, inner)
                    continue
                # nothing below it and no handler of its own: what ``_walk`` does with it, without the call
                self.nodes += 1
                if self.nodes > MAX_NODES:
                    raise _Budget(f"more than {MAX_NODES} syntax nodes; the rest is not read")
                if inner.depth > MAX_DEPTH:
                    raise _Budget(f"nested deeper than {MAX_DEPTH} levels; the rest is not read")

    def _group(self, node: Node, ctx: _Ctx) -> None:
        """``{ sha256sum -c app.sha256; tar xzf app.tgz; }`` as a statement of the script (a Dockerfile's ``RUN
        <<EOF`` script is read as one): a simple command or pipeline with a statement after it in the group does not
        stop the group when it fails, unless the script sets ``errexit``; its commands are kept in ``unstopped``.
        Function bodies are not read so: the programs other languages' readers hand over as shell (a Python
        ``if md5(f) != …: raise`` is a bare ``md5sum`` there) keep their checks as bare statements."""
        statements = [c for c in node.named_children if c.type != "comment"]
        for child in node.named_children:
            start = len(self.commands)
            self._walk(child, ctx)
            if child in statements[:-1] and child.type in ("command", "pipeline", "redirected_statement"):
                self.unstopped.extend((c.line, c.text) for c in self.commands[start:])

    def _statements(self, node: Node, ctx: _Ctx) -> None:
        """The top-level statements of a shell script (a shell's ``#!`` line): as in a group (``_group``), a simple
        command or pipeline another statement follows does not stop the script when it fails, unless the script sets
        ``errexit`` (``echo 'SUM *app.tgz' | sha1sum -c`` on its own line, then ``tar -x -f app.tgz``), nor when the
        next statement reads its status (``[ $? -eq 0 ] || exit 1``)."""
        statements = [c for c in node.named_children if c.type != "comment"]
        for k, child in enumerate(statements):
            start = len(self.commands)
            if child.named_child_count or child.type in _HANDLED:
                self._walk(child, ctx)
            following = statements[k + 1] if k + 1 < len(statements) else None
            if following is None or child.type not in ("command", "pipeline", "redirected_statement"):
                continue
            if not _STATUS_READ.search(text(following)):
                self.unstopped.extend((c.line, c.text) for c in self.commands[start:])

    def _test(self, node: Node, ctx: _Ctx) -> None:
        """Records the variables a test expands (not inside its ``$(…)``, read as commands); bounded by MAX_NODES."""
        names: list[str] = []
        stack = [node]
        while stack and len(names) < 16:
            current = stack.pop()
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _Budget(f"more than {MAX_NODES} syntax nodes; the rest is not read")
            if current.type in ("command_substitution", "process_substitution", "raw_string"):
                continue
            if current.type in ("simple_expansion", "expansion"):
                name = next((c for c in current.named_children if c.type == "variable_name"), None)
                if name is not None and text(name) not in names:
                    names.append(text(name))
                continue
            stack.extend(reversed(current.named_children))
        if names:
            line = self._line(node, ctx)
            self.tests.append(Test(line, text(node).split("\n", 1)[0][:200], tuple(names), ctx.function))

    def _substitutions(self, node: Node, ctx: _Ctx) -> None:
        """Commands inside ``$(…)``, backquotes and ``<(…)`` within a word or test (none without their marks
        in the source: then no node is visited)."""
        if _SUBSTITUTION_MARK.search(node.text or b"") is None:
            return
        stack = [(node, 0)]
        while stack:
            current, depth = stack.pop()
            self.nodes += 1
            if self.nodes > MAX_NODES:
                raise _Budget(f"more than {MAX_NODES} syntax nodes; the rest is not read")
            if current.type in ("command_substitution", "process_substitution"):
                captured = ctx.with_(depth=ctx.depth + depth + 1, conditions=(*ctx.conditions, "captured"))
                for child in current.named_children:
                    self._walk(child, captured)
            elif depth < MAX_DEPTH:
                stack.extend((c, depth + 1) for c in reversed(current.named_children))
            else:
                raise _Budget(f"nested deeper than {MAX_DEPTH} levels; the rest is not read")

    def _redirected(self, node: Node, ctx: _Ctx) -> None:
        redirects, piped = self._redirects(node, ctx)
        body = node.child_by_field_name("body")
        if body is None:
            return
        if body.type in ("list", "pipeline"):
            # tree-sitter-bash reads ``a && b > f`` and ``a | b > f`` as the redirection of the whole list or
            # pipeline; the shell gives it to the command it follows only (docs/preflight.md, redirections)
            tail = _last_statement(body)
            self._tails[tail.id] = (node, redirects, piped)
            self._walk(body, ctx)
            self._tails.pop(tail.id, None)
            return
        self._redirected_body(node, body, redirects, piped, ctx)

    def _redirected_body(
        self, node: Node, body: Node, redirects: tuple[Redirect, ...], piped: Node | None, ctx: _Ctx
    ) -> None:
        """``body`` run with the redirections of the statement ``node``: a command's own, or those of a group,
        subshell, loop or ``if`` every command in it shares."""
        if body.type == "command":
            made = self._command(body, ctx, redirects)
            if piped is not None and made:
                fed = self._pipe_members([made[-1]], piped, ctx)
                heredoc = next((r for r in redirects if r.body is not None), None)
                if heredoc is not None and heredoc.body_line is not None and any(c.name in SHELLS for c in fed):
                    shell = next(c for c in fed if c.name in SHELLS)
                    self._reparse(heredoc.body or "", ctx, shell, via="heredoc", offset=heredoc.body_line - 1)
        else:
            # ``while read l; do …; done <<<"$(curl -sS URL | grep …)"``: the here-string's commands run first, their
            # output captured as the loop's input; so do a process substitution's (``done < <(_auth_headers)``)
            for child in node.named_children:
                if child.type == "herestring_redirect" or (
                    child.type == "file_redirect" and any(c.type == "process_substitution" for c in child.children)
                ):
                    self._substitutions(child, ctx)
            start = len(self.commands)
            self._walk(body, ctx)
            outputs = tuple(r for r in redirects if r.op.startswith((">", "&>")))
            # ``{ echo "$SECRET"; } 2>/dev/null``: the group's commands are traced to its stderr, discarded
            quiet = any(
                (r.fd == "2" or r.op.startswith("&>")) and r.target is not None and r.target.text == "/dev/null"
                for r in redirects
            )
            self._carry_outputs(start, outputs)
            if quiet:
                for i in range(start, len(self.commands)):
                    c = self.commands[i]
                    self.commands[i] = _replaced(c, conditions=(*c.conditions, "untraced"))

    def _carry_outputs(self, start: int, outputs: tuple[Redirect, ...]) -> None:
        """The output redirections of a group or of a string run as shell (``{ …; } > /etc/x``, ``eval "cat <<EOF
        …" > /etc/x``, ``sh -c "…" > /etc/x``) on the commands read from it since ``start`` that write nowhere else:
        their output lands in the redirection's file."""
        if outputs:
            for i in range(start, len(self.commands)):
                c = self.commands[i]
                if not c.writes():
                    self.commands[i] = _replaced(c, redirects=c.redirects + outputs)

    def _redirects(self, node: Node, ctx: _Ctx) -> tuple[tuple[Redirect, ...], Node | None]:
        out: list[Redirect] = []
        piped: Node | None = None
        for child in node.named_children:
            if child.type == "file_redirect":
                out.append(self._file_redirect(child, ctx))
            elif child.type == "heredoc_redirect":
                body = next((c for c in child.named_children if c.type == "heredoc_body"), None)
                op = "<<-" if b"<<-" in (child.text or b"")[:4] else "<<"
                out.append(
                    Redirect(
                        op,
                        None,
                        text(body)[: MAX_VALUE * 64] if body else "",
                        self._line(body, ctx) if body else None,
                        expands=self._heredoc_expansions(child, body, ctx) if body else (),
                    )
                )
                rest = next((c for c in child.named_children if c.type in ("pipeline", "command", "list")), None)
                piped = rest or piped
                # ``cat <<EOF > /etc/x.service``: the grammar nests the output redirection in the heredoc's node
                out.extend(self._file_redirect(c, ctx) for c in child.named_children if c.type == "file_redirect")
            elif child.type == "herestring_redirect":
                target = next(iter(child.named_children), None)
                out.append(Redirect("<<<", self._word(target, ctx) if target else None))
        return tuple(out), piped

    def _heredoc_expansions(self, redirect: Node, body: Node, ctx: _Ctx) -> tuple[tuple[str, int], ...]:
        """The variables a heredoc's body expands, in order: none when its marker is quoted (``<<'EOF'``,
        ``<<\\EOF``). Read from the body's text by the shell's rule (``$NAME``, ``${NAME…}``, ``\\$`` escaped), not
        from the grammar's nodes: tree-sitter-bash 0.25 leaves a ``$`` after a line's leading blanks unparsed."""
        start = next((c for c in redirect.named_children if c.type == "heredoc_start"), None)
        if start is None or any(q in text(start) for q in "'\"\\"):
            return ()
        line, at = self._line(body, ctx), 0
        source = text(body)[: MAX_VALUE * 64]
        found = []
        for m in itertools.islice(_HEREDOC_EXPANSION.finditer(source), MAX_HEREDOC_EXPANSIONS):
            if m.group(1):
                line, at = line + source.count("\n", at, m.start()), m.start()
                found.append((m.group(1), line))
        return tuple(found)

    def _file_redirect(self, node: Node, ctx: _Ctx) -> Redirect:
        op = next((text(c) for c in node.children if not c.is_named), ">")
        target = node.child_by_field_name("destination") or next(
            (c for c in reversed(node.named_children) if c.type != "file_descriptor"), None
        )
        word = self.words.word(target, line=self._line(node, ctx)) if target is not None else None
        if word is not None:
            word = self._shifted(word, ctx)
        fd = next((text(c) for c in node.named_children if c.type == "file_descriptor"), None)
        return Redirect(op, word, fd=fd)

    def _pipeline(self, node: Node, ctx: _Ctx) -> None:
        members: list[Command] = []
        groups: list[tuple[int, int, int]] = []  # (member, first, end) of each ``( … )`` / ``{ …; }`` stage
        for child in node.named_children:
            start = len(self.commands)
            self._nested_members = None
            if child.type == "command" and child.id not in self._tails:
                self._command(child, ctx, ())
            else:
                self._walk(child, ctx)
            nested = self._nested_members
            if nested and nested[0] == start and child.type == "redirected_statement":
                # ``curl … | bash - 2>&1 | tee log``: the redirection wraps ``curl … | bash -``, which is part of the
                # whole pipeline, not one member of it
                members.extend(self.commands[i] for i in nested if i < len(self.commands))
            elif len(self.commands) > start:
                if child.type in _GROUPS:
                    groups.append((len(members), start, len(self.commands)))
                members.append(self._stage(start, ctx))
        self._link(members)
        self._link_groups(members, groups, ctx)
        index = self._places(members)
        self._nested_members = [index[id(m)] for m in members if id(m) in index]

    def _link_groups(self, members: list[Command], groups: list[tuple[int, int, int]], ctx: _Ctx) -> None:
        """``(echo "$PW"; echo "$PW") | smbpasswd -a u``: every command of a grouped stage that writes to the
        group's standard output feeds the next stage, not only the first one read (``_stage``); one sending its
        output elsewhere (``>&2``, ``> FILE``) feeds nothing, and one already piped inside the group or captured
        by ``$(…)`` keeps its own."""
        names = tuple(m.name or "?" for m in members)
        depth = ctx.conditions.count("captured")
        for k, first, end in groups:
            outer = names[k + 1 :]
            if not outer:
                continue
            for i in range(first, min(end, len(self.commands))):
                command = self.commands[i]
                if command.conditions.count("captured") != depth:
                    continue
                if _stdout_elsewhere(command):
                    if command.piped_to == outer:  # the stage's first command, linked as the whole stage
                        self.commands[i] = members[k] = _replaced(command, piped_to=())
                elif not command.piped_to:
                    self.commands[i] = _replaced(command, piped_from=names[:k], piped_to=outer)

    def _places(self, members: list[Command]) -> dict[int, int]:
        """id -> the last place in ``self.commands`` of each of ``members`` it holds, looked for from the end,
        where a pipeline's members were just added: not an index of every command read so far per pipeline."""
        wanted = {id(m) for m in members}
        found: dict[int, int] = {}
        for i in range(len(self.commands) - 1, -1, -1):
            key = id(self.commands[i])
            if key in wanted and key not in found:
                found[key] = i
                if len(found) == len(wanted):
                    break
        return found

    def _stage(self, start: int, ctx: _Ctx) -> Command:
        """The command a pipeline stage runs among those read from it: not one of a ``$(…)`` in its words
        (``curl "…/hub_$(uname -s).tar.gz" | tar -xz``: the stage is curl, uname's output is only part of a word)."""
        depth = ctx.conditions.count("captured")
        added = self.commands[start:]
        return next((c for c in added if c.conditions.count("captured") == depth), added[0])

    def _pipe_members(self, first: list[Command], rest: Node, ctx: _Ctx) -> list[Command]:
        """``cat <<EOF | sh``: the heredoc's command feeds the pipeline written after the marker."""
        start = len(self.commands)
        self._walk(rest, ctx)
        after = [c for c in self.commands[start:] if c.via == ctx.via]
        members = first + (after if rest.type == "pipeline" else after[:1])
        self._link(members)
        return members[1:]

    def _link(self, members: list[Command]) -> None:
        if len(members) < 2:
            return
        names = [m.name or "?" for m in members]
        index = self._places(members)
        for k, member in enumerate(members):
            i = index.get(id(member))
            if i is None:
                continue
            self.commands[i] = _replaced(member, piped_from=tuple(names[:k]), piped_to=tuple(names[k + 1 :]))
            members[k] = self.commands[i]

    def _if(self, node: Node, ctx: _Ctx) -> None:
        checks = len(self.root_checks)
        condition = node.child_by_field_name("condition")
        conds = [c for c in node.children_by_field_name("condition")] or ([condition] if condition else [])
        polarity = None
        tested = ctx.with_(conditions=(*ctx.conditions, "test")) if conds else ctx
        tested_from = len(self.commands)
        for cond in conds:
            polarity = polarity or root_condition(cond, self._bindings_now, self.root_flags)
            self._walk(cond, tested)
        named = node.named_children
        body = [c for c in named if c not in conds and c.type not in ("elif_clause", "else_clause")]
        if failing_branch_exits(conds, body, named, lambda nodes: self._ending(nodes) == "exit"):
            self.failure_stops.extend((c.line, c.text) for c in self.commands[tested_from:])
        self._record_fallback(conds, body, ctx)
        if polarity is not None:
            self._record_root_flags(body, polarity, ctx)
            verdict = printed_verdict(node, body, polarity) if ctx.function else None
            if verdict is not None and ctx.function:
                self.root_flags[verdict_key(ctx.function)] = verdict
        predicate = self._predicate_call(conds) if polarity is None else None
        if predicate is not None:
            polarity, line = predicate
            kind = _check_kind(polarity, self._ending(body))
            self.root_checks.append(RootCheck(kind, line, text(node).split("\n", 1)[0][:200]))
        elif polarity is not None:
            if ctx.function and _predicate_branch(polarity, body):
                self.root_predicates.setdefault(ctx.function, self._line(node, ctx))
            self._record_root_check(node, polarity, self._ending(body), ctx)
        opposite = {"root": "not-root", "not-root": "root"}.get(polarity or "")
        exists = (
            _existence_tests(conds) + _not_directory_tests(conds) + action_conditions(conds, numeric=self._numeric(ctx))
        )
        then_removal, else_removal = self._removal_branches(conds, ctx)
        mode = uninstall_test(conds)
        holds = self._switch_holds(conds, self._line(node, ctx))
        opted = holds is None and self._opted_in(conds, self._line(node, ctx))
        if ctx.line is None and not ctx.looped:
            self._record_flags(node, conds, body, ctx)
        walked = len(self.commands)
        for child in named:
            if child in conds:
                continue
            then = child.type not in ("elif_clause", "else_clause")
            arm = if_arm(node, None if then else child, ctx.offset, ctx.function)
            arms = (*ctx.arms, arm) if ctx.line is None and not ctx.looped else ctx.arms
            if then and tool_probe(conds):
                self.probed_arms.add(arm)
            if child.type == "elif_clause":
                # reached when the ``if`` test failed: ``if [ "$A" = x ] || [ "$uid" != 0 ]; … elif …`` runs as root
                fails = opposite if opposite and not _conjunction(conds) else None
                reached = (*((fails,) if fails else ()), *((NEVER,) if holds is True else ()))
                self._elif(child, ctx.with_(conditions=(*ctx.conditions, *reached)) if reached else ctx, arms)
                continue
            branch = polarity if then else None
            if child.type == "else_clause":
                branch = opposite
            conditions = (*ctx.conditions, *((branch,) if branch else ()), *(exists if then else ()))
            if then:  # ``if [ "$pm" = yum ]; then "$pm" -y update``: the variable holds the literal there
                conditions = (*conditions, *tested_value(conds))
            if (then_removal and then) or (else_removal and child.type == "else_clause"):
                conditions = (*conditions, REMOVAL)
            if mode:
                conditions = (*conditions, UNINSTALL if then else NOT_UNINSTALL)
            if holds is (not then):  # the branch the switch never takes
                conditions = (*conditions, NEVER)
            if opted and then:
                conditions = (*conditions, OPTED_IN)
            self._walk(
                child,
                ctx.with_(conditions=conditions, arms=arms)
                if conditions != ctx.conditions or arms != ctx.arms
                else ctx,
            )
        if polarity == "not-root" and len(self.root_checks) > checks:
            self._escalating_branch_adapts(checks, walked)

    def _record_flags(self, node: Node, conds: list[Node], body: list[Node], ctx: _Ctx) -> None:
        """The flags the ``if``'s branches raise, and the stop its branch is when it runs only with flags down."""
        branches = [(None, body)] + [
            (c, c.named_children) for c in node.named_children if c.type in ("elif_clause", "else_clause")
        ]
        for branch, statements in branches:
            arm = if_arm(node, branch, ctx.offset, ctx.function)
            self.raised_flags.extend((name, arm, self._line(n, ctx)) for name, n in flags_raised(statements))
        if lowered := lowered_flags(conds):
            self.flag_stops.append((lowered, self._line(node, ctx), ctx.function, runs(body)))

    def _switch_holds(self, conds: list[Node], line: int) -> bool | None:
        """Whether the test compares a switch the file sets once with a literal: ``if [ "$VERIFY_CHECKSUM" = "1" ]``
        in a file that sets ``VERIFY_CHECKSUM=0`` at its top, before the test, and to nothing else anywhere, never
        holds (its branch never runs: a switch the vendor left off); ``if [ "$DB_HOST" == "localhost" ]`` after
        ``DB_HOST="localhost"`` always holds (its ``else`` and ``elif`` branches never run). None when not known."""
        named = [c for c in conds if c.is_named]
        literals = _LITERAL_COMPARISON.fullmatch(text(named[0]).strip()) if len(named) == 1 else None
        if literals is not None:  # ``[ "uinput" = "usb-gadget" ]``: a Makefile recipe's test of a make variable
            same = literals.group(1).strip("\"'") == literals.group(3).strip("\"'")
            return same if literals.group(2) != "!=" else not same
        m = _FLAG_COMPARISON.fullmatch(text(named[0]).strip()) if len(named) == 1 else None
        if m is None:
            return None
        name, compared = m.group(1), m.group(2).strip("\"'")
        bound = self._bindings_now.by_name.get(name, ())
        # written as a literal: not ``${HOST:-localhost}``, whose value the environment may choose
        literal = all(
            a.value is not None and a.generated_by is None and "$" not in a.raw.partition("=")[2] for a in bound
        )
        values = {a.value for a in bound}
        first = any(a.function is None and a.line < line for a in bound)
        if not (bound and literal and first and len(values) == 1):
            return None
        return compared in values

    def _opted_in(self, conds: list[Node], line: int) -> bool:
        """Whether the test compares a switch with a value only the operator's command line gives it
        (shell.operator_options): ``if [ "${USE_SUDO}" = "always" ]`` after ``USE_SUDO="never"``."""
        named = [c for c in conds if c.is_named]
        m = _FLAG_COMPARISON.fullmatch(text(named[0]).strip()) if len(named) == 1 else None
        if m is None:
            return False
        return opted_in(self._bindings_now.by_name.get(m.group(1), ()), m.group(2).strip("\"'"), line)

    def _escalating_branch_adapts(self, check: int, walked: int) -> None:
        """``if [ $EUID -ne 0 ]; then sudo usermod -aG docker "$USER"; exit; fi``: a branch for other users that
        runs its step through sudo before it stops handles them; it does not require root."""
        found = self.root_checks[check]
        escalated = any(c.escalation is not None and "not-root" in c.conditions for c in self.commands[walked:])
        if found.kind == "requires" and escalated:
            self.root_checks[check] = RootCheck("adapts", found.line, found.text)

    def _record_capability_predicate(self, name: str, node: Node, ctx: _Ctx, start: int) -> None:
        """A function that reads the effective capabilities, or calls one that does, is a root predicate
        (shell.capabilities): ``has_cap_sys_admin || return`` guards what follows as ``is_root || return`` does."""
        calls = {c.name for c in self.commands[start:] if c.function == name}
        if reads_capabilities(text(node)) or calls & self.capability_predicates:
            self.capability_predicates.add(name)
            self.root_predicates.setdefault(name, self._line(node, ctx))

    def _predicate_call(self, conds: list[Node]) -> tuple[str, int] | None:
        """``if is_root`` / ``if ! is_root`` of a root predicate: the polarity and the line of its uid test."""
        named = [c for c in conds if c.is_named]
        if len(named) != 1:
            return None
        cond, polarity = named[0], "root"
        if cond.type == "negated_command" and cond.named_children:
            cond, polarity = cond.named_children[0], "not-root"
        name = cond.child_by_field_name("name") if cond.type == "command" else None
        line = self.root_predicates.get(text(name)) if name is not None else None
        return (polarity, line) if line is not None else None

    def _record_root_flags(self, body: list[Node], polarity: str, ctx: _Ctx) -> None:
        """``if [ "$(id -u)" = 0 ]; then AS_ROOT=true; fi``: a branch that only sets literals makes each a root flag
        (shell.guards), read when a later test compares it (``[ "$AS_ROOT" = false ]``)."""
        if ctx.function or not body or any(c.type != "variable_assignment" for c in body):
            return
        for child in body:
            name = child.child_by_field_name("name")
            found = self._bindings_now.lookup(text(name), self._line(child, ctx)) if name is not None else None
            if found is not None and found.value is not None:
                self.root_flags[found.name] = (found.value, polarity)

    def _elif(self, node: Node, ctx: _Ctx, arms: tuple[Arm, ...]) -> None:
        """``elif [ "$(id -u)" = 0 ]; then …``: its body runs as root as an ``if`` branch's would (``arms``: with the
        ``elif``'s own, shell.arms)."""
        conds: list[Node] = []
        body: list[Node] = []
        for child in node.children:
            if child.type == "then":
                conds, body = body, []
            elif child.is_named:
                body.append(child)
        polarity = None
        for cond in conds:
            polarity = polarity or root_condition(cond, self._bindings_now, self.root_flags)
            self._walk(cond, ctx.with_(conditions=(*ctx.conditions, "test")))
        if arms and arms != ctx.arms and tool_probe(conds):
            self.probed_arms.add(arms[-1])
        actions = action_conditions(conds, numeric=self._numeric(ctx))
        removal = (REMOVAL,) if self._removal_branches(conds, ctx)[0] else ()
        extra = (*((polarity,) if polarity else ()), *actions, *removal, *tested_value(conds))
        inner = ctx.with_(conditions=(*ctx.conditions, *extra), arms=arms) if extra or arms != ctx.arms else ctx
        for child in body:
            self._walk(child, inner)

    def _list(self, node: Node, ctx: _Ctx) -> None:
        children = node.named_children
        operators = [text(c) for c in node.children if not c.is_named]
        if len(children) == 2 and operators:
            left, right = children
            polarity = root_condition(left, self._bindings_now, self.root_flags)
            predicate = self._predicate_call([left]) if polarity is None else None
            if predicate is not None:
                polarity = predicate[0]
            if polarity is not None:
                # "[ not root ] && exit" requires root; "[ root ] || exit" too; the other two refuse it.
                runs_when = polarity if operators[0] == "&&" else {"root": "not-root", "not-root": "root"}[polarity]
                fails = ctx.function is not None and _fails(right)
                ends = "exit" if fails else self._ending([right])
                if ctx.function is not None and runs_when == "not-root" and not fails and _returns(right):
                    self.privilege_guards.setdefault(ctx.function, self._line(node, ctx))
                self._record_root_check(node, runs_when, ends, ctx, line=predicate[1] if predicate else None)
                self._walk(left, ctx.with_(conditions=(*ctx.conditions, "test")))
                self._walk(right, ctx.with_(conditions=(*ctx.conditions, runs_when)))
                return
            if operators[0] == "&&":
                self._record_fallback([left], [right], ctx)
            start = len(self.commands)
            self._walk(left, ctx)
            if operators[0] == "||" and not stops(right, self._exiting()):
                self.failure_ignored.extend((c.line, c.text) for c in self.commands[start:])
            extra = ("or",) if operators[0] == "||" else self._and_conditions(left, ctx)
            self._walk(right, ctx.with_(conditions=ctx.conditions + extra) if extra else ctx)
            return
        for child in children:
            self._walk(child, ctx)

    def _exiting(self) -> frozenset[str]:
        return self.exiting_functions

    # -- what runs only when the package is removed (``shell.phases``, ``shell.actions``) ----------------------
    def _numeric(self, ctx: _Ctx) -> bool:
        """A number compared with ``$1`` is rpm's count of versions (in a function, ``$1`` is its own argument)."""
        return self.counts_versions and ctx.function is None

    def _and_conditions(self, left: Node, ctx: _Ctx) -> tuple[str, ...]:
        """What ``left && right`` tells of ``right``: an existence test, a test of the action, a removal branch, the
        installer's uninstall mode (``[[ "$REMOVE" -eq '1' ]] && remove_nginx_ui``)."""
        found = _existence_tests([left]) + action_conditions([left], numeric=self._numeric(ctx))
        found = (*found, UNINSTALL) if uninstall_test([left]) else found
        return (*found, REMOVAL) if self._removal_branches([left], ctx)[0] else found

    def _removal_branches(self, conds: list[Node], ctx: _Ctx) -> tuple[bool, bool]:
        """Whether the ``then`` and the ``else`` branch of a test of ``$1`` in a removal-side script are steps an
        upgrade never takes (``if [ "$1" != upgrade ]``; the ``else`` of ``if [ $1 -ge 1 ]``)."""
        if not self.removal_side or ctx.function is not None:
            return False, False
        on_upgrade = holds_on_upgrade(action_test(conds, numeric=self._numeric(ctx)))
        return on_upgrade is False, on_upgrade is True

    def _removal_side_program(self, node: Node, ctx: _Ctx) -> None:
        """A removal-side script's top level: after a statement that ends it on an upgrade (``[ "$1" = upgrade ]
        && exit 0``, ``if [ $1 -gt 0 ]; then exit 0; fi``) the steps run only on removal."""
        for child in node.named_children:
            self._walk(child, ctx)
            if REMOVAL not in ctx.conditions and self._ends_on_upgrade(child, ctx):
                ctx = ctx.with_(conditions=(*ctx.conditions, REMOVAL))

    def _ends_on_upgrade(self, node: Node, ctx: _Ctx) -> bool:
        if node.type == "if_statement":
            conds = node.children_by_field_name("condition")
            body = [c for c in node.named_children if c not in conds and c.type not in ("elif_clause", "else_clause")]
        elif node.type == "list" and len(node.named_children) == 2 and node.children[1].type == "&&":
            conds, body = [node.named_children[0]], [node.named_children[1]]
        else:
            return False
        ends = any(exits(c, self._exiting()) for c in body)
        return ends and holds_on_upgrade(action_test(conds, numeric=self._numeric(ctx))) is True

    def _record_fallback(self, conds: list[Node], body: list[Node], ctx: _Ctx) -> None:
        tests = [c for c in conds if c.is_named]
        name = unset_test(tests[0]) if len(tests) == 1 and body else None
        if name is not None:
            first, last = self._line(body[0], ctx), body[-1].end_point[0] + 1 + ctx.offset
            self.fallbacks.append(Fallback(name, first, max(first, last)))

    def _ending(self, body: list[Node]) -> str | None:
        """How a branch ends the script: ``exit`` (a refusal), ``exec`` (handed to another program), or None."""
        if any(exits(c, self._exiting(), by_exec=False) for c in body):
            return "exit"
        return "exec" if any(exits(c, self._exiting()) for c in body) else None

    def _record_root_check(
        self, node: Node, runs_when: str, ending: str | None, ctx: _Ctx, *, line: int | None = None
    ) -> None:
        kind = _check_kind(runs_when, ending)
        where = line if line is not None else self._line(node, ctx)
        self.root_checks.append(RootCheck(kind, where, text(node).split("\n", 1)[0][:200]))

    def _root_check_alone(self, node: Node, ctx: _Ctx) -> None:
        """A bare ``[ "$(id -u)" -eq 0 ]`` under ``set -e`` stops a non-root run: it requires root."""
        parent = node.parent
        if parent is not None and parent.type in ("program", "compound_statement") and self.errexit:
            polarity = root_condition(node, self._bindings_now, self.root_flags)
            if polarity == "root":
                self._record_root_check(node, "not-root", "exit", ctx)

    # -- commands ----------------------------------------------------------------------------------------------
    def _command(self, node: Node, ctx: _Ctx, redirects: tuple[Redirect, ...]) -> list[Command]:
        line = self._line(node, ctx)
        env: list[tuple[str, Word]] = []
        argv: list[Word] = []
        own: list[Redirect] = []
        name_node = node.child_by_field_name("name")
        previous: Node | None = None
        previous_kind = ""
        split: Node | None = None
        word_of = self.words.word
        shift = ctx.line or ctx.offset  # a string or heredoc read as shell: its words' lines are moved
        for child in node.named_children:
            kind = child.type
            if argv and previous is not None and _line_ends_between(node, previous, child):
                split = child
                break
            if (
                kind in ("word", "concatenation")
                and previous_kind == "concatenation"  # _split_expansion's own first test, without a node call
                and argv
                and previous is not None
                and _split_expansion(previous, child)
            ):
                argv[-1] = _joined(argv[-1], text(child))
                previous, previous_kind = child, kind
                continue
            previous, previous_kind = child, kind
            if kind == "variable_assignment":
                if name_node is not None and _newline_between(child, name_node):
                    # tree-sitter-bash joins "A=1 B=2" (also ``v=$(… | sudo tee …) >>log``) with the next line's
                    # command: the assignment is a statement of its own, whose ``$(…)`` still runs
                    self._substitutions(child, ctx)
                    continue
                value = child.child_by_field_name("value")
                key = child.child_by_field_name("name")
                if key is not None:
                    env.append((text(key), self._word(value, ctx) if value is not None else Word("", "", line)))
            elif kind in _REDIRECTS:
                sub, _ = self._redirects_of(child, ctx)
                own.extend(sub)
            elif kind == "command_name":
                argv.append(self._word(child.named_children[0] if child.named_children else child, ctx))
            elif shift:
                argv.append(self._word(child, ctx))
            else:
                argv.append(word_of(child))  # what ``_word`` gives outside a string read as shell
            if kind not in ("word", "number", "raw_string"):
                self._substitutions(child, ctx)
        if name_node is not None:
            line = self._line(name_node, ctx)
        if argv:
            argv = self._expanded(argv, line)
        if not argv:
            return []
        argv, assigned = self._split_variable_command(argv, line)
        made = self._emit(argv, env, (*redirects, *own), node, ctx, line, assigned)
        if split is not None:
            self._recover(node, split, ctx)
        return made

    def _recover(self, node: Node, first: Node, ctx: _Ctx) -> None:
        """tree-sitter-bash #347: after a pipeline of three or more commands, a line that goes on with ``&&``/``||``
        is parsed as arguments of the pipeline's last command (``… | nl -s ') '`` then ``read -p … x`` becomes
        ``nl -s ') ' read -p … x``), with no error in the tree. What the command's node holds from ``first`` (the
        first word on a later line) is read again on its own: that text alone, not the file."""
        region = (node.text or b"")[first.start_byte - node.start_byte :]
        if not region.strip() or ctx.reparse >= MAX_REPARSE:
            return
        saved = (self.words, self._bindings_now, self.inherited)
        now = self._bindings_now
        line = self._line(first, ctx)
        self.inherited = (*self.inherited, *(a for n in now.by_name if (a := now.lookup(n, line)) is not None))
        offset = ctx.offset + first.start_point[0] if ctx.line is None else 0
        self.read(region, ctx.with_(offset=offset, depth=ctx.depth + 1, reparse=ctx.reparse + 1))
        self.words, self._bindings_now, self.inherited = saved

    def _expanded(self, argv: list[Word], line: int) -> list[Word]:
        """The arguments (``argv[1:]``) as the shell passes them: a brace list gives one word per alternative
        (``shell.braces``), an unquoted expansion of an empty value is no
        word at all (``yum -y $EXTRA install x`` with ``EXTRA=``), a known unquoted expansion with blanks in it
        is split into fields (``_fields``), an array's ``"${a[@]}"`` gives its elements (``_array_fields``). A
        word without ``$`` is none of these: it is passed as it is."""
        out = argv[:1]
        given = argv[1:]
        if any("{" in w.raw for w in given):
            given = [b for w in given for b in expanded(w)]
        for w in given:
            if "$" not in w.raw:
                out.append(w)
            elif w.value != "" or not w.raw.startswith("$"):
                for field in _fields(w):
                    out.extend(self._array_fields(field, line))
        return out

    def _array_fields(self, word: Word, line: int) -> list[Word]:
        """``"${flags[@]}"`` of an array assigned above: one word per element, as the shell passes them, each
        on the line it is written (``docker run "${flags[@]}" image`` with ``flags=(--net host -v /x:/x)``)."""
        m = _ARRAY_USE.fullmatch(word.raw)
        bound = self._bindings_now.lookup(m.group(1), line) if m is not None else None
        if bound is None or not bound.items or bound.generated_by == "for":
            return [word]
        lines = bound.item_lines if len(bound.item_lines) == len(bound.items) else (word.line,) * len(bound.items)
        known = [(item, None if "$" in item else item) for item in bound.items]
        return [
            Word(item, value, at, expands=(bound.name,), assigned_at=bound.line, shape=None if value else item)
            for (item, value), at in zip(known, lines, strict=True)
        ]

    def _redirects_of(self, child: Node, ctx: _Ctx) -> tuple[tuple[Redirect, ...], Node | None]:
        if child.type == "file_redirect":
            return (self._file_redirect(child, ctx),), None
        target = next(iter(child.named_children), None)
        return (Redirect("<<<", self._word(target, ctx) if target else None),), None

    def _word(self, node: Node, ctx: _Ctx) -> Word:
        return self._shifted(self.words.word(node), ctx)

    @staticmethod
    def _shifted(word: Word, ctx: _Ctx) -> Word:
        """A word of a string or heredoc read as shell at the file's line: the string's command's line, or its own
        line in the string moved by the lines before the string (``su -c "a\n b > /etc/x"``: ``/etc/x`` on the
        file's second line of the string)."""
        if ctx.line or ctx.offset:
            moved: Word = _replaced(word, line=ctx.line or word.line + ctx.offset)
            return moved
        return word

    def _split_variable_command(self, argv: list[Word], line: int) -> tuple[list[Word], int | None]:
        """``$run "apt-get install x"`` with ``run='sudo -E sh -c'``: the shell splits the unquoted value
        into words; an escalating value anywhere in the file is the one followed (the script picks it at
        run time), also one built at run time from a written escalator (``CMD="sudo $CMD"``)."""
        first = argv[0]
        suffixed = _SUFFIXED_EXPANSION.match(first.raw)
        if len(first.expands) != 1 or not (_WHOLE_EXPANSION.match(first.raw) or suffixed):
            return argv, None  # not the variable alone: ``${DIR}/bin/run.sh`` is a path, not a value split in words
        name = first.expands[0]
        candidates = list(self._bindings_now.by_name.get(name, ()))
        if suffixed:
            return self._suffixed_command(argv, name, suffixed.group(1), line)
        if not candidates:
            # a prefix this file never sets, before a command it names: ``$STD apt-get install x``
            return (argv[1:], None) if len(argv) > 1 and argv[1].value in PREFIXED_COMMANDS else (argv, None)
        chosen = next(
            (a for a in reversed(candidates) if _first_word(_known_start(a) or "") in ESCALATORS),
            self._bindings_now.lookup(name, line),
        )
        known = _known_start(chosen) if chosen is not None else None
        if chosen is not None and known is None:
            known = self._looked_up_program(chosen, line) or self._printed_command(chosen)
        if chosen is not None and known is None and (shaped := _shaped_command(chosen, name, line)):
            return shaped + argv[1:], chosen.line
        if chosen is None or known is None:
            return (argv[1:], None) if len(argv) > 1 and argv[1].value in PREFIXED_COMMANDS else (argv, None)
        switched_off = _dry_run_off(candidates, known)
        if switched_off is not None:
            return argv[1:], switched_off.line
        try:
            parts = shlex.split(known)
        except ValueError:
            parts = known.split()
        if not parts:
            return argv[1:], chosen.line
        words = [Word(p, p, line, (name,), chosen.line) for p in parts]
        return words + argv[1:], chosen.line

    def _suffixed_command(self, argv: list[Word], name: str, suffix: str, line: int) -> tuple[list[Word], int | None]:
        """``${DOWNLOAD_NC}.zip`` with ``DOWNLOAD_NC="curl -LO https://host/nextcloud-$V"``: a command line held in a
        variable, run with text added to its last word (the URL's ``.zip``). Only a value of two words or more is a
        command line; ``${NAME}.sh`` of a one-word value is a file name, left as written."""
        chosen = self._bindings_now.lookup(name, line)
        words = _shaped_command(chosen, name, line) if chosen is not None else []
        if chosen is None or len(words) < 2 or words[0].text in ESCALATORS:
            return argv, None
        last = words[-1]
        words[-1] = dataclasses.replace(
            last,
            raw=last.raw + suffix,
            value=None if last.value is None else last.value + suffix,
            shape=None if last.shape is None else last.shape + suffix,
        )
        return words + argv[1:], chosen.line

    def _eval_escalator(self, words: list[Word]) -> tuple[str | None, int | None, tuple[str, ...]]:
        """``eval $COMMAND`` with ``COMMAND="${PREFIX}pip install …"`` and ``PREFIX="sudo -k "`` (``PREFIX=""`` in a
        root branch): the string starts with a variable whose value on that line starts, directly or through the
        variables it is built on, with one that holds an escalator in some assignment (the script picks it at run
        time, as for ``$run cmd``). The escalator, the line it is assigned on and its options as written there
        (``-k``); (None, None, ()) when none is found."""
        m = _LEADING_VARIABLE.match(words[0].raw) if words else None
        name, line, seen = (m.group(1) if m is not None else None), (words[0].line if words else 0), set[str]()
        # a variable that is the whole string has the value it has on the eval's line; one a string is built on
        # (``"${PREFIX}find …"``, ``COMMAND="${PREFIX}pip …"``) may hold any of its values
        whole = bool(words) and _whole_variable(words[0].raw)
        while name is not None and name not in seen and len(seen) < _EVAL_CHAIN:
            reaching = self._bindings_now.lookup(name, line)
            candidates = (reaching,) if whole and not seen and reaching else self._bindings_now.by_name.get(name, ())
            seen.add(name)
            for bound in candidates:
                start = _known_start(bound) or ""
                first = _first_word(start)
                if first in ESCALATORS:
                    return first, bound.line, tuple(w for w in start.split()[1:] if w.startswith("-"))
            inner = _LEADING_VARIABLE.match(reaching.raw.partition("=")[2]) if reaching is not None else None
            name = inner.group(1) if inner is not None else None
        return None, None, ()

    def _known_value(self, line: int) -> Callable[[str], str | None]:
        """The literal value a variable has at ``line``, None when it is not known."""

        def value(name: str) -> str | None:
            bound = self._bindings_now.lookup(name, line)
            return bound.value if bound is not None else None

        return value

    def _printed_command(self, assignment: Assignment) -> str | None:
        """``curl=$(check_curl)`` where ``check_curl`` ends with ``echo $curl`` of ``curl='curl --retry 20 -L'``: the
        command line the function prints, when it prints one line to the output and its words are known; else
        None (a function that prints several lines, or run-time text, gives nothing to run)."""
        m = _FUNCTION_OUTPUT.fullmatch(assignment.raw.partition("=")[2])
        name = m.group(1) or m.group(2) if m is not None else None
        if name is None or name not in self.functions:
            return None
        printed = [
            c
            for c in self.commands
            if c.function == name and c.name == "echo" and not any(r.op.startswith((">", "&>")) for r in c.redirects)
        ]
        if len(printed) != 1 or not printed[0].words or any(w.value is None for w in printed[0].words):
            return None
        words = [w.value or "" for w in printed[0].words]
        return " ".join(words) if _PROGRAM_NAME.fullmatch(words[0]) and not words[0].startswith("-") else None

    def _looked_up_program(self, assignment: Assignment, line: int) -> str | None:
        """``FETCH="${CURL} -fsSL"`` with ``CURL=$( which curl )``: the value with the program the lookup found in
        place of the lookup (``curl -fsSL``); None when the value does not start with one."""
        m = _LOOKED_UP.match(assignment.shape or "")
        return f"{m.group(1)}{m.group(2) or ''}" if m is not None else None

    def _emit(  # noqa: PLR0917 - one call site; the parts of a command as the walk found them
        self,
        argv: list[Word],
        env: list[tuple[str, Word]],
        redirects: tuple[Redirect, ...],
        node: Node,
        ctx: _Ctx,
        line: int,
        assigned: int | None,
    ) -> list[Command]:
        """The commands one simple command amounts to, recorded in ``self.commands``; returns those it makes itself
        (the command its words name, a ``find``'s ``-exec`` commands, the shell of a string whose text is not known).
        In steps: (1) its wrappers taken off (``sudo``, ``env``, ``eval``, ``sh -c``: shell.unwrap) and the
        escalation it runs under found (:meth:`_escalation`); (2) the fields every command read here shares; (3) the
        command its words name, with what that runs (:meth:`_emit_named`); (4) a function that runs its argument as
        shell recorded (shell.runners), and the strings, shell and programs among its words read; (5) the string it
        runs as shell read as a script of its own (:meth:`_emit_string_run`)."""
        un: Unwrapped = unwrap(argv)
        escalated = self._escalation(argv, un, ctx)
        escalation, escalation_line, escalation_options = escalated
        source = text(node)
        summary = source if len(source) <= MAX_COMMAND_TEXT else source[:MAX_COMMAND_TEXT] + "…"
        fields: dict[str, Any] = {  # what every command read here shares, whatever its name and words
            "line": line,
            "text": summary,
            "escalation": escalation,
            "escalation_line": escalation_line,
            "escalation_options": escalation_options,
            "wrappers": (*ctx.wrappers, *un.wrappers),
            "env": (*env, *un.env),
            "redirects": redirects,
            "via": ctx.via,
            "function": ctx.function,
            "conditions": ctx.conditions,
            "name_assigned_at": assigned,
            "block": ctx.block if ctx.line else enclosing_block(node, ctx.offset),
            "arms": ctx.arms,
        }
        made: list[Command] = []
        if un.words:
            made = self._emit_named(un, fields, redirects=redirects, node=node, ctx=ctx, line=line, escalated=escalated)
        if un.interpret is not None and ctx.function is not None and ctx.reparse == 0:
            record_runner(
                self.string_runners,
                ctx.function,
                un.interpret,
                un.via,
                escalation=escalation,
                escalation_line=escalation_line,
                as_root="root" in ctx.conditions,
            )
        if un.words and ctx.reparse < MAX_REPARSE:
            self._run_string_argument(un.words, made, ctx, line)
            self._run_shell_among_arguments(un.words, made, ctx, line)
            self._run_inline_program(un.words, made, ctx, line)
        self._emit_string_run(un, fields, made, redirects=redirects, ctx=ctx, line=line, escalated=escalated)
        return made

    def _escalation(self, argv: list[Word], un: Unwrapped, ctx: _Ctx) -> _Escalation:
        """The escalator a command runs under, the line where it was written, and its options: the context's (a
        string run by ``sudo sh -c``) before the command's own; an ``eval`` with none takes the one a variable its
        string starts with holds (:meth:`_eval_escalator`, recorded on ``un``). Where it was written: kept from the
        command that ran this string (``$run "…"`` with ``run='sudo sh -c'`` on an earlier line); inside a string run
        as shell, the string's own line."""
        if un.via == "eval" and un.escalation is None and ctx.escalation is None:
            un.escalation, un.escalation_line, un.escalation_options = self._eval_escalator(argv[1:2])
        escalation = ctx.escalation or un.escalation
        escalation_options = ctx.escalation_options if ctx.escalation else un.escalation_options
        escalation_line = ctx.escalation_line
        if escalation_line is None and un.escalation:
            escalation_line = ctx.line or un.escalation_line
        return escalation, escalation_line, escalation_options

    def _emit_named(
        self,
        un: Unwrapped,
        fields: dict[str, Any],
        *,
        redirects: tuple[Redirect, ...],
        node: Node,
        ctx: _Ctx,
        line: int,
        escalated: _Escalation,
    ) -> list[Command]:
        """The command the unwrapped words name (``set`` also sets the walk's shell options), then what it runs: each
        ``-exec`` of a ``find`` as a command of its own under the same escalation, and a heredoc it reads as a script
        (``bash <<EOF``) or as a program (``python3 - <<'PY'``). Returns the commands made here."""
        name = base(un.words[0])
        if name == "set":
            self._set(un.words[1:])
        command = _command_value(
            name=name,
            program=un.words[0],
            words=tuple(un.words[1:]),
            **fields,
        )
        self.commands.append(command)
        made = [command]
        if name == "find" and ctx.depth < MAX_DEPTH:
            # ``find DIR -exec chown 1000:1000 {} +``: each -exec runs its command (on the files found)
            escalation, escalation_line, escalation_options = escalated
            child = dataclasses.replace(
                ctx,
                escalation=escalation,
                escalation_line=escalation_line,
                escalation_options=escalation_options,
                depth=ctx.depth + 1,
            )
            for sub in _find_execs(un.words[1:]):
                made.extend(self._emit(sub, [], (), node, child, line, None))
        heredoc = next((r for r in redirects if r.body is not None), None)
        if heredoc is not None and _reads_heredoc(command) and heredoc.body_line is not None:
            self._reparse(heredoc.body or "", ctx, command, via="heredoc", offset=heredoc.body_line - 1)
        elif heredoc is not None and heredoc.body and reads_program_from_stdin(name or "", list(un.words[1:])):
            self._run_stdin_program(heredoc.body, command, ctx, line)
        return made

    def _emit_string_run(
        self,
        un: Unwrapped,
        fields: dict[str, Any],
        made: list[Command],
        *,
        redirects: tuple[Redirect, ...],
        ctx: _Ctx,
        line: int,
        escalated: _Escalation,
    ) -> None:
        """The string a command runs as shell (``sh -c "…"``, ``eval "…"``, ``sudo bash -c '…'``), read as a script
        of its own under a command standing for its shell, whose output redirections its commands share; when its
        text is not known (``sudo sh -c "$SCRIPT"``) and nothing else is run, the shell itself is a command."""
        string = un.interpret
        if string is None:
            return
        inner = _string_source(string, un.via, self._known_value(line))
        if inner is None:
            if not un.words and un.via:
                # ``sudo sh -c "$SCRIPT"``: what the string runs is not known, but the shell (and its sudo) runs
                command = _command_value(
                    name=un.via.split()[0],
                    words=(string,),
                    **fields,
                )
                self.commands.append(command)
                made.append(command)
            return
        start = len(self.commands)
        escalation, escalation_line, escalation_options = escalated
        shell = Command(
            name=None,
            words=(),
            line=line,
            text=fields["text"],
            escalation=escalation,
            escalation_line=escalation_line,
            escalation_options=escalation_options,
            wrappers=(*ctx.wrappers, *un.wrappers),
            arms=ctx.arms,
            block=fields["block"],
        )
        # a quoted string whose text keeps the file's line breaks (no value substituted holds one): its lines are the
        # file's lines
        quoted = string.raw[:1] in ("'", '"') and inner.count("\n") == string.raw.count("\n")
        # read as written from a double-quoted string: the outer shell substitutes its variables first
        outer = string.value is None
        if ctx.line is None and "\n" in inner and quoted:
            # a quoted script written over several lines (``pct exec 1 -- bash -c '\n apt-get …\n'``): each of its
            # commands at its own line
            offset = string.line - 1 - ctx.offset
            self._reparse(inner, ctx, shell, via=un.via or "sh -c", offset=offset, substituted=outer)
        else:
            self._reparse(inner, ctx, shell, via=un.via or "sh -c", line=line, substituted=outer)
        # ``eval "cat <<EOF …" > /etc/x``, ``sh -c "…" > /etc/x``: what the string prints lands in the file
        self._carry_outputs(start, tuple(r for r in redirects if r.op.startswith((">", "&>"))))

    def _run_inline_program(self, words: list[Word], made: list[Command], ctx: _Ctx, line: int) -> None:
        """``python3 -c "…urlretrieve(URL, F)…"``: what the program does, as shell (shell.inline_programs), read
        at the command's line with the command's escalation."""
        interpreter = base(words[0]) or ""
        program = inline_program(interpreter, words[1:]) if made else None
        source = _string_source(program, "sh -c", self._known_value(line)) if program is not None else None
        shell = as_shell(source, interpreter) if source is not None else None
        if shell is not None and program is not None:
            via = "php -r" if interpreter == "php" else "python -c"
            self._reparse(shell, ctx, made[0], via=via, line=line, substituted=program.value is None)

    def _run_stdin_program(self, program: str, command: Command, ctx: _Ctx, line: int) -> None:
        """``python3 - <<'PY' … PY``: the heredoc is the program; what it does, as shell, read at the command's
        line as ``python -c`` is (the variables it reads from its environment are the shell's)."""
        shell = as_shell(program) if ctx.reparse < MAX_REPARSE else None
        if shell is not None:
            self._reparse(shell, ctx, command, via="python -", line=line, substituted=True)

    def _run_string_argument(self, words: list[Word], made: list[Command], ctx: _Ctx, line: int) -> None:
        """``run_as 'cd /srv; php console.php dbstructure update'`` of a function that runs that argument as shell:
        the string is read as the commands it runs, at the call, escalated as the function's body runs it."""
        runner = self.string_runners.get(base(words[0]) or "")
        if runner is None or not made or len(words) <= runner.position:
            return
        string = _string_source(words[runner.position], "sh -c", self._known_value(line))
        if string is None:
            return
        call = made[0]
        # each call escalates where it is written, as each call of a function that runs its arguments with sudo
        # (``runAsRoot cp …``) does: the body's sudo runs once per call (hold-out set 272); an escalator taken only
        # as root (root's ``su`` dropping privileges) stays at the body's line, which its uid-0 branch judges
        per_call = runner.escalation is not None and not runner.escalates_as_root
        if per_call and runner.escalation_line is not None and not call.escalation:
            self.runner_escalations.add((base(words[0]) or "", runner.escalation_line))
        own_line = call.line if per_call else runner.escalation_line
        escalation_line = call.escalation_line if call.escalation else own_line
        shell = _replaced(call, escalation=call.escalation or runner.escalation, escalation_line=escalation_line)
        self._reparse(string, ctx, shell, via=runner.via, line=line, substituted=words[runner.position].value is None)

    def _run_shell_among_arguments(self, words: list[Word], made: list[Command], ctx: _Ctx, line: int) -> None:
        """``run_logged "db.migrate" bash -lc "cd '$DIR' && alembic upgrade head"`` of a function of the file whose
        body runs its arguments (``"$@"``, after shifting its own): the shell it is given runs the string, read as
        the commands it runs, at the call (docs/preflight.md, argument runners). A shell word a function that runs
        nothing of its arguments is given (``log bash -c x``) stays a word."""
        name = base(words[0]) if words else None
        if not made or name is None or name not in self.functions or name not in self._argument_runner_names():
            return
        at = next((i for i, w in enumerate(words[1:], 1) if base(w) in SHELLS), None)
        shell = unwrap(words[at:]) if at is not None else None
        if shell is None or shell.interpret is None or shell.via is None:
            return
        string = _string_source(shell.interpret, shell.via, self._known_value(line))
        if string is not None:
            self._reparse(string, ctx, made[0], via=shell.via, line=line, substituted=shell.interpret.value is None)

    def _argument_runner_names(self) -> set[str]:
        """The functions read so far whose body runs all their arguments as a command (``"$@" || fail``); the
        commands read since the last call only, so a long script is read once."""
        for c in self.commands[self.runners_read :]:
            if c.function is not None and c.program is not None and c.program.raw in _ALL_ARGUMENTS:
                self.argument_runners.add(c.function)
        self.runners_read = len(self.commands)
        return self.argument_runners

    def _reparse(
        self,
        source: str,
        ctx: _Ctx,
        outer: Command,
        *,
        via: str,
        line: int | None = None,
        offset: int = 0,
        substituted: bool = False,
    ) -> None:
        if ctx.reparse >= MAX_REPARSE:
            self.incomplete = self.incomplete or f"strings run as shell nested deeper than {MAX_REPARSE} levels"
            return
        inner = _Ctx(
            function=ctx.function,
            conditions=ctx.conditions,
            via=via,
            escalation=outer.escalation,
            escalation_line=outer.escalation_line,
            escalation_options=outer.escalation_options,
            wrappers=outer.wrappers,
            line=line if line is not None else ctx.line,
            offset=offset + ctx.offset if line is None else 0,
            depth=ctx.depth + 1,
            reparse=ctx.reparse + 1,
            arms=outer.arms or ctx.arms,
            looped=ctx.looped,
            block=outer.block if line is not None or ctx.line else None,
        )
        saved = (self.words, self._bindings_now, self.inherited)
        if via == "heredoc" or substituted:  # the shell substitutes the script's variables before sh reads it
            now = self._bindings_now
            visible = (now.lookup(name, outer.line) for name in now.by_name)
            self.inherited = (*self.inherited, *(a for a in visible if a is not None))
        self.read(source.encode("utf-8", "surrogateescape"), inner)
        self.words, self._bindings_now, self.inherited = saved

    def _set(self, words: tuple[Word, ...] | list[Word]) -> None:
        values = [w.value or "" for w in words]
        for i, v in enumerate(values):
            if v.startswith("-") and not v.startswith("--") and "e" in v[1:] and v[1:].isalpha():
                self.errexit = True
            if v == "-o" and i + 1 < len(values) and values[i + 1] == "errexit":
                self.errexit = True


# ``[ -e "$path" ]``, ``[[ -d $dir ]]``, ``test -f "${f}"``: true only when the variable names an existing path.
_EXISTENCE_TEST = re.compile(r"""(?:\[\[?|test)\s+-[edfL]\s+"?\$\{?([A-Za-z_]\w*)\}?"?\s*(?:\]\]?)?\s*;?""")


# ``[ "$FLAG" = "1" ]``, ``[[ $FLAG == true ]]``: a variable compared with a literal (one test, nothing else).
# Two literals compared, no expansion on either side: what make leaves of ``[ "$(VKBD)" = "usb-gadget" ]``.
_LITERAL_COMPARISON = re.compile(
    r"""\[\[?\s+("[^"$`\\]*"|'[^']*'|[\w.-]+)\s+(==?|!=)\s+("[^"$`\\]*"|'[^']*'|[\w.-]+)\s+\]\]?;?"""
)
_FLAG_COMPARISON = re.compile(r"""\[\[?\s+"?\$\{?([A-Za-z_]\w*)\}?"?\s+==?\s+("[^"$]*"|'[^']*'|[\w.-]+)\s+\]\]?;?""")


# ``if ! test -d /var/lib/x``, ``if [ ! -d "$DIR" ]``, ``if ! [ -d /run/x ]``: true only when the path is no directory.
_NOT_DIRECTORY_TEST = re.compile(
    r"""(?:!\s*(?:test|\[\[?)\s+-d|(?:test|\[\[?)\s+!\s+-d)\s+("[^"]*"|'[^']*'|[^\s;\]]+)\s*(?:\]\]?)?\s*;?"""
)


def _not_directory_tests(conds: list[Node]) -> tuple[str, ...]:
    """``not-dir:PATH`` for a condition that is a single test that PATH is no directory: a recursive delete of PATH
    under it takes away a file or link in the way, never a folder's contents."""
    named = [c for c in conds if c.is_named]
    if len(named) != 1:
        return ()
    m = _NOT_DIRECTORY_TEST.fullmatch(text(named[0]).strip())
    return (f"not-dir:{m.group(1).strip(chr(34) + chr(39))}",) if m else ()


def _existence_tests(conds: list[Node]) -> tuple[str, ...]:
    """``exists:NAME`` for a condition that is a single test that ``$NAME`` exists, or an ``&&`` list of tests
    holding one (``[[ -n "$d" ]] && [[ -d "$d" ]]``): what runs under it never runs with NAME empty (``[ -e "" ]``
    is false)."""
    named = [c for c in conds if c.is_named]  # tree-sitter gives the ``;`` after the test as a condition too
    if len(named) != 1:
        return ()
    tests = (_EXISTENCE_TEST.fullmatch(text(part).strip()) for part in conjuncts(named[0]))
    return tuple(f"exists:{m.group(1)}" for m in tests if m)


# An unquoted expansion and nothing else: ``$APT_ARGS``, ``${APT_ARGS}``.
_BARE_EXPANSION = re.compile(r"\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})")


def _fields(word: Word) -> list[Word]:
    """The words the shell makes of ``word``: an unquoted expansion of a known value with blanks in it is split
    into fields (``apt-get ${ARGS} dist-upgrade`` with ``ARGS="--yes --allow-unauthenticated"`` passes two
    options); quotes inside the value are not read again, as the shell does not read them."""
    if word.value is None or word.raw[:1] != "$" or not _BARE_EXPANSION.fullmatch(word.raw):
        return [word]
    if len(word.value.split()) < 2:
        return [word]
    return [dataclasses.replace(word, value=field, shape=None, prefix=None) for field in word.value.split()]


def _newline_between(before: Node, after: Node) -> bool:
    return after.start_point[0] > before.end_point[0]


def _line_ends_between(command: Node, before: Node, after: Node) -> bool:
    """Two words of one command node with a line end between them that no backslash continues: the shell ends
    the command there (tree-sitter-bash #347 joins them)."""
    if after.start_point[0] <= before.end_point[0]:
        return False
    start = command.start_byte
    gap = (command.text or b"")[before.end_byte - start : after.start_byte - start]
    return gap.count(b"\n") > gap.count(b"\\\n")


# A value or eval string that starts with a variable (``"${PREFIX}pip …"``, ``$COMMAND``): the variable's name.
_LEADING_VARIABLE = re.compile(r"""^["']?\$\{?([A-Za-z_]\w*)\}?""")
_EVAL_CHAIN = 4  # variables followed from an eval string to the escalator it starts with
# A value that starts with the path a lookup prints: ``$( which curl ) -fsSL`` (the program, the rest).
_LOOKED_UP = re.compile(
    r"""^(?:\$\(|`)\s*(?:command\s+-v|which|type\s+-[pP])\s+["']?([\w-]+)["']?\s*(?:\)|`)(\s.*)?$""", re.S
)
# ``SUDO=$(command -v sudo)``, ``SUDO=`which doas```, ``CERTBOT=$(command -v certbot || true)``: the value is the
# program's path, found at run time.
_ESCALATOR_LOOKUP = re.compile(
    r"""=["']?(?:\$\(|`)\s*(?:command\s+-v|which|type\s+-[pP])\s+["']?([\w-]+)["']?(?:\s[^)`]*)?(?:\)|`)["']?$"""
)


def _shaped_command(assignment: Assignment, name: str, line: int) -> list[Word]:
    """``CMD="psql -b -h $DB_HOST -U $DB_USER"`` then ``$CMD < "$FILE"``: a command line kept in a variable whose
    program is written out and whose arguments are partly known at run time. Its words, the program's literal and
    the run-time ones unknown (their shape kept); none when the program itself is not written out."""
    try:
        parts = shlex.split(assignment.shape or "")
    except ValueError:
        return []
    if len(parts) < 2 or not _PROGRAM_NAME.fullmatch(parts[0]):
        return []
    # each run-time word also names what it expands (``$2`` in ``cmd="curl -o $file $url"`` with ``url="$2"``), so a
    # function that runs the line passes its caller's arguments on as a written ``curl … "$2"`` does
    return [
        Word(
            p,
            None if "$" in p or "`" in p else p,
            line,
            tuple(dict.fromkeys((name, *_SHAPE_NAMES.findall(p)))),
            assignment.line,
            shape=p if "$" in p else None,
        )
        for p in parts
    ]


# The variables a run-time part of a kept command line expands (``$1``, ``${url}``).
_SHAPE_NAMES = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9@*])")


# A value that is one function's output: ``$(check_curl)``, ``\`check_curl\```.
_FUNCTION_OUTPUT = re.compile(r"\$\(\s*([A-Za-z_][\w-]*)\s*\)|`\s*([A-Za-z_][\w-]*)\s*`")
# A program written out at the start of a command line kept in a variable (``psql``, ``/usr/bin/mysql``).
_PROGRAM_NAME = re.compile(r"[A-Za-z0-9_./+-]+")


# Programs that only print or skip the words after them: a variable holding one of them in front of a command is a
# dry-run switch (``DRY=echo`` when ``DRY_RUN`` is set, ``DRY=""`` otherwise).
_DRY_RUN_PREFIXES = frozenset({"echo", "printf", ":", "true"})


def _dry_run_off(candidates: list[Assignment], known: str) -> Assignment | None:
    """``$DRY pip install …`` where the value reaching the line only prints the command (``DRY="echo"``) and another
    assignment of the variable in the file is empty (``DRY=""``): with the switch off the command runs as written,
    so that is the run the script makes on an upgrade. The empty assignment; None when the value is not a printer or
    the variable is never empty."""
    if _first_word(known) not in _DRY_RUN_PREFIXES:
        return None
    return next((a for a in candidates if a.value is not None and not a.value.strip()), None)


def _known_start(assignment: Assignment) -> str | None:
    """The assignment's value; when the value is built at run time but starts with an escalator, the whole words
    written before the first run-time part (``CMD="sudo $CMD"; $CMD`` runs sudo), or the program whose path a
    lookup gives (``maybe_sudo=$(command -v sudo)``, ``CERTBOT=$(command -v certbot)``); else None."""
    if assignment.value is not None:
        return assignment.value
    lookup = _ESCALATOR_LOOKUP.search(assignment.raw)
    if lookup is not None:
        return lookup.group(1)
    start = assignment.prefix or ""
    start = start if start.endswith((" ", "\t")) else start.rpartition(" ")[0]
    return start if _first_word(start) in ESCALATORS else None


_FIND_EXEC = frozenset({"-exec", "-execdir", "-ok", "-okdir"})
# Actions that remove what find selects (``_find_execs``).
_REMOVERS = frozenset({"rm", "rmdir", "unlink", "shred"})


def _find_execs(words: list[Word]) -> Iterator[list[Word]]:
    """The commands of ``find``'s ``-exec … ;``/``-exec … +`` actions, each up to its terminator. The ``{}`` that
    stands for each file found becomes find's first starting point (``find /etc/php*/ … -exec sed -i … {} \\;``
    edits files under ``/etc/php*/``), so what the action writes is read under the tree it walks. A removal keeps
    its ``{}``: it deletes the entries find selects (``-name 'amavis-*' -exec rm -rf {}``: stale work directories),
    not the tree, and reading it as a delete under the starting point would report a data wipe."""
    start = _find_start(words)
    i = 0
    found = None if start is None else _found_under(start)
    while i < len(words):
        if words[i].value in _FIND_EXEC:
            end = next((j for j in range(i + 1, len(words)) if words[j].value in (";", "+")), len(words))
            if end > i + 1:
                action = words[i + 1 : end]
                if found is None or action[0].value in _REMOVERS or _directory_modes(words[:i], action):
                    yield action
                else:
                    yield [dataclasses.replace(found, line=w.line) if w.value == "{}" else w for w in action]
            i = end
        i += 1


def _directory_modes(expression: list[Word], action: list[Word]) -> bool:
    """``find DIR -type d -exec chmod 755 {} \\;``: a mode set on the directories alone, whose execute bit lets a
    user enter them; it makes no file a program, so the ``{}`` is not read as a file under the tree."""
    values = [w.value for w in expression]
    only_dirs = any(a == "-type" and b == "d" for a, b in itertools.pairwise(values))
    return action[0].value == "chmod" and only_dirs and not ({"-o", "-or", ","} & set(values))


def _found_under(start: Word) -> Word:
    """The word for a file ``find`` found under ``start``: ``START/{}``, known as far as ``start`` is."""
    under = start.text.rstrip("/") + "/{}"
    known = start.value is not None
    return Word(
        raw=under,
        value=under if known else None,
        line=start.line,
        expands=start.expands,
        assigned_at=start.assigned_at,
        prefix=start.prefix,
        shape=None if known else under,
    )


def _find_start(words: list[Word]) -> Word | None:
    """find's first starting point: its first operand after the ``-H``/``-L``/``-P`` options and before the
    expression (``-name``, ``(``, ``!``); None when it walks the working directory (no starting point given)."""
    for word in words:
        value = word.value
        if value in ("-H", "-L", "-P"):
            continue
        if value is None or not (value.startswith(("-", "(", "!", ")")) or value == ","):
            return word
        return None
    return None


def _whole_variable(raw: str) -> bool:
    """The word is one variable and nothing else (``$COMMAND``, ``"${CMD}"``)."""
    return re.fullmatch(r'"?\$\{?[A-Za-z_]\w*\}?"?', raw) is not None


def _first_word(value: str) -> str:
    return value.split(None, 1)[0].rsplit("/", 1)[-1] if value.split() else ""


def _generator(value: Node | None) -> str | None:
    """The command whose output a ``$(…)`` value is (``mktemp`` in ``tmp=$(mktemp -d)``)."""
    if value is None:
        return None
    stack = [value]
    seen = 0
    while stack and seen < 64:
        node = stack.pop()
        seen += 1
        if node.type == "command_substitution":
            cmd = next((c for c in node.named_children if c.type == "command"), None)
            name = cmd.child_by_field_name("name") if cmd is not None else None
            if name is None:
                return _fallback_generator(node) or "$(…)"
            return text(name).rsplit("/", 1)[-1]
        stack.extend(node.named_children)
    return None


def _conjunction(conds: list[Node]) -> bool:
    """The test is ``A && B``: its failing tells nothing about either part alone."""
    return any(c.type == "list" and any(op.type == "&&" for op in c.children) for c in conds)


def _fallback_generator(substitution: Node) -> str | None:
    """``$(mktemp -d || mktemp -d -t tmp)``: the one program every ``||`` alternative runs, whose output the value
    is whichever of them succeeded; None for any other list (``$(a && b)``, two programs)."""
    chain = next((c for c in substitution.named_children if c.type == "list"), None)
    if chain is None or any(c.type == "&&" for c in chain.children):
        return None
    names: set[str] = set()
    stack = [chain]
    while stack and len(names) < 2:
        node = stack.pop()
        for child in node.named_children:
            command = _output_kept(child)
            if child.type == "list":
                stack.append(child)
            elif command is not None and (program := command.child_by_field_name("name")) is not None:
                names.add(text(program).rsplit("/", 1)[-1])
            else:
                return None
        if any(c.type == "&&" for c in node.children):
            return None
    return names.pop() if len(names) == 1 else None


# A redirect of a descriptor other than standard output (``2>/dev/null``, ``2>&1``): the command's output stays.
_OTHER_DESCRIPTOR = re.compile(r"[2-9]>")


def _last_statement(body: Node) -> Node:
    """The statement of a list or pipeline that runs last (``c`` of ``a && b | c``): a redirection written after
    the whole belongs to it."""
    tail = body
    while tail.type in ("list", "pipeline"):
        statements = [c for c in tail.named_children if c.type != "comment"]
        if not statements:
            break
        tail = statements[-1]
    return tail


def _output_kept(node: Node) -> Node | None:
    """The command of an alternative whose output is the value: the command itself, or one whose only redirects
    are of other descriptors (``mktemp -d 2>/dev/null``, vix's installer, holdout182); None otherwise (``mktemp -d
    >/dev/null`` leaves the value empty)."""
    if node.type == "command":
        return node
    if node.type != "redirected_statement":
        return None
    body = node.child_by_field_name("body")
    redirects = node.children_by_field_name("redirect")
    if body is None or body.type != "command" or not redirects:
        return None
    return body if all(_OTHER_DESCRIPTOR.match(text(r)) for r in redirects) else None


def _declared_local(node: Node) -> bool:
    """``local unit_dir="${HOME}/.config/systemd/user"``: an assignment made by ``local`` (bash: the name is the
    function's own until it returns, whatever other functions assigned)."""
    parent = node.parent
    if parent is None or parent.type != "declaration_command" or not parent.children:
        return False
    return text(parent.children[0]) == "local"


def _enclosing_function(node: Node) -> str | None:
    current = node.parent
    hops = 0
    while current is not None and hops < MAX_DEPTH:
        if current.type == "function_definition":
            name = current.child_by_field_name("name")
            return text(name) if name is not None else None
        current = current.parent
        hops += 1
    return None


_RETURNS_TRUE = re.compile(r"^return(?:\s+0)?\s*$")
_RETURNS_FALSE = re.compile(r"^return\s+(?:[1-9]\d*|\$\?)\s*;?$")


def _returns(node: Node) -> bool:
    """Whether a branch returns from its function on some path (``{ echo "won't without it"; return; }``)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "command" and text(current).split(maxsplit=1)[:1] == ["return"]:
            return True
        if current.type not in ("function_definition", "command_substitution", "subshell"):
            stack.extend(current.named_children)
    return False


def _predicate_branch(polarity: str, body: list[Node]) -> bool:
    """A uid test's branch that makes its function a root predicate: ``return 0`` for root (``is_root``), or
    ``return 1`` for everyone else (``check_root() { if [ $(id -u) -ne 0 ]; then echo …; return 1; fi; }``, whose
    caller's ``check_root || exit 1`` is then a root check)."""
    if polarity == "root":
        return any(_RETURNS_TRUE.match(text(c)) for c in body)
    return any(_fails(c) for c in body)


def _fails(node: Node) -> bool:
    """``return 1`` after ``check || …`` in a function: the function gives up there, so its later steps run only
    when the check passed (``main() { check_if_running_as_root || return 1; …; }``)."""
    return node.type == "command" and bool(_RETURNS_FALSE.match(text(node).strip()))


_SHEBANG_E = re.compile(rb"^#![^\n]*\s-[a-z]*e")
_SHEBANG_X = re.compile(rb"^#![^\n]*\s-[a-z]*x")
_SHELL_SHEBANG = re.compile(rb"^#![ \t]*\S*/(?:env[ \t]+)?(?:ba|da|a|k|z)?sh(?:[ \t]|\r?\n|$)")
# A statement that reads the previous one's exit status (``[ $? -ne 0 ] && exit 1``, ``rc=$?``, ``${PIPESTATUS[1]}``).
_STATUS_READ = re.compile(r"\$\?|\$\{\?\}|PIPESTATUS")
_SHEBANG_SH = re.compile(rb"^#![ \t]*\S*/(?:env[ \t]+)?(?:sh|dash|ash)(?:[ \t]|\r?\n|$)")


def _check_kind(runs_when: str, ending: str | None) -> str:
    """A uid test's kind (RootCheck) from the branch it guards: one that exits refuses that user (``requires`` root
    when it is the non-root branch); a non-root branch that execs the product hands the run over (``hands_over``:
    the rest runs as root, root is not required); any other ``adapts``."""
    if ending == "exit":
        return "requires" if runs_when == "not-root" else "refuses"
    if ending == "exec" and runs_when == "not-root":
        return "hands_over"
    return "adapts"


def parse_script(source: bytes | str, *, path: str, inherited: tuple[Assignment, ...] = ()) -> Script:
    """The facts of one shell script (bounded: see the module's limits). ``inherited``: variables a file of the
    package sets before this one runs (a library both source), seen as set above the first line."""
    data = source.encode("utf-8", "surrogateescape") if isinstance(source, str) else source
    reader = _Reader(path, inherited)
    reader.errexit = bool(_SHEBANG_E.match(data))
    # a ``.sh`` file with no ``#!`` line at all is run by a shell too (``sh binenv.sh``; holdout153)
    reader.shell_file = bool(_SHELL_SHEBANG.match(data)) or (path.endswith(".sh") and not data.startswith(b"#!"))
    reader.read(data, _Ctx(conditions=(REMOVAL,)) if removal_only_file(path) else _Ctx())
    functions = Names(reader.functions)
    return Script(
        path=path,
        commands=with_removal_functions(live_commands(tuple(reader.commands), functions), functions),
        assignments=tuple(reader.assignments),
        defaults=tuple(reader.defaults.values()),
        root_checks=tuple(reader.root_checks),
        fallbacks=tuple(reader.fallbacks),
        failure_ignored=frozenset(reader.failure_ignored + ([] if reader.errexit else reader.unstopped)),
        failure_stops=frozenset(reader.failure_stops),
        probed_arms=frozenset(reader.probed_arms),
        raised_flags=tuple(reader.raised_flags),
        flag_stops=tuple(reader.flag_stops),
        privilege_guards=tuple(reader.privilege_guards.items()),
        tests=tuple(reader.tests),
        case_subjects=frozenset(reader.case_subjects),
        root_assigned=frozenset(reader.root_assigned),
        runner_escalations=frozenset(reader.runner_escalations),
        functions=functions,
        errexit=reader.errexit,
        xtrace=bool(_SHEBANG_X.match(data)),
        posix_sh=bool(_SHEBANG_SH.match(data)),
        incomplete=reader.incomplete,
        parse_errors=reader.errors,
        lines=data.count(b"\n") + 1,
    )


def _expanded_names(node: Node | None) -> list[str]:
    """The variables a word expands (``"$sum"``, ``${actual}``), not inside its ``$(…)``."""
    names: list[str] = []
    stack = [node] if node is not None else []
    while stack and len(names) < 16:
        current = stack.pop()
        if current.type in ("command_substitution", "process_substitution", "raw_string"):
            continue
        if current.type in ("simple_expansion", "expansion"):
            names.extend(text(c) for c in current.named_children if c.type == "variable_name")
            continue
        stack.extend(current.named_children)
    return names


def _exiting_functions(definitions: list[Node]) -> frozenset[str]:
    """Functions whose body ends the script (``die() { echo "$*"; exit 1; }``), of their ``definitions``."""
    out: set[str] = set()
    for node in definitions[:10_000]:
        name = node.child_by_field_name("name")
        body = node.child_by_field_name("body")
        if name is not None and body is not None and exits(body, frozenset(out)):
            out.add(text(name))
    return frozenset(out)


def commands_named(script: Script, *names: str) -> Iterator[Command]:
    wanted = set(names)
    return (c for c in script.commands if c.name in wanted)


_DOUBLE_QUOTED_ESCAPE = re.compile(r'\\([\\"$`])')


_UNESCAPED_EXPANSION = re.compile(r"(?<!\\)\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))")


def _string_source(word: Word, via: str | None, known: Callable[[str], str | None] | None = None) -> str | None:
    """The text a string run as shell holds: its value; for the command ``su``/``runuser`` run as another user,
    also a double-quoted string with expansions (``su www-data -c "X=$i rake db:migrate"``), as written, the
    expansions left for the inner reading, when it starts with a command written out (not ``"$1"``). (A ``sh -c``
    string with expansions is often a whole detached script built at run time: not read.)"""
    if word.value is not None:
        return word.value
    raw = word.raw
    runs_string = via in ("su -c", "runuser -c") or (via or "").removesuffix(" -c") in SHELLS
    if runs_string and len(raw) >= 2 and raw[0] == raw[-1] == '"':
        body = raw[1:-1]
        if known is not None:
            # the outer shell substitutes its variables first (``VAR='$VAR'`` inside gets the outer value)
            body = _UNESCAPED_EXPANSION.sub(lambda m: _substituted(m, known), body)
        inner = _DOUBLE_QUOTED_ESCAPE.sub(r"\1", body)
        # a command written out, not one passed in (``su "$user" -c "$1"`` runs whatever its caller gives)
        return inner if not inner.lstrip().startswith(("$", "`")) else None
    return None


def _substituted(match: re.Match[str], known: Callable[[str], str | None]) -> str:
    value = known(match.group(1) or match.group(2))
    return match.group(0) if value is None or "\n" in value else value
