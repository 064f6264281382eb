"""A migration's helper function read with the literal arguments its call gives.

An Alembic revision may do its work in a module function that ``upgrade()`` calls, the value that decides the SQL
passed as an argument (Phoenix's ``_set_user_id_nullable(table, False)``, whose body runs
``batch_op.alter_column("user_id", …, nullable=nullable)``; ``downgrade()`` calls it with ``True``). Read without its
call, ``nullable=nullable`` names no value and the ``SET NOT NULL`` the call sends was not seen. The helper's body is
read as a copy in which each parameter that the call gives a literal (positionally or by keyword) is that literal;
a parameter the body assigns again, an argument that is not a literal, or one after ``*args`` is left as written.
"""

from __future__ import annotations

import ast
import copy
import itertools


class _Literals(ast.NodeTransformer):
    def __init__(self, given: dict[str, ast.Constant]) -> None:
        self.given = given

    def visit_Name(self, node: ast.Name) -> ast.AST:
        value = self.given.get(node.id)
        if value is None or not isinstance(node.ctx, ast.Load):
            return node
        return ast.copy_location(ast.Constant(value=value.value), node)


def bound_body(fn: ast.FunctionDef, call: ast.Call | None) -> list[ast.stmt]:
    """``fn``'s statements with each parameter ``call`` gives a literal read as that literal (``fn.body`` itself when
    there is no call or no literal argument)."""
    if call is None:
        return fn.body
    params = [a.arg for a in (*fn.args.posonlyargs, *fn.args.args)]
    positional = itertools.takewhile(lambda a: not isinstance(a, ast.Starred), call.args)
    given = {p: v for p, v in zip(params, positional, strict=False) if isinstance(v, ast.Constant)}
    named = {*params, *(a.arg for a in fn.args.kwonlyargs)}
    given |= {k.arg: k.value for k in call.keywords if k.arg in named and isinstance(k.value, ast.Constant)}
    assigned = {n.id for n in ast.walk(fn) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
    given = {p: v for p, v in given.items() if p not in assigned}
    if not given:
        return fn.body
    literals = _Literals(given)
    return [literals.visit(copy.deepcopy(stmt)) for stmt in fn.body]
