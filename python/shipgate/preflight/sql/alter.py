"""``ALTER TABLE`` read from its syntax tree: each subcommand's kind, whether the table is rewritten or scanned
under lock, and whether the change can be undone (squawk's rules: adding-field-with-default (volatile),
adding-not-nullable-field, changing-column-type, setting-not-nullable-field, constraint-missing-not-valid,
disallowed-unique-constraint, ban-drop-column; and a stored generated, identity or serial column added to a table
that has rows)."""

from __future__ import annotations

from typing import Any

from shipgate.preflight.sql.model import IRREVERSIBLE, REVERSIBLE, Statement
from shipgate.preflight.sql.nodes import Node, func_names, of_type, sval, table, typed

# Volatile functions: a new column's default is computed for every row (a rewrite). ``now()`` is not one: it is
# STABLE (the transaction's start time), evaluated once, and PostgreSQL 11+ keeps that value in the catalogue.
_VOLATILE = frozenset({"random", "gen_random_uuid", "uuid_generate_v4", "clock_timestamp", "nextval"})
# Types a column can be widened to without a rewrite (PostgreSQL skips it when the old type is binary-coercible:
# varchar(n) -> varchar(m>n) or text, numeric(p) -> numeric(q>p), varbit(n) -> varbit(m>n)), and citext, whose
# extension declares its casts from text and varchar WITHOUT FUNCTION: the column is relabelled, not rewritten.
_WIDENABLE = frozenset({"varchar", "text", "varbit", "numeric", "citext"})
# A new column whose value is computed for each row already there: a STORED generated column, an identity column,
# a serial (its nextval default is implied by the type name).
_COMPUTED = frozenset({"CONSTR_GENERATED", "CONSTR_IDENTITY"})
_INDEXED = frozenset({"CONSTR_UNIQUE", "CONSTR_PRIMARY"})
_SERIAL = frozenset({"serial", "serial4", "bigserial", "serial8", "smallserial", "serial2"})
# Constraints enforced by an index built from every row while ACCESS EXCLUSIVE is held (unless USING INDEX).
_INDEXED = frozenset({"CONSTR_UNIQUE", "CONSTR_PRIMARY", "CONSTR_EXCLUSION"})
_SEVERITY_ORDER = ("alter_column_type", "alter_table_drop_column", "alter_column_set_not_null", "add_constraint")
# Subcommands that take SHARE UPDATE EXCLUSIVE, not ACCESS EXCLUSIVE (PostgreSQL's AlterTableGetLockLevel): storage
# parameters (``SET (autovacuum_… = …)``, ``RESET (…)``), statistics targets, CLUSTER ON / SET WITHOUT CLUSTER and
# VALIDATE CONSTRAINT; reads and writes go on while they wait.
_SHARE_UPDATE_EXCLUSIVE = frozenset(
    {
        "AT_SetRelOptions",
        "AT_ResetRelOptions",
        "AT_SetStatistics",
        "AT_ClusterOn",
        "AT_DropCluster",
        "AT_ValidateConstraint",
    }
)


def _constraint_types(column: Node) -> set[str]:
    return {str(c.get("contype", "")) for c in of_type(column.get("constraints"), "Constraint")}


def _validated(column: Node) -> bool:
    """Whether the new column carries a REFERENCES or CHECK constraint, which PostgreSQL validates at once (a
    column constraint cannot be NOT VALID): every row is read, even when the column is still all NULL."""
    return any(
        c.get("contype") in ("CONSTR_CHECK", "CONSTR_FOREIGN") and not c.get("skip_validation")
        for c in of_type(column.get("constraints"), "Constraint")
    )


def _add_column(column: Node) -> tuple[bool, str | None]:
    """(rewrites, detail) for ``ADD COLUMN``: a volatile default or a value computed for every row (STORED
    generated, identity, serial) rewrites, a REFERENCES/CHECK constraint scans, a UNIQUE/PRIMARY KEY one builds its
    index over the table; NOT NULL without a default fails."""
    volatile = bool(func_names(column) & _VOLATILE)
    types = _constraint_types(column)
    not_null = bool(column.get("is_not_null")) or "CONSTR_NOTNULL" in types
    name = column.get("colname")
    if volatile:
        return True, f"column {name} has a volatile default: the table is rewritten"
    if types & _COMPUTED or _type_name(column) in _SERIAL:
        return True, f"column {name} is computed for every existing row (stored generated, identity, serial): rewritten"
    if _validated(column):
        return True, f"column {name} has a REFERENCES or CHECK constraint: the whole table is scanned under lock"
    if types & _INDEXED:
        return True, f"column {name} is UNIQUE or a PRIMARY KEY: its index is built by scanning the table under lock"
    if not_null and "CONSTR_DEFAULT" not in types:
        return False, f"column {name} is NOT NULL without a default: fails on a non-empty table"
    return False, None


def _type_name(column: Node) -> str:
    names = [sval(n) for n in (column.get("typeName") or {}).get("names") or ()]
    return names[-1].lower() if names else ""


def _may_widen(column: Node) -> str | None:
    """The new type's name when the change can be a widening (no USING expression, a widenable type)."""
    if not column or column.get("raw_default") is not None:
        return None
    names = [sval(n) for n in (column.get("typeName") or {}).get("names") or ()]
    return names[-1] if names and names[-1] in _WIDENABLE else None


def _type_change(name: Any, column: Node) -> tuple[bool, str]:
    widening = _may_widen(column)
    if widening:
        return False, (
            f"changes the type of column {name} to {widening}: no rewrite when that widens the old type"
            " (the old type is not in this statement)"
        )
    return True, f"changes the type of column {name}: the table is rewritten"


def _subcommand(cmd: Node) -> tuple[str, bool, str, str | None]:
    """(kind, rewrites, reversibility, detail) of one ``ALTER TABLE`` subcommand."""
    sub = cmd.get("subtype")
    definition = typed(cmd.get("def"))[1]
    if sub == "AT_AddColumn":
        rewrites, detail = _add_column(definition)
        return "alter_table_add_column", rewrites, REVERSIBLE, detail
    if sub == "AT_DropColumn":
        return "alter_table_drop_column", False, IRREVERSIBLE, f"drops column {cmd.get('name')}"
    if sub == "AT_AlterColumnType":
        rewrites, detail = _type_change(cmd.get("name"), definition)
        return "alter_column_type", rewrites, IRREVERSIBLE, detail
    if sub == "AT_SetNotNull":
        detail = f"SET NOT NULL on {cmd.get('name')} scans the whole table under ACCESS EXCLUSIVE"
        return "alter_column_set_not_null", True, REVERSIBLE, detail
    if sub == "AT_AddConstraint":
        return _add_constraint(definition)
    return "alter_table", False, REVERSIBLE, None


def _add_constraint(definition: Node) -> tuple[str, bool, str, str | None]:
    """``ADD CONSTRAINT``: a CHECK or FOREIGN KEY without NOT VALID scans the table; a UNIQUE, PRIMARY KEY or
    EXCLUDE constraint builds its index from every row, under ACCESS EXCLUSIVE, unless it adopts an index built
    before (``USING INDEX``)."""
    contype = definition.get("contype")
    if contype in ("CONSTR_CHECK", "CONSTR_FOREIGN") and not definition.get("skip_validation"):
        detail = "adds a constraint without NOT VALID: the whole table is scanned under lock"
        return "add_constraint", True, REVERSIBLE, detail
    if contype in _INDEXED and not definition.get("indexname"):
        detail = "adds a UNIQUE/PRIMARY KEY/EXCLUDE constraint: its index is built from every row, ACCESS EXCLUSIVE"
        return "add_constraint", True, REVERSIBLE, detail
    return "add_constraint", False, REVERSIBLE, None


def _not_null_check(cmd: Node) -> tuple[str, str, str] | None:
    """(event, constraint, column) when the subcommand adds a ``CHECK (column IS NOT NULL)`` (``valid`` or
    ``not_valid``), validates or drops a named constraint (``validate``/``drop``, column ''); None otherwise."""
    sub = cmd.get("subtype")
    if sub in ("AT_ValidateConstraint", "AT_DropConstraint") and cmd.get("name"):
        return ("validate" if sub == "AT_ValidateConstraint" else "drop"), str(cmd["name"]), ""
    definition = typed(cmd.get("def"))[1]
    if sub != "AT_AddConstraint" or definition.get("contype") != "CONSTR_CHECK" or not definition.get("conname"):
        return None
    kind, test = typed(definition.get("raw_expr"))
    fields: list[Any] = list(typed(test.get("arg"))[1].get("fields") or [])
    if kind != "NullTest" or test.get("nulltesttype") != "IS_NOT_NULL" or len(fields) != 1 or not sval(fields[0]):
        return None
    event = "not_valid" if definition.get("skip_validation") else "valid"
    return event, str(definition["conname"]), sval(fields[0])


def _exclusive(s: Node) -> bool:
    """Whether the statement waits for ACCESS EXCLUSIVE on a table: not ``ALTER VIEW`` (a view, like one dropped or
    replaced, holds no rows), not a statement made only of SHARE UPDATE EXCLUSIVE subcommands."""
    if s.get("objtype") == "OBJECT_VIEW":
        return False
    subtypes = {cmd.get("subtype") for cmd in of_type(s.get("cmds"), "AlterTableCmd")}
    return not subtypes or not subtypes <= _SHARE_UPDATE_EXCLUSIVE


def alter_table(s: Node, base: dict[str, Any]) -> Statement:
    kinds: list[str] = []
    rewrites = False
    reversibility = REVERSIBLE
    details: list[str] = []
    checks: list[tuple[str, str, str]] = []
    scans: list[str | None] = []  # per rewriting subcommand: the column of a SET NOT NULL, None for another
    for cmd in of_type(s.get("cmds"), "AlterTableCmd"):
        kind, rewrite, rev, detail = _subcommand(cmd)
        kinds.append(kind)
        rewrites = rewrites or rewrite
        check = _not_null_check(cmd)
        checks.extend([check] if check else [])
        scans.extend([str(cmd.get("name")) if kind == "alter_column_set_not_null" else None] if rewrite else [])
        reversibility = IRREVERSIBLE if rev == IRREVERSIBLE else reversibility
        if detail:
            details.append(detail)
    kind = kinds[0] if len(set(kinds)) == 1 else ("alter_table" if not kinds else _most_severe(kinds))
    return Statement(
        **base,
        kind=kind,
        tables=table(s.get("relation")),
        takes_lock=_exclusive(s),
        rewrites_table=rewrites,
        reversibility=reversibility,
        detail="; ".join(details),
        not_null_checks=tuple(checks),
        scans_for_not_null=tuple(c for c in scans if c) if scans and None not in scans else (),
    )


def _most_severe(kinds: list[str]) -> str:
    return next((k for k in _SEVERITY_ORDER if k in kinds), kinds[0])
