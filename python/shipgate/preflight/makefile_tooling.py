"""The files only a Makefile's developer targets use: a test service's configuration, a developer's scripts.

A Makefile's recipes that neither a plain ``make`` nor ``make install`` reaches are a developer's commands
(``shipgate.preflight.makefile.developer_recipe_lines``). A file of the package that those recipes name, beside
the Makefile, and that no other line of the Makefile names, is used only when a developer runs them: thumbor's
``redis.conf``, which its ``redis`` target starts ``redis-server`` with for ``make test`` (``port 6668``,
``pidfile /tmp/redis.pid``, ``requirepass hey_you``). Its word passwords are a test service's, as a CI job's test
values are (a random-looking one is still reported). A Makefile that names a target through a variable has no
developer recipes, so it marks nothing.

A script so marked runs its neighbours: a file of the same folder that it names (``. $(dirname $0)/common.sh``,
``LITMUS="$(dirname $0)/litmus.sh"``) and that no other file of that folder and no other line of the Makefile names
is a developer's too (Xandikos' ``compat/xandikos-litmus.sh``, run by ``make check-litmus``, falls back on
``compat/litmus.sh``, which clones and builds the litmus test suite). Followed ``MAX_HOPS`` times.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from shipgate.preflight import makefile

MAX_MAKEFILE = 1 << 20  # bytes of one Makefile read (a larger one marks nothing)
MAX_NEIGHBOUR = 1 << 18  # bytes of one file of a marked script's folder read for the names it holds
MAX_FOLDER = 200  # files of one folder read for a marked script's neighbours (a larger folder adds none)
MAX_HOPS = 3  # scripts run by scripts run by a developer target, followed
_WORD = re.compile(r"[\w][\w./-]*")


def developer_only_files(files: Mapping[str, bytes | str]) -> frozenset[str]:
    """The paths of ``files`` that only the developer recipes of a Makefile beside them name."""
    found: set[str] = set()
    for path, data in files.items():
        if not makefile.is_makefile(path) or len(data) > MAX_MAKEFILE:
            continue
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        unrun = makefile.developer_recipe_lines(text)
        if not unrun:
            continue
        developer: set[str] = set()
        other: set[str] = set()
        for number, line in enumerate(text.splitlines()[: makefile.MAX_LINES], start=1):
            (developer if number in unrun else other).update(_WORD.findall(line))
        base = posixpath.dirname(path)
        marked = {_named(base, word) for word in developer - other} & files.keys()
        marked = {named for named in marked if not makefile.is_makefile(named)}
        kept = {_named(base, word) for word in other}  # files the Makefile's other lines name
        found |= marked | _run_by_marked(files, marked, kept)
    return frozenset(found)


def _named(base: str, word: str) -> str:
    return posixpath.normpath(posixpath.join(base, word))


def _run_by_marked(files: Mapping[str, bytes | str], marked: set[str], kept: set[str]) -> set[str]:
    """The files of a marked script's folder that only marked files of that folder name, ``MAX_HOPS`` times."""
    folders: dict[str, list[str]] = {}
    for path in files:
        folders.setdefault(posixpath.dirname(path), []).append(path)
    names: dict[str, set[str]] = {}  # path -> the files of its folder it names, read once
    added: set[str] = set()
    for _ in range(MAX_HOPS):
        new: set[str] = set()
        for folder in {posixpath.dirname(p) for p in marked | added}:
            neighbours = folders.get(folder, [])
            if len(neighbours) > MAX_FOLDER:
                continue
            for path in neighbours:
                if path not in names:
                    names[path] = _neighbours_named(files[path], folder, files)
            by_marked = set().union(*(names[p] for p in neighbours if p in marked | added))
            by_other = set().union(*(names[p] for p in neighbours if p not in marked | added))
            new |= by_marked - by_other - kept - marked - added
        if not new:
            break
        added |= new
    return added


def _neighbours_named(data: bytes | str, folder: str, files: Mapping[str, bytes | str]) -> set[str]:
    if len(data) > MAX_NEIGHBOUR:
        return set()
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    found = {_named(folder, posixpath.basename(word)) for word in _WORD.findall(text)}
    return {path for path in found if path in files and posixpath.dirname(path) == folder}
