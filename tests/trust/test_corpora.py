"""The shared X.509 and Sigstore corpora through shipgate's validators, with every disagreement explained.

A regression shows up two ways: the agreement count drops below its floor, or a case disagrees that is
not in the explained list. A case that starts agreeing is fine (the list is then stale: shrink it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from shipgate.cli import main
from trust.corpora import (
    PkitsData,
    limbo_cases,
    pkits_cases,
    run_limbo_case,
    run_pkits_case,
    run_sigstore_case,
    sigstore_args,
    sigstore_cases,
)

CRYPTOGRAPHY_CA_LEAF = (
    "webpki (cryptography's EE policy) refuses a CA certificate as the "
    "signing leaf; kept: a vendor signs with an end-entity certificate"
)
CRYPTOGRAPHY_SELF_ISSUED = (
    "cryptography's path builder does not exempt self-issued certificates "
    "(key rollover) from path length / depth, nor chain through them"
)
CRYPTOGRAPHY_NAME_CONSTRAINTS = (
    "cryptography checks name constraints on SANs only; DirectoryName/URI "
    "constraints are 'unsupported' or not applied to the subject DN"
)
CRYPTOGRAPHY_POLICIES = (
    "cryptography does no certificate-policy processing: critical "
    "policyMappings/policyConstraints/inhibitAnyPolicy are refused as unaccounted-for, "
    "requireExplicitPolicy is not enforced"
)
CRYPTOGRAPHY_NAMES = (
    "cryptography matches issuer and subject names by DER, not by RFC 4518 "
    "normalisation (case, whitespace, PrintableString vs UTF8String)"
)
CRYPTOGRAPHY_DSA = "cryptography's verifier does not accept DSA keys (nor DSA parameter inheritance)"
CRYPTOGRAPHY_DER = (
    "cryptography rejects GeneralizedTime for dates before 2050 (strict DER), as RFC 5280 §4.1.2.5 requires of CAs"
)
CRYPTOGRAPHY_BC = (
    "webpki requires basicConstraints to be critical in CA certificates (RFC 5280 §4.2.1.9 says conforming "
    "CAs MUST; x509-limbo rfc5280::root-non-critical-basic-constraints expects the refusal, PKITS the opposite)"
)
PEER_NAME = (
    "a TLS peer-name check (DNS SAN syntax, wildcard vs name constraints); "
    "ignored for code signing, as the corpus SOURCE.md says"
)
NOT_CHECKED = (
    "a rule neither cryptography nor shipgate enforces: a non-critical policyConstraints (cryptography's "
    "ExtensionPolicy cannot name that extension), a quadratic name-constraint workload (evaluated, bounded)"
)

LIMBO_EXPLAINED = {
    "cve::cve-2025-61727-nc-permits-variant": PEER_NAME,
    "rfc5280::san::underscore-dns": PEER_NAME,
    "rfc5280::san::ip-in-dns": PEER_NAME,
    "pathlen::validation-ignores-pathlen-in-leaf": CRYPTOGRAPHY_CA_LEAF,
    "rfc5280::ca-as-leaf": CRYPTOGRAPHY_CA_LEAF,
    "pathlen::self-issued-certs-pathlen": CRYPTOGRAPHY_SELF_ISSUED,
    "pathlen::max-chain-depth-1-self-issued": CRYPTOGRAPHY_SELF_ISSUED,
    "rfc5280::nc::permitted-dn-match": CRYPTOGRAPHY_NAME_CONSTRAINTS,
    "pathological::nc-dos-3": NOT_CHECKED,
    "rfc5280::pc::ica-noncritical-pc": NOT_CHECKED,
    # A trust anchor without AKI is accepted (cve-2024-0567 needs exactly that); this case wants it refused.
    "rfc5280::aki::cross-signed-root-missing-aki": (
        "trust anchors are exempt from the AKI rule (cve::cve-2024-0567 requires it)"
    ),
}
LIMBO_FLOOR = 126  # of 137 cases (rfc5280, pathlen, pathological, crl, cve; pedantic-webpki skipped)

PKITS_EXPLAINED = {
    **dict.fromkeys(["ValidDSASignaturesTest4EE.crt", "ValidDSAParameterInheritanceTest5EE.crt"], CRYPTOGRAPHY_DSA),
    **dict.fromkeys(
        [
            "ValidPolicyMappingTest9EE.crt",
            "ValidPolicyMappingTest11EE.crt",
            "ValidPolicyMappingTest13EE.crt",
            "ValidPolicyMappingTest14EE.crt",
            "ValidinhibitPolicyMappingTest2EE.crt",
            "ValidinhibitPolicyMappingTest4EE.crt",
            "ValidSelfIssuedinhibitPolicyMappingTest7EE.crt",
            "ValidinhibitAnyPolicyTest2EE.crt",
            "ValidrequireExplicitPolicyTest1EE.crt",
            "ValidrequireExplicitPolicyTest2EE.crt",
            "ValidrequireExplicitPolicyTest4EE.crt",
            "DifferentPoliciesTest4EE.crt",
            "DifferentPoliciesTest5EE.crt",
            "DifferentPoliciesTest9EE.crt",
            "DifferentPoliciesTest12EE.crt",
        ],
        CRYPTOGRAPHY_POLICIES,
    ),
    **dict.fromkeys(
        [
            "inhibitAnyPolicyTest3EE.crt",
            "ValidSelfIssuedinhibitAnyPolicyTest7EE.crt",
            "ValidSelfIssuedinhibitAnyPolicyTest9EE.crt",
            "ValidSelfIssuedpathLenConstraintTest15EE.crt",
            "ValidSelfIssuedpathLenConstraintTest17EE.crt",
            "ValidSelfIssuedrequireExplicitPolicyTest6EE.crt",
        ],
        CRYPTOGRAPHY_SELF_ISSUED,
    ),
    **dict.fromkeys(
        [
            "ValidDNnameConstraintsTest5EE.crt",
            "ValidURInameConstraintsTest34EE.crt",
            "ValidURInameConstraintsTest36EE.crt",
        ],
        CRYPTOGRAPHY_NAME_CONSTRAINTS,
    ),
    **dict.fromkeys(
        [
            "ValidNameChainingWhitespaceTest3EE.crt",
            "ValidNameChainingWhitespaceTest4EE.crt",
            "ValidNameChainingCapitalizationTest5EE.crt",
            "ValidRolloverfromPrintableStringtoUTF8StringTest10EE.crt",
            "ValidUTF8StringCaseInsensitiveMatchTest11EE.crt",
        ],
        CRYPTOGRAPHY_NAMES,
    ),
    **dict.fromkeys(
        [
            "ValidonlyContainsCACertsTest13EE.crt",
            "ValidpathLenConstraintTest8EE.crt",
            "ValidpathLenConstraintTest14EE.crt",
            "OverlappingPoliciesTest6EE.crt",
        ],
        CRYPTOGRAPHY_CA_LEAF,
    ),
    "ValidGeneralizedTimenotBeforeDateTest4EE.crt": CRYPTOGRAPHY_DER,
    "ValidbasicConstraintsNotCriticalTest4EE.crt": CRYPTOGRAPHY_BC,
}
PKITS_FLOOR = 177  # of 214 Default-settings cases (path validation + CRLs, revocation required)


def test_x509_limbo_agreement_does_not_regress(corpora: Path) -> None:
    outcomes = [run_limbo_case(case) for case in limbo_cases(corpora)]
    assert len(outcomes) == 137
    unexplained = {o.case: o.detail for o in outcomes if not o.agrees and o.case not in LIMBO_EXPLAINED}
    assert unexplained == {}
    assert sum(o.agrees for o in outcomes) >= LIMBO_FLOOR


@pytest.mark.slow
def test_nist_pkits_agreement_does_not_regress(corpora: Path) -> None:
    data = PkitsData.load(corpora)
    outcomes = [run_pkits_case(corpora, data, cert, good) for cert, good in pkits_cases(corpora)]
    assert len(outcomes) == 214
    unexplained = {o.case: o.detail for o in outcomes if not o.agrees and o.case not in PKITS_EXPLAINED}
    assert unexplained == {}
    assert sum(o.agrees for o in outcomes) >= PKITS_FLOOR


def test_pkits_revocation_cases_are_refused_as_revoked(corpora: Path) -> None:
    data = PkitsData.load(corpora)
    outcome = run_pkits_case(corpora, data, "InvalidRevokedEETest3EE.crt", False)
    assert outcome.detail.startswith("CertificateRevoked: CN=Invalid Revoked EE Certificate Test3")
    outcome = run_pkits_case(corpora, data, "InvalidBadCRLSignatureTest4EE.crt", False)
    assert outcome.detail.startswith("MalformedCrl: no valid complete CRL from CN=Bad CRL Signature CA")
    outcome = run_pkits_case(corpora, data, "InvalidOldCRLnextUpdateTest11EE.crt", False)
    assert "is stale" in outcome.detail


# -- sigstore-conformance through `shipgate verify-blob` ---------------------------------------------

# Every case agrees: managed-key bundles verify with --key (trust/sigstore_key.py); intoto 0.0.2 log entries
# and a TSA validity end equal to the timestamp are handled around sigstore-python (sigstore_verifier).
SIGSTORE_EXPLAINED: dict[str, str] = {}
SIGSTORE_FLOOR = 70  # of 70


@pytest.mark.slow
@pytest.mark.usefixtures("home")
def test_sigstore_conformance_bundle_verify(corpora: Path) -> None:
    outcomes = [run_sigstore_case(corpora, case) for case in sigstore_cases(corpora)]
    assert len(outcomes) == 70
    unexplained = {o.case: o.detail[-300:] for o in outcomes if not o.agrees and o.case not in SIGSTORE_EXPLAINED}
    assert unexplained == {}
    assert sum(o.agrees for o in outcomes) >= SIGSTORE_FLOOR


@pytest.mark.parametrize(("end", "status"), [("2025-06-12T12:02:20Z", 0), ("2025-06-12T12:02:19Z", 1)])
@pytest.mark.usefixtures("home")
def test_tsa_validity_end_is_inclusive_and_no_later(
    corpora: Path, tmp_path: Path, end: str, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    # The timestamp's genTime is 2025-06-12T12:02:20Z: a TimeRange is closed (protobuf-specs), so an end at
    # that second admits it and one a second earlier does not (the bundle has no other source of time).
    import json

    case = corpora / "sigstore-conformance" / "assets" / "bundle-verify" / "trust-root-tsa-validity-end-inclusive"
    root = json.loads((case / "trusted_root.json").read_text())
    [tsa] = root["timestampAuthorities"]
    tsa["validFor"]["end"] = end
    (tmp_path / "trusted_root.json").write_text(json.dumps(root))
    args = sigstore_args(corpora, case)
    args[-1] = str(tmp_path / "trusted_root.json")
    assert main(args) == status
    if status:
        assert "not enough sources of verified time" in capsys.readouterr().err


@pytest.mark.usefixtures("home")
def test_intoto_entry_still_applies_the_identity_policy(corpora: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = corpora / "sigstore-conformance" / "assets" / "bundle-verify" / "intoto-with-custom-trust-root"
    args = sigstore_args(corpora, case)
    assert main(args) == 0, capsys.readouterr().err
    capsys.readouterr()
    args[args.index("--identity") + 1] = "someone-else@example.com"
    assert main(args) == 1
    assert "trust.identity_mismatch" in capsys.readouterr().err


SIGSTORE_PYTHON_IDENTITIES = {
    # SOURCE.md: verify offline against the STAGING trusted root with any identity; the identities are
    # the ones the bundles' certificates carry.
    "bundle.txt": ("bundle.txt.sigstore",),
    "bundle_v3.txt": ("bundle_v3.txt.sigstore",),
    "bundle_v3_alt.txt": ("bundle_v3_alt.txt.sigstore",),
}


def _certificate_identity(bundle: Path) -> tuple[str, str]:
    from sigstore.models import Bundle

    from shipgate.trust.identity import leaf_sans

    cert = Bundle.from_json(bundle.read_bytes()).signing_certificate
    san = leaf_sans(cert)[0].split(":", 1)[1]
    issuer_oid = "1.3.6.1.4.1.57264.1.1"
    ext = next(e for e in cert.extensions if e.oid.dotted_string == issuer_oid)
    return san, ext.value.value.decode()  # type: ignore[attr-defined]


@pytest.mark.parametrize("artifact", sorted(SIGSTORE_PYTHON_IDENTITIES))
def test_sigstore_python_bundles_verify_offline_against_staging(
    corpora: Path, home: Path, artifact: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assets = corpora / "sigstore-python" / "assets"
    [bundle_name] = SIGSTORE_PYTHON_IDENTITIES[artifact]
    bundle = assets / bundle_name
    identity, issuer = _certificate_identity(bundle)
    staging = corpora / "sigstore-python" / "trust-roots" / "staging" / "trusted_root.json"
    args = ["verify-blob", str(assets / artifact), "--bundle", str(bundle), "--trusted-root", str(staging)]
    assert main([*args, "--identity", identity, "--issuer", issuer]) == 0, capsys.readouterr().err
    assert "Verified OK" in capsys.readouterr().out
    assert main([*args, "--identity", "someone-else@example.com", "--issuer", issuer]) == 1
    assert "trust.identity_mismatch" in capsys.readouterr().err
    production = corpora / "sigstore-python" / "trust-roots" / "production" / "trusted_root.json"
    args[-1] = str(production)
    assert main([*args, "--identity", identity, "--issuer", issuer]) == 1


@pytest.mark.parametrize(
    ("bundle", "why"),
    [
        ("bundle_invalid_version.txt.sigstore", "trust.malformed_signature"),
        ("bundle_no_cert_v1.txt.sigstore", "trust.malformed_signature"),
        ("bundle_no_log_entry.txt.sigstore", "trust.malformed_signature"),
        ("bundle_cve_2022_36056.txt.sigstore", "trust.sigstore_invalid"),
    ],
)
def test_sigstore_python_bad_bundles_are_refused(
    corpora: Path, home: Path, bundle: str, why: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assets = corpora / "sigstore-python" / "assets"
    artifact = assets / bundle.removesuffix(".sigstore")
    staging = corpora / "sigstore-python" / "trust-roots" / "staging" / "trusted_root.json"
    try:
        identity, issuer = _certificate_identity(assets / bundle)
    except Exception:  # the bundle does not even load: any identity will do
        identity, issuer = "x", "y"
    status = main(
        [
            "verify-blob",
            str(artifact),
            "--bundle",
            str(assets / bundle),
            "--identity",
            identity,
            "--issuer",
            issuer,
            "--trusted-root",
            str(staging),
        ]
    )
    assert status == 1
    assert why in capsys.readouterr().err


def test_verify_blob_uses_the_homes_pinned_trusted_root_by_default(
    corpora: Path, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    assets = corpora / "sigstore-python" / "assets"
    identity, issuer = _certificate_identity(assets / "bundle.txt.sigstore")
    args = ["verify-blob", str(assets / "bundle.txt"), "--bundle", str(assets / "bundle.txt.sigstore")]
    args += ["--identity", identity, "--issuer", issuer]
    # Without a pinned root in the home, the production root shipped with sigstore applies: a staging
    # bundle does not verify against it.
    assert main(args) == 1
    assert "trust.sigstore_invalid" in capsys.readouterr().err
    (home / "trust" / "sigstore").mkdir(parents=True)
    staging = corpora / "sigstore-python" / "trust-roots" / "staging" / "trusted_root.json"
    shutil.copy(staging, home / "trust" / "sigstore" / "trusted_root.json")
    assert main(args) == 0
    assert "trust/sigstore/trusted_root.json" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("bundle", "outcome"),
    [
        ("bundle.txt.sigstore", "Verified OK"),
        ("bundle.many_timestamp.sigstore", "too many signed timestamp"),
        ("bundle.duplicate.sigstore", "duplicate timestamp"),
        ("bundle.txt.late_timestamp.sigstore", "trust.sigstore_invalid"),
    ],
)
@pytest.mark.usefixtures("home")
def test_sigstore_python_timestamp_authority_bundles(
    corpora: Path, tmp_path: Path, bundle: str, outcome: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # SOURCE.md: staging offline plus tsa/ca.json as the timestamp authority; the trusted root is the one
    # inside tsa/trust_config.json (a ClientTrustConfig), pinned here as a file.
    import json

    tsa = corpora / "sigstore-python" / "assets" / "tsa"
    root = tmp_path / "trusted_root.json"
    root.write_text(json.dumps(json.loads((tsa / "trust_config.json").read_text())["trustedRoot"]))
    identity, issuer = _certificate_identity(tsa / bundle)
    status = main(
        [
            "verify-blob",
            str(tsa / "bundle.txt"),
            "--bundle",
            str(tsa / bundle),
            "--identity",
            identity,
            "--issuer",
            issuer,
            "--trusted-root",
            str(root),
        ]
    )
    captured = capsys.readouterr()
    assert status == (0 if outcome == "Verified OK" else 1)
    assert outcome in captured.out + captured.err
