"""Subprocess bodies for the concurrency and crash tests (run as a script: ``python workers.py MODE URL``).

append URL TAG THREADS PER_THREAD   -- THREADS threads each append PER_THREAD audit entries
hold URL                            -- open a multi-row write, print "holding", wait to be killed
commit-then-wait URL                -- the same write, committed, print "committed", wait to be killed
loop URL ROWS                       -- transactions of ROWS advisories + 1 trust change, forever
"""

from __future__ import annotations

import sys
import threading
import time
from datetime import UTC, datetime, timedelta

from shipgate.store import AdvisoryRecord, FeedState, Transaction, open_store

T0 = datetime(2026, 11, 1, tzinfo=UTC)


def _append(url: str, tag: str, threads: int, per_thread: int) -> None:
    store = open_store(url)
    start = threading.Barrier(threads)
    errors: list[BaseException] = []

    def body(t: int) -> None:
        try:
            start.wait()
            for i in range(per_thread):
                store.append_audit(
                    actor=f"{tag}-{t}", action="load.append", subject=f"{tag}/{t}/{i}", details={"i": i}
                )
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=body, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    store.close()
    if errors:
        raise SystemExit(f"worker errors: {errors[:3]!r}")


def _multi_row_write(tx: Transaction, rows: int, version: int, *, pause_after: int | None = None) -> None:
    tx.set_feed_state(
        FeedState(
            vendor="V", feed_version=version, digest="0" * 64, issued=T0, expires=T0 + timedelta(days=30),
            fetched=T0, source="crash-test",
        ),
        actor="sync",
    )  # fmt: skip
    for i in range(rows):
        tx.put_advisories(
            [AdvisoryRecord(vendor="V", advisory_id=f"{version}-{i}", kind="notice", feed_version=version,
                            body={"i": i}, published=T0)],
            actor="sync",
        )  # fmt: skip
        if pause_after is not None and i == pause_after:
            print("holding", flush=True)
            time.sleep(600)
    tx.append_trust_change(
        vendor="V", kind="rotate-add", payload={"feed": version}, actor="sync", reason="feed"
    )


def main(argv: list[str]) -> None:
    mode, url = argv[0], argv[1]
    if mode == "append":
        _append(url, argv[2], int(argv[3]), int(argv[4]))
    elif mode == "hold":
        store = open_store(url)
        with store.transaction() as tx:
            _multi_row_write(tx, 50, 1, pause_after=25)
    elif mode == "commit-then-wait":
        store = open_store(url)
        with store.transaction() as tx:
            _multi_row_write(tx, 50, 1)
        print("committed", flush=True)
        time.sleep(600)
    elif mode == "loop":
        store = open_store(url)
        version = 1
        print("looping", flush=True)
        while True:
            with store.transaction() as tx:
                _multi_row_write(tx, int(argv[2]), version)
            version += 1
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
