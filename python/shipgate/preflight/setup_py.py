"""What a ``setup.py`` runs when pip builds or installs the project from its source distribution, read through
Python's ``ast`` (the file is never run) and written as the shell that does the same, at the file's lines.

Read: the command classes the file defines (classes deriving from setuptools/distutils ``install``, ``build_ext``,
``build_py``, ``build``, ``develop``, ``egg_info``, ``sdist``, ``bdist_wheel``, ``build_clib``), their ``run``
methods and the functions and methods of the file those call (``self.x(…)``, ``x(…)``, nested ``def``s), up to a
bound. In that code:

- a command run through ``subprocess`` (``call``, ``check_call``, ``check_output``, ``run``, ``Popen``) or
  ``os.system``/``os.popen`` with a literal argument (a list of strings, or a string) is that command line at its
  line;
- a download (``requests.get``, ``urlopen``, ``urlretrieve``, ``wget.download``, ``httpx.get``) of a literal URL is
  ``curl -o`` of it; when the URL is an argument of a call into the file's own code that downloads it, the archive
  is unpacked there (``tarfile``/``zipfile`` ``extractall``, ``shutil.unpack_archive``) and the command lists
  (``[["./configure", …], ["make"]]``) given to the same call run in what was unpacked, each at its line;
- a ``hashlib`` digest in that code is the check of what was downloaded.

Not seen: commands built at run time (names from variables the file computes), code in other modules the file
imports (``uwsgiconfig.build_uwsgi``), ``setup.cfg``/``pyproject.toml`` build backends."""

from __future__ import annotations

import ast
import json
import shlex
from collections.abc import Iterator

from shipgate.preflight.python_tree import python_tree

Piece = tuple[int, str]

MAX_CHARS = 1_000_000
MAX_FUNCTIONS = 200

_COMMAND_BASES = frozenset(
    {"install", "build_ext", "build_py", "build", "develop", "egg_info", "sdist", "bdist_wheel", "build_clib"}
)
_RUNNERS = frozenset({"call", "check_call", "check_output", "run", "Popen", "system", "popen"})
_DOWNLOADS = frozenset({"get", "urlopen", "urlretrieve", "download", "request"})
_DOWNLOAD_MODULES = frozenset({"requests", "urllib", "request", "urllib2", "wget", "httpx", "urllib3"})
_UNPACK = frozenset({"extractall", "extract", "unpack_archive"})
_METADATA = frozenset({"url", "download_url", "project_urls"})
Function = ast.FunctionDef | ast.AsyncFunctionDef


def _tree(text: str) -> ast.Module | None:
    if len(text) > MAX_CHARS:
        return None
    return python_tree(text)


def metadata_lines(text: str) -> frozenset[int]:
    """Lines of ``setup(url=…, download_url=…, project_urls=…)``: pages shown on the package index."""
    tree = _tree(text)
    if tree is None:
        return frozenset()
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) == "setup":
            for keyword in node.keywords:
                if keyword.arg in _METADATA:
                    lines.update(range(keyword.value.lineno, (keyword.value.end_lineno or keyword.value.lineno) + 1))
    return frozenset(lines)


def commands(text: str) -> list[Piece]:
    """(line, shell command) of what the file's command classes run; [] when it defines none or does not parse."""
    tree = _tree(text)
    if tree is None:
        return []
    functions = _functions(tree)
    reached = _reachable(tree, functions)
    if not reached:
        return []
    calls = [n for f in reached for n in ast.walk(f) if isinstance(n, ast.Call)]
    downloads = any(_is_download(c) for c in calls)
    unpacks = any(_name(c.func) in _UNPACK for c in calls)
    checked = any(isinstance(n, ast.Name) and n.id == "hashlib" for f in reached for n in ast.walk(f))
    pieces: list[Piece] = []
    for index, call in enumerate(calls):
        pieces.extend(_call_pieces(index, call, functions, downloads=downloads, unpacks=unpacks, checked=checked))
    return sorted(set(pieces))


def _functions(tree: ast.Module) -> dict[str, list[Function]]:
    found: dict[str, list[Function]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.setdefault(node.name, []).append(node)
    return found


def _reachable(tree: ast.Module, functions: dict[str, list[Function]]) -> list[Function]:
    """The ``run`` methods of the command classes and the file's functions they call, transitively."""
    queue: list[Function] = [
        item
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and any(_name(b) in _COMMAND_BASES for b in node.bases)
        for item in node.body
        if isinstance(item, ast.FunctionDef) and item.name == "run"
    ]
    seen: list[Function] = []
    while queue and len(seen) < MAX_FUNCTIONS:
        function = queue.pop(0)
        if function in seen:
            continue
        seen.append(function)
        for node in ast.walk(function):
            if isinstance(node, ast.Call):
                queue.extend(functions.get(_name(node.func) or "", []))
    return seen


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _owner(node: ast.expr) -> str | None:
    return _name(node.value) if isinstance(node, ast.Attribute) else None


def _is_download(call: ast.Call) -> bool:
    name = _name(call.func)
    owner = _owner(call.func)
    return name in ("urlopen", "urlretrieve") or (name in _DOWNLOADS and owner in _DOWNLOAD_MODULES)


def _literal_url(node: ast.expr) -> ast.Constant | None:
    """A string literal URL, also the receiver of ``"…{0}…".format(…)``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        node = node.func.value
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(("http://", "https:")):
        return node
    return None


def _argv(node: ast.expr) -> str | None:
    """A literal command: a list of strings (argv) or a string (a shell command line)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.List | ast.Tuple) and node.elts:
        words = [e.value if isinstance(e, ast.Constant) and isinstance(e.value, str) else None for e in node.elts]
        literal = [w if w is not None else "${SETUP_VALUE}" for w in words]
        if words[0] is not None:
            return " ".join(shlex.quote(w) if not w.startswith("${") else w for w in literal)
    return None


def _call_pieces(
    index: int, call: ast.Call, functions: dict[str, list[Function]], *, downloads: bool, unpacks: bool, checked: bool
) -> Iterator[Piece]:
    name = _name(call.func)
    arguments = [*call.args, *(k.value for k in call.keywords)]
    if name in _RUNNERS and arguments and (_owner(call.func) in ("subprocess", "os") or name == "Popen"):
        command = _argv(arguments[0])
        if command is not None:
            yield call.lineno, command
        return
    urls = [u for u in map(_literal_url, arguments) if u is not None]
    if not urls or not downloads:
        return
    archive = f'"$SETUP_DOWNLOAD_{index}"'
    place = f'"$SETUP_BUILD_{index}"'
    check = f' && echo "${{SETUP_VALUE}}  "{archive} | sha256sum -c -' if checked else ""
    for url in urls:
        fetch = f"curl -fsSL -o {archive} {json.dumps(url.value)}{check}"
        builder = _is_download(call) or name not in functions
        yield url.lineno, fetch if builder or not unpacks else f"{fetch} && tar -xf {archive} -C {place}"
    if name in functions and unpacks:
        for lists in arguments:
            for step in lists.elts if isinstance(lists, ast.List | ast.Tuple) else []:
                command = _argv(step)
                if command is not None and not isinstance(step, ast.Constant):
                    yield step.lineno, f"cd {place} && {command}"
