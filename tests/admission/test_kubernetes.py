"""The Kubernetes path admits what the pod actually runs: every image digest of its containers, init and
ephemeral containers (of a Pod, or the pod template of a Deployment, StatefulSet, DaemonSet, Job, CronJob),
and the package its annotation names; an image by tag or an unknown digest denies. A verification summary
(the DSSE VSA `verify --attest` writes) counts as evidence when it verifies with the configured key."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from admission.kit import Vendor, package, shipgate, write_trust
from shipgate.admission import Admission, referenced, review, review_request
from shipgate.attest import key_paths, load_public_key
from shipgate.attest.dsse import sign_envelope
from shipgate.attest.keys import keyid
from shipgate.findings import Finding, Severity
from shipgate.policy import Policy
from shipgate.store import Store, VerdictRecord

ANNOTATION, VSA = "shipgate.dev/package-sha256", "shipgate.dev/vsa"
A, B, C = "a" * 64, "b" * 64, "c" * 64
OWN_STATE = {"SHIPGATE_STATE_URL": ""}  # a home's own SQLite file, whatever the test's backend


def pod_spec(**containers: list[dict[str, str]]) -> dict[str, Any]:
    return {key: value for key, value in containers.items()}


def obj(kind: str, spec: dict[str, Any], notes: dict[str, str] | None = None) -> dict[str, Any]:
    template = {"metadata": {"annotations": notes or {}}, "spec": spec}
    if kind == "Pod":
        return {"kind": "Pod", "metadata": {"annotations": notes or {}}, "spec": spec}
    if kind == "CronJob":
        return {"kind": kind, "spec": {"jobTemplate": {"spec": {"template": template}}}}
    return {"kind": kind, "spec": {"template": template}}


@pytest.mark.parametrize("kind", ["Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"])
def test_every_container_list_of_every_kind_is_read(kind: str) -> None:
    spec = pod_spec(
        containers=[{"name": "app", "image": f"registry.example.net/dten@sha256:{A}"}],
        initContainers=[{"name": "init", "image": f"registry.example.net/init@sha256:{B}"}],
        ephemeralContainers=[{"name": "debug", "image": "busybox:1.36"}],
    )
    refs = referenced(obj(kind, spec, {ANNOTATION: C}), annotation=ANNOTATION, vsa_annotation=VSA)
    assert [(i.container, i.digest) for i in refs.images] == [
        ("containers/app", A),
        ("initContainers/init", B),
        ("ephemeralContainers/debug", None),
    ]
    assert refs.packages == (C,)


def allow(sha256: str) -> VerdictRecord:
    return VerdictRecord(
        sha256=sha256,
        blake3=None,
        package_name="dten",
        package_version="7.4.0",
        vendor="Example Networks",
        verdict="allow",
        policy_digest=Policy.default().digest,
    )


def test_admitted_only_when_every_digest_is(state: Store, trusted_home: Path) -> None:
    """Risk: an annotation vouched for a verified package while the pod ran another image."""
    state.put_verdict(allow(A), actor="test")
    state.put_verdict(allow(C), actor="test")
    admission = Admission(state, home=trusted_home, policy_digest=Policy.default().digest, env_digest="")

    def answer(spec: dict[str, Any], unchecked: tuple[str, ...] = ()) -> tuple[bool, str, str]:
        decision = review(
            admission, obj("Deployment", spec, {ANNOTATION: C}), annotation=ANNOTATION, vsa_annotation=VSA,
            unchecked=unchecked,
        )
        return decision.allowed, decision.cause, decision.reason

    app = {"name": "app", "image": f"r.example.net/dten@sha256:{A}"}
    assert answer(pod_spec(containers=[app]))[:2] == (True, "allowed")
    unknown = {"name": "side", "image": f"r.example.net/side@sha256:{B}"}
    allowed, cause, reason = answer(pod_spec(containers=[app], initContainers=[unknown]))
    assert (allowed, cause) == (False, "no_verdict") and reason.startswith("initContainers/side image r.example.net/")
    tagged = {"name": "proxy", "image": "envoyproxy/envoy:v1.31"}
    assert answer(pod_spec(containers=[app, tagged]))[:2] == (False, "unpinned_image")
    assert answer(pod_spec(containers=[app, tagged]), unchecked=("envoyproxy/*",))[:2] == (True, "allowed")


def test_a_verification_summary_counts_when_it_verifies_with_the_configured_key(
    state: Store, trusted_home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    """A VSA made by `verify --attest` elsewhere admits here (no stored verdict), re-checked like a stored
    one; one signed by another key, or for another archive, does not."""
    archive = package(tmp_path / "dten.zip", vendor.signer)
    elsewhere = tmp_path / "elsewhere"  # another shipgate, with a state of its own
    write_trust(elsewhere, vendor)
    vsa = tmp_path / "dten.vsa.json"
    made = shipgate(elsewhere, "verify", str(archive), "--attest", str(vsa), "--json", env=OWN_STATE)
    assert made.returncode == 0, made.stdout
    sha256 = json.loads(made.stdout)["archive"]["digests"]["sha256"]
    key = load_public_key(key_paths(elsewhere)[1])
    envelope = vsa.read_bytes()
    admission = Admission(state, home=trusted_home, policy_digest=Policy.default().digest, env_digest="", vsa_key=key)
    assert admission.by_digest(sha256).cause == "no_verdict"
    decision = admission.by_digest(sha256, vsa=envelope)
    assert (decision.allowed, decision.evidence) == (True, "verification summary")
    assert admission.by_digest(B, vsa=envelope).reason.endswith("(no subject digest matches)")
    strangers = Admission(state, home=trusted_home, policy_digest=Policy.default().digest, env_digest="",
                          vsa_key=load_public_key(_other_key(tmp_path)))
    assert "no signature of the envelope verifies" in strangers.by_digest(sha256, vsa=envelope).reason
    # Presented on the pod, base64 in the annotation: the same.
    spec = obj("Pod", {}, {ANNOTATION: sha256, VSA: base64.b64encode(envelope).decode()})
    assert review(admission, spec, annotation=ANNOTATION, vsa_annotation=VSA, unchecked=()).allowed
    # A stored verdict, once there, decides (here: a deny recorded later for the same archive).
    denied = VerdictRecord(
        sha256=sha256, blake3=None, package_name="dten", package_version="7.4.0", vendor="Example Networks",
        verdict="deny", policy_digest=Policy.default().digest,
        findings=(Finding(code="trust.revoked", severity=Severity.CRITICAL, message="revoked"),),
    )
    state.put_verdict(denied, actor="test")
    assert admission.by_digest(sha256, vsa=envelope).cause == "denied"


def _other_key(tmp_path: Path) -> Path:
    home = tmp_path / "stranger"
    archive = package(tmp_path / "x.zip", None)
    out = shipgate(home, "verify", str(archive), "--attest", str(tmp_path / "x.vsa"), env=OWN_STATE)
    assert out.returncode == 1
    return key_paths(home)[1]


def test_verify_vsa_checks_signature_subject_and_result(vendor: Vendor, tmp_path: Path) -> None:
    """`shipgate verify-vsa FILE --digest HEX [--key PUB.pem]`, as slsa-verifier verify-vsa."""
    home = tmp_path / "home"
    archive, vsa = package(tmp_path / "dten.zip", None), tmp_path / "dten.vsa.json"
    made = shipgate(home, "verify", str(archive), "--attest", str(vsa), "--json", env=OWN_STATE)
    sha256 = json.loads(made.stdout)["archive"]["digests"]["sha256"]
    failed = shipgate(home, "verify-vsa", str(vsa), "--digest", sha256)
    assert (failed.returncode, failed.stdout.split()[0]) == (1, "FAILED")  # unsigned: the summary says FAILED
    assert "verificationResult FAILED" in failed.stdout
    assert shipgate(home, "verify-vsa", str(vsa), "--digest", "zz").returncode == 2
    assert "subject" in shipgate(home, "verify-vsa", str(vsa), "--digest", B).stdout
    # A summary that passed, re-signed with the home's key after editing its subject: the signature holds,
    # the digest does not match; with the wrong key nothing holds.
    statement = json.loads(base64.b64decode(json.loads(vsa.read_text())["payload"]))
    statement["predicate"]["verificationResult"] = "PASSED"
    statement["predicate"]["shipgate"]["verdict"] = "allow"
    from cryptography.hazmat.primitives import serialization

    private = serialization.load_pem_private_key(key_paths(home)[0].read_bytes(), password=None)
    forged = sign_envelope(json.dumps(statement).encode(), "application/vnd.in-toto+json", private,  # type: ignore[arg-type]
                           keyid=keyid(private.public_key()))  # type: ignore[arg-type]
    passed = tmp_path / "passed.json"
    passed.write_text(json.dumps(forged))
    ok = shipgate(home, "verify-vsa", str(passed), "--digest", sha256)
    assert (ok.returncode, ok.stdout.split()[0]) == (0, "PASSED")
    other = _other_key(tmp_path)
    wrong = shipgate(home, "verify-vsa", str(passed), "--digest", sha256, "--key", str(other))
    assert wrong.returncode == 1 and "no signature of the envelope verifies" in wrong.stdout


def test_requests_that_start_nothing_running_are_allowed_and_the_rest_reviewed(
    state: Store, trusted_home: Path
) -> None:
    """Risk: a finalizer could not be removed, nor a pod deleted or labelled, once its package was withdrawn
    (every UPDATE and DELETE denied for want of a verdict), while what a request would start running must still
    be reviewed: a changed image, a restarted template, an ephemeral debug container, anything created."""
    admission = Admission(state, home=trusted_home, policy_digest=Policy.default().digest, env_digest="")
    image = {"name": "app", "image": f"r.example.net/dten@sha256:{A}"}  # no verdict stored: reviewing denies
    pod = obj("Pod", pod_spec(containers=[image]))
    deployment = {"kind": "Deployment", "spec": {"replicas": 2, "template": {"spec": pod_spec(containers=[image])}}}

    def cause(operation: str, new: Any, old: Any = None, sub: str | None = None) -> tuple[bool, str]:
        request: dict[str, Any] = {"uid": "u", "operation": operation, "object": new, "oldObject": old}
        if sub:
            request["subResource"] = sub
        decision = review_request(admission, request, annotation=ANNOTATION, vsa_annotation=VSA, unchecked=())
        return decision.allowed, decision.cause

    nothing = (True, "not_deploying")
    assert cause("DELETE", None, pod) == nothing
    assert cause("CONNECT", {"kind": "PodExecOptions"}) == nothing
    assert cause("UPDATE", {"kind": "Scale"}, {"kind": "Scale"}, sub="scale") == nothing
    assert cause("UPDATE", pod, pod, sub="status") == nothing
    labelled = {**pod, "metadata": {"labels": {"tier": "web"}, "annotations": {}}}
    assert cause("UPDATE", labelled, pod) == nothing
    terminating = {**pod, "metadata": {"deletionTimestamp": "2026-12-03T10:00:00Z", "finalizers": []}}
    finalizing = {**terminating, "metadata": {**terminating["metadata"], "finalizers": ["example.net/cleanup"]}}
    assert cause("UPDATE", terminating, finalizing) == nothing
    assert cause("CREATE", terminating) == (False, "no_verdict")  # the API server clears it on create anyway
    assert cause("UPDATE", {**deployment, "spec": {**deployment["spec"], "replicas": 5}}, deployment) == nothing
    # Near misses: each may start something new, so it is reviewed (and denied: no verdict for the image).
    assert cause("CREATE", pod) == (False, "no_verdict")
    assert cause("UPDATE", pod, None) == (False, "no_verdict")  # no oldObject to compare with
    other = obj("Pod", pod_spec(containers=[{**image, "image": f"r.example.net/dten@sha256:{B}"}]))
    assert cause("UPDATE", other, pod) == (False, "no_verdict")
    restart = {"kubectl.kubernetes.io/restartedAt": "2026-12-03T10:00:00Z"}  # `kubectl rollout restart`
    template = {"metadata": {"annotations": restart}, "spec": pod_spec(containers=[image])}
    restarted = {"kind": "Deployment", "spec": {"replicas": 2, "template": template}}
    assert cause("UPDATE", restarted, deployment) == (False, "no_verdict")
    debug = obj("Pod", pod_spec(containers=[image], ephemeralContainers=[{"name": "dbg", "image": "busybox:1.36"}]))
    assert cause("UPDATE", debug, pod, sub="ephemeralcontainers") == (False, "unpinned_image")
    repackaged = {**pod, "metadata": {"annotations": {ANNOTATION: C}}}
    assert cause("UPDATE", repackaged, pod) == (False, "no_verdict")
