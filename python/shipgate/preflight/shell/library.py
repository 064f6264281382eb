"""Shell libraries with no shebang and no ``.sh``: files a package's scripts source (kamailio's
``kamctl/kamdbctl.base``, a hardening project's ``scripts/02_ufw``), read as shell rather than configuration.

A file is such a library when its text is clearly shell: tree-sitter-bash reads it without an error, and it
defines a function and holds control flow (``if``/``for``/``while``/``case``). A ``KEY=value`` file (``.env``,
``/etc/default/*``) defines no function and stays configuration. Only text files with no extension of another
language or format are asked, and only when a line starts a function definition; the tree the check parsed is
kept for the shell reader (:func:`take_tree`), so the file is parsed once."""

from __future__ import annotations

import functools
import posixpath
import re

import tree_sitter_bash
from tree_sitter import Language, Parser, Query, QueryCursor, Tree

# A line that starts a function definition: ``name() {``, ``function name {``, ``function name() {``.
_FUNCTION_LINE = re.compile(r"(?m)^[ \t]*(?:function[ \t]+[A-Za-z_][\w:.-]*|[A-Za-z_][\w:.-]*[ \t]*\([ \t]*\))")
# Extensions of other languages, markup and data formats: never a shell library.
_OTHER_FORMATS = frozenset(
    (
        *("py", "pyi", "js", "mjs", "cjs", "ts", "tsx", "jsx", "php", "phtml", "rb", "pl", "pm", "t", "lua"),
        *("java", "kt", "scala", "c", "h", "cc", "cpp", "hpp", "go", "rs", "cs", "swift", "m", "r", "awk", "sed"),
        *("md", "rst", "txt", "adoc", "html", "htm", "xhtml", "xml", "xsl", "svg", "json", "yaml", "yml", "toml"),
        *("ini", "cfg", "properties", "css", "scss", "less", "sql", "tmpl", "tpl", "j2", "jinja", "jinja2", "erb"),
        *("ejs", "hbs", "mustache", "tt", "tt2", "po", "pot", "csv", "tsv", "ps1", "psm1", "bat", "cmd", "vbs"),
        *("service", "socket", "timer", "path", "mount", "target", "spec", "ebuild", "patch", "diff"),
    )
)
_MAX_LIBRARY = 1 << 20
_AHEAD_LIMIT = 64


@functools.cache
def _language() -> Language:
    return Language(tree_sitter_bash.language())


@functools.cache
def _parser() -> Parser:
    return Parser(_language())


@functools.cache
def _shape() -> QueryCursor:
    return QueryCursor(
        Query(
            _language(),
            "(function_definition) @f (if_statement) @c (for_statement) @c (while_statement) @c (case_statement) @c",
        )
    )


# Trees parsed by :func:`is_shell_library`, by the bytes they were parsed from, for the shell reader.
_AHEAD: dict[bytes, Tree] = {}


def _candidate(path: str, text: str) -> bool:
    name = posixpath.basename(path)
    extension = name.rpartition(".")[2].lower() if "." in name.lstrip(".") else ""
    if extension in _OTHER_FORMATS or len(text) > _MAX_LIBRARY or text.startswith("#!"):
        return False
    return _FUNCTION_LINE.search(text) is not None


def is_shell_library(path: str, text: str) -> bool:
    """``text`` (a file not otherwise read as a script) is a shell library: module docstring."""
    if not _candidate(path, text):
        return False
    data = text.encode("utf-8", "surrogateescape")
    tree = _parser().parse(data)
    if tree.root_node.has_error:
        return False
    found = _shape().captures(tree.root_node)
    if not (found.get("f") and found.get("c")):
        return False
    if len(_AHEAD) >= _AHEAD_LIMIT:
        _AHEAD.pop(next(iter(_AHEAD)))
    _AHEAD[data] = tree
    return True


def take_tree(data: bytes) -> Tree | None:
    """The tree :func:`is_shell_library` parsed from ``data``, once (None when it parsed none)."""
    return _AHEAD.pop(data, None) if _AHEAD else None


# ``. FILE`` / ``source FILE`` at the start of a line or after ``then``/``&&``/``;``: the word it sources.
_SOURCE = re.compile(r"""(?m)(?:^|[;&|]|\bthen|\bdo)[ \t]*(?:\.|source)[ \t]+("[^"\n]+"|'[^'\n]+'|[^\s;&|)]+)""")
_LEADING_VARIABLE = re.compile(r"^\$\{?([A-Za-z_]\w*)\}?(/.*)$")
_MAX_SOURCED = 256


@functools.lru_cache(maxsize=64)
def _assigned(text: str, name: str) -> tuple[str, ...]:
    """The literal values ``name=…`` is given in ``text`` (``MYLIBDIR="/usr/lib/kamailio/kamctl"``). Kept for the
    script's next ``source $NAME/…`` (``. "$LIB/a.sh"; . "$LIB/b.sh"``): one search of the text per variable."""
    pattern = rf"""(?m)^[ \t]*(?:export[ \t]+)?{re.escape(name)}=["']?([^"'\s;$`]+)["']?[ \t]*(?:[;#]|$)"""
    return tuple(re.findall(pattern, text)[:8])


def _candidates(script: str, target: str, text: str) -> list[str]:
    """Package paths ``source TARGET`` in ``script`` may name: relative to the script's folder or the package's
    root, an absolute path inside the package, or ``$VAR/…`` with a literal ``VAR`` of the script."""
    target = target.strip("\"'")
    if target.startswith("$("):
        target = target.rpartition(")")[2]
    m = _LEADING_VARIABLE.match(target)
    heads = [*_assigned(text, m.group(1)), ""] if m is not None else [""]
    rest = m.group(2) if m is not None else target
    folder = posixpath.dirname(script)
    out: list[str] = []
    for head in heads:
        joined = head + rest if head else rest.lstrip("/") if m is not None else rest
        for base in (joined,) if joined.startswith("/") else (posixpath.join(folder, joined), joined):
            out.append(posixpath.normpath(base.replace("//", "/")).lstrip("/"))
    return out


def sourced_files(scripts: dict[str, str], others: set[str]) -> set[str]:
    """Of ``others`` (files read as configuration), the ones a shell script of the package sources."""
    found: set[str] = set()
    if not others:
        return found
    for path, text in scripts.items():
        if "source" not in text and ". " not in text:
            continue
        for m in list(_SOURCE.finditer(text))[:_MAX_SOURCED]:
            found.update(c for c in _candidates(path, m.group(1), text) if c in others)
    return found
