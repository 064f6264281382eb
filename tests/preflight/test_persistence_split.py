"""persistence.py reads what a script leaves behind for later sessions; printed_secrets.py what it prints to the
install log. Each check reports its own code only, and both run where a shard is read (shards.LOCAL)."""

from __future__ import annotations

import pytest
from preflight_kit import package, run, script

import shipgate.preflight
from shipgate.preflight import persistence, printed_secrets, shards

_BOTH = script('echo "export PATH=/opt/app/bin:$PATH" >> ~/.bashrc', 'echo "admin password: $ADMIN_PASSWORD"')


def _codes(monkeypatch: pytest.MonkeyPatch, scanner: shards.Scanner) -> list[tuple[str, int | None]]:
    monkeypatch.setattr(shipgate.preflight, "SCANNERS", (scanner,))
    return [(f.code, f.evidence.get("line")) for f in run(package({"scripts/upgrade.sh": _BOTH}))]


def test_each_check_reports_its_own_code(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _codes(monkeypatch, persistence.scan) == [("preflight.persistence", 3)]
    assert _codes(monkeypatch, printed_secrets.scan) == [("preflight.secret_printed", 4)]


def test_both_checks_run_on_each_shard_and_in_the_run() -> None:
    for scanner in (persistence.scan, printed_secrets.scan):
        assert scanner in shards.LOCAL and scanner in shipgate.preflight.SCANNERS
