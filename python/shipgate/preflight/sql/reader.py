"""SQL files to ``SqlFile``: split by PostgreSQL's own scanner, each statement parsed by PostgreSQL's own
parser (pglast wraps libpg_query), classified from the syntax tree. A statement the parser refuses (another
dialect, a syntax error) is kept with ``checked=False`` and a kind read from its leading keywords.

The lock and rewrite rules are those migration reviewers apply (squawk's rules: require-lock-timeout,
require-concurrent-index-creation/deletion, changing-column-type, adding-field-with-default (volatile),
setting-not-nullable-field, constraint-missing-not-valid, ban-drop-column/table)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pglast import ast, parser
from pglast.enums import AlterTableType as AT
from pglast.enums import ObjectType

from shipgate.preflight.sql.model import DATA_LOSS, IRREVERSIBLE, REVERSIBLE, SqlFile, Statement

MAX_SQL_BYTES = 16 * 1024 * 1024  # above this a file is not parsed (preflight's own file bound is lower)
MAX_STATEMENTS = 50_000
MAX_EXCERPT = 240
_MAX_WALK = 5_000  # syntax nodes looked at per statement (function calls, volatile defaults)

_MYSQL = re.compile(
    r"`|\bENGINE\s*=|\bAUTO_INCREMENT\b|\bUNSIGNED\b|^\s*DELIMITER\b|/\*!\d|\bLOCK\s+TABLES\b", re.I | re.M
)
_SQLITE = re.compile(r"\bAUTOINCREMENT\b|^\s*PRAGMA\b|\bWITHOUT\s+ROWID\b", re.I | re.M)
_LEADING = re.compile(r"^\s*(?:--[^\n]*\n|/\*.*?\*/|\s)*", re.S)
_VOLATILE = frozenset({"now", "random", "gen_random_uuid", "uuid_generate_v4", "clock_timestamp", "nextval"})
_ADVISORY = re.compile(r"^(?:pg_(?:try_)?advisory(?:_xact)?_lock(?:_shared)?|get_lock)$", re.I)
_SETTINGS_LOCK = frozenset({"lock_timeout", "lock_wait_timeout"})
# Keywords → kind, for statements the PostgreSQL parser refused (MySQL/SQLite, or a dialect extension).
_KEYWORD_KINDS: tuple[tuple[re.Pattern[str], str, bool, str], ...] = tuple(
    (re.compile(p, re.I), kind, lock, rev)
    for p, kind, lock, rev in (
        (
            r"ALTER\s+TABLE\b.*\bDROP\s+(?:COLUMN\s+)?(?!INDEX|KEY|PRIMARY|FOREIGN|CONSTRAINT)",
            "alter_table_drop_column",
            True,
            IRREVERSIBLE,
        ),
        (r"ALTER\s+TABLE\b.*\b(?:MODIFY|CHANGE)\b", "alter_column_type", True, IRREVERSIBLE),
        (r"ALTER\s+TABLE\b.*\bADD\b", "alter_table_add_column", True, REVERSIBLE),
        (r"ALTER\s+TABLE\b", "alter_table", True, REVERSIBLE),
        (r"CREATE\s+(?:UNIQUE\s+)?INDEX\b", "create_index", True, REVERSIBLE),
        (r"CREATE\s+(?:TEMPORARY\s+)?TABLE\b", "create_table", False, REVERSIBLE),
        (r"DROP\s+TABLE\b", "drop_table", True, IRREVERSIBLE),
        (r"DROP\s+INDEX\b", "drop_index", True, REVERSIBLE),
        (r"TRUNCATE\b", "truncate", True, IRREVERSIBLE),
        (r"UPDATE\b", "update", False, DATA_LOSS),
        (r"DELETE\b", "delete", False, DATA_LOSS),
        (r"INSERT\b|REPLACE\b", "insert", False, REVERSIBLE),
        (r"RENAME\s+TABLE\b", "rename", True, REVERSIBLE),
        (r"SET\b", "set", False, REVERSIBLE),
        (r"LOCK\s+TABLES?\b", "lock", True, REVERSIBLE),
    )
)


def parse_sql(text: str, *, path: str) -> SqlFile:
    """The statements of one SQL file, bounded by ``MAX_SQL_BYTES`` and ``MAX_STATEMENTS``."""
    size = len(text.encode("utf-8", "surrogateescape"))
    if size > MAX_SQL_BYTES:
        return SqlFile(path=path, dialect="unknown", skipped=f"{size} bytes, over the {MAX_SQL_BYTES}-byte SQL bound")
    try:
        slices = parser.split(text, with_parser=False, only_slices=True)
    except parser.ParseError as exc:
        return SqlFile(path=path, dialect=_dialect(text, False), unchecked=1, first_error=str(exc)[:200])
    starts = _line_starts(text)
    statements: list[Statement] = []
    unchecked = 0
    first_error: str | None = None
    for piece in slices[:MAX_STATEMENTS]:
        source = text[piece]
        lead = _LEADING.match(source)
        skip = lead.end() if lead else 0
        body = source[skip:]
        if not body.strip():
            continue
        line = _line_of(starts, piece.start + skip)
        try:
            parsed = parser.parse_sql(body)
        except parser.ParseError as exc:
            unchecked += 1
            first_error = first_error or f"line {line}: {exc}"[:200]
            statements.append(_by_keywords(body, line))
            continue
        statements.extend(_classify(raw.stmt, body, line) for raw in parsed)
    skipped = f"more than {MAX_STATEMENTS} statements; the rest is not read" if len(slices) > MAX_STATEMENTS else None
    dialect = _dialect(text, unchecked == 0)
    return SqlFile(
        path=path,
        dialect=dialect,
        statements=tuple(statements),
        unchecked=unchecked,
        first_error=first_error,
        skipped=skipped,
    )


def _dialect(text: str, postgres_ok: bool) -> str:
    sample = text[: 256 * 1024]
    if _MYSQL.search(sample):
        return "mysql"
    if _SQLITE.search(sample):
        return "sqlite"
    return "postgresql" if postgres_ok else "unknown"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset)


def _excerpt(body: str) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= MAX_EXCERPT else flat[:MAX_EXCERPT] + "…"


def _by_keywords(body: str, line: int) -> Statement:
    head = body[:4096]
    for pattern, kind, lock, rev in _KEYWORD_KINDS:
        if pattern.match(head):
            lock_setting = kind == "set" and re.search(r"\block_wait_timeout\b|\block_timeout\b", head, re.I)
            return Statement(
                line=line,
                text=_excerpt(body),
                kind=kind,
                takes_lock=lock,
                reversibility=rev,
                checked=False,
                sets_lock_timeout=bool(lock_setting),
                advisory_lock=bool(re.search(r"\bGET_LOCK\s*\(", head, re.I)),
            )
    return Statement(line=line, text=_excerpt(body), kind="other", checked=False)


def _nodes(node: Any) -> Iterator[Any]:
    """The statement's syntax nodes, breadth first, bounded by ``_MAX_WALK``."""
    queue = [node]
    seen = 0
    while queue and seen < _MAX_WALK:
        current = queue.pop()
        seen += 1
        if isinstance(current, tuple):
            queue.extend(current)
        elif isinstance(current, ast.Node):
            yield current
            for name in current:
                value = getattr(current, name, None)
                if isinstance(value, ast.Node | tuple):
                    queue.append(value)


def _func_names(node: Any) -> set[str]:
    out: set[str] = set()
    for n in _nodes(node):
        if isinstance(n, ast.FuncCall) and n.funcname:
            out.add(str(getattr(n.funcname[-1], "sval", "")).lower())
    return out


def _table(rel: Any) -> tuple[str, ...]:
    if rel is None:
        return ()
    name = rel.relname
    return (f"{rel.schemaname}.{name}" if getattr(rel, "schemaname", None) else name,)


def _classify(stmt: Any, body: str, line: int) -> Statement:
    base: dict[str, Any] = {"line": line, "text": _excerpt(body)}
    if isinstance(stmt, ast.AlterTableStmt):
        return _alter_table(stmt, base)
    if isinstance(stmt, ast.IndexStmt):
        return Statement(
            **base,
            kind="create_index",
            tables=_table(stmt.relation),
            takes_lock=not stmt.concurrent,
            concurrent=bool(stmt.concurrent),
        )
    if isinstance(stmt, ast.CreateStmt):
        return Statement(**base, kind="create_table", tables=_table(stmt.relation))
    if isinstance(stmt, ast.DropStmt):
        return _drop(stmt, base)
    if isinstance(stmt, ast.VariableSetStmt):
        name = (stmt.name or "").lower()
        return Statement(**base, kind="set", sets_lock_timeout=name in _SETTINGS_LOCK, detail=name)
    if isinstance(stmt, ast.LockStmt):
        tables = tuple(t for r in (stmt.relations or ()) for t in _table(r))
        return Statement(**base, kind="lock", tables=tables, takes_lock=True, sets_lock_timeout=bool(stmt.nowait))
    if isinstance(stmt, ast.TruncateStmt):
        tables = tuple(t for r in (stmt.relations or ()) for t in _table(r))
        return Statement(**base, kind="truncate", tables=tables, takes_lock=True, reversibility=IRREVERSIBLE)
    if isinstance(stmt, ast.UpdateStmt | ast.DeleteStmt):
        kind = "update" if isinstance(stmt, ast.UpdateStmt) else "delete"
        return Statement(**base, kind=kind, tables=_table(stmt.relation), reversibility=DATA_LOSS)
    if isinstance(stmt, ast.InsertStmt):
        return Statement(**base, kind="insert", tables=_table(stmt.relation))
    if isinstance(stmt, ast.RenameStmt):
        return Statement(**base, kind="rename", tables=_table(stmt.relation), takes_lock=stmt.relation is not None)
    if isinstance(stmt, ast.TransactionStmt):
        kind = stmt.kind.name.removeprefix("TRANS_STMT_").lower() if stmt.kind is not None else "transaction"
        return Statement(**base, kind=kind)
    if isinstance(stmt, ast.CreateRoleStmt | ast.AlterRoleStmt):
        return _role(stmt, base)
    if isinstance(stmt, ast.ClusterStmt | ast.VacuumStmt):
        full = isinstance(stmt, ast.ClusterStmt) or any(
            getattr(o, "defname", "") == "full" for o in (getattr(stmt, "options", None) or ())
        )
        kind = "cluster" if isinstance(stmt, ast.ClusterStmt) else "vacuum"
        return Statement(**base, kind=kind, takes_lock=full, rewrites_table=full)
    if isinstance(stmt, ast.ReindexStmt):
        concurrent = any(getattr(o, "defname", "") == "concurrently" for o in (stmt.params or ()))
        return Statement(**base, kind="reindex", takes_lock=not concurrent, concurrent=concurrent)
    if isinstance(stmt, ast.DropdbStmt):
        return Statement(**base, kind="drop_database", reversibility=IRREVERSIBLE)
    if isinstance(stmt, ast.SelectStmt):
        advisory = any(_ADVISORY.match(f) for f in _func_names(stmt))
        return Statement(**base, kind="advisory_lock" if advisory else "select", advisory_lock=advisory)
    kind = re.sub(r"(?<!^)(?=[A-Z])", "_", type(stmt).__name__.removesuffix("Stmt")).lower()
    return Statement(**base, kind=kind)


def _alter_table(stmt: Any, base: dict[str, Any]) -> Statement:
    tables = _table(stmt.relation)
    kinds: list[str] = []
    rewrites = False
    reversibility = REVERSIBLE
    details: list[str] = []
    for cmd in stmt.cmds or ():
        sub = cmd.subtype
        if sub == AT.AT_AddColumn:
            kinds.append("alter_table_add_column")
            column = cmd.def_
            volatile = bool(_func_names(column) & _VOLATILE)
            not_null = bool(getattr(column, "is_not_null", False)) or any(
                getattr(c, "contype", None) is not None and c.contype.name == "CONSTR_NOTNULL"
                for c in (getattr(column, "constraints", None) or ())
            )
            has_default = any(
                getattr(c, "contype", None) is not None and c.contype.name == "CONSTR_DEFAULT"
                for c in (getattr(column, "constraints", None) or ())
            )
            if volatile:
                rewrites = True
                details.append(f"column {column.colname} has a volatile default: the table is rewritten")
            elif not_null and not has_default:
                details.append(f"column {column.colname} is NOT NULL without a default: fails on a non-empty table")
        elif sub == AT.AT_DropColumn:
            kinds.append("alter_table_drop_column")
            reversibility = IRREVERSIBLE
            details.append(f"drops column {cmd.name}")
        elif sub == AT.AT_AlterColumnType:
            kinds.append("alter_column_type")
            rewrites = True
            reversibility = IRREVERSIBLE
            details.append(f"changes the type of column {cmd.name}: the table is rewritten")
        elif sub == AT.AT_SetNotNull:
            kinds.append("alter_column_set_not_null")
            rewrites = True
            details.append(f"SET NOT NULL on {cmd.name} scans the whole table under ACCESS EXCLUSIVE")
        elif sub == AT.AT_AddConstraint:
            kinds.append("add_constraint")
            constraint = cmd.def_
            if constraint is not None and not getattr(constraint, "skip_validation", False):
                contype = getattr(getattr(constraint, "contype", None), "name", "")
                if contype in ("CONSTR_CHECK", "CONSTR_FOREIGN"):
                    rewrites = True
                    details.append("adds a constraint without NOT VALID: the whole table is scanned under lock")
        else:
            kinds.append("alter_table")
    kind = kinds[0] if len(set(kinds)) == 1 else ("alter_table" if not kinds else _most_severe(kinds))
    return Statement(
        **base,
        kind=kind,
        tables=tables,
        takes_lock=True,
        rewrites_table=rewrites,
        reversibility=reversibility,
        detail="; ".join(details),
    )


_SEVERITY_ORDER = ("alter_column_type", "alter_table_drop_column", "alter_column_set_not_null", "add_constraint")


def _most_severe(kinds: list[str]) -> str:
    return next((k for k in _SEVERITY_ORDER if k in kinds), kinds[0])


def _drop(stmt: Any, base: dict[str, Any]) -> Statement:
    what = stmt.removeType
    names = tuple(
        ".".join(str(getattr(p, "sval", "")) for p in obj) for obj in (stmt.objects or ()) if isinstance(obj, tuple)
    )
    if what == ObjectType.OBJECT_TABLE:
        return Statement(**base, kind="drop_table", tables=names, takes_lock=True, reversibility=IRREVERSIBLE)
    if what == ObjectType.OBJECT_INDEX:
        return Statement(
            **base,
            kind="drop_index",
            takes_lock=not stmt.concurrent,
            concurrent=bool(stmt.concurrent),
            detail=", ".join(names),
        )
    kind = "drop_" + what.name.removeprefix("OBJECT_").lower()
    lossy = what in (ObjectType.OBJECT_SCHEMA, ObjectType.OBJECT_MATVIEW, ObjectType.OBJECT_SEQUENCE)
    return Statement(**base, kind=kind, reversibility=IRREVERSIBLE if lossy else REVERSIBLE, detail=", ".join(names))


def _role(stmt: Any, base: dict[str, Any]) -> Statement:
    role = getattr(stmt, "role", None)
    name = role if isinstance(role, str) else getattr(role, "rolename", None)
    password = None
    for option in stmt.options or ():
        if getattr(option, "defname", "") == "password":
            arg = getattr(option, "arg", None)
            value = getattr(arg, "sval", None)
            if isinstance(value, str) and value:
                password = value
    kind = "create_role" if isinstance(stmt, ast.CreateRoleStmt) else "alter_role"
    if password:  # the excerpt never carries the secret
        base = {**base, "text": base["text"].replace(password, "***")}
    return Statement(**base, kind=kind, password_role=(name or "?") if password else None)
