"""Schema migrations that take heavy locks without a bound, and scripts that run migrations unlocked.

``ALTER TABLE`` (and other table rewrites) wait for an ACCESS EXCLUSIVE lock and queue every query
behind them; without ``lock_timeout`` (or an advisory lock that serialises migration runs) a live service
stalls. ``CREATE INDEX`` without ``CONCURRENTLY`` blocks writes for the whole build, whatever the timeout.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, TextFile

# Statements are matched where a statement starts (line start or after ";"), so a column called
# "cluster" or the word "truncate" in a query is not a statement.
_ALTER = re.compile(
    r"(?i)(?:^|;)\s*(ALTER\s+TABLE|DROP\s+TABLE|TRUNCATE(?:\s+TABLE)?|RENAME\s+TABLE|"
    r"CLUSTER|VACUUM\s+FULL|REINDEX(?!\s+\w+\s+CONCURRENTLY))\b"
)
_CREATE_INDEX = re.compile(r"(?i)(?:^|;)\s*CREATE\s+(?:UNIQUE\s+)?INDEX\b(?!\s+CONCURRENTLY)")
_BOUNDED = re.compile(
    r"(?i)\block_timeout\b|\bpg_(?:try_)?advisory(?:_xact)?_lock\b|\bGET_LOCK\s*\(|"
    r"\block_wait_timeout\b|\bLOCK\s+TABLE\b[^;]{0,512}\bNOWAIT\b"
)
_RUNS_MIGRATION = re.compile(
    r"\b(?:psql|mysql|sqlplus|sqlcmd)\b[^;&|]{0,256}(?:\s-f\s*\S+\.sql|<\s*\S+\.sql|--file[= ]\S+\.sql)"
    r"|\b(?:flyway|liquibase)\b[^;&|]{0,256}\b(?:migrate|update)\b"
    r"|\balembic\b[^;&|]{0,256}\bupgrade\b|\bmanage\.py\s+migrate\b|\brake\s+db:migrate\b|\bmigrate\s+-path\b"
    r"|\bsqitch\s+deploy\b"
)
_SCRIPT_LOCK = re.compile(
    r"\bflock\b|\bpg_(?:try_)?advisory|\blockfile\b|\bGET_LOCK\b|--lock-timeout|"
    r"lock_timeout|\bsystemd-run\b[^;&|]{0,256}--property=|\bwith_lock\b"
)


def _sql_findings(text: TextFile) -> Iterator[Finding]:
    bounded = any(_BOUNDED.search(line.code) for line in text.lines)
    for line in text.code_lines():
        m = _CREATE_INDEX.search(line.code)
        if m:
            yield text.finding(
                line,
                "preflight.index_not_concurrent",
                Severity.HIGH,
                statement=" ".join(m.group(0).lstrip(";").split()).upper(),
                message="CREATE INDEX without CONCURRENTLY blocks writes to the table while the index builds",
                remedy="Use CREATE INDEX CONCURRENTLY (outside a transaction), or schedule a maintenance window.",
            )
        m = _ALTER.search(line.code)
        if m and not bounded:
            yield text.finding(
                line,
                "preflight.migration_unlocked",
                Severity.HIGH,
                statement=" ".join(m.group(1).split()).upper(),
                message=f"{' '.join(m.group(1).split()).upper()} on a live schema without lock_timeout or an "
                "advisory lock: it can queue every query behind it",
                remedy="Start the migration with SET lock_timeout = '5s' (and retry), and serialise "
                "migration runs with pg_advisory_lock.",
            )


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.of_kind(Kind.SQL):
        yield from _sql_findings(text)
    for text in ctx.of_kind(Kind.SHELL, Kind.CRON):
        locked = any(_SCRIPT_LOCK.search(line.code) for line in text.lines)
        if locked:
            continue
        for line in text.code_lines():
            if _RUNS_MIGRATION.search(line.code):
                yield text.finding(
                    line,
                    "preflight.migration_outside_lock",
                    Severity.MEDIUM,
                    message="the script runs a schema migration without holding a lock: two upgrade runs "
                    "(or a retry) can migrate concurrently",
                    remedy="Wrap the migration in flock or take pg_advisory_lock first.",
                )
