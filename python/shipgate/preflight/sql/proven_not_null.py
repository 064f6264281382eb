"""``SET NOT NULL`` that PostgreSQL proves from a constraint instead of scanning (``docs/preflight.md``, "Schema
migrations"): since PostgreSQL 12, when a valid ``CHECK (col IS NOT NULL)`` is on the table, ``ALTER COLUMN col SET
NOT NULL`` skips the full-table scan. The safe way to make a live column NOT NULL writes exactly that — add the check
``NOT VALID`` (a brief lock, no scan), ``VALIDATE CONSTRAINT`` (a scan under SHARE UPDATE EXCLUSIVE, reads and writes
go on), then ``SET NOT NULL`` (catalog only) — so its last step is no scan under ACCESS EXCLUSIVE. The lock it still
takes is judged as before."""

from __future__ import annotations

import dataclasses

from shipgate.preflight.sql.model import Statement


def _proven(checks: dict[tuple[str, str], str], s: Statement) -> None:
    """Applies the statement's check-constraint events to ``checks``: (table, constraint) -> column of the valid
    ``CHECK (column IS NOT NULL)`` constraints seen so far; pending (NOT VALID) ones are kept under a '?' table
    prefix until validated."""
    table = s.tables[0] if s.tables else ""
    for event, name, column in s.not_null_checks:
        if event == "valid":
            checks[(table, name)] = column
        elif event == "not_valid":
            checks[("?" + table, name)] = column
        elif event == "validate" and ("?" + table, name) in checks:
            checks[(table, name)] = checks.pop(("?" + table, name))
        elif event == "drop":
            checks.pop((table, name), None)
            checks.pop(("?" + table, name), None)


def without_proven_scans(statements: list[Statement]) -> list[Statement]:
    """``statements`` with the scan of each SET NOT NULL that a valid check constraint of the same file already
    proves taken off (its lock kept), in the order the file runs them."""
    checks: dict[tuple[str, str], str] = {}
    out: list[Statement] = []
    for s in statements:
        _proven(checks, s)
        table = s.tables[0] if s.tables else ""
        proven = {column for (t, _), column in checks.items() if t == table}
        if s.rewrites_table and s.scans_for_not_null and set(s.scans_for_not_null) <= proven:
            detail = "SET NOT NULL proven by a validated CHECK (… IS NOT NULL) constraint: no scan (PostgreSQL 12+)"
            out.append(dataclasses.replace(s, rewrites_table=False, detail=detail))
        else:
            out.append(s)
    return out
