"""Where a script has become root by handing a non-root run over: ``if [[ $EUID -ne 0 ]]; then exec sudo bash "$0"
"$@"; fi`` at its top level re-runs the script as root (or ``exec``s another program, ending this run), so every
statement of the main flow after it runs as root. A ``sudo``/``doas`` there gains nothing: the escalation is the
re-exec's, reported on its line (docs/preflight.md, ``sudo_unavailable``; hold-out set 219's clearPanel update)."""

from __future__ import annotations

from shipgate.preflight.shell.model import Command, Script


def handed_over_at(script: Script) -> int | None:
    """The line of the first top-level uid check whose non-root branch hands the run over (``RootCheck`` kind
    ``hands_over``), or None. A check inside a function is left out: the function may be called after steps that
    still run as the invoking user."""
    for check in sorted(script.root_checks, key=lambda c: c.line):
        if check.kind != "hands_over":
            continue
        # the first command from the check's line on is the check's own (its test or its branch's first step)
        first = min((c for c in script.commands if c.line >= check.line), key=lambda c: c.line, default=None)
        if first is not None and first.function is None:
            return check.line
    return None


def runs_as_root_after(command: Command, handed: int | None) -> bool:
    """A main-flow command written after the hand-over, outside its non-root branch: it runs as root."""
    return (
        handed is not None
        and command.function is None
        and command.line > handed
        and "not-root" not in command.conditions
    )
