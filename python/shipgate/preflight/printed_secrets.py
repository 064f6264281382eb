"""Secrets a script prints to the install log: echo/printf (and functions that print their arguments, a heredoc
``cat`` prints, the edit a ``sed`` without ``-i`` prints: printed_edits) of a secret-named variable, or of one that
carries a secret; what ``set -x`` traces (assignments, tests and commands that expand a secret, a secret option's
run-time value); a file the script wrote a secret into, printed whole (printed_files). A variable given a secret
debconf answer (debconf_answers) is a secret. Not what is written into a file, fed to a program, captured or thrown
away, nor a short piece of it (``${KEY:0:8}``, secret_masks). A secrets file sourced while ``set -x`` traces prints
what it sets (traced_sources)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, at_command, at_line
from shipgate.preflight.debconf_answers import debconf_secrets
from shipgate.preflight.named_secrets import named_elsewhere
from shipgate.preflight.printed_arguments import printed_argument
from shipgate.preflight.printed_edits import edit_script_words
from shipgate.preflight.printed_files import heredoc_words, printed_files
from shipgate.preflight.random_values import random_values
from shipgate.preflight.runners import steps
from shipgate.preflight.secret_labels import labelled_secrets
from shipgate.preflight.secret_masks import masked_only
from shipgate.preflight.secret_uses import secret_uses
from shipgate.preflight.secrets import secret_name
from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.functions import printing_functions
from shipgate.preflight.shell.model import Assignment, Command, Script, Test, Word
from shipgate.preflight.shell.reaching import reaching_assignments
from shipgate.preflight.traced_sources import traced_secret_sources

_PRINTERS = frozenset({"echo", "printf", "print"})
# Set by the shell itself (the working directories): never a secret, whatever their names look like.
_SHELL_SET = frozenset({"PWD", "OLDPWD"})


# Filters whose output is still the script's output: ``echo "$PASSWORD" | tee -a log`` prints it.
_PASS_THROUGH = frozenset({"tee", "cat", "sed", "awk", "tr", "grep", "cut", "head", "tail", "sort", "uniq", "column"})


_EXPANDED = re.compile(r"\$\{?([A-Za-z_]\w*)")
_SUBSTITUTION = re.compile(r"\$\((?:[^()]|\([^()]*\))*\)|`[^`]*`")


# Commands whose output is a path: a variable set only from them holds a directory or a file name, whatever its
# name says (``MY_PWD=`dirname $0```, ``MY_PWD=`cd "$MY_PWD"/.. && pwd```: PWD is the working directory).
_PATH_TOOLS = frozenset({"pwd", "dirname", "basename", "realpath", "readlink", "mktemp"})
_CD_THEN_PWD = re.compile(r"""^["']?(?:`|\$\()\s*cd\b[^`)]*&&\s*pwd\b""")


def _path_valued(name: str, script: Script) -> bool:
    bindings = script.bindings(name)
    return bool(bindings) and all(
        a.generated_by in _PATH_TOOLS or _CD_THEN_PWD.match(a.raw.partition("=")[2]) for a in bindings
    )


# A URL with no user part (``sqlite:///$base/$db``, ``http://$host:$port/``), an absolute path, or a path under a
# directory variable (``"${confDir}/backup.passwd"``: where the password file is, not the password), as assigned.
_NO_SECRET_SHAPE = re.compile(
    r"""^["']?(?:[A-Za-z][A-Za-z0-9+.-]*://[^@\s"'`]*|(?:\$\{?[A-Za-z_]\w*\}?)?/[^@\s"'`]*)["']?$"""
)


def _no_secret_value(name: str, script: Script, command: Command) -> bool:
    """Every value ``command`` may see in ``name`` is a URL without credentials or a path (shell.reaching): the
    ``*)`` item of openstack-pkg-tools' ``case`` echoes ``SQL_CONNECTION="sqlite:///…"``, labelled "db credentials"
    in the message, while its PostgreSQL item (which prints ``XXXXXX`` for the password) holds the password."""
    seen = reaching_assignments(script, name, command)
    return bool(seen) and all(_credential_free(a.raw.partition("=")[2]) and a.generated_by is None for a in seen)


def _credential_free(value: str) -> bool:
    """``value`` is shaped like a URL without a user part or a path, and expands no secret-named variable (a
    ``?token=$TOKEN`` query carries one)."""
    return _NO_SECRET_SHAPE.match(value) is not None and not any(secret_name(v) for v in _EXPANDED.findall(value))


# How many variables deep a printed value is followed to the secret it carries (``opt="--token $TOKEN"``,
# ``args+=("$opt")``, ``for a in "${args[@]}"; do out+=("$a"); done``: three).
_CARRY_DEPTH = 3


def _assigned_text(raw: str) -> str:
    """What an assignment gives its variable: the text after ``=``, or a ``for`` loop's words after ``in``."""
    if raw.startswith("for "):
        words = raw.partition(" in ")[2]
        return re.split(r";|\n|\sdo\b", words, maxsplit=1)[0]
    return raw.partition("=")[2]


def _carried_secret(name: str, script: Script, command: Command) -> str | None:
    """A secret-named variable that ``name``'s value is built from (``START="agent start --token $TOKEN"``): printing
    ``$START`` prints the token. Followed through the variables (and loop variables) it is built from, as written in
    the assignments ``command`` may see (shell.reaching: the ``sqlite:///…`` value a ``case`` item assigns and echoes
    carries no password another item's value has), up to ``_CARRY_DEPTH`` levels."""
    seen = {name}
    level = [name]
    for _ in range(_CARRY_DEPTH):
        following: list[str] = []
        for current in level:
            for a in reaching_assignments(script, current, command):
                # a command substitution's words are the command's arguments, not the value (``R="$(curl -u "$PW"
                # …)"`` holds the server's answer)
                for m in _EXPANDED.finditer(_SUBSTITUTION.sub("", _assigned_text(a.raw))):
                    inner = m.group(1)
                    if inner in seen or inner in _SHELL_SET or _path_valued(inner, script):
                        continue
                    if _no_secret_value(inner, script, command):
                        continue  # a password file's path (``"${PW_FILE:-${pwFileDefault}}"``), not the password
                    if secret_name(inner):
                        return inner
                    seen.add(inner)
                    following.append(inner)
        level = following
    return None


def _output_discarded(command: Command, script: Script) -> bool:
    """The output goes nowhere a log sees: ``echo "$PW" >/dev/null``, or ``echo "$TOKEN" | tee FILE > /dev/null``
    (the pipeline's last command, whose redirection that is, throws tee's copy to standard output away). A
    redirection of standard error only (``2>/dev/null``) leaves the value printed."""
    last = _last_stage(command, script)
    return _discards(command) or (last is not None and _discards(last))


def _last_stage(command: Command, script: Script) -> Command | None:
    """The last command of the pipeline ``command`` feeds (``tee FILE`` of ``echo "$T" | tee FILE``), if any."""
    if not command.piped_to:
        return None
    before = (*command.piped_from, command.name or "?", *command.piped_to[:-1])
    return next(
        (
            c
            for c in script.commands
            if c.line >= command.line and c.name == command.piped_to[-1] and c.piped_from == before
        ),
        None,
    )


def _discards(command: Command) -> bool:
    """``command``'s standard output is redirected to ``/dev/null``."""
    return any(
        r.op in (">", ">>", "&>", "&>>", ">|")
        and r.fd in (None, "1")
        and r.target is not None
        and r.target.text == "/dev/null"
        for r in command.redirects
    )


def _stdout_to_file(command: Command) -> bool:
    """``make_config > /etc/app.conf``: the command's standard output is written into a file (not ``/dev/*``)."""
    return any(
        r.op in (">", ">>", "&>", "&>>", ">|")
        and r.fd in (None, "1")
        and r.target is not None
        and not r.target.text.startswith("/dev/")
        for r in command.redirects
    )


def _returned_to_caller(command: Command, script: Script) -> bool:
    """``command`` prints inside a function whose every call keeps its output: ``x="$(make_config …)"`` (the
    function's return value, kept in a variable: a start script returning the temporary config file's path so) or
    ``generate_configuration … > "$ETCDIR/temboard.conf"`` (written into a file: temBoard's installer, whose
    heredoc holds the cookie secret). A function called once otherwise prints to the log."""
    if command.function is None or any(r.op == ">&" and r.fd in (None, "1") for r in command.redirects):
        return False  # ``echo "$PW" >&2`` inside it goes to the log whoever captures the function's output
    calls = [c for c in script.commands if c.name == command.function and c.function != command.function]
    return bool(calls) and all("captured" in c.conditions or _stdout_to_file(c) for c in calls)


def _reaches_log(command: Command, script: Script) -> bool:
    """What ``command`` prints reaches the install log: not written into a file, fed to a program that reads it
    (``echo "$KEY" | wg pubkey``), read by ``$(…)`` (``--pwfile=<(echo "$PW")``), thrown away or handed back to a
    caller that keeps it."""
    if command.writes() or (command.piped_to and not set(command.piped_to) <= _PASS_THROUGH):
        return False
    if "captured" in command.conditions or _output_discarded(command, script):
        return False
    return not _returned_to_caller(command, script)


def _printed_secret(
    command: Command, script: Script, printers: dict[str, frozenset[str]]
) -> tuple[str, int] | None:
    """The secret-named variable ``command`` prints and the line it is printed on: as an echo/printf operand, as
    an argument a function prints (``say "pw: $PASSWORD"`` with ``say() { echo "$1"; }``), in the heredoc a
    ``cat`` prints (on the heredoc's line that holds it), or in the script of a ``sed`` that prints its edit."""
    if command.name in printers:
        printed = printers[command.name]
        words = [w for i, w in enumerate(command.words, 1) if "@" in printed or str(i) in printed]
    elif command.name in _PRINTERS:
        words = operands(command)
    elif command.name == "cat" and not command.words:
        words = heredoc_words(command)
    elif command.name == "sed":
        words = edit_script_words(command)  # the edited text sed prints (printed_edits)
    else:
        return None
    name = (_secret_in(words, command, script) or printed_argument(words, command, script)) if words else None
    if name is None or not _reaches_log(command, script):
        return None
    if command.name != "cat":
        return name, command.line
    return name, next(w.line for w in words if _secret_in([w], command, script) is not None)


# A database connection URL or DSN named so (``DATABASE_URL``, ``CMD_DB_URL``, ``SQLALCHEMY_DATABASE_URI``,
# ``PG_DSN``): by the twelve-factor convention it carries the account's ``user:password@``, so printing it prints
# the password, unless every value the script gives it is a URL without a user part (``_no_secret_value``).
_CONNECTION_URL_NAME = re.compile(r"(?i)(?:DATABASE|DB)_?UR[LI]$|(?:^|_)DSN$")


def _secret_in(words: list[Word], command: Command, script: Script) -> str | None:
    """The first secret ``command`` prints among ``words``: secret-named (or named as a database connection URL),
    used as a secret, generated as one, carried from one, or named one by the message (secret_labels)."""
    for word in words:
        labelled = labelled_secrets(word, random_values(script))
        for name in word.expands:
            if name in _SHELL_SET or _path_valued(name, script) or _no_secret_value(name, script, command):
                continue
            if masked_only(name, word.raw):
                continue
            if name in labelled or secret_name(name) or _CONNECTION_URL_NAME.search(name):
                return name
            if name in secret_uses(script) or name in debconf_secrets(script):
                return name
            if named_elsewhere(name, script, command):
                return name
            carried = _carried_secret(name, script, command)
            if carried is not None:
                return carried
    return None


def _xtrace_from(script: Script) -> int | None:
    """The line from which the script traces every command it runs (``set -x``, ``set -eux``, ``set -o xtrace``
    at top level, or ``-x`` in the ``#!`` line: from line 1), None when it never does (or switches tracing off
    again with ``set +x``). A ``set`` inside ``( … )`` or ``$(…)`` sets the subshell's options only: ``( set -x;
    ls -A )`` traces ``ls``, not the script."""
    start: int | None = 1 if script.xtrace else None
    for command in script.commands:
        if command.name != "set" or command.function is not None:
            continue
        if "subshell" in command.conditions or "captured" in command.conditions:
            continue
        args = command.args
        on = any(a.startswith("-") and not a.startswith("--") and "x" in a for a in args) or "xtrace" in args[1:2]
        off = any(a.startswith("+") and "x" in a for a in args)
        if on and start is None and not (args[:1] == ("-o",) and "xtrace" not in args):
            start = command.line
        if off:
            return None
    return start


def _switched_off(script: Script) -> Callable[[str | None, int], bool]:
    """Whether a line of a function runs after that function switched tracing off (``{ set +x; } 2>/dev/null``
    before it reads a secret) and before it switched it on again (a ``set -x`` right before ``return`` switches
    it on for the caller only)."""
    toggles: dict[str, list[tuple[int, bool]]] = {}
    commands = script.commands
    for i, command in enumerate(commands):
        if command.name == "set" and command.function is not None:
            off = any(a.startswith("+") and "x" in a for a in command.args)
            on = any(a.startswith("-") and not a.startswith("--") and "x" in a for a in command.args)
            leaves = i + 1 < len(commands) and commands[i + 1].name in ("return", "exit")
            if off or (on and not leaves):
                toggles.setdefault(command.function, []).append((command.line, off))

    def off_at(function: str | None, line: int) -> bool:
        before = [off for at, off in toggles.get(function or "", ()) if at < line]
        return bool(before) and before[-1]

    return off_at


# A path under a directory variable (``key="$SCRIPTS_PATH"/setup/signing-key.asc``): where a key file is, not a key.
_PATH_VALUE = re.compile(r"""^["']?\$\{?\w+\}?["']?(?:/["']?[\w.@+-]+["']?)+$""")


def _traced_secrets(script: Script) -> Iterator[Assignment]:
    """Secret-named variables assigned a run-time value while ``set -x`` traces, and any variable whose value expands
    one: the trace prints the value (not when the value is a path under a directory variable: the trace shows where
    the file is)."""
    start = _xtrace_from(script)
    if start is None:
        return
    off_at = _switched_off(script)
    for a in script.assignments:
        path = _PATH_VALUE.match(a.raw.partition("=")[2])
        if off_at(a.function, a.line):
            continue
        expands = _expands_secret(a)  # run-time even when the parser filled in the expansion's literal default
        secret = secret_name(a.name) or a.name in debconf_secrets(script) or expands
        if a.line > start and (a.value is None or expands) and secret and a.name not in _SHELL_SET and not path:
            yield a


# ``$NAME`` / ``${NAME…}`` in an assignment's value (not ``${#NAME}``, the length).
_EXPANSION = re.compile(r"\$\{?([A-Za-z_]\w*)")


def _expands_secret(a: Assignment) -> bool:
    """The value expands a secret-named variable (``URL=postgres://u:${DB_PASSWORD}@db/x``): the trace of the
    assignment shows the secret expanded, whatever the assigned name."""
    names = _EXPANSION.findall(a.raw.partition("=")[2])
    return any(secret_name(name) and name not in _SHELL_SET for name in names)  # ``${PWD}`` is the directory


def _path_only_names(script: Script) -> set[str]:
    """Variables only ever set to a path under a directory variable (``REGISTRY_AUTH_KEY="${dir}/server.key"``):
    they name where a key file is, not a key, in a traced command or test alike."""
    return {a.name for a in script.assignments if _PATH_VALUE.match(a.raw.partition("=")[2])} - {
        a.name for a in script.assignments if not _PATH_VALUE.match(a.raw.partition("=")[2])
    }


def _traced_commands(script: Script) -> Iterator[tuple[Command, str]]:
    """Commands ``set -x`` traces with a secret-named variable expanded in their words (``initdb
    --pwfile=<(echo "$POSTGRES_PASSWORD")``, ``mysql -p"$DB_PASSWORD"``): the trace prints the value, each time
    a command takes it."""
    start = _xtrace_from(script)
    if start is None:
        return
    paths = _path_only_names(script)
    answers = debconf_secrets(script)
    off_at = _switched_off(script)
    for command in script.commands:
        if command.line <= start or command.name == "set" or off_at(command.function, command.line):
            continue
        if "untraced" in command.conditions:  # its group's stderr, where the trace goes, is /dev/null
            continue
        for word in command.words:
            name = next((n for n in word.expands if _traced_secret(n, answers, paths)), None)
            if name is not None:
                yield command, name
                break


def _traced_secret(name: str, answers: frozenset[str], paths: set[str]) -> bool:
    """Whether a traced word's ``$name`` prints a secret: secret-named or a secret debconf answer, not a path."""
    return name not in _SHELL_SET and (secret_name(name) or name in answers) and name not in paths


def _traced_tests(script: Script, skip: set[str]) -> Iterator[tuple[Test, str]]:
    """``[ -n "$IPINFO_APIKEY" ]`` while ``set -x`` traces: the trace shows the test with the value expanded."""
    start = _xtrace_from(script)
    if start is None:
        return
    off_at = _switched_off(script)
    skip = skip | _path_only_names(script)
    for test in script.tests:
        if test.line <= start or off_at(test.function, test.line):
            continue
        name = next((n for n in test.expands if n not in _SHELL_SET and secret_name(n) and n not in skip), None)
        if name is not None:
            yield test, name


# A long option named for a secret given a run-time value (``--rcon-password "$(cat …)"``, ``--token=$1``); not
# one that names where the secret is or how it is read (``--password-file``, ``--password-stdin``).
_SECRET_OPTION = re.compile(r"""--([\w-]+)(?:=|\s+)["']?\$""")


def _secret_option(text: str) -> str | None:
    for m in _SECRET_OPTION.finditer(text):
        name = m.group(1)
        if secret_name(name) and not name.endswith(("-stdin", "-file")):
            return name
    return None


def _traced_options(script: Script) -> Iterator[tuple[int, str, str, Command | None]]:
    """Assignments (an argument array) and commands ``set -x`` traces with a secret-named option's run-time value
    in them: the trace prints the value whatever variable or substitution holds it."""
    start = _xtrace_from(script)
    if start is None:
        return
    off_at = _switched_off(script)
    for a in script.assignments:
        option = _secret_option(a.shape if a.shape is not None else a.raw.partition("=")[2])
        if a.line > start and option is not None and not off_at(a.function, a.line):
            yield a.line, a.raw, option, None
    for c in script.commands:
        if c.line <= start or c.name == "set" or off_at(c.function, c.line) or "untraced" in c.conditions:
            continue
        option = _secret_option(" ".join(w.raw for w in c.words))
        if option is not None:
            yield c.line, c.text, option, c


def _tracing(path: str, script: Script) -> Iterator[Finding]:
    """``secret_printed`` for what ``set -x`` traces: assignments of secrets (once), tests and commands that
    expand one; when none does, the first assignment or command that gives a secret-named option a run-time value
    (the trace is counted once per script)."""
    named = list(_traced_names(path, script))
    yield from named
    first = [] if named else sorted(_traced_options(script), key=lambda traced: traced[0])[:1]
    for line, text, option, command in first:
        message = f"set -x traces --{option} with its value expanded: the secret is printed to the install log"
        remedy = "Switch tracing off (set +x) around commands that take secrets, or pass them in a file."
        if command is not None:
            yield at_command(
                "preflight.secret_printed",
                Severity.MEDIUM,
                path=path,
                command=command,
                variable=option,
                message=message,
                remedy=remedy,
            )
        else:
            yield at_line(
                "preflight.secret_printed",
                Severity.MEDIUM,
                path=path,
                line=line,
                text=text,
                variables=[option],
                message=message,
                remedy=remedy,
            )


def _traced_names(path: str, script: Script) -> Iterator[Finding]:
    """The findings for secret-named variables ``set -x`` traces."""
    traced = list(_traced_secrets(script))
    if traced:
        names = ", ".join(dict.fromkeys(f"${a.name}" for a in traced))
        yield at_line(
            "preflight.secret_printed",
            Severity.MEDIUM,
            path=path,
            line=traced[0].line,
            text=traced[0].raw,
            variables=[a.name for a in traced],
            message=f"set -x traces the assignments of {names}: their values are printed to the install log",
            remedy="Switch tracing off (set +x) around secrets, or read them from a file only their owner can read.",
        )
    traced_names = {a.name for a in traced}
    for test, expanded in _traced_tests(script, traced_names):
        yield at_line(
            "preflight.secret_printed",
            Severity.MEDIUM,
            path=path,
            line=test.line,
            text=test.text,
            variable=expanded,
            message=f"set -x traces this test with ${expanded} expanded: the value is printed to the install log",
            remedy="Switch tracing off (set +x) around tests of secrets.",
        )
    for command, expanded in _traced_commands(script):
        if expanded in traced_names:
            continue  # reported once, where the trace prints its assignment
        yield at_command(
            "preflight.secret_printed",
            Severity.MEDIUM,
            path=path,
            command=command,
            variable=expanded,
            message=f"set -x traces this command with ${expanded} expanded: the value is printed to the install log",
            remedy="Switch tracing off (set +x) around commands that take secrets, or pass them in a file only "
            "their owner can read.",
        )


def scan(ctx: Context) -> Iterator[Finding]:
    for path, script in steps(ctx):
        printers = printing_functions(script)
        direct: list[Finding] = []
        for command in script.commands:
            printed = _printed_secret(command, script, printers)
            if printed is not None:
                direct.append(_secret_printed(path, dataclasses.replace(command, line=printed[1]), printed[0], ""))
        traced = [*_not_printed_already(_tracing(path, script), direct), *_traced_sources(path, script)]
        yield from _one_per_trace(path, script, traced)
        yield from direct
        yield from _printed_files(path, script)


def _one_per_trace(path: str, script: Script, traced: list[Finding]) -> Iterator[Finding]:
    """One ``secret_printed`` for everything a ``set -x`` trace prints, however many lines print a secret (the corpus
    README's labelling rule, session 30): at the ``set -x`` that starts the trace, the line to change; under a ``#!…
    -x`` line, at the first traced line that prints one. The message names every traced line."""
    located = sorted((f for f in traced if isinstance(f.evidence.get("line"), int)), key=lambda f: f.evidence["line"])
    if not located:
        return
    lines = list(dict.fromkeys(int(f.evidence["line"]) for f in located))
    variables = list(dict.fromkeys(v for f in located for v in _traced_variables(f)))
    start = _xtrace_from(script)
    switch = next((c for c in script.commands if c.line == start and c.name == "set"), None)
    if switch is None:
        first = located[0]
        more = f" (the trace also prints secrets on lines {', '.join(map(str, lines[1:]))})" if lines[1:] else ""
        yield dataclasses.replace(first, message=first.message + more)
        return
    yield at_line(
        "preflight.secret_printed",
        Severity.MEDIUM,
        path=path,
        line=switch.line,
        text=switch.text,
        variables=variables,
        traced_lines=lines,
        message=f"set -x traces secrets ({', '.join(f'${v}' for v in variables)}) on lines "
        f"{', '.join(map(str, lines))}: their values are printed to the install log",
        remedy="Switch tracing off (set +x) around secrets, or read them from a file only their owner can read.",
    )


def _traced_variables(finding: Finding) -> list[str]:
    """The variables (or option names) a trace finding names; not the ``source``/``.`` of a traced secrets file."""
    named = finding.evidence.get("variables") or [finding.evidence.get("variable")]
    return [str(v) for v in named if v and v not in ("source", ".")]


def _not_printed_already(traced: Iterator[Finding], direct: list[Finding]) -> Iterator[Finding]:
    """The trace of a command whose own output prints the same secret (``echo "TOKEN: ${TOKEN}"`` under ``-x``):
    one line, one value, one log: the print is reported, its trace adds nothing. A trace of another variable on
    that line, or of the same variable on another line, is still its own finding."""
    printed = {(f.evidence.get("line"), f.evidence.get("variable")) for f in direct}
    for finding in traced:
        if (finding.evidence.get("line"), finding.evidence.get("variable")) not in printed:
            yield finding


def _traced_sources(path: str, script: Script) -> Iterator[Finding]:
    """``secret_printed`` for a secrets file sourced while ``set -x`` traces (traced_sources)."""
    start = _xtrace_from(script)
    if start is None:
        return
    for command in traced_secret_sources(script, start, _switched_off(script)):
        yield at_command(
            "preflight.secret_printed",
            Severity.MEDIUM,
            path=path,
            command=command,
            variable=command.words[0].text,
            message=f"set -x traces every command {command.words[0].text} runs when sourced: its secrets are "
            "printed, values expanded, to the log",
            remedy="Switch tracing off (set +x) before sourcing a secrets file, and on again after it.",
        )


def _printed_files(path: str, script: Script) -> Iterator[Finding]:
    """``cat FILE`` of a file the script wrote a secret into (printed_files)."""
    for printed in printed_files(
        script, lambda words, command: _secret_in(words, command, script), lambda command: _reaches_log(command, script)
    ):
        if printed.written_at is None:
            where = f" (the file {printed.path}, named for a secret)"
        else:
            where = f" in {printed.path} (written with it on line {printed.written_at})"
        yield _secret_printed(path, printed.printer, printed.name, where)


def _secret_printed(path: str, command: Command, name: str, where: str) -> Finding:
    return at_command(
        "preflight.secret_printed",
        Severity.MEDIUM,
        path=path,
        command=command,
        variable=name,
        message=f"prints ${name}{where} to the output, which ends up in the install log",
        remedy="Write the secret to a file readable only by its owner (0600) and print where it is, not its value.",
    )
