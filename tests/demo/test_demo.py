"""The dten story (README, Quick start) end to end: DENY for the unknown issuer before the vendor's feed, the signed CA
rotation applied by the feed, and then every story risk found at its file and line."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

from shipgate.demo.run import missing_risks, run_demo
from shipgate.demo.story import STORY_RISKS
from shipgate.findings import Severity
from shipgate.store import open_store


def test_story_before_and_after_the_feed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    lines: list[str] = []
    result = run_demo(tmp_path, home=home, say=lines.append)
    assert result.problems == ()
    # Before the feed: the new CA is unknown; nothing else about trust is claimed.
    assert result.before.verdict == "deny"
    assert [f.code for f in result.before.findings if f.layer == "trust"] == ["trust.unknown_issuer"]
    assert result.before.signature is None
    # After: signed under the rotated root, trusted because of the advisory.
    assert result.after.signature is not None
    assert result.after.signature["root"] == "CN=Example Networks Code Signing CA 2026,O=Example Networks"
    assert "from rotation advisory EXN-2026-0031" in result.after.signature["trusted_because"]
    assert not [f for f in result.after.findings if f.layer in ("trust", "zip", "manifest")]
    assert missing_risks(result.after) == []
    # Above info (which says, e.g., that the binaries' content was not scanned as text): exactly the story risks.
    risks = {f.code for f in result.after.findings if f.severity > Severity.INFO}
    assert sorted(risks) == sorted({code for code, _, _ in STORY_RISKS})
    # Every finding says where and what to do.
    for f in result.after.findings:
        assert f.evidence.get("file") and f.remedy, f
    assert result.after.verdict == "deny"  # the high preflight risks deny under the default policy
    assert any("feed v12 accepted" in line for line in lines)
    # Both verdicts are stored and audited, with the feed acceptance and the trust change between them.
    with open_store(home=home) as store:
        actions = [e.action for e in store.audit_entries()]
        assert store.verify_audit().ok
    assert actions[0] == "verdict.record" and actions[-1] == "verdict.record"
    assert "feed.accept" in actions


def test_missing_risks_notices_a_missing_one(tmp_path: Path) -> None:
    result = run_demo(tmp_path, home=tmp_path / "home", say=lambda _: None)
    assert missing_risks(result.before) == []  # preflight runs even when the signature is not trusted
    kept = tuple(f for f in result.after.findings if f.code != "preflight.scheduled_job")
    stripped = replace(result.after, findings=kept)
    assert missing_risks(stripped) == ["preflight.scheduled_job at cron/dten-housekeeping:2"]


def test_shipgate_demo_command_under_a_minute(tmp_path: Path) -> None:
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-m", "shipgate", "--home", str(tmp_path / "home"), "demo"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    elapsed = time.monotonic() - started
    assert out.returncode == 0, out.stderr
    assert elapsed < 60
    assert "trust.unknown_issuer" in out.stdout
    assert out.stdout.rstrip().splitlines()[-1].startswith("demo: as the story says")
    # Run again in the same home: a newer feed version, the same outcome.
    again = subprocess.run(
        [sys.executable, "-m", "shipgate", "--home", str(tmp_path / "home"), "demo"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr
