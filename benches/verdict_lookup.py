"""Verdict lookup by digest, the admission hook's hot path: p50/p99 latency with 1,000,000 stored verdicts.

Bulk-loads N verdicts (``Store.import_verdicts``: SQLite executemany in one transaction, PostgreSQL COPY),
then looks up random stored digests through ``Store.get_verdict`` -- half by SHA-256, half by BLAKE3, given
as bare hex (two indexed queries) and as ``sha256:HEX`` (one) -- plus digests that are not stored. Beside it,
the peer: the same indexed ``SELECT`` on the same database through the raw driver, so the ratio is the
store's own overhead. SQLite always; PostgreSQL when ``$SHIPGATE_TEST_POSTGRES_URL`` is set (its own schema,
dropped afterwards). Target: SQLite p99 <= 1 ms.

    python benches/verdict_lookup.py [--count 1000000] [--lookups 20000]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).parent))
from _measure import markdown_table
from shipgate.findings import Finding, Severity
from shipgate.store import Store, VerdictRecord, open_store

T0 = datetime(2026, 11, 1, tzinfo=UTC)
FINDING = Finding(code="trust.unknown_issuer", severity=Severity.CRITICAL, message="issuer not pinned")


def digests(i: int) -> tuple[str, str]:
    seed = i.to_bytes(8, "little")
    return hashlib.sha256(seed).hexdigest(), hashlib.sha256(b"b3" + seed).hexdigest()


def records(count: int) -> Iterator[VerdictRecord]:
    for i in range(count):
        sha256, blake3 = digests(i)
        deny = i % 10 == 0
        yield VerdictRecord(
            sha256=sha256,
            blake3=blake3,
            package_name=f"pkg{i % 500}",
            package_version=f"1.{i % 97}.{i % 13}",
            vendor=f"vendor{i % 20}",
            verdict="deny" if deny else "allow",
            findings=(FINDING,) if deny else (),
            policy_id="default@1",
            verifier_version="0.1.0",
            created=T0,
            expires=T0 + timedelta(days=90),
        )


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return p(0.50) * 1e3, p(0.99) * 1e3, ordered[-1] * 1e3


def timed(fn: Callable[[str], Any], keys: list[str]) -> list[float]:
    out = []
    for key in keys:
        start = time.perf_counter()
        fn(key)
        out.append(time.perf_counter() - start)
    return out


def bench(
    name: str, url: str, count: int, lookups: int, raw: Callable[[Store], Callable[[str], Any]]
) -> list[list[str]]:
    rows: list[list[str]] = []
    with open_store(url) as store:
        start = time.perf_counter()
        loaded = store.import_verdicts(records(count), actor="bench", reason="bulk load")
        load_s = time.perf_counter() - start
        assert loaded == count
        rng = random.Random(7)
        picks = [digests(rng.randrange(count)) for _ in range(lookups)]
        hexes = [p[i % 2] for i, p in enumerate(picks)]  # alternate sha256 / blake3
        prefixed = [f"sha256:{p[0]}" for p in picks]
        misses = [hashlib.sha256(b"miss" + bytes(str(i), "ascii")).hexdigest() for i in range(lookups // 4)]
        for key in hexes[:1000]:  # warm caches and connections
            store.get_verdict(key)
        found = sum(1 for key in hexes[:100] if store.get_verdict(key) is not None)
        assert found == 100, "stored digests must be found"
        raw_lookup = raw(store)
        cases = [
            ("get_verdict(hex), sha256 or blake3", timed(store.get_verdict, hexes)),
            ("get_verdict('sha256:' + hex)", timed(store.get_verdict, prefixed)),
            ("get_verdict(hex), not stored", timed(store.get_verdict, misses)),
            ("peer: raw driver SELECT by sha256", timed(raw_lookup, [p[0] for p in picks])),
        ]
        peer_p50 = percentiles(cases[-1][1])[0]
        for label, samples in cases:
            p50, p99, worst = percentiles(samples)
            rows.append([name, label, f"{p50:.3f}", f"{p99:.3f}", f"{worst:.2f}", f"{p50 / peer_p50:.1f}x"])
        rows.append(
            [name, f"bulk load {count:,} verdicts", f"{load_s:.1f} s", f"{count / load_s:,.0f}/s", "", ""]
        )
    return rows


def raw_sqlite(store: Store) -> Callable[[str], Any]:
    import sqlite3

    conn = sqlite3.connect(str(store.dialect.path))  # type: ignore[attr-defined]
    sql = "SELECT * FROM verdicts WHERE sha256 = ? ORDER BY id DESC LIMIT 1"
    return lambda key: conn.execute(sql, (key,)).fetchone()


def raw_postgres(store: Store) -> Callable[[str], Any]:
    import psycopg

    conn = psycopg.connect(store.url, autocommit=True)
    sql = "SELECT * FROM verdicts WHERE sha256 = %s ORDER BY id DESC LIMIT 1"
    return lambda key: conn.execute(sql, (key,)).fetchone()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=20_000)
    args = parser.parse_args()
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        rows += bench("SQLite", f"sqlite:///{tmp}/state.db", args.count, args.lookups, raw_sqlite)
    base = os.environ.get("SHIPGATE_TEST_POSTGRES_URL")
    if base:
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'CREATE SCHEMA "{schema}"')
        try:
            url = f"{base}{'&' if '?' in base else '?'}options={quote(f'-csearch_path={schema}', safe='')}"
            rows += bench("PostgreSQL", url, args.count, args.lookups, raw_postgres)
        finally:
            with psycopg.connect(base, autocommit=True) as admin:
                admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
    else:
        print("(PostgreSQL skipped: $SHIPGATE_TEST_POSTGRES_URL not set)", file=sys.stderr)
    print(f"verdict lookup, {args.count:,} stored verdicts, {args.lookups:,} lookups per case\n")
    print(markdown_table(["backend", "case", "p50 ms", "p99 ms", "max ms", "p50 vs peer"], rows))
    sqlite_p99 = float(rows[0][3])
    print(f"\nSQLite p99 {sqlite_p99:.3f} ms: {'OK' if sqlite_p99 <= 1.0 else 'OVER'} the 1 ms target")
    if sqlite_p99 > 1.0:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
