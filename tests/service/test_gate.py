"""``PUT /gate/<path>`` in front of a real repository: nginx with WebDAV ``PUT`` on 127.0.0.1 (:mod:`service.webdav`),
a real ``shipgate serve`` and real curl (issue 21). What reaches the repository is what was verified, and only
when the verdict lets it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.kit import VENDOR, Server, Vendor
from service.test_http_verify import leave_mid_upload
from service.webdav import PASSWORD, USER, WebDav, free_port
from shipgate.demo.build import PackageFile, PackageSpec
from shipgate.store import open_store

PASSWORD_ENV = "SHIPGATE_TEST_DOWNSTREAM_PASSWORD"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def gate_config(tmp: Path, dav: WebDav, *, closed_port: int) -> Path:
    secret = tmp / "downstream-password"
    secret.write_text(PASSWORD + "\n")
    secret.chmod(0o600)
    config = tmp / "serve-gate.toml"
    config.write_text(
        f"""
[gate]
quarantine_dir = "{tmp / "quarantine"}"
[gate.routes."vendor-a/"]
url = "{dav.url}vendor-a/"
username = "{USER}"
password_file = "{secret}"
[gate.routes."warned/"]
url = "{dav.url}warned/"
username = "{USER}"
password_env = "{PASSWORD_ENV}"
forward_warn = true
[gate.routes."down/"]
url = "http://127.0.0.1:{closed_port}/down/"
[gate.routes."no-credentials/"]
url = "{dav.url}no-credentials/"
"""
    )
    return config


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[WebDav]:
    with WebDav(tmp_path / "nginx") as running:
        yield running


@pytest.fixture
def gate(pinned_home: Path, tmp_path: Path, dav: WebDav) -> Iterator[Server]:
    config = gate_config(tmp_path, dav, closed_port=free_port())
    with Server(pinned_home, config, env={PASSWORD_ENV: PASSWORD}) as server:
        yield server


def put(server: Server, package: Path, path: str) -> tuple[int, dict[str, str], dict[str, Any]]:
    """curl -T the package to /gate/<path>: (status, headers, JSON body)."""
    done = subprocess.run(
        ["curl", "-sS", "-D", "-", "-T", str(package), f"{server.http_base}/gate/{path}"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # curl asks with Expect: 100-continue before a PUT body; the interim answer comes first. Text mode reads
    # the CRLFs as LFs.
    head, _, body = done.stdout.removeprefix("HTTP/1.1 100 Continue\n\n").partition("\n\n")
    lines = head.splitlines()
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split()[1]), headers, json.loads(body)


def warn_package(tmp: Path, vendor: Vendor) -> Path:
    """Signed, but its script calls an endpoint: preflight.external_endpoint (medium) → WARN."""
    return PackageSpec(
        files={
            "binaries/dtend": PackageFile(data=b"\x7fELF" + b"x" * 4096, mode=0o755),
            "scripts/post-upgrade.sh": PackageFile(
                data=b"#!/bin/sh\ncurl -fsS http://updates.vendor-cloud.com/ping\n", mode=0o755
            ),
        },
        package={"name": "dten", "version": "7.4.1", "vendor": VENDOR, "built": "2026-10-02T09:00:00Z"},
        fields={"reboot": "none"},
    ).build(tmp / "warn.zip", signer=vendor.signer)


def gate_audit(home: Path) -> list[tuple[str, dict[str, Any]]]:
    with open_store(home=home) as store:
        return [(e.subject, dict(e.details)) for e in store.audit_entries(action="gate.stored")]


def test_allow_is_stored_byte_identical_with_the_verdict_as_headers(
    gate: Server, dav: WebDav, pinned_home: Path, good_zip: Path
) -> None:
    # Risk: the repository receives other bytes than the ones verified, or nothing says what was verified.
    status, headers, body = put(gate, good_zip, "vendor-a/dten/7.4.0/dten-7.4.0.zip")
    sha256 = sha256_of(good_zip)
    assert (status, body["verdict"], body["gate"]) == (
        201,
        "allow",
        {"forwarded": True, "path": "vendor-a/dten/7.4.0/dten-7.4.0.zip", "downstream_status": 201},
    )
    assert headers["x-shipgate-verdict"] == "allow" and headers["x-shipgate-sha256"] == sha256
    assert dav.stored() == ["vendor-a/dten/7.4.0/dten-7.4.0.zip"]
    assert sha256_of(dav.store / "vendor-a/dten/7.4.0/dten-7.4.0.zip") == sha256  # on the server's disk
    (line,) = dav.puts()
    blake3 = body["archive"]["digests"]["blake3"]
    assert line.startswith("PUT /vendor-a/dten/7.4.0/dten-7.4.0.zip 201 verdict=allow ")
    assert f"sha256={sha256} blake3={blake3} checksum={sha256} " in line
    assert f"length={good_zip.stat().st_size}" in line
    ((subject, details),) = gate_audit(pinned_home)
    assert subject == sha256 and details["status"] == 201 and details["verdict"] == "allow"
    assert details["url"] == f"{dav.url}vendor-a/dten/7.4.0/dten-7.4.0.zip"


def test_deny_is_not_stored_but_quarantined(
    gate: Server, dav: WebDav, pinned_home: Path, unsigned_zip: Path, tmp_path: Path
) -> None:
    status, _, body = put(gate, unsigned_zip, "vendor-a/dten/7.4.0/unsigned.zip")
    sha256 = sha256_of(unsigned_zip)
    assert (status, body["verdict"]) == (422, "deny")
    assert body["gate"] == {"forwarded": False, "reason": "verdict deny", "quarantined": f"{sha256}.zip"}
    assert "trust.no_signature" in {f["code"] for f in body["findings"]}
    assert dav.stored() == [] and dav.puts() == []
    kept = tmp_path / "quarantine" / f"{sha256}.zip"
    assert sha256_of(kept) == sha256 and (kept.stat().st_mode & 0o777) == 0o600
    assert json.loads((tmp_path / "quarantine" / f"{sha256}.json").read_text())["verdict"] == "deny"
    assert gate_audit(pinned_home) == []


def test_warn_is_forwarded_only_where_the_route_says_so(
    gate: Server, dav: WebDav, vendor: Vendor, tmp_path: Path
) -> None:
    package = warn_package(tmp_path, vendor)
    status, _, body = put(gate, package, "vendor-a/warn.zip")
    assert (status, body["verdict"], body["gate"]["forwarded"]) == (422, "warn", False)
    status, _, body = put(gate, package, "warned/warn.zip")  # forward_warn = true; password from the env
    assert (status, body["verdict"], body["gate"]["forwarded"]) == (201, "warn", True)
    assert dav.stored() == ["warned/warn.zip"]
    assert sha256_of(dav.store / "warned/warn.zip") == sha256_of(package)
    assert dav.puts()[0].startswith("PUT /warned/warn.zip 201 verdict=warn ")


def test_a_downstream_that_is_down_or_refuses_is_502_and_nothing_is_recorded_as_stored(
    gate: Server, dav: WebDav, pinned_home: Path, good_zip: Path
) -> None:
    status, _, body = put(gate, good_zip, "down/good.zip")
    assert (status, body["verdict"], body["gate"]["forwarded"]) == (502, "allow", False)
    assert body["gate"]["error"].startswith("the downstream repository could not be reached (ClientConnectorError")
    status, _, body = put(gate, good_zip, "no-credentials/good.zip")
    assert (status, body["gate"]["forwarded"], body["gate"]["downstream_status"]) == (502, False, 401)
    assert body["gate"]["error"].startswith("the downstream repository answered 401 Unauthorized")
    assert dav.stored() == [] and gate_audit(pinned_home) == []
    events = [e for e in gate.log_events() if e.get("event") == "gate.failed"]
    assert len(events) == 2


def test_a_client_that_leaves_mid_upload_forwards_nothing(gate: Server, dav: WebDav, good_zip: Path) -> None:
    leave_mid_upload(gate, good_zip, "/gate/vendor-a/half.zip")
    assert dav.puts() == [] and dav.stored() == []


def test_credentials_come_from_a_file_or_the_environment_and_are_never_logged(
    gate: Server, dav: WebDav, pinned_home: Path, good_zip: Path, tmp_path: Path
) -> None:
    put(gate, good_zip, "vendor-a/good.zip")
    put(gate, good_zip, "down/good.zip")
    gate.stop()
    assert PASSWORD not in gate.log()
    with open_store(home=pinned_home) as store:
        assert all(PASSWORD not in json.dumps(e.to_dict()) for e in store.audit_entries())
    # A password file other users could read is refused at startup, naming the file and not its content.
    secret = tmp_path / "downstream-password"
    secret.chmod(0o644)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "shipgate",
            "--home",
            str(pinned_home),
            "serve",
            "--config",
            str(tmp_path / "serve-gate.toml"),
            "--listen",
            "127.0.0.1:0",
            "--http-listen",
            "127.0.0.1:0",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, PASSWORD_ENV: PASSWORD},
    )
    assert done.returncode == 2 and not done.stdout
    assert f"secret file {secret} has mode 0644: other users could read it" in done.stderr
    assert PASSWORD not in done.stderr


def test_gate_paths_are_plain_names_under_a_route(gate: Server, good_zip: Path) -> None:
    status, _, body = put(gate, good_zip, "elsewhere/good.zip")
    assert (status, body) == (404, {"error": "no [gate] route takes 'elsewhere/good.zip'"})
    for path in ("vendor-a/a/%2e%2e/b.zip", "vendor-a//b.zip", "vendor-a/a%5Cb.zip"):
        assert put(gate, good_zip, path)[0] == 400, path
