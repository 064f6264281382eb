"""Every door of the service answers from the current state: after a feed that withdraws the version,
revokes the signer, or rotates and retires the root, ``shipgate admit`` (local and ``--server``), gRPC
``Admit``, ``POST /v1/admit`` and ``POST /admission`` all deny at once, naming the advisory — on SQLite
and PostgreSQL — and the same after the package is verified again; and across two replicas sharing
PostgreSQL, one polling the vendor's feed over HTTP, the other answering."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest

from admission.kit import ADVISORY, CHANGE_KINDS, Vendor, advisory, package, shipgate, write_feed, write_trust
from advisories.httpserver import Behaviour, serve
from backends import postgres_schema
from service.kit import Server, wait_for
from shipgate.v1 import shipgate_service_pb2 as pb
from shipgate.v1 import shipgate_service_pb2_grpc as pbg


def post(url: str, body: Any) -> Any:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def review(server: Server, sha256: str) -> Any:
    obj = {
        "kind": "Deployment",
        "metadata": {"name": "dten"},
        "spec": {"template": {"metadata": {"annotations": {"shipgate.dev/package-sha256": sha256}}}},
    }
    body = {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"uid": "u1", "object": obj}}
    return post(f"{server.http_base}/admission", body)["response"]


def doors(server: Server, home: Path, sha256: str) -> dict[str, tuple[bool, str]]:
    """Each door's answer: (allowed, the words it gives)."""
    with grpc.insecure_channel(server.grpc_address) as channel:
        answer = pbg.ShipgateServiceStub(channel).Admit(pb.AdmitRequest(digest=sha256), timeout=30)
    local = shipgate(home, "admit", sha256)
    remote = shipgate(home, "admit", sha256, "--server", server.grpc_address)
    json_admit = post(f"{server.http_base}/v1/admit", {"digest": sha256})
    k8s = review(server, sha256)
    return {
        "grpc": (answer.allowed, f"{answer.reason} [{answer.advisory}]"),
        "admit": (local.returncode == 0, local.stdout),
        "admit --server": (remote.returncode == 0, remote.stdout),
        "/v1/admit": (json_admit["allowed"], f"{json_admit['reason']} [{json_admit['advisory']}]"),
        "/admission": (k8s["allowed"], k8s["status"]["message"]),
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def state_env(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The server's and the CLI's state: the home's SQLite file, or a PostgreSQL schema both share."""
    if request.param == "sqlite":
        yield {}
        return
    with postgres_schema("doors") as url:
        monkeypatch.setenv("SHIPGATE_STATE_URL", url)
        yield {"SHIPGATE_STATE_URL": url}


@pytest.mark.parametrize("kind", CHANGE_KINDS)
def test_every_door_denies_at_once_naming_the_advisory(
    kind: str, state_env: dict[str, str], home: Path, vendor: Vendor, tmp_path: Path
) -> None:
    """Risk: `advisories sync` applied a withdrawal or revocation and every front door still admitted."""
    write_trust(home, vendor)
    archive = package(tmp_path / "dten.zip", vendor.signer)
    with Server(home, env=state_env) as server:
        verified = shipgate(home, "verify", str(archive), "--server", server.grpc_address, "--json")
        sha256 = json.loads(verified.stdout)["archive"]["digests"]["sha256"]
        assert all(allowed for allowed, _ in doors(server, home, sha256).values())

        feed = write_feed(tmp_path / "feed", vendor, version=1, advisories=[advisory(kind, vendor)])
        synced = shipgate(home, "advisories", "sync", "--vendor", "Example Networks", str(feed))
        assert synced.returncode == 0, synced.stderr
        answers = doors(server, home, sha256)
        assert {door: allowed for door, (allowed, _) in answers.items()} == dict.fromkeys(answers, False)
        assert all(ADVISORY[kind] in words for _, words in answers.values()), answers

        again = shipgate(home, "verify", str(archive), "--server", server.grpc_address, "--json")
        assert again.returncode == 1 and json.loads(again.stdout)["verdict"] == "deny"
        answers = doors(server, home, sha256)
        assert not any(allowed for allowed, _ in answers.values())
        assert all(ADVISORY[kind] in words for _, words in answers.values()), answers


def test_two_replicas_one_polls_the_other_answers(home: Path, vendor: Vendor, tmp_path: Path) -> None:
    """Risk: a replica answers from what it cached while another replica applied a revocation."""
    with postgres_schema("replicas") as url, serve() as feeds:
        env = {"SHIPGATE_STATE_URL": url}
        published = tmp_path / "published"
        feeds.routes["exn"] = Behaviour(directory=published)
        write_feed(published, vendor, version=1, advisories=[])
        write_trust(home, vendor, feed=feeds.url("exn"))
        polls = home.parent / "polls.toml"
        polls.write_text('[advisories]\npoll_interval = "1s"\n')
        quiet_home = home.parent / "replica-b"
        write_trust(quiet_home, vendor, feed=feeds.url("exn"))
        quiet = home.parent / "quiet.toml"
        quiet.write_text("[advisories]\npoll = false\n")
        archive = package(tmp_path / "dten.zip", vendor.signer)
        with Server(home, polls, env=env) as polling, Server(quiet_home, quiet, env=env) as answering:
            wait_for(lambda: "v1" in shipgate(home, "advisories", "status", env=env).stdout, 30, "feed v1 polled")
            address = answering.grpc_address
            verified = shipgate(quiet_home, "verify", str(archive), "--server", address, "--json", env=env)
            sha256 = json.loads(verified.stdout)["archive"]["digests"]["sha256"]
            assert post(f"{answering.http_base}/v1/admit", {"digest": sha256})["allowed"] is True

            write_feed(published, vendor, version=2, advisories=[advisory("revoke", vendor)])
            wait_for(
                lambda: post(f"{answering.http_base}/v1/admit", {"digest": sha256})["allowed"] is False,
                30,
                "the answering replica to deny after the polling replica applied the revocation",
            )
            answer = post(f"{answering.http_base}/v1/admit", {"digest": sha256})
            assert (answer["cause"], answer["advisory"]) == ("superseded", ADVISORY["revoke"])
            polled = [e for e in polling.log_events() if e.get("event") == "feed.polling"]
            assert len(polled) == 1 and not [e for e in answering.log_events() if e.get("event") == "feed.polling"]
