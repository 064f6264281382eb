"""Downloads an install program makes through another module of the product, written as the shell that does the same
(docs/preflight.md, ``implicit_egress``).

An install script or hook often leaves the fetch to the product's own helper: ``download(opts)`` imported from
``./download``, Prisma's ``download({engines, version})`` from ``@prisma/fetch-engine``, Ruby's
``Skylight::NativeExtFetcher.fetch(…)`` after ``require "skylight/native_ext_fetcher"``, a Go ``downloadBuild(qs)``
of another file of the package. When that module is not at hand, the call of a helper whose name says it downloads
is a contact with the host the helper names, which the calling file does not: written as ``curl`` of
:data:`MODULE_URL` at the call, a variable no script assigns, which the egress table reads as ``implicit_egress``.
Names that do not say download (``fetch`` of a row, ``update``) stay quiet; the language readers decide which calls
reach the product's own code (``js_module_downloads``, ``ruby_module_downloads``, ``go_script``)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Set

Piece = tuple[int, str]

# the variable a download through another module fetches: its URL is that module's, unknown here
MODULE_URL = "SHIPGATE_MODULE_URL"
# the command's environment word that names the module (``SHIPGATE_MODULE='./download' curl …``)
MODULE = "SHIPGATE_MODULE"
_UNSAFE = re.compile(r"[^\w./@-]")
_SOURCE_SUFFIXES = ("", ".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".jsx", ".tsx", ".json", ".rb")
# what the egress table says the call reaches
MODULE_HOST = "the host the product's own download module names (another file)"

# words that say what a ``fetch`` gets when it is a download (``fetchBinary``, ``fetch_release``)
_FETCHED = frozenset({"binary", "binaries", "release", "releases", "asset", "assets", "archive", "engine", "engines"})
# a class or module named for downloading (``NativeExtFetcher``, ``Utils::Download``): its ``fetch`` downloads
_OWNERS = frozenset({"fetcher", "downloader", "download", "downloads"})
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def words(name: str) -> list[str]:
    """The lower-case words of a camelCase, PascalCase or snake_case name."""
    return [w.lower() for w in _WORD.findall(name)]


def says_download(name: str, owner: str = "") -> bool:
    """Whether a function ``name`` (a method of ``owner``, a class or module name, if any) is named for downloading:
    ``download``, ``downloadBinary``, ``startDownload``, ``fetch_binary``, ``NativeExtFetcher.fetch``; not ``fetch``,
    ``fetchAll`` or ``getDownloadUrl``."""
    said = words(name)
    if said[:1] == ["download"] or said[-1:] in (["download"], ["downloads"]):
        return True  # the verb (``downloadBuild``) or the act (``startDownload``); not ``getDownloadUrl``
    if said[:1] != ["fetch"]:
        return False
    return bool(_FETCHED & set(said)) or (said == ["fetch"] and bool(_OWNERS & set(words(owner))))


def piece(line: int, module: str) -> Piece:
    """The shell of a download through the helper of ``module`` (a JavaScript import path, a Ruby ``require`` path,
    ``.`` for the Go package's other files), at the call's ``line``."""
    return line, f"{MODULE}='{_UNSAFE.sub('', module)}' curl -fsSL \"${{{MODULE_URL}}}\""


def held(path: str, module: str, paths: frozenset[str]) -> bool:
    """Whether the package (``paths``) holds ``module`` as the program at ``path`` names it: then its own file names
    the host, read there, and the call is no contact with a host the package does not say."""
    folder = posixpath.dirname(path)
    if module == ".":  # a Go package's other files
        return any(posixpath.dirname(p) == folder and p.endswith(".go") and p != path for p in paths)
    if module.startswith("."):
        return module_file(path, module, paths) is not None
    return any(p == f"{module}.rb" or p.endswith(f"/{module}.rb") for p in paths)  # a Ruby ``require`` path


def module_file(path: str, module: str, paths: Set[str]) -> str | None:
    """The package file a relative JavaScript/TypeScript import path of the program at ``path`` names (``./constants``,
    ``./constants.js`` for ``constants.ts``, ``./lib`` for ``lib/index.js``), None when the package holds none."""
    if not module.startswith("."):
        return None
    base = posixpath.normpath(posixpath.join(posixpath.dirname(path), module))
    stem = base.removesuffix(".js")  # a TypeScript source imported by its compiled name (``./constants.js``)
    found = (f"{b}{e}" for b in (base, stem, f"{base}/index") for e in _SOURCE_SUFFIXES)
    return next((p for p in found if p in paths), None)
