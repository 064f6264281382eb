"""Commands language package managers run at install or upgrade, read as shell at their lines of the manifest
(``shipgate.preflight.embedded`` parses them as one script run by the installing account):

- npm ``package.json``: the ``scripts`` npm runs at ``npm install``/``npm ci`` (``preinstall``, ``install``,
  ``postinstall``, ``preprepare``, ``prepare``, ``postprepare``) and the named scripts they run with ``npm run
  NAME`` (also ``yarn``/``pnpm``). Every other script (``test``, ``start``, ``clean``…) runs only when someone
  calls it by name.
- Composer ``composer.json``: the event scripts of ``composer install``/``update`` (``pre-/post-install-cmd``,
  ``pre-/post-update-cmd``, ``pre-/post-autoload-dump``, ``pre-/post-package-install``/``-update``), a string or a
  list, following ``@name`` references; ``@php``/``@composer`` are the programs; a ``Class::method`` callback is PHP
  code, not a command line. ``post-create-project-cmd`` runs only at ``composer create-project``.
- Makefiles (``shipgate.preflight.makefile``): the recipes of the targets a vendor's README has one run
  (``install*``, ``upgrade*``, ``migrate*``) and of their prerequisites; justfiles
  (``shipgate.preflight.justfile``): the recipes of the same names and the recipes they depend on.
- ``setup.py`` (``shipgate.preflight.setup_py``): what its command classes run, read through ``ast``.

JSON is parsed by ``json`` (its own string and number scanners); each value's position is kept by walking the text
with them, so a command is placed at the line where its string stands."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from typing import Any

from shipgate.preflight import justfile, makefile, setup_py

Piece = tuple[int, str]
Located = dict[tuple[Any, ...], int]  # JSON path (keys and indices) -> line of its value

MAX_JSON_CHARS = 2_000_000
MAX_JSON_DEPTH = 64
MAX_FOLLOWED = 200  # script references followed (``npm run x``, ``@x``)

_NPM_INSTALL = ("preinstall", "install", "postinstall", "preprepare", "prepare", "postprepare")
_COMPOSER_EVENTS = tuple(
    f"{when}-{what}"
    for what in ("install-cmd", "update-cmd", "autoload-dump", "package-install", "package-update")
    for when in ("pre", "post")
)
_NPM_RUN = re.compile(r"\b(?:npm|pnpm)\s+(?:run(?:-script)?|run)\s+([\w:.-]+)|\byarn\s+(?:run\s+)?([\w:.-]+)")
_CALLBACK = re.compile(r"^[A-Za-z_\\][\w\\]*::\w+$")
# Metadata a manifest shows to people (a registry page, ``npm bugs``, ``composer fund``): not hosts contacted.
# npm's early plural ``repositories`` (a list of ``{"type", "url"}``; npm now warns and keeps one) is the same field
_NPM_METADATA = frozenset(
    {"homepage", "repository", "repositories", "bugs", "author", "contributors", "maintainers", "funding"}
)
_COMPOSER_METADATA = frozenset({"homepage", "support", "authors", "funding", "source"})
_BOWER_METADATA = frozenset({"homepage", "repository", "authors", "bugs"})  # bower.json, npm's fields for a web UI
# Another JSON file that describes a package (a theme's ``theme.json``, a plugin's ``plugin.json``): a name and a
# version beside a description, an author or a licence at its top level. Its pages are shown to people.
_DESCRIBED = frozenset({"description", "author", "authors", "license", "licence"})
_DESCRIPTION_METADATA = frozenset(
    {"url", "homepage", "website", "author_url", "authorUrl", "repository", "bugs", "support", "funding", "docs"}
)


def commands(path: str, text: str) -> list[Piece] | None:
    """(line, command) of what the manifest at ``path`` has its package manager run at install; None when the
    file is none of the manifests above."""
    name = posixpath.basename(path)
    if name == "package.json":
        doc = _json(text)
        return None if doc is None else list(_npm(*doc))
    if name == "composer.json":
        doc = _json(text)
        return None if doc is None else list(_composer(*doc))
    if makefile.is_makefile(path):
        return makefile.install_recipes(text)
    if justfile.is_justfile(path):
        return justfile.install_recipes(text)
    if name == "setup.py":
        return setup_py.commands(text)
    return None


def metadata_lines(path: str, text: str) -> frozenset[int]:
    """Lines of a package manifest's metadata (``homepage``, ``repository``, ``funding``, ``support``, authors'
    pages, ``setup(url=…)``; Bower's ``bower.json`` as npm's; the ``url``/``homepage`` of another JSON file that
    describes a package, such as a theme's ``theme.json``): pages shown to people, whose hosts are mentions; and
    the lines of its ``scripts`` (those run at install are read as shell by ``commands``; a URL in one that is not
    run is a mention). A dependency given as a URL stays a host its tool fetches from."""
    name = posixpath.basename(path)
    if name in ("package.json", "composer.json", "bower.json"):
        doc = _json(text)
        if doc is None:
            return frozenset()
        metadata = {"package.json": _NPM_METADATA, "composer.json": _COMPOSER_METADATA, "bower.json": _BOWER_METADATA}
        keys = metadata[name] | {"scripts"}
        return frozenset(line for where, line in doc[1].items() if where and where[0] in keys)
    if name == "setup.py":
        return setup_py.metadata_lines(text)
    if name.endswith(".json") and '"version"' in text[:4096]:
        return _description_lines(text)
    return frozenset()


def _description_lines(text: str) -> frozenset[int]:
    """The page lines of a JSON file that describes a package (``_DESCRIBED``), none for any other JSON file."""
    doc = _json(text)
    if doc is None or not isinstance(doc[0], dict):
        return frozenset()
    top = doc[0]
    if not ({"name", "version"} <= top.keys() and _DESCRIBED & top.keys()):
        return frozenset()
    return frozenset(line for where, line in doc[1].items() if where and where[0] in _DESCRIPTION_METADATA)


# ------------------------------------------------------------------------------------------------------------ JSON


def _json(text: str) -> tuple[Any, Located] | None:
    """The document and the line of each value in it; None when the text is not JSON (or over a bound)."""
    if len(text) > MAX_JSON_CHARS or not text.lstrip().startswith("{"):
        return None
    try:
        doc = json.loads(text)
        located: Located = {}
        _Walker(text, located).value(_skip(text, 0), (), 0)
    except (ValueError, RecursionError, IndexError):
        return None
    return doc, located


_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = json.JSONDecoder()


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


class _Walker:
    """Walks JSON text with ``json``'s own scanners, recording the line where each value starts."""

    def __init__(self, text: str, located: Located) -> None:
        self.text = text
        self.located = located

    def line(self, at: int) -> int:
        return self.text.count("\n", 0, at) + 1

    def value(self, at: int, where: tuple[Any, ...], depth: int) -> int:
        if depth > MAX_JSON_DEPTH:
            raise ValueError("nesting")
        self.located[where] = self.line(at)
        char = self.text[at]
        if char == "{":
            return self.members(at + 1, where, depth)
        if char == "[":
            return self.items(at + 1, where, depth)
        if char == '"':
            return json.decoder.scanstring(self.text, at + 1)[1]  # type: ignore[attr-defined,no-any-return]
        return _SCALAR.raw_decode(self.text, at)[1]

    def members(self, at: int, where: tuple[Any, ...], depth: int) -> int:
        at = _skip(self.text, at)
        while self.text[at] != "}":
            key, at = json.decoder.scanstring(self.text, at + 1)  # type: ignore[attr-defined]
            at = _skip(self.text, _skip(self.text, at) + 1)  # past ':'
            at = _skip(self.text, self.value(at, (*where, key), depth + 1))
            if self.text[at] == ",":
                at = _skip(self.text, at + 1)
        return at + 1

    def items(self, at: int, where: tuple[Any, ...], depth: int) -> int:
        at, index = _skip(self.text, at), 0
        while self.text[at] != "]":
            at = _skip(self.text, self.value(at, (*where, index), depth + 1))
            index += 1
            if self.text[at] == ",":
                at = _skip(self.text, at + 1)
        return at + 1


# ------------------------------------------------------------------------------------------------------------- npm


def _npm(doc: Any, located: Located) -> Iterator[Piece]:
    scripts = doc.get("scripts") if isinstance(doc, dict) else None
    if not isinstance(scripts, dict):
        return
    queue = [name for name in _NPM_INSTALL if isinstance(scripts.get(name), str)]
    seen: set[str] = set()
    while queue and len(seen) < MAX_FOLLOWED:
        name = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        command = scripts[name]
        yield located.get(("scripts", name), 1), command
        for match in _NPM_RUN.finditer(command):
            called = match.group(1) or match.group(2)
            for hook in (f"pre{called}", called, f"post{called}"):
                if isinstance(scripts.get(hook), str) and hook not in seen:
                    queue.append(hook)


# -------------------------------------------------------------------------------------------------------- Composer


def _composer(doc: Any, located: Located) -> Iterator[Piece]:
    if not isinstance(doc, dict):
        return
    scripts = doc.get("scripts")
    if not isinstance(scripts, dict):
        return
    queue = [name for name in _COMPOSER_EVENTS if name in scripts]
    seen: set[str] = set()
    while queue and len(seen) < MAX_FOLLOWED:
        name = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        for where, command in _composer_entries(scripts.get(name), ("scripts", name)):
            if command.startswith("@") and not command.startswith(("@php", "@composer", "@putenv")):
                queue.extend(command[1:].split()[:1])
            elif not _CALLBACK.match(command) and not command.startswith("@putenv"):
                yield located.get(where, 1), re.sub(r"^@(php|composer)\b", r"\1", command)


def _composer_entries(value: Any, where: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, str):
        yield where, value.strip()
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield (*where, index), item.strip()
