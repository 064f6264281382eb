"""URL constants a program module imports from another file of its package, and the requests it hands them to
(docs/preflight.md, ``external_endpoint``).

A product often keeps its hosts in a module of constants: ``src/constants.ts``'s ``export const
MOZ_CENTRAL_CARGO_TOML = 'https://…'``, which ``install.ts`` imports (``import { MOZ_CENTRAL_CARGO_TOML } from
'./constants.js'``) and fetches; a Python ``config.py``'s ``UPDATE_URL = "https://…"`` that ``update.py`` imports
(``from .config import UPDATE_URL``) and hands to ``urlopen``. Read file by file, the literal is a setting of the
constants module and the request names no host. The package is read as a whole, so the import is followed to the
file of the package it names, and the literal there is the value the request uses, as a sourced library's
assignment is in a shell script (``read.with_sourced``): the host is contacted at each request line of the importing
module, and the literal's line is the assignment that request names, no contact of its own.

Bounded: only a string literal the defining module assigns once at its top level (a name it assigns again, a value
from the environment or from a call is not followed); only a module the package holds (a name imported from a
third-party package leads nowhere); one step (a constant of the defining module built from a third module's is not
followed); a name the importing module binds itself is its own; at most :data:`MAX_MODULES` modules followed per
importing file, each defining module read once; files over :data:`MAX_CHARS` are not read. Python (``from M import
N [as A]``, relative or of the package's own modules) and JavaScript/TypeScript (``import { N as A } from './m'``,
``const { N } = require('./m')``)."""

from __future__ import annotations

import ast
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import tree_sitter

from shipgate.preflight import js_script
from shipgate.preflight.distributed import is_browser_script, is_minified_name
from shipgate.preflight.js_downloads import bindings, requested_urls
from shipgate.preflight.js_url_values import leading_name, once_bound
from shipgate.preflight.markup import is_test_path
from shipgate.preflight.module_downloads import module_file
from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.requested_urls import requested_names
from shipgate.preflight.syntax_nodes import named_nodes
from shipgate.preflight.syntax_nodes import node_text as _text

Node = tree_sitter.Node
MAX_MODULES = 16
MAX_CHARS = 1_000_000
_JS_SUFFIXES = (".js", ".cjs", ".mjs", ".ts", ".mts", ".cts")
PROGRAM_SUFFIXES = (".py", *_JS_SUFFIXES)  # the files whose imports are followed
_PY_IMPORT = re.compile(r"(?m)^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import\b")
# a name given a URL literal at the start of a line (``URL = "https://…"``, ``export const URL: string = '…'``)
_URL_CONSTANT = re.compile(
    r"""(?m)^(?:export[ \t]+)?(?:(?:const|let|var)[ \t]+)?([A-Za-z_$][\w$]*)[ \t]*(?::[^=\n]*)?=[ \t]*"""
    r"""[rRbBuU]?['"`][a-zA-Z][\w+.-]*://"""
)
_JS_IMPORT = re.compile(r"""(?:from|require\()[ \t]*['"](\.{1,2}/[^'"\n]{1,200})['"]""")


@dataclass(frozen=True)
class Use:
    """A request of an imported URL constant: the importing file, the request's line and its text."""

    path: str
    line: int
    text: str


# defining file -> literal line -> the requests of it in the files that import it
Uses = dict[str, dict[int, list[Use]]]


def imported_requests(files: Mapping[str, bytes | str]) -> Uses:
    """Per defining file and line of a URL literal, the requests other program files of the package (``files``:
    path -> content) make of it through an import (module docstring). Tests' requests are left out. Read once for
    the whole package, as the importing file and the defining one may be read in different shards."""
    sources = {p: _decoded(d) for p, d in files.items() if p.lower().endswith(PROGRAM_SUFFIXES) and len(d) <= MAX_CHARS}
    found: Uses = {}
    constants = _Constants(sources)
    for path, text in sources.items():
        if is_test_path(path):
            continue
        lines: list[str] = []
        for name_line, source, call_line in _requests(path, text, constants):
            lines = lines or text.splitlines()
            use = Use(path, call_line, lines[call_line - 1].strip() if call_line <= len(lines) else "")
            uses = found.setdefault(source, {}).setdefault(name_line, [])
            if use not in uses:
                uses.append(use)
    return found


def _decoded(data: bytes | str) -> str:
    return data if isinstance(data, str) else data.decode("utf-8", errors="replace")


def _requests(path: str, text: str, constants: _Constants) -> Iterator[tuple[int, str, int]]:
    """(literal line in the defining file, defining file, request line) of a file's requests of imported constants;
    the file is parsed only when it imports a module of the package whose text assigns a URL at its top level to a
    name the file spells (a search of the texts, no parsing: most imports are of anything else)."""
    if path.endswith(".py"):
        named = [constants.python_module(path, len(m[1]), m[2]) for m in _PY_IMPORT.finditer(text)]
    elif path.lower().endswith(_JS_SUFFIXES) and not (is_browser_script(path) or is_minified_name(path.lower())):
        # a served page's script is the reader's browser's request, not the host's (distributed.is_browser_script)
        named = [module_file(path, m[1], constants.paths) for m in _JS_IMPORT.finditer(text)] if "./" in text else []
    else:
        return
    spelled = any(re.search(rf"\b{re.escape(n)}\b", text) for s in named if s for n in constants.written(s))
    if spelled:
        yield from (_python_requests if path.endswith(".py") else _js_requests)(path, text, constants)


class _Constants:
    """The package's program files, read as defining modules on demand (each once): name -> literal line."""

    def __init__(self, sources: Mapping[str, str]) -> None:
        self.sources = sources
        self.paths = frozenset(sources)
        self.read: dict[str, dict[str, int]] = {}
        self.names: dict[str, frozenset[str]] = {}
        self.by_name: dict[str, list[str]] = {}  # a file's base name -> the package paths so named
        for p in sources:
            self.by_name.setdefault(posixpath.basename(p), []).append(p)

    def written(self, path: str) -> frozenset[str]:
        """The names a file's text assigns a URL literal to at the start of a line: the candidates :meth:`of` reads."""
        if path not in self.names:
            text = self.sources.get(path, "")
            self.names[path] = frozenset(m[1] for m in _URL_CONSTANT.finditer(text)) if "://" in text else frozenset()
        return self.names[path]

    def of(self, path: str) -> dict[str, int]:
        if path not in self.read:
            text = self.sources.get(path, "")
            python = path.endswith(".py")
            self.read[path] = (_python_literals(text) if python else _js_literals(path, text)) if "://" in text else {}
        return self.read[path]

    def python_module(self, path: str, level: int, module: str) -> str | None:
        """The package file ``from MODULE import …`` (``level`` leading dots) in the module at ``path`` names, None
        for another package's."""
        dotted = module.replace(".", "/")
        if level:
            folder = posixpath.dirname(path)
            for _ in range(level - 1):
                folder = posixpath.dirname(folder)
            wanted = posixpath.normpath(posixpath.join(folder, dotted + ".py")) if dotted else ""
            return wanted if wanted in self.sources else None
        if not dotted:
            return None
        sibling = posixpath.join(posixpath.dirname(path), dotted + ".py")  # a script's module beside it
        if sibling in self.sources:
            return sibling
        named = [p for p in self.by_name.get(posixpath.basename(dotted) + ".py", []) if p.endswith(f"/{dotted}.py")]
        return named[0] if len(named) == 1 else None  # the package's own module, named once


def _python_literals(text: str) -> dict[str, int]:
    """The URL literals a Python module assigns once at its top level: name -> line."""
    tree = python_tree(text)
    if tree is None:
        return {}
    stores: dict[str, int] = {}  # how often each name is bound anywhere in the module
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            stores[node.id] = stores.get(node.id, 0) + 1
    out: dict[str, int] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target, value = stmt.targets[0], stmt.value
        elif isinstance(stmt, ast.AnnAssign) and stmt.value is not None:
            target, value = stmt.target, stmt.value
        else:
            continue
        literal = value.value if isinstance(value, ast.Constant) else None
        once = isinstance(target, ast.Name) and stores.get(target.id) == 1
        if once and isinstance(target, ast.Name) and isinstance(literal, str) and "://" in literal:
            out[target.id] = value.lineno
    return out


def _python_requests(path: str, text: str, constants: _Constants) -> Iterator[tuple[int, str, int]]:
    tree = python_tree(text)
    if tree is None:
        return
    imported: dict[str, tuple[str, int]] = {}  # local name -> (defining file, literal line)
    modules = 0
    for stmt in tree.body:
        if not isinstance(stmt, ast.ImportFrom) or modules >= MAX_MODULES:
            continue
        source = constants.python_module(path, stmt.level, stmt.module or "")
        if source is None or source == path:
            continue
        modules += 1
        literals = constants.of(source)
        for alias in stmt.names:
            if alias.name in literals:
                imported[alias.asname or alias.name] = (source, literals[alias.name])
    for name, _, call_line in requested_names(tree, frozenset(imported)) if imported else ():
        source, line = imported[name]
        yield line, source, call_line


def _js_literals(path: str, text: str) -> dict[str, int]:
    """The URL literals a JavaScript/TypeScript module binds once at its top level (``export const X = '…'``)."""
    root = js_script.syntax_tree(path, text)
    if root is None:
        return {}
    once = once_bound(bindings(root))
    out: dict[str, int] = {}
    for name, value in once.items():
        plain = value.type == "string" or (value.type == "template_string" and not _substituted(value))
        if plain and _top_level(value) and "://" in _text(value):
            out[name] = value.start_point[0] + 1
    return out


def _substituted(node: Node) -> bool:
    return any(c.type == "template_substitution" for c in node.named_children)


def _top_level(value: Node) -> bool:
    """The value of a declaration at the module's top level (``const X = …``, ``export const X = …``)."""
    holder = value.parent.parent if value.parent is not None else None  # declarator, then its declaration
    holder = holder.parent if holder is not None else None
    return holder is not None and holder.type in ("program", "export_statement")


def _js_imports(path: str, root: Node, constants: _Constants) -> dict[str, tuple[str, int]]:
    """Local name -> (defining file, literal line) of the constants a JavaScript/TypeScript file imports by name."""
    out: dict[str, tuple[str, int]] = {}
    modules = 0
    declarations = [s for s in root.named_children if s.type in ("lexical_declaration", "variable_declaration")]
    statements = [s for s in root.named_children if s.type == "import_statement"]
    for node in statements + [d for s in declarations for d in s.named_children if d.type == "variable_declarator"]:
        named = _imported_names(node)
        if named is None or modules >= MAX_MODULES:
            continue
        source = module_file(path, named[0], constants.paths)
        if source is None or source == path:
            continue
        modules += 1
        literals = constants.of(source)
        out |= {local: (source, literals[name]) for name, local in named[1] if name in literals}
    return out


def _imported_names(node: Node) -> tuple[str, list[tuple[str, str]]] | None:
    """(module, [(exported name, local name)]) of ``import { A, B as C } from './m'`` or ``const { A, B: C } =
    require('./m')``; None for anything else."""
    if node.type == "import_statement":
        source = node.child_by_field_name("source")
        specifiers = [s for s in named_nodes(node) if s.type == "import_specifier"]
        named = [(s.child_by_field_name("name"), s.child_by_field_name("alias")) for s in specifiers]
        pairs = [(_text(name), _text(alias or name)) for name, alias in named]
        return (_unquoted(source), pairs) if source is not None else None
    return _required_names(node)


def _required_names(node: Node) -> tuple[str, list[tuple[str, str]]] | None:
    """(module, [(exported name, local name)]) of ``const { A, B: C } = require('./m')``."""
    pattern, value = node.child_by_field_name("name"), node.child_by_field_name("value")
    if pattern is None or value is None or pattern.type != "object_pattern" or value.type != "call_expression":
        return None
    if _text(value.child_by_field_name("function")) != "require":
        return None
    arguments = value.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    if first is None or first.type != "string":
        return None
    names: list[tuple[str, str]] = []
    for item in pattern.named_children:
        if item.type == "shorthand_property_identifier_pattern":
            names.append((_text(item), _text(item)))
        elif item.type == "pair_pattern":
            key, local = item.child_by_field_name("key"), item.child_by_field_name("value")
            if key is not None and local is not None and local.type == "identifier":
                names.append((_text(key), _text(local)))
    return _unquoted(first), names


def _unquoted(node: Node) -> str:
    return _text(node).strip("'\"`")


def _js_requests(path: str, text: str, constants: _Constants) -> Iterator[tuple[int, str, int]]:
    root = js_script.syntax_tree(path, text)
    if root is None:
        return
    imported = _js_imports(path, root, constants)
    if not imported:
        return
    own = {name for name, _ in bindings(root)}  # a name the file binds itself is its own
    bound = once_bound(bindings(root))
    for call, url in requested_urls(root, js_script.grammar(path)):
        name = leading_name(url, bound)
        if name is not None and name in imported and name not in own:
            source, line = imported[name]
            yield line, source, call.start_point[0] + 1
