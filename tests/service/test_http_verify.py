"""``PUT|POST /v1/verify`` against a real ``shipgate serve``: a pipeline's ``curl -T`` gets the report ``shipgate
verify`` prints (issue 21), through the same upload as gRPC ``Verify`` (slots, limits, deadlines, audit)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from service.kit import Server, wait_for
from shipgate.store import open_store


def shipgate(home: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shipgate", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "SHIPGATE_HOME": str(home)},
        cwd=cwd,
        timeout=120,
    )


def curl(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["curl", "-sS", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def without_time(report: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in report.items() if k != "verified_at"}


def port_of(server: Server) -> int:
    return int(server.info["http"].rpartition(":")[2])


class Raw:
    """One HTTP/1.1 connection written by hand, for what clients do between the head and the body."""

    def __init__(self, server: Server) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port_of(server)), timeout=30)

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def head(self, method: str, path: str, length: int | None, *extra: str) -> None:
        lines = [f"{method} {path} HTTP/1.1", "Host: shipgate", *extra]
        if length is not None:
            lines.append(f"Content-Length: {length}")
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode())

    def read_status(self, timeout: float = 30) -> tuple[int, bytes]:
        """The next status line's code, and everything read with it."""
        self.sock.settimeout(timeout)
        data = b""
        while b"\r\n\r\n" not in data:
            more = self.sock.recv(65536)
            if not more:
                break
            data += more
        return int(data.split(b" ", 2)[1]), data

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def server(pinned_home: Path) -> Iterator[Server]:
    with Server(pinned_home) as running:
        yield running


def test_curl_upload_reports_what_shipgate_verify_prints(
    server: Server, pinned_home: Path, good_zip: Path, unsigned_zip: Path
) -> None:
    # Risk: a pipeline's HTTP answer differs from the CLI's for the same package (a second code path).
    for package, verdict in ((good_zip, "allow"), (unsigned_zip, "deny")):
        local = shipgate(pinned_home, "verify", package.name, "--json", cwd=package.parent)
        # curl -T FILE URL/ appends the file name: PUT /v1/verify/good.zip
        remote = curl("-T", package.name, f"{server.http_base}/v1/verify/", cwd=package.parent)
        assert remote.returncode == 0, remote.stderr
        got = json.loads(remote.stdout)
        assert got["verdict"] == verdict
        assert without_time(got) == without_time(json.loads(local.stdout))
    # Without a name in the URL the report names the upload "upload" (the body has no name).
    bare = json.loads(curl("-T", str(good_zip), f"{server.http_base}/v1/verify").stdout)
    assert (bare["verdict"], bare["archive"]["path"]) == ("allow", "upload")
    with open_store(home=pinned_home) as store:
        actors = [e.actor for e in store.audit_entries() if e.action.startswith("verdict")]
    # The audit says which transport the verdict came over (the CLI's own verifications are cli:operator).
    assert actors.count("http:anonymous") == 3 and set(actors) == {"http:anonymous", "cli:operator"}


def test_post_with_html_accept_and_fail_on(server: Server, good_zip: Path, unsigned_zip: Path) -> None:
    html = curl(
        "-X",
        "POST",
        "--data-binary",
        f"@{good_zip}",
        "-H",
        "Accept: text/html",
        "-D",
        "-",
        f"{server.http_base}/v1/verify?name=good.zip",
    )
    head, _, body = html.stdout.partition("\n\n")  # text mode: curl's CRLFs read as LFs
    assert head.startswith("HTTP/1.1 200")
    assert "content-type: text/html" in head.lower() and "x-shipgate-verdict: allow" in head.lower()
    assert body.startswith("<!DOCTYPE html>") and "<title>shipgate: ALLOW dten 7.4.0 (Example Networks)</title>" in body
    # A pipeline fails on deny with curl --fail (exit 22) when it asks for it.
    failing = curl("--fail", "-T", str(unsigned_zip), f"{server.http_base}/v1/verify?fail_on=deny")
    assert failing.returncode == 22 and "422" in failing.stderr
    assert curl("--fail", "-T", str(good_zip), f"{server.http_base}/v1/verify?fail_on=warn").returncode == 0


def test_expect_continue_comes_after_the_checks(server: Server, good_zip: Path) -> None:
    # Risk: a client that asks before sending 5 GB is told "continue" and then refused, or never told.
    data = good_zip.read_bytes()
    raw = Raw(server)
    raw.head("PUT", "/v1/verify/good.zip", len(data), "Expect: 100-continue")
    status, _ = raw.read_status()
    assert status == 100
    raw.send(data)
    status, answer = raw.read_status()
    assert status == 200 and b"X-Shipgate-Verdict: allow" in answer
    raw.close()
    # Refused before the body: the final answer comes without a 100, and the body is never needed.
    for path, length, want in (
        ("/v1/verify", (8 << 30) + 1, 413),  # over max_archive_bytes
        ("/v1/verify?policy=nope", len(data), 400),  # the header's checks, run by the upload itself
        ("/v1/verify?colour=red", len(data), 400),
    ):
        raw = Raw(server)
        raw.head("PUT", path, length, "Expect: 100-continue")
        status, answer = raw.read_status()
        assert status == want, answer
        raw.close()
    raw = Raw(server)
    raw.head("PUT", "/v1/verify", None, "Transfer-Encoding: chunked", "Expect: 100-continue")
    assert raw.read_status()[0] == 411
    raw.close()


def test_limits_and_deadlines_are_the_uploads(pinned_home: Path, good_zip: Path) -> None:
    # Risk: the HTTP side lets through what gRPC refuses (slots per caller, idle uploads, roles).
    config = pinned_home.parent / "serve.toml"
    config.write_text("[limits]\nuploads_per_caller = 1\nupload_idle_seconds = 2\n")
    data = good_zip.read_bytes()
    with Server(pinned_home, config) as server:
        holder = Raw(server)
        holder.head("PUT", "/v1/verify", len(data))
        holder.send(data[:100])
        wait_for(lambda: in_flight(server) == 1, what="the first upload in flight")
        second = curl("-T", str(good_zip), "-D", "-", f"{server.http_base}/v1/verify")
        assert second.stdout.startswith("HTTP/1.1 429") and "retry-after: 10" in second.stdout.lower()
        assert "uploads of this caller in flight, its limit" in second.stdout
        # The first one sends nothing more: dropped after upload_idle_seconds, as over gRPC.
        status, answer = holder.read_status(timeout=30)
        assert status == 408 and b"no message for 2 seconds" in answer
        holder.close()
    anonymous_without_role = pinned_home.parent / "roles.toml"
    anonymous_without_role.write_text('[roles]\nallow_anonymous = ["admission"]\n')
    with Server(pinned_home, anonymous_without_role) as server:
        refused = curl("-T", str(good_zip), "-D", "-", f"{server.http_base}/v1/verify")
        assert refused.stdout.startswith("HTTP/1.1 403")
        assert "/v1/verify needs the uploader role; anonymous lacks it" in refused.stdout


def in_flight(server: Server) -> float:
    """``shipgate_uploads_in_flight`` from /metrics (uploads holding a slot)."""
    text = curl(f"{server.http_base}/metrics").stdout
    return next(float(line.split()[1]) for line in text.splitlines() if line.startswith("shipgate_uploads_in_flight "))


def leave_mid_upload(server: Server, package: Path, path: str) -> None:
    """Send half of ``package`` to ``path``, wait until it holds a slot, hang up, and wait until the server has
    cancelled the upload and given its slot back."""
    data = package.read_bytes()
    raw = Raw(server)
    raw.head("PUT", path, len(data))
    raw.send(data[: len(data) // 2])
    wait_for(lambda: in_flight(server) == 1, what="the upload in flight")
    raw.close()
    cancelled = lambda: any(e.get("event") == "verify.cancelled" for e in server.log_events())  # noqa: E731
    wait_for(cancelled, what="the upload cancelled")
    wait_for(lambda: in_flight(server) == 0, what="the slot given back")


def test_a_client_that_leaves_mid_upload_stores_nothing(server: Server, pinned_home: Path, good_zip: Path) -> None:
    # Risk: half an upload verified (or recorded) as if it were the package.
    leave_mid_upload(server, good_zip, "/v1/verify")
    with open_store(home=pinned_home) as store:
        assert store.verdicts() == []
    assert list((pinned_home / "spool").glob("*.part")) == []
