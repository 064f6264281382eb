"""End to end against a real ``shipgate serve`` on 127.0.0.1: verify over gRPC equals local verify; admission
by digest over gRPC, the CLI, JSON and AdmissionReview; health, reflection, admin refused without the role."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from service.kit import VENDOR, Server, Vendor, insecure
from shipgate.demo.build import PackageFile, PackageSpec
from shipgate.store import open_store
from shipgate.v1 import admin_service_pb2, admin_service_pb2_grpc, report_pb2
from shipgate.v1 import shipgate_service_pb2 as pb
from shipgate.v1 import shipgate_service_pb2_grpc as pbg


def shipgate(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shipgate", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "SHIPGATE_HOME": str(home)},
        timeout=120,
    )


def without_time(report: dict[str, Any]) -> dict[str, Any]:
    out = dict(report)
    out.pop("verified_at")
    return out


def post(url: str, body: Any) -> tuple[int, Any]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.fixture
def server(pinned_home: Path) -> Any:
    with Server(pinned_home) as running:
        yield running


def test_remote_and_local_reports_are_identical(
    server: Server, pinned_home: Path, good_zip: Path, unsigned_zip: Path, tmp_path: Path
) -> None:
    # Risk: the service and the CLI disagree about the same package.
    for package, status in ((good_zip, 0), (unsigned_zip, 1)):
        local = shipgate(pinned_home, "verify", str(package), "--json")
        remote = shipgate(pinned_home, "verify", "--server", server.grpc_address, str(package), "--json")
        assert (local.returncode, remote.returncode) == (status, status), remote.stderr
        assert without_time(json.loads(remote.stdout)) == without_time(json.loads(local.stdout))
        text_local = shipgate(pinned_home, "verify", str(package))
        text_remote = shipgate(pinned_home, "verify", "--server", server.grpc_address, str(package))
        assert text_remote.stdout == text_local.stdout
    assert json.loads(shipgate(pinned_home, "verify", str(good_zip), "--json").stdout)["verdict"] == "allow"


def test_a_large_package_verified_partly_while_uploading_reports_as_locally(
    server: Server, pinned_home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    # Risk: what the spool's trailing walk verified before the last byte (stored entries it covered; how many
    # depends on the idle CPU it found) changes the report the inspection makes from it.
    files = {
        f"binaries/part{i}.bin": PackageFile(data=os.urandom(6 << 20), mode=0o755, compress=False) for i in range(6)
    }
    files["doc/notes.txt"] = PackageFile(data=b"release notes\n" * 50_000)
    package = PackageSpec(
        files=files,
        package={"name": "dten", "version": "7.5.0", "vendor": VENDOR, "built": "2026-10-02T09:00:00Z"},
        fields={"reboot": "none"},
    ).build(tmp_path / "large.zip", signer=vendor.signer)
    local = shipgate(pinned_home, "verify", str(package), "--json")
    remote = shipgate(pinned_home, "verify", "--server", server.grpc_address, str(package), "--json")
    assert (local.returncode, remote.returncode) == (0, 0), remote.stderr
    assert without_time(json.loads(remote.stdout)) == without_time(json.loads(local.stdout))
    done = [e for e in server.log_events() if e.get("event") == "verify.done"]
    assert done[-1]["walked_bytes"] <= package.stat().st_size and done[-1]["walked_entries"] <= 6
    with urllib.request.urlopen(f"{server.http_base}/metrics", timeout=10) as response:
        metrics = response.read().decode()
    counter = "shipgate_upload_walked_bytes_total "
    walked = [float(line.removeprefix(counter)) for line in metrics.splitlines() if line.startswith(counter)]
    assert walked == [done[-1]["walked_bytes"]]


def test_verify_streams_progress_then_the_report(server: Server, good_zip: Path) -> None:
    data = good_zip.read_bytes()
    requests = [
        pb.VerifyRequest(header=pb.VerifyHeader(file_name="good.zip", declared_size=len(data), upload_id="u-1")),
        *(pb.VerifyRequest(chunk=data[i : i + 500]) for i in range(0, len(data), 500)),
    ]
    with insecure(server) as channel:
        events = list(pbg.ShipgateServiceStub(channel).Verify(iter(requests), timeout=60))
    stages = [e.progress.stage for e in events if e.WhichOneof("event") == "progress"]
    assert stages == [
        pb.VERIFY_STAGE_RECEIVING,
        pb.VERIFY_STAGE_RECEIVED,
        pb.VERIFY_STAGE_VERIFYING,
        pb.VERIFY_STAGE_DONE,
    ]
    assert all(e.progress.upload_id == "u-1" for e in events[:-1])
    assert events[-2].progress.bytes_received == len(data)
    report = events[-1].report
    assert report.verdict == report_pb2.VERDICT_ALLOW
    assert report.package.name == "dten" and report.package.version == "7.4.0"
    assert report.archive.size == len(data)
    as_json = json.loads(report.json)
    assert as_json["archive"]["path"] == "good.zip"
    assert dict(report.archive.digests) == as_json["archive"]["digests"]
    assert report.signature.signer == "CN=Example Networks Code Signing,O=Example Networks"


def test_admission_by_digest_everywhere(server: Server, pinned_home: Path, good_zip: Path, unsigned_zip: Path) -> None:
    # Risk: a denied or unknown package is admitted.
    allowed = json.loads(
        shipgate(pinned_home, "verify", "--server", server.grpc_address, str(good_zip), "--json").stdout
    )
    denied = json.loads(
        shipgate(pinned_home, "verify", "--server", server.grpc_address, str(unsigned_zip), "--json").stdout
    )
    good, bad, unknown = allowed["archive"]["digests"]["sha256"], denied["archive"]["digests"]["sha256"], "ab" * 32
    with insecure(server) as channel:
        stub = pbg.ShipgateServiceStub(channel)
        answer = stub.Admit(pb.AdmitRequest(digest=good, target="prod/eu"))
        assert (answer.allowed, answer.verdict, answer.sha256) == (True, report_pb2.VERDICT_ALLOW, good)
        answer = stub.Admit(pb.AdmitRequest(digest=f"blake3:{allowed['archive']['digests']['blake3']}"))
        assert answer.allowed and answer.sha256 == good
        answer = stub.Admit(pb.AdmitRequest(digest=bad))
        assert (answer.allowed, answer.verdict) == (False, report_pb2.VERDICT_DENY)
        assert "trust.no_signature" in answer.reason
        answer = stub.Admit(pb.AdmitRequest(digest=unknown))
        assert (answer.allowed, answer.verdict) == (False, report_pb2.VERDICT_UNSPECIFIED)
        assert answer.reason == f"no verdict is stored for {unknown}; verify it first"
        answer = stub.Admit(pb.AdmitRequest(package=pb.PackageRef(name="dten", version="7.4.0")))
        # By package only verdicts with a verified manifest signature count: the newer unsigned upload of the
        # same name and version does not flip the answer.
        assert (answer.allowed, answer.verdict, answer.sha256) == (True, report_pb2.VERDICT_ALLOW, good)
        assert stub.Admit(pb.AdmitRequest(digest="not-hex")).allowed is False
        found = stub.GetVerdict(pb.GetVerdictRequest(digest=good))
        assert found.found and found.verdict.verdict == report_pb2.VERDICT_ALLOW
        assert found.verdict.package.name == "dten" and not found.verdict.expired
        assert stub.GetVerdict(pb.GetVerdictRequest(digest=unknown)).found is False
        with pytest.raises(grpc.RpcError) as caught:
            stub.GetVerdict(pb.GetVerdictRequest(digest="xyz"))
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT

    for digest, status in ((good, 0), (bad, 1), (unknown, 1)):
        assert shipgate(pinned_home, "admit", digest, "--server", server.grpc_address).returncode == status
        assert shipgate(pinned_home, "admit", digest).returncode == status  # the local store agrees

    assert post(f"{server.http_base}/v1/admit", {"digest": good}) == (
        200,
        {
            "allowed": True,
            "verdict": "allow",
            "reason": "dten 7.4.0 was verified: allow",
            "cause": "allowed",
            "sha256": good,
            "advisory": None,
            "waivers": [],
            "evidence": "stored verdict",
        },
    )
    status, body = post(f"{server.http_base}/v1/admit", {"digest": bad})
    assert (status, body["allowed"], body["verdict"]) == (200, False, "deny")
    assert post(f"{server.http_base}/v1/admit", {"nothing": 1})[0] == 400

    def review(uid: str, annotations: dict[str, str] | None, image: str = "") -> Any:
        obj: dict[str, Any] = {"kind": "Deployment", "metadata": {"name": "dten"}, "spec": {"template": {}}}
        if image:
            obj["spec"]["template"]["spec"] = {"containers": [{"name": "dten", "image": image}]}
        if annotations is not None:
            obj["spec"]["template"]["metadata"] = {"annotations": annotations}
        body = {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"uid": uid, "object": obj}}
        status, answer = post(f"{server.http_base}/admission", body)
        assert status == 200 and answer["kind"] == "AdmissionReview"
        assert answer["response"]["uid"] == uid
        return answer["response"]

    response = review("u-allow", {"shipgate.dev/package-sha256": good})
    assert response == {
        "uid": "u-allow",
        "allowed": True,
        "status": {"code": 200, "message": "dten 7.4.0 was verified: allow"},
    }
    response = review("u-deny", {"shipgate.dev/package-sha256": bad})
    assert (response["allowed"], response["status"]["code"]) == (False, 403)
    response = review("u-none", None)
    assert response["allowed"] is False
    assert "no shipgate.dev/package-sha256 annotation" in response["status"]["message"]
    response = review("u-tag", {"shipgate.dev/package-sha256": good}, image="registry.example.net/dten:7.4.0")
    assert (response["allowed"], response["status"]["code"]) == (False, 403)  # a tag names no content
    assert "not referenced by digest" in response["status"]["message"]

    with urllib.request.urlopen(f"{server.http_base}/metrics", timeout=10) as metrics_response:
        metrics = metrics_response.read().decode()
    assert 'shipgate_verdicts_total{verdict="allow"} 1.0' in metrics
    assert 'shipgate_verdicts_total{verdict="deny"} 1.0' in metrics
    assert 'shipgate_findings_total{code="trust.no_signature"} 1.0' in metrics
    assert 'shipgate_admission_requests_total{allowed="true",endpoint="admission_review"} 1.0' in metrics
    events = [e for e in server.log_events() if e.get("event") == "admit" and e.get("endpoint") == "admission_review"]
    assert len(events) == 4 and all(len(e["request_id"]) == 16 for e in events)


def test_health_and_reflection_are_on(server: Server) -> None:
    with insecure(server) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        for service in ("", "shipgate.v1.ShipgateService", "shipgate.v1.AdminService"):
            answer = health.Check(health_pb2.HealthCheckRequest(service=service))
            assert answer.status == health_pb2.HealthCheckResponse.SERVING
        stub = reflection_pb2_grpc.ServerReflectionStub(channel)
        answers = list(stub.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")])))
        names = {s.name for s in answers[0].list_services_response.service}
        assert {"shipgate.v1.ShipgateService", "shipgate.v1.AdminService", "grpc.health.v1.Health"} <= names


def test_admin_rpcs_refuse_callers_without_the_admin_role(server: Server, pinned_home: Path) -> None:
    # Risk: anyone who can reach the port changes trust.
    root_pem = (pinned_home.parent / "vendor-root.pem").read_text()
    calls = [
        ("SyncAdvisories", admin_service_pb2.SyncAdvisoriesRequest(vendor="Example Networks", source="/tmp")),
        ("GetAdvisoryStatus", admin_service_pb2.GetAdvisoryStatusRequest()),
        ("PinRoot", admin_service_pb2.PinRootRequest(vendor="Example Networks", root_pem=root_pem)),
        ("GetTrustHistory", admin_service_pb2.GetTrustHistoryRequest()),
        ("RollbackTrust", admin_service_pb2.RollbackTrustRequest(vendor="Example Networks", version=0)),
    ]
    with insecure(server) as channel:
        stub = admin_service_pb2_grpc.AdminServiceStub(channel)
        for method, request in calls:
            with pytest.raises(grpc.RpcError) as caught:
                getattr(stub, method)(request, timeout=10)
            assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED, method
            roles = "admission, metrics, status, uploader"
            assert caught.value.details() == f"{method} needs the admin role; anonymous has {roles}"
    with open_store(home=pinned_home) as store:
        assert [c.kind for c in store.trust_changes("Example Networks")] == ["pin"]  # nothing changed


def test_sigterm_drains_and_exits_zero(pinned_home: Path) -> None:
    server = Server(pinned_home).start()
    try:
        assert server.stop() == 0
    finally:
        server.__exit__()
    events = [e["event"] for e in server.log_events()]
    assert events[-3:] == ["serving", "shutdown", "stopped"]
