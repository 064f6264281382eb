"""Two ``shipgate serve`` replicas sharing one PostgreSQL state give the same answers and one audit chain."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest

from service.kit import Server, Vendor, build_package, insecure, pin
from shipgate.service.client import verify_remote
from shipgate.store import open_store
from shipgate.v1 import shipgate_service_pb2 as pb
from shipgate.v1 import shipgate_service_pb2_grpc as pbg

POSTGRES_ENV = "SHIPGATE_TEST_POSTGRES_URL"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail(f"${POSTGRES_ENV} is not set under CI: run .ci/postgres.sh before pytest")
        pytest.skip(f"${POSTGRES_ENV} not set (run .ci/postgres.sh for a throwaway server)")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f'CREATE SCHEMA "{schema}"')
    option = quote(f"-csearch_path={schema}", safe="")
    try:
        yield f"{base}{'&' if '?' in base else '?'}options={option}"
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f'DROP SCHEMA "{schema}" CASCADE')


def test_two_replicas_share_verdicts_and_one_audit_chain(postgres_url: str, tmp_path: Path, vendor: Vendor) -> None:
    env = {"SHIPGATE_STATE_URL": postgres_url}
    homes = [tmp_path / "a" / "home", tmp_path / "b" / "home"]
    for home in homes:
        home.mkdir(parents=True)
    pin(homes[0], vendor, env)  # trust lives in the shared store: one pin serves both replicas
    packages = [build_package(tmp_path / f"dten-{i}.zip", vendor, version=f"7.4.{i}") for i in range(4)]
    packages.append(build_package(tmp_path / "unsigned.zip", None, version="7.5.0"))
    config = tmp_path / "serve.toml"
    config.write_text("[limits]\nuploads_per_caller = 4\n")  # up to 3 anonymous uploads meet on one replica
    with Server(homes[0], config, env=env) as a, Server(homes[1], config, env=env) as b:
        replicas = [a, b]
        with ThreadPoolExecutor(4) as pool:
            reports = list(
                pool.map(
                    lambda i: verify_remote(replicas[i % 2].grpc_address, packages[i], file_name=packages[i].name),
                    range(len(packages)),
                )
            )
        assert [r.verdict for r in reports] == ["allow"] * 4 + ["deny"]
        digests = [r.archive.digests["sha256"] for r in reports]
        for replica in replicas:
            with insecure(replica) as channel:
                stub = pbg.ShipgateServiceStub(channel)
                answers = [stub.Admit(pb.AdmitRequest(digest=d)) for d in digests]
                assert [x.allowed for x in answers] == [True] * 4 + [False]
                assert [x.sha256 for x in answers] == digests
                found = [stub.GetVerdict(pb.GetVerdictRequest(digest=d)).verdict for d in digests]
                assert [v.package.version for v in found] == ["7.4.0", "7.4.1", "7.4.2", "7.4.3", "7.5.0"]
    with open_store(postgres_url) as store:
        check = store.verify_audit()
        assert check.ok, check.describe()
        entries = store.audit_entries()
        assert check.head_seq == len(entries) == check.checked
        recorded = [e.subject for e in entries if e.action == "verdict.record"]
        assert sorted(recorded) == sorted(digests)
        assert len(store.verdicts()) == 5
