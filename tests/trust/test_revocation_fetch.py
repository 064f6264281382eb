"""Revocation fetched at verify time against real local responders (tests/trust/responders.py): OCSP good,
revoked, unknown, unreachable, slow, huge, wrong signer, stale, replayed nonce; CRL distribution points;
the cache; soft vs hard policy; and a package verified with it. The risks: a revoked signer accepted
because nobody asked, a gate that hangs on a dead responder, a forged or replayed answer believed, and
an admission path that waits on the network."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from shipgate.fetch import HttpLimits
from shipgate.findings import Severity
from shipgate.trust.config import RevocationPolicy
from shipgate.trust.errors import (
    CertificateRevoked,
    OcspUnknown,
    RevocationResponseInvalid,
    RevocationUnavailable,
    TrustFailure,
)
from shipgate.trust.revocation_fetch import RevocationFetcher
from shipgate.trust.state import VendorTrust
from shipgate.trust.verifier import SignatureResult, verify_detached
from trust import pki
from trust.conftest import MANIFEST, vendor_with
from trust.responders import CrlRoute, OcspRoute, Responders, delegated_responder, leaf_with_pointers, serve

SOFT = RevocationPolicy(mode="soft", timeout=1.0)
HARD = RevocationPolicy(mode="hard", timeout=1.0)


@dataclass
class Setup:
    server: Responders
    root: pki.Issued
    intermediate: pki.Issued
    tmp: Path

    def leaf(self, route: str, *, ocsp: bool = True, crl: bool = False) -> pki.Issued:
        return leaf_with_pointers(
            f"Signer {route}",
            self.intermediate,
            ocsp_url=self.server.ocsp_url(route) if ocsp else None,
            crl_url=self.server.crl_url(route) if crl else None,
        )

    def verify(
        self, leaf: pki.Issued, policy: RevocationPolicy, *, fetcher: RevocationFetcher | None = None,
        at: dt.datetime | None = None,
    ) -> SignatureResult:  # fmt: skip
        vendor = vendor_with([self.root], revocation=policy)
        trust = VendorTrust(vendor=vendor.name, version=0, roots={r.sha256: r for r in vendor.roots})
        return verify_detached(
            MANIFEST,
            pki.sign(leaf.key, MANIFEST),
            pki.chain_pem(leaf, self.intermediate),
            vendor=vendor,
            trust=trust,
            at=at,
            revocation=fetcher or RevocationFetcher(cache_dir=self.tmp / "cache"),
        )


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    root = pki.root("Revocation Test Root")
    intermediate = pki.intermediate("Revocation Test CA", root)
    with serve() as server:
        yield Setup(server, root, intermediate, tmp_path)


def _ocsp(setup: Setup, route: str, status: str, **kw: object) -> pki.Issued:
    leaf = setup.leaf(route)
    setup.server.ocsp[route] = OcspRoute(issuer=setup.intermediate, statuses={leaf.cert.serial_number: status}, **kw)  # type: ignore[arg-type]
    return leaf


@pytest.mark.parametrize("policy", [SOFT, HARD], ids=["soft", "hard"])
def test_ocsp_good_passes_and_revoked_is_denied_in_both_modes(setup: Setup, policy: RevocationPolicy) -> None:
    good = _ocsp(setup, "good", "good")
    assert setup.verify(good, policy).findings == ()
    revoked = _ocsp(setup, "revoked", "revoked")
    with pytest.raises(CertificateRevoked, match=r"revoked since .* according to the OCSP responder .*keyCompromise"):
        setup.verify(revoked, policy)


def test_ocsp_unknown_is_a_note_when_soft_and_a_denial_when_hard(setup: Setup) -> None:
    leaf = _ocsp(setup, "unknown", "unknown")
    [note] = setup.verify(leaf, SOFT).findings
    assert (note.code, note.severity) == ("trust.ocsp_unknown", Severity.LOW)
    with pytest.raises(OcspUnknown, match="does not know CN=Signer unknown"):
        setup.verify(leaf, HARD)


def test_unreachable_responder(setup: Setup) -> None:
    leaf = leaf_with_pointers("Signer gone", setup.intermediate, ocsp_url="http://127.0.0.1:9/ocsp/gone")
    [note] = setup.verify(leaf, SOFT).findings
    assert (note.code, note.severity) == ("trust.revocation_unavailable", Severity.LOW)
    assert "ConnectionRefusedError" in note.message
    with pytest.raises(RevocationUnavailable):
        setup.verify(leaf, HARD)


@pytest.mark.parametrize(
    ("mode", "code", "text"),
    [
        ("slow", "trust.revocation_unavailable", "no answer within the timeout"),
        ("huge", "trust.revocation_unavailable", "larger than 262144 bytes"),
        ("wrong-signer", "trust.revocation_response_invalid", "signature does not verify"),
        ("stale", "trust.revocation_response_invalid", "is stale"),
        ("other-nonce", "trust.revocation_response_invalid", "another request's nonce"),
        ("try-later", "trust.revocation_response_invalid", "TRY_LATER"),
    ],
)
def test_misbehaving_responders(setup: Setup, mode: str, code: str, text: str) -> None:
    leaf = _ocsp(setup, mode, "good", mode=mode, delay=3.0)
    [note] = setup.verify(leaf, SOFT).findings
    assert note.code == code and text in note.message, note.message
    with pytest.raises(TrustFailure) as raised:
        setup.verify(leaf, HARD)
    assert raised.value.code == code


def test_a_delegated_responder_must_be_issued_by_the_issuer_for_ocsp_signing(setup: Setup) -> None:
    leaf = _ocsp(setup, "delegated", "revoked", delegate=delegated_responder(setup.intermediate))
    with pytest.raises(CertificateRevoked, match="Example OCSP Responder"):
        setup.verify(leaf, HARD)
    # A responder certificate from another CA (same name) cannot speak for this issuer.
    stranger = pki.intermediate("Stranger CA", pki.root("Stranger Root"))
    leaf = _ocsp(setup, "foreign", "good", delegate=delegated_responder(stranger))
    with pytest.raises(RevocationResponseInvalid, match=r"neither .* nor a responder it delegated to"):
        setup.verify(leaf, HARD)


def test_cached_answer_is_reused_until_next_update(setup: Setup) -> None:
    leaf = _ocsp(setup, "cached", "good", next_update=dt.timedelta(hours=6))
    path = "/ocsp/cached"
    fetcher = RevocationFetcher(cache_dir=setup.tmp / "cache")
    setup.verify(leaf, HARD, fetcher=fetcher)
    setup.verify(leaf, HARD, fetcher=fetcher)
    assert setup.server.hits[path] == 1
    # Another process (a new fetcher on the same home) reuses the stored response, re-verified like a staple.
    setup.verify(leaf, HARD, fetcher=RevocationFetcher(cache_dir=setup.tmp / "cache"))
    assert setup.server.hits[path] == 1
    # Past its nextUpdate the answer is fetched again (the responder has a newer one by then).
    setup.server.ocsp["cached"].next_update = dt.timedelta(hours=12)
    setup.verify(leaf, HARD, fetcher=fetcher, at=pki.NOW + dt.timedelta(hours=7))
    assert setup.server.hits[path] == 2


def test_answers_without_next_update_are_not_cached(setup: Setup) -> None:
    leaf = _ocsp(setup, "fresh", "good", mode="no-next-update")
    fetcher = RevocationFetcher(cache_dir=setup.tmp / "cache")
    setup.verify(leaf, HARD, fetcher=fetcher)
    setup.verify(leaf, HARD, fetcher=fetcher)
    assert setup.server.hits["/ocsp/fresh"] == 2


def test_a_cache_directory_others_can_write_is_not_used(setup: Setup) -> None:
    shared = setup.tmp / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    leaf = _ocsp(setup, "shared", "good")
    setup.verify(leaf, HARD, fetcher=RevocationFetcher(cache_dir=shared))
    assert list(shared.iterdir()) == []


def test_crl_distribution_point_revoked_and_good(setup: Setup) -> None:
    leaf = setup.leaf("dp", ocsp=False, crl=True)
    setup.server.crl["dp"] = CrlRoute(
        issuer=setup.intermediate, revoked=[(leaf.cert.serial_number, pki.NOW - 2 * pki.DAY)]
    )
    with pytest.raises(CertificateRevoked, match="listed on the CRL of CN=Revocation Test CA"):
        setup.verify(leaf, SOFT)
    other = setup.leaf("dp2", ocsp=False, crl=True)
    setup.server.crl["dp2"] = CrlRoute(issuer=setup.intermediate)
    assert setup.verify(other, HARD).findings == ()


@pytest.mark.parametrize(
    ("mode", "code", "text"),
    [
        ("wrong-signer", "trust.revocation_response_invalid", "no valid complete CRL"),
        ("stale", "trust.revocation_response_invalid", "is stale"),
        ("missing", "trust.revocation_unavailable", "answered HTTP 404"),
        ("huge", "trust.revocation_unavailable", "larger than"),
    ],
)
def test_misbehaving_crl_servers(setup: Setup, mode: str, code: str, text: str) -> None:
    leaf = setup.leaf(mode, ocsp=False, crl=True)
    setup.server.crl[mode] = CrlRoute(issuer=setup.intermediate, revoked=[], mode=mode)
    with pytest.raises(TrustFailure) as raised:
        setup.verify(leaf, HARD)
    assert raised.value.code == code and text in raised.value.message, raised.value.message


def test_ocsp_unknown_falls_back_to_the_crl(setup: Setup) -> None:
    leaf = setup.leaf("both", ocsp=True, crl=True)
    setup.server.ocsp["both"] = OcspRoute(issuer=setup.intermediate, statuses={})
    setup.server.crl["both"] = CrlRoute(issuer=setup.intermediate)
    assert setup.verify(leaf, HARD).findings == ()
    setup.server.crl["both"].revoked.append((leaf.cert.serial_number, pki.NOW - pki.DAY))
    with pytest.raises(CertificateRevoked):
        setup.verify(leaf, HARD, fetcher=RevocationFetcher())  # no cache: the CRL is fetched again


def test_off_fetches_nothing_and_no_pointer_is_no_question(setup: Setup) -> None:
    leaf = _ocsp(setup, "off", "revoked")
    assert setup.verify(leaf, RevocationPolicy(mode="off")).findings == ()
    assert setup.server.hits == {}
    plain = pki.leaf("No pointers", setup.intermediate)
    assert setup.verify(plain, HARD).findings == ()


def test_the_whole_check_is_bounded_by_a_deadline(setup: Setup) -> None:
    # Two slow responders on one certificate: the check gives up after DEADLINE_FACTOR timeouts at most.
    import time

    leaf = _ocsp(setup, "slow2", "good", mode="slow", delay=5.0)
    fetcher = RevocationFetcher(limits=HttpLimits(connect_timeout=0.3, read_timeout=0.3, total_timeout=0.3))
    started = time.monotonic()
    with pytest.raises(RevocationUnavailable):
        setup.verify(leaf, RevocationPolicy(mode="hard", timeout=0.3), fetcher=fetcher)
    assert time.monotonic() - started < 3  # generous: the point is it does not wait the responder's 5 s


def test_package_with_a_revoked_signer_is_denied_and_admission_never_fetches(setup: Setup) -> None:
    from shipgate.admission import Admission, AdmissionSettings
    from shipgate.demo.build import write_package
    from shipgate.demo.pki import Identity
    from shipgate.store import open_store
    from shipgate.verifier import VerifyRequest, verify_package
    from verifier.verifier_kit import VENDOR, good_files, good_manifest

    leaf = _ocsp(setup, "package", "revoked")
    home = setup.tmp / "home"
    (home / "trust").mkdir(parents=True)
    (home / "trust" / "root.pem").write_bytes(setup.root.pem)
    (home / "trust" / "exn.toml").write_text(f'name = "{VENDOR}"\nroots = ["root.pem"]\n[revocation]\nfetch = "hard"\n')
    signer, ca = Identity(leaf.cert, leaf.key), Identity(setup.intermediate.cert, setup.intermediate.key)  # type: ignore[arg-type]
    package = write_package(setup.tmp / "p.zip", good_files(), manifest=good_manifest(), signer=signer, chain=(ca,))
    with open_store(home=home) as store:
        report = verify_package(package, request=VerifyRequest(), store=store, home=home)
        assert report.verdict == "deny"
        assert {f.code for f in report.findings} == {"trust.revoked"}
        asked = dict(setup.server.hits)
        assert asked == {"/ocsp/package": 1}
        admission = Admission.configure(store, home=home, settings=AdmissionSettings(), policies={}, environments={})
        decision = admission.by_digest(report.archive.digests["sha256"])
        assert (decision.allowed, decision.verdict) == (False, "deny")
        assert setup.server.hits == asked  # the admission answer came from the store alone
