"""Download paths handed back through a global variable: rustup's convention (``RETVAL``) in the installers derived
from it. A function saves a fetched file, then assigns a variable the path it saved under (``curl -O "$url"`` in
``$dir``, then ``RETVAL="$dir/$(basename "$url")"``; ``curl -o "$file" …`` then ``RETVAL="$file"``); the caller
reads the variable after the call (``local _file="$RETVAL"``), so a word spelled ``$RETVAL`` there names the
fetched file. Functions that pass the variable on (``local f="$RETVAL"; RETVAL="$f"``) keep the spelling."""

from __future__ import annotations

import posixpath
import re

from shipgate.preflight.shell.commands import downloaded_files, has_flag
from shipgate.preflight.shell.functions import argument_runners, run_through
from shipgate.preflight.shell.model import Command, Script

# ``$(basename "$url")``, ``$(basename ${url})``: the name ``curl -O``/``wget`` give what the URL in ``url`` fetches.
_BASENAME_OF = re.compile(r"\$\(basename\s+\"?\$\{?([A-Za-z_][A-Za-z0-9_]*)")


def _names_saved_file(path: str, fetch: Command) -> bool:
    """The assigned path names what ``fetch`` saved: the saved file's name, or the base name of the variable the
    fetch takes its URL from when it saves under the URL's name (``-O``, a wget with no ``-O``)."""
    saved = {posixpath.basename(w.text) for w in downloaded_files(fetch) if w.text}
    if posixpath.basename(path) in saved:
        return True
    m = _BASENAME_OF.search(path)
    url_named = fetch.name == "wget" or has_flag(fetch, "-O", "--remote-name")
    return m is not None and url_named and re.search(rf"\$\{{?{m.group(1)}\b", fetch.text) is not None


def global_results(script: Script) -> dict[int, frozenset[str]]:
    """Line of a fetch inside a function -> the spellings of the path that function assigns to a variable after it:
    ``$RETVAL``, and the value as the reader gives it (a copy of a variable assigned once reads as that value)."""
    runners = argument_runners(script)
    commands = (run_through(c, runners) for c in script.commands if c.function is not None)
    fetches: dict[str | None, list[Command]] = {}
    for c in commands:
        if c.name in ("curl", "wget", "fetch"):
            fetches.setdefault(c.function, []).append(c)
    found: dict[int, set[str]] = {}
    for a in script.assignments:
        path = a.value if a.value is not None else a.shape
        if a.function is None or not path:
            continue
        for fetch in fetches.get(a.function, ()):
            if fetch.line < a.line and _names_saved_file(path, fetch):
                found.setdefault(fetch.line, set()).update((f"${a.name}", path))
    return {line: frozenset(names) for line, names in found.items()}
