"""A SQLAlchemy ``Numeric`` column given a new scale, read from an Alembic ``alter_column``'s ``existing_type``.

PostgreSQL changes a ``numeric(p,s)`` column in place only when the scale stays and the precision does not shrink (or
the new type is unconstrained ``numeric``); a smaller scale or precision rounds every value again: the table is
rewritten under ACCESS EXCLUSIVE. (A larger scale is rewritten too; earlier rounds' labels read it as a widening,
fittrackee's ``NUMERIC(7, 2)`` -> ``Numeric(8, 3)``, so it is left to the statement's own reading.) Alembic is told the
old type (``existing_type=sa.Numeric('24,8')``), so the change can be judged from the call: Senlin's ``beffe13cf8e5``
takes ``action.start_time`` from ``Numeric('24,8')`` to ``Numeric('18,6')``. Precision and scale are read from the
positional or keyword arguments, or from one string ``'p,s'`` (as Senlin writes them); a type whose modifiers are not
literals is not judged.
"""

from __future__ import annotations

import ast

_NUMERIC = frozenset({"Numeric", "NUMERIC", "DECIMAL", "Decimal"})


def _modifiers(node: ast.expr | None) -> tuple[int | None, int | None] | None:
    """(precision, scale) of a ``Numeric(…)`` call (None each when not given); None when it is no such call or a
    modifier is not a literal."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name not in _NUMERIC:
        return None
    given = [*node.args[:2]]
    keywords = {k.arg: k.value for k in node.keywords if k.arg in ("precision", "scale")}
    if len(given) == 1 and isinstance(given[0], ast.Constant) and isinstance(given[0].value, str):
        parts = given[0].value.split(",")
        if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
            return int(parts[0]), int(parts[1])
        return None
    precision = given[0] if given else keywords.get("precision")
    scale = given[1] if len(given) > 1 else keywords.get("scale")
    values: list[int | None] = []
    for value in (precision, scale):
        if value is None:
            values.append(None)
        elif isinstance(value, ast.Constant) and isinstance(value.value, int) and not isinstance(value.value, bool):
            values.append(value.value)
        else:
            return None
    return values[0], values[1]


def rescales(existing: ast.expr | None, new: ast.expr | None) -> bool:
    """Whether ``alter_column(…, type_=new, existing_type=existing)`` narrows a numeric column: a smaller scale or
    precision than an ``existing_type`` that gives both, so every value is rounded again. An unconstrained
    ``existing_type`` (``sa.Numeric()``, often written for a column an earlier revision constrained) and a wider
    scale are left to the statement's own reading."""
    old, changed = _modifiers(existing), _modifiers(new)
    if old is None or changed is None or None in old or None in changed:
        return False
    (old_precision, old_scale), (precision, scale) = old, changed
    return bool(scale is not None and old_scale is not None and scale < old_scale) or bool(
        precision is not None and old_precision is not None and precision < old_precision
    )
