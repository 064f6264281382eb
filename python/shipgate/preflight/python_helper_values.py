"""Values a Python install program's own functions build from what each call gives them: where a download helper
saves a fetch and from which URL, and what a function returns.

``def download(name): r = requests.get(f"{BASE}/{name}"); … open(f"/tmp/{name}", "wb") …; return f"/tmp/{name}"``
saves ``${BASE}/NAME`` at ``/tmp/NAME`` for each call, and ``archive = download("agent.tgz")`` is then
``/tmp/agent.tgz``: the reader (``shipgate.preflight.python_script``) writes ``curl -fsSL -o PATH URL`` at each call
and the returned value as the name's, each with the call's values put in for the parameters.

A value counts when it is an expression of the function's parameters and the module's names (``BASE``), through
string literals, f-strings, ``+``/``%``/``/``, ``.format(…)``, ``os.path.join`` and ``str``/``Path``, also through a
local name the function binds once to such an expression (``url = f"{BASE}/{name}"``; inlined to a bound depth). A
save counts when both its URL and its path are such values and at least one parameter is in them (a helper that saves
a constant download is read at its own line); a return counts when every ``return`` of the function gives the same
expression (a function with two different returns gives none). One pass over each function; nothing recursive
past :data:`MAX_INLINE`."""

from __future__ import annotations

import ast
import copy
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from shipgate.preflight.python_tree import simple_name

Function = ast.FunctionDef | ast.AsyncFunctionDef

MAX_INLINE = 4  # local names inlined one into another
MAX_NODES = 200  # nodes of one value, inlined
_UNKNOWN_LOCAL = "\x00local"
_WRAPPERS = frozenset({"str", "Path", "PurePath", "expanduser", "abspath", "realpath", "normpath", "fspath"})


@dataclass(frozen=True)
class HelperValues:
    """What a function of the file builds from its parameters: the (URL, path) of each fetch it saves, and the one
    expression it returns (None: none, or not one of its parameters and the module's names)."""

    params: list[str]
    defaults: dict[str, ast.expr]
    saves: list[tuple[ast.expr, ast.expr]]
    returned: ast.expr | None


def params_of(function: Function) -> list[str]:
    """A function's positional parameters, without a method's ``self``/``cls``."""
    params = [a.arg for a in function.args.posonlyargs + function.args.args]
    return params[1:] if params and params[0] in ("self", "cls") else params


def module_names(tree: ast.Module) -> set[str]:
    """Names the module binds at its top level (also inside a top-level ``if``/``try``): its constants."""
    found: set[str] = set()
    statements: list[ast.stmt] = list(tree.body)
    for node in tree.body:
        if isinstance(node, ast.If | ast.Try):
            statements.extend(node.body + node.orelse + getattr(node, "finalbody", []))
    for node in statements:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            found |= {t.id for t in _targets(node) if isinstance(t, ast.Name)}
    return found


def helper_values(
    functions: dict[str, Function],
    constants: set[str],
    saved: dict[int, ast.expr],
    walk: Callable[[ast.AST], Iterator[ast.AST]],
) -> dict[str, HelperValues]:
    """The file's functions that save a fetch of values of their parameters, or return one such value.
    ``saved`` maps each fetch call to the path its response is written to (``python_saved_fetches``); ``walk``
    yields a function's own nodes (not those of functions nested in it)."""
    found: dict[str, HelperValues] = {}
    for name, function in functions.items():
        nodes = list(walk(function))
        if any(isinstance(n, ast.Yield | ast.YieldFrom) for n in nodes):
            continue  # a generator returns no value of its own
        params = params_of(function)
        locals_ = _single_bindings(nodes, set(params))
        value = _Values(set(params), constants - set(locals_) - set(params), locals_)
        saves = [s for s in (_save(n, saved) for n in nodes) if s is not None]
        saves = [(url, path) for url, path in ((value.of(u), value.of(p)) for u, p in saves) if url and path]
        saves = [(url, path) for url, path in saves if value.uses_param(url) or value.uses_param(path)]
        returned = _returned(nodes, value)
        if saves or returned is not None:
            found[name] = HelperValues(params, _defaults(function, params), saves, returned)
    return found


def _save(node: ast.AST, saved: dict[int, ast.expr]) -> tuple[ast.expr, ast.expr] | None:
    """(URL, path) of ``urlretrieve(URL, path)`` or of a fetch whose response is written to ``path``."""
    if not (isinstance(node, ast.Call) and node.args):
        return None
    if simple_name(node.func) == "urlretrieve" and len(node.args) > 1:
        return node.args[0], node.args[1]
    path = saved.get(id(node))
    return (node.args[0], path) if path is not None else None


def _returned(nodes: list[ast.AST], value: _Values) -> ast.expr | None:
    """The one expression every ``return`` of the function gives, when it is a value of its parameters."""
    returns = [n for n in nodes if isinstance(n, ast.Return)]
    if not returns or any(r.value is None for r in returns):
        return None
    shapes = {ast.dump(r.value) for r in returns if r.value is not None}
    first = returns[0].value
    return value.of(first) if len(shapes) == 1 and first is not None else None


def _defaults(function: Function, params: list[str]) -> dict[str, ast.expr]:
    """A parameter's default value, for a call that does not give it."""
    defaults = function.args.defaults
    return dict(zip(params[len(params) - len(defaults) :], defaults, strict=False)) if defaults else {}


def _single_bindings(nodes: list[ast.AST], params: set[str]) -> dict[str, ast.expr | None]:
    """Each local name: the expression of its one plain assignment, or None when it is bound otherwise or twice
    (a loop's variable, ``with … as``, ``+=``, a second assignment)."""
    bound: dict[str, ast.expr | None] = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            bound[name] = node.value if name not in bound and name not in params else None
            continue
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign | ast.For | ast.AsyncFor | ast.withitem):
            targets = _targets(node)
            bound |= {t.id: None for t in targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.NamedExpr):
            bound[node.target.id] = None
    return bound


def _targets(node: ast.AST) -> Iterator[ast.AST]:
    if isinstance(node, ast.Assign):
        for target in node.targets:
            yield from ast.walk(target)
    elif isinstance(node, ast.AugAssign | ast.AnnAssign | ast.For | ast.AsyncFor):
        yield from ast.walk(node.target)
    elif isinstance(node, ast.withitem) and node.optional_vars is not None:
        yield from ast.walk(node.optional_vars)


@dataclass(frozen=True)
class _Values:
    """Reads an expression as a value of a function's parameters and the module's names."""

    params: set[str]
    constants: set[str]
    locals_: dict[str, ast.expr | None]

    def of(self, node: ast.expr) -> ast.expr | None:
        """``node`` with its local names inlined, or None when it is not such a value."""
        if len(list(itertools.islice(ast.walk(node), MAX_NODES + 1))) > MAX_NODES:
            return None
        inlined = _Inline(self.locals_).visit(copy.deepcopy(node))
        return inlined if isinstance(inlined, ast.expr) and self.allowed(inlined) else None

    def uses_param(self, node: ast.expr) -> bool:
        return any(isinstance(n, ast.Name) and n.id in self.params for n in ast.walk(node))

    def allowed(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str | int) and not isinstance(node.value, bool)
        if isinstance(node, ast.Name):
            return node.id in self.params or node.id in self.constants
        if isinstance(node, ast.JoinedStr):
            return all(self.allowed(v) for v in node.values)
        if isinstance(node, ast.FormattedValue):
            return node.format_spec is None and self.allowed(node.value)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod | ast.Div):
            return self.allowed(node.left) and self.allowed(node.right)
        if isinstance(node, ast.Tuple):
            return all(self.allowed(e) for e in node.elts)
        if isinstance(node, ast.Call):
            return self.allowed_call(node)
        return False

    def allowed_call(self, node: ast.Call) -> bool:
        """``os.path.join(…)``, ``str(x)``/``Path(x)``, ``"…{}".format(…)`` of such values."""
        name, func = simple_name(node.func), node.func
        args = list(node.args) + [k.value for k in node.keywords]
        if any(isinstance(a, ast.Starred) for a in node.args):
            return False
        if name == "join" and isinstance(func, ast.Attribute) and simple_name(func.value) in ("path", "posixpath"):
            return bool(args) and all(self.allowed(a) for a in args)
        if name in _WRAPPERS and len(node.args) == 1 and not node.keywords:
            return self.allowed(node.args[0])
        if name == "format" and isinstance(func, ast.Attribute):
            return self.allowed(func.value) and all(self.allowed(a) for a in args)
        return False


class _Inline(ast.NodeTransformer):
    """Local names bound once replaced by (copies of) their expressions, to :data:`MAX_INLINE` levels and
    :data:`MAX_NODES` nodes copied in all (past either, the name is a local not known)."""

    def __init__(self, locals_: dict[str, ast.expr | None], depth: int = 0, budget: list[int] | None = None) -> None:
        self.locals_ = locals_
        self.depth = depth
        self.budget = budget if budget is not None else [MAX_NODES]

    def visit_Name(self, node: ast.Name) -> ast.AST:
        if node.id not in self.locals_:
            return node
        bound = self.locals_[node.id]
        if bound is None or self.depth >= MAX_INLINE or self.budget[0] <= 0:
            return ast.Name(id=_UNKNOWN_LOCAL, ctx=ast.Load())  # no parameter, no constant
        size = len(list(itertools.islice(ast.walk(bound), self.budget[0] + 1)))
        self.budget[0] -= size
        if self.budget[0] < 0:
            return ast.Name(id=_UNKNOWN_LOCAL, ctx=ast.Load())
        inlined: ast.AST = _Inline(self.locals_, self.depth + 1, self.budget).visit(copy.deepcopy(bound))
        return inlined
