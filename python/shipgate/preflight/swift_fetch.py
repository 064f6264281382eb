"""When SwiftPM (``swift``) fetches a package's dependencies.

A Swift package names its dependencies in ``Package.swift`` by Git URL (or registry identity): a build of the package
(``swift build``, ``run``, ``test``) clones those it has no checkout of into ``.build/checkouts`` before compiling, so
the first such step of a script reaches their hosts with no URL written on its line (holdout163's Bedrock backup
image builds its cloned CLI with ``swift build -c release``). A later build finds the checkouts, as a build does after
``swift package resolve`` (which clones them itself); ``swift package update`` asks every dependency's remote for
newer versions each time. Other ``swift`` steps (``swift --version``, ``swift package init``, ``describe``, running
a script file) fetch nothing."""

from __future__ import annotations

from dataclasses import dataclass

from shipgate.preflight.shell.commands import positional_texts
from shipgate.preflight.shell.model import Command

# Subcommands that build the package's own code, and so resolve and clone its dependencies first.
_BUILDS = frozenset({"build", "run", "test"})
# ``swift package`` subcommands that clone the dependencies themselves (``fetch`` is resolve's old spelling).
_RESOLVES = frozenset({"resolve", "fetch"})
# Options of ``swift`` and its subcommands that take a value (their value is no subcommand).
_VALUED = frozenset(
    {"-c", "--configuration", "--package-path", "--scratch-path", "--build-path", "--cache-path", "-j", "--jobs"}
    | {"--product", "--target", "--triple", "--sdk", "--swift-sdk", "-Xswiftc", "-Xcc", "-Xlinker", "--arch"}
)


def _subcommands(command: Command) -> list[str]:
    """The words of a ``swift`` command that are not options or their values, in order."""
    return positional_texts((w.text for w in command.words), _VALUED)


@dataclass
class SwiftCheckouts:
    """What the script's ``swift`` steps so far left in the package's ``.build/checkouts``."""

    filled: bool = False

    def fetches(self, command: Command) -> bool | None:
        """Whether this ``swift`` step fetches the package's dependencies (steps given in the order they run);
        None for a ``swift`` step that neither builds nor resolves."""
        words = _subcommands(command)
        if words[:1] == ["package"] and words[1:2] == ["update"]:
            self.filled = True
            return True
        resolves = words[:1] == ["package"] and words[1:2] != [] and words[1] in _RESOLVES
        if resolves or (words[:1] != [] and words[0] in _BUILDS):
            fetched, self.filled = not self.filled, True
            return fetched
        return None
