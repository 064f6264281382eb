"""SQL files to ``SqlFile``: split by PostgreSQL's own scanner, each statement parsed by PostgreSQL's own
parser (pglast wraps libpg_query), classified from the syntax tree. A statement the parser refuses (another
dialect, a syntax error) is kept with ``checked=False`` and a kind read from its leading keywords.

The parser's syntax tree is read as JSON (``parse_sql_json``): building pglast's Python node objects costs
seven times as much as parsing. ``classify`` turns each statement into a ``Statement``."""

from __future__ import annotations

import dataclasses
import json
import re
from bisect import bisect_right

from pglast import parser

from shipgate.preflight.sql.bodies import embedded
from shipgate.preflight.sql.classify import classify
from shipgate.preflight.sql.copy_data import without_copy_rows
from shipgate.preflight.sql.functions import Routines
from shipgate.preflight.sql.model import DATA_LOSS, IRREVERSIBLE, REVERSIBLE, SqlFile, Statement
from shipgate.preflight.sql.names import path_dialect
from shipgate.preflight.sql.nodes import Node
from shipgate.preflight.sql.proven_not_null import without_proven_scans
from shipgate.preflight.sql.psql_script import without_psql_syntax
from shipgate.preflight.sql.sections import dbms_sections, down_sections, section_dialect, within

MAX_SQL_BYTES = 16 * 1024 * 1024  # above this a file is not parsed (preflight's own file bound is lower)
MAX_STATEMENTS = 50_000
MAX_EXCERPT = 240

_MYSQL = re.compile(
    r"`|\bENGINE\s*=|\bAUTO_INCREMENT\b|\bUNSIGNED\b|^\s*DELIMITER\b|/\*!\d|\bLOCK\s+TABLES\b", re.I | re.M
)
# SQLite's own words; a command of the sqlite3 shell at a line's start (``.bail on``, ``.echo on``, ``.read x.sql``:
# a script written for that shell, sqlite3(1)); SQLite's conflict clause (``INSERT OR ROLLBACK INTO``, ``UPDATE OR
# IGNORE``), which neither PostgreSQL nor MySQL accepts.
_SQLITE = re.compile(
    r"\bAUTOINCREMENT\b|^\s*PRAGMA\b|\bWITHOUT\s+ROWID\b"
    r"|^[ \t]*\.(?:bail|echo|headers|mode|read|timeout|open|import|output|once|separator|nullvalue|changes|load)"
    r"(?:[ \t]|$)"
    r"|\b(?:INSERT|UPDATE)\s+OR\s+(?:ROLLBACK|ABORT|FAIL|IGNORE|REPLACE)\b",
    re.I | re.M,
)
# Comments before a statement; a line that starts with ``#`` is MySQL's comment, one that starts with a backslash a
# psql command (``\set ON_ERROR_STOP on``, ``\connect db``): no PostgreSQL statement starts so.
_LEADING = re.compile(r"^\s*(?:--[^\n]*\n|#[^\n]*\n|\\[^\n]*\n|/\*.*?\*/|\s)*", re.S)
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
    """The statements of one SQL file that an upgrade runs (not a goose/sql-migrate/dbmate down half), bounded
    by ``MAX_SQL_BYTES`` and ``MAX_STATEMENTS``. A dialect in the file's name (``x.sql.sqlite``) or its folder
    (``migrations_sqlite/``) decides the dialect; otherwise the text does."""
    size = len(text.encode("utf-8", "surrogateescape"))
    if size > MAX_SQL_BYTES:
        return SqlFile(path=path, dialect="unknown", skipped=f"{size} bytes, over the {MAX_SQL_BYTES}-byte SQL bound")
    text = without_copy_rows(_TEMPLATE.sub(_as_name, text))  # a COPY's rows from the script: data, not SQL
    text = without_psql_syntax(text)  # psql's meta-commands end statements; its :'variables' are literals
    try:
        split = parser.split(text, with_parser=False, only_slices=True)
    except parser.ParseError as exc:
        return SqlFile(
            path=path, dialect=path_dialect(path) or _dialect(text, False), unchecked=1, first_error=str(exc)[:200]
        )
    slices = _with_gaps(text, split)
    starts = _line_starts(text)
    down = down_sections(text)  # a goose/sql-migrate/dbmate down half: not run by the upgrade
    other = dbms_sections(text)  # a Liquibase formatted-SQL changeset for another database
    statements: list[Statement] = []
    elsewhere: list[str | None] = []  # per statement: the other database its changeset is for
    unchecked = 0
    first_error: str | None = None
    routines = Routines()  # functions the file defines and calls: their bodies run with it
    for piece in slices[:MAX_STATEMENTS]:
        source = text[piece]
        lead = _LEADING.match(source)
        skip = lead.end() if lead else 0
        body = source[skip:]
        if not body.strip() or (down and within(down, piece.start + skip)):
            continue
        found, error, refused = _read(body, _line_of(starts, piece.start + skip))
        statements.extend(found)
        elsewhere.extend([section_dialect(other, piece.start + skip)] * len(found))
        unchecked += refused
        first_error = first_error or error
        routines.see(body, _line_of(starts, piece.start + skip), len(statements), elsewhere[-1] if found else None)
    before = len(statements)
    statements, elsewhere = routines.merge(statements, elsewhere)
    if len(statements) != before:
        unchecked = sum(not s.checked for s in statements)
        first_error = first_error or next((s.detail[:200] for s in statements if not s.checked and s.detail), None)
    statements = without_proven_scans(statements)  # SET NOT NULL after a validated CHECK (col IS NOT NULL)
    skipped = f"more than {MAX_STATEMENTS} statements; the rest is not read" if len(slices) > MAX_STATEMENTS else None
    named = path_dialect(path)
    dialect = named or _dialect(text, unchecked == 0)
    # PostgreSQL's parser may read a statement, but the database is another one (the path says so, or the text does
    # and the parser refused some of it, or its changeset names another database): what PostgreSQL would lock or
    # rewrite is not known there (a CREATE TABLE or an INSERT has nothing to check)
    whole = named not in (None, "postgresql") or (unchecked and dialect in ("mysql", "sqlite"))
    if whole or any(elsewhere):
        statements = [
            dataclasses.replace(s, checked=False) if (whole or where) and engine_bound(s) else s
            for s, where in zip(statements, elsewhere, strict=True)
        ]
        unchecked = sum(not s.checked for s in statements)
        dialect = dialect if whole or dialect != "postgresql" else next(w for w in elsewhere if w)
    return SqlFile(
        path=path,
        dialect=dialect,
        statements=tuple(statements),
        unchecked=unchecked,
        first_error=first_error,
        skipped=skipped,
    )


# A template expression the migrator renders before the database sees the text: Go's text/template in pop/fizz and
# golang-migrate templates (``{{ index .Options "Namespace" }}.users``), Jinja's ``{{ schema }}``. It holds a letter,
# dot or underscore, so a PostgreSQL array literal (``'{{1,2}}'``) is not one.
_TEMPLATE = re.compile(r"\{\{[^{}\n]{0,200}?[A-Za-z_.][^{}\n]{0,200}?\}\}")
_TEMPLATE_NAME = "shipgate_template"


def _as_name(match: re.Match[str]) -> str:
    """A template expression read as a name of the same length (a schema or table name is what such expressions
    render in a migration), so that offsets, lines and the rest of the statement stay as written."""
    size = len(match.group())
    return (_TEMPLATE_NAME + "_" * size)[:size] if size >= len(_TEMPLATE_NAME) else "t" + "_" * (size - 1)


# A Flyway or Liquibase placeholder (``${schema}``, ``${flyway:defaultSchema}``), replaced before the migration runs.
_PLACEHOLDER = re.compile(r"\$\{[^}\n]{1,200}\}")


def _parse(body: str) -> list[Node]:
    """The parsed statements of ``body``; a statement with placeholders is read with each one as a name."""
    try:
        return list(json.loads(parser.parse_sql_json(body)).get("stmts") or ())
    except parser.ParseError:
        if "${" not in body:
            raise
        named = _PLACEHOLDER.sub("shipgate_placeholder", body)
        return list(json.loads(parser.parse_sql_json(named)).get("stmts") or ())


def _read(body: str, line: int) -> tuple[list[Statement], str | None, int]:
    """The statements of one piece of the file written at ``line`` (with those of a DO block or an execute() in it),
    the first error, and how many PostgreSQL's parser refused."""
    try:
        parsed = _parse(body)
    except (parser.ParseError, RecursionError) as exc:
        error = str(exc) if isinstance(exc, parser.ParseError) else "nested too deeply to read"  # not exc: a cycle
        return [_by_keywords(body, line)], f"line {line}: {error}"[:200], 1
    found: list[Statement] = []
    refused: list[Statement] = []
    for raw in parsed:
        found.append(classify(raw.get("stmt") or {}, line, _excerpt(body)))
        inner = embedded(raw.get("stmt") or {}, body, line)  # a DO block's or execute($$…$$)'s SQL
        refused.extend(s for s in inner if not s.checked)
        found.extend(inner)
    return found, refused[0].detail[:200] if refused else None, len(refused)


# Between two statements: comments (also MySQL's ``#`` lines) and psql's own commands (``\set ON_ERROR_STOP on``),
# which are not SQL statements and whose semicolons end nothing.
_GAP_NOISE = re.compile(r"--[^\n]*|/\*.*?(?:\*/|\Z)|^[ \t]*[#\\][^\n]*", re.S | re.M)


def _with_gaps(text: str, slices: tuple[slice, ...]) -> list[slice]:
    """``slices`` with the statements PostgreSQL's scanner skipped between them: one that starts with a word
    PostgreSQL does not know (MySQL's ``USE db;``) is left out of its split, not returned as a statement; each is
    put back, cut at its semicolons, to be read (and refused) like any other."""
    out: list[slice] = []
    done = 0
    for piece in [*slices, slice(len(text), len(text))]:
        gap = text[done : piece.start]
        if gap.strip(" \t\r\n;"):
            at = done
            for part in _GAP_NOISE.sub(lambda m: " " * len(m.group()), gap).split(";"):
                if part.strip():
                    out.append(slice(at + len(part) - len(part.lstrip()), at + len(part.rstrip())))
                at += len(part) + 1
        if piece.start < len(text) or piece.stop != piece.start:
            out.append(piece)
        done = max(done, piece.stop or 0)
    return out


def engine_bound(s: Statement) -> bool:
    """Whether what the statement locks or rewrites depends on the database engine."""
    return s.takes_lock or s.rewrites_table or s.kind in ("create_index", "drop_index")


# A word each pattern needs, lowercased: ASCII text without one cannot match it, and ``in`` is ten times faster
# than the patterns (re.I also matches a few non-ASCII letters to ASCII ones, so other text is searched).
_MYSQL_WORDS = ("`", "engine", "auto_increment", "unsigned", "delimiter", "/*!", "lock")
_SQLITE_WORDS = ("autoincrement", "pragma", "without", "\n.", "\n\t.", "\n .", " or ")


# SQL comments, MySQL's ``/*!50001 … */`` excepted (executable there): text, not the file's dialect (Prisma writes
# backquoted names into its ``/* Warnings: … */`` header). String literals and dollar-quoted bodies are text too: a
# backquote in a PL/pgSQL message (``raise notice 'column `%`'``) says nothing of the database (a quote escaped by a
# backslash, MySQL's way, does not end the string). One pass, left to right; an unclosed one ends at the end of the
# text (linear on hostile input).
_TEXT = re.compile(
    r"--[^\n]*|/\*(?!!).*?(?:\*/|\Z)|'(?:[^'\\]|\\.|'')*(?:'|\\?\Z)|\$(\w{0,63})\$.*?(?:\$\1\$|\Z)", re.S
)


def _dialect(text: str, postgres_ok: bool) -> str:
    sample = text[: 256 * 1024]
    lower = ("\n" + sample.lower()) if sample.isascii() else None  # a line start before the first line too
    if lower is not None and not any(w in lower for w in (*_MYSQL_WORDS, *_SQLITE_WORDS)):
        return "postgresql" if postgres_ok else "unknown"  # no word either dialect needs, in text or code
    if "--" in sample or "/*" in sample or "'" in sample or "$" in sample:
        sample = _TEXT.sub(" ", sample)
        lower = ("\n" + sample.lower()) if lower is not None else None
    if (lower is None or any(w in lower for w in _MYSQL_WORDS)) and _MYSQL.search(sample):
        return "mysql"
    if (lower is None or any(w in lower for w in _SQLITE_WORDS)) and _SQLITE.search(sample):
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
    return bisect_right(starts, offset)


def _excerpt(body: str) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= MAX_EXCERPT else flat[:MAX_EXCERPT] + "…"


# The table a CREATE TABLE names, in any dialect's quoting (`t`, "t", [t], schema.t).
_CREATED = re.compile(
    r"CREATE\s+(?:TEMPORARY\s+|TEMP\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?((?:[`\"\[]?\w+[`\"\]]?\.)?[`\"\[]?\w+)", re.I
)


def _created(head: str) -> tuple[str, ...]:
    """The table a CREATE TABLE the PostgreSQL parser refused creates, named as ``nodes.table`` names it."""
    m = _CREATED.match(head)
    if not m:
        return ()
    parts = m.group(1).split(".")  # PostgreSQL folds unquoted names to lower case; "quoted" ones keep theirs
    return (".".join(p.strip('"') if p.startswith('"') else p.strip("`[]").lower() for p in parts),)


def _by_keywords(body: str, line: int) -> Statement:
    head = body[:4096]
    for pattern, kind, lock, rev in _KEYWORD_KINDS:
        if pattern.match(head):
            lock_setting = kind == "set" and re.search(r"\block_wait_timeout\b|\block_timeout\b", head, re.I)
            return Statement(
                line=line,
                text=_excerpt(body),
                kind=kind,
                tables=_created(head) if kind == "create_table" else (),
                takes_lock=lock,
                reversibility=rev,
                checked=False,
                sets_lock_timeout=bool(lock_setting),
                advisory_lock=bool(re.search(r"\bGET_LOCK\s*\(", head, re.I)),
            )
    return Statement(line=line, text=_excerpt(body), kind="other", checked=False)
