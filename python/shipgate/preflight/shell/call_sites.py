"""Where a command of a called function's body runs, as seen from its callers, for a reader that walks the script
in call order (shell.call_order: each call followed by its body). A ``cd`` inside a subshell holds for the
subshell's commands, and for the bodies of the functions they call (``( cd "$1"; if is_git_dir; then git pull;
fi )``: ``is_git_dir``'s body is written elsewhere, yet runs inside the subshell, so the ``git pull`` after it is
still in ``$1``). The frames kept are the calls whose bodies are being walked, so a body's command is placed at the
call its caller's function wrote."""

from __future__ import annotations

from shipgate.preflight.shell.model import Command


class CallSites:
    """The calls being walked, innermost last; fed each command in call order with :meth:`enter`."""

    def __init__(self, functions: frozenset[str]) -> None:
        self._functions = functions
        self._frames: list[Command] = []

    def enter(self, command: Command) -> None:
        """``command`` is the next in call order: the frames whose bodies it is not in end; a call of a function
        of the script opens a frame (its body comes next)."""
        while self._frames and self._frames[-1].name != command.function:
            self._frames.pop()
        if command.name in self._functions:
            self._frames.append(command)

    def site(self, command: Command, function: str | None) -> Command:
        """The command written in ``function`` that ``command`` runs under: itself when it is written there, else
        the outermost call written there whose body it is in; itself when no such call is being walked."""
        if command.function == function:
            return command
        return next((call for call in self._frames if call.function == function), command)
