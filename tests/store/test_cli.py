"""``shipgate verdicts`` and ``shipgate audit`` on both backends, selected by ``$SHIPGATE_STATE_URL``, and
on the home's SQLite file by ``--home``."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from shipgate.cli import main
from shipgate.findings import Finding, Severity
from shipgate.store import Store, VerdictRecord, open_store

SHA = "a" * 64
FINDING = Finding(
    code="trust.unknown_issuer",
    severity=Severity.CRITICAL,
    path="signing-chain.pem",
    message="issuer not pinned",
)
B3 = "b" * 64


def _seed(store: Store) -> None:
    store.put_verdict(
        VerdictRecord(
            sha256=SHA, blake3=B3, package_name="dten", package_version="7.4.0", vendor="Example Networks",
            verdict="deny", policy_id="default@1", verifier_version="0.1.0",
            created=datetime(2026, 11, 1, 9, tzinfo=UTC),
            findings=(FINDING,),
        ),
        actor="verify",
        reason="upload",
    )  # fmt: skip
    store.append_trust_change(vendor="Example Networks", kind="pin", payload={}, actor="op", reason="onboard")


@pytest.fixture
def seeded(state_url: str, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("SHIPGATE_STATE_URL", state_url)
    store = open_store(state_url)
    _seed(store)
    return store


def test_verdicts_show_by_either_digest(seeded: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verdicts", "show", B3, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["sha256"], shown["verdict"], shown["package"]["version"]) == (SHA, "deny", "7.4.0")
    assert shown["findings"][0]["code"] == "trust.unknown_issuer"
    assert main(["verdicts", "show", SHA]) == 0
    text = capsys.readouterr().out
    assert "verdict   DENY" in text
    assert "critical trust.unknown_issuer signing-chain.pem: issuer not pinned" in text


def test_verdicts_show_unknown_digest_exits_1(seeded: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verdicts", "show", "c" * 64]) == 1
    assert capsys.readouterr().err == f"shipgate verdicts: no verdict stored for {'c' * 64}\n"


def test_verdicts_show_malformed_digest_is_a_usage_error(
    seeded: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verdicts", "show", "xyz"]) == 2
    assert "is not 64 hex digits" in capsys.readouterr().err


def test_verdicts_list(seeded: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verdicts", "list"]) == 0
    assert capsys.readouterr().out == f"DENY   {SHA}  dten 7.4.0 (Example Networks)  2026-11-01T09:00:00Z\n"
    assert main(["verdicts", "list", "--json"]) == 0
    assert [v["sha256"] for v in json.loads(capsys.readouterr().out)] == [SHA]


def test_audit_list_export_and_filters(seeded: Store, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(e["seq"], e["action"]) for e in listed] == [(1, "verdict.record"), (2, "trust.pin")]
    assert main(["audit", "list", "--action", "trust.pin"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and "trust.pin" in out[0] and "Example Networks" in out[0]
    assert main(["audit", "list", "--since", "2999-01-01"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["audit", "export"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line) for line in lines] == listed
    assert main(["audit", "list", "--since", "yesterday"]) == 2
    assert "not a time; write it like 2026-11-01T10:00:00Z" in capsys.readouterr().err


def test_audit_verify_intact_then_broken(seeded: Store, capsys: pytest.CaptureFixture[str]) -> None:
    """Risk: a tampered log passes `shipgate audit verify` (exit 0) in a pipeline."""
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out == "audit chain intact: 2 entries, head seq 2\n"
    with seeded.transaction() as tx:
        if seeded.dialect.name == "sqlite":
            tx._exec("DROP TRIGGER audit_no_update")
        else:
            tx._exec("DROP TRIGGER audit_append_only ON audit")
        tx._exec("UPDATE audit SET subject = 'someone else' WHERE seq = 1")
    assert main(["audit", "verify"]) == 1
    assert capsys.readouterr().err == (
        "audit chain broken at seq 1: hash does not match the entry's content (entry edited)\n"
    )
    assert main(["audit", "verify", "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["broken_seq"] == 1


def test_home_selects_the_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without $SHIPGATE_STATE_URL, --home DIR means DIR/state.db (as a subprocess, like a user)."""
    monkeypatch.delenv("SHIPGATE_STATE_URL", raising=False)
    home = tmp_path / "h"
    _seed(open_store(home=home))
    assert (home / "state.db").is_file()
    run = subprocess.run(
        [sys.executable, "-c", "from shipgate.cli import run; run()", "--home", str(home), "audit", "verify"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (run.returncode, run.stdout) == (0, "audit chain intact: 2 entries, head seq 2\n"), run.stderr


def test_unusable_state_url_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SHIPGATE_STATE_URL", "redis://x")
    assert main(["audit", "verify"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("shipgate: state URL 'redis://x' is not supported") and err.count("\n") == 1


def test_export_alone_lets_another_tool_verify_the_chain(
    seeded: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Risk: the exported log cannot be checked without shipgate (the documented hash rule is not the
    one used)."""
    import hashlib

    assert main(["audit", "export"]) == 0
    prev = "0" * 64
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for line in lines:
        entry = json.loads(line)
        body = {k: v for k, v in entry.items() if k != "hash"}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert line == json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        assert entry["prev_hash"] == prev
        assert hashlib.sha256(canonical.encode()).hexdigest() == entry["hash"]
        prev = entry["hash"]
