"""What a ``setup.py`` runs when pip builds or installs the project from its source distribution, read through
Python's ``ast`` (the file is never run) and written as the shell that does the same, at the file's lines.

Read: the command classes the file defines (classes deriving from setuptools/distutils ``install``, ``build_ext``,
``build_py``, ``build``, ``develop``, ``egg_info``, ``sdist``, ``bdist_wheel``, ``build_clib``), their ``run``
methods (also one a class decorator of the file attaches), the commands and downloads the module body makes itself
and the file's functions it calls (run at every execution of the file: ``shipgate.preflight.setup_py_module``) and
the functions and methods of the file those call (``self.x(…)``, ``x(…)``, nested ``def``s), up to a bound. In
that code (names the module body binds once to a literal stand for it there too):

- a command run through ``subprocess`` (``call``, ``check_call``, ``check_output``, ``run``, ``Popen``) or
  ``os.system``/``os.popen`` with a literal argument (a list of strings, a string, or a string literal split into
  its words by ``.split()``/``shlex.split``) is that command line at its line;
- a download (``requests.get``, ``urlopen``, ``urlretrieve``, ``wget.download``, ``httpx.get``) of a literal URL is
  ``curl -o`` of it; when the URL is an argument of a call into the file's own code that downloads it, the archive
  is unpacked there (``tarfile``/``zipfile`` ``extractall``, ``shutil.unpack_archive``) and the command lists
  (``[["./configure", …], ["make"]]``) given to the same call run in what was unpacked, each at its line;
- a ``hashlib`` digest in that code is the check of what was downloaded;
- when that code makes one direct download (``urlopen(…)`` of any URL, also one from another module) and no call of
  the file's own code is handed a literal URL, an extraction in it (``extract``, ``extractall``,
  ``unpack_archive``) unpacks that download, an ``unzip``/``tar`` command it runs takes it, and an ``os.chmod`` with
  an execute bit makes what was unpacked executable; the download is written to the file its response is saved
  into, when the code names one (``shipgate.preflight.setup_py_flow``, which also reads names bound once to a
  literal and a ``run`` attached by a class decorator of the file); in a ``build_ext``/``build_clib`` command, the
  base command's ``run`` called after that unpacking builds what was unpacked (``shipgate.preflight.setup_py_builds``).

Not seen: commands built at run time (names from variables the file computes), code in other modules the file
imports (``uwsgiconfig.build_uwsgi``), ``setup.cfg``/``pyproject.toml`` build backends."""

from __future__ import annotations

import ast
import json
import shlex
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.preflight import setup_py_builds as builds
from shipgate.preflight import setup_py_flow as flow
from shipgate.preflight import setup_py_module as module
from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.python_tree import simple_name as _name

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
    runners = _subprocess_imports(tree)
    top = [c for c in module.top_calls(tree) if _runs(c, runners) or _is_download(c)]  # not setup(url=…)
    calls = [n for f in reached for n in ast.walk(f) if isinstance(n, ast.Call)] + top
    if not calls:
        return []
    code = _code(tree, reached, calls, functions)
    pieces: list[Piece] = []
    for index, call in enumerate(calls):
        pieces.extend(_call_pieces(index, call, code))
    return sorted(set(pieces))


@dataclass(frozen=True)
class _Code:
    """What the reached code says about itself, for writing each call as shell."""

    functions: dict[str, list[Function]]
    literals: dict[str, ast.Constant]
    runners: frozenset[str]  # names imported from subprocess (``from subprocess import check_call``)
    downloads: bool
    unpacks: bool
    checked: bool
    fetch: ast.Call | None  # the one direct download, when the code makes one and hands no literal URL to a function
    saved: str | None  # the file that download is written into, when the code names it
    builds: frozenset[int]  # calls of a compiling command's base ``run`` (``build_ext.run(self)``)


def _code(
    tree: ast.Module, reached: list[Function], calls: list[ast.Call], functions: dict[str, list[Function]]
) -> _Code:
    literals = flow.bound_literals([*reached, *module.top_assignments(tree)])
    fetches = [c for c in calls if _is_download(c)]
    handed = any(
        _name(c.func) in functions and any(_literal_url(a, literals) for a in [*c.args, *(k.value for k in c.keywords)])
        for c in calls
    )
    fetch = fetches[0] if len(fetches) == 1 and not handed else None
    return _Code(
        functions=functions,
        literals=literals,
        runners=_subprocess_imports(tree),
        downloads=bool(fetches),
        unpacks=any(_name(c.func) in _UNPACK for c in calls),
        checked=any(isinstance(n, ast.Name) and n.id == "hashlib" for f in reached for n in ast.walk(f)),
        fetch=fetch,
        saved=_saved(fetch, reached, literals),
        builds=builds.base_builds(_command_classes(tree)),
    )


def _saved(fetch: ast.Call | None, reached: list[Function], literals: dict[str, ast.Constant]) -> str | None:
    for function in reached:
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and node.value is fetch and isinstance(node.targets[0], ast.Name):
                return flow.saved_as(node.targets[0].id, reached, literals)
    return None


def _subprocess_imports(tree: ast.Module) -> frozenset[str]:
    return frozenset(
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "subprocess"
        for alias in node.names
        if alias.name in _RUNNERS
    )


def _functions(tree: ast.Module) -> dict[str, list[Function]]:
    found: dict[str, list[Function]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.setdefault(node.name, []).append(node)
    return found


def _reachable(tree: ast.Module, functions: dict[str, list[Function]]) -> list[Function]:
    """The ``run`` methods of the command classes (also one a class decorator attaches), the file's functions the
    module body calls (``setup_py_module``) and the file's functions they call, transitively."""
    classes = _command_classes(tree)
    queue: list[Function] = [
        item for node in classes for item in node.body if isinstance(item, ast.FunctionDef) and item.name == "run"
    ]
    queue.extend(flow.decorated_runs(classes, functions))
    queue.extend(module.called_at_top(tree, functions))
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


def _command_classes(tree: ast.Module) -> list[ast.ClassDef]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and any(_name(b) in _COMMAND_BASES for b in node.bases)
    ]


def _owner(node: ast.expr) -> str | None:
    return _name(node.value) if isinstance(node, ast.Attribute) else None


def _runs(call: ast.Call, runners: frozenset[str]) -> bool:
    """A ``subprocess``/``os`` call that runs a command (``subprocess.run``, ``os.system``, a bare imported runner)."""
    name = _name(call.func)
    bare_runner = isinstance(call.func, ast.Name) and call.func.id in runners
    return name in _RUNNERS and (_owner(call.func) in ("subprocess", "os") or name == "Popen" or bare_runner)


def _is_download(call: ast.Call) -> bool:
    name = _name(call.func)
    owner = _owner(call.func)
    return name in ("urlopen", "urlretrieve") or (name in _DOWNLOADS and owner in _DOWNLOAD_MODULES)


def _literal_url(node: ast.expr, literals: dict[str, ast.Constant]) -> ast.Constant | None:
    """A string literal URL (also through a name bound once to it), also the receiver of ``"…{0}…".format(…)``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        node = node.func.value
    node = flow.resolved(node, literals)
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(("http://", "https:")):
        return node
    return None


def _argv(node: ast.expr, literals: dict[str, ast.Constant]) -> str | None:
    """A literal command: a list of strings (argv, names bound once to a literal read as it) or a string (a shell
    command line)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    split = _split_words(node)
    if split:
        return " ".join(shlex.quote(w) for w in split)
    if isinstance(node, ast.List | ast.Tuple) and node.elts:
        elements = [flow.resolved(e, literals) for e in node.elts]
        words = [e.value if isinstance(e, ast.Constant) and isinstance(e.value, str) else None for e in elements]
        literal = [w if w is not None else "${SETUP_VALUE}" for w in words]
        if words[0] is not None:
            return " ".join(shlex.quote(w) if not w.startswith("${") else w for w in literal)
    return None


def _split_words(node: ast.expr) -> list[str] | None:
    """An argv written as one string and split: ``"python3 -m spacy download x".split()`` (whitespace) or
    ``shlex.split("…")`` of a literal; anything else (a separator, a computed string) is no literal argv."""
    if not isinstance(node, ast.Call) or node.keywords or not isinstance(node.func, ast.Attribute):
        return None
    func = node.func
    if func.attr != "split":
        return None
    if not node.args and isinstance(func.value, ast.Constant) and isinstance(func.value.value, str):
        return func.value.value.split()
    text = node.args[0] if len(node.args) == 1 else None
    if _name(func.value) == "shlex" and isinstance(text, ast.Constant) and isinstance(text.value, str):
        try:
            return shlex.split(text.value)
        except ValueError:
            return None
    return None


def _call_pieces(index: int, call: ast.Call, code: _Code) -> Iterator[Piece]:
    name = _name(call.func)
    arguments = [*call.args, *(k.value for k in call.keywords)]
    if _runs(call, code.runners) and arguments:
        command = _argv(arguments[0], code.literals)
        if command is not None:
            yield call.lineno, command
        return
    if code.fetch is not None:
        yield from _fetch_flow(call, code)
        return
    urls = [u for u in (_literal_url(a, code.literals) for a in arguments) if u is not None]
    if not urls or not code.downloads:
        return
    archive = f'"$SETUP_DOWNLOAD_{index}"'
    place = f'"$SETUP_BUILD_{index}"'
    check = f' && echo "${{SETUP_VALUE}}  "{archive} | sha256sum -c -' if code.checked else ""
    for url in urls:
        fetch = f"curl -fsSL -o {archive} {json.dumps(url.value)}{check}"
        builder = _is_download(call) or name not in code.functions
        yield url.lineno, fetch if builder or not code.unpacks else f"{fetch} && tar -xf {archive} -C {place}"
    if name in code.functions and code.unpacks:
        for lists in arguments:
            for step in lists.elts if isinstance(lists, ast.List | ast.Tuple) else []:
                command = _argv(step, code.literals)
                if command is not None and not isinstance(step, ast.Constant):
                    yield step.lineno, f"cd {place} && {command}"


_FETCHED = '"$SETUP_DOWNLOAD"'
_UNPACKED = '"$SETUP_BUILD"'


def _fetch_flow(call: ast.Call, code: _Code) -> Iterator[Piece]:
    """The one direct download of the code, what unpacks it and what makes the unpacked files executable."""
    fetched = shlex.quote(code.saved) if code.saved else _FETCHED
    check = f' && echo "${{SETUP_VALUE}}  "{fetched} | sha256sum -c -' if code.checked else ""
    if call is code.fetch:
        urls = [u for u in (_literal_url(a, code.literals) for a in call.args[:1]) if u is not None]
        where, url = (urls[0].lineno, json.dumps(urls[0].value)) if urls else (call.lineno, '"${SETUP_VALUE}"')
        yield where, f"curl -fsSL -o {fetched} {url}{check}"
    elif _name(call.func) in _UNPACK:
        yield call.lineno, f"unzip -o {fetched} -d {_UNPACKED}"
    elif id(call) in code.builds and code.unpacks:  # the base command compiles what was unpacked
        yield call.lineno, f"cd {_UNPACKED} && make"
    else:
        mode = flow.executable_mode(call)
        if mode is not None and code.unpacks:
            yield call.lineno, f'chmod {mode:o} {_UNPACKED}/"${{SETUP_VALUE}}"'
