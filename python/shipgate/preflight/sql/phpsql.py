"""PHP migrations that hold their SQL as strings (not Laravel's ``Schema::`` builder, read by ``laravel``): Phinx's
``$this->execute('…')``/``$this->query('…')``, Doctrine Migrations' ``$this->addSql('…')``, and a migration class
whose ``$sql_up`` property holds the statements (MateCat's migrations, a heredoc ``<<<EOF … EOF;``). A file is such a
migration when it is a ``.php`` file under a ``migration(s)`` directory that uses one of these or Phinx's table
builder (``$this->table('…')``). The builder's calls are not read: when the up direction changes an existing table
with them (``->update()``, ``->changeColumn(…)``, ``->removeColumn(…)``, ``->drop()`` …), its first builder call is
returned as one unread call (unchecked); a builder that only creates tables (``->create()``, ``->save()``) is not.
The SQL of the up direction is returned at the line where it is written; the down direction (``function down``,
``$sql_down``) is not. A string with PHP interpolation (``"… $table …"``) is not SQL shipgate can read; it is
skipped. When any SQL string of the file, in either direction, is written in MySQL-only syntax (backquoted names,
``ENGINE=``, ``AUTO_INCREMENT``, ``UNSIGNED``, the ``longblob``/``mediumtext`` family, a column added ``AFTER``
another), the file is a MySQL migration: its up statements are returned as unread (unchecked), not as SQL
PostgreSQL's rules would judge.

The text is read with regular expressions, bounded to linear time: each string, heredoc and comment is consumed once,
an unclosed one ends at the end of the text."""

from __future__ import annotations

import re

MAX_CHARS = 1024 * 1024
_USES = re.compile(r"\$this\s*->\s*(?:execute|query|addSql|table)\s*\(|\$sql_up\b")
_TABLE = re.compile(r"\$this\s*->\s*table\s*\(")  # Phinx's (and CakePHP Migrations') table builder
# One lexical unit: a comment, a heredoc/nowdoc (flexible closing marker, PHP 7.3), a quoted string, a function
# header, an SQL-running call or the up property; everything else is skipped a character run at a time.
_UNIT = re.compile(
    r"(?P<comment>//[^\n]*|\#[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|<<<[ \t]*(?P<q>[\"']?)(?P<tag>[A-Za-z_]\w*)(?P=q)[ \t]*\n(?P<heredoc>.*?)(?:\n[ \t]*(?P=tag)\b|\Z)"
    r"|'(?P<single>(?:[^'\\]|\\.)*)(?:'|\\?\Z)"
    r"|\"(?P<double>(?:[^\"\\]|\\.)*)(?:\"|\\?\Z)"
    r"|\bfunction\s+(?P<function>\w+)"
    r"|\$this\s*->\s*(?P<call>execute|query|addSql)\s*\("
    r"|(?P<property>\$sql_up|\$sql_down)\b"
    r"|(?<!\$this)->\s*(?P<builder>"
    r"(?:add|change|remove|rename)Column|(?:add|remove)Index|removeIndexByName|(?:add|drop)ForeignKey"
    r"|changePrimaryKey|update|drop|rename)\s*\(",
    re.S,
)
# Phinx table-builder methods that can only act on a table that already exists (``update()`` saves the changes to
# one; ``create()`` and ``save()``, which may create the table, are not among them).
_ALTERS = frozenset({"changeColumn", "removeColumn", "renameColumn", "removeIndex", "removeIndexByName"})
_ALTERS |= {"dropForeignKey", "changePrimaryKey", "update", "drop", "rename"}
_INTERPOLATED = re.compile(r"(?<!\\)\$[A-Za-z_{]")
# MySQL-only syntax in a statement string (the column clause of ``ADD … AFTER col`` bounded to one clause).
_MYSQL_ONLY = re.compile(
    r"`|\bENGINE\s*=|\bAUTO_INCREMENT\b|\bUNSIGNED\b|\b(?:tiny|medium|long)(?:blob|text)\b"
    r"|\bADD\s+(?:COLUMN\s+)?\w+\s[^,;()]{0,200}?\bAFTER\s+\w+",
    re.I,
)
_DOWN = frozenset({"down", "predown", "postdown"})


def is_php_sql_migration(path: str, text: str) -> bool:
    lower = path.lower()
    folders = lower.split("/")[:-1]
    return lower.endswith(".php") and any("migration" in f for f in folders) and bool(_USES.search(text[:MAX_CHARS]))


def php_sql(path: str, text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """(line, SQL) of each statement string the up direction runs; the unread calls (the second list: MySQL SQL, or
    Phinx's table builder changing an existing table); None over the size bound."""
    if len(text) > MAX_CHARS:
        return None
    found: list[tuple[int, str]] = []
    mysql = False  # a string of either direction in MySQL-only syntax
    section = ""  # the function the text is in
    pending: str | None = None  # the call or property whose string comes next
    first: tuple[int, str] | None = None  # (line, method) of the up direction's first Phinx table-builder call
    alters = False  # an up-direction builder call that changes a table that exists
    for m in _UNIT.finditer(text):
        kind = m.lastgroup
        if kind == "builder" and section not in _DOWN:
            first = first or (text.count("\n", 0, m.start()) + 1, m.group("builder"))
            alters = alters or m.group("builder") in _ALTERS
        elif kind == "function":
            section, pending = m.group("function").lower(), None
        elif kind in ("call", "property"):
            pending = m.group(kind)
        elif kind in ("heredoc", "single", "double", "q", "tag") and pending is not None:
            body, start = _string(m)
            runs = pending != "$sql_down" and (pending == "$sql_up" or section not in _DOWN)
            readable = m.group("single") is not None or (m.group("q") == "'") or not _INTERPOLATED.search(body)
            if runs and readable and body.strip():
                found.append((text.count("\n", 0, start) + 1, body))
            mysql = mysql or bool(_MYSQL_ONLY.search(body))
            pending = None
    unread = (
        [(first[0], f"Phinx's table builder (->{first[1]}(…) …)")] if first and alters and _TABLE.search(text) else []
    )
    if mysql:
        return [], [(line, "MySQL SQL (the file's statements use MySQL-only syntax)") for line, _ in found[:1]] + unread
    return found, unread


def _string(m: re.Match[str]) -> tuple[str, int]:
    """The text of a string unit and where it starts in the file."""
    for group in ("heredoc", "single", "double"):
        if m.group(group) is not None:
            return m.group(group), m.start(group)
    return "", m.start()
