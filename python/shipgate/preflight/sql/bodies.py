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


def routine(stmt: Node, source: str, line: int) -> tuple[str, list[Statement]] | None:
    """For a ``CREATE FUNCTION``/``CREATE PROCEDURE`` (written at ``line``, its text ``source``): its name,
    lowercased without its schema, and the statements its body runs when it is called (a ``plpgsql`` body read like
    a ``DO`` block, a ``sql`` body as SQL; another language runs nothing shipgate reads). None for another
    statement."""
    kind, fields = typed(stmt)
    if kind != "CreateFunctionStmt":
        return None
    names = [sval(n) for n in fields.get("funcname") or ()]
    options = {d.get("defname"): d.get("arg") for d in of_type(fields.get("options"), "DefElem")}
    language = sval(options.get("language")).lower() if options.get("language") else ""
    items = typed(options.get("as"))[1].get("items") or ()
    body = sval(items[0]) if items else ""
    try:
        if language == "plpgsql":
            found = _plpgsql(body, source, line)
        else:
            found = _statements(body, source, line) if language == "sql" and body.strip() else []
    except (parser.ParseError, RecursionError, ValueError) as exc:
        found = [_refused(line, source, exc)]
    return (names[-1].lower() if names else ""), found


def _do_block(fields: Node, source: str, line: int) -> list[Statement]:
    options = {d.get("defname"): d.get("arg") for d in of_type(fields.get("args"), "DefElem")}
    language = sval(options.get("language")) if options.get("language") else "plpgsql"
    body = sval(options.get("as")) if options.get("as") else ""
    if language.lower() != "plpgsql":
        return []
    return _plpgsql(body, source, line)


def _plpgsql(body: str, source: str, line: int) -> list[Statement]:
    """The statements of a PL/pgSQL ``body`` written inside ``source`` (which starts at ``line``)."""
    if not body or "$shipgate_body$" in body:
        return []
    first = line + source.count("\n", 0, max(source.find(body), 0))  # PL/pgSQL counts lines from the body's start
    tree = json.loads(parser.parse_plpgsql_json(_WRAPPER.format(body)))
    found: list[Statement] = []
    for lineno, query, why in _queries(tree):
        at = first + lineno - 1
        if why:  # what runs is not known: unchecked
            found.append(Statement(line=at, text=why, kind="other", checked=False, detail=f"line {at}: {why}"))
            continue
        try:
            found.extend(classify(raw.get("stmt") or {}, at, _excerpt(query)) for raw in _parsed(query))
        except (parser.ParseError, RecursionError) as exc:
            found.append(_refused(at, query, exc))
    return found


def _queries(node: Any) -> list[tuple[int, str, str]]:
    """(lineno, SQL, '') of each statement a PL/pgSQL body runs: plain SQL, ``EXECUTE`` of a string built from
    literals, and ``EXECUTE`` of a variable the body assigns such a string (``stmt := 'ALTER TABLE ' || t || …``,
    ``DECLARE q text := '…'``, ``SELECT format('…', …) INTO q``, ``FOR q IN SELECT format('…', …) …``: the latest
    assignment before the ``EXECUTE``); (lineno, '', why) for an ``EXECUTE`` of a statement no literal describes."""
    items = _walk(node)
    values = _assigned(node, items)
    out: list[tuple[int, str, str]] = []
    for item in items:
        if "PLpgSQL_stmt_execsql" in item:
            stmt = item["PLpgSQL_stmt_execsql"]
            out.append((int(stmt.get("lineno", 1)), _expr(stmt.get("sqlstmt")), ""))
        elif "PLpgSQL_stmt_dynexecute" in item:
            stmt = item["PLpgSQL_stmt_dynexecute"]
            at, expression = int(stmt.get("lineno", 1)), _expr(stmt.get("query"))
            template = _template(expression)
            variable = _VARIABLE.match(expression)
            if not template and variable:
                before = [(n, t) for n, t in values.get(variable.group(1).lower(), ()) if n <= at]
                template = max(before)[1] if before else ""
            shown = " ".join(expression.split())[:80]
            why = f"EXECUTE {shown}: a statement built at run time that no literal describes"
            out.append((at, template, "" if template else why))
    return [(n, q, why) for n, q, why in out if q or why]


# An EXECUTE of a variable: its name (PL/pgSQL folds unquoted names to lower case).
_VARIABLE = re.compile(r'^\s*"?([A-Za-z_]\w*)"?\s*$')
_ASSIGN = re.compile(r"^\s*\"?[A-Za-z_]\w*\"?\s*:?=\s*", re.S)


def _walk(node: Any) -> list[dict[str, Any]]:
    """The dict nodes of a PL/pgSQL syntax tree in source order (bounded by ``MAX_NODES``)."""
    out: list[dict[str, Any]] = []
    stack = [node]
    seen = 0
    while stack and seen < MAX_NODES:
        seen += 1
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            stack.extend(reversed([v for v in item.values() if isinstance(v, dict | list)]))
    return out


def _assigned(node: Any, items: list[dict[str, Any]]) -> dict[str, list[tuple[int, str]]]:
    """For each variable, the (lineno, statement template) of each string a literal describes that the body gives
    it: its DECLARE default, ``:=``, ``SELECT … INTO`` it, a ``FOR`` over a query into it."""
    function = (node[0] if isinstance(node, list) and node else {}).get("PLpgSQL_function") or {}
    datums = [typed(d)[1] for d in function.get("datums") or ()]
    names = [str(d.get("refname", "")) for d in datums]  # by varno
    found: dict[str, list[tuple[int, str]]] = {}

    def give(name: str, at: int, template: str) -> None:
        if template:
            found.setdefault(name.lower(), []).append((at, template))

    for var in datums:
        if var.get("default_val"):
            give(str(var.get("refname", "")), int(var.get("lineno", 0)), _template(_expr(var["default_val"])))
    for item in items:
        if "PLpgSQL_stmt_assign" in item:
            stmt = item["PLpgSQL_stmt_assign"]
            varno = int(stmt.get("varno", -1))
            if 0 <= varno < len(names):
                expression = _ASSIGN.sub("", _expr(stmt.get("expr")), count=1)
                give(names[varno], int(stmt.get("lineno", 0)), _template(expression))
        elif "PLpgSQL_stmt_execsql" in item or "PLpgSQL_stmt_fors" in item:
            stmt = item.get("PLpgSQL_stmt_execsql") or item["PLpgSQL_stmt_fors"]
            target = stmt.get("target") or stmt.get("var") or {}
            into = [f.get("name") for f in (target.get("PLpgSQL_row") or {}).get("fields") or ()]
            into += [(target.get("PLpgSQL_var") or {}).get("refname")]
            query = _expr(stmt.get("sqlstmt") or stmt.get("query"))
            for name in filter(None, into):
                give(str(name), int(stmt.get("lineno", 0)), _first_target(query))
    return found


def _expr(node: Any) -> str:
    return str(((node or {}).get("PLpgSQL_expr") or {}).get("query") or "")


def _template(expression: str) -> str:
    """The statement an ``EXECUTE`` expression runs: a string literal as written; ``format('…', …)`` with a
    literal format string, and ``||`` joins with at least one literal part, with each computed part read as a
    placeholder name; '' when no literal says what runs."""
    return _first_target(f"SELECT {expression}") if expression.strip() else ""


def _first_target(query: str) -> str:
    """``_template`` of the one value a ``SELECT`` query returns ('' for another query, or one it cannot read)."""
    try:
        tree = _parsed(query)
    except (parser.ParseError, RecursionError):
        return ""
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
