"""Functions and procedures a migration file defines and then calls itself: ``CREATE FUNCTION migrate() … $$ …
$$; SELECT migrate(); DROP FUNCTION migrate();`` (cardano-db-sync's stage migrations), ``CREATE OR REPLACE FUNCTION
create_index_for_x() …; select create_index_for_x();`` (Apache Ranger's patches), ``CALL p()``, or ``PERFORM p()`` in a
``DO`` block. The body runs during the migration, so its statements are read like the file's own, at the lines
where they are written. A function the file defines but never calls is not read: it runs when the product calls
it, which the file does not show."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from pglast import parser

from shipgate.preflight.sql.bodies import routine
from shipgate.preflight.sql.model import Statement

_DEFINES = re.compile(r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:FUNCTION|PROCEDURE)\b", re.I)
# A call by name: a top-level SELECT f(…)/SELECT * FROM f(…)/CALL f(…), or SELECT/PERFORM/CALL inside a DO block.
_CALL = re.compile(r"\b(?:SELECT|CALL|PERFORM)\s+(?:\*\s+FROM\s+)?(?:\"?\w+\"?\.)?\"?(\w+)\"?\s*\(", re.I)


@dataclass
class Routines:
    """What the pieces of one file define and call, seen in order (``see``), then merged into its statements."""

    defined: dict[str, tuple[int, list[Statement], str | None]] = field(default_factory=dict)
    called: set[str] = field(default_factory=set)

    def see(self, body: str, line: int, position: int, where: str | None) -> None:
        """Note the piece ``body`` written at ``line``, whose statements end at ``position`` in the file's list
        (``where``: the other database its changeset is for)."""
        if _DEFINES.match(body):
            try:
                parsed = json.loads(parser.parse_sql_json(body)).get("stmts") or ()
            except (parser.ParseError, RecursionError):
                return  # refused as a whole: already an unchecked statement of the file
            for raw in parsed:
                found = routine(raw.get("stmt") or {}, body, line)
                if found is not None and found[0]:
                    self.defined[found[0]] = (position, found[1], where)
            return
        if "(" in body:
            self.called.update(m.group(1).lower() for m in _CALL.finditer(body))

    def merge(
        self, statements: list[Statement], elsewhere: list[str | None]
    ) -> tuple[list[Statement], list[str | None]]:
        """``statements`` (and their databases) with the bodies of the routines the file calls after their
        definitions."""
        runs = sorted((at, body, where) for name, (at, body, where) in self.defined.items() if name in self.called)
        if not runs:
            return statements, elsewhere
        out: list[Statement] = []
        dbs: list[str | None] = []
        done = 0
        for at, body, where in runs:
            out.extend(statements[done:at])
            dbs.extend(elsewhere[done:at])
            out.extend(body)
            dbs.extend([where] * len(body))
            done = at
        out.extend(statements[done:])
        dbs.extend(elsewhere[done:])
        return out, dbs
