"""Commands that host configuration makes root run later, read as shell at their lines of the file
(``shipgate.preflight.embedded`` parses them as a root script):

- apt configuration (apt.conf(5)): the strings of ``DPkg::Pre-Invoke``, ``DPkg::Post-Invoke``,
  ``DPkg::Pre-Install-Pkgs``, ``APT::Update::Pre-Invoke``, ``APT::Update::Post-Invoke`` and
  ``APT::Update::Post-Invoke-Success`` (apt runs each with ``sh -c``), written as ``Scope::Key { "cmd"; };``, as
  ``Scope::Key "cmd";``, ``Scope::Key:: "cmd";`` or in nested ``Scope { Key { … }; };`` blocks. A file is read as apt
  configuration when it lies under ``apt.conf.d/`` (or is ``apt.conf``), or when all of it is apt configuration
  syntax and it sets one of these hooks (``ex/apt/needrestart-apt_d``).
- modprobe configuration (modprobe.d(5), a ``*.conf`` under ``modprobe.d/`` or ``modprobe.conf``): the command of
  each ``install <module> <command>`` and ``remove <module> <command>`` line (modprobe runs it with ``sh -c``
  instead of loading or unloading the module); a trailing backslash continues a line."""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_TOKENS = 50_000
_APT_PLACE = re.compile(r"(?:^|/)apt\.conf(?:\.d/[^/]+)?$")
_MODPROBE_PLACE = re.compile(r"(?:^|/)modprobe\.d/[^/]+\.conf$|(?:^|/)modprobe\.conf$")
_APT_HOOKS = frozenset(
    {
        "dpkg::pre-invoke",
        "dpkg::post-invoke",
        "dpkg::pre-install-pkgs",
        "apt::update::pre-invoke",
        "apt::update::post-invoke",
        "apt::update::post-invoke-success",
    }
)
_APT_TOKEN = re.compile(
    r'\s+|//[^\n]*|#[^\n]*|/\*.*?\*/|"(?P<string>[^"]*)"|(?P<word>[A-Za-z0-9_.:+/-]+)|(?P<punct>[{};])', re.S
)
_MODPROBE_COMMAND = re.compile(r"^\s*(?:install|remove)\s+\S+\s+(?P<command>\S.*)$")


def _apt_tokens(text: str) -> list[tuple[str, str, int]] | None:
    """(kind, text, line) of each token that matters; None when the text is not apt configuration syntax."""
    tokens: list[tuple[str, str, int]] = []
    at, line = 0, 1
    while at < len(text):
        match = _APT_TOKEN.match(text, at)
        if match is None or len(tokens) > MAX_TOKENS:
            return None
        kind = match.lastgroup
        if kind is not None:
            tokens.append((kind, match.group(kind), line))
        line += match.group(0).count("\n")
        at = match.end()
    return tokens


def _apt_hook_strings(tokens: list[tuple[str, str, int]]) -> Iterator[tuple[int, str]]:
    """(line, command) of each string assigned to a hook key, following ``Scope { … };`` nesting."""
    scope: list[str] = []
    name: str | None = None
    for kind, value, line in tokens:
        if kind == "word":
            name = value.rstrip(":")
        elif kind == "punct" and value == "{":
            scope.append(name or "")
            name = None
        elif kind == "punct" and value == "}":
            if scope:
                scope.pop()
            name = None
        elif kind == "punct":
            name = None
        elif kind == "string":
            key = "::".join([*scope, name] if name else scope).lower()
            if key in _APT_HOOKS and value.strip():
                yield line, value


def apt_hooks(path: str, text: str) -> list[tuple[int, str]]:
    """(line, command) of each apt hook command the file sets; [] when it is not apt configuration."""
    placed = bool(_APT_PLACE.search(path))
    if not placed and "invoke" not in text.lower() and "install-pkgs" not in text.lower():
        return []
    tokens = _apt_tokens(text)
    return list(_apt_hook_strings(tokens)) if tokens is not None else []


def modprobe_commands(path: str, text: str) -> list[tuple[int, str]]:
    """(line, command) of each ``install``/``remove`` command of a modprobe configuration file."""
    if not _MODPROBE_PLACE.search(path):
        return []
    found: list[tuple[int, str]] = []
    start = 0
    pieces: list[str] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not pieces:
            start = number
        pieces.append(raw[:-1] if raw.endswith("\\") else raw)
        if raw.endswith("\\"):
            continue
        match = _MODPROBE_COMMAND.match(" ".join(pieces))
        if match is not None:
            found.append((start, match.group("command")))
        pieces = []
    return found


def commands(path: str, text: str) -> list[tuple[int, str]]:
    """The commands apt or modprobe configuration at ``path`` makes root run; [] for any other file."""
    return apt_hooks(path, text) or modprobe_commands(path, text)
