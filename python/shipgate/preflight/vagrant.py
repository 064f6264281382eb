"""The shell a Vagrantfile's shell provisioners run, at its lines of the Vagrantfile (read as shell by
``shipgate.preflight.embedded``; the commands run in the guest machine Vagrant creates, as root or, with
``privileged: false``, as the box's user with the box's own sudo: nothing to report about the target's privilege).

Vagrant's documentation ("Shell Provisioner") gives the script as ``inline:`` — a Ruby string, or a heredoc
(``<<SCRIPT``, ``<<-SHELL``, ``<<~SHELL``, also quoted) written there or assigned to a variable the provisioner names
(``$script = <<SCRIPT`` … ``inline: $script``). A bounded reader of those Ruby forms, not a Ruby parser: a heredoc's
body is its lines up to the terminator; a one-line ``inline: "…"``/``'…'`` string is its text with Ruby's quote
escapes undone. ``path:`` scripts are files of their own, not read here."""

from __future__ import annotations

import posixpath
import re

Piece = tuple[int, str]

MAX_LINES = 20_000
_HEREDOC = re.compile(r"<<([~-]?)(['\"]?)([A-Za-z_]\w*)\2")
_ASSIGNED = re.compile(r"^\s*(\$?[A-Za-z_]\w*)\s*=\s*<<")
_SHELL_PROVISION = re.compile(r"\.provision\s*\(?\s*(?:\"shell\"|'shell'|:shell)")
_INLINE_NAME = re.compile(r"\binline\s*(?::|=>)\s*(\$?[A-Za-z_]\w*)\b")
_INLINE_STRING = re.compile(r"\binline\s*(?::|=>)\s*(?:\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)')")
_ESCAPE = re.compile(r"\\(.)")


def is_vagrantfile(path: str) -> bool:
    return posixpath.basename(path) == "Vagrantfile"


def provisioner_scripts(text: str) -> list[Piece]:
    """(line of its first command, shell text) of every inline shell provisioner script."""
    lines = text.splitlines()[:MAX_LINES]
    heredocs: dict[int, tuple[str | None, int, list[str]]] = {}  # opening line -> (variable, first line, body)
    i = 0
    while i < len(lines):
        match = _HEREDOC.search(lines[i])
        if match is None or lines[i].lstrip().startswith("#"):
            i += 1
            continue
        indented, end = bool(match.group(1)), match.group(3)
        assigned = _ASSIGNED.match(lines[i])
        body: list[str] = []
        j = i + 1
        while j < len(lines) and (lines[j].strip() if indented else lines[j]) != end:
            body.append(lines[j])
            j += 1
        heredocs[i] = (assigned.group(1) if assigned else None, i + 2, body)
        i = j + 1
    named = {name for line in lines if _SHELL_PROVISION.search(line) for name in _INLINE_NAME.findall(line)}
    pieces: list[Piece] = []
    for opening, (variable, first, body) in heredocs.items():
        if (variable is not None and variable in named) or _SHELL_PROVISION.search(lines[opening]):
            pieces.append((first, "\n".join(body)))
    for number, line in enumerate(lines, 1):
        if _SHELL_PROVISION.search(line) and (string := _INLINE_STRING.search(line)) is not None:
            quoted = string.group(1) if string.group(1) is not None else string.group(2)
            pieces.append((number, _ESCAPE.sub(r"\1", quoted)))
    return pieces
