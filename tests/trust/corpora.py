"""Running the shared X.509 corpora through shipgate's chain validator (and CRL check), and the
sigstore-conformance bundles through ``shipgate verify-blob``, case by case.
Used by the corpus tests and printable for the report: ``python -m tests.trust.corpora``."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID

from shipgate.errors import ShipgateError
from shipgate.trust.chain import ChainPolicy, validate_chain
from shipgate.trust.revocation import check_crls

LIMBO_FAMILIES = ("rfc5280", "pathlen", "pathological", "crl", "cve")
_EKU = {
    "serverAuth": ExtendedKeyUsageOID.SERVER_AUTH,
    "clientAuth": ExtendedKeyUsageOID.CLIENT_AUTH,
    "codeSigning": ExtendedKeyUsageOID.CODE_SIGNING,
    "anyExtendedKeyUsage": ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE,
}
_KU = {
    "digitalSignature": "digital_signature",
    "contentCommitment": "content_commitment",
    "keyEncipherment": "key_encipherment",
    "dataEncipherment": "data_encipherment",
    "keyAgreement": "key_agreement",
    "keyCertSign": "key_cert_sign",
    "cRLSign": "crl_sign",
}


@dataclass(frozen=True)
class Outcome:
    case: str
    expected: bool
    actual: bool
    detail: str

    @property
    def agrees(self) -> bool:
        return self.expected == self.actual


def limbo_cases(corpora: Path) -> Iterator[dict[str, object]]:
    data = json.loads((corpora / "x509-limbo" / "limbo.json").read_text())
    for case in data["testcases"]:
        family = case["id"].split("::", 1)[0]
        if family not in LIMBO_FAMILIES:
            continue
        if any(f.startswith("pedantic-webpki") for f in case["features"]):
            continue
        yield case


def _quiet(fn):  # type: ignore[no-untyped-def]
    """Corpus certificates with a zero serial make cryptography warn on parse; the validator refuses them."""

    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn(*args, **kwargs)

    return wrapper


@_quiet
def run_limbo_case(case: dict[str, object]) -> Outcome:
    def pems(key: str) -> list[x509.Certificate]:
        return [x509.load_pem_x509_certificate(p.encode()) for p in case[key]]  # type: ignore[attr-defined]

    expected = case["expected_result"] == "SUCCESS"
    try:
        ekus = case["extended_key_usage"]
        assert isinstance(ekus, list)
        policy = ChainPolicy(
            eku=_EKU[ekus[0]] if ekus else None,
            key_usage=frozenset(_KU[k] for k in case["key_usage"]),  # type: ignore[attr-defined]
            max_depth=case["max_chain_depth"] if case["max_chain_depth"] is not None else 8,  # type: ignore[arg-type]
        )
        at = dt.datetime.fromisoformat(str(case["validation_time"])) if case["validation_time"] else None
        leaf = x509.load_pem_x509_certificate(str(case["peer_certificate"]).encode())
        chain = validate_chain(leaf, pems("untrusted_intermediates"), pems("trusted_certs"), at=at, policy=policy)
        crls = [x509.load_pem_x509_crl(p.encode()) for p in case["crls"]]  # type: ignore[attr-defined]
        check_crls(chain, crls, at=at)
    except (ShipgateError, ValueError) as exc:
        return Outcome(str(case["id"]), expected, False, f"{type(exc).__name__}: {exc}")
    return Outcome(str(case["id"]), expected, True, "")


def _crl_issuers(cert: x509.Certificate) -> set[x509.Name]:
    """Names a certificate delegates its CRLs to (cRLIssuer): a package would carry those certificates."""
    try:
        points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except x509.ExtensionNotFound:
        return set()
    return {n.value for p in points for n in (p.crl_issuer or []) if isinstance(n, x509.DirectoryName)}


# PKITS (default settings): trust anchor, every certificate of the suite as an unordered intermediate pool,
# every CRL, revocation required, time of interest 2022-03-14 (pkits_settings).
PKITS_TIME = dt.datetime.fromtimestamp(1647264981, dt.UTC)


def pkits_cases(corpora: Path) -> Iterator[tuple[str, bool]]:
    expected = corpora / "x509-nist-pkits" / "expected"
    for name, good in (("good.txt", True), ("bad.txt", False)):
        for line in (expected / name).read_text().splitlines():
            settings, _, cert = line.partition(":")
            if settings.strip().lower() == "default" and cert.strip():
                yield cert.strip(), good


@dataclass
class PkitsData:
    anchor: x509.Certificate
    pool: list[x509.Certificate]
    crls: list[x509.CertificateRevocationList]

    @classmethod
    @_quiet
    def load(cls, corpora: Path) -> PkitsData:
        base = corpora / "x509-nist-pkits" / "PKITS_data_2048"
        anchor = x509.load_der_x509_certificate((base / "certs" / "TrustAnchorRootCertificate.crt").read_bytes())
        pool = []
        for p in sorted((base / "certs").glob("*.crt")):
            if p.name == "TrustAnchorRootCertificate.crt":
                continue
            try:
                pool.append(x509.load_der_x509_certificate(p.read_bytes()))
            except ValueError:
                continue
        crls = []
        for p in sorted((base / "crls").glob("*.crl")):
            try:
                crls.append(x509.load_der_x509_crl(p.read_bytes()))
            except ValueError:
                continue
        return cls(anchor, pool, crls)

    def candidates(self, leaf: x509.Certificate) -> list[x509.Certificate]:
        """The suite's certificates that could be on a path from ``leaf`` (by issuer name), as the
        unordered pool a package would offer; shipgate bounds how many intermediates it accepts."""
        chosen: list[x509.Certificate] = []
        frontier = [leaf]
        for _ in range(8):
            names = {c.issuer for c in frontier} | {n for c in frontier for n in _crl_issuers(c)}
            frontier = [c for c in self.pool if c.subject in names and c not in chosen and c != leaf]
            chosen.extend(frontier)
        return chosen


@_quiet
def run_pkits_case(corpora: Path, data: PkitsData, cert_file: str, expected: bool) -> Outcome:
    base = corpora / "x509-nist-pkits" / "PKITS_data_2048" / "certs"
    try:
        leaf = x509.load_der_x509_certificate((base / cert_file).read_bytes())
        pool = data.candidates(leaf)
        chain = validate_chain(
            leaf,
            pool,
            [data.anchor],
            at=PKITS_TIME,
            policy=ChainPolicy(eku=None, key_usage=frozenset()),
        )
        check_crls(chain, data.crls, at=PKITS_TIME, require=True, candidates=pool)
    except (ShipgateError, ValueError) as exc:
        return Outcome(cert_file, expected, False, f"{type(exc).__name__}: {exc}")
    return Outcome(cert_file, expected, True, "")


# sigstore-conformance bundle-verify (SOURCE.md, assets/bundle-verify/README.md): the verdict is the directory
# name ("_fail"); optional artifact, identity, issuer, key.pub, trusted_root.json beside each bundle.
SIGSTORE_IDENTITY = (
    "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/"
    "extremely-dangerous-oidc-beacon.yml@refs/heads/main"
)
SIGSTORE_ISSUER = "https://token.actions.githubusercontent.com"


def sigstore_cases(corpora: Path) -> list[Path]:
    return sorted(p for p in (corpora / "sigstore-conformance" / "assets" / "bundle-verify").iterdir() if p.is_dir())


def sigstore_args(corpora: Path, case: Path) -> list[str]:
    artifact = case / "artifact" if (case / "artifact").exists() else case.parent / "a.txt"
    identity = (case / "identity").read_text().strip() if (case / "identity").exists() else SIGSTORE_IDENTITY
    issuer = (case / "issuer").read_text().strip() if (case / "issuer").exists() else SIGSTORE_ISSUER
    root = case / "trusted_root.json"
    if not root.exists():
        root = corpora / "sigstore-python" / "trust-roots" / "production" / "trusted_root.json"
    # With a key.pub, "verification will be attempted with the key instead of OIDC" (the README).
    key = case / "key.pub"
    policy = ["--key", str(key)] if key.exists() else ["--identity", identity, "--issuer", issuer]
    bundle = case / "bundle.sigstore.json"
    return ["verify-blob", str(artifact), "--bundle", str(bundle), *policy, "--trusted-root", str(root)]


def run_sigstore_case(corpora: Path, case: Path) -> Outcome:
    """One case through ``shipgate verify-blob``; a usage or internal error (exit 2) is an AssertionError."""
    from shipgate.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(sigstore_args(corpora, case))
    assert status in (0, 1), f"{case.name}: usage/internal error: {err.getvalue()}"
    return Outcome(case.name, not case.name.endswith("_fail"), status == 0, err.getvalue().strip())


if __name__ == "__main__":  # pragma: no cover - a report helper
    import sys

    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "corpora"
    outcomes = [run_limbo_case(c) for c in limbo_cases(root)]
    print(f"limbo: {sum(o.agrees for o in outcomes)}/{len(outcomes)} agree")
    for o in outcomes:
        if not o.agrees:
            print(f"  {o.case}: expected {'pass' if o.expected else 'fail'}; {o.detail[:150]}")
    data = PkitsData.load(root)
    p = [run_pkits_case(root, data, c, e) for c, e in pkits_cases(root)]
    print(f"pkits: {sum(o.agrees for o in p)}/{len(p)} agree")
    for o in p:
        if not o.agrees:
            print(f"  {o.case}: expected {'pass' if o.expected else 'fail'}; {o.detail[:150]}")
    s = [run_sigstore_case(root, c) for c in sigstore_cases(root)]
    print(f"sigstore-conformance: {sum(o.agrees for o in s)}/{len(s)} agree")
    for o in s:
        if not o.agrees:
            print(f"  {o.case}: expected {'pass' if o.expected else 'fail'}; {o.detail[:150]}")
