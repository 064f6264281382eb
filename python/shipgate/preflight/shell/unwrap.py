"""Wrappers removed the way the shell and the wrapper itself read their arguments: ``sudo -u x -- cmd``,
``env A=1 cmd``, ``timeout 5 cmd``, ``xargs -I{} cmd``… and the commands that run a string as shell
(``sh -c``, ``su -c``, ``eval``, ``ssh host CMD``). Each wrapper's options that take a value are listed, so
the value is not mistaken for the command."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from shipgate.preflight.shell.model import Word

ESCALATORS = frozenset({"sudo", "doas", "pkexec", "su", "runuser", "run0"})
SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash", "mksh", "busybox"})
# Commands a script runs behind a prefix variable whose value this file does not set (``$STD apt-get install x``
# with ``STD`` from a sourced library, ``$INSTALL_CMD_PREFIX yum install x`` with an empty default): the prefix
# is a quiet/echo/sudo switch, the command after it is what runs.
PREFIXED_COMMANDS = frozenset(
    {
        *ESCALATORS,
        "apt-get",
        "apt",
        "aptitude",
        "dpkg",
        "yum",
        "dnf",
        "microdnf",
        "zypper",
        "apk",
        "pacman",
        "rpm",
        "pip",
        "pip3",
        "npm",
        "curl",
        "wget",
        "git",
        "systemctl",
        "service",
        "docker",
        "useradd",
        "groupadd",
        "usermod",
        "chown",
        "chmod",
        "mkdir",
        "cp",
        "mv",
        "ln",
        "rm",
        "tar",
        "sed",
        "tee",
        "debconf-set-selections",
    }
)

# ssh's options that take a value: the word after one is not the host (OpenSSH's ssh(1) synopsis).
SSH_VALUE_OPTIONS = frozenset(
    {"-p", "-i", "-l", "-o", "-F", "-J", "-L", "-R", "-D", "-b", "-c", "-E", "-e", "-m", "-O", "-Q", "-S"}
) | {"-W", "-w", "-B", "-I"}
# wrapper -> options that consume the next word (short forms; long forms "--x=v" carry their value)
_VALUE_OPTIONS: dict[str, frozenset[str]] = {
    # sudo(8)'s options that take a value, short and long
    "sudo": frozenset({"-u", "-g", "-h", "-p", "-C", "-U", "-r", "-t", "-T", "-D", "-R"})
    | frozenset({"--user", "--group", "--host", "--prompt", "--close-from", "--chdir", "--role", "--type"})
    | frozenset({"--command-timeout", "--other-user", "--chroot"}),
    "doas": frozenset({"-u", "-C"}),
    "pkexec": frozenset({"--user"}),
    "runuser": frozenset({"-u", "-g", "-G", "-s", "--user", "--group", "--shell"}),
    "run0": frozenset({"-u", "--user", "-D", "--chdir"}),
    "env": frozenset({"-u", "-C", "-S", "--unset", "--chdir", "--split-string"}),
    "nohup": frozenset(),
    "exec": frozenset({"-a"}),
    "time": frozenset({"-f", "-o"}),
    "command": frozenset(),
    "builtin": frozenset(),
    "nice": frozenset({"-n", "--adjustment"}),
    "ionice": frozenset({"-c", "-n", "-p", "-P", "-u"}),
    "timeout": frozenset({"-s", "-k", "--signal", "--kill-after"}),
    "stdbuf": frozenset({"-i", "-o", "-e"}),
    "setsid": frozenset(),
    "xargs": frozenset({"-I", "-n", "-P", "-d", "-E", "-L", "-s", "-a", "--max-args", "--max-procs", "--delimiter"}),
    "flock": frozenset({"-w", "-E", "--timeout", "--conflict-exit-code"}),
    "chroot": frozenset({"--userspec", "--groups"}),
    "gosu": frozenset(),
    "su-exec": frozenset(),
    "chpst": frozenset({"-u", "-U", "-e", "-n", "-l", "-L", "-m", "-d", "-o", "-p", "-f", "-c", "-r", "-t"}),
    "unbuffer": frozenset(),
    # container init wrappers: they run their operand as the child they reap
    "dumb-init": frozenset({"-r", "--rewrite"}),
    "tini": frozenset({"-p", "-e"}),
    "caffeinate": frozenset(),
    "ssh": SSH_VALUE_OPTIONS,
    # commands run inside a container or an image's tree: they act there, not on the host (CONTAINER_RUNNERS)
    "systemd-nspawn": frozenset(
        {
            "-D", "--directory", "-i", "--image", "-M", "--machine", "-u", "--user", "-E", "--setenv", "--bind",
            "--bind-ro", "--tmpfs", "--overlay", "--overlay-ro", "--network-interface", "--network-macvlan",
            "--network-ipvlan", "--network-bridge", "--network-zone", "--network-veth-extra", "-p", "--port",
            "--capability", "--drop-capability", "--chdir", "--private-users", "--uuid", "-S", "--slice",
            "--property", "--register", "--link-journal", "--resolv-conf", "--timezone", "--console", "--template",
            "--hostname", "--personality", "--kill-signal", "--rlimit", "--load-credential", "--set-credential",
            "--bind-user", "--inaccessible", "--system-call-filter", "--pivot-root", "--oci-bundle",
        }
    ),
    "lxc-attach": frozenset({"-n", "--name", "-P", "--lxcpath", "-s", "--namespaces", "-v", "--set-var", "-u", "-g"}),
}  # fmt: skip
# Wrappers whose first operand is not the command: (how many operands to skip).
_OPERANDS = {"timeout": 1, "flock": 1, "chroot": 1, "gosu": 1, "su-exec": 1, "ssh": 1}
# Programs that run their command inside a container (``pct exec 101 -- cmd``, ``lxc exec web -- cmd``,
# ``systemd-nspawn -D dir cmd``, ``lxc-attach -n web -- cmd``): the command acts on the container, as its root.
CONTAINER_RUNNERS = frozenset({"pct", "lxc", "incus", "lxc-attach", "systemd-nspawn"})


@dataclass
class Unwrapped:
    words: list[Word]
    escalation: str | None = None
    escalation_line: int | None = None
    escalation_options: tuple[str, ...] = ()  # the first escalator's options (``sudo -k -E``: -k, -E)
    wrappers: list[str] = field(default_factory=list)
    env: list[tuple[str, Word]] = field(default_factory=list)
    interpret: Word | None = None  # a string the shell runs as a script
    via: str | None = None


_FILE_NAME = re.compile(r"[\w.+-]+")
# A program path written as a variable then literal components: ``"${dir}/occ"``, ``$VENV/bin/pip``.
_RUN_TIME_DIRECTORY = re.compile(r"(\"?)\$\{?\w+\}?(?:/[\w.+-]+)+\1")


def base(word: Word) -> str | None:
    """The program's file name; for a path whose directory is known only at run time (``$VENV/bin/pip``,
    ``"${PYTHONDIR}/bin/pip"``), the literal name after its last slash, also when the directory's variable holds a
    command's output (``dir="$(readlink -f "$1")"`` then ``"${dir}/occ"``: the shape has the command's words, the
    word as written ends in ``/occ``)."""
    value = word.value
    shape = word.shape
    if value is None and shape is not None and "/" in shape and not any(c.isspace() for c in shape):
        name = shape.rpartition("/")[2]
        value = name if _FILE_NAME.fullmatch(name) else None
    if value is None and _RUN_TIME_DIRECTORY.fullmatch(word.raw):
        value = word.raw.rpartition("/")[2].rstrip("\"'")
    if value is None or not value or "\n" in value:
        return None
    return value.rpartition("/")[2] or None  # posixpath.basename


def unwrap(words: list[Word]) -> Unwrapped:
    """Peels wrappers off ``words`` (argv) until the real command is first; bounded by the word count."""
    out = Unwrapped(words=list(words))
    for _ in range(len(words) + 1):
        if not out.words:
            return out
        name = base(out.words[0])
        if name is None:
            if not _app_run(out):
                return out
            continue
        if name in ("sudo", "doas", "pkexec", "run0") or (name == "runuser" and "-c" not in _values(out.words)):
            _escalate(out, name)
            if not _skip_options(out, name):
                return out
        elif name in ("su", "runuser"):
            _escalate(out, name)
            _su(out, name)
            return out
        elif name in SHELLS and _shell_string(out, name):
            return out
        elif name == "eval":
            _eval(out)
            return out
        elif name == "ssh":
            _ssh(out)
            return out
        elif name == "command" and len(out.words) > 1 and (out.words[1].value or "").startswith("-v"):
            return out  # command -v x: a lookup, not a run
        elif name in ("pct", "lxc", "incus"):
            if not _container_exec(out, name):
                return out
        elif name in _VALUE_OPTIONS:
            out.wrappers.append(name)
            if not _skip_options(out, name):
                return out
        else:
            return out
    return out


# A program named only by a variable this file does not set (``${CLI}``, ``"$APP"``).
_WHOLE_VARIABLE = re.compile(r"""^["']?\$\{?[A-Za-z_]\w*\}?["']?$""")


def _app_run(out: Unwrapped) -> bool:
    """``${CLI} run bundle install``: an application's command-line tool (packaged apps ship one, named by a
    variable the packaging sets) whose ``run`` subcommand runs the rest of its arguments as a command in the app's
    environment and directory, through a shell (packager.io's apps). The rest is the command; ``${CLI} config:set
    X=1`` runs nothing."""
    words = out.words
    if len(words) < 3 or words[0].value is not None or not _WHOLE_VARIABLE.match(words[0].raw):
        return False
    if words[1].value != "run" or not words[2].value or words[2].value.startswith("-"):
        return False
    out.wrappers.append("run")
    # the tool hands its words to a shell, which splits a quoted list (``${CLI} run rake "db:migrate db:seed"``)
    # (a shell it runs keeps its ``-c`` string whole, as written)
    whole = base(words[2]) in SHELLS
    out.words = words[2:] if whole else [part for word in words[2:] for part in _split_fields(word)]
    return True


def _split_fields(word: Word) -> list[Word]:
    """A word whose known value holds blanks, as the fields a shell reading it makes."""
    if word.value is None or len(word.value.split()) < 2:
        return [word]
    return [replace(word, raw=field, value=field, shape=None, prefix=None) for field in word.value.split()]


def _values(words: list[Word]) -> list[str]:
    return [w.value or "" for w in words]


def _escalate(out: Unwrapped, name: str) -> None:
    if out.escalation is None:
        out.escalation = name
        first = out.words[0]
        out.escalation_line = first.assigned_at or first.line
        out.escalation_options = tuple(
            _su_arguments(out.words[1:]) if name == "su" else _leading_options(name, out.words[1:])
        )
    out.wrappers.append(name)


def _su_arguments(words: list[Word]) -> list[str]:
    """``su``'s own words without the command string: its options and the account (``su -c CMD -s /bin/sh
    nobody``: -c, -s, /bin/sh, nobody) — util-linux su takes options after the account too."""
    out: list[str] = []
    skip = False
    for word in words:
        value = word.value or ""
        if skip:
            skip = False
            continue
        if value in ("-c", "--command"):
            out.append(value)
            skip = True
        elif not value.startswith("--command="):
            out.append(value)
    return out


def _leading_options(name: str, words: list[Word]) -> list[str]:
    """The option words before a wrapper's command (``sudo -k -u www-data cmd``: -k, -u; not the values)."""
    takes_value = _VALUE_OPTIONS.get(name, frozenset())
    options: list[str] = []
    value_next = False
    for word in words:
        value = _option_text(word)
        if value_next:
            value_next = False
        elif value.startswith("-") and value not in ("-", "--"):
            options.append(value)
            value_next = _takes_next(value, takes_value)
        else:
            break
    return options


# A long option whose attached value is known only at run time (``--preserve-env=$SETUP_ENVS``): the word's known
# start is the option and its ``=``, so the word is that option with its value, not the wrapped command.
_LONG_OPTION_START = re.compile(r"--[A-Za-z][\w-]*=")


def _takes_next(option: str, takes_value: frozenset[str]) -> bool:
    """The word after ``option`` is its value (see ``value_option``)."""
    found = _value_option(option, takes_value)
    return found is not None and found[1] is None


def value_option(name: str, option: str) -> tuple[str, str | None] | None:
    """The option of wrapper ``name`` that takes a value in this word, and the value the word carries (None: the
    value is the next word): ``-u`` for ``-u`` and for a short-option cluster whose first value-taking letter is
    its last (getopt(3): ``sudo -iu www-data`` is ``-i -u www-data``), ``("-u", "www")`` for ``-uwww``,
    ``("--user", "x")`` for ``--user=x``; None when the word takes no value."""
    return _value_option(option, _VALUE_OPTIONS.get(name, frozenset()))


def _value_option(option: str, takes_value: frozenset[str]) -> tuple[str, str | None] | None:
    if option in takes_value:
        return option, None
    if option.startswith("--"):
        head, equals, tail = option.partition("=")
        return (head, tail) if equals and head in takes_value else None
    if len(option) < 3 or not option.startswith("-"):
        return None
    for at, letter in enumerate(option[1:], start=1):
        if f"-{letter}" in takes_value:
            return f"-{letter}", option[at + 1 :] or None
        if not letter.isalnum():
            return None
    return None


def _option_text(word: Word) -> str:
    """The word's value, or for a long option carrying a run-time value the option's known start; else empty."""
    if word.value is not None:
        return word.value
    known = word.prefix or ""
    return known if _LONG_OPTION_START.match(known) else ""


# An environment assignment given on the command line: ``env VAR=value cmd``, and ``sudo [options] VAR=value cmd``
# (sudo(8): variables set this way pass to the command it runs).
_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*=")


def _sets_variable(name: str, value: str) -> bool:
    """``value`` is a ``VAR=value`` word that ``env`` or ``sudo`` takes as an environment setting, not the command."""
    if name == "env":
        return "=" in value and not value.startswith(("-", "="))
    return name == "sudo" and _ASSIGNMENT.match(value) is not None


def _skip_options(out: Unwrapped, name: str) -> bool:
    """Drops the wrapper, its options and operands; False when no command is left."""
    takes_value = _VALUE_OPTIONS.get(name, frozenset())
    rest = out.words[1:]
    i = 0
    while i < len(rest):
        value = _option_text(rest[i])
        if value == "--":
            i += 1
            break
        if _sets_variable(name, value):
            key, _, _ = value.partition("=")
            out.env.append((key, rest[i]))
            i += 1
            continue
        if not value.startswith("-") or value == "-":
            break
        i += 2 if _takes_next(value, takes_value) else 1
    i += _OPERANDS.get(name, 0)
    if i >= len(rest):
        out.words = out.words[:1]  # "sudo -v", "sudo -i": the wrapper is the whole command
        return False
    out.words = rest[i:]
    # flock FILE -c 'cmd' runs a string; flock FILE cmd runs cmd
    if name == "flock" and out.words and out.words[0].value == "-c" and len(out.words) > 1:
        out.interpret, out.via = out.words[1], "flock -c"
        out.words = []
    return bool(out.words) and out.interpret is None


def _container_exec(out: Unwrapped, name: str) -> bool:
    """``pct exec ID [--] cmd`` and ``lxc``/``incus exec NAME [options] [--] cmd``: the command run in the
    container; False (the words left as they are) for their other subcommands."""
    if len(out.words) < 4 or out.words[1].value != "exec":
        return False
    rest = out.words[3:]
    i = 0
    while i < len(rest) and (rest[i].value or "").startswith("-") and rest[i].value != "--":
        i += 2 if rest[i].value in ("--env", "--user", "--group", "--cwd", "--mode") else 1
    if i < len(rest) and rest[i].value == "--":
        i += 1
    if i >= len(rest):
        return False
    out.wrappers.append(name)
    out.words = rest[i:]
    return True


def _su(out: Unwrapped, name: str) -> None:
    rest = out.words[1:]
    for i, w in enumerate(rest):
        if w.value in ("-c", "--command") and i + 1 < len(rest):
            out.interpret, out.via = rest[i + 1], f"{name} -c"
            out.words = []
            return
        if (w.value or "").startswith("--command="):
            out.interpret = Word(w.raw, (w.value or "").partition("=")[2], w.line, w.expands, w.assigned_at)
            out.via, out.words = f"{name} -c", []
            return
    out.words = out.words[:1]  # an interactive su: nothing more to read


# A shell's options whose next word is their value (bash(1): ``-o``/``+o`` option name, ``-O``/``+O`` shopt name,
# ``--rcfile``/``--init-file`` file): ``bash -o pipefail -c '…'`` still runs the string.
_SHELL_VALUE_OPTIONS = frozenset({"-o", "+o", "-O", "+O", "--rcfile", "--init-file"})


def _shell_string(out: Unwrapped, name: str) -> bool:
    """``sh -c STRING`` (also ``-ec``, ``-xc``, ``-o pipefail -c``, ``busybox sh -c``): the string becomes a
    script."""
    rest = out.words[1:]
    if name == "busybox":
        if not rest or rest[0].value not in SHELLS:
            return False
        rest = rest[1:]
    skip = False
    for i, w in enumerate(rest):
        value = w.value or ""
        if skip:  # the value of ``-o pipefail``, ``-O extglob``, ``--rcfile FILE``
            skip = False
            continue
        if value in _SHELL_VALUE_OPTIONS:
            skip = True
            continue
        if not value.startswith("-"):
            return False
        if "c" in value[1:] and not value.startswith("--") and i + 1 < len(rest):
            out.interpret, out.via = rest[i + 1], f"{name} -c"
            out.wrappers.append(name)
            out.words = []
            return True
    return False


def _eval(out: Unwrapped) -> None:
    """``eval "sudo $CMD_MOVE"``: the string is read as shell, its run-time parts as written (eval expands them)."""
    rest = out.words[1:]
    if rest and all(w.value is not None or w.shape is not None for w in rest):
        joined = " ".join(w.value if w.value is not None else w.shape or "" for w in rest)
        first = rest[0]
        out.interpret = Word(joined, joined, first.line, first.expands, first.assigned_at)
        out.via, out.words = "eval", []


def _ssh(out: Unwrapped) -> None:
    """``ssh host CMD``: ssh stays the command (it connects); CMD is read as the remote script."""
    probe = Unwrapped(words=list(out.words))
    if _skip_options(probe, "ssh") and all(w.value is not None for w in probe.words):
        joined = " ".join(w.value or "" for w in probe.words)
        first = probe.words[0]
        # one quoted word stays as written, so a script over several lines is read at the file's lines
        one = len(probe.words) == 1
        out.interpret = first if one else Word(joined, joined, first.line, first.expands, first.assigned_at)
        out.via = "ssh"
