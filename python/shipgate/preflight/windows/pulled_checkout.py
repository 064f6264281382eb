"""Code a branch pull or clone brings in, run by the script (docs/preflight.md, "Windows scripts"; holdout178,
holdout191, holdout254).

After ``git pull`` of a branch (no full commit id named), the checkout holds whatever the branch holds now: the
package's signature does not cover it. Two later steps run it: the script starting its own file again
(``powershell -File $PSCommandPath``, ``& $MyInvocation.MyCommand.Path``: the script as the pull left it, an
updater that reloads itself), anywhere after the pull; and a service started or restarted as the next step that
does something (``Restart-Service``, ``Start-Service``, ``sc start``, ``net start``; only logging, queries and
waits in between), which runs the pulled checkout, as the shell reader reads a restart right after a pull. A branch
``git clone`` is the same: once the script goes into the clone's folder, a program run there by a relative path or
a build of the project there runs what the branch holds."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from shipgate.preflight.windows.flows import COPIES, base_name, copy_ends, system_dir
from shipgate.preflight.windows.model import Call, WinScript
from shipgate.preflight.windows.network import git_verb_arguments

_PULL = frozenset({"pull"})
_COMMIT = re.compile(r"[0-9a-f]{40}", re.I)
_SELF = re.compile(r"\$pscommandpath\b|\$myinvocation\.mycommand\.(?:path|definition)\b", re.I)
_LAUNCHERS = frozenset({"powershell", "pwsh", "start-process", "saps", "start"})
_SERVICE_CMDLETS = frozenset({"restart-service", "start-service"})
_QUIET_PREFIXES = ("write-", "get-", "test-", "out-", "read-", "format-", "select-", "where-")
_QUIET = frozenset({"start-sleep", "sleep", "timeout", "echo", "pause", "join-path", "split-path"})
_MAX_STEPS = 50  # later calls looked at per pull
_CLONE = frozenset({"clone"})
_CHECKOUT = frozenset({"checkout", "switch", "reset"})
_CLONE_VALUE_OPTIONS = frozenset({"-b", "--branch", "--depth", "-c", "--config", "-o", "--origin", "--filter"})
_CHANGE_DIRECTORY = frozenset({"set-location", "sl", "cd", "chdir", "push-location", "pushd"})
# Build tools and the verbs that compile or run the project in the current directory.
_BUILD_VERBS = {
    "go": frozenset({"build", "run", "install", "generate"}),
    "npm": frozenset({"install", "i", "ci", "run", "start"}),
    "yarn": frozenset({"install", "build", "start", "run"}),
    "pnpm": frozenset({"install", "i", "run", "start"}),
    "dotnet": frozenset({"build", "run", "publish"}),
    "cargo": frozenset({"build", "run", "install"}),
}


@dataclass(frozen=True)
class PulledRun:
    """A step that runs the checkout ``pull`` brought in; ``how`` says what it does."""

    pull: Call
    run: Call
    how: str


def _pulls_branch(call: Call) -> bool:
    after = git_verb_arguments(call, _PULL)
    return after is not None and not any(_COMMIT.fullmatch(w.text.strip("'\"")) for w in after)


def _runs_itself(call: Call) -> bool:
    """The script's own file started again: by a new PowerShell or ``Start-Process``, or by ``&``/``.``."""
    runner = call.name in _LAUNCHERS or call.text.lstrip().startswith(("&", ". "))
    return runner and any(_SELF.search(text) for text in [call.program or "", *(w.text for w in call.words)])


def _starts_service(call: Call) -> bool:
    words = [w.text.lower() for w in call.words]
    if call.name in _SERVICE_CMDLETS:
        return True
    return call.name in ("sc", "net") and len(words) > 1 and words[0] == "start"


def _quiet(call: Call) -> bool:
    """A step that changes nothing the service runs: logging, a query, a wait (``sc query`` too)."""
    words = [w.text.lower() for w in call.words]
    return (
        call.name.startswith(_QUIET_PREFIXES)
        or call.name in _QUIET
        or (call.name == "sc" and words[:1] in (["query"], ["queryex"]))
    )


def _first_run(later: Sequence[Call]) -> tuple[Call, str] | None:
    next_step = True  # no step that does something since the pull
    for call in later:
        if _pulls_branch(call):
            return None  # a later pull is read on its own
        if _runs_itself(call):
            return call, "starts its own file again as the pull left it"
        if next_step and _starts_service(call):
            return call, f"starts a service on the pulled checkout ({call.name})"
        next_step = next_step and _quiet(call)
    return None


def pulled_runs(script: WinScript) -> Iterator[PulledRun]:
    """Each branch pull's first step that runs what it brought in (one report per step), then each branch clone's
    (``cloned_runs``)."""
    order = list(script.order) or list(script.calls)
    reported: set[int] = set()
    for index, call in enumerate(order):
        if not _pulls_branch(call):
            continue
        found = _first_run(order[index + 1 : index + 1 + _MAX_STEPS])
        if found is not None and id(found[0]) not in reported:
            reported.add(id(found[0]))
            yield PulledRun(call, found[0], found[1])
    for run in _cloned_runs(order):
        if id(run.run) not in reported:
            yield run


def _cloned_dir(call: Call) -> str | None:
    """The folder ``git clone URL [DIR]`` makes (DIR, else the URL's last part without ``.git``): its name, lower
    case."""
    target = _clone_target(call)
    return base_name(target) if target is not None else None


def _clone_target(call: Call) -> str | None:
    """The folder ``git clone URL [DIR]`` makes, as written: DIR, else the URL's last part without ``.git``."""
    after = git_verb_arguments(call, _CLONE)
    if after is None:
        return None
    operands, skip = [], False
    for word in after:
        text = word.text.strip("'\"")
        if skip:
            skip = False
        elif text.startswith("-"):
            skip = "=" not in text and text in _CLONE_VALUE_OPTIONS
        else:
            operands.append(text)
    if not operands:
        return None
    return operands[1] if len(operands) > 1 else operands[0].rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")


def _builds_or_runs(call: Call) -> bool:
    """A step that runs code of the current directory: a program by a relative path (``.\\build.ps1``), or a build
    tool's verb that compiles or runs the project there (``go build``, ``npm install``, ``dotnet run``…)."""
    program = (call.program or "").strip("'\"")
    if program.startswith((".\\", "./")):
        return True
    words = [w.text.lower() for w in call.words]
    return call.name in _BUILD_VERBS and bool(words) and words[0] in _BUILD_VERBS[call.name]


def _pins_commit(call: Call) -> bool:
    """``git checkout`` (``switch``, ``reset``) of a full commit id."""
    return git_verb_arguments(call, _CHECKOUT) is not None and any(
        _COMMIT.fullmatch(w.text.strip("'\"")) for w in call.words
    )


def _folder_text(text: str) -> str:
    """A folder's path as compared here: quotes, a leading ``.\\`` and a trailing separator dropped, ``/`` as ``\\``,
    lower case."""
    folder = text.strip().strip("'\"").replace("/", "\\").lower()
    return folder.removeprefix(".\\").rstrip("\\")


def _installed_from(call: Call, clones: dict[str, Call]) -> Call | None:
    """The clone whose files ``call`` copies into a system directory (``Copy-Item "$clone\\scripts\\*"
    "C:\\Program Files\\X\\scripts"``): they are installed where the product runs them (holdout276)."""
    if call.name not in COPIES:
        return None
    source, destination = copy_ends(call)
    if source is None or destination is None or not system_dir(destination.text):
        return None
    path = _folder_text(source.text)
    return next((clone for folder, clone in clones.items() if path.startswith(folder + "\\")), None)


def _cloned_runs(order: Sequence[Call]) -> Iterator[PulledRun]:
    """A branch clone (no 40-hex ``git checkout`` after it) whose folder the script goes into (``Set-Location DIR``,
    then relative steps deeper) and then builds or runs code there, or whose files it copies into a system directory:
    reported at that step, once per clone."""
    clones: dict[str, Call] = {}
    paths: dict[str, Call] = {}  # each clone by the folder its command names
    inside: Call | None = None
    for call in order:
        folder = _cloned_dir(call)
        if folder is not None:
            clones[folder] = call
            paths[_folder_text(_clone_target(call) or folder)] = call
            continue
        if _pins_commit(call):
            paths = {}  # a full commit id checked out: the tree copied from is pinned
        copied = _installed_from(call, paths)
        if copied is not None:
            yield PulledRun(copied, call, f"installs the clone's files into a system directory ({call.name})")
            paths = {k: v for k, v in paths.items() if v is not copied}
            clones = {k: v for k, v in clones.items() if v is not copied}
            continue
        if call.name in _CHANGE_DIRECTORY and call.words:
            target = call.words[0].text.strip("'\"")
            deeper = inside is not None and not re.match(r"[a-z]:|[\\/$%]|\.\.", target, re.I)
            inside = inside if deeper else clones.get(base_name(target))
        elif inside is not None and git_verb_arguments(call, _CHECKOUT) is not None:
            if any(_COMMIT.fullmatch(w.text.strip("'\"")) for w in call.words):
                inside = None  # a full commit id checked out: the tree is pinned
        elif inside is not None and _builds_or_runs(call):
            yield PulledRun(inside, call, f"builds or runs the clone's code ({call.name})")
            clones = {k: v for k, v in clones.items() if v is not inside}
            inside = None
