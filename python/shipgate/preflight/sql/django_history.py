"""What a Django ``AlterField`` changes in the database, from the field it replaces.

A Django migration's ``AlterField`` gives the field's new definition only. Django's PostgreSQL schema editor
compares it with the definition the app's earlier migrations left and sends SQL for what differs in the database:
nothing when only Python-side options change (``on_delete``, ``default``, ``help_text``, ``choices``, a field class
with the same column type); ``DROP NOT NULL`` or ``SET NOT NULL`` for nullability; ``TYPE`` for a new column type
(widening a ``varchar`` rewrites nothing); a UNIQUE constraint; a foreign key to another table; the ``>= 0`` CHECK
of a positive integer field.

:func:`alter_field_changes` replays each app's migrations (``CreateModel`` fields, ``AddField``, ``AlterField``,
``RemoveField``, ``RenameField``, ``RenameModel``, ``DeleteModel``) in file-name order (Django numbers them
``0001_…``, ``0002_…``) and tells, for each ``AlterField`` whose replaced field it knows, what changes. A field it
does not know (first defined by a migration the package does not carry, or a squashed history) is not in the
result: that ``AlterField`` is read as a type change, as before. :func:`revised` applies the result to the SQL read
from one migration file (``pymigration``: one statement per ``AlterField``, at its line)."""

from __future__ import annotations

import ast
import dataclasses
import posixpath
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass

from shipgate.preflight.sql.model import SqlFile, Statement
from shipgate.preflight.sql.pymigration import (
    _DJANGO_TYPES,
    MAX_BYTES,
    _arg,
    _callee,
    _django_field,
    _kw,
    _name,
    _operations,
)

MAX_FILES = 5000  # migrations of one package read for their history
MAX_SOURCE = 1 << 20  # a model module read for its field classes
# Django's file fields are varchar(max_length, 100 by default) columns
_FILE_FIELDS = frozenset({"FileField", "ImageField", "FilePathField"})
# a model field class the project defines on one of Django's (``class MarkdownField(models.TextField):``)
_SUBCLASS = re.compile(r"^class\s+(\w+)\(\s*(?:\w+\.)*models\.(\w+Field)\b", re.M)
_POSITIVE = frozenset({"PositiveIntegerField", "PositiveSmallIntegerField", "PositiveBigIntegerField"})
_VARCHAR = ("varchar(",)
# what each change does to the table: a change in REWRITES scans or rewrites it under ACCESS EXCLUSIVE
REWRITES = frozenset({"type", "set_not_null", "add_unique", "target", "add_check"})
_DETAIL = {
    "type": "changes the type of column {col}: the table is rewritten",
    "set_not_null": "SET NOT NULL on {col} scans the whole table under ACCESS EXCLUSIVE",
    "add_unique": "adds a UNIQUE constraint on {col}: its index is built from every row, ACCESS EXCLUSIVE",
    "target": "points {col} at another table: the new foreign key is validated against every row",
    "add_check": "adds the CHECK of a positive integer field on {col}: the whole table is scanned under lock",
}


@dataclass(frozen=True)
class Field:
    kind: str  # the field class (``DateTimeField``)
    sql_type: str  # its column type as pymigration writes it (``varchar(255)``; ``text`` for unknown classes)
    null: bool
    unique: bool
    target: str  # a foreign key's model, lower case; "" for other fields


def _field(node: ast.expr | None, bases: dict[str, str]) -> Field | None:
    """The field a ``models.XField(…)`` call defines; ``bases``: the project's field classes -> Django's."""
    if not isinstance(node, ast.Call):
        return None
    kind = bases.get(_callee(node), _callee(node))
    sql_type, _ = _django_field(ast.Call(ast.Name(kind), node.args, node.keywords))
    if kind in _FILE_FIELDS:
        size = _kw(node, "max_length")
        length = size.value if isinstance(size, ast.Constant) and isinstance(size.value, int) else 100
        sql_type = f"varchar({length})"
    to = _arg(node, 0, "to") if kind in ("ForeignKey", "OneToOneField") else None
    target = (_name(to) or ast.unparse(to)).lower() if to is not None else ""
    null = _kw(node, "null")
    unique = _kw(node, "unique")
    return Field(
        kind=kind,
        sql_type=sql_type,
        null=isinstance(null, ast.Constant) and null.value is True,
        unique=kind == "OneToOneField" or (isinstance(unique, ast.Constant) and unique.value is True),
        target=target,
    )


def changes(old: Field, new: Field) -> frozenset[str]:
    """What Django's PostgreSQL editor changes when ``old`` becomes ``new`` (empty: it sends nothing)."""
    found: set[str] = set()
    known = old.kind in _DJANGO_TYPES or old.sql_type.startswith(_VARCHAR)
    known_new = new.kind in _DJANGO_TYPES or new.sql_type.startswith(_VARCHAR)
    if old.sql_type != new.sql_type or (old.kind != new.kind and not (known and known_new)):
        widened = old.sql_type.startswith(_VARCHAR) and new.sql_type.startswith(_VARCHAR) and _size(old) <= _size(new)
        found.add("widen" if widened else "type")
    if old.null != new.null:
        found.add("drop_not_null" if new.null else "set_not_null")
    if old.unique != new.unique:
        found.add("add_unique" if new.unique else "drop_unique")
    if old.target and new.target and old.target != new.target:
        found.add("target")
    if (old.kind in _POSITIVE) != (new.kind in _POSITIVE):
        found.add("add_check" if new.kind in _POSITIVE else "drop_check")
    return frozenset(found)


def _size(field: Field) -> int:
    digits = field.sql_type.removeprefix("varchar(").rstrip(")")
    return int(digits) if digits.isdigit() else 0


def _tree(text: str) -> ast.Module | None:
    if len(text) > MAX_BYTES:
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


class _History:
    """The fields of one app's models, as its migrations so far define them."""

    def __init__(self, bases: dict[str, str]) -> None:
        self.bases = bases
        self.fields: dict[tuple[str, str], Field | None] = {}
        self.changed: dict[int, frozenset[str]] = {}

    def apply(self, call: ast.Call) -> None:
        op = _callee(call)
        model = (_name(_arg(call, 0, "name" if op in ("CreateModel", "DeleteModel") else "model_name")) or "").lower()
        if op == "CreateModel":
            listed = _arg(call, 1, "fields")
            for item in listed.elts if isinstance(listed, ast.List | ast.Tuple) else []:
                if isinstance(item, ast.Tuple) and len(item.elts) == 2 and (name := _name(item.elts[0])):
                    self.fields[(model, name)] = _field(item.elts[1], self.bases)
        elif op in ("AddField", "AlterField") and (name := _name(_arg(call, 1, "name"))):
            new = _field(_arg(call, 2, "field"), self.bases)
            old = self.fields.get((model, name))
            if op == "AlterField" and old is not None and new is not None:
                self.changed[call.lineno] = changes(old, new)
            self.fields[(model, name)] = new
        elif op == "RemoveField" and (name := _name(_arg(call, 1, "name"))):
            self.fields.pop((model, name), None)
        elif op == "RenameField":
            old_name, new_name = _name(_arg(call, 1, "old_name")), _name(_arg(call, 2, "new_name"))
            if old_name and new_name:
                self.fields[(model, new_name)] = self.fields.pop((model, old_name), None)
        elif op in ("RenameModel", "DeleteModel"):
            if op == "RenameModel":
                model = (_name(_arg(call, 0, "old_name")) or "").lower()
            renamed = (_name(_arg(call, 1, "new_name")) or "").lower() if op == "RenameModel" else None
            for key in [k for k in self.fields if k[0] == model]:
                value = self.fields.pop(key)
                if renamed:
                    self.fields[(renamed, key[1])] = value


def alter_field_changes(files: Iterable[tuple[str, str]]) -> dict[tuple[str, int], frozenset[str]]:
    """(path, line) of each ``AlterField`` in the Django migrations among ``files`` ((path, text) of the package's
    Python files) whose replaced field is known -> what it changes in the database (see :func:`changes`). The
    project's own field classes are read from the other files (``class MarkdownField(models.TextField):``)."""
    apps: dict[str, list[tuple[str, str]]] = {}
    bases: dict[str, str] = {}
    for path, text in files:
        folder = posixpath.dirname(path)
        if posixpath.basename(folder) == "migrations" and path.endswith(".py") and "migrations.Migration" in text:
            apps.setdefault(folder, []).append((path, text))
        elif path.endswith(".py") and "models." in text and len(text) <= MAX_SOURCE:
            bases.update((m.group(1), m.group(2)) for m in _SUBCLASS.finditer(text))
    bases = {name: bases.get(base, base) for name, base in bases.items()}  # one level of the project's own classes
    out: dict[tuple[str, int], frozenset[str]] = {}
    read = 0
    for migrations in apps.values():
        history = _History(bases)
        for path, text in sorted(migrations, key=lambda m: posixpath.basename(m[0])):
            read += 1
            tree = _tree(text) if read <= MAX_FILES else None
            if tree is None:
                history = _History(bases)  # a file not read: what follows cannot be told from what came before
                continue
            history.changed = {}
            for call in _operations(tree):
                history.apply(call)
            out.update({(path, line): change for line, change in history.changed.items()})
    return out


def revised(sql: SqlFile, changed: dict[tuple[str, int], frozenset[str]]) -> SqlFile:
    """``sql`` with each ``AlterField`` statement replaced by what Django sends for it: dropped when it sends
    nothing; a brief ACCESS EXCLUSIVE change, or a scan or rewrite (``REWRITES``), otherwise."""
    if not any(path == sql.path for path, _ in changed):
        return sql
    kept: list[Statement] = []
    for s in sql.statements:
        change = changed.get((sql.path, s.line))
        if change is None or s.kind not in ("alter_column_type", "alter_table"):
            kept.append(s)
            continue
        if not change:
            continue  # Django sends no SQL for this AlterField
        rewrite = sorted(change & REWRITES)
        column = s.text.split("ALTER COLUMN", 1)[-1].split()[0] if "ALTER COLUMN" in s.text else "the column"
        detail = _DETAIL[rewrite[0]].format(col=column) if rewrite else ""
        kept.append(dataclasses.replace(s, takes_lock=True, rewrites_table=bool(rewrite), detail=detail or s.detail))
    return dataclasses.replace(sql, statements=tuple(kept))
