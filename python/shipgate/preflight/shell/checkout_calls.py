"""Checkouts made by a function the script does not show: a script that sources a file from outside its package
(``source "/etc/.pihole/automated install/basic-install.sh"``, the installed checkout's own library) and calls a
function neither it nor a library of the package defines, with a git repository's URL and a directory
(``getGitFiles "$PI_HOLE_GIT_DIR" "$PI_HOLE_GIT_URL"``). Handed a repository and a place, the call fills the place
from the repository; nothing names a commit, so what arrives is the branch's head (docs/preflight.md,
``unverified_download_exec``). Only a call of the repository, the directory and at most one more word (a branch)
is read so, with no options (a tool's command line has them: ``cargo install --git URL --root DIR``), and not one
with a full commit id among its words."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Command, Script, Word

# A git repository's address: ``https://host/owner/name.git``, ``git://…``, ``ssh://…/x.git``, ``git@host:owner/x``.
_REPOSITORY = re.compile(r"^(?:(?:https?|ssh|git)://[^\s/]+/\S+\.git/?|git://\S+|git@[\w.-]+:[\w./-]+)$")
# A call of such a function: the repository, the directory and at most one more word (a branch), no options.
_MAX_WORDS = 3
_COMMIT_ID = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")
_SOURCES = frozenset({"source", "."})


def unseen_functions_possible(script: Script) -> bool:
    """The script sources a file (its functions may be called here without a definition in view)."""
    return any(c.name in _SOURCES for c in script.commands)


def defined_functions(script: Script) -> frozenset[str]:
    """The functions the script and the sourced libraries of its package define."""
    return frozenset(script.functions).union(*(lib.functions for lib in script.libraries))


def checkout_directory(command: Command, defined: frozenset[str]) -> Word | None:
    """The directory a call of a function not in ``defined`` (:func:`defined_functions`) fills from the repository
    it is given, else None (see the module's docstring)."""
    name = command.name or ""
    if not name or "/" in name or name == "git" or name in defined:
        return None
    texts = [w.text for w in command.words]
    if len(texts) > _MAX_WORDS or any(t.startswith("-") for t in texts):
        return None
    repositories = [t for t in texts if _REPOSITORY.match(t)]
    if len(repositories) != 1 or any(_COMMIT_ID.match(t) for t in texts):
        return None
    places = [w for w in command.words if w.text.startswith(("/", "$", "~", "./")) and w.text not in repositories]
    return places[0] if places else None
