"""TLS and mTLS: identities from client certificates mapped to roles; admin RPCs for admins only; a client
certificate from another CA (or none) is refused by the handshake, on gRPC and on HTTP."""

from __future__ import annotations

import json
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest

from service.kit import Server, TlsFiles, TlsPki, tls_channel
from shipgate.demo.pki import make_root
from shipgate.service.client import verify_remote
from shipgate.v1 import admin_service_pb2, admin_service_pb2_grpc
from shipgate.v1 import shipgate_service_pb2 as pb
from shipgate.v1 import shipgate_service_pb2_grpc as pbg


@pytest.fixture
def pki(tmp_path: Path) -> TlsPki:
    return TlsPki(tmp_path / "pki")


@pytest.fixture
def server(pinned_home: Path, pki: TlsPki) -> Iterator[Server]:
    served = pki.issue("shipgate-server", server=True)
    config = pinned_home.parent / "serve.toml"
    config.write_text(
        f"""
[tls]
cert = "{served.cert}"
key = "{served.key}"
client_ca = "{pki.ca_path}"

[roles]
admin = ["CN=ops-admin"]
uploader = ["DNS:artifactory.clients.test"]
admission = ["*"]
"""
    )
    with Server(pinned_home, config) as running:
        yield running


def admin_stub(server: Server, client: TlsFiles, pki: TlsPki) -> Any:
    return admin_service_pb2_grpc.AdminServiceStub(tls_channel(server, client, pki.ca_path))


def code_of(call: Any) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(grpc.RpcError) as caught:
        call()
    return caught.value.code(), caught.value.details()


def test_roles_from_client_certificates(server: Server, pki: TlsPki, pinned_home: Path, good_zip: Path) -> None:
    assert server.info["tls"] and server.info["mtls"]
    admin, uploader, kube = pki.issue("ops-admin"), pki.issue("artifactory"), pki.issue("kube-admission")
    root_pem = (pinned_home.parent / "vendor-root.pem").read_text()

    # The admin changes trust; the change is audited under its certificate name.
    stub = admin_stub(server, admin, pki)
    history = stub.GetTrustHistory(admin_service_pb2.GetTrustHistoryRequest(vendor="Example Networks"))
    assert [(c.version, c.kind) for c in history.changes] == [(1, "pin")]
    new_root = make_root("Example Networks Root 2027", org="Example Networks").pem.decode()
    pinned = stub.PinRoot(
        admin_service_pb2.PinRootRequest(vendor="Example Networks", root_pem=new_root, reason="new CA over gRPC")
    )
    assert (pinned.change.version, pinned.change.kind, pinned.change.actor) == (2, "pin", "grpc:ops-admin")
    rolled = stub.RollbackTrust(admin_service_pb2.RollbackTrustRequest(vendor="Example Networks", version=1))
    assert (rolled.change.version, rolled.change.kind) == (3, "rollback")
    assert list(stub.GetAdvisoryStatus(admin_service_pb2.GetAdvisoryStatusRequest()).feeds) == []
    missing = admin_service_pb2.SyncAdvisoriesRequest(vendor="Example Networks", source=str(pinned_home / "nofeed"))
    synced = stub.SyncAdvisories(missing)
    assert synced.accepted is False and "rejected" in synced.message

    # The uploader (named by its DNS SAN) verifies but may not administer.
    other = admin_stub(server, uploader, pki)
    code, details = code_of(lambda: other.PinRoot(admin_service_pb2.PinRootRequest(vendor="x", root_pem=root_pem)))
    assert code == grpc.StatusCode.PERMISSION_DENIED
    assert details == "PinRoot needs the admin role; artifactory has admission, uploader"
    with tls_channel(server, uploader, pki.ca_path) as channel:
        report = verify_remote(server.grpc_address, good_zip, file_name="good.zip", chan=channel)
    assert report.verdict == "allow"

    # The admission hook answers but may not upload.
    with tls_channel(server, kube, pki.ca_path) as channel:
        stub2 = pbg.ShipgateServiceStub(channel)
        answer = stub2.Admit(pb.AdmitRequest(digest=report.archive.digests["sha256"]))
        assert answer.allowed
        code, details = code_of(
            lambda: list(stub2.Verify(iter([pb.VerifyRequest(header=pb.VerifyHeader(declared_size=1))])))
        )
        assert (code, details) == (
            grpc.StatusCode.PERMISSION_DENIED,
            "Verify needs the uploader role; kube-admission has admission",
        )


def test_wrong_or_missing_client_certificate_is_refused(server: Server, pki: TlsPki, tmp_path: Path) -> None:
    stranger = TlsPki(tmp_path / "other-pki", name="not the shipgate CA").issue("ops-admin")
    for client in (stranger, None):
        with tls_channel(server, client, pki.ca_path) as channel:
            stub = admin_service_pb2_grpc.AdminServiceStub(channel)
            code, _ = code_of(
                lambda stub=stub: stub.GetTrustHistory(admin_service_pb2.GetTrustHistoryRequest(), timeout=10)
            )
            assert code == grpc.StatusCode.UNAVAILABLE

    def post(client: TlsFiles | None) -> Any:
        context = ssl.create_default_context(cafile=str(pki.ca_path))
        if client is not None:
            context.load_cert_chain(str(client.cert), str(client.key))
        body = json.dumps({"digest": "ab" * 32}).encode()
        request = urllib.request.Request(f"{server.http_base}/v1/admit", data=body)
        with urllib.request.urlopen(request, context=context, timeout=10) as response:
            return response.status, json.loads(response.read())

    status, answer = post(pki.issue("kube-admission"))
    assert status == 200 and answer["allowed"] is False and answer["verdict"] is None
    for client in (stranger, None):
        with pytest.raises((ssl.SSLError, urllib.error.URLError, ConnectionError)):
            post(client)


def test_roles_for_callers_without_a_certificate(pinned_home: Path, pki: TlsPki) -> None:
    # TLS without client certificates; anonymous callers may upload but not ask for admission.
    served = pki.issue("shipgate-server", server=True)
    config = pinned_home.parent / "serve-tls.toml"
    config.write_text(f'[tls]\ncert = "{served.cert}"\nkey = "{served.key}"\n[roles]\nallow_anonymous = ["uploader"]\n')
    with Server(pinned_home, config) as server:
        assert server.info["tls"] and not server.info["mtls"]
        context = ssl.create_default_context(cafile=str(pki.ca_path))
        request = urllib.request.Request(
            f"{server.http_base}/v1/admit", data=json.dumps({"digest": "ab" * 32}).encode()
        )
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(request, context=context, timeout=10)
        assert caught.value.code == 403
        assert json.loads(caught.value.read()) == {"error": "/v1/admit needs the admission role; anonymous lacks it"}
        with urllib.request.urlopen(f"{server.http_base}/healthz", context=context, timeout=10) as response:
            assert (response.status, response.read()) == (200, b"ok\n")
        with tls_channel(server, None, pki.ca_path) as channel:
            stub = pbg.ShipgateServiceStub(channel)
            code, details = code_of(lambda: stub.Admit(pb.AdmitRequest(digest="ab" * 32), timeout=10))
            assert (code, details) == (
                grpc.StatusCode.PERMISSION_DENIED,
                "Admit needs the admission role; anonymous has uploader",
            )
