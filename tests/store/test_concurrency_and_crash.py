"""Many writers, one chain; a killed writer, no half write.

Risks: concurrent replicas or threads lose audit entries or fork the chain (two entries with the same
prev_hash); a process killed mid-transaction leaves a store that does not open, does not verify, or holds
part of a multi-row write.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from shipgate.store import Store, open_store
from shipgate.store._schema import MIGRATIONS

WORKERS = str(Path(__file__).with_name("workers.py"))


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, WORKERS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_two_processes_of_eight_threads_append_16000_entries(state_url: str) -> None:
    """8 threads x 2 processes x 1,000 appends, started together on a fresh state (so the two processes
    also race to run the migrations): all 16,000 entries present once each, and the chain verifies."""
    procs = [_spawn("append", state_url, tag, "8", "1000") for tag in ("p0", "p1")]
    for proc in procs:
        _, err = proc.communicate(timeout=590)
        assert proc.returncode == 0, err
    with open_store(state_url) as store:
        entries = store.audit_entries()
        assert len(entries) == 16_000
        assert [e.seq for e in entries] == list(range(1, 16_001))
        subjects = Counter(e.subject for e in entries)
        assert len(subjects) == 16_000 and set(subjects.values()) == {1}
        assert {f"{p}/{t}/{i}" for p in ("p0", "p1") for t in range(8) for i in range(1000)} == set(subjects)
        # Each thread's entries keep their order in the chain.
        per_thread: dict[str, list[int]] = {}
        for e in entries:
            per_thread.setdefault(e.actor, []).append(int(e.details["i"]))
        assert all(v == list(range(1000)) for v in per_thread.values())
        result = store.verify_audit()
        assert (result.ok, result.checked, result.head_seq) == (True, 16_000, 16_000)


def _wait_for(proc: subprocess.Popen[str], line: str) -> None:
    assert proc.stdout is not None
    got = proc.stdout.readline().strip()
    if got != line:
        proc.kill()
        _, err = proc.communicate()
        pytest.fail(f"worker said {got!r}, expected {line!r}; stderr: {err}")


def _kill(proc: subprocess.Popen[str]) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def test_killed_in_the_middle_of_a_write_leaves_none_of_it(state_url: str) -> None:
    with open_store(state_url) as store:
        store.append_audit(actor="setup", action="before", subject="x")
    proc = _spawn("hold", state_url)
    _wait_for(proc, "holding")  # feed state + 26 advisories + their audit entries written, not committed
    _kill(proc)
    with open_store(state_url) as store:
        assert store.verify_audit().ok
        assert [e.action for e in store.audit_entries()] == ["before"]
        assert store.feed_state("V") is None
        assert store.advisories() == []
        assert store.trust_changes() == []
        store.append_audit(actor="after", action="after", subject="y")  # the lock was released
        assert store.verify_audit().checked == 2


def test_killed_after_commit_keeps_all_of_it(state_url: str) -> None:
    proc = _spawn("commit-then-wait", state_url)
    _wait_for(proc, "committed")
    _kill(proc)
    with open_store(state_url) as store:
        assert store.verify_audit().ok
        assert len(store.advisories()) == 50
        assert store.feed_state("V") is not None
        assert [c.version for c in store.trust_changes("V")] == [1]
        assert len(store.audit_entries()) == 52  # feed.accept + 50 advisory.store + trust.rotate-add


@pytest.mark.parametrize("delay", [0.3, 0.7, 1.1])
def test_killed_at_an_arbitrary_moment_leaves_whole_transactions(state_url: str, delay: float) -> None:
    """Kill a writer looping over 20-row transactions at a moment it does not choose."""
    proc = _spawn("loop", state_url, "20")
    _wait_for(proc, "looping")
    time.sleep(delay)
    _kill(proc)
    with open_store(state_url) as store:
        result = store.verify_audit()
        assert result.ok, result.describe()
        committed = store.latest_trust_version("V")
        assert committed >= 1  # the kill landed after some commits, so "whole" is not vacuous
        assert len(store.advisories()) == 20 * committed
        state = store.feed_state("V")
        assert (state.feed_version if state else 0) == committed
        assert result.checked == 22 * committed


def test_replicas_starting_together_migrate_once(state_url: str) -> None:
    """Risk: two replicas starting at once both run the migration (duplicate tables, failed start)."""
    procs = [_spawn("append", state_url, f"r{n}", "1", "1") for n in range(4)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with open_store(state_url) as store, store.transaction(write=False) as tx:
        versions = sorted(r[0] for r in tx._exec("SELECT version FROM schema_migrations").fetchall())
        assert versions == [m.version for m in MIGRATIONS]
        assert sorted(e.subject for e in tx.audit_entries()) == [f"r{n}/0/0" for n in range(4)]
        assert tx.verify_audit().ok


def test_threads_that_end_give_their_connections_back(store: Store) -> None:
    """Risk: a service that runs each request on a new thread leaks one connection per request."""
    import gc
    import threading

    store.append_audit(actor="main", action="a", subject="main")

    def work(n: int) -> None:
        store.append_audit(actor="t", action="a", subject=str(n))

    for n in range(30):
        t = threading.Thread(target=work, args=(n,))
        t.start()
        t.join()
        del t
    gc.collect()
    assert len(store._connections) <= 2  # the main thread's, and at most one not yet collected
    assert len(store.audit_entries()) == 31
    assert store.verify_audit().ok
