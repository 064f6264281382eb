"""Liquibase changelogs (XML, YAML, JSON): each change a changeSet applies, written as the PostgreSQL statement
Liquibase runs for it and placed at the change's line, so that ``parse_sql`` checks it as it checks a ``.sql``
file.

XML is read with the standard library's expat parser, which gives each element's line; a document type
declaration or an entity declaration stops the reading (no entity expansion: hostile XML cannot grow). YAML and
JSON are composed by PyYAML's safe loader into nodes that carry their lines, and turned into the same elements (a
mapping's scalars are its attributes; its lists of one-key mappings and its mappings are its children), at most
``MAX_CHANGELOG_ELEMENTS`` of them and ``_MAX_DEPTH`` deep (aliases cannot make the walk grow). Changes read:
``createTable`` (the table is then new), ``dropTable``, ``addColumn`` (with ``defaultValue*``, ``NOT NULL`` and
``REFERENCES`` from its ``constraints``), ``dropColumn``, ``renameColumn``, ``renameTable``, ``modifyDataType``,
``addNotNullConstraint``/``dropNotNullConstraint``, ``addDefaultValue``, ``createIndex``/``dropIndex``,
``addForeignKeyConstraint`` (``validate="false"`` is ``NOT VALID``)/``dropForeignKeyConstraint``,
``addUniqueConstraint``/``dropUniqueConstraint``, ``addPrimaryKey``/``dropPrimaryKey``, and ``sql`` (its text, as
written). ``preConditions`` and ``rollback`` are not run by an upgrade and are not read; neither is a changeSet or
``sql`` whose ``dbms`` excludes PostgreSQL. Not read: ``sqlFile`` (another file), ``customChange`` (Java code).
Column types are not needed to know a change's lock, except in ``modifyDataType``, where Liquibase's portable
names (``CLOB``, ``DATETIME``…) are mapped to PostgreSQL's."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import yaml

from shipgate.preflight.xml_tree import Element as _Element
from shipgate.preflight.xml_tree import Refused, parse_xml
from shipgate.yaml_nodes import compose_single

_ROOT = re.compile(r"<(?:\w+:)?databaseChangeLog\b")
_YAML_ROOT = re.compile(r"^[\"']?databaseChangeLog[\"']?\s*:", re.M)
_MAX_DEPTH = 64
_SKIPPED = frozenset({"preConditions", "rollback", "validCheckSum", "comment", "tagDatabase"})
_TYPES = {
    "clob": "text",
    "nclob": "text",
    "longtext": "text",
    "mediumtext": "text",
    "blob": "bytea",
    "longblob": "bytea",
    "datetime": "timestamp",
    "tinyint": "smallint",
    "nvarchar": "varchar",
    "uuid": "uuid",
}
_TYPE = re.compile(r"^([A-Za-z][A-Za-z ]{0,40}?)\s*(\(\s*\d{1,5}\s*(?:,\s*\d{1,5}\s*)?\))?$")
MAX_CHANGELOG_ELEMENTS = 100_000


def is_changelog(path: str, text: str) -> bool:
    """An XML, YAML or JSON file whose root is Liquibase's ``databaseChangeLog``."""
    lower = path.lower()
    if lower.endswith(".xml"):
        return bool(_ROOT.search(text[:8192]))
    return lower.endswith((".yaml", ".yml", ".json")) and bool(_YAML_ROOT.search(text[:8192].replace("{", "\n")))


def _tree(text: str) -> _Element | None:
    return parse_xml(text, max_elements=MAX_CHANGELOG_ELEMENTS, max_depth=_MAX_DEPTH, local_names=True)


def _yaml_tree(text: str) -> _Element | None:
    document = compose_single(text)
    if document is None:
        return None
    root = _Element("#document", {}, 1)
    if isinstance(document, yaml.MappingNode):
        try:
            _YamlWalk().children(root, document, depth=0)
        except Refused:
            return None
    return root


class _YamlWalk:
    """YAML nodes to elements, counted: scalars of a mapping are attributes; lists of one-key mappings and
    mappings are children (``changes: [{addColumn: …}]``, ``columns: [{column: …}]``, ``constraints: {…}``)."""

    def __init__(self) -> None:
        self.count = 0

    def tick(self) -> None:
        """Count one node visited: a walk through aliases ends after ``MAX_CHANGELOG_ELEMENTS`` of them."""
        self.count += 1
        if self.count > MAX_CHANGELOG_ELEMENTS:
            raise Refused

    def children(self, element: _Element, mapping: yaml.MappingNode, *, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise Refused
        for key, value in mapping.value:
            self.tick()
            name = str(key.value)
            if isinstance(value, yaml.ScalarNode) and not (element.name == "sql" and name == "sql"):
                element.attrs[name] = str(value.value)
            elif isinstance(value, yaml.ScalarNode):
                _sql_text(element, value)
            elif isinstance(value, yaml.MappingNode):
                self.child(element, key, value, depth=depth)
            elif isinstance(value, yaml.SequenceNode) and name not in _SKIPPED:
                for item in value.value:
                    self.tick()
                    if isinstance(item, yaml.MappingNode) and len(item.value) == 1:
                        self.child(element, item.value[0][0], item.value[0][1], depth=depth)

    def child(self, parent: _Element, key: yaml.Node, value: yaml.Node, *, depth: int) -> None:
        self.tick()
        child = _Element(str(key.value), {}, key.start_mark.line + 1)
        parent.children.append(child)
        if isinstance(value, yaml.MappingNode):
            self.children(child, value, depth=depth + 1)
        elif isinstance(value, yaml.ScalarNode) and child.name == "sql":  # ``- sql: ALTER TABLE …``
            _sql_text(child, value)


def _sql_text(element: _Element, value: yaml.ScalarNode) -> None:
    """The SQL of a ``sql`` change, at the line its text starts on (a block scalar starts on the next line)."""
    element.text.append(str(value.value))
    element.line = value.start_mark.line + 1 + (value.style in ("|", ">"))


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _table(attrs: Mapping[str, str], key: str = "tableName", schema: str = "schemaName") -> str:
    name = _q(attrs.get(key, "t"))
    return f"{_q(attrs[schema])}.{name}" if attrs.get(schema) else name


def _columns(names: str) -> str:
    return ", ".join(_q(c.strip()) for c in names.split(",") if c.strip())


def _pg_type(liquibase: str) -> str:
    m = _TYPE.match(liquibase.strip())
    if m is None:
        return "text"
    base = m.group(1).strip().lower()
    return _TYPES.get(base, base) + (m.group(2) or "").replace(" ", "")


def _column_definition(column: _Element) -> str:
    a = column.attrs
    parts = [_q(a.get("name", "c")), "text"]
    if "defaultValueComputed" in a:
        parts.append(f"DEFAULT {a['defaultValueComputed']}")
    elif "defaultValueNumeric" in a or "defaultValueBoolean" in a:
        parts.append(f"DEFAULT {a.get('defaultValueNumeric') or a.get('defaultValueBoolean')}")
    elif "defaultValue" in a or "defaultValueDate" in a:
        value = a.get("defaultValue", a.get("defaultValueDate", ""))
        parts.append("DEFAULT '" + value.replace("'", "''") + "'")
    for constraints in (c for c in column.children if c.name == "constraints"):
        c = constraints.attrs
        if c.get("nullable", "").lower() == "false":
            parts.append("NOT NULL")
        target = c.get("references") or c.get("referencedTableName")
        if target:
            parts.append(f"REFERENCES {_q(target.partition('(')[0].strip())}")
    return " ".join(parts)


def _add_column(e: _Element) -> str:
    adds = [f"ADD COLUMN {_column_definition(c)}" for c in e.children if c.name == "column"]
    return f"ALTER TABLE {_table(e.attrs)} {', '.join(adds)}" if adds else ""


def _drop_column(e: _Element) -> str:
    names = [e.attrs["columnName"]] if "columnName" in e.attrs else [c.attrs.get("name", "c") for c in e.children]
    drops = ", ".join(f"DROP COLUMN {_q(n)}" for n in names)
    return f"ALTER TABLE {_table(e.attrs)} {drops}" if drops else ""


def _create_index(e: _Element) -> str:
    cols = ", ".join(_q(c.attrs.get("name", "c")) for c in e.children if c.name == "column") or '"c"'
    unique = "UNIQUE " if e.attrs.get("unique", "").lower() == "true" else ""
    return f"CREATE {unique}INDEX {_q(e.attrs.get('indexName', 'i'))} ON {_table(e.attrs)} ({cols})"


def _add_foreign_key(e: _Element) -> str:
    a = e.attrs
    not_valid = " NOT VALID" if a.get("validate", "").lower() == "false" else ""
    return (
        f"ALTER TABLE {_table(a, 'baseTableName', 'baseTableSchemaName')} ADD CONSTRAINT "
        f"{_q(a.get('constraintName', 'fk'))} FOREIGN KEY ({_columns(a.get('baseColumnNames', 'c'))}) REFERENCES "
        f"{_table(a, 'referencedTableName', 'referencedTableSchemaName')} "
        f"({_columns(a.get('referencedColumnNames', 'id'))}){not_valid}"
    )


def _column(a: Mapping[str, str]) -> str:
    return _q(a.get("columnName", "c"))


_CHANGES: dict[str, Callable[[_Element], str]] = {
    "createTable": lambda e: f"CREATE TABLE {_table(e.attrs)} ()",
    "dropTable": lambda e: f"DROP TABLE {_table(e.attrs)}",
    "addColumn": _add_column,
    "dropColumn": _drop_column,
    "renameColumn": lambda e: (
        f"ALTER TABLE {_table(e.attrs)} RENAME COLUMN "
        f"{_q(e.attrs.get('oldColumnName', 'a'))} TO {_q(e.attrs.get('newColumnName', 'b'))}"
    ),
    "renameTable": lambda e: (
        f"ALTER TABLE {_table(e.attrs, 'oldTableName')} RENAME TO {_q(e.attrs.get('newTableName', 't2'))}"
    ),
    "modifyDataType": lambda e: (
        f"ALTER TABLE {_table(e.attrs)} ALTER COLUMN {_column(e.attrs)} TYPE "
        f"{_pg_type(e.attrs.get('newDataType', 'text'))}"
    ),
    "addNotNullConstraint": lambda e: f"ALTER TABLE {_table(e.attrs)} ALTER COLUMN {_column(e.attrs)} SET NOT NULL",
    "dropNotNullConstraint": lambda e: f"ALTER TABLE {_table(e.attrs)} ALTER COLUMN {_column(e.attrs)} DROP NOT NULL",
    "addDefaultValue": lambda e: f"ALTER TABLE {_table(e.attrs)} ALTER COLUMN {_column(e.attrs)} SET DEFAULT 0",
    "createIndex": _create_index,
    "dropIndex": lambda e: f"DROP INDEX {_q(e.attrs.get('indexName', 'i'))}",
    "addForeignKeyConstraint": _add_foreign_key,
    "dropForeignKeyConstraint": lambda e: (
        f"ALTER TABLE {_table(e.attrs, 'baseTableName', 'baseTableSchemaName')} "
        f"DROP CONSTRAINT {_q(e.attrs.get('constraintName', 'fk'))}"
    ),
    "addUniqueConstraint": lambda e: (
        f"ALTER TABLE {_table(e.attrs)} ADD CONSTRAINT "
        f"{_q(e.attrs.get('constraintName', 'uq'))} UNIQUE ({_columns(e.attrs.get('columnNames', 'c'))})"
    ),
    "dropUniqueConstraint": lambda e: (
        f"ALTER TABLE {_table(e.attrs)} DROP CONSTRAINT {_q(e.attrs.get('constraintName', 'uq'))}"
    ),
    "addPrimaryKey": lambda e: (
        f"ALTER TABLE {_table(e.attrs)} ADD CONSTRAINT "
        f"{_q(e.attrs.get('constraintName', 'pk'))} PRIMARY KEY ({_columns(e.attrs.get('columnNames', 'id'))})"
    ),
    "dropPrimaryKey": lambda e: (
        f"ALTER TABLE {_table(e.attrs)} DROP CONSTRAINT {_q(e.attrs.get('constraintName', 'pk'))}"
    ),
    "sql": lambda e: "".join(e.text),
}


def _for_postgresql(attrs: Mapping[str, str]) -> bool:
    """``dbms="postgresql,h2"`` includes PostgreSQL; ``dbms="oracle"`` and ``dbms="!postgresql"`` do not."""
    dbms = [d.strip().lower() for d in attrs.get("dbms", "").split(",") if d.strip()]
    if not dbms or "all" in dbms:
        return True
    if "!postgresql" in dbms:
        return False
    return "postgresql" in dbms or all(d.startswith("!") for d in dbms)


def _changes(element: _Element) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for child in element.children:
        if child.name in _SKIPPED or not _for_postgresql(child.attrs):
            continue
        render = _CHANGES.get(child.name)
        if render is not None:
            found.append((child.line, render(child)))
        else:
            found.extend(_changes(child))
    return found


def changelog_sql(text: str) -> list[tuple[int, str]] | None:
    """(line, statement) for each change the changelog runs on PostgreSQL; None when the XML is refused (not
    well-formed, a DTD or entity declaration, more than ``MAX_CHANGELOG_ELEMENTS`` elements)."""
    root = _tree(text) if text.lstrip().startswith("<") else _yaml_tree(text)
    return _changes(root) if root is not None else None
