"""The service's trust boundary (issue 15), against a real ``shipgate serve``: a spool another user prepared
is refused (1), a caller's idle uploads block only that caller (4), authentication fails closed and the
audit names the identity that granted a role (5), and what clients and packages say is escaped, capped and
kept apart from server paths (6). Problem 2 is tests/service/test_codegen.py, 3 tests/service/test_http_guard.py.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest

from service.kit import (
    VENDOR,
    Server,
    TlsPki,
    as_other_user,
    insecure,
    mtls_config,
    need_root,
    tls_channel,
    wait_for,
)
from service.test_faults import Upload
from shipgate.demo.build import PackageFile, PackageSpec
from shipgate.service.client import verify_remote
from shipgate.store import open_store
from shipgate.v1 import shipgate_service_pb2 as pb
from shipgate.v1 import shipgate_service_pb2_grpc as pbg


def serve_fails(home: Path, config: Path | None, *args: str) -> str:
    """Run ``shipgate serve`` that must refuse to start; returns its stderr."""
    command = [sys.executable, "-m", "shipgate", "--home", str(home), "serve"]
    if config is not None:
        command += ["--config", str(config)]
    done = subprocess.run(command + list(args), capture_output=True, text=True, timeout=60)
    assert done.returncode != 0 and not done.stdout, done.stdout
    return done.stderr


# -- 1. the spool ---------------------------------------------------------------------------------------


@pytest.fixture
def shared_tmp(request: pytest.FixtureRequest) -> Path:
    """A directory like /tmp or /dev/shm: anyone may create entries there."""
    path = Path(tempfile.mkdtemp(prefix="shipgate-shared-"))
    path.chmod(0o1777)
    request.addfinalizer(lambda: shutil.rmtree(path, ignore_errors=True))
    return path


def test_a_spool_directory_another_user_created_first_is_refused(pinned_home: Path, shared_tmp: Path) -> None:
    # Risk (issue 15.1): a local user who creates the spool directory first swaps the package under verification.
    need_root()
    spool = shared_tmp / "spool"
    as_other_user(["mkdir", "-m", "0777", str(spool)])
    config = pinned_home.parent / "serve.toml"
    config.write_text(f'[limits]\nspool_dir = "{spool}"\n')
    stderr = serve_fails(pinned_home, config, "--listen", "127.0.0.1:0", "--http-listen", "")
    assert f"spool directory {spool} is owned by uid 65534, not by this server's user (uid 0); refused" in stderr
    assert list(spool.iterdir()) == []  # not even the lock file was written there


def test_a_symlinked_or_open_spool_directory_is_refused(pinned_home: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    group_open = tmp_path / "group-open"
    group_open.mkdir()
    group_open.chmod(0o770)
    for spool, message in (
        (link, "is not a directory (a symlink or a file); refused"),
        (group_open, "has mode 0770: other users could reach uploads there (needs 0700)"),
    ):
        config = pinned_home.parent / "serve.toml"
        config.write_text(f'[limits]\nspool_dir = "{spool}"\n')
        assert message in serve_fails(pinned_home, config, "--listen", "127.0.0.1:0", "--http-listen", "")


def test_the_spool_file_is_read_through_the_held_directory(pinned_home: Path, tmp_path: Path, good_zip: Path) -> None:
    # Risk (issue 15.1): verification re-opened the archive by name; moving the spool directory away and putting
    # another in its place mid-upload redirected it. The server holds its directory: the swap changes nothing.
    spool = tmp_path / "spool"
    config = pinned_home.parent / "serve.toml"
    config.write_text(f'[limits]\nspool_dir = "{spool}"\n')
    with Server(pinned_home, config) as server:
        data = good_zip.read_bytes()
        upload = Upload(server, pb.VerifyHeader(file_name="good.zip", declared_size=len(data)), [data[:500]])
        upload.rest = [data[500:]]
        assert next(upload.call).progress.stage == pb.VERIFY_STAGE_RECEIVING
        assert upload.sent.wait(10)
        spool.rename(tmp_path / "moved")
        spool.mkdir(mode=0o700)
        for part in (tmp_path / "moved").glob("*.part"):
            (spool / part.name).write_bytes(b"PK\x05\x06" + bytes(18))  # a decoy where the name used to lead
        upload.release.set()
        events = upload.events()
        upload.close()
    report = json.loads(events[-1].report.json)
    assert report["verdict"] == "allow" and report["archive"]["path"] == "good.zip"


# -- 4. upload slots and quota ---------------------------------------------------------------------------


@pytest.fixture
def mtls(pinned_home: Path, tmp_path: Path) -> Iterator[tuple[Server, TlsPki]]:
    pki = TlsPki(tmp_path / "pki")
    config = pinned_home.parent / "serve-mtls.toml"
    roles = """
admin = ["CN=ops-admin"]
uploader = ["DNS:artifactory.clients.test", "DNS:mallory.clients.test"]
admission = ["CN=kube-admission"]
metrics = ["CN=prometheus"]
"""
    config.write_text(mtls_config(pki, roles, extra="[limits]\nupload_idle_seconds = 20"))
    with Server(pinned_home, config) as server:
        yield server, pki


def test_idle_uploads_of_one_caller_do_not_block_another(mtls: tuple[Server, TlsPki], good_zip: Path) -> None:
    # Risk (issue 15.4): 8 idle upload streams, or 2 declaring 8 GiB each, blocked every upload for an hour.
    server, pki = mtls
    mallory = tls_channel(server, pki.issue("mallory"), pki.ca_path)
    stub = pbg.ShipgateServiceStub(mallory)
    hold = threading.Event()

    def header_then_nothing(size: int) -> Iterator[pb.VerifyRequest]:
        yield pb.VerifyRequest(header=pb.VerifyHeader(declared_size=size))
        hold.wait(30)

    calls = [stub.Verify(header_then_nothing(size)) for size in [8 << 30] * 2 + [1 << 20] * 8]
    wait_for(lambda: sum(call.done() for call in calls) == 8, what="mallory's uploads past its two to be refused")
    assert {call.code() for call in calls if call.done()} == {grpc.StatusCode.RESOURCE_EXHAUSTED}
    with tls_channel(server, pki.issue("artifactory"), pki.ca_path) as channel:
        report = verify_remote(server.grpc_address, good_zip, file_name="good.zip", chan=channel)
    assert report.verdict == "allow"
    hold.set()
    for call in calls:
        call.cancel()
    mallory.close()


# -- 5. authentication ------------------------------------------------------------------------------------


def test_plaintext_beyond_loopback_needs_allow_anonymous(pinned_home: Path) -> None:
    # Risk (issue 15.5): without TLS every caller on the network got the uploader and admission roles.
    stderr = serve_fails(pinned_home, None, "--listen", "0.0.0.0:0", "--http-listen", "")
    assert "0.0.0.0:0 is not a loopback address and no client CA is configured" in stderr
    assert 'allow_anonymous = ["admission"]' in stderr


def test_metrics_need_a_role_and_the_audit_names_the_granting_identity(
    mtls: tuple[Server, TlsPki], pinned_home: Path, good_zip: Path
) -> None:
    # Risk (issue 15.5): /metrics answered anyone; the audit named the CN when the role came from a SAN.
    import ssl

    server, pki = mtls
    for cn, status in (("kube-admission", 403), ("prometheus", 200)):
        client = pki.issue(cn)
        context = ssl.create_default_context(cafile=str(pki.ca_path))
        context.load_cert_chain(str(client.cert), str(client.key))
        try:
            with urllib.request.urlopen(f"{server.http_base}/metrics", context=context, timeout=10) as response:
                got = response.status
        except urllib.error.HTTPError as exc:
            got = exc.code
        assert got == status, cn
    with tls_channel(server, pki.issue("artifactory"), pki.ca_path) as channel:
        verify_remote(server.grpc_address, good_zip, file_name="good.zip", chan=channel)
    with open_store(home=pinned_home) as store:
        actors = {entry.actor for entry in store.audit_entries(action="verdict.record")}
    assert actors == {"grpc:DNS:artifactory.clients.test"}


# -- 6. output hygiene ------------------------------------------------------------------------------------


HOSTILE_NAME = "dten\x1b[2J\nALLOW  forged 1.0\u2028"


def test_package_and_client_strings_are_escaped_and_capped(pinned_home: Path, vendor: Any, tmp_path: Path) -> None:
    # Risk (issue 15.6): ANSI escapes and newlines in a package name reached terminals and the admission message;
    # U+2028 split JSON log lines; a 3 MiB Admit.target made a 3 MiB log line; the report named the server's
    # policy file; the audit named the spool file instead of the client's.
    policy = tmp_path / "policy.toml"
    policy.write_text("[severity]\nhigh = 'deny'\n")
    config = pinned_home.parent / "serve.toml"
    config.write_text(f'[policies]\ndefault = "{policy}"\n')
    package = PackageSpec(
        files={"README.txt": PackageFile(data=b"hello\n")},
        package={"name": HOSTILE_NAME, "version": "1.0", "vendor": VENDOR, "built": "2026-10-02T09:00:00Z"},
        fields={"reboot": "none"},
    ).build(tmp_path / "hostile.zip", signer=vendor.signer)
    with Server(pinned_home, config) as server:
        report = verify_remote(server.grpc_address, package, file_name="pkg\u2028\x1b[31m.zip")
        digest = report.archive.digests["sha256"]
        with insecure(server) as channel:
            answer = pbg.ShipgateServiceStub(channel).Admit(
                pb.AdmitRequest(digest=digest, target="t\u2028" + "x" * 900_000), timeout=30
            )
        body = json.dumps({"digest": digest}).encode()
        with urllib.request.urlopen(urllib.request.Request(f"{server.http_base}/v1/admit", data=body), timeout=10) as r:
            http_answer = json.loads(r.read())
        log = server.log()
    assert "\x1b" not in answer.reason and "\\x1b[2J\\x0aALLOW" in answer.reason
    assert "\x1b" not in http_answer["reason"] and "\n" not in http_answer["reason"]
    assert str(policy) not in report.policy and report.policy.startswith("policy default (sha256:")
    assert report.archive.path == "pkg\\u2028\\x1b[31m.zip"
    lines = log.splitlines()
    assert all(len(line) < 8192 for line in lines)
    assert [json.loads(line)["message"] for line in lines if '"admit"' in line and '"grpc"' in line] == ["admission"]
    with open_store(home=pinned_home) as store:
        (recorded,) = store.audit_entries(action="verdict.record")
    assert recorded.details["reason"] == "shipgate verify pkg\\u2028\\x1b[31m.zip"
    assert recorded.details["policy_id"] == report.policy
    text = subprocess.run(
        [sys.executable, "-m", "shipgate", "verify", str(package)],
        capture_output=True,
        text=True,
        env={"SHIPGATE_HOME": str(pinned_home), "PATH": "/usr/bin:/bin"},
        check=False,
    ).stdout
    assert "\x1b" not in text and "dten\\x1b[2J\\x0aALLOW  forged 1.0\\u2028" in text
