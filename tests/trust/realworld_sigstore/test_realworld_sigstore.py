"""Real-world Sigstore bundles (corpus.toml): PEP 740 attestations that PyPI publishers made over files they
published, turned into Sigstore bundles by pypi-attestations' ``Attestation.to_bundle`` and verified through
``shipgate verify-blob --bundle`` offline, against the production trusted root that sigstore-python embeds (or
its staging one, where a case says so). Each case's expected answer — verified, or the finding code of the
refusal — was written in corpus.toml before shipgate was run.

The distribution files are fetched once into $SHIPGATE_CORPUS_CACHE (default ~/.cache/shipgate-corpus) and
reused while their SHA-256 matches; without a network the cases skip, and a pinned file that is gone or changed
fails. The attestations are stored beside this file. ``pytest -s`` prints a summary of the answers."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import tarfile
import tomllib
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from pinned_files import CACHE, fetched, matches
from shipgate.cli import main
from shipgate.trust.errors import MalformedSignature
from shipgate.trust.sigstore_bundle import default_trusted_root, verify_bundle

HERE = Path(__file__).parent
CORPUS: dict[str, Any] = tomllib.loads((HERE / "corpus.toml").read_text())
ARTIFACTS: dict[str, dict[str, Any]] = {a["id"]: a for a in CORPUS["artifact"]}
ATTESTATIONS: dict[str, dict[str, Any]] = {a["file"]: a for a in CORPUS["attestation"]}
CASES: list[dict[str, Any]] = CORPUS["case"]
# sigstore-python's embedded TUF bootstrap: the trusted roots of the production and staging instances.
ROOTS = {
    "production": "https%3A%2F%2Ftuf-repo-cdn.sigstore.dev",
    "staging": "https%3A%2F%2Ftuf-repo-cdn.sigstage.dev",
}


def _member(archive: Path, name: str) -> bytes:
    with tarfile.open(archive, mode="r:gz") as tar:
        extracted = tar.extractfile(name)
        assert extracted is not None, f"{archive.name}: no file {name}"
        return extracted.read()


def artifact_path(artifact_id: str) -> Path:
    """The artifact's bytes on disk: the pinned download, or the pinned member of one (cached beside it)."""
    item = ARTIFACTS[artifact_id]
    path = fetched(item["url"], item["sha256"], item["size"])
    if "member" not in item:
        return path
    out = CACHE / f"{item['member_sha256'][:16]}-{item['id']}"
    if not matches(out, item["member_sha256"], item["member_size"]):
        out.write_bytes(_member(path, item["member"]))
        assert matches(out, item["member_sha256"], item["member_size"]), f"{item['id']}: not the pinned member"
    return out


def _attestation(file: str) -> dict[str, Any]:
    """One PEP 740 attestation object: the file itself, or a provenance object's first attestation."""
    data = json.loads((HERE / "attestations" / file).read_bytes())
    if ATTESTATIONS[file]["form"] == "provenance":
        data = data["attestation_bundles"][0]["attestations"][0]
    assert isinstance(data, dict)
    return data


def bundle_json(case: dict[str, Any]) -> bytes:
    """The case's Sigstore bundle: the stored bundle, or the attestation (changed as the case says) turned into
    one by pypi-attestations."""
    from pypi_attestations import Attestation

    if ATTESTATIONS[case["attestation"]]["form"] == "bundle":
        assert not {"entry_from", "certificate_from"} & set(case), case["id"]
        return (HERE / "attestations" / case["attestation"]).read_bytes()
    attestation = copy.deepcopy(_attestation(case["attestation"]))
    material = attestation["verification_material"]
    if "entry_from" in case:
        material["transparency_entries"] = _attestation(case["entry_from"])["verification_material"][
            "transparency_entries"
        ]
    if "certificate_from" in case:
        material["certificate"] = _attestation(case["certificate_from"])["verification_material"]["certificate"]
    return Attestation.model_validate(attestation).to_bundle().to_json().encode()


def trusted_root(name: str) -> Path:
    return Path(str(resources.files("sigstore") / "_store" / ROOTS[name] / "trusted_root.json"))


def verify_blob(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """``shipgate verify-blob FILE --bundle B <rule> [--trusted-root R] --json`` on the case; its JSON report."""
    blob = artifact_path(case["artifact"])
    if "append" in case:
        changed = tmp_path / ARTIFACTS[case["artifact"]]["id"]
        changed.write_bytes(blob.read_bytes() + case["append"].encode())
        blob = changed
    bundle = tmp_path / "bundle.sigstore.json"
    bundle.write_bytes(bundle_json(case))
    argv = ["verify-blob", str(blob), "--bundle", str(bundle), "--json"]
    for flag in ("identity", "issuer", "identity_regexp", "issuer_regexp"):
        if flag in case:
            argv += ["--" + flag.replace("_", "-"), case[flag]]
    if case.get("root", "production") != "production":  # production: shipgate's default root
        argv += ["--trusted-root", str(trusted_root(case["root"]))]
    code = main(argv)
    report: dict[str, Any] = json.loads(capsys.readouterr().out)
    assert code == (0 if report["verified"] else 1)
    return report


def answer(report: dict[str, Any]) -> str:
    """The answer: ``verified``, or the refusal's finding code."""
    if report["verified"]:
        return "verified"
    [finding] = report["findings"]
    return str(finding["code"])


class Summary:
    def __init__(self) -> None:
        self.answers: Counter[tuple[str, str]] = Counter()

    def __str__(self) -> str:
        right = sum(n for (expected, got), n in self.answers.items() if expected == got)
        lines = [f"real-world Sigstore corpus: {right}/{self.answers.total()} cases answered as expected"]
        lines += [f"  expected {e:24} got {g:24} {n}" for (e, g), n in sorted(self.answers.items())]
        return "\n".join(lines)


@pytest.fixture(scope="module")
def summary() -> Iterator[Summary]:
    collected = Summary()
    yield collected
    if collected.answers:
        print(f"\n{collected}")


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_real_world_bundle_answers_as_expected(
    case: dict[str, Any], home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], summary: Summary
) -> None:
    report = verify_blob(case, tmp_path, capsys)
    got = answer(report)
    summary.answers[(case["expect"], got)] += 1
    assert got == case["expect"], report
    if got == "verified":
        root = trusted_root(case.get("root", "production"))
        assert report["signature"]["root"] == f"sigstore trusted root {root}"
        assert report["signature"]["dsse"] is True  # PEP 740 attestations are DSSE envelopes


CHAIN_REASONS = {
    "staging/rfc8785-0.1.2/production-root": "was not issued by a Fulcio CA of this trusted root",
    "negative/production-bundle-staging-root": "was not issued by a Fulcio CA of this trusted root",
    "negative/log-entry-of-another-artifact": "outside the signing certificate's validity",
    "negative/juwunit-with-sampleproject-log-entry": "outside the signing certificate's validity",
}


@pytest.mark.parametrize("case", [c for c in CASES if c["id"] in CHAIN_REASONS], ids=lambda c: str(c["id"]))
def test_a_certificate_that_does_not_chain_says_which_way(
    case: dict[str, Any], home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sigstore says "failed to build timestamp certificate chain" both for a bundle of another Sigstore instance
    and for a log entry that is not the signature's; the refusal names which, so the operator knows what to fix
    (the trusted root, or the bundle)."""
    report = verify_blob(case, tmp_path, capsys)
    [finding] = report["findings"]
    assert finding["code"] == "trust.sigstore_invalid"
    assert CHAIN_REASONS[case["id"]] in finding["message"], finding["message"]


@pytest.mark.parametrize(
    ("file", "form"),
    [
        ("pypi_attestations-0.0.19.tar.gz.provenance", "provenance object"),
        ("pypi_attestations-0.0.19.tar.gz.slsa.attestation", "attestation object"),
    ],
)
def test_pep740_file_given_as_the_bundle_is_named_with_its_remedy(file: str, form: str) -> None:
    """PyPI publishes attestations as PEP 740 objects; given as --bundle, the refusal names what the file is
    and how to verify it, not "ask the vendor for the correct file" under a page of pydantic errors."""
    with pytest.raises(MalformedSignature) as refused:
        verify_bundle(
            b"",
            (HERE / "attestations" / file).read_bytes(),
            identity="https://github.com/trailofbits/pypi-attestations/.github/workflows/release.yml@refs/tags/v0.0.19",
            issuer="https://token.actions.githubusercontent.com",
            trusted_root=trusted_root("production"),
        )
    assert refused.value.code == "trust.malformed_signature"
    assert refused.value.message == f"the bundle is a PEP 740 {form} (PyPI's attestation format), not a Sigstore bundle"
    assert "Attestation.to_bundle" in refused.value.remedy


@pytest.mark.parametrize("document", [b"[" * 100_000 + b"]" * 100_000, b'{"attestation_bundles": {}}', b"[]"])
def test_other_unreadable_bundles_keep_sigstores_reason(document: bytes) -> None:
    with pytest.raises(MalformedSignature) as refused:
        verify_bundle(b"", document, identity="x", issuer="https://x.example", trusted_root=trusted_root("production"))
    assert refused.value.message.startswith("not a usable Sigstore bundle: ")


def _exact(case: dict[str, Any]) -> bool:
    return "identity" in case and "issuer" in case


# The cases a peer can answer on its own: an attestation (not the stored bundle) over the published bytes, with
# an exact rule (sigstore's own Identity policy, nothing of shipgate's) or, where the answer does not turn on
# the identity (no pattern case expects an identity refusal from the peer), no identity policy at all.
PEER_CASES = [
    c
    for c in CASES
    if ATTESTATIONS[c["attestation"]]["form"] != "bundle"
    and "append" not in c
    and (_exact(c) or c["expect"] != "trust.identity_mismatch")
]


@pytest.mark.parametrize("case", PEER_CASES, ids=[case["id"] for case in PEER_CASES])
def test_pypi_attestations_gives_the_expected_answer(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The peer: pypi-attestations' ``Attestation.verify`` (sigstore-python's verifier, offline, with its TUF
    cache in an empty directory so that the embedded root is the one used) accepts exactly the cases expected
    to verify."""
    from pypi_attestations import Attestation, Distribution
    from pypi_attestations import VerificationError as PeerRefusal
    from sigstore.models import Bundle
    from sigstore.verify.policy import Identity, UnsafeNoOp, VerificationPolicy

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    attestation = Attestation.from_bundle(Bundle.from_json(bundle_json(case)))
    data = artifact_path(case["artifact"]).read_bytes()
    dist = Distribution(name=case["artifact"], digest=hashlib.sha256(data).hexdigest())
    policy: VerificationPolicy = (
        Identity(identity=case["identity"], issuer=case["issuer"]) if _exact(case) else UnsafeNoOp()
    )
    try:
        attestation.verify(
            policy,
            dist,
            staging=case.get("root") == "staging",
            offline=True,
        )
        got = "verified"
    except PeerRefusal:
        got = "refused"
    assert got == ("verified" if case["expect"] == "verified" else "refused")


def test_production_root_is_the_one_sigstore_python_embeds(home: Path) -> None:
    assert default_trusted_root(home) == trusted_root("production")
    assert trusted_root("production").is_file() and trusted_root("staging").is_file()


def test_stored_attestations_are_published() -> None:
    """Every stored attestation without a ``source`` of its own is byte for byte the test asset of the pinned
    pypi-attestations sdist."""
    sdist = ARTIFACTS["pypi_attestations-0.0.31.tar.gz"]
    archive = fetched(sdist["url"], sdist["sha256"], sdist["size"])
    for file in (file for file, item in ATTESTATIONS.items() if "source" not in item):
        stored = (HERE / "attestations" / file).read_bytes()
        assert stored == _member(archive, f"pypi_attestations-0.0.31/test/assets/{file}"), file


def test_statements_name_the_pinned_files() -> None:
    """Each attestation's in-toto subject is its own pinned artifact (so the corpus pairs what it says it does)."""
    for file, item in ATTESTATIONS.items():
        if item["form"] == "bundle":
            envelope = json.loads((HERE / "attestations" / file).read_bytes())["dsseEnvelope"]
            statement = json.loads(base64.b64decode(envelope["payload"]))
        else:
            statement = json.loads(base64.b64decode(_attestation(file)["envelope"]["statement"]))
        [subject] = statement["subject"]
        pinned = ARTIFACTS[subject["name"]]
        assert subject["digest"]["sha256"] == pinned.get("member_sha256", pinned["sha256"]), file


def test_corpus_is_complete() -> None:
    assert len({case["id"] for case in CASES}) == len(CASES)
    assert set(ATTESTATIONS) == {p.name for p in (HERE / "attestations").iterdir()}
    for case in CASES:
        assert case["artifact"] in ARTIFACTS and case["attestation"] in ATTESTATIONS, case["id"]
        assert case["expect"] in ("verified", "trust.identity_mismatch", "trust.sigstore_invalid"), case["id"]
        assert ("identity" in case) != ("identity_regexp" in case), case["id"]
        assert ("issuer" in case) != ("issuer_regexp" in case), case["id"]
        assert case.get("root", "production") in ROOTS, case["id"]
