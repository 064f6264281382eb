"""Whoever uploads does not decide what a verdict means: admission answers only from verdicts made under the
policy and environment it is configured with. Re-uploading the same bytes with another policy (named or
sent), another environment, another vendor or a wrong ``expect_sha256`` never changes its answer, and
concurrent uploads under two policies give one answer, round after round."""

from __future__ import annotations

import json
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import grpc
import pytest

from admission.kit import Vendor, package, shipgate, write_trust
from service.kit import Server
from shipgate.service.client import ServerError, verify_remote

STRICT = '[codes]\n"preflight.scheduled_job" = "deny"\n'
CRON = {"cron/dten": b"*/5 * * * * root /opt/dten/bin/dten-sync\n"}
ROUNDS = 100


def admitted(server: Server, sha256: str) -> tuple[bool, str]:
    body = json.dumps({"digest": sha256}).encode()
    request = urllib.request.Request(f"{server.http_base}/v1/admit", data=body)
    with urllib.request.urlopen(request, timeout=10) as response:
        answer: dict[str, Any] = json.loads(response.read())
    return answer["allowed"], answer["cause"]


@pytest.fixture
def server(home: Path, vendor: Vendor, tmp_path: Path) -> Any:
    write_trust(home, vendor)
    (home.parent / "strict.toml").write_text(STRICT)
    (home.parent / "lax.toml").write_text("")
    (home.parent / "prod.toml").write_text('[host]\nos = "debian-12"\n')
    config = home.parent / "serve.toml"
    config.write_text(
        '[policies]\ndefault = "strict.toml"\nlax = "lax.toml"\n[environments]\nprod = "prod.toml"\n'
        '[admission]\npolicy = "default"\n'
    )
    with Server(home, config) as running:
        yield running


def test_reuploads_never_change_the_answer(server: Server, home: Path, vendor: Vendor, tmp_path: Path) -> None:
    """Risk: the story package went from DENY to ALLOW uploaded again under a laxer named policy, and a
    correct one from allowed to denied uploaded with a wrong expect_sha256."""
    warned = package(tmp_path / "cron.zip", vendor.signer, extra=CRON)
    good = package(tmp_path / "good.zip", vendor.signer)
    strict = verify_remote(server.grpc_address, warned, file_name="cron.zip")
    assert strict.verdict == "deny"
    sha = strict.archive.digests["sha256"]
    good_sha = verify_remote(server.grpc_address, good, file_name="good.zip").archive.digests["sha256"]
    assert (admitted(server, sha), admitted(server, good_sha)) == ((False, "denied"), (True, "allowed"))

    assert verify_remote(server.grpc_address, warned, file_name="w", policy="lax").verdict == "warn"
    sent = verify_remote(server.grpc_address, warned, file_name="w", policy_toml=b"[severity]\nmedium = \"warn\"\n")
    assert sent.verdict == "warn" and sent.basis is not None
    assert verify_remote(server.grpc_address, warned, file_name="w", policy="lax", environment="prod").verdict == "warn"
    other_vendor = verify_remote(server.grpc_address, good, file_name="g", vendor="Other Corp")
    assert other_vendor.verdict == "deny"
    assert other_vendor.basis is not None and other_vendor.basis["not_recorded"].startswith("not recorded: manifest")
    with pytest.raises(ServerError, match="FAILED_PRECONDITION: the archive's sha256 is"):
        verify_remote(server.grpc_address, good, file_name="g", expect_sha256="0" * 64)

    assert (admitted(server, sha), admitted(server, good_sha)) == ((False, "denied"), (True, "allowed"))
    # The laxer verdicts are stored, under their own policy's digest, and counted only by who asks for it.
    lax = shipgate(home, "admit", sha, "--policy", str(home.parent / "lax.toml"))
    assert lax.returncode == 0, lax.stdout


def test_concurrent_uploads_under_two_policies_give_one_answer(server: Server, vendor: Vendor, tmp_path: Path) -> None:
    """Risk: concurrent uploads of the same bytes under two policies left a coin flip (6/4 over 10 rounds)."""
    warned = package(tmp_path / "cron.zip", vendor.signer, extra=CRON)
    answers = []
    with ThreadPoolExecutor(2) as pool, grpc.insecure_channel(server.grpc_address) as channel:
        for _ in range(ROUNDS):
            uploads = [
                pool.submit(verify_remote, server.grpc_address, warned, file_name="w", policy=name, chan=channel)
                for name in ("default", "lax")
            ]
            verdicts = sorted(str(u.result().verdict) for u in uploads)
            assert verdicts == ["deny", "warn"]
            sha = uploads[0].result().archive.digests["sha256"]
            answers.append(admitted(server, sha))
    assert set(answers) == {(False, "denied")}
