"""A Homebrew formula or cask given to ``brew`` by its URL: ``brew install
https://raw.githubusercontent.com/OWNER/homebrew-tap/master/pdftk.rb`` (a Rails ``bin/setup``, holdout199's
michigan-benefits). brew fetches the ``.rb`` file from that host and runs it: a formula is Ruby code its
``install`` method executes, and nothing pins or checks the file itself (the ``sha256`` it holds covers the archive
it names, not the formula). So the step contacts the URL's host (``external_endpoint``), installs a fetched file
unchecked (``unverified_download_exec``), and asks Homebrew's registry for nothing it names (no ``implicit_egress``
when every formula is given by URL; a name beside a URL is still looked up there).

Not: a formula named (``brew install pdftk``, the registry), ``brew tap NAME URL`` (a tap cloned with git), other
verbs (``brew info URL`` reads)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.shell.model import Command, Script

# brew's verbs that fetch and install the formulae or casks named (``brew upgrade URL`` installs a newer one).
_INSTALLS = frozenset({"install", "reinstall", "upgrade"})
_URL = re.compile(r"(?:https?|ftp)://\S+")


def _targets(command: Command) -> list[str] | None:
    """The formulae and casks a ``brew install``-like verb is given, or None for another command or verb."""
    if command.name != "brew":
        return None
    operands = [w.text for w in command.words if not w.text.startswith("-")]
    if not operands or operands[0] not in _INSTALLS:
        return None
    return operands[1:]


def url_formulae(command: Command) -> list[str]:
    """The URLs a ``brew install``/``reinstall``/``upgrade`` is given as formulae or casks."""
    return [t for t in _targets(command) or [] if _URL.fullmatch(t)]


def only_urls(command: Command) -> bool:
    """Whether every formula the brew install verb names is a URL (no formula is looked up in the registry)."""
    targets = _targets(command)
    return bool(targets) and all(_URL.fullmatch(t) for t in targets or [])


def brew_url_installs(script: Script) -> Iterator[tuple[Command, str]]:
    """(command, URL) of each formula or cask a brew install verb fetches by URL and runs."""
    for command in script.commands:
        for url in url_formulae(command)[:1]:
            yield command, url
