"""Trust floors cannot be waived by scope: a waiver by vendor on ``trust.no_signature`` leaves an unsigned
package DENY (and DENY is what is stored); a waiver naming the exact archive sha256, with an expiry, admits
that archive only, is audited with its owner, and admission shows it."""

from __future__ import annotations

import json
from pathlib import Path

from admission.kit import VENDOR, Vendor, package, shipgate
from shipgate.admission import Admission
from shipgate.policy import Policy, parse_policy
from shipgate.store import Store
from shipgate.verifier import VerifyRequest, verify_package


def waiver(scope: str) -> str:
    return (
        '[[waivers]]\ncode = "trust.no_signature"\nreason = "vendor hotfix, unsigned (CHG-1301)"\n'
        f'owner = "security@example.net"\nexpires = 2099-01-07\n{scope}\n'
    )


def verify(archive: Path, policy: Policy, state: Store, home: Path) -> str:
    report = verify_package(archive, request=VerifyRequest(policy=policy, actor="test"), store=state, home=home)
    return str(report.verdict)


def test_a_vendor_waiver_never_lifts_no_signature(state: Store, trusted_home: Path, tmp_path: Path) -> None:
    """Risk: a waiver on trust.* scoped by vendor turned an unsigned package into a stored, admitted ALLOW."""
    unsigned = package(tmp_path / "unsigned.zip", None)
    policy = parse_policy(waiver(f'vendor = "{VENDOR}"').encode(), source="vendor-waiver.toml")
    assert verify(unsigned, policy, state, trusted_home) == "deny"
    [stored] = state.verdicts()
    assert stored.verdict == "deny" and "policy.waiver_refused" in {f.code for f in stored.findings}
    decision = Admission(state, home=trusted_home, policy_digest=policy.digest, env_digest="").by_digest(stored.sha256)
    assert (decision.allowed, decision.cause) == (False, "denied")


def test_an_exact_archive_waiver_admits_that_archive_audited_and_shown(
    state: Store, trusted_home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    unsigned = package(tmp_path / "unsigned.zip", None)
    other = package(tmp_path / "other.zip", None, version="7.4.1")
    sha256 = verify_package(unsigned, request=VerifyRequest(), store=None, home=trusted_home).archive.digests["sha256"]
    text = waiver(f'sha256 = "{sha256}"')
    policy = parse_policy(text.encode(), source="hotfix.toml")
    assert verify(unsigned, policy, state, trusted_home) == "allow"
    assert verify(other, policy, state, trusted_home) == "deny"  # another archive: the floor holds

    [audit] = [e for e in state.audit_entries() if e.action == "policy.waiver_applied"]
    assert (audit.subject, audit.details["owner"], audit.actor) == (sha256, "security@example.net", "test")
    admission = Admission(state, home=trusted_home, policy_digest=policy.digest, env_digest="")
    decision = admission.by_digest(sha256)
    assert (decision.allowed, decision.cause) == (True, "allowed")
    [shown] = decision.waivers
    assert shown["code"] == "trust.no_signature" and shown["waiver"]["sha256"] == sha256
    assert decision.reason == (
        f"dten 7.4.0 was verified: allow; waived: trust.no_signature (owner security@example.net, "
        f"expires 2099-01-07, archive sha256 {sha256})"
    )
    # By package, an unsigned verdict never counts, waiver or not.
    assert admission.by_package("dten", "7.4.0", VENDOR).cause == "no_verdict"
    # The CLI shows it too (another process, the same state and policy file).
    policy_file = tmp_path / "hotfix.toml"
    policy_file.write_text(text)
    out = shipgate(trusted_home, "admit", sha256, "--policy", str(policy_file), "--json")
    answer = json.loads(out.stdout)
    assert (out.returncode, answer["allowed"], answer["waivers"][0]["waiver"]["owner"]) == (
        0,
        True,
        "security@example.net",
    )
