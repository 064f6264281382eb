"""Detached signatures for a vendor: every way one is refused has its own code; every way one is accepted
says why. The PKI is built in the test (tests/trust/pki.py) — real keys, real certificates."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID

from shipgate.trust import RootState, detached_findings, verify_detached
from shipgate.trust.config import VendorConfig
from shipgate.trust.errors import (
    BadSignature,
    CertificateExpired,
    CertificateNotYetValid,
    CertificateRevoked,
    IdentityMismatch,
    InvalidChain,
    MalformedCertificate,
    MalformedSignature,
    NoSignature,
    UnknownIssuer,
    UnknownVendor,
    UnsupportedAlgorithm,
    WrongExtendedKeyUsage,
    WrongKeyUsage,
)
from shipgate.trust.identity import IdentityRule
from shipgate.trust.state import VendorTrust, replay
from trust import pki
from trust.conftest import MANIFEST, VENDOR, VendorPKI, vendor_with


def trust_of(vendor: VendorConfig) -> VendorTrust:
    return replay(vendor.name, vendor.roots, [])


def verify(v: VendorPKI, leaf: pki.Issued, chain: bytes, *, vendor: VendorConfig | None = None, **kw: object):  # type: ignore[no-untyped-def]
    vendor = vendor or vendor_with([v.old_root])
    return verify_detached(
        MANIFEST,
        pki.sign(leaf.key, MANIFEST),
        chain,
        vendor=vendor,
        trust=trust_of(vendor),
        **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("key", "pss", "algorithm"),
    [
        (lambda: ec.generate_private_key(ec.SECP256R1()), False, "ecdsa-secp256r1"),
        (lambda: ec.generate_private_key(ec.SECP384R1()), False, "ecdsa-secp384r1"),
        (ed25519.Ed25519PrivateKey.generate, False, "ed25519"),
        (lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048), False, "rsa-pkcs1v15"),
        (lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048), True, "rsa-pss"),
    ],
    ids=["p256", "p384", "ed25519", "rsa-pkcs1", "rsa-pss"],
)
def test_every_formats_algorithm_verifies_and_says_why(vendor_pki: VendorPKI, key, pss: bool, algorithm: str) -> None:  # type: ignore[no-untyped-def]
    leaf = pki.leaf("Example Networks Release Signing", vendor_pki.old_int, key=key())
    vendor = vendor_with([vendor_pki.old_root])
    result = verify_detached(
        MANIFEST,
        pki.sign(leaf.key, MANIFEST, pss=pss),
        pki.chain_pem(leaf, vendor_pki.old_int),
        vendor=vendor,
        trust=trust_of(vendor),
    )
    assert result.algorithm == algorithm
    assert result.signer == "CN=Example Networks Release Signing,O=Example Networks"
    assert result.chain == (
        "CN=Example Networks Release Signing,O=Example Networks",
        "CN=Example Networks Code Signing CA 2023,O=Example Networks",
        "CN=Example Networks Root CA 2023,O=Example Networks",
    )
    assert result.root_sha256 == vendor_pki.old_root.fingerprint
    assert result.root_state is RootState.ACTIVE
    assert "from config example.toml" in result.trusted_because
    assert "no signer identity rule" in result.trusted_because
    assert result.to_dict()["root"] == "CN=Example Networks Root CA 2023,O=Example Networks"


def test_signature_over_other_bytes_is_bad_signature(vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    sig = pki.sign(vendor_pki.old_leaf.key, MANIFEST + b" ")
    with pytest.raises(BadSignature, match="does not verify with the key of CN=Example Networks Release Signing"):
        verify_detached(MANIFEST, sig, vendor_pki.old_chain(), vendor=vendor, trust=trust_of(vendor))


def test_signature_by_another_key_is_bad_signature(vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    sig = pki.sign(vendor_pki.new_leaf.key, MANIFEST)
    with pytest.raises(BadSignature) as info:
        verify_detached(MANIFEST, sig, vendor_pki.old_chain(), vendor=vendor, trust=trust_of(vendor))
    assert info.value.code == "trust.bad_signature"


def test_unknown_issuer_names_issuer_fingerprint_and_pinned_roots(vendor_pki: VendorPKI) -> None:
    # The story: the vendor rotated CAs; the package is signed under the new root, the operator pinned the old.
    chain = pki.chain_pem(vendor_pki.new_leaf, vendor_pki.new_int, vendor_pki.new_root)
    with pytest.raises(UnknownIssuer, match="fingerprint") as info:
        verify(vendor_pki, vendor_pki.new_leaf, chain)
    failure = info.value
    assert failure.code == "trust.unknown_issuer"
    assert vendor_pki.new_root.fingerprint in failure.message
    assert "CN=Example Networks Root CA 2026" in failure.message
    assert vendor_pki.old_root.fingerprint in failure.message  # the pinned roots are listed
    assert failure.evidence["issuer_sha256"] == vendor_pki.new_root.fingerprint
    assert failure.evidence["pinned_roots"] == [
        {"subject": "CN=Example Networks Root CA 2023,O=Example Networks", "sha256": vendor_pki.old_root.fingerprint}
    ]
    assert "no stored advisory mentions this issuer" in failure.message
    assert 'shipgate advisories sync --vendor "Example Networks" SOURCE' in failure.remedy


def test_unknown_issuer_without_the_root_in_the_chain_names_its_key_id(vendor_pki: VendorPKI) -> None:
    with pytest.raises(UnknownIssuer, match="SHA-256 fingerprint is unknown") as info:
        verify(vendor_pki, vendor_pki.new_leaf, vendor_pki.new_chain())
    assert info.value.evidence["issuer"] == "CN=Example Networks Root CA 2026,O=Example Networks"
    ski = vendor_pki.new_root.cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest
    assert info.value.evidence["authority_key_id"] == ski.hex()


class _Advisory:
    def __init__(self, advisory_id: str, body: dict[str, object]) -> None:
        self.vendor, self.advisory_id, self.kind, self.body = VENDOR, advisory_id, "ca-rotation", body


def test_unknown_issuer_says_which_stored_advisory_announces_it(vendor_pki: VendorPKI) -> None:
    advisory = _Advisory(
        "EXN-2026-0031",
        {"add_roots": [{"sha256": vendor_pki.new_root.fingerprint, "pem": vendor_pki.new_root.pem.decode()}]},
    )
    vendor = vendor_with([vendor_pki.old_root])
    with pytest.raises(UnknownIssuer, match="stored advisory EXN-2026-0031") as info:
        verify_detached(
            MANIFEST,
            pki.sign(vendor_pki.new_leaf.key, MANIFEST),
            vendor_pki.new_chain(),  # root not carried: found through the advisory by name and key id
            vendor=vendor,
            trust=trust_of(vendor),
            advisories=[advisory],
        )
    assert info.value.evidence["issuer_sha256"] == vendor_pki.new_root.fingerprint
    assert info.value.evidence["advisories"] == ["EXN-2026-0031"]
    assert "shipgate advisories sync --vendor" in info.value.remedy


def test_a_root_inside_the_package_is_never_trusted_for_being_there(vendor_pki: VendorPKI) -> None:
    # Every arrangement of the package's own root: after the leaf, alone, several times, leaf self-signed.
    rogue = pki.root("Example Networks Root CA 2023")  # same name as the pinned root, other key
    rogue_leaf = pki.leaf("Example Networks Release Signing", rogue)
    self_signed = pki.make_cert(
        subject=pki.name("Example Networks Release Signing"),
        key=pki.ec_key(),
        ca=False,
        eku=pki.CODE_SIGNING,
    )
    for leaf, chain in [
        (rogue_leaf, pki.chain_pem(rogue_leaf, rogue)),
        (rogue_leaf, pki.chain_pem(rogue_leaf, rogue, rogue, rogue)),
        (self_signed, pki.chain_pem(self_signed)),
        (vendor_pki.new_leaf, pki.chain_pem(vendor_pki.new_leaf, vendor_pki.new_int, vendor_pki.new_root)),
    ]:
        with pytest.raises(UnknownIssuer):
            verify(vendor_pki, leaf, chain)


def test_expired_leaf(vendor_pki: VendorPKI) -> None:
    leaf = pki.leaf("Expired", vendor_pki.old_int, not_before=pki.NOW - 400 * pki.DAY, not_after=pki.NOW - pki.DAY)
    with pytest.raises(CertificateExpired, match="CN=Expired,O=Example Networks expired on"):
        verify(vendor_pki, leaf, pki.chain_pem(leaf, vendor_pki.old_int))


def test_not_yet_valid_leaf(vendor_pki: VendorPKI) -> None:
    leaf = pki.leaf("Future", vendor_pki.old_int, not_before=pki.NOW + 10 * pki.DAY)
    with pytest.raises(CertificateNotYetValid, match="is not valid before"):
        verify(vendor_pki, leaf, pki.chain_pem(leaf, vendor_pki.old_int))


def test_verification_time_is_honoured(vendor_pki: VendorPKI) -> None:
    later = pki.NOW + 2 * 365 * pki.DAY
    with pytest.raises(CertificateExpired):
        verify(vendor_pki, vendor_pki.old_leaf, vendor_pki.old_chain(), at=later)


def test_server_auth_leaf_is_wrong_eku(vendor_pki: VendorPKI) -> None:
    leaf = pki.leaf("TLS server", vendor_pki.old_int, eku=[ExtendedKeyUsageOID.SERVER_AUTH])
    with pytest.raises(WrongExtendedKeyUsage, match=r"lacks extended key usage 1\.3\.6\.1\.5\.5\.7\.3\.3"):
        verify(vendor_pki, leaf, pki.chain_pem(leaf, vendor_pki.old_int))


def test_leaf_without_eku_is_wrong_eku(vendor_pki: VendorPKI) -> None:
    leaf = pki.leaf("No EKU", vendor_pki.old_int, eku=[])
    with pytest.raises(WrongExtendedKeyUsage):
        verify(vendor_pki, leaf, pki.chain_pem(leaf, vendor_pki.old_int))


def test_intermediate_restricted_to_tls_cannot_issue_code_signing(vendor_pki: VendorPKI) -> None:
    tls_ca = pki.intermediate("TLS only CA", vendor_pki.old_root, eku=[ExtendedKeyUsageOID.SERVER_AUTH])
    leaf = pki.leaf("Signer under TLS CA", tls_ca)
    with pytest.raises(WrongExtendedKeyUsage, match="issuing CA restricts"):
        verify(vendor_pki, leaf, pki.chain_pem(leaf, tls_ca))


def test_leaf_without_digital_signature_is_wrong_key_usage(vendor_pki: VendorPKI) -> None:
    leaf = pki.leaf("No digitalSignature", vendor_pki.old_int, digital_signature=False)
    with pytest.raises(WrongKeyUsage, match="lacks key usage digital_signature"):
        verify(vendor_pki, leaf, pki.chain_pem(leaf, vendor_pki.old_int))


def test_identity_rule_accepts_allowed_signer_and_refuses_others(vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root], signer=IdentityRule(sans=("email:release@example.net",)))
    result = verify(vendor_pki, vendor_pki.old_leaf, vendor_pki.old_chain(), vendor=vendor)
    assert result.identity == "email:release@example.net"
    assert "matches the vendor's [signer] rule" in result.trusted_because
    intern = pki.leaf("Intern laptop", vendor_pki.old_int, san=[x509.RFC822Name("intern@example.net")])
    with pytest.raises(IdentityMismatch, match=r"email:intern@example\.net"):
        verify(vendor_pki, intern, pki.chain_pem(intern, vendor_pki.old_int), vendor=vendor)


def test_subject_pattern_rule(vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root], signer=IdentityRule(subjects=("CN=Example Networks Release*",)))
    assert verify(vendor_pki, vendor_pki.old_leaf, vendor_pki.old_chain(), vendor=vendor).identity == (
        "CN=Example Networks Release Signing,O=Example Networks"
    )


def test_revoked_by_advisory(vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    trust = replay(
        VENDOR,
        vendor.roots,
        [
            _Change(
                1,
                "revoke",
                {"certificates": [{"sha256": vendor_pki.old_int.fingerprint, "reason": "keyCompromise"}]},
                "EXN-2026-0032",
            )
        ],
    )
    with pytest.raises(CertificateRevoked, match="by advisory EXN-2026-0032: keyCompromise"):
        verify_detached(
            MANIFEST, pki.sign(vendor_pki.old_leaf.key, MANIFEST), vendor_pki.old_chain(), vendor=vendor, trust=trust
        )


def test_revoked_by_operator_crl(vendor_pki: VendorPKI) -> None:
    crl = pki.crl(vendor_pki.old_int, [vendor_pki.old_leaf])
    with pytest.raises(CertificateRevoked, match="is listed on the CRL of CN=Example Networks Code Signing CA 2023"):
        verify(vendor_pki, vendor_pki.old_leaf, vendor_pki.old_chain(), crls=[crl])
    # A CRL signed by someone else under the same issuer name says nothing.
    forged = pki.crl(vendor_pki.old_int, [vendor_pki.old_leaf], signer=vendor_pki.new_int)
    assert verify(vendor_pki, vendor_pki.old_leaf, vendor_pki.old_chain(), crls=[forged]).signer


def test_stale_crl_is_refused(vendor_pki: VendorPKI) -> None:
    from shipgate.trust.errors import MalformedCrl

    crl = pki.crl(vendor_pki.old_int, [], next_update=pki.NOW - pki.DAY)
    with pytest.raises(MalformedCrl, match="stale"):
        verify(vendor_pki, vendor_pki.old_leaf, vendor_pki.old_chain(), crls=[crl])


def test_malformed_pem(vendor_pki: VendorPKI) -> None:
    with pytest.raises(MalformedCertificate, match="no PEM certificate"):
        verify(vendor_pki, vendor_pki.old_leaf, b"not a certificate")
    broken = b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    with pytest.raises(MalformedCertificate, match=r"not valid PEM X\.509"):
        verify(vendor_pki, vendor_pki.old_leaf, broken)


def test_unsupported_algorithm_p521(vendor_pki: VendorPKI) -> None:
    leaf = pki.leaf("P-521 signer", vendor_pki.old_int, key=ec.generate_private_key(ec.SECP521R1()))
    sig = leaf.key.sign(MANIFEST, ec.ECDSA(pki.hashes.SHA512()))  # type: ignore[call-arg,union-attr]
    vendor = vendor_with([vendor_pki.old_root])
    with pytest.raises(UnsupportedAlgorithm, match="secp521r1"):
        verify_detached(MANIFEST, sig, pki.chain_pem(leaf, vendor_pki.old_int), vendor=vendor, trust=trust_of(vendor))


def test_malformed_signature_encodings(vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    with pytest.raises(MalformedSignature, match="must be DER"):
        verify_detached(MANIFEST, b"\x01" * 64, vendor_pki.old_chain(), vendor=vendor, trust=trust_of(vendor))


def test_no_signature(vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    with pytest.raises(NoSignature):
        verify_detached(MANIFEST, b"", vendor_pki.old_chain(), vendor=vendor, trust=trust_of(vendor))
    result, findings = detached_findings(MANIFEST, None, None, vendor=vendor, trust=trust_of(vendor))
    assert result is None
    assert [(f.code, f.path) for f in findings] == [("trust.no_signature", "manifest.json.sig")]


def test_unknown_vendor(vendor_pki: VendorPKI) -> None:
    vendor = VendorConfig(name="Nobody Inc")
    with pytest.raises(UnknownVendor, match="Nobody Inc"):
        verify(vendor_pki, vendor_pki.old_leaf, vendor_pki.old_chain(), vendor=vendor)


def test_findings_report_bad_signature_and_unknown_issuer_together(vendor_pki: VendorPKI) -> None:
    vendor = vendor_with([vendor_pki.old_root])
    result, findings = detached_findings(
        MANIFEST,
        pki.sign(vendor_pki.new_leaf.key, b"other"),
        vendor_pki.new_chain(),
        vendor=vendor,
        trust=trust_of(vendor),
    )
    assert result is None
    assert [(f.code, f.path, f.severity.label) for f in findings] == [
        ("trust.bad_signature", "manifest.json.sig", "critical"),
        ("trust.unknown_issuer", "signing-chain.pem", "critical"),
    ]


class _Change:
    def __init__(self, version: int, kind: str, payload: dict[str, object], advisory_id: str | None = None) -> None:
        self.version, self.kind, self.payload, self.advisory_id = version, kind, payload, advisory_id


def test_retiring_root_verifies_with_a_note_then_retired_is_refused(vendor_pki: VendorPKI) -> None:
    from shipgate.trust.errors import RootRetired

    vendor = vendor_with([vendor_pki.old_root])
    after = pki.NOW + 30 * pki.DAY
    trust = replay(
        VENDOR,
        vendor.roots,
        [
            _Change(
                1,
                "rotate",
                {
                    "add_roots": [{"sha256": vendor_pki.new_root.fingerprint, "pem": vendor_pki.new_root.pem.decode()}],
                    "retire_roots": [{"sha256": vendor_pki.old_root.fingerprint, "after": after.isoformat()}],
                },
                "EXN-2026-0031",
            )
        ],
    )
    sig = pki.sign(vendor_pki.old_leaf.key, MANIFEST)
    result = verify_detached(MANIFEST, sig, vendor_pki.old_chain(), vendor=vendor, trust=trust, at=pki.NOW)
    assert result.root_state is RootState.RETIRING
    assert [f.code for f in result.findings] == ["trust.root_retiring"]
    with pytest.raises(RootRetired, match="a root the vendor retired"):
        verify_detached(MANIFEST, sig, vendor_pki.old_chain(), vendor=vendor, trust=trust, at=after + pki.DAY)
    new = verify_detached(
        MANIFEST, pki.sign(vendor_pki.new_leaf.key, MANIFEST), vendor_pki.new_chain(), vendor=vendor, trust=trust
    )
    assert "from rotation advisory EXN-2026-0031" in new.trusted_because
    assert dt.datetime.now(dt.UTC) < after


def test_directory_name_constraints_bind_the_signer_subject(vendor_pki: VendorPKI) -> None:
    # cryptography applies name constraints to SANs only; shipgate applies directoryName ones to subjects.
    constrained = pki.intermediate(
        "Constrained CA",
        vendor_pki.old_root,
        extra=[
            (
                x509.NameConstraints(
                    permitted_subtrees=[x509.DirectoryName(x509.Name([pki.name("x").rdns[0]]))],
                    excluded_subtrees=None,
                ),
                True,
            )
        ],
    )
    inside = pki.leaf("Release", constrained)
    assert verify(vendor_pki, inside, pki.chain_pem(inside, constrained)).signer == ("CN=Release,O=Example Networks")
    outside = pki.make_cert(
        subject=pki.name("Release", org="Evil Corp"),
        key=pki.ec_key(),
        issuer=constrained,
        ca=False,
        eku=pki.CODE_SIGNING,
    )
    with pytest.raises(InvalidChain, match="outside the directory names CN=Constrained CA"):
        verify(vendor_pki, outside, pki.chain_pem(outside, constrained))


def test_cross_certification_by_a_pinned_root_is_a_path_to_trust(vendor_pki: VendorPKI) -> None:
    # Cross-certification by a pinned root: the new root, cross-signed by the pinned old root, carried as an
    # intermediate.
    cross = pki.make_cert(
        subject=vendor_pki.new_root.cert.subject,
        key=vendor_pki.new_root.key,
        issuer=vendor_pki.old_root,
        ca=True,
    )
    chain = pki.chain_pem(vendor_pki.new_leaf, vendor_pki.new_int, cross)
    result = verify(vendor_pki, vendor_pki.new_leaf, chain)
    assert result.root_sha256 == vendor_pki.old_root.fingerprint
    assert result.chain[-2:] == (
        "CN=Example Networks Root CA 2026,O=Example Networks",
        "CN=Example Networks Root CA 2023,O=Example Networks",
    )


def test_feed_signer_rule_applies_to_feeds_not_packages(vendor_pki: VendorPKI) -> None:
    from shipgate.trust import verify_feed_signature

    feed_signer = pki.leaf("Advisories", vendor_pki.old_int, san=[x509.RFC822Name("advisories@example.net")])
    vendor = vendor_with([vendor_pki.old_root], feed_signer=IdentityRule(sans=("email:advisories@example.net",)))
    feed = b'{"feed_version": 12}'
    result = verify_feed_signature(
        feed,
        pki.sign(feed_signer.key, feed),
        pki.chain_pem(feed_signer, vendor_pki.old_int),
        vendor=vendor,
        trust=trust_of(vendor),
    )
    assert result.identity == "email:advisories@example.net"
    with pytest.raises(IdentityMismatch, match="release@example"):
        verify_feed_signature(
            feed, pki.sign(vendor_pki.old_leaf.key, feed), vendor_pki.old_chain(), vendor=vendor, trust=trust_of(vendor)
        )


def test_a_separate_crl_signing_certificate_speaks_for_its_ca(vendor_pki: VendorPKI) -> None:
    # RFC 5280 §6.3.3 (f): the CA publishes its CRL with another key, certified by the same root.
    crl_signer = pki.make_cert(
        subject=vendor_pki.old_int.cert.subject,
        key=pki.ec_key(),
        issuer=vendor_pki.old_root,
        ca=False,
        key_usage=False,
        extra=[
            (
                x509.KeyUsage(
                    digital_signature=False,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=False,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                True,
            )
        ],
    )
    crl = pki.crl(vendor_pki.old_int, [vendor_pki.old_leaf], signer=crl_signer)
    chain = pki.chain_pem(vendor_pki.old_leaf, vendor_pki.old_int, crl_signer)
    with pytest.raises(CertificateRevoked, match="is listed on the CRL"):
        verify(vendor_pki, vendor_pki.old_leaf, chain, crls=[crl])
    # Without the signer's certificate the CRL speaks for nobody; a signer under another root neither.
    assert verify(vendor_pki, vendor_pki.old_leaf, vendor_pki.old_chain(), crls=[crl]).signer
    forged_signer = pki.make_cert(
        subject=vendor_pki.old_int.cert.subject, key=pki.ec_key(), issuer=vendor_pki.new_root, ca=False
    )
    forged = pki.crl(vendor_pki.old_int, [vendor_pki.old_leaf], signer=forged_signer)
    chain = pki.chain_pem(vendor_pki.old_leaf, vendor_pki.old_int, forged_signer)
    assert verify(vendor_pki, vendor_pki.old_leaf, chain, crls=[forged]).signer


def test_an_indirect_crl_from_the_delegated_crl_issuer_revokes(vendor_pki: VendorPKI) -> None:
    # RFC 5280 §5.3.3 / §6.3.3 (b): the leaf names a separate CRL authority (cRLIssuer); that authority's
    # indirect CRL lists the leaf under the leaf's issuer (certificateIssuer entry extension).
    authority = pki.intermediate("Example Networks CRL Authority", vendor_pki.old_root)
    point = x509.DistributionPoint(
        full_name=[x509.UniformResourceIdentifier("https://crl.example.net/code-signing.crl")],
        relative_name=None,
        reasons=None,
        crl_issuer=[x509.DirectoryName(authority.cert.subject)],
    )
    leaf = pki.leaf("Release", vendor_pki.old_int, extra=[(x509.CRLDistributionPoints([point]), False)])

    def indirect_crl(signer: pki.Issued, *, indirect: bool) -> x509.CertificateRevocationList:
        entry = (
            x509.RevokedCertificateBuilder()
            .serial_number(leaf.cert.serial_number)
            .revocation_date(pki.NOW - pki.DAY)
            .add_extension(x509.CertificateIssuer([x509.DirectoryName(vendor_pki.old_int.cert.subject)]), True)
            .build()
        )
        idp = x509.IssuingDistributionPoint(
            full_name=[x509.UniformResourceIdentifier("https://crl.example.net/code-signing.crl")],
            relative_name=None,
            only_contains_user_certs=False,
            only_contains_ca_certs=False,
            only_some_reasons=None,
            indirect_crl=indirect,
            only_contains_attribute_certs=False,
        )
        return (
            x509.CertificateRevocationListBuilder()
            .issuer_name(signer.cert.subject)
            .last_update(pki.NOW - pki.DAY)
            .next_update(pki.NOW + pki.DAY)
            .add_extension(x509.CRLNumber(7), critical=False)
            .add_extension(idp, critical=True)
            .add_revoked_certificate(entry)
            .sign(signer.key, pki.hashes.SHA256())  # type: ignore[arg-type]
        )

    chain = pki.chain_pem(leaf, vendor_pki.old_int, authority)
    with pytest.raises(CertificateRevoked, match="CN=Release,O=Example Networks"):
        verify(vendor_pki, leaf, chain, crls=[indirect_crl(authority, indirect=True)])
    # Not marked indirect: it cannot speak for another issuer's certificates.
    assert verify(vendor_pki, leaf, chain, crls=[indirect_crl(authority, indirect=False)]).signer
    # The same authority name under another root: not the delegated issuer.
    impostor = pki.intermediate("Example Networks CRL Authority", vendor_pki.new_root)
    impostor_chain = pki.chain_pem(leaf, vendor_pki.old_int, impostor)
    assert verify(vendor_pki, leaf, impostor_chain, crls=[indirect_crl(impostor, indirect=True)]).signer


@pytest.mark.parametrize(
    ("address", "constraint", "inside"),
    [
        ("release@example.net", "release@example.net", True),
        ("Release@Example.NET", "release@example.net", True),
        ("other@example.net", "release@example.net", False),
        ("anyone@example.net", "example.net", True),
        ("anyone@eu.example.net", "example.net", False),
        ("anyone@eu.example.net", ".example.net", True),
        ("anyone@example.net", ".example.net", False),
        ("anyone@badexample.net", ".example.net", False),
    ],
)
def test_rfc822_constraint_forms(address: str, constraint: str, inside: bool) -> None:
    from shipgate.trust.names import email_within

    assert email_within(address, constraint) is inside
