"""Code a package installer takes straight from a version-control URL: ``pip install git+https://…/repo.git``
(also ``hg+``, ``svn+``, ``bzr+``, ``-e``, a PEP 508 ``name @ git+…`` reference) at a branch or tag. pip clones
and installs it in one step, with no hash to check (``--require-hashes`` cannot cover a VCS URL): only a full
commit id (``…@<40 hex digits>``) fixes what is installed, as a ``git clone`` is cleared only by checking out one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.shell.model import Command, Script

_VCS = re.compile(r"^(?:[\w.\[\],-]+\s*@\s*)?((?:git|hg|svn|bzr)\+[a-z]+://[^\s#]+)")
_PINNED = re.compile(r"@[0-9a-f]{40}$")


def _pip_install(command: Command) -> list[str] | None:
    """The words after ``install`` of a pip run (``pip``, ``pip3``, ``python3 -m pip``), else None."""
    words = [w.text for w in command.words]
    name = command.name or ""
    if name.startswith("python") and words[:2] == ["-m", "pip"]:
        words = words[2:]
    elif name not in ("pip", "pip3"):
        return None
    return words[words.index("install") + 1 :] if "install" in words else None


def unpinned_vcs_installs(script: Script) -> Iterator[tuple[Command, str]]:
    """(command, URL) of each pip install of a version-control URL not pinned to a full commit id."""
    for command in script.commands:
        for word in _pip_install(command) or []:
            m = _VCS.match(word)
            if m is not None and not _PINNED.search(m.group(1)):
                yield command, m.group(1)
