"""The files only a Makefile's developer targets use: a test service's configuration.

A Makefile's recipes that neither a plain ``make`` nor ``make install`` reaches are a developer's commands
(``shipgate.preflight.makefile.developer_recipe_lines``). A file of the package that those recipes name, beside
the Makefile, and that no other line of the Makefile names, is used only when a developer runs them: thumbor's
``redis.conf``, which its ``redis`` target starts ``redis-server`` with for ``make test`` (``port 6668``,
``pidfile /tmp/redis.pid``, ``requirepass hey_you``). Its word passwords are a test service's, as a CI job's test
values are (a random-looking one is still reported). A Makefile that names a target through a variable has no
developer recipes, so it marks nothing.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from shipgate.preflight import makefile

MAX_MAKEFILE = 1 << 20  # bytes of one Makefile read (a larger one marks nothing)
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
        for word in developer - other:
            named = posixpath.normpath(posixpath.join(base, word))
            if named in files and not makefile.is_makefile(named):
                found.add(named)
    return frozenset(found)
