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
from shipgate.preflight.shell.model import Command, Script

_STOPPING = frozenset({"exit", "return", "false"})


def _exiting_functions(script: Script) -> frozenset[str]:
    """Functions whose body exits (``die() { echo "$1"; exit 1; }``), and those that call one."""
    found = {c.function for c in script.commands if c.name == "exit" and c.function is not None}
    for _ in range(4):
        more = {c.function for c in script.commands if c.name in found and c.function is not None} - found
        if not more:
            break
        found |= more
    return frozenset(f for f in found if f is not None)


class FailOpen:
    """Which checks of ``script`` (commands ``is_check`` accepts) a run reaching a use of the file can skip."""

    def __init__(self, script: Script, is_check: Callable[[Command], bool]) -> None:
        self._ignored = script.failure_ignored
        self._probed = script.probed_arms  # chosen by the programs installed, not by the server
        stopping = _STOPPING | _exiting_functions(script)
        # per ``if``/``case`` statement: arm start -> whether a command there checks or stops the run
        self._arms: dict[tuple[int, int], dict[int, bool]] = {}
        for command in script.commands:
            holds = is_check(command) or command.name in stopping
            for arm in command.arms:
                arms = self._arms.setdefault((arm[0], arm[1]), {})
                arms[arm[2]] = arms.get(arm[2], False) or holds

    def skippable(self, check: Command, use: Command, fetch: Command, earlier: Sequence[Command] = ()) -> bool:
        """Whether a run can reach ``use`` past ``check`` without the check having stopped a bad ``fetch``.
        ``earlier``: the commands run before the fetch (in call order). A branch that holds the fetch too
        (``then curl …; sha256sum -c …; fi``), or a statement one of ``earlier`` is in (it began before the fetch,
        which is then inside it: ``else install_app; verify …``), skips the fetch with the check."""
        if (check.line, check.text) in self._ignored:
            return True
        arms = [arm for arm in check.arms if arm not in use.arms and arm not in fetch.arms and arm not in self._probed]
        if not arms:
            return False
        began = {(a[0], a[1]) for c in earlier for a in c.arms}
        return any(self._other_way(arm) for arm in arms if (arm[0], arm[1]) not in began)

    def _other_way(self, arm: Arm) -> bool:
        """Another branch of the statement ``arm`` belongs to goes on without a check: a sibling arm that holds
        no check and no stop, or, for an ``if`` (its ``then`` arm starts where the statement does) with no other
        branch, the path where the condition fails."""
        arms = self._arms.get((arm[0], arm[1]), {})
        siblings = {start: holds for start, holds in arms.items() if start != arm[2]}
        if not siblings:
            return arm[1] in arms or arm[2] == arm[1]
        return not all(siblings.values())
