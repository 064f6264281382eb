"""SQL written inside a dollar-quoted body that runs when the migration does: a ``DO`` block (read with
PostgreSQL's own PL/pgSQL parser: its SQL statements, its ``EXECUTE 'literal'`` strings, and the template of an
``EXECUTE`` built from literals: ``format('ALTER TABLE %I …', t)`` or ``'CREATE INDEX … ON ' || t || …``, each
computed part read as a placeholder name) and the string a call named ``execute`` is given (``select execute($$ …
$$)``, a helper migration runners define to run a step once). Each statement found is classified like the file's
own, at the line where it is written. A body or a statement in it that PostgreSQL's parser refuses is kept as an
unchecked statement (``checked=False``, the parser's message in ``detail``), never dropped."""

from __future__ import annotations

import json
import re
from typing import Any

from pglast import parser

from shipgate.preflight.sql.classify import classify
from shipgate.preflight.sql.model import Statement
from shipgate.preflight.sql.nodes import Node, of_type, sval, typed

_RUNNERS = frozenset({"execute"})
# What a computed part of a dynamic statement reads as: a name, valid where an identifier or a value is.
_PLACEHOLDER = "shipgate_arg"
_FORMAT_SPEC = re.compile(r"%(?:\d+\$)?-?\d*([sIL%])")
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
    except (parser.ParseError, RecursionError, ValueError) as exc:
        return [_refused(line, source, exc)]  # the body runs, but what it does is not known: unchecked
    return []


def _refused(line: int, text: str, exc: BaseException) -> Statement:
    """An unchecked statement for SQL PostgreSQL's parser refused (the message in ``detail``)."""
    error = str(exc) if isinstance(exc, parser.ParseError) else "nested too deeply to read"
    return Statement(line=line, text=_excerpt(text), kind="other", checked=False, detail=f"line {line}: {error}")


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
        try:
            found.extend(classify(raw.get("stmt") or {}, at, _excerpt(query)) for raw in _parsed(query))
        except (parser.ParseError, RecursionError) as exc:
            found.append(_refused(at, query, exc))
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
                template = _template(_expr(stmt.get("query")))
                if template:
                    out.append((int(stmt.get("lineno", 1)), template))
            else:
                stack.extend(reversed(list(item.values())))
    return [(n, q) for n, q in out if q]


def _expr(node: Any) -> str:
    return str(((node or {}).get("PLpgSQL_expr") or {}).get("query") or "")


def _template(expression: str) -> str:
    """The statement an ``EXECUTE`` expression runs: a string literal as written; ``format('…', …)`` with a
    literal format string, and ``||`` joins with at least one literal part, with each computed part read as a
    placeholder name; '' when no literal says what runs."""
    tree = _parsed(f"SELECT {expression}")
    targets = typed(tree[0].get("stmt"))[1].get("targetList") if len(tree) == 1 else None
    values = [t.get("val") or {} for t in of_type(targets, "ResTarget")]
    if len(values) != 1:
        return ""
    parts = _parts(values[0], 0)
    return "".join(p or _PLACEHOLDER for p in parts) if any(parts) else ""


def _parts(node: Node, depth: int) -> list[str]:
    """The literal text of each part of a string expression, '' for a computed part."""
    kind, fields = typed(node)
    if kind == "A_Const" and "sval" in fields:
        return [str(fields["sval"].get("sval", ""))]
    if depth > 64:
        return [""]
    if kind == "A_Expr" and [sval(n) for n in fields.get("name") or ()] == ["||"]:
        return _parts(fields.get("lexpr") or {}, depth + 1) + _parts(fields.get("rexpr") or {}, depth + 1)
    if kind == "FuncCall" and [sval(n) for n in fields.get("funcname") or ()][-1:] == ["format"]:
        args = list(fields.get("args") or ())
        first = "".join(_parts(args[0], depth + 1)) if args and all(_parts(args[0], depth + 1)) else ""
        if first:
            return [_FORMAT_SPEC.sub(lambda m: "%" if m.group(1) == "%" else _PLACEHOLDER, first)]
    return [""]


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
