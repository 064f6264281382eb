"""What a Django ``AlterField`` changes in the database, from the field it replaces.

A Django migration's ``AlterField`` gives the field's new definition only. Django's PostgreSQL schema editor
compares it with the definition the app's earlier migrations left and sends SQL for what differs in the database:
nothing when only Python-side options change (``on_delete``, ``default``, ``help_text``, ``choices``, a field class
with the same column type); ``DROP NOT NULL`` or ``SET NOT NULL`` for nullability; ``TYPE`` for a new column type
(widening a ``varchar``, or making it ``text``, rewrites nothing); a UNIQUE constraint; a foreign key to another
table; the ``>= 0`` CHECK of a positive integer field.

:func:`alter_field_changes` replays each app's migrations (``CreateModel`` fields, ``AddField``, ``AlterField``,
``RemoveField``, ``RenameField``, ``RenameModel``, ``DeleteModel``) in file-name order (Django numbers them
``0001_…``, ``0002_…``) and tells, for each ``AlterField`` whose replaced field it knows, what changes. A field it
does not know (first defined by a migration the package does not carry, or a squashed history) is not in the
result: that ``AlterField`` is read as a type change, as before. A squashed migration whose replaced files the folder
still carries is left out of the replay (:func:`replaced`): the replaced files are the history an upgrade runs.
:func:`revised` applies the result to the SQL read from one migration file (``pymigration``: one statement per
``AlterField``, at its line)."""

from __future__ import annotations

import ast
import dataclasses
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from shipgate.preflight.python_tree import python_tree
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
    no_groups,
)

MAX_FILES = 5000  # migrations of one package read for their history
MAX_SOURCE = 1 << 20  # a model module read for its field classes
# Django's file fields are varchar(max_length, 100 by default) columns
_FILE_FIELDS = frozenset({"FileField", "ImageField", "FilePathField"})
# a class the project defines on another, its first base (``class MarkdownField(models.TextField):``,
# ``class ForeignKeyLimitedByContentTypes(ForeignKeyWithAutoRelatedName):``); a form, filter or serializer field
# is not a model's
_SUBCLASS = re.compile(
    r"^class\s+(\w+)\(\s*(?!(?:forms|django_filters|filters|serializers)\.)(?:\w+\.)*(\w+)\s*[,)]",
    re.M,
)
# ``from django_extensions.db.fields import AutoSlugField as _AutoSlugField``
_ALIAS = re.compile(r"\bimport\s+(\w+(?:Field|Key|Manager))\s+as\s+(\w+)")
# published libraries' model fields, by the Django field each extends (django-extensions, django-taggit, mptt,
# django-annoying's ``AutoOneToOneField``: a one-to-one field that creates the related row on first access)
_LIBRARY_FIELDS = {
    "AutoSlugField": "SlugField",
    "RandomCharField": "CharField",
    "CreationDateTimeField": "DateTimeField",
    "ModificationDateTimeField": "DateTimeField",
    "TaggableManager": "ManyToManyField",
    "TreeForeignKey": "ForeignKey",
    "TreeOneToOneField": "OneToOneField",
    "TreeManyToManyField": "ManyToManyField",
    "AutoOneToOneField": "OneToOneField",
}
_DEPTH = 8  # a chain of the project's own field classes followed this far
_FOREIGN = ("ForeignKey", "OneToOneField")
# fields Django indexes unless told not to (``db_index=False``)
_INDEXED = frozenset({"ForeignKey", "SlugField"})
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
    index: bool = False  # an index of its own (``db_index``; a foreign key's and a slug's by default)
    constraint: bool = True  # a foreign key's constraint (``db_constraint``)
    many: bool = False  # a many-to-many field: a join table, no column of the model's table


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
    to = _arg(node, 0, "to") if kind in _FOREIGN else None
    target = (_name(to) or ast.unparse(to)).lower() if to is not None else ""
    null = _kw(node, "null")
    unique = _kw(node, "unique")
    return Field(
        kind=kind,
        sql_type=sql_type,
        # ``NullBooleanField`` is nullable by itself (Django sets ``null=True`` for it, whatever the call says)
        null=kind == "NullBooleanField" or (isinstance(null, ast.Constant) and null.value is True),
        unique=kind == "OneToOneField" or (isinstance(unique, ast.Constant) and unique.value is True),
        target=target,
        index=_flag(node, "db_index", kind in _INDEXED),
        constraint=_flag(node, "db_constraint", True),
        many=kind == "ManyToManyField",
    )


def _flag(node: ast.Call, key: str, default: bool) -> bool:
    value = _kw(node, key)
    return value.value if isinstance(value, ast.Constant) and isinstance(value.value, bool) else default


def field_bases(files: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The project's model field classes (and published libraries') -> the Django field each comes down to, read
    from ``class X(Base):`` in the Python files that use ``models.``; a chain of the project's classes is followed
    ``_DEPTH`` deep (``StatusField`` -> ``ForeignKeyLimitedByContentTypes`` -> … -> ``ForeignKey``), an import alias
    to the library class it names (``_AutoSlugField`` -> django-extensions' ``AutoSlugField`` -> ``SlugField``), and a
    class whose ``get_internal_type`` returns a Django field's name to that field."""
    direct: dict[str, str] = {}
    aliases: dict[str, str] = {}
    internal: dict[str, str] = {}
    for _, text in files:
        aliases.update((m.group(2), m.group(1)) for m in _ALIAS.finditer(text))
        direct.update((m.group(1), m.group(2)) for m in _SUBCLASS.finditer(text) if m.group(1) != m.group(2))
        if "def get_internal_type" in text:
            internal.update(_internal_types(text))
    out = dict(_LIBRARY_FIELDS)
    for name in direct:
        out[name] = _resolved(name, direct, aliases)
    out.update(internal)  # the column type a class names itself wins over the class it extends
    return out


def _internal_types(text: str) -> dict[str, str]:
    """The project's field classes that name their column's Django type themselves: ``class
    PickledObjectField(models.Field):`` with ``def get_internal_type(self): return "TextField"`` is a text column."""
    tree = _tree(text)
    out: dict[str, str] = {}
    for node in tree.body if tree is not None else []:
        if not isinstance(node, ast.ClassDef):
            continue
        for item in node.body:
            if not (isinstance(item, ast.FunctionDef) and item.name == "get_internal_type" and item.body):
                continue
            returned = item.body[-1]
            value = returned.value if isinstance(returned, ast.Return) else None
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value in _DJANGO_TYPES:
                out[node.name] = value.value
    return out


def _resolved(name: str, direct: dict[str, str], aliases: dict[str, str]) -> str:
    kind = direct[name]
    for _ in range(_DEPTH):
        if kind in aliases:
            kind = aliases[kind]
            if kind in _LIBRARY_FIELDS:
                return _LIBRARY_FIELDS[kind]
        if kind in _DJANGO_TYPES or kind not in direct or kind == name:
            break
        kind = direct[kind]
    return _LIBRARY_FIELDS.get(kind, kind)


def changes(old: Field, new: Field, renamed: Mapping[str, str] | None = None) -> frozenset[str]:
    """What Django's PostgreSQL editor changes when ``old`` becomes ``new`` (empty: it sends nothing). ``renamed``:
    the package's renamed models, ``app.old`` -> ``app.new`` (:func:`renamed_models`)."""
    renamed = renamed or {}
    found: set[str] = set()
    if old.many or new.many:
        return frozenset()  # no column: Django alters the join table, if anything
    # a field's own index built or dropped (``db_index``), by Django's rule: an index is built when the new field is
    # indexed and not unique and the old one had no index or had a UNIQUE constraint standing in for it (a field made
    # ``unique=True`` -> ``db_index=True`` loses its constraint and gains a plain index); dropped alongside a
    # uniqueness change, the UNIQUE change is what is reported
    if new.index and not new.unique and (not old.index or old.unique):
        found.add("add_index")
    elif old.unique == new.unique and not new.unique and old.index and not new.index:
        found.add("drop_index")
    if old.target and new.target and old.constraint != new.constraint:
        found.add("constraint")
    known = old.kind in _DJANGO_TYPES or old.sql_type.startswith(_VARCHAR)
    known_new = new.kind in _DJANGO_TYPES or new.sql_type.startswith(_VARCHAR)
    if old.sql_type != new.sql_type or (old.kind != new.kind and not (known and known_new)):
        widened = old.sql_type.startswith(_VARCHAR) and new.sql_type.startswith(_VARCHAR) and _size(old) <= _size(new)
        # ``varchar(n)`` -> ``text`` is binary-coercible: PostgreSQL changes the catalogue, rewrites nothing
        widened = widened or (old.sql_type.startswith(_VARCHAR) and new.sql_type == "text")
        found.add("widen" if widened else "type")
    if old.null != new.null:
        found.add("drop_not_null" if new.null else "set_not_null")
    if old.unique != new.unique:
        found.add("add_unique" if new.unique else "drop_unique")
    # a foreign key pointed at another table gets a constraint validated against every row; one without a constraint
    # (``db_constraint=False``) validates nothing, and a model renamed since (``RenameModel``: Django's state renames
    # every reference to it) is the same table under its new name (RDMO's ``AttributeEntity`` -> ``Attribute``)
    retargeted = old.target and new.target and old.target != new.target and renamed.get(old.target) != new.target
    if retargeted and new.constraint:
        found.add("target")
    if (old.kind in _POSITIVE) != (new.kind in _POSITIVE):
        found.add("add_check" if new.kind in _POSITIVE else "drop_check")
    return frozenset(found)


def _added(node: ast.expr | None, field: Field) -> frozenset[str]:
    """What an ``AddField`` sends beyond what its call's own class name says (pymigration reads that alone, and
    indexes a ``ForeignKey`` or an explicit ``db_index=True``): the index Django builds by default for a foreign key
    the project's class defines (``StatusField``) and for a ``SlugField`` (``db_index=True`` unless told otherwise:
    RDMO's ``AddField`` of ``key = SlugField(…)``, round thirty-nine). A unique field's index is its constraint. A
    many-to-many field's join table is created with foreign keys to the model's live table, which locks it: read as
    the ALTER pymigration writes."""
    if not isinstance(node, ast.Call) or not field.index or field.unique or field.many:
        return frozenset()
    explicit = _kw(node, "db_index")
    if _callee(node) == "ForeignKey" or (isinstance(explicit, ast.Constant) and explicit.value is True):
        return frozenset()  # pymigration writes this index itself
    return frozenset({"default_index"})


def _size(field: Field) -> int:
    digits = field.sql_type.removeprefix("varchar(").rstrip(")")
    return int(digits) if digits.isdigit() else 0


def _tree(text: str) -> ast.Module | None:
    if len(text) > MAX_BYTES:
        return None
    return python_tree(text)


class _History:
    """The fields of one app's models, as its migrations so far define them. ``label``: the app's label as its
    folder names it (``core`` for ``core/migrations/``), which a foreign key's model named without one belongs to:
    ``to='shift'`` and ``to='core.shift'`` in ``core``'s migrations are one table. ``renamed``: the package's
    renamed models (:func:`renamed_models`)."""

    def __init__(self, bases: dict[str, str], label: str = "", renamed: Mapping[str, str] | None = None) -> None:
        self.bases = bases
        self.label = label
        self.renamed = renamed or {}
        self.fields: dict[tuple[str, str], Field | None] = {}
        self.changed: dict[int, frozenset[str]] = {}
        self.grouped: dict[str, bool] = {}  # model -> whether it has a unique_together, when known
        self.tableless: set[str] = set()  # proxy and unmanaged models: Django migrates no table for them

    def apply(self, call: ast.Call) -> None:
        op = _callee(call)
        model = (
            _name(
                _arg(call, 0, "name" if op in _NAMED_BY_NAME else "model_name")
            )
            or ""
        ).lower()
        if model in self.tableless and op in _TABLE_OPERATIONS:
            self.changed[call.lineno] = NO_SQL  # a proxy's or an unmanaged model's: Django sends nothing
            if op == "DeleteModel":
                self.tableless.discard(model)
            return
        if op == "AlterModelOptions" and isinstance(options := _arg(call, 1, "options"), ast.Dict):
            managed = _option(options, "managed")
            if managed is False:
                self.tableless.add(model)
            elif managed is True and _option(options, "proxy") is not True:
                self.tableless.discard(model)  # its later changes are sent (the table is the operator's to create)
            return
        if op == "AlterUniqueTogether":
            empty = no_groups(_arg(call, 1, "unique_together"))
            if empty and self.grouped.get(model) is False:
                self.changed[call.lineno] = frozenset()  # it had none: Django sends nothing
            self.grouped[model] = not empty
        elif op == "CreateModel":
            options = _arg(call, 3, "options")
            if _tableless(options):
                self.tableless.add(model)
            self.grouped[model] = isinstance(options, ast.Dict) and any(
                _name(key) == "unique_together" for key in options.keys if key is not None
            )
            listed = _arg(call, 1, "fields")
            for item in listed.elts if isinstance(listed, ast.List | ast.Tuple) else []:
                if isinstance(item, ast.Tuple) and len(item.elts) == 2 and (name := _name(item.elts[0])):
                    self.fields[(model, name)] = self._labelled(_field(item.elts[1], self.bases))
        elif op in ("AddField", "AlterField") and (name := _name(_arg(call, 1, "name"))):
            node = _arg(call, 2, "field")
            new = self._labelled(_field(node, self.bases))
            old = self.fields.get((model, name))
            if op == "AlterField" and old is not None and new is not None:
                self.changed[call.lineno] = changes(old, new, self.renamed)
            elif op == "AddField" and new is not None and (added := _added(node, new)):
                self.changed[call.lineno] = added
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

    def _labelled(self, field: Field | None) -> Field | None:
        """``field`` with its foreign key's model given the app's label when it names none (``'self'`` aside)."""
        if field is None or not self.label or not field.target or "." in field.target or field.target == "self":
            return field
        return dataclasses.replace(field, target=f"{self.label}.{field.target}")


# What Django's migrations send no SQL for (``Options.can_migrate``: a proxy model has no table of its own, an
# unmanaged one's table is the operator's): its fields' changes and its deletion.
NO_SQL = frozenset({"no_sql"})
# operations that name their model by ``name=`` (the others by ``model_name=``)
_NAMED_BY_NAME = frozenset({"CreateModel", "DeleteModel", "AlterUniqueTogether", "AlterModelOptions"})
_TABLE_OPERATIONS = frozenset({"AddField", "AlterField", "RemoveField", "RenameField", "DeleteModel"})


def _tableless(options: ast.expr | None) -> bool:
    """A ``CreateModel``'s ``options`` say ``'proxy': True`` or ``'managed': False``."""
    if not isinstance(options, ast.Dict):
        return False
    return _option(options, "proxy") is True or _option(options, "managed") is False


def _option(options: ast.Dict, name: str) -> object:
    """The literal value of the model option ``name`` (None when not given or not a literal)."""
    for key, value in zip(options.keys, options.values, strict=True):
        if key is not None and _name(key) == name and isinstance(value, ast.Constant):
            return value.value
    return None


def replaced(tree: ast.Module) -> set[str]:
    """The migrations a squashed migration stands for: the names in its ``Migration`` class's ``replaces = [("app",
    "0001_initial"), …]``. Django applies either the squash (a new database) or the files it replaces (a database
    that had them), so where those files are still carried, the squash is not a step between them and the next
    migration: replayed in name order (``0001_squashed_0039_…`` sorts before ``0002_…``) it would give each field its
    final definition before the ``AlterField``s that lead to it."""
    names: set[str] = set()
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name == "Migration"):
            continue
        for item in node.body:
            targets = item.targets if isinstance(item, ast.Assign) else []
            if not any(isinstance(target, ast.Name) and target.id == "replaces" for target in targets):
                continue
            listed = item.value if isinstance(item, ast.Assign) else None
            for entry in listed.elts if isinstance(listed, ast.List | ast.Tuple) else []:
                if isinstance(entry, ast.Tuple) and len(entry.elts) == 2 and (name := _name(entry.elts[1])):
                    names.add(name)
    return names


def renamed_models(apps: Mapping[str, list[tuple[str, str]]]) -> dict[str, str]:
    """``app.old`` -> ``app.new`` (lower case) for each ``RenameModel`` among the apps' migrations (``{folder:
    [(path, text)…]}``): Django's migration state renames every foreign key's reference to the model with it, in
    every app, so a later ``AlterField`` that names the new model points at the same table."""
    renamed: dict[str, str] = {}
    for folder, migrations in apps.items():
        label = posixpath.basename(posixpath.dirname(folder)).lower()
        for _, text in migrations:
            tree = _tree(text) if "RenameModel" in text else None
            for call in _operations(tree) if tree is not None else ():
                old, new = _name(_arg(call, 0, "old_name")), _name(_arg(call, 1, "new_name"))
                if _callee(call) == "RenameModel" and old and new:
                    renamed[f"{label}.{old.lower()}"] = f"{label}.{new.lower()}"
    return renamed


def alter_field_changes(files: Iterable[tuple[str, str]]) -> dict[tuple[str, int], frozenset[str]]:
    """(path, line) of each ``AlterField`` in the Django migrations among ``files`` ((path, text) of the package's
    Python files) whose replaced field is known -> what it changes in the database (see :func:`changes`). The
    project's own field classes are read from the other files (``class MarkdownField(models.TextField):``)."""
    apps: dict[str, list[tuple[str, str]]] = {}
    sources: list[tuple[str, str]] = []
    for path, text in files:
        folder = posixpath.dirname(path)
        if posixpath.basename(folder) == "migrations" and path.endswith(".py") and "migrations.Migration" in text:
            apps.setdefault(folder, []).append((path, text))
        elif path.endswith(".py") and "models." in text and len(text) <= MAX_SOURCE:
            sources.append((path, text))
    bases = field_bases(sources)
    renamed = renamed_models(apps)
    out: dict[tuple[str, int], frozenset[str]] = {}
    read = 0
    for folder, migrations in apps.items():
        label = posixpath.basename(posixpath.dirname(folder)).lower()
        history = _History(bases, label, renamed)
        present = {posixpath.basename(path).removesuffix(".py") for path, _ in migrations}
        for path, text in sorted(migrations, key=lambda m: posixpath.basename(m[0])):
            read += 1
            tree = _tree(text) if read <= MAX_FILES else None
            if tree is None:
                # a file not read: what follows cannot be told from what came before
                history = _History(bases, label, renamed)
                continue
            if present & replaced(tree):
                continue  # a squash of files the folder still has: their history is the one upgrades replay
            history.changed = {}
            for call in _operations(tree):
                history.apply(call)
            out.update({(path, line): change for line, change in history.changed.items()})
    return out


def package_changes(files: Mapping[str, bytes]) -> dict[tuple[str, int], frozenset[str]]:
    """:func:`alter_field_changes` over the package's Python files as they are, not the lines the scanners read
    (each cut at ``contents.MAX_LINE_CHARS``): a migration with one long line (a ``RunSQL`` string, a long list of
    choices) parses, and the app's history goes on through it instead of starting again after it."""
    return alter_field_changes(
        (path, data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data)
        for path, data in files.items()
        if path.endswith(".py") and len(data) <= MAX_SOURCE
    )


def revised(sql: SqlFile, changed: Mapping[tuple[str, int], frozenset[str]]) -> SqlFile:
    """``sql`` with each ``AlterField`` statement replaced by what Django sends for it: dropped when it sends
    nothing; a brief ACCESS EXCLUSIVE change, or a scan or rewrite (``REWRITES``), an index built or dropped
    (``db_index``); and each ``AddField`` of a field Django indexes by default given its index (:func:`_added`)."""
    if not any(path == sql.path for path, _ in changed):
        return sql
    kept: list[Statement] = []
    for s in sql.statements:
        change = changed.get((sql.path, s.line))
        if change == NO_SQL:
            continue  # a proxy's or an unmanaged model's operation: Django sends nothing
        if change is not None and "default_index" in change:
            kept += [s, _index_statement(s, "create_index")]
            continue
        if change is None or s.kind not in ("alter_column_type", "alter_column_set_not_null", "alter_table"):
            kept.append(s)
            continue
        kept += _altered(s, change)
    return dataclasses.replace(sql, statements=tuple(kept))


def _altered(s: Statement, change: frozenset[str]) -> list[Statement]:
    """What one ``AlterField`` statement becomes for ``change`` (empty: Django sends nothing)."""
    index = [_index_statement(s, kind) for kind in ("add_index", "drop_index") if kind in change]
    table_change = change - {"add_index", "drop_index"}
    if not table_change:
        return index
    rewrite = sorted(table_change & REWRITES)
    column = s.text.split("ALTER COLUMN", 1)[-1].split()[0] if "ALTER COLUMN" in s.text else "the column"
    detail = _DETAIL[rewrite[0]].format(col=column) if rewrite else ""
    return [dataclasses.replace(s, takes_lock=True, rewrites_table=bool(rewrite), detail=detail or s.detail), *index]


def _index_statement(s: Statement, change: str) -> Statement:
    """The index Django builds (``CREATE INDEX``) or drops for a field, at the operation's line: never CONCURRENTLY."""
    kind = "drop_index" if change == "drop_index" else "create_index"
    verb = "DROP INDEX" if kind == "drop_index" else "CREATE INDEX"
    table = s.tables[0] if s.tables else "the table"
    return dataclasses.replace(
        s,
        text=f"{verb} (field index) ON {table}",
        kind=kind,
        takes_lock=True,
        rewrites_table=False,
        concurrent=False,
        detail="",
    )
