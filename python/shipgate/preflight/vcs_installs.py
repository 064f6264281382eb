"""Code a package installer takes straight from a version-control URL: ``pip install git+https://…/repo.git``
(also ``hg+``, ``svn+``, ``bzr+``, ``-e``, a PEP 508 ``name @ git+…`` reference) at a branch or tag. pip clones
and installs it in one step, with no hash to check (``--require-hashes`` cannot cover a VCS URL): only a full
commit id (``…@<40 hex digits>``) fixes what is installed, as a ``git clone`` is cleared only by checking out one.
Go's ``go get``/``go install MODULE@master`` is the same for a module: it builds and installs whatever the branch
holds when it runs (a release version, ``@v1.2.3``, or ``@latest``, the newest release, is not a branch)."""

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


# A module version query that names a release: a semantic version (also a pseudo-version, which pins a commit),
# ``latest``/``upgrade``/``patch`` (the newest release), ``none``; or a full commit id.
_RELEASE_QUERY = re.compile(r"^(?:v\d+(?:\.\d+){0,2}(?:[-+][\w.+-]*)?|latest|upgrade|patch|none|[0-9a-f]{40})$")


def unpinned_module_installs(script: Script) -> Iterator[tuple[Command, str]]:
    """(command, module@branch) of each ``go get``/``go install`` of a module at a branch (``@master``, ``@main``,
    ``@HEAD``): the branch's code is built and its programs installed."""
    for command in script.commands:
        words = [w.text for w in command.words]
        if command.name != "go" or not words or words[0] not in ("get", "install"):
            continue
        for word in words[1:]:
            module, at, query = word.rpartition("@")
            if at and "/" in module and not word.startswith("-") and not _RELEASE_QUERY.match(query):
                yield command, word
                break
