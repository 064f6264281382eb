"""Identity patterns (RE2, anchored, bounded): signer rules, Sigstore identity/issuer patterns through
`verify-blob --identity-regexp/--issuer-regexp` on the sigstore-conformance bundles, and the pinned feed
identity. The risks: a pattern that matches more than it says (unanchored, like cosign's search), one
that makes verification backtrack for minutes, and a feed signer outside the pinned identity accepted."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from cryptography import x509

from shipgate.cli import main
from shipgate.trust.errors import FeedIdentityMismatch, IdentityMismatch, TrustConfigError
from shipgate.trust.identity import IdentityRule, ScopedPattern
from shipgate.trust.patterns import MAX_VALUE_CHARS, compile_pattern
from shipgate.trust.state import VendorTrust
from shipgate.trust.verifier import verify_detached, verify_feed_signature
from trust import pki
from trust.conftest import MANIFEST, VENDOR, VendorPKI, vendor_with
from trust.corpora import sigstore_args, sigstore_cases

URI = "https://ci.example.net/dten/.ci/release.yml@refs/tags/v7.4.0"


def _ci_leaf(parent: pki.Issued) -> pki.Issued:
    return pki.leaf("Example CI", parent, san=[x509.UniformResourceIdentifier(URI), x509.DNSName("ci.example.net")])


def test_patterns_match_the_whole_value_only() -> None:
    pattern = compile_pattern(r"https://ci\.example\.net/dten/.*", where="test")
    assert pattern.matches(URI)
    assert not pattern.matches("https://evil.example/?" + URI)  # cosign's search would match this
    assert not compile_pattern(r"ci\.example\.net", where="test").matches(URI)
    assert not compile_pattern("a|b", where="test").matches("ab")  # the alternation is anchored as a whole


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        (r"(a)\1", "invalid escape sequence"),
        ("(?=a)a", "invalid perl operator"),
        ("(?<!a)b", "invalid perl operator"),
        ("a{1001}", "invalid repetition size"),
        ("(", "missing \\)"),
        ("", "non-empty"),
        ("a" * 1025, "at most 1024"),
    ],
)
def test_what_re2_refuses_is_a_config_error_naming_the_pattern(source: str, reason: str) -> None:
    with pytest.raises(TrustConfigError, match=reason):
        compile_pattern(source, where="[signer].san_regexps[0]")


def test_no_catastrophic_backtracking_and_long_values_never_match() -> None:
    # (a+)+$ takes Python's re exponential time on "aaa…b"; RE2 is linear. The bound is generous
    # (the check is that it finishes at all, on a budget a test run can afford), not a timing claim.
    pattern = compile_pattern("(a+)+", where="test")
    started = time.monotonic()
    assert not pattern.matches("a" * 3000 + "b")
    assert time.monotonic() - started < 5
    assert not compile_pattern(".*", where="test").matches("x" * (MAX_VALUE_CHARS + 1))


def test_signer_rule_with_san_regexps(vendor_pki: VendorPKI) -> None:
    ci = _ci_leaf(vendor_pki.new_int)
    rule = IdentityRule.from_dict(
        {"san_regexps": [r"uri:https://ci\.example\.net/dten/.+@refs/tags/v7\..*"]}, where="t"
    )
    assert rule.verify(ci.cert) == f"uri:{URI}"
    # The kind is literal: a DNS SAN never satisfies a uri: pattern, whatever the expression.
    dns_only = IdentityRule.from_dict({"san_regexps": ["uri:ci\\.example\\.net"]}, where="t")
    with pytest.raises(IdentityMismatch, match="san_regexps"):
        dns_only.verify(ci.cert)
    subject = IdentityRule.from_dict({"subject_regexps": ["CN=Example CI,O=Example Networks"]}, where="t")
    assert subject.verify(ci.cert) == "CN=Example CI,O=Example Networks"


def test_detached_verification_applies_the_pattern_rule(vendor_pki: VendorPKI) -> None:
    ci = _ci_leaf(vendor_pki.new_int)
    chain = pki.chain_pem(ci, vendor_pki.new_int)
    sig = pki.sign(ci.key, MANIFEST)
    trust = VendorTrust(vendor=VENDOR, version=0, roots={r.sha256: r for r in vendor_with([vendor_pki.new_root]).roots})
    ok = vendor_with(
        [vendor_pki.new_root],
        signer=IdentityRule.from_dict({"san_regexps": [r"uri:https://ci\.example\.net/dten/.*"]}, where="t"),
    )
    assert verify_detached(MANIFEST, sig, chain, vendor=ok, trust=trust).identity == f"uri:{URI}"
    other = vendor_with(
        [vendor_pki.new_root],
        signer=IdentityRule.from_dict({"san_regexps": [r"uri:https://ci\.example\.net/other/.*"]}, where="t"),
    )
    with pytest.raises(IdentityMismatch):
        verify_detached(MANIFEST, sig, chain, vendor=other, trust=trust)


def test_scoped_feed_identity_patterns(vendor_pki: VendorPKI) -> None:
    leaf = vendor_pki.new_leaf.cert  # email:release@example.net, CN=Example Networks Release Signing
    assert ScopedPattern.parse(r"email:release@example\.net", where="t").match(leaf) == "email:release@example.net"
    assert ScopedPattern.parse(r"release@example\.net", where="t").match(leaf) == "email:release@example.net"
    assert ScopedPattern.parse(r"subject:CN=Example Networks Release Signing,.*", where="t").match(leaf)
    assert ScopedPattern.parse(r"uri:release@example\.net", where="t").match(leaf) is None
    # Unscoped patterns are tried against SANs, never the subject.
    assert ScopedPattern.parse("CN=Example.*", where="t").match(leaf) is None


def test_feed_signed_by_another_identity_is_refused(vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.new_root])
    roots = {r.sha256: r for r in vendor.roots}
    feed = b'{"feed_version": 1}'
    sig = pki.sign(vendor_pki.new_leaf.key, feed)
    chain = vendor_pki.new_chain()
    pinned = VendorTrust(vendor=VENDOR, version=3, roots=roots, feed_identity=r"email:advisories@example\.net")
    with pytest.raises(FeedIdentityMismatch, match=r"release@example\.net.*advisories@example") as raised:
        verify_feed_signature(feed, sig, chain, vendor=vendor, trust=pinned)
    assert raised.value.code == "trust.feed_identity_mismatch"
    assert "--feed-identity" in raised.value.remedy
    matching = VendorTrust(vendor=VENDOR, version=3, roots=roots, feed_identity=r"email:release@example\.net")
    assert (
        verify_feed_signature(feed, sig, chain, vendor=vendor, trust=matching).identity == "email:release@example.net"
    )
    # A package signature is not a feed: the feed identity does not constrain package signers.
    assert verify_detached(feed, sig, chain, vendor=vendor, trust=pinned).identity is None


# -- Sigstore bundles: the conformance corpus with patterns ------------------------------------------


def _passing_identity_cases(corpora: Path) -> list[Path]:
    return [c for c in sigstore_cases(corpora) if not c.name.endswith("_fail") and not (c / "key.pub").exists()]


def _with_patterns(args: list[str], identity: str, issuer: str) -> list[str]:
    out = list(args)
    i = out.index("--identity")
    out[i : i + 4] = ["--identity-regexp", identity, "--issuer-regexp", issuer]
    return out


@pytest.mark.slow
@pytest.mark.usefixtures("home")
def test_conformance_bundles_verify_with_equivalent_patterns(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = _passing_identity_cases(corpora)
    assert len(cases) >= 15
    for case in cases:
        args = sigstore_args(corpora, case)
        identity, issuer = args[args.index("--identity") + 1], args[args.index("--issuer") + 1]
        exact = _with_patterns(args, re.escape(identity), re.escape(issuer))
        assert main(exact) == 0, f"{case.name}: {capsys.readouterr().err}"
        # A prefix pattern, as an operator writes for "any workflow of this repository".
        prefix = re.escape(identity.split("/.github/")[0]) + "/.*" if "/.github/" in identity else re.escape(identity)
        assert (
            main(_with_patterns(args, prefix, r"https://token\.actions\.githubusercontent\.com|" + re.escape(issuer)))
            == 0
        )
    capsys.readouterr()


@pytest.mark.usefixtures("home")
def test_conformance_bundle_refused_when_the_pattern_only_matches_part(
    corpora: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = corpora / "sigstore-conformance" / "assets" / "bundle-verify" / "happy-path-v0.3"
    args = sigstore_args(corpora, case)
    identity, issuer = args[args.index("--identity") + 1], args[args.index("--issuer") + 1]
    # "github.com/sigstore-conformance" occurs in the identity; cosign's search would accept it.
    assert main(_with_patterns(args, r"github\.com/sigstore-conformance", re.escape(issuer))) == 1
    err = capsys.readouterr().err
    assert "trust.identity_mismatch" in err and "RE2 pattern" in err
    assert main(_with_patterns(args, re.escape(identity), r"https://accounts\.google\.com")) == 1
    assert "trust.identity_mismatch" in capsys.readouterr().err


@pytest.mark.usefixtures("home")
def test_verify_blob_pattern_usage_errors(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = corpora / "sigstore-conformance" / "assets" / "bundle-verify" / "happy-path-v0.3"
    args = _with_patterns(sigstore_args(corpora, case), r"(a)\1", "x")
    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == 2
    assert "not an RE2 pattern" in capsys.readouterr().err
    both = [*sigstore_args(corpora, case), "--identity-regexp", ".*"]
    with pytest.raises(SystemExit):
        main(both)
    assert "one of --identity and --identity-regexp" in capsys.readouterr().err
