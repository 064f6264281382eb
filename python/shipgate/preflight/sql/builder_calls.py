"""Schema-builder calls of TypeORM's ``QueryRunner`` and Sequelize's ``QueryInterface`` written as the PostgreSQL
statement the framework sends, when every argument that decides the statement is a literal: so that a migration
made of ``queryInterface.addIndex("documents", ["urlId"])`` or ``queryRunner.createUniqueConstraint("app_versions",
new TableUnique({…}))`` is checked like its SQL, not only reported as unchecked.

Only calls on a receiver named ``queryRunner`` (TypeORM) or ``queryInterface`` (Sequelize) are read; Knex's
``knex.schema.*`` builder is read by ``knex_calls``. What is written:
``createTable`` (a new table), ``dropTable``, ``renameTable``, ``addColumn``/``addColumns`` (NOT NULL unless
Sequelize's ``allowNull: true`` or TypeORM's ``isNullable: true``; a literal default; ``autoIncrement`` or TypeORM's
``isGenerated`` as serial; Sequelize ``references`` as ``REFERENCES``), ``removeColumn``/``dropColumn(s)``,
``renameColumn``, ``addIndex``/``createIndex``/``createIndices`` (``unique``/``isUnique``; Sequelize's
``concurrently: true``), ``removeIndex``/``dropIndex``, ``addConstraint``/``createUniqueConstraint``/
``createForeignKey``/``createPrimaryKey``/``createCheckConstraint``, and the calls that drop a constraint. Anything
else (``changeColumn``, a column held in a variable, a name built at run time) returns None: the caller reports the
call as unchecked."""

from __future__ import annotations

from collections.abc import Callable

from shipgate.preflight.sql.call_args import Raw, Value, flag, names, options, text

RECEIVERS = frozenset({"queryRunner", "queryInterface"})

# Sequelize DataTypes (and TypeORM's common spellings) as PostgreSQL types; any other type is written as text.
_TYPES = {
    "INTEGER": "integer",
    "BIGINT": "bigint",
    "SMALLINT": "smallint",
    "STRING": "varchar(255)",
    "TEXT": "text",
    "BOOLEAN": "boolean",
    "DATE": "timestamptz",
    "DATEONLY": "date",
    "UUID": "uuid",
    "JSON": "json",
    "JSONB": "jsonb",
    "FLOAT": "real",
    "DOUBLE": "double precision",
    "DECIMAL": "numeric",
    "ENUM": "text",
}
_SIMPLE_TYPE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_ ()[],")


def ident(name: str) -> str:
    """A (schema-qualified) name as quoted identifiers."""
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))


def _cols(cols: list[str]) -> str:
    return ", ".join(ident(c) for c in cols)


def _table(v: Value | None) -> str | None:
    """A table argument: a literal, TypeORM's ``new Table({name: …})``, or Sequelize's ``{tableName: …}``."""
    return text(v) or text(options(v).get("name")) or text(options(v).get("tableName"))


def sql_literal(v: Value | None) -> str | None:
    """A default written as SQL: a string literal quoted, a number or boolean as written; None otherwise."""
    if isinstance(v, str):
        return "'" + v.replace("'", "''") + "'"
    if isinstance(v, Raw) and (v.text in ("true", "false", "null") or v.text.replace(".", "", 1).isdigit()):
        return v.text
    if isinstance(v, Raw) and v.text.replace(" ", "") in ("Sequelize.NOW", "DataTypes.NOW", "Sequelize.fn('now')"):
        return "now()"
    return None


def _type(v: Value | None) -> str:
    if isinstance(v, str) and v and set(v.lower()) <= _SIMPLE_TYPE and v.lower() != "enum":
        return v  # TypeORM writes the database's own type name
    word = v.text.replace(" ", "").split(".")[-1].split("(")[0] if isinstance(v, Raw) else ""
    return _TYPES.get(word, "text")


def _sequelize_column(table: str, name: str, attrs: dict[str, Value]) -> str:
    kind = "serial" if flag(attrs.get("autoIncrement")) else _type(attrs.get("type"))
    sql = f"ALTER TABLE {ident(table)} ADD COLUMN {ident(name)} {kind}"
    default = sql_literal(attrs.get("defaultValue"))
    sql += f" DEFAULT {default}" if default else ""
    sql += " NOT NULL" if flag(attrs.get("allowNull")) is False or flag(attrs.get("primaryKey")) else ""
    refs = options(attrs.get("references"))
    target = text(refs.get("model")) or text(options(refs.get("model")).get("tableName"))
    return sql + (f" REFERENCES {ident(target)}" if target else "")


def _typeorm_column(table: str, column: Value) -> str | None:
    spec = options(column)
    name = text(spec.get("name"))
    if name is None:
        return None
    generated = flag(spec.get("isGenerated")) and text(spec.get("generationStrategy")) in (None, "increment")
    sql = f"ALTER TABLE {ident(table)} ADD COLUMN {ident(name)} {'serial' if generated else _type(spec.get('type'))}"
    default = spec.get("default")
    written = default if isinstance(default, str) else sql_literal(default)  # TypeORM's string default is SQL
    sql += f" DEFAULT {written}" if written else ""
    return sql + ("" if flag(spec.get("isNullable")) else " NOT NULL")


def _add_column(args: list[Value]) -> list[str] | None:
    table = _table(args[0]) if args else None
    if table is None or len(args) < 2:
        return None
    if isinstance(args[1], str):  # Sequelize: addColumn(table, name, attributes)
        return [_sequelize_column(table, args[1], options(args[2]) if len(args) > 2 else {})]
    columns = args[1] if isinstance(args[1], list) else [args[1]]
    written = [_typeorm_column(table, c) for c in columns]
    return None if any(w is None for w in written) else [w for w in written if w]


def _index(args: list[Value]) -> list[str] | None:
    table = _table(args[0]) if args else None
    if table is None or len(args) < 2:
        return None
    specs = args[1] if isinstance(args[1], list) and not names(args[1]) else [args[1]]
    out = []
    for spec in specs:
        opts = {**options(spec), **(options(args[2]) if len(args) > 2 else {})}
        cols = names(spec) or names(opts.get("fields")) or names(opts.get("columnNames"))
        if cols is None:
            return None
        unique = flag(opts.get("unique")) or flag(opts.get("isUnique")) or text(opts.get("type")) == "UNIQUE"
        concurrently = flag(opts.get("concurrently")) or flag(opts.get("isConcurrent"))
        name = text(opts.get("name")) or "_".join([table.split(".")[-1], *cols])
        verb = f"CREATE {'UNIQUE ' if unique else ''}INDEX{' CONCURRENTLY' if concurrently else ''}"
        out.append(f"{verb} {ident(name)} ON {ident(table)} ({_cols(cols)})")
    return out


def _drop_index(args: list[Value]) -> list[str] | None:
    target = args[1] if len(args) > 1 else args[0] if args else None
    opts = options(args[2]) if len(args) > 2 else {}
    name = text(target) or text(options(target).get("name"))
    if name is None:
        cols = names(target)
        table = _table(args[0]) if args else None
        if cols is None or table is None:
            return None
        name = "_".join([table.split(".")[-1], *cols])
    return [f"DROP INDEX{' CONCURRENTLY' if flag(opts.get('concurrently')) else ''} {ident(name)}"]


_KINDS = frozenset({"unique", "primary key", "foreign key", "check"})


def _constraint(table: str, opts: dict[str, Value], kind: str) -> str | None:
    name = text(opts.get("name"))
    named = f"CONSTRAINT {ident(name)} " if name else ""
    cols = names(opts.get("columnNames")) or names(opts.get("fields"))
    if kind == "check":
        expression = text(opts.get("expression"))
        return None if expression is None else f"ALTER TABLE {ident(table)} ADD {named}CHECK ({expression})"
    if cols is None or kind not in _KINDS:
        return None
    if kind == "foreign key":
        refs = options(opts.get("references"))
        target = text(opts.get("referencedTableName")) or _table(refs.get("table"))
        ref_cols = names(opts.get("referencedColumnNames")) or names(refs.get("field"))
        if target is None:
            return None
        refs_sql = f" ({_cols(ref_cols)})" if ref_cols else ""
        return f"ALTER TABLE {ident(table)} ADD {named}FOREIGN KEY ({_cols(cols)}) REFERENCES {ident(target)}{refs_sql}"
    return f"ALTER TABLE {ident(table)} ADD {named}{kind.upper()} ({_cols(cols)})"


def _add_constraint(kind: str | None) -> Callable[[list[Value]], list[str] | None]:
    def write(args: list[Value]) -> list[str] | None:
        table = _table(args[0]) if args else None
        if table is None or len(args) < 2:
            return None
        extra = options(args[2]) if len(args) > 2 else {}  # Sequelize 4: addConstraint(table, fields, options)
        columns = names(args[1])
        specs = [args[1]] if columns or not isinstance(args[1], list) else args[1]
        found = []
        for spec in specs:
            opts = {**options(spec), **extra, **({"fields": spec} if columns else {})}
            found.append(_constraint(table, opts, kind or (text(opts.get("type")) or "").lower()))
        return None if any(f is None for f in found) else [f for f in found if f]

    return write


def _drop_constraint(args: list[Value]) -> list[str] | None:
    table = _table(args[0]) if args else None
    name = (text(args[1]) or text(options(args[1]).get("name"))) if len(args) > 1 else None
    if table is None:
        return None
    return [f"ALTER TABLE {ident(table)} DROP CONSTRAINT {ident(name or table.split('.')[-1] + '_pkey')}"]


def _drop_column(args: list[Value]) -> list[str] | None:
    table = _table(args[0]) if args else None
    targets = args[1] if len(args) > 1 and isinstance(args[1], list) else args[1:2]
    cols = [text(c) or text(options(c).get("name")) for c in targets]
    if table is None or not cols or any(c is None for c in cols):
        return None
    return [f"ALTER TABLE {ident(table)} DROP COLUMN {ident(c)}" for c in cols if c]


def _simple(template: str, count: int) -> Callable[[list[Value]], list[str] | None]:
    def write(args: list[Value]) -> list[str] | None:
        values = [_table(a) for a in args[:count]]
        if len(values) < count or any(v is None for v in values):
            return None
        return [template.format(*(ident(v) for v in values if v))]

    return write


_CALLS: dict[str, Callable[[list[Value]], list[str] | None]] = {
    "createTable": _simple("CREATE TABLE {0} ()", 1),
    "dropTable": _simple("DROP TABLE {0}", 1),
    "renameTable": _simple("ALTER TABLE {0} RENAME TO {1}", 2),
    "renameColumn": _simple("ALTER TABLE {0} RENAME COLUMN {1} TO {2}", 3),
    "addColumn": _add_column,
    "addColumns": _add_column,
    "removeColumn": _drop_column,
    "dropColumn": _drop_column,
    "dropColumns": _drop_column,
    "addIndex": _index,
    "createIndex": _index,
    "createIndices": _index,
    "removeIndex": _drop_index,
    "dropIndex": _drop_index,
    "addConstraint": _add_constraint(None),
    "createUniqueConstraint": _add_constraint("unique"),
    "createUniqueConstraints": _add_constraint("unique"),
    "createForeignKey": _add_constraint("foreign key"),
    "createForeignKeys": _add_constraint("foreign key"),
    "createPrimaryKey": _add_constraint("primary key"),
    "createCheckConstraint": _add_constraint("check"),
    "removeConstraint": _drop_constraint,
    "dropUniqueConstraint": _drop_constraint,
    "dropForeignKey": _drop_constraint,
    "dropCheckConstraint": _drop_constraint,
    "dropPrimaryKey": _drop_constraint,
}
CALLS = frozenset(_CALLS)


def builder_sql(call: str, args: list[Value]) -> list[str] | None:
    """The statements a QueryRunner/QueryInterface ``call`` with these arguments sends; None if not readable."""
    write = _CALLS.get(call)
    return write(args) if write is not None else None
