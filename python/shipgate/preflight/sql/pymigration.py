"""Django migrations and Alembic revisions (Python): the SQL their upgrade runs on PostgreSQL, each statement at the
line of the call that makes it, so that ``parse_sql`` checks it as it checks a ``.sql`` file.

The file is read by Python's own parser (``ast``), never run. A Django migration is a ``.py`` file under a
``migrations`` directory whose class derives from ``migrations.Migration``: each entry of its ``operations`` list is
written as the SQL Django's PostgreSQL schema editor sends (``AddField``, ``AlterField``, ``RemoveField``,
``RenameField``, ``AddIndex``, ``AddIndexConcurrently``, ``RemoveIndex[Concurrently]``, ``AddConstraint``,
``RemoveConstraint``, ``AlterUniqueTogether``, ``AlterIndexTogether``, ``CreateModel``, ``DeleteModel``,
``RenameModel``, ``AlterModelTable`` (a rename to the literal table name it gives; one to Django's default name, or
a reset to it, is not guessed), ``RunSQL``; the ``database_operations`` of ``SeparateDatabaseAndState``). Operations
that only change Django's state (``AlterModelOptions``…) or run Python (``RunPython``) send no DDL; any other
operation is reported as a statement preflight cannot read. An Alembic revision is a ``.py`` file under a
``migrations``/``alembic``/``versions`` directory that imports ``op`` from alembic and defines ``upgrade``: inside
``upgrade`` (never ``downgrade``) the ``op.*`` calls and the calls of a ``with op.batch_alter_table(t) as b:`` block
(plain ALTER TABLE on PostgreSQL) are written as the SQL Alembic emits, and ``op.execute``/``exec_driver_sql`` of a
literal string (or ``sa.text("…")``, or an f-string, its fields read as names) are read as written; a branch on
another database (``if dialect == "sqlite":``, ``if dialect != "postgresql":``, ``if bind and name == "mysql":``) is
skipped, so are the ``except`` handlers of a ``try`` whose body PostgreSQL runs none of, and so is what follows a
guard that returns unless the database is another (``if dialect != "oracle": return``). A local name given one of
``op``'s methods (``func = op.create_unique_constraint``) is that method when called. The module's own functions
that ``upgrade`` calls (a helper ``_rename_fks(table)`` run for each table) are read as part of it, each once. Names
that are not literals (a loop variable) are written as placeholders: the statement's kind (index build, column
change) is what is checked. A file Python's parser refuses is not guessed at: ``python_sql`` returns None."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from shipgate.preflight.python_tree import module_strings, python_tree
from shipgate.preflight.sql.helper_args import bound_body
from shipgate.preflight.sql.numeric_scale import rescales

MAX_BYTES = 512_000  # a migration is a few kilobytes; past this the file is not read
_FIELD = "shipgate_field"  # an f-string's computed part, read as a name
_MAX_NODES = 100_000
_DJANGO_STATE_ONLY = frozenset(
    {
        "AlterModelOptions",
        "AlterModelManagers",
        "AlterModelTableComment",
        "AlterOrderWithRespectTo",
        "RunPython",
        "RenameIndex",
    }
)
# operations that name their model ``name`` (the others, ``model_name``)
# ``django.contrib.postgres.operations``: the ``CreateExtension`` subclasses that name their extension. Each sends only
# ``CREATE EXTENSION IF NOT EXISTS``, which locks no table (hold-out set 275).
_DJANGO_EXTENSIONS = {
    "BloomExtension": "bloom",
    "BtreeGinExtension": "btree_gin",
    "BtreeGistExtension": "btree_gist",
    "CITextExtension": "citext",
    "CryptoExtension": "pgcrypto",
    "HStoreExtension": "hstore",
    "TrigramExtension": "pg_trgm",
    "UnaccentExtension": "unaccent",
}
_MODEL_BY_NAME = frozenset(
    {"CreateModel", "DeleteModel", "RenameModel", "AlterModelTable", "AlterUniqueTogether", "AlterIndexTogether"}
)
# Django field classes as its PostgreSQL backend writes them (data_types); others read as text.
_DJANGO_TYPES = {
    "AutoField": "integer",
    "BigAutoField": "bigint",
    "BigIntegerField": "bigint",
    "BinaryField": "bytea",
    "BooleanField": "boolean",
    "NullBooleanField": "boolean",
    "DateField": "date",
    "DateTimeField": "timestamp with time zone",
    "DecimalField": "numeric",
    "DurationField": "interval",
    "FloatField": "double precision",
    "IntegerField": "integer",
    "JSONField": "jsonb",
    "PositiveBigIntegerField": "bigint",
    "PositiveIntegerField": "integer",
    "PositiveSmallIntegerField": "smallint",
    "SmallIntegerField": "smallint",
    "TextField": "text",
    "TimeField": "time",
    "UUIDField": "uuid",
    "ForeignKey": "bigint",
    "OneToOneField": "bigint",
}
# Fields Django's PostgreSQL backend creates with a CHECK on the column (``"n" integer NOT NULL CHECK ("n" >= 0)``):
# added to an existing table, the CHECK is verified against every row under the ALTER TABLE's lock.
_CHECKED_FIELDS = frozenset({"PositiveBigIntegerField", "PositiveIntegerField", "PositiveSmallIntegerField"})
# Django's max_length when a field does not give one (a CharField must)
_DEFAULT_LENGTH = {"SlugField": 50, "EmailField": 254, "URLField": 200}
_OTHER_DIALECTS = frozenset({"sqlite", "mysql", "mariadb", "mssql", "oracle"})


def is_python_migration(path: str, text: str) -> bool:
    """A Django migration or an Alembic revision (see the module docstring)."""
    lower = path.lower()
    if not lower.endswith(".py"):
        return False
    folders = lower.split("/")[:-1]
    if "migrations" in folders and "migrations.Migration" in text:
        return True
    known = any("migration" in f or f in ("alembic", "versions") for f in folders)
    return known and "alembic" in text and "def upgrade" in text


def _name(node: ast.AST | None) -> str | None:
    """The literal string of ``node`` (``"t"``, ``sa.text("…")``), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Call) and _callee(node) == "text" and node.args:
        return _name(node.args[0])
    return None


# A bind parameter of SQLAlchemy's ``text()`` (``:name``; not a ``::type`` cast), as SQLAlchemy's own pattern finds it
_BIND = re.compile(r"(?<![:\w\\]):\w+(?!:)")


def _sql_text(node: ast.AST | None) -> str | None:
    """The SQL a call is given: a literal (``_name``) or an f-string whose fields are read as one name each
    (``f'ALTER TABLE "{table}" RENAME …'``: the statement's kind is literal, its names are computed). The bind
    parameters of a ``sa.text("… WHERE name = :name")`` are values: each is read as ``NULL``."""
    if isinstance(node, ast.JoinedStr):
        parts = [v.value if isinstance(v, ast.Constant) else _FIELD for v in node.values]
        return "".join(p for p in parts if isinstance(p, str))
    sql = _name(node)
    if sql is not None and isinstance(node, ast.Call):
        return _BIND.sub("NULL", sql)
    return sql


def _ident(node: ast.AST | None, placeholder: str) -> str:
    """A quoted identifier for ``node``'s literal, else ``placeholder`` (a value computed at run time)."""
    value = _name(node)
    return '"' + value.replace('"', '""') + '"' if value else placeholder


def _callee(call: ast.Call) -> str:
    f = call.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


def _kw(call: ast.Call, key: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == key), None)


def _arg(call: ast.Call, index: int, key: str) -> ast.expr | None:
    return call.args[index] if len(call.args) > index else _kw(call, key)


def _true(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _columns(node: ast.expr | None) -> str:
    """A column list: literal names (a Django ``-field`` ordering prefix dropped), ``col`` for computed ones."""
    items = node.elts if isinstance(node, ast.List | ast.Tuple) else [node] if node is not None else []
    names = [_ident(ast.Constant((_name(e) or "").lstrip("-")), "col") for e in items]
    return ", ".join(names) or "col"


def _literal(node: ast.expr | None) -> str:
    """A constant SQL default for ``node`` (Django computes a callable default once, in Python)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return "true" if node.value else "false"
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return str(node.value)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "'" + node.value.replace("'", "''") + "'"
    return "'0'"


def _django_field(call: ast.Call | None) -> tuple[str, str]:
    """(type, NULL/DEFAULT clause for a new column) of a ``models.XField(…)`` call."""
    if not isinstance(call, ast.Call):
        return "text", ""
    kind = _callee(call)
    size = _kw(call, "max_length")
    if kind in ("CharField", "SlugField", "EmailField", "URLField"):
        unsized = _DEFAULT_LENGTH.get(kind, 255)
        n = size.value if isinstance(size, ast.Constant) and isinstance(size.value, int) else unsized
        sql_type = f"varchar({n})"
    else:
        sql_type = _DJANGO_TYPES.get(kind, "text")
    if _true(_kw(call, "null")):
        return sql_type, "NULL"
    default = _kw(call, "default")
    return sql_type, ("DEFAULT " + _literal(default) + " " if default is not None else "") + "NOT NULL"


def _django_add_field(table: str, name: str, field: ast.expr | None) -> list[str]:
    """``AddField``: the column (with the CHECK of a positive integer field), and the index or UNIQUE constraint
    Django builds with it (a ForeignKey is indexed unless ``db_index=False``; ``db_index=True``; ``unique=True``, a
    OneToOneField)."""
    kind = _callee(field) if isinstance(field, ast.Call) else ""
    column = name + "_id" if kind in ("ForeignKey", "OneToOneField") else name
    col = _ident(ast.Constant(column), "field")
    sql_type, clause = _django_field(field if isinstance(field, ast.Call) else None)
    check = f" CHECK ({col} >= 0)" if kind in _CHECKED_FIELDS else ""
    out = [f"ALTER TABLE {table} ADD COLUMN {col} {sql_type} {clause}{check}"]
    options = field if isinstance(field, ast.Call) else ast.Call(ast.Name("f"), [], [])
    db_index = _kw(options, "db_index")
    if _true(_kw(options, "unique")) or kind == "OneToOneField":
        out[0] += f", ADD CONSTRAINT uniq UNIQUE ({col})"  # one statement, as Django writes it
    elif kind == "ManyToManyField":
        pass  # no column here: ``db_index`` indexes nothing of this table (the new join table has its own)
    elif _true(db_index) or (
        kind == "ForeignKey" and not (isinstance(db_index, ast.Constant) and db_index.value is False)
    ):
        out.append(f"CREATE INDEX idx ON {table} ({col})")
    return out


def _django_alter_field(table: str, column: str, field: ast.expr | None) -> str:
    """``AlterField`` when the field it replaces is not known (``django_history`` revises the statement when the
    package's migrations show it). A relation (``ForeignKey``, ``OneToOneField``) keeps its column's type, the
    related model's key: what it may change is nullability, ``DROP NOT NULL`` for ``null=True`` and otherwise
    ``SET NOT NULL`` (a lock and a scan). Another field is read as a type change (a rewrite; ``DROP NOT NULL`` too for
    ``null=True``): its old type is not in the file, and a ``SET NOT NULL`` is not assumed for it."""
    call = field if isinstance(field, ast.Call) else None
    sql_type, clause = _django_field(call)
    if call is not None and _callee(call) in ("ForeignKey", "OneToOneField"):
        return f"ALTER TABLE {table} ALTER COLUMN {column} {'DROP' if clause == 'NULL' else 'SET'} NOT NULL"
    null = f", ALTER COLUMN {column} DROP NOT NULL" if clause == "NULL" else ""
    return f"ALTER TABLE {table} ALTER COLUMN {column} TYPE {sql_type}{null}"


def _django_table(app: str, model: ast.expr | None) -> str:
    return _ident(ast.Constant(f"{app}_{(_name(model) or 'model').lower()}"), "model_expr")


def _django_index(op: str, table: str, index: ast.expr | None) -> str:
    concurrently = " CONCURRENTLY" if op.endswith("Concurrently") else ""
    if op.startswith("Remove"):
        return f"DROP INDEX{concurrently} {_ident(index, 'idx')}"
    name = _kw(index, "name") if isinstance(index, ast.Call) else None
    fields = _kw(index, "fields") if isinstance(index, ast.Call) else None
    return f"CREATE INDEX{concurrently} {_ident(name, 'idx')} ON {table} ({_columns(fields)})"


def _django_constraint(table: str, constraint: ast.expr | None) -> str:
    if not isinstance(constraint, ast.Call):
        return f"ALTER TABLE {table} ADD CONSTRAINT c CHECK (true)"
    name = _ident(_kw(constraint, "name"), "c")
    if _callee(constraint) == "UniqueConstraint":
        return f"ALTER TABLE {table} ADD CONSTRAINT {name} UNIQUE ({_columns(_kw(constraint, 'fields'))})"
    return f"ALTER TABLE {table} ADD CONSTRAINT {name} CHECK (true)"


def _django_sql(app: str, call: ast.Call, constants: dict[str, ast.Constant]) -> list[str] | None:
    """The SQL one Django operation sends; None for an operation preflight does not know. ``constants`` are the
    module's top-level string names (``python_tree.module_strings``), which a ``RunSQL`` may be given."""
    op = _callee(call)
    table = _django_table(app, _arg(call, 0, "model_name") if op not in ("CreateModel", "DeleteModel") else None)
    field = _ident(_arg(call, 1, "name"), "field")
    if op in _MODEL_BY_NAME:
        table = _django_table(app, _arg(call, 0, "name"))
    if op == "AddField":
        return _django_add_field(table, _name(_arg(call, 1, "name")) or "field", _arg(call, 2, "field"))
    if op == "AlterField":
        return [_django_alter_field(table, field, _arg(call, 2, "field"))]
    if op == "RemoveField":
        return [f"ALTER TABLE {table} DROP COLUMN {field}"]
    if op == "RenameField":
        return [f"ALTER TABLE {table} RENAME COLUMN {field} TO {_ident(_arg(call, 2, 'new_name'), 'new')}"]
    if op in ("AddIndex", "AddIndexConcurrently", "RemoveIndex", "RemoveIndexConcurrently"):
        return [_django_index(op, table, _arg(call, 1, "index" if op.startswith("Add") else "name"))]
    if op == "AddConstraint":
        return [_django_constraint(table, _arg(call, 1, "constraint"))]
    if op == "RemoveConstraint":
        return [f"ALTER TABLE {table} DROP CONSTRAINT {_ident(_arg(call, 1, 'name'), 'c')}"]
    if op == "AlterUniqueTogether":
        groups = _groups(_arg(call, 1, "unique_together"))
        if isinstance(groups, ast.Set | ast.List | ast.Tuple) and groups.elts:
            return [f"ALTER TABLE {table} ADD CONSTRAINT uniq UNIQUE ({_columns(groups.elts[0])})"]
        if no_groups(groups):  # the model's constraints dropped (django_history: none when it had none)
            return [f"ALTER TABLE {table} DROP CONSTRAINT uniq"]
        return []
    if op == "AlterIndexTogether":
        # an index for each group (Django's schema editor: ``CREATE INDEX`` on the model's table); an emptied
        # ``index_together`` drops the model's, which the file does not say it had: not assumed
        groups = _groups(_arg(call, 1, "index_together"))
        if isinstance(groups, ast.Set | ast.List | ast.Tuple) and groups.elts:
            return [f"CREATE INDEX idx ON {table} ({_columns(groups.elts[0])})"]
        return []
    if op == "CreateModel":
        return [f"CREATE TABLE {table} (id bigint)"]
    if op == "DeleteModel":
        return [f"DROP TABLE {table}"]
    if op == "RenameModel":
        return [f"ALTER TABLE {table} RENAME TO {_django_table(app, _arg(call, 1, 'new_name'))}"]
    if op == "RunSQL":
        return _strings(_arg(call, 0, "sql"), constants)
    if op == "CreateExtension" or op in _DJANGO_EXTENSIONS:
        return [f"CREATE EXTENSION IF NOT EXISTS {_DJANGO_EXTENSIONS.get(op) or _ident(_arg(call, 0, 'name'), 'ext')}"]
    if op == "AlterModelTable":  # the schema editor's ``alter_db_table``: the model's table renamed to the new name
        new = _arg(call, 1, "table")
        # to Django's own name (``table='pootle_store_unit'`` for ``pootle_store``'s ``unit``) nothing is renamed
        # unless an earlier ``db_table`` differed, which is not followed here
        renamed = _name(new) is not None and _ident(new, "new") != table
        return [f"ALTER TABLE {table} RENAME TO {_ident(new, 'new')}"] if renamed else []
    if op in _DJANGO_STATE_ONLY:
        return []
    return None


def _groups(node: ast.expr | None) -> ast.expr | None:
    """A ``unique_together``/``index_together`` value with Python's ``set([...])``/``frozenset((...))`` spelling
    taken off (the collection it wraps), as Django's older ``makemigrations`` wrote it."""
    if isinstance(node, ast.Call) and _callee(node) in ("set", "frozenset") and len(node.args) == 1:
        inner = node.args[0]
        if isinstance(inner, ast.Set | ast.List | ast.Tuple):
            return inner
    return node


def no_groups(node: ast.expr | None) -> bool:
    """An empty ``unique_together``: ``set()``, ``{}``, ``[]``, ``()``."""
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return not node.elts
    if isinstance(node, ast.Dict):
        return not node.keys
    return isinstance(node, ast.Call) and _callee(node) == "set" and not node.args


def _strings(node: ast.expr | None, constants: dict[str, ast.Constant]) -> list[str] | None:
    """The SQL of a ``RunSQL`` argument: a string, or a list of strings / (sql, params) pairs, each written in place
    or through a module-level name bound once to a string (``RunSQL(ALTER_SQL, …)``); None if computed."""
    single = _sql_or_constant(node, constants)
    if single is not None:
        return [single]
    if isinstance(node, ast.List | ast.Tuple):
        out: list[str] = []
        for e in node.elts:
            item = e.elts[0] if isinstance(e, ast.Tuple) and e.elts else e
            value = _sql_or_constant(item, constants)
            if value is None:
                return None
            out.append(value)
        return out
    return None


def _sql_or_constant(node: ast.expr | None, constants: dict[str, ast.Constant]) -> str | None:
    """A literal's SQL, or a constant's with its leading blank lines taken off: the statements of SQL kept in a
    constant are reported where the operation uses it (the constant's own lines say nothing of the call's)."""
    if isinstance(node, ast.Name) and node.id in constants:
        return _one_line(str(constants[node.id].value))
    return _name(node)


def _one_line(sql: str) -> str:
    """A constant's SQL laid on the call's one line, so that the operations after it keep their own lines (SQL
    written in place spans the lines it is written on; a constant's would push them down): whole-line ``--``
    comments dropped, the rest joined by spaces. SQL with a comment after code on a line stays as written."""
    kept = [line.strip() for line in sql.strip().splitlines() if not line.strip().startswith("--")]
    if any("--" in line for line in kept):
        return sql.lstrip()
    return " ".join(line for line in kept if line)


def _operations(tree: ast.Module) -> Iterator[ast.Call]:
    """The calls in the ``operations`` list of the module's Migration class(es), database operations of
    ``SeparateDatabaseAndState`` in their place."""
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for stmt in cls.body:
            if isinstance(stmt, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "operations" for t in stmt.targets
            ):
                yield from _flat(stmt.value)


def _flat(node: ast.expr) -> Iterator[ast.Call]:
    for e in node.elts if isinstance(node, ast.List | ast.Tuple) else []:
        if isinstance(e, ast.Call) and _callee(e) == "SeparateDatabaseAndState":
            inner = _kw(e, "database_operations")
            if inner is not None:
                yield from _flat(inner)
        elif isinstance(e, ast.Call):
            yield e


def _app_label(path: str) -> str:
    parts = path.split("/")
    at = max((i for i, p in enumerate(parts) if p == "migrations"), default=0)
    return parts[at - 1] if at > 0 else "app"


def django_sql(path: str, tree: ast.Module) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(line, SQL) of each operation, and (line, call) of the operations preflight cannot read."""
    found: list[tuple[int, str]] = []
    unread: list[tuple[int, str]] = []
    app = _app_label(path)
    constants = module_strings(tree)
    for call in _operations(tree):
        sql = _django_sql(app, call, constants)
        if sql is None:
            unread.append((call.lineno, _callee(call)))
        else:
            found.extend((call.lineno, s) for s in sql)
    return found, unread


# SQLAlchemy type names as PostgreSQL spells them; others read as text.
_SA_TYPES = {
    "Integer": "integer",
    "BigInteger": "bigint",
    "SmallInteger": "smallint",
    "Boolean": "boolean",
    "Text": "text",
    "UnicodeText": "text",
    "DateTime": "timestamp",
    "Date": "date",
    "Float": "double precision",
    "Numeric": "numeric",
    "JSON": "json",
    "JSONB": "jsonb",
    "UUID": "uuid",
    "Uuid": "uuid",
    "LargeBinary": "bytea",
    "Interval": "interval",
}


def _sa_type(node: ast.expr | None) -> str:
    """The PostgreSQL type of a SQLAlchemy type expression. ``DateTime(timezone=True)`` is ``timestamp with time
    zone``; a project's type named for the one it decorates (``UTCDateTime``, a ``TypeDecorator`` over
    ``DateTime``) is read as that one."""
    name = _callee(node) if isinstance(node, ast.Call) else node.attr if isinstance(node, ast.Attribute) else ""
    if isinstance(node, ast.Name):
        name = node.id
    if name in ("String", "Unicode", "VARCHAR"):
        size = node.args[0] if isinstance(node, ast.Call) and node.args else None
        return f"varchar({size.value})" if isinstance(size, ast.Constant) and isinstance(size.value, int) else "varchar"
    if name not in _SA_TYPES:
        bases = sorted(_SA_TYPES, key=len, reverse=True)  # ``TZBigInteger`` decorates ``BigInteger``
        name = next((base for base in bases if name.endswith(base) and name != base), name)
    if name == "DateTime" and isinstance(node, ast.Call) and _true(_kw(node, "timezone")):
        return "timestamp with time zone"
    return _SA_TYPES.get(name, "text")


def _server_default(node: ast.expr | None) -> str:
    """The DEFAULT clause of ``server_default=``: a string is a literal, ``sa.text("now()")`` an expression."""
    if isinstance(node, ast.Call) and _callee(node) == "text":
        return f"DEFAULT {_name(node) or 'NULL'} "
    return f"DEFAULT {_literal(node)} " if node is not None else ""


def _sa_column(table: str, column: ast.expr | None) -> str:
    if not isinstance(column, ast.Call):
        return f"ALTER TABLE {table} ADD COLUMN col text"
    name = _ident(column.args[0] if column.args else None, "col")
    sql_type = _sa_type(column.args[1] if len(column.args) > 1 else _kw(column, "type_"))
    not_null = (isinstance(n := _kw(column, "nullable"), ast.Constant) and n.value is False) or _true(
        _kw(column, "primary_key")
    )
    clause = _server_default(_kw(column, "server_default")) + ("NOT NULL" if not_null else "NULL")
    return f"ALTER TABLE {table} ADD COLUMN {name} {sql_type} {clause}{_references(column)}"


def _references(column: ast.Call) -> str:
    """`` REFERENCES t`` for a ``Column(name, type, ForeignKey("t.id"))``: Alembic's add_column adds the key with the
    column, and PostgreSQL checks every row against it under the lock (Placement's ``consumer_type_id``)."""
    for arg in column.args[1:]:
        if isinstance(arg, ast.Call) and _callee(arg) == "ForeignKey" and arg.args:
            target = _name(arg.args[0])
            if target and "." in target:
                referenced = target.rpartition(".")[0].replace('"', '""')
                return f' REFERENCES "{referenced}"'
    return ""


def _column_index(call: ast.Call, table: str | None) -> str | None:
    """The index an ``op.add_column`` of a ``Column(…, index=True)`` also creates: Alembic's add_column builds the
    indexes of the table it makes for the column (``ix_<table>_<column>``), never CONCURRENTLY."""
    column = _arg(call, 0 if table else 1, "column")
    if _callee(call) != "add_column" or not isinstance(column, ast.Call) or not _true(_kw(column, "index")):
        return None
    t = table or _ident(_arg(call, 0, "table_name"), "t_expr")
    name = _ident(column.args[0] if column.args else None, "col")
    bare = name.strip('"')
    return f'CREATE INDEX "ix_{bare}" ON {t} ({name})'


def _alter_column(table: str, call: ast.Call, shift: int) -> str:
    col = _ident(_arg(call, shift, "column_name"), "col")
    parts: list[str] = []
    if _kw(call, "type_") is not None:
        sql_type = _sa_type(_kw(call, "type_"))
        # a new numeric scale recomputes every value: written with its cast, which PostgreSQL runs row by row
        cast = f" USING {col}::{sql_type}" if rescales(_kw(call, "existing_type"), _kw(call, "type_")) else ""
        parts.append(f"ALTER COLUMN {col} TYPE {sql_type}{cast}")
    nullable = _kw(call, "nullable")
    if isinstance(nullable, ast.Constant) and isinstance(nullable.value, bool):
        parts.append(f"ALTER COLUMN {col} {'DROP' if nullable.value else 'SET'} NOT NULL")
    if _kw(call, "server_default") is not None:
        parts.append(f"ALTER COLUMN {col} SET {_server_default(_kw(call, 'server_default')).strip() or 'DEFAULT NULL'}")
    if _kw(call, "new_column_name") is not None:
        return f"ALTER TABLE {table} RENAME COLUMN {col} TO {_ident(_kw(call, 'new_column_name'), 'new')}"
    return f"ALTER TABLE {table} " + ", ".join(parts) if parts else ""


def _op_sql(call: ast.Call, table: str | None) -> str | None:
    """The SQL of one ``op.X(…)`` call (``table`` set for a batch operation, whose table is implied); "" when it
    sends none, None when preflight does not know the call."""
    op, shift = _callee(call), 0 if table else 1
    t = table or _ident(_arg(call, 0, "table_name"), "t_expr")
    if op == "create_index":
        t = table or _ident(_arg(call, 1, "table_name"), "t_expr")
        unique = "UNIQUE " if _true(_kw(call, "unique")) else ""
        concurrently = " CONCURRENTLY" if _true(_kw(call, "postgresql_concurrently")) else ""
        cols = _columns(_arg(call, 1 + (0 if table else 1), "columns"))
        return f"CREATE {unique}INDEX{concurrently} {_ident(_arg(call, 0, 'index_name'), 'idx')} ON {t} ({cols})"
    if op == "drop_index":
        concurrently = " CONCURRENTLY" if _true(_kw(call, "postgresql_concurrently")) else ""
        return f"DROP INDEX{concurrently} {_ident(_arg(call, 0, 'index_name'), 'idx')}"
    if op == "add_column":
        return _sa_column(t, _arg(call, shift, "column"))
    if op == "drop_column":
        return f"ALTER TABLE {t} DROP COLUMN {_ident(_arg(call, shift, 'column_name'), 'col')}"
    if op == "alter_column":
        return _alter_column(t, call, shift)
    return _op_constraint(op, call, table, t)


def _op_constraint(op: str, call: ast.Call, table: str | None, t: str) -> str | None:
    name = _ident(_arg(call, 0, "constraint_name"), "c")
    if table is None and op.startswith("create_") and op != "create_table":
        t = _ident(_arg(call, 1, "table_name" if op != "create_foreign_key" else "source_table"), "t_expr")
    cols = _arg(call, 1 if table else 2, "columns")
    if op == "create_primary_key":
        return f"ALTER TABLE {t} ADD CONSTRAINT {name} PRIMARY KEY ({_columns(cols)})"
    if op == "create_unique_constraint":
        return f"ALTER TABLE {t} ADD CONSTRAINT {name} UNIQUE ({_columns(cols)})"
    if op == "create_foreign_key":
        local = _arg(call, 2 if table else 3, "local_cols")
        ref = _ident(_arg(call, 1 if table else 2, "referent_table"), "ref_expr")
        return f"ALTER TABLE {t} ADD CONSTRAINT {name} FOREIGN KEY ({_columns(local)}) REFERENCES {ref}"
    if op == "create_check_constraint":
        return f"ALTER TABLE {t} ADD CONSTRAINT {name} CHECK (true)"
    if op == "drop_constraint":
        t = table or _ident(_arg(call, 1, "table_name"), "t_expr")
        return f"ALTER TABLE {t} DROP CONSTRAINT {name}"
    if op == "create_table":
        return f"CREATE TABLE {_ident(_arg(call, 0, 'table_name'), 't_expr')} (id bigint)"
    if op == "drop_table":
        return f"DROP TABLE {_ident(_arg(call, 0, 'table_name'), 't_expr')}"
    if op == "rename_table":
        old, new = _ident(_arg(call, 0, "old_table_name"), "t_expr"), _ident(_arg(call, 1, "new_table_name"), "n")
        return f"ALTER TABLE {old} RENAME TO {new}"
    return None


_ALEMBIC_QUIET = frozenset({"get_bind", "get_context", "batch_alter_table", "f", "inline_literal", "bulk_insert"})


def _other_dialect(test: ast.expr) -> bool:
    """``if x == "sqlite":`` / ``if x in ("mysql", "mariadb"):`` / ``if x != "postgresql":``: a branch for another
    database; also ``if bind and x == "mysql":`` (every part of an ``and`` must hold)."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return any(_other_dialect(value) for value in test.values)
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return False
    if _not_postgresql(test.ops[0], test.comparators[0]):
        return True
    values = [_name(test.comparators[0])] if isinstance(test.ops[0], ast.Eq) else []
    if isinstance(test.ops[0], ast.In) and isinstance(test.comparators[0], ast.Tuple | ast.List | ast.Set):
        values = [_name(e) for e in test.comparators[0].elts]
    return bool(values) and all(v in _OTHER_DIALECTS for v in values)


def _not_postgresql(op: ast.cmpop, compared: ast.expr) -> bool:
    """``!= "postgresql"`` / ``not in ("postgresql", …)``: true on every database but PostgreSQL."""
    if isinstance(op, ast.NotEq):
        return _name(compared) == "postgresql"
    if isinstance(op, ast.NotIn) and isinstance(compared, ast.Tuple | ast.List | ast.Set):
        return "postgresql" in (_name(e) for e in compared.elts)
    return False


def _runs_nothing(body: list[ast.stmt]) -> bool:
    """A block PostgreSQL runs none of: only branches for other databases, with no ``else``."""
    return all(isinstance(s, ast.If) and not s.orelse and _other_dialect(s.test) for s in body)


def _guards_other_dialect(stmt: ast.stmt) -> bool:
    """``if dialect != "oracle": return`` (or ``not in ("mysql", "mariadb")``): the rest of the function runs on that
    other database alone."""
    if not isinstance(stmt, ast.If) or not stmt.body or not isinstance(stmt.body[-1], ast.Return):
        return False
    test = stmt.test
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or stmt.orelse:
        return False
    values = [_name(test.comparators[0])] if isinstance(test.ops[0], ast.NotEq) else []
    if isinstance(test.ops[0], ast.NotIn) and isinstance(test.comparators[0], ast.Tuple | ast.List | ast.Set):
        values = [_name(e) for e in test.comparators[0].elts]
    return bool(values) and all(v in _OTHER_DIALECTS for v in values)


class _Alembic(ast.NodeVisitor):
    """Walks ``upgrade``'s body: op calls, batch blocks, literal SQL; branches for other databases skipped."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self.unread: list[tuple[int, str]] = []
        self.batches: dict[str, str] = {}
        self.aliases: dict[str, str] = {}  # ``func = op.create_unique_constraint``: the local name stands for the op

    def visit_Assign(self, node: ast.Assign) -> None:
        """A name given one of ``op``'s methods (the first one, when branches give several: each adds or drops the
        same kind of thing) is that method when called."""
        value, targets = node.value, node.targets
        if (
            len(targets) == 1
            and isinstance(targets[0], ast.Name)
            and isinstance(value, ast.Attribute)
            and isinstance(value.value, ast.Name)
            and value.value.id == "op"
        ):
            self.aliases.setdefault(targets[0].id, value.attr)
        self.generic_visit(node)

    def visit_If(self, node: ast.If) -> None:
        for stmt in node.orelse if _other_dialect(node.test) else [*node.body, *node.orelse]:
            self.visit(stmt)

    def visit_Try(self, node: ast.Try) -> None:
        """A ``try`` whose body PostgreSQL runs none of raises nothing there: its handlers are not run."""
        handlers: list[ast.ExceptHandler] = [] if _runs_nothing(node.body) else node.handlers
        for child in [*node.body, *handlers, *node.orelse, *node.finalbody]:
            self.visit(child)

    def visit_With(self, node: ast.With) -> None:
        for item in node.items:
            call = item.context_expr
            if (
                isinstance(call, ast.Call)
                and _callee(call) == "batch_alter_table"
                and isinstance(item.optional_vars, ast.Name)
            ):
                self.batches[item.optional_vars.id] = _ident(_arg(call, 0, "table_name"), "t_expr")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in self.aliases:
            method = ast.Attribute(value=ast.Name(id="op", ctx=ast.Load()), attr=self.aliases[node.func.id])
            node = ast.Call(func=method, args=node.args, keywords=node.keywords, lineno=node.lineno)
        owner = node.func.value if isinstance(node.func, ast.Attribute) else None
        name = _callee(node)
        if name in ("execute", "exec_driver_sql"):
            sql = _sql_text(node.args[0]) if node.args else None
            if sql is not None:
                self.found.append((node.lineno, sql))
            return
        if isinstance(owner, ast.Name) and (owner.id == "op" or owner.id in self.batches):
            sql = _op_sql(node, self.batches.get(owner.id))
            if sql is None and name not in _ALEMBIC_QUIET:
                self.unread.append((node.lineno, f"{owner.id}.{name}"))
            elif sql:
                self.found.append((node.lineno, sql))
                if index := _column_index(node, self.batches.get(owner.id)):
                    self.found.append((node.lineno, index))


def alembic_sql(tree: ast.Module) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(line, SQL) of ``upgrade``'s schema calls, and (line, call) of the op calls preflight cannot read."""
    walker = _Alembic()
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    pending = [functions["upgrade"]] if "upgrade" in functions else []
    read: set[str] = set()
    first_call: dict[str, ast.Call] = {}  # a helper is read with the literal arguments of its first call
    while pending:
        fn = pending.pop(0)
        read.add(fn.name)
        body = bound_body(fn, first_call.get(fn.name))
        for stmt in body:
            if _guards_other_dialect(stmt):
                break  # the rest runs on another database
            walker.visit(stmt)
        calls = [
            (n.func.id, n)
            for s in body
            for n in ast.walk(s)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
        ]
        for callee, call in calls:
            first_call.setdefault(callee, call)
        called = (callee for callee, _ in calls)
        pending += [functions[c] for c in dict.fromkeys(called) if c in functions and c not in read]
        read |= {f.name for f in pending}
    return walker.found, walker.unread


def python_sql(path: str, text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]] | None:
    """The SQL of a Django migration or an Alembic revision and its unread calls; None when the file cannot be read
    (over the size or node bound, or not Python that ``ast`` parses)."""
    if len(text) > MAX_BYTES:
        return None
    tree = python_tree(text)
    if tree is None:
        return None
    if sum(1 for _ in ast.walk(tree)) > _MAX_NODES:
        return None
    if "migrations.Migration" in text and any(isinstance(n, ast.ClassDef) for n in tree.body):
        return django_sql(path, tree)
    return alembic_sql(tree)
