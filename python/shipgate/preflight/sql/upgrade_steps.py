"""Schema upgrade steps kept as Python functions registered with an upgrade table: a module under an ``upgrade``,
``upgrades`` or ``*migration*`` folder whose top-level functions carry a decorator ``@<table>.register(…)`` (one
function per schema version, run at start for the versions the database has not had) and send SQL with
``<connection>.execute("…")``. The SQL of each such call is read at the call's line (the blank lines a
triple-quoted string opens with dropped), as an Alembic revision's ``op.execute`` is (``pymigration``): a literal
string, or an f-string whose fields are read as names (a field holding clauses the function joins, ``drops =
", ".join(f"DROP CONSTRAINT {n}" for n in names)``, as one of those clauses).

Only the branch PostgreSQL takes is read: ``if scheme != "sqlite": A else: B`` reads A, ``if scheme ==
Scheme.POSTGRES: A else: B`` reads A, ``if scheme == "sqlite": A else: B`` reads B (a database named by a string or
by an attribute such as ``Scheme.SQLITE``). The module's own functions a step calls (a helper run for each table)
are read too, each once; a function imported from another module (the initial schema of a new database) is not.

Numbered migration functions are steps too: a module named ``migration(s).py`` or kept under such a folder whose
top-level functions are named by their version, ``m<number>_<what>`` (``m001_initial``, ``m002_add_fields``; at least
two), each taking the connection and run once, in order, by a runner that records the last version applied (LNbits
and its extensions keep their schema so). They are read as registered steps are."""

from __future__ import annotations

import ast
import re

from shipgate.preflight.python_tree import python_tree
from shipgate.preflight.sql.pymigration import _FIELD, MAX_BYTES, _callee, _sql_text

_STEP_FOLDERS = re.compile(r"upgrades?|.*migration.*")
_REGISTERED = re.compile(r"^\s*@[A-Za-z_][\w.]*\.register\b", re.M)
_NUMBERED = re.compile(r"m\d{3,}_\w+")
_NUMBERED_DEFS = re.compile(r"^(?:async[ \t]+)?def[ \t]+m\d{3,}_\w+[ \t]*\(", re.M)
_MIGRATION_MODULE = re.compile(r"migrations?\.py")
_MAX_NODES = 100_000
_POSTGRES = frozenset({"postgres", "postgresql", "cockroach", "cockroachdb"})
_OTHERS = frozenset({"sqlite", "sqlite3", "mysql", "mariadb", "mssql", "oracle"})
Found = tuple[list[tuple[int, str]], list[tuple[int, str]]]


def is_upgrade_step_module(path: str, text: str) -> bool:
    """A module of registered upgrade steps (see the module docstring), judged by its folder and its decorators."""
    lower = path.lower()
    if not lower.endswith(".py"):
        return False
    *folders, name = lower.split("/")
    if ".execute(" not in text:
        return False
    if any(_STEP_FOLDERS.fullmatch(f) for f in folders) and _REGISTERED.search(text) is not None:
        return True
    numbered_home = _MIGRATION_MODULE.fullmatch(name) is not None or "migrations" in folders
    return numbered_home and len(_NUMBERED_DEFS.findall(text)) >= 2


def _database(node: ast.expr) -> str | None:
    """The database a comparison operand names: ``"sqlite"`` or ``Scheme.SQLITE``, lower-cased."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.lower()
    if isinstance(node, ast.Attribute):
        return node.attr.lower()
    return None


def _databases(node: ast.expr) -> list[str | None]:
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [_database(e) for e in node.elts]
    return [_database(node)]


def _postgres_branch(test: ast.expr) -> bool | None:
    """True when PostgreSQL takes the ``if`` body, False when it takes the ``else``, None when the test is not a
    comparison with database names."""
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    names = _databases(test.comparators[0])
    if not names or any(n is None for n in names):
        return None
    if any(n in _POSTGRES for n in names):
        named_postgres = True
    elif all(n in _OTHERS for n in names):
        named_postgres = False
    else:
        return None
    op = test.ops[0]
    if isinstance(op, ast.Eq | ast.In):
        return named_postgres
    if isinstance(op, ast.NotEq | ast.NotIn):
        return not named_postgres
    return None


def _joined_clauses(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, str]:
    """The function's names bound to clauses joined into one (``drops = ", ".join(f"DROP CONSTRAINT {n}" for n in
    names)``): the name and the SQL of one clause."""
    clauses: dict[str, str] = {}
    for node in ast.walk(fn):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
            continue
        call = node.value
        if not (isinstance(call, ast.Call) and _callee(call) == "join" and len(call.args) == 1):
            continue
        if not (isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Constant)):
            continue
        items = call.args[0]
        if isinstance(items, ast.GeneratorExp | ast.ListComp) and (clause := _sql_text(items.elt)) is not None:
            clauses[node.targets[0].id] = clause
    return clauses


def _step_sql(node: ast.expr, clauses: dict[str, str]) -> str | None:
    """``_sql_text``, with an f-string's field that names joined clauses read as one of them."""
    if not isinstance(node, ast.JoinedStr):
        return _sql_text(node)
    parts: list[str] = []
    for value in node.values:
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            parts.append(value.value)
        elif isinstance(value, ast.FormattedValue) and isinstance(value.value, ast.Name):
            parts.append(clauses.get(value.value.id, _FIELD))
        else:
            parts.append(_FIELD)
    return "".join(parts)


class _Steps(ast.NodeVisitor):
    """Walks a step's body: each ``execute`` of literal SQL, in the branches PostgreSQL takes."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self.clauses: dict[str, str] = {}  # the function being read: names bound to joined clauses
        self.called: list[str] = []  # plain-name calls in the branches read: the module's helpers among them

    def visit_If(self, node: ast.If) -> None:
        branch = _postgres_branch(node.test)
        chosen = [*node.body, *node.orelse] if branch is None else node.body if branch else node.orelse
        for stmt in chosen:
            self.visit(stmt)

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name):
            self.called.append(node.func.id)
        if _callee(node) == "execute" and isinstance(node.func, ast.Attribute) and node.args:
            sql = _step_sql(node.args[0], self.clauses)
            if sql is not None:  # a triple-quoted statement opening on the next line is still the call's
                self.found.append((node.lineno, sql.lstrip()))


def _registered(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr == "register"
        for d in fn.decorator_list
    )


def _numbered(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """A migration function named by its version (``m002_add_fields``) that takes the connection."""
    return _NUMBERED.fullmatch(fn.name) is not None and bool(fn.args.args)


Function = ast.FunctionDef | ast.AsyncFunctionDef


def _steps(functions: dict[str, Function]) -> list[Function]:
    """The module's steps: its registered functions, or else its numbered ones (two or more)."""
    registered = [f for f in functions.values() if _registered(f)]
    if registered:
        return registered
    numbered = [f for f in functions.values() if _numbered(f)]
    return numbered if len(numbered) >= 2 else []


def upgrade_step_sql(path: str, text: str) -> Found | None:
    """(line, SQL) of every ``execute`` the steps run on PostgreSQL; None when the file cannot be read (over the
    size or node bound, or not Python that ``ast`` parses). Nothing is left unread: a call that is not ``execute``
    of literal SQL sends no schema change this reader could name."""
    if len(text) > MAX_BYTES:
        return None
    tree = python_tree(text)
    if tree is None or sum(1 for _ in ast.walk(tree)) > _MAX_NODES:
        return None
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    pending = _steps(functions)
    seen = {f.name for f in pending}
    walker = _Steps()
    while pending:  # the registered steps, then the module's own functions they call, each once
        fn = pending.pop(0)
        walker.clauses = _joined_clauses(fn)
        for stmt in fn.body:
            walker.visit(stmt)
        for name in walker.called:
            if name in functions and name not in seen:
                seen.add(name)
                pending.append(functions[name])
    return sorted(walker.found), []


def step_starts(text: str) -> tuple[int, ...]:
    """The first line of each step (its decorators included), in order: each step runs apart from the others, on a
    database where the earlier ones already ran, so a table one step creates is live when a later step alters it."""
    tree = python_tree(text) if len(text) <= MAX_BYTES else None
    if tree is None:
        return ()
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    return tuple(sorted(min([f.lineno, *(d.lineno for d in f.decorator_list)]) for f in _steps(functions)))
