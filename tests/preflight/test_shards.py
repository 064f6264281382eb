"""Preflight read in shards across worker processes reports what one process reports, in the same order.

Risk covered: a scanner run shard by shard (``shards.LOCAL``) that reads across files, or findings put back in
another order, would make a large package's report depend on how many CPUs were idle. The package is the whole
real-world corpus (scripts, SQL, units, crontabs, config) with a migration run from a script, so lock context
and unit names cross files, and a configuration file's findings come before the scripts' in path order."""

from __future__ import annotations

from corpus_score import load_labels
from preflight_kit import INVENTORY, package

from shipgate.findings import Finding
from shipgate.preflight import PreflightOptions, facts, preflight_and_facts


def _package() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {f"{e.repo}/{e.path}": e.location.read_bytes() for e in load_labels()}
    # First and last in path order, so in different shards: lock context and unit names cross them.
    files["zz/migrate.sh"] = "#!/bin/sh\npsql -f db/0001_add.sql\nsystemctl enable --now dten-extra.service\n"
    files["0-units/dten-extra.service"] = "[Unit]\nDescription=x\n[Service]\nExecStart=/usr/bin/dten-extra\n"
    files["db/0001_add.sql"] = "ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0;\n"
    files["0-repos/vendor.repo"] = "[vendor]\nbaseurl=https://rpm.vendor.io/el9\nsslverify=0\n"  # before every script
    # A library sourced by a script in another shard: the script is read again with its variables once the whole
    # package is parsed, and its shard's per-file findings are found again from that reading.
    files["00-lib/common.sh"] = 'SUDO="sudo -E"\n'
    files["zz/install.sh"] = "#!/bin/sh\n. ../00-lib/common.sh\n$SUDO apt-get install -y dten-agent\n"
    return files


def _as_rows(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.code, f.severity, f.path, f.message, f.remedy, repr(f.evidence)) for f in findings]


def test_sharded_reading_reports_what_one_process_reports() -> None:
    contents = package(_package())
    one, one_facts = preflight_and_facts(contents, inventory=INVENTORY, options=PreflightOptions(workers=1))
    three, three_facts = preflight_and_facts(contents, inventory=INVENTORY, options=PreflightOptions(workers=3))
    assert len(one) > 100 and {f.code for f in one} >= {"preflight.external_endpoint", "preflight.pipe_to_shell"}
    assert [(f.code, f.evidence.get("line")) for f in one if f.path == "zz/install.sh"] == [
        ("preflight.sudo_unavailable", 3),
        ("preflight.implicit_egress", 3),
    ]
    assert _as_rows(three) == _as_rows(one)
    assert three_facts == one_facts
    assert facts(contents, options=PreflightOptions(workers=3)) == one_facts  # the plan's reading alone
