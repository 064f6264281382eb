"""Policy: safe defaults, rules, waivers (scope, expiry, audit), and file errors naming the field."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from shipgate.errors import MalformedInput
from shipgate.findings import Finding, Severity
from shipgate.policy import Action, Policy, Verdict, parse_policy

NOW = datetime(2026, 11, 26, 12, tzinfo=UTC)
SCOPE = {"vendor": "Example Networks", "package": "dten", "version": "7.4.0"}


def finding(code: str, severity: Severity, path: str = "scripts/pre-upgrade.sh") -> Finding:
    return Finding(code=code, severity=severity, message=code, path=path)


def verdict(policy: Policy, *findings: Finding) -> Verdict:
    return policy.decide(findings, now=NOW, **SCOPE).verdict


@pytest.mark.parametrize(
    ("code", "severity", "expected"),
    [
        ("preflight.stale_binary", Severity.CRITICAL, Action.DENY),
        ("preflight.sudo_unavailable", Severity.HIGH, Action.DENY),
        ("preflight.external_endpoint", Severity.MEDIUM, Action.WARN),
        ("preflight.dependency_unverifiable", Severity.LOW, Action.ALLOW),
        ("preflight.privileged_script", Severity.INFO, Action.ALLOW),
        # Safe floors, whatever their severity.
        ("trust.no_signature", Severity.LOW, Action.DENY),
        ("trust.unknown_issuer", Severity.MEDIUM, Action.DENY),
        ("trust.revoked", Severity.INFO, Action.DENY),
        ("advisory.withdrawn_package", Severity.LOW, Action.DENY),
        ("manifest.digest_mismatch", Severity.MEDIUM, Action.DENY),
        ("zip.overlapping_entries", Severity.HIGH, Action.DENY),
        ("zip.nested_archive_uninspected", Severity.LOW, Action.ALLOW),
    ],
)
def test_default_policy(code: str, severity: Severity, expected: Action) -> None:
    assert verdict(Policy.default(), finding(code, severity)) is expected


def test_no_findings_allow_and_any_deny_wins() -> None:
    policy = Policy.default()
    assert verdict(policy) is Verdict.ALLOW
    decision = policy.decide(
        [
            finding("preflight.scheduled_job", Severity.MEDIUM),
            finding("trust.unknown_issuer", Severity.CRITICAL),
            finding("preflight.file_skipped", Severity.INFO),
        ],
        now=NOW,
        **SCOPE,
    )
    assert decision.verdict is Verdict.DENY
    assert [(r.finding.code, r.action) for r in decision.reasons] == [
        ("trust.unknown_issuer", Action.DENY),
        ("preflight.scheduled_job", Action.WARN),
    ]
    assert decision.reasons[0].rule.startswith("safe default: trust.unknown_issuer → deny")
    assert decision.to_dict()["verdict"] == "deny"
    assert decision.verdict == "deny" and Verdict.WARN.stronger(Verdict.ALLOW) is Verdict.WARN


RULES = b"""
[severity]
medium = "allow"

[[rules]]
code = "preflight.external_endpoint"
action = "deny"

[[rules]]
code = "preflight.*"
min_severity = "high"
action = "warn"

[[rules]]
code = "trust.unknown_issuer"
action = "allow"
"""


def test_rules_first_match_then_severity_table_and_floors_hold() -> None:
    policy = parse_policy(RULES, source="p.toml")
    assert verdict(policy, finding("preflight.external_endpoint", Severity.MEDIUM)) is Verdict.DENY
    assert verdict(policy, finding("preflight.sudo_unavailable", Severity.HIGH)) is Verdict.WARN
    assert verdict(policy, finding("preflight.scheduled_job", Severity.MEDIUM)) is Verdict.ALLOW
    assert verdict(policy, finding("config.renamed_key", Severity.MEDIUM)) is Verdict.ALLOW
    assert verdict(policy, finding("config.required_key_missing", Severity.HIGH)) is Verdict.DENY
    # A rule cannot relax a safe floor.
    assert verdict(policy, finding("trust.unknown_issuer", Severity.CRITICAL)) is Verdict.DENY
    reason = policy.decide([finding("preflight.sudo_unavailable", Severity.HIGH)], now=NOW, **SCOPE).reasons[0]
    assert reason.rule == "p.toml rules[1]: preflight.* at high or above → warn"


def waiver_policy(**fields: str) -> Policy:
    lines = ["[[waivers]]"] + [f'{k} = "{v}"' if k != "expires" else f"{k} = {v}" for k, v in fields.items()]
    return parse_policy("\n".join(lines).encode(), source="w.toml")


WAIVER = {
    "code": "preflight.sudo_unavailable",
    "reason": "sudoers entry for systemctl (CHG-1234)",
    "owner": "platform@example.net",
    "expires": "2027-01-31T00:00:00Z",
    "vendor": "Example Networks",
    "package": "dten",
}
SUDO = finding("preflight.sudo_unavailable", Severity.HIGH)


def test_waiver_applies_in_scope_and_is_reported() -> None:
    decision = waiver_policy(**WAIVER).decide([SUDO], now=NOW, **SCOPE)
    assert decision.verdict is Verdict.ALLOW and decision.reasons == ()
    [applied] = decision.applied_waivers
    assert applied.finding is SUDO and applied.instead is Action.DENY
    assert applied.waiver.owner == "platform@example.net"
    assert applied.waiver.expires == datetime(2027, 1, 31, tzinfo=UTC)
    assert [f.code for f in decision.findings] == ["policy.waiver_applied"]
    assert decision.findings[0].evidence["reason"] == "sudoers entry for systemctl (CHG-1234)"
    assert decision.to_dict()["applied_waivers"][0]["instead"] == "deny"


@pytest.mark.parametrize(
    ("change", "applies"),
    [
        ({}, True),
        ({"vendor": "Other Vendor"}, False),
        ({"package": "dten-lite"}, False),
        ({"version": "7.4.0"}, True),
        ({"version": "7.4"}, True),
        ({"version": "7.3.0"}, False),
        ({"version": ">=7.4,<7.5"}, True),
        ({"version": ">=7.5"}, False),
        ({"path": "scripts/*.sh"}, True),
        ({"path": "hooks/*"}, False),
        ({"code": "preflight.*"}, True),
        ({"code": "preflight.root_assumed"}, False),
    ],
)
def test_waiver_scope(change: dict[str, str], applies: bool) -> None:
    decision = waiver_policy(**{**WAIVER, **change}).decide([SUDO], now=NOW, **SCOPE)
    assert (decision.verdict is Verdict.ALLOW) is applies
    assert len(decision.applied_waivers) == (1 if applies else 0)


def test_expired_waiver_does_not_apply_and_says_so() -> None:
    decision = waiver_policy(**{**WAIVER, "expires": "2026-11-01"}).decide([SUDO, SUDO], now=NOW, **SCOPE)
    assert decision.verdict is Verdict.DENY and decision.applied_waivers == ()
    assert [(f.code, f.severity) for f in decision.findings] == [("policy.waiver_expired", Severity.INFO)]
    assert "expired on 2026-11-01" in decision.findings[0].message
    # The same waiver the day before it expires still applies.
    assert verdict(waiver_policy(**{**WAIVER, "expires": "2026-11-27"}), SUDO) is Verdict.ALLOW


ARCHIVE = "ab" * 32


def test_waiver_lifts_a_safe_floor_only_for_the_exact_archive() -> None:
    """Risk: a waiver scoped by vendor and version turned every unsigned or look-alike-rooted package of
    that vendor into ALLOW. Only a waiver naming the archive's sha256 lifts a trust floor."""
    unknown = finding("trust.unknown_issuer", Severity.CRITICAL, "signing-chain.pem")
    scoped = waiver_policy(**{**WAIVER, "code": "trust.unknown_issuer", "version": "7.4.0"})
    decision = scoped.decide([unknown], now=NOW, sha256=ARCHIVE, **SCOPE)
    assert decision.verdict is Verdict.DENY and decision.applied_waivers == ()
    assert [f.code for f in decision.findings] == ["policy.waiver_refused"]
    exact = waiver_policy(**{**WAIVER, "code": "trust.unknown_issuer", "sha256": ARCHIVE})
    assert exact.decide([unknown], now=NOW, sha256=ARCHIVE, **SCOPE).verdict is Verdict.ALLOW
    assert exact.decide([unknown], now=NOW, sha256="cd" * 32, **SCOPE).verdict is Verdict.DENY


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"[[waiver]]\ncode='x.y'", "waiver: unknown key"),
        (b"[severity]\nhigh = 'maybe'", r"severity.high: must be allow, warn or deny"),
        (b"[severity]\nsevere = 'deny'", r"severity.severe: must be one of"),
        (b"[[rules]]\naction = 'deny'", r"rules\[0\].code: required"),
        (b"[[rules]]\ncode = 'a.b'", r"rules\[0\].action: required"),
        (b"[[rules]]\ncode = 'a.b'\naction = 'deny'\nmin_severity = 'urgent'", r"rules\[0\].min_severity"),
        (b"[[rules]]\ncode = 'a.b'\naction = 'deny'\ncodes = 'x'", r"rules\[0\].codes: unknown key"),
        (b"rules = 3", "rules: must be an array of tables"),
        (b"[[waivers]]\ncode='a.b'\nowner='o'\nexpires=2027-01-01\npackage='dten'", r"waivers\[0\].reason: required"),
        (b"[[waivers]]\ncode='a.b'\nreason='r'\nexpires=2027-01-01\npackage='dten'", r"waivers\[0\].owner: required"),
        (b"[[waivers]]\ncode='a.b'\nreason='r'\nowner='o'\npackage='dten'", r"waivers\[0\].expires: required"),
        (
            b"[[waivers]]\ncode='a.b'\nreason='r'\nowner='o'\nexpires='soon'\npackage='dten'",
            r"waivers\[0\].expires: not a date",
        ),
        (b"[[waivers]]\ncode='a.b'\nreason='r'\nowner='o'\nexpires=2027-01-01", r"waivers\[0\]: scope needs vendor"),
        (
            b"[[waivers]]\ncode='a.b'\nreason='r'\nowner='o'\nexpires=2027-01-01\nsha256='abc'",
            r"waivers\[0\].sha256: must be the archive's SHA-256",
        ),
        (b"[[waivers]]\ncode='*'\nreason='r'\nowner='o'\nexpires=2027-01-01\npackage='d'", r"waivers\[0\].code"),
        (
            b"[[waivers]]\ncode='a.b'\nreason='r'\nowner='o'\nexpires=2027-01-01\npackage='d'\nversion='>=x'",
            r"waivers\[0\].version",
        ),
        (b"[severity", "not TOML"),
    ],
)
def test_bad_policy_names_the_field(text: bytes, message: str) -> None:
    with pytest.raises(MalformedInput, match=message):
        parse_policy(text, source="bad.toml")


def test_load_from_file(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_bytes(RULES)
    policy = Policy.load(path)
    assert policy.source == str(path) and len(policy.rules) == 3
    with pytest.raises(MalformedInput, match="cannot read"):
        Policy.load(tmp_path / "missing.toml")


def test_codes_short_form_and_nested_scope() -> None:
    policy = parse_policy(
        b"""
[codes]
"preflight.stale_binary" = "deny"
"zip.*" = "warn"

[[waivers]]
code = "preflight.stale_binary"
reason = "vendor confirmed the build (CASE-9)"
owner = "release@example.net"
expires = 2027-01-01
scope = { vendor = "Example Networks", package = "dten", path = "binaries/*" }
""",
        source="c.toml",
    )
    stale = finding("preflight.stale_binary", Severity.MEDIUM, "binaries/dtend")
    assert verdict(policy, stale) is Verdict.ALLOW and policy.waivers[0].path == "binaries/*"
    assert verdict(policy, finding("preflight.stale_binary", Severity.MEDIUM, "lib/x.so")) is Verdict.DENY
    assert verdict(policy, finding("zip.nested_archive_uninspected", Severity.LOW)) is Verdict.WARN
    # The safe floor still wins over the short form.
    assert verdict(policy, finding("zip.overlapping_entries", Severity.HIGH)) is Verdict.DENY
    with pytest.raises(MalformedInput, match=r"waivers\[0\].scope.package: given twice"):
        parse_policy(
            b"[[waivers]]\ncode='a.b'\nreason='r'\nowner='o'\nexpires=2027-01-01\npackage='d'\nscope={package='d'}"
        )
    with pytest.raises(MalformedInput, match=r"codes.zip.\*: must be allow, warn or deny"):
        parse_policy(b'[codes]\n"zip.*" = "block"')


def test_the_policy_digest_names_its_content_not_its_file() -> None:
    """Admission compares verdicts by policy digest: the same rules read from two files are one policy;
    one changed waiver, rule or severity is another."""
    text = RULES.decode()
    assert parse_policy(RULES, source="a.toml").digest == parse_policy(RULES, source="/etc/b.toml").digest
    assert parse_policy(b"", source="empty.toml").digest == Policy.default().digest
    variants = [
        text.replace('medium = "allow"', 'medium = "warn"'),
        text + '\n[codes]\n"preflight.scheduled_job" = "deny"\n',
        text + '\n[[waivers]]\ncode = "a.b"\nreason = "r"\nowner = "o"\nexpires = 2027-01-01\npackage = "dten"\n',
    ]
    digests = {parse_policy(v.encode()).digest for v in variants} | {parse_policy(RULES).digest}
    assert len(digests) == 4 and all(len(d) == 64 for d in digests)
