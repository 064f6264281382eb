"""The scripts a development container runs: a developer's environment, not steps of an install.

A project's ``.devcontainer/devcontainer.json`` (or ``.devcontainer.json``, or ``.devcontainer/<name>/
devcontainer.json``: the Development Containers specification) describes the container an editor opens the project
in. Its lifecycle commands (``onCreateCommand``, ``postCreateCommand``, ``postStartCommand``…) run when a developer
opens it: a command is a string (a shell line), an array (a program and its arguments) or an object of named
commands of either form. A file of the package that such a command names, by its path from the project's root (the
folder that holds ``.devcontainer``), is a developer's script: Gramps Web's ``scripts/start_dev_container.sh``, its
``postCreateCommand``, which ``pip install``s the development requirements. The ``.devcontainer/`` folder itself is
development tooling by its path (``distributed.is_development_file``).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator, Mapping

MAX_DESCRIPTION = 1 << 18  # bytes of one devcontainer.json read (a larger one names no script)
MAX_WORDS = 200  # words of one lifecycle command looked up
_LIFECYCLE = (
    "initializeCommand",
    "onCreateCommand",
    "updateContentCommand",
    "postCreateCommand",
    "postStartCommand",
    "postAttachCommand",
)
_DESCRIPTION = re.compile(r"(?:^|/)(?:\.devcontainer/(?:[^/]+/)?devcontainer\.json|\.devcontainer\.json)$")
_LINE_COMMENT = re.compile(r"^\s*//.*$", re.MULTILINE)
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_WORD = re.compile(r"[^\s;&|()<>'\"`]+")


def _description(data: bytes | str) -> dict[str, object]:
    """The JSON object of a devcontainer.json (JSON with whole-line ``//`` comments and trailing commas)."""
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    try:
        doc = json.loads(_TRAILING_COMMA.sub(r"\1", _LINE_COMMENT.sub("", text)))
    except ValueError:
        return {}
    return doc if isinstance(doc, dict) else {}


def _command_words(command: object) -> Iterator[str]:
    """The words of one lifecycle command, in any of its three forms."""
    if isinstance(command, str):
        yield from _WORD.findall(command)[:MAX_WORDS]
    elif isinstance(command, list):
        yield from (word for word in command[:MAX_WORDS] if isinstance(word, str))
    elif isinstance(command, dict):
        for named in list(command.values())[:MAX_WORDS]:
            if isinstance(named, str | list):
                yield from _command_words(named)


def dev_container_scripts(files: Mapping[str, bytes | str]) -> frozenset[str]:
    """The files of ``files`` that a development container's lifecycle commands run."""
    found: set[str] = set()
    for path, data in files.items():
        described = _DESCRIPTION.search(path)
        if described is None or len(data) > MAX_DESCRIPTION:
            continue
        root = path[: described.start()].rstrip("/")  # the folder that holds ``.devcontainer``
        doc = _description(data)
        for key in _LIFECYCLE:
            for word in _command_words(doc.get(key)):
                named = posixpath.normpath(posixpath.join(root, word.removeprefix("./")))
                if named in files and named != path:
                    found.add(named)
    return frozenset(found)
