"""The lines of a served browser bundle that its bundler copied from a published library.

A bundler that keeps the output readable (esbuild, unminified) marks where each module's code begins with a comment
line naming the module's source path: ``// node_modules/svelte/src/internal/shared/errors.js`` before Svelte's
runtime errors, ``// src/api/index.ts`` before the app's own code. In a script a web app serves to browsers (under a
``static/``, ``public/``, ``assets/``, ``htdocs/`` or ``www/`` folder), the code from such a marker to the next one
is the library's when the path it names goes through ``node_modules/``: the library as published, with its help
links and messages (``throw new Error(`https://svelte.dev/e/invariant_violation`)``), read as a vendored browser
library is (``distributed.is_browser_script``): its hosts are mentions. The app's own modules (a marker with no
``node_modules/``) and the lines before the first marker are read as before, and so is a bundle outside a served
folder (a server bundle runs its libraries' requests itself).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SERVED_DIR = re.compile(r"(?:^|/)(?:static|htdocs|public|assets|www)/")
_SUFFIXES = (".js", ".mjs")
# a module's source path alone on a comment line, as esbuild writes it: ``// node_modules/esm-env/false.js``
_MODULE_MARKER = re.compile(r"// ((?:\.\./)*(?:[@\w.+-]+/)*[@\w.+-]+\.(?:[cm]?[jt]sx?|svelte|vue|json|css))")
_LIBRARY_PATH = re.compile(r"(?:^|/)node_modules/")


def bundled_library_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """Lines of a served browser bundle that belong to a module its bundler took from ``node_modules/``."""
    lower = path.lower()
    if not (lower.endswith(_SUFFIXES) and _SERVED_DIR.search(lower)):
        return set()
    library: set[int] = set()
    in_library = False
    for number, text in lines:
        marker = _MODULE_MARKER.fullmatch(text.rstrip())
        if marker is not None:
            in_library = bool(_LIBRARY_PATH.search(marker.group(1)))
        elif in_library:
            library.add(number)
    return library
