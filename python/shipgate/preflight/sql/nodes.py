"""libpg_query's JSON syntax tree (``pglast.parser.parse_sql_json`` read by ``json.loads``), read field by field.

A node is ``{"TypeName": {field: value}}`` where the grammar allows any node, and a bare ``{field: value}``
where it names the type (a statement's ``relation``). Absent fields are PostgreSQL's defaults (false, none)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

MAX_WALK = 5_000  # syntax nodes looked at per statement (function calls, volatile defaults)

Node = dict[str, Any]


def typed(value: Any) -> tuple[str, Node]:
    """``{"Type": {…}}`` as (type, fields); anything else as ('', {})."""
    if isinstance(value, dict) and len(value) == 1:
        ((kind, fields),) = value.items()
        if kind[:1].isupper() and isinstance(fields, dict):
            return kind, fields
    return "", {}


def of_type(values: Any, kind: str) -> Iterator[Node]:
    """The fields of the ``kind`` nodes in a list field."""
    for value in values or ():
        found, fields = typed(value)
        if found == kind:
            yield fields


def sval(value: Any) -> str:
    return str(typed(value)[1].get("sval", ""))


def function_calls(node: Any) -> Iterator[Node]:
    """The ``FuncCall`` fields of the calls anywhere in ``node`` (bounded by ``MAX_WALK`` values)."""
    stack = [node]
    seen = 0
    while stack and seen < MAX_WALK:
        current = stack.pop()
        seen += 1
        if isinstance(current, list):
            stack.extend(current)
        elif isinstance(current, dict):
            call = current.get("FuncCall")
            if isinstance(call, dict) and call.get("funcname"):
                yield call
            stack.extend(v for v in current.values() if isinstance(v, dict | list))


def func_names(node: Any) -> set[str]:
    """Names of the functions called anywhere in ``node``, lowercased (bounded by ``MAX_WALK`` values)."""
    return {sval(call["funcname"][-1]).lower() for call in function_calls(node)}


def table(rel: Any) -> tuple[str, ...]:
    if not isinstance(rel, dict) or "relname" not in rel:
        return ()
    name = rel["relname"]
    return (f"{rel['schemaname']}.{name}" if rel.get("schemaname") else name,)


def options(values: Any) -> list[str]:
    return [str(d.get("defname", "")) for d in of_type(values, "DefElem")]
