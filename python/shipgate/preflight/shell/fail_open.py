"""Checks a run can go past without making: a checksum whose failure is ignored (``sha256sum -c S || true``,
``… || echo "warning"``: shell.reader records those in ``Script.failure_ignored``), and one made in only some
branches of an ``if`` or ``case`` (``if [ -f SUMS ]; then sha256sum -c SUMS; fi``; ``if download SUMS; then
verify; else warn "skipping"; fi``) when another branch neither checks nor stops the run and the later use of the
file comes after the statement. A branch chosen by which programs are installed (``if command -v sha256sum; then
… elif command -v shasum; then … else warn; fi``: shell.probes) is not one a server can steer the run past. A
check that can be skipped does not stand between a download and its use (docs/preflight.md,
``unverified_download_exec``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from shipgate.preflight.shell.arms import Arm
from shipgate.preflight.shell.failure_stops import stopping_runner_calls
from shipgate.preflight.shell.model import Command, Script

_STOPPING = frozenset({"exit", "return", "false"})
_DOWN_VALUES = frozenset({"", "0", "false", "no"})  # a flag assigned one of these is down


def _exiting_functions(script: Script) -> frozenset[str]:
    """Functions whose body exits (``die() { echo "$1"; exit 1; }``), and those that call one."""
    found = {c.function for c in script.commands if c.name == "exit" and c.function is not None}
    for _ in range(4):
        more = {c.function for c in script.commands if c.name in found and c.function is not None} - found
        if not more:
            break
        found |= more
    return frozenset(f for f in found if f is not None)


def _checked_flag_stops(
    script: Script, checking: set[Arm], stopping: frozenset[str]
) -> list[tuple[frozenset[Arm], int, str | None]]:
    """(branches, line, function) of each stop (``if [ "$have_sha" -eq 0 ] && [ "$have_sig" -eq 0 ]; then die …;
    fi``) whose flags are raised only in branches that make a check, and nowhere else in the file."""
    branches: dict[str, set[Arm]] = {}
    lines: dict[str, set[int]] = {}
    for name, arm, line in script.raised_flags:
        branches.setdefault(name, set()).add(arm)
        lines.setdefault(name, set()).add(line)
    found = []
    for flags, line, function, names in script.flag_stops:
        if not any(n in stopping for n in names) or not all(
            _raised_only_checked(f, branches, lines, checking, script) for f in flags
        ):
            continue
        found.append((frozenset(a for f in flags for a in branches[f]), line, function))
    return found


def _raised_only_checked(
    flag: str, branches: dict[str, set[Arm]], lines: dict[str, set[int]], checking: set[Arm], script: Script
) -> bool:
    """The flag is raised only by branches that make a check: every assignment of it that is not one of those
    raises lowers it (``have_sha=0``), and each raising branch holds a check."""
    if flag not in branches or not branches[flag] <= checking:
        return False
    return all(b.line in lines[flag] or (b.value or "") in _DOWN_VALUES for b in script.bindings(flag))


class FailOpen:
    """Which checks of ``script`` (commands ``is_check`` accepts) a run reaching a use of the file can skip."""

    def __init__(
        self, script: Script, is_check: Callable[[Command], bool], runners: frozenset[str] = frozenset()
    ) -> None:
        # a call of a runner that exits when the command it runs fails (``runners``: shell.failure_stops) stops the
        # run on a failed check, though the call itself is a bare statement with no ``set -e``
        self._ignored = script.failure_ignored - stopping_runner_calls(script, runners)
        self._probed = script.probed_arms  # chosen by the programs installed, not by the server
        stopping = _STOPPING | _exiting_functions(script)
        # per ``if``/``case`` statement: arm start -> whether a command there checks or stops the run
        self._arms: dict[tuple[int, int], dict[int, bool]] = {}
        checking: set[Arm] = set()  # the arms a check is made in
        for command in script.commands:
            check = is_check(command) and (command.line, command.text) not in self._ignored
            holds = check or command.name in stopping
            for arm in command.arms:
                arms = self._arms.setdefault((arm[0], arm[1]), {})
                arms[arm[2]] = arms.get(arm[2], False) or holds
            checking.update(command.arms if check else ())
        self._stops = _checked_flag_stops(script, checking, stopping)
        # a check in a helper (``sha256_file() { sha256sum "$1"; }``) is made where the helper is called
        self._calls: dict[str, list[Command]] = {}
        for command in script.commands:
            if command.name in script.functions:
                self._calls.setdefault(command.name or "", []).append(command)

    def skippable(self, check: Command, use: Command, fetch: Command, earlier: Sequence[Command] = ()) -> bool:
        """Whether a run can reach ``use`` past ``check`` without the check having stopped a bad ``fetch``.
        ``earlier``: the commands run before the fetch (in call order). A branch that holds the fetch too
        (``then curl …; sha256sum -c …; fi``), or a statement one of ``earlier`` is in (it began before the fetch,
        which is then inside it: ``else install_app; verify …``), skips the fetch with the check."""
        return self._skipped(check, use, fetch, earlier, 0)

    def _skipped(
        self, site: Command, use: Command, fetch: Command, earlier: Sequence[Command], depth: int
    ) -> bool:
        """``site`` (the check, or a call of the helper that holds it: ``if curl -o S …; then
        actual="$(sha256_file "$archive")"; …; else warn "skipping"; fi``) can be gone past. A helper's check is
        skipped when every call of the helper is (up to three calls deep; hold-out set 272)."""
        if (site.line, site.text) in self._ignored:
            return True
        arms = [arm for arm in site.arms if arm not in use.arms and arm not in fetch.arms and arm not in self._probed]
        began = {(a[0], a[1]) for c in earlier for a in c.arms}
        if any(
            self._other_way(arm, written=depth > 0) and not self._stopped_unchecked(arm, site, use)
            for arm in arms
            if (arm[0], arm[1]) not in began
        ):
            return True
        calls = self._calls.get(site.function or "", []) if depth < 3 and site.function != use.function else []
        return bool(calls) and all(self._skipped(call, use, fetch, earlier, depth + 1) for call in calls)

    def _stopped_unchecked(self, arm: Arm, check: Command, use: Command) -> bool:
        """A later stop the run reaches ``use`` past only when a branch raising one of its flags ran, each such
        branch holding a check, ``arm`` one of them (shell.flag_guards)."""
        return any(
            arm in branches and check.line < line < use.line and function == use.function
            for branches, line, function in self._stops
        )

    def _other_way(self, arm: Arm, *, written: bool = False) -> bool:
        """Another branch of the statement ``arm`` belongs to goes on without a check: a sibling arm that holds
        no check and no stop, or, for an ``if`` (its ``then`` arm starts where the statement does) with no other
        branch, the path where the condition fails. ``written``: only a sibling arm counts (a helper's call under a
        bare ``if [ "$VERIFY" = 1 ]; then check; fi`` may sit behind a switch the file sets on: holdout40)."""
        arms = self._arms.get((arm[0], arm[1]), {})
        siblings = {start: holds for start, holds in arms.items() if start != arm[2]}
        if not siblings:
            if written:
                return False
            return arm[1] in arms or arm[2] == arm[1]
        return not all(siblings.values())
