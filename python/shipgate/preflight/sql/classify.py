"""One parsed PostgreSQL statement to a ``Statement``: what it does to which tables, the locks it takes.

The statement is libpg_query's JSON syntax tree (``shipgate.preflight.sql.nodes``). The lock and rewrite
rules are those migration reviewers apply (squawk's rules: require-lock-timeout,
require-concurrent-index-creation/deletion, ban-drop-table; ``ALTER TABLE`` in ``shipgate.preflight.sql.alter``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from shipgate.preflight.sql.alter import alter_table
from shipgate.preflight.sql.model import DATA_LOSS, IRREVERSIBLE, REVERSIBLE, Statement
from shipgate.preflight.sql.nodes import Node, func_names, of_type, options, sval, table, typed
from shipgate.preflight.sql.stored_passwords import stored_password

_ADVISORY = re.compile(r"^(?:pg_(?:try_)?advisory(?:_xact)?_lock(?:_shared)?|get_lock)$", re.I)
_SETTINGS_LOCK = frozenset({"lock_timeout", "lock_wait_timeout"})
_ZERO = re.compile(r"^\s*0*\.?0*\s*(?:us|ms|s|min|h|d)?\s*$", re.I)
_LOSSY_DROPS = frozenset({"OBJECT_SCHEMA", "OBJECT_MATVIEW", "OBJECT_SEQUENCE"})


def _kind_name(kind: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", kind.removesuffix("Stmt")).lower()


def classify(stmt: Node, line: int, excerpt: str) -> Statement:
    """The ``Statement`` for one parsed statement (``{"AlterTableStmt": {…}}``) written at ``line``."""
    kind, fields = typed(stmt)
    base: dict[str, Any] = {"line": line, "text": excerpt}
    special = _BY_TYPE.get(kind)
    if special is not None:
        return special(fields, base)
    return Statement(**base, kind=_kind_name(kind) if kind else "other")


def _index(s: Node, base: dict[str, Any]) -> Statement:
    concurrent = bool(s.get("concurrent"))
    return Statement(
        **base, kind="create_index", tables=table(s.get("relation")), takes_lock=not concurrent, concurrent=concurrent
    )


def _set(s: Node, base: dict[str, Any]) -> Statement:
    name = str(s.get("name") or "").lower()
    return Statement(**base, kind="set", sets_lock_timeout=name in _SETTINGS_LOCK and _bounds(s), detail=name)


def _bounds(s: Node) -> bool:
    """Whether ``SET lock_timeout`` sets a bound: ``0`` (pg_dump's header), ``DEFAULT`` and ``RESET`` switch
    the timeout off."""
    if s.get("kind") != "VAR_SET_VALUE":
        return False
    for arg in of_type(s.get("args"), "A_Const"):
        value = arg.get("sval", {}).get("sval") if "sval" in arg else arg.get("ival", {}).get("ival", 0)
        return not _ZERO.match(str(value))
    return True


def _relations(s: Node) -> tuple[str, ...]:
    return tuple(t for r in of_type(s.get("relations"), "RangeVar") for t in table(r))


def _lock(s: Node, base: dict[str, Any]) -> Statement:
    return Statement(
        **base, kind="lock", tables=_relations(s), takes_lock=True, sets_lock_timeout=bool(s.get("nowait"))
    )


def _truncate(s: Node, base: dict[str, Any]) -> Statement:
    return Statement(**base, kind="truncate", tables=_relations(s), takes_lock=True, reversibility=IRREVERSIBLE)


def _rename(s: Node, base: dict[str, Any]) -> Statement:
    """``ALTER … RENAME``: ACCESS EXCLUSIVE on the table renamed or whose column or constraint is; an index is
    renamed under SHARE UPDATE EXCLUSIVE (PostgreSQL 12 and later), which blocks no reads or writes; a view holds no
    rows (like ``DROP VIEW``, not a table's lock)."""
    relation = s.get("relation")
    other = s.get("renameType") in ("OBJECT_INDEX", "OBJECT_VIEW")
    return Statement(**base, kind="rename", tables=table(relation), takes_lock=relation is not None and not other)


def _transaction(s: Node, base: dict[str, Any]) -> Statement:
    kind = str(s.get("kind") or "")
    return Statement(**base, kind=kind.removeprefix("TRANS_STMT_").lower() if kind else "transaction")


def _maintenance(kind: str) -> Callable[[Node, dict[str, Any]], Statement]:
    def read(s: Node, base: dict[str, Any]) -> Statement:
        full = kind == "cluster" or "full" in options(s.get("options"))
        return Statement(**base, kind=kind, takes_lock=full, rewrites_table=full)

    return read


def _reindex(s: Node, base: dict[str, Any]) -> Statement:
    concurrent = "concurrently" in options(s.get("params"))
    return Statement(**base, kind="reindex", takes_lock=not concurrent, concurrent=concurrent)


def _select(s: Node, base: dict[str, Any]) -> Statement:
    advisory = any(_ADVISORY.match(f) for f in func_names(s))
    return Statement(**base, kind="advisory_lock" if advisory else "select", advisory_lock=advisory)


def _simple(kind: str, reversibility: str = REVERSIBLE) -> Callable[[Node, dict[str, Any]], Statement]:
    def read(s: Node, base: dict[str, Any]) -> Statement:
        return Statement(**base, kind=kind, tables=table(s.get("relation")), reversibility=reversibility)

    return read


def _rows(kind: str, reversibility: str = REVERSIBLE) -> Callable[[Node, dict[str, Any]], Statement]:
    """INSERT/UPDATE: as :func:`_simple`, and whether a row's value is a literal password hashed in the statement
    (``crypt('password', gen_salt('bf'))``, ``sql.stored_passwords``); the excerpt never carries it."""

    def read(s: Node, base: dict[str, Any]) -> Statement:
        password = stored_password(s)
        if password:
            base = {**base, "text": base["text"].replace(password, "***")}
        return Statement(
            **base,
            kind=kind,
            tables=table(s.get("relation")),
            reversibility=reversibility,
            stored_password=password,
        )

    return read


def _drop(s: Node, base: dict[str, Any]) -> Statement:
    what = str(s.get("removeType") or "")
    names = tuple(".".join(sval(p) for p in obj.get("items") or ()) for obj in of_type(s.get("objects"), "List"))
    if what == "OBJECT_TABLE":
        return Statement(**base, kind="drop_table", tables=names, takes_lock=True, reversibility=IRREVERSIBLE)
    if what == "OBJECT_INDEX":
        concurrent = bool(s.get("concurrent"))
        return Statement(
            **base, kind="drop_index", takes_lock=not concurrent, concurrent=concurrent, detail=", ".join(names)
        )
    kind = "drop_" + what.removeprefix("OBJECT_").lower()
    reversibility = IRREVERSIBLE if what in _LOSSY_DROPS else REVERSIBLE
    return Statement(**base, kind=kind, reversibility=reversibility, detail=", ".join(names))


def _role(kind: str) -> Callable[[Node, dict[str, Any]], Statement]:
    def read(s: Node, base: dict[str, Any]) -> Statement:
        role = s.get("role")
        name = role if isinstance(role, str) else (role or {}).get("rolename")
        password = None
        for option in of_type(s.get("options"), "DefElem"):
            value = typed(option.get("arg"))[1].get("sval") if option.get("defname") == "password" else None
            if isinstance(value, str) and value:
                password = value
        if password:  # the excerpt never carries the secret
            base = {**base, "text": base["text"].replace(password, "***")}
        return Statement(**base, kind=kind, password_role=(name or "?") if password else None)

    return read


_BY_TYPE: dict[str, Callable[[Node, dict[str, Any]], Statement]] = {
    "AlterTableStmt": alter_table,
    "IndexStmt": _index,
    "CreateStmt": _simple("create_table"),
    "DropStmt": _drop,
    "VariableSetStmt": _set,
    "LockStmt": _lock,
    "TruncateStmt": _truncate,
    "UpdateStmt": _rows("update", DATA_LOSS),
    "DeleteStmt": _simple("delete", DATA_LOSS),
    "InsertStmt": _rows("insert"),
    "RenameStmt": _rename,
    "TransactionStmt": _transaction,
    "CreateRoleStmt": _role("create_role"),
    "AlterRoleStmt": _role("alter_role"),
    "ClusterStmt": _maintenance("cluster"),
    "VacuumStmt": _maintenance("vacuum"),
    "ReindexStmt": _reindex,
    "DropdbStmt": lambda s, base: Statement(**base, kind="drop_database", reversibility=IRREVERSIBLE),
    "SelectStmt": _select,
}
