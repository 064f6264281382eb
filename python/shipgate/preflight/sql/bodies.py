"""SQL written inside a dollar-quoted body that runs when the migration does: a ``DO`` block (read with
PostgreSQL's own PL/pgSQL parser: its SQL statements and its ``EXECUTE 'literal'`` strings) and the string a
call named ``execute`` is given (``select execute($$ … $$)``, a helper migration runners define to run a step
once). Each statement found is classified like the file's own, at the line where it is written."""

from __future__ import annotations

import json
import re
from typing import Any

from pglast import parser

from shipgate.preflight.sql.classify import classify
from shipgate.preflight.sql.model import Statement
from shipgate.preflight.sql.nodes import Node, of_type, sval, typed

_RUNNERS = frozenset({"execute"})
_WRAPPER = "CREATE FUNCTION shipgate_do() RETURNS void LANGUAGE plpgsql AS $shipgate_body${}$shipgate_body$"
_LEADING = re.compile(r"(?:\s|--[^\n]*\n?|/\*.*?\*/)*", re.S)
MAX_EXCERPT = 240
# Nodes of one PL/pgSQL syntax tree walked (the tree is built from a body no longer than the file, so the walk is
# linear; the bound is the shell walk's).
MAX_NODES = 1_000_000


def embedded(stmt: Node, source: str, line: int) -> list[Statement]:
    """The statements inside ``stmt`` (written at ``line``, its text ``source``) that run with it."""
    kind, fields = typed(stmt)
    try:
        if kind == "DoStmt":
            return _do_block(fields, source, line)
        if kind == "SelectStmt":
            return [s for text in _runner_strings(fields) for s in _statements(text, source, line)]
    except (parser.ParseError, RecursionError, ValueError):
        return []  # a body PostgreSQL would refuse is the outer statement's problem, not a second finding
    return []


def _do_block(fields: Node, source: str, line: int) -> list[Statement]:
    options = {d.get("defname"): d.get("arg") for d in of_type(fields.get("args"), "DefElem")}
    language = sval(options.get("language")) if options.get("language") else "plpgsql"
    body = sval(options.get("as")) if options.get("as") else ""
    if language.lower() != "plpgsql" or not body or "$shipgate_body$" in body:
        return []
    first = line + source.count("\n", 0, max(source.find(body), 0))  # PL/pgSQL counts lines from the body's start
    tree = json.loads(parser.parse_plpgsql_json(_WRAPPER.format(body)))
    found: list[Statement] = []
    for lineno, query in _queries(tree):
        at = first + lineno - 1
        found.extend(classify(raw.get("stmt") or {}, at, _excerpt(query)) for raw in _parsed(query))
    return found


def _queries(node: Any) -> list[tuple[int, str]]:
    """(lineno, SQL) of each statement a PL/pgSQL body runs: plain SQL and ``EXECUTE`` of a string literal."""
    out: list[tuple[int, str]] = []
    stack = [node]
    seen = 0
    while stack and seen < MAX_NODES:
        seen += 1
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if "PLpgSQL_stmt_execsql" in item:
                stmt = item["PLpgSQL_stmt_execsql"]
                out.append((int(stmt.get("lineno", 1)), _expr(stmt.get("sqlstmt"))))
            elif "PLpgSQL_stmt_dynexecute" in item:
                stmt = item["PLpgSQL_stmt_dynexecute"]
                literal = _literal(_expr(stmt.get("query")))
                if literal:
                    out.append((int(stmt.get("lineno", 1)), literal))
            else:
                stack.extend(reversed(list(item.values())))
    return [(n, q) for n, q in out if q]


def _expr(node: Any) -> str:
    return str(((node or {}).get("PLpgSQL_expr") or {}).get("query") or "")


def _literal(expression: str) -> str:
    """The text of a string literal expression (``'ALTER TABLE …'``); '' for anything computed."""
    tree = _parsed(f"SELECT {expression}")
    targets = typed(tree[0].get("stmt"))[1].get("targetList") if len(tree) == 1 else None
    values = [t.get("val") or {} for t in of_type(targets, "ResTarget")]
    const = values[0].get("A_Const") if len(values) == 1 else None
    return str(const["sval"].get("sval", "")) if const and "sval" in const else ""


def _runner_strings(fields: Node) -> list[str]:
    """The dollar-quoted or quoted strings given to a call named ``execute`` in a SELECT's target list."""
    texts: list[str] = []
    for target in of_type(fields.get("targetList"), "ResTarget"):
        call = (target.get("val") or {}).get("FuncCall") or {}
        names = [sval(n) for n in call.get("funcname") or ()]
        if names and names[-1].lower() in _RUNNERS:
            texts.extend(str(a["sval"].get("sval", "")) for a in of_type(call.get("args"), "A_Const") if "sval" in a)
    return [t for t in texts if t.strip()]


def _statements(text: str, source: str, line: int) -> list[Statement]:
    first = line + source.count("\n", 0, max(source.find(text), 0))
    found: list[Statement] = []
    for raw in _parsed(text):
        start = int(raw.get("stmt_location", 0))
        lead = _LEADING.match(text, start)
        begin = lead.end() if lead else start
        end = start + int(raw.get("stmt_len", 0) or len(text) - start)
        at = first + text.count("\n", 0, begin)
        found.append(classify(raw.get("stmt") or {}, at, _excerpt(text[begin:end])))
    return found


def _parsed(query: str) -> list[Node]:
    return list(json.loads(parser.parse_sql_json(query)).get("stmts") or ())


def _excerpt(body: str) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= MAX_EXCERPT else flat[:MAX_EXCERPT] + "…"
