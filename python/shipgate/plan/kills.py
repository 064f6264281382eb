"""Which ``kill``/``pkill``/``killall`` commands stop a running process, as the plan reads them: a signal that ends
a process (the default TERM, ``-9``/``KILL``, ``INT``, ``QUIT``, ``ABRT``…), sent to a process the script did not
start itself. A supervisor that restarts the process afterwards (k3s' ``kill -SIGTERM $K3S_PID``) does not make
it less of an interruption. Not counted: signals a process handles and goes on (``-HUP`` reloads, ``-USR1``
reopens logs, ``-0`` only tests), listing signals (``-l``), and the script's own background jobs (``kill $!``,
``kill %1``, a variable set from ``$!``, ``kill $$``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.shell.model import Command, Script, Word

KILLERS = frozenset({"kill", "pkill", "killall"})
# Signals a process survives (by name without SIG, or number on Linux).
_KEEPS_RUNNING = frozenset({"0", "HUP", "1", "USR1", "10", "USR2", "12", "CONT", "18", "WINCH", "28", "ALRM", "14",
                            "CHLD", "17", "URG", "23", "IO", "29", "PWR", "30", "INFO", "STOP", "19", "TSTP", "20"})
# Options of pkill/killall that take the next word as their value; of those, the ones that select processes.
_VALUE_OPTIONS = frozenset({"-u", "--user", "-U", "--uid", "-g", "--pgroup", "-G", "--group", "-P", "--parent",
                            "-t", "--terminal", "-F", "--pidfile", "--ns", "--nslist", "-o", "--older-than",
                            "-y", "--younger-than", "-Z", "--context"})
_SELECTS = frozenset({"-u", "--user", "-F", "--pidfile"})
_SIGNAL = re.compile(r"-(?:SIG)?([A-Z][A-Z0-9]*|[0-9]+)")  # written in capitals: ``-f`` is pkill's option
_OWN_JOB = re.compile(r"\$!|\$\{!\}|%\S*|\$\$|\$\{\$\}")


def background_jobs(script: Script) -> frozenset[str]:
    """Variables the script sets from ``$!`` (the process it last started in the background)."""
    return frozenset(a.name for a in script.assignments if a.raw.split("=", 1)[-1].strip("\"'") in ("$!", "${!}"))


def _signal_and_targets(name: str, words: list[Word]) -> tuple[str, list[Word]]:
    """The signal and what it is sent to: the operands (PIDs, names, a pattern), else the processes an option
    selects (``pkill -u emqx``, ``--pidfile``)."""
    signal, i = "TERM", 0
    targets: list[Word] = []
    selected: list[Word] = []
    signal_options = {"-s", "--signal", "-n"} if name != "pkill" else {"--signal"}  # pkill -s is a session
    while i < len(words):
        w = words[i].text
        if w in signal_options and i + 1 < len(words):
            signal, i = words[i + 1].text.upper().removeprefix("SIG"), i + 2
            continue
        if w in _VALUE_OPTIONS or (name == "pkill" and w == "-s"):
            if w in _SELECTS and i + 1 < len(words):
                selected.append(words[i + 1])
            i += 2
            continue
        if w.startswith("--signal="):
            signal = w.split("=", 1)[1].upper().removeprefix("SIG")
        elif m := _SIGNAL.fullmatch(w):
            signal = m.group(1).upper()
        elif w in ("-l", "-L", "--list", "--table", "-V", "--version", "--help"):
            return "", []
        elif not w.startswith("-"):
            targets.append(words[i])
        i += 1
    return signal, targets or selected


def _own(word: Word, jobs: frozenset[str]) -> bool:
    return bool(_OWN_JOB.fullmatch(word.raw.strip("\"'")) or (word.expands and set(word.expands) <= jobs))


def killed(c: Command, *, jobs: frozenset[str] = frozenset()) -> Iterator[tuple[str, str]]:
    """("kill", what) for each process or pattern the command ends; ``jobs``: the variables set from ``$!``."""
    if c.name not in KILLERS:
        return
    signal, targets = _signal_and_targets(c.name or "", list(c.words))
    if not signal or signal in _KEEPS_RUNNING:
        return
    for target in targets:
        if not _own(target, jobs):
            yield "kill", target.raw.strip("\"'") if target.generated else target.text
