"""The client side: ``shipgate verify --server`` and ``shipgate admit --server``.

TLS: ``$SHIPGATE_SERVER_CA`` (the server's CA, PEM) turns TLS on; ``$SHIPGATE_CLIENT_CERT`` and
``$SHIPGATE_CLIENT_KEY`` add a client certificate (mTLS). ``shipgate admit`` also takes ``--ca``,
``--cert``, ``--key``. With ``--server``, ``--env FILE`` and ``--policy FILE`` send the file's content;
``--env-name`` and ``--policy-name`` name an environment and a policy configured on the server.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import grpc

from shipgate.admission import Decision
from shipgate.errors import ShipgateError
from shipgate.findings import Finding
from shipgate.inputs import parse_time
from shipgate.plan.model import Plan
from shipgate.report.model import ArchiveSummary, PackageSummary, Report

CHUNK_BYTES = 1 << 20
MAX_RECEIVE_BYTES = 64 << 20


class ServerError(ShipgateError):
    """The server refused the call or could not be reached; the message carries its status."""


def _read(path: str | None) -> bytes | None:
    if not path:
        return None
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise ServerError(f"cannot read {path}: {exc.strerror}") from None


def channel(server: str, *, ca: str | None = None, cert: str | None = None, key: str | None = None) -> grpc.Channel:
    """A channel to ``HOST:PORT``: TLS when a CA is given (argument or ``$SHIPGATE_SERVER_CA``)."""
    ca = ca or os.environ.get("SHIPGATE_SERVER_CA")
    cert = cert or os.environ.get("SHIPGATE_CLIENT_CERT")
    key = key or os.environ.get("SHIPGATE_CLIENT_KEY")
    options = [("grpc.max_receive_message_length", MAX_RECEIVE_BYTES)]
    if not ca:
        return grpc.insecure_channel(server, options=options)
    credentials = grpc.ssl_channel_credentials(
        root_certificates=_read(ca), private_key=_read(key), certificate_chain=_read(cert)
    )
    return grpc.secure_channel(server, credentials, options=options)


def _failure(server: str, exc: grpc.RpcError) -> ServerError:
    code = exc.code() if hasattr(exc, "code") else None
    details = exc.details() if hasattr(exc, "details") else str(exc)
    name = code.name if code is not None else "ERROR"
    return ServerError(f"server {server}: {name}: {details}")


def report_from_dict(data: Mapping[str, Any]) -> Report:
    """The inverse of ``Report.to_dict()`` (the JSON a server sends back)."""
    package = data.get("package") or {}
    archive = data.get("archive") or {}
    named = bool(package.get("name") or package.get("version"))
    return Report(
        verdict=data["verdict"],
        archive=ArchiveSummary(
            path=str(archive.get("path", "")),
            size=int(archive.get("size", 0)),
            entries=int(archive.get("entries", 0)),
            digests=dict(archive.get("digests") or {}),
        ),
        package=PackageSummary(name=package["name"], version=package["version"], vendor=package["vendor"])
        if named
        else None,
        vendor=str(package.get("vendor") or "") or None,
        findings=tuple(Finding.from_dict(f) for f in data.get("findings") or ()),
        signature=data.get("signature"),
        reasons=tuple(data.get("reasons") or ()),
        applied_waivers=tuple(data.get("applied_waivers") or ()),
        policy=str(data.get("policy", "")),
        verified_at=parse_time(str(data["verified_at"]), what="report verified_at"),
        shipgate_version=str(data.get("shipgate_version", "")),
        plan=Plan.from_dict(data["plan"]) if data.get("plan") else None,
        basis=data.get("basis") if isinstance(data.get("basis"), dict) else None,
    )


def verify_remote(
    server: str,
    path: Path,
    *,
    file_name: str,
    vendor: str | None = None,
    environment: str | None = None,
    policy: str | None = None,
    environment_toml: bytes | None = None,
    policy_toml: bytes | None = None,
    expect_sha256: str | None = None,
    expect_blake3: str | None = None,
    progress: Callable[[int], object] | None = None,
    chan: grpc.Channel | None = None,
) -> Report:
    """Stream ``path`` to ``Verify`` and return the server's report (raises :class:`ServerError`).
    ``environment``/``policy`` name server-side configurations; ``*_toml`` send a file's content."""
    from shipgate.v1 import shipgate_service_pb2 as pb
    from shipgate.v1 import shipgate_service_pb2_grpc as pbg

    size = path.stat().st_size

    def requests() -> Iterator[pb.VerifyRequest]:
        yield pb.VerifyRequest(
            header=pb.VerifyHeader(
                file_name=file_name,
                vendor=vendor or "",
                expect_sha256=expect_sha256 or "",
                expect_blake3=expect_blake3 or "",
                declared_size=size,
                environment=environment or "",
                policy=policy or "",
                environment_toml=environment_toml or b"",
                policy_toml=policy_toml or b"",
            )
        )
        sent = 0
        with path.open("rb") as f:
            while chunk := f.read(CHUNK_BYTES):
                yield pb.VerifyRequest(chunk=chunk)
                sent += len(chunk)
                if progress is not None:
                    progress(sent)  # bytes handed to grpc; the server acknowledges them every 64 MiB

    owned = chan is None
    chan = chan or channel(server)
    try:
        stub = pbg.ShipgateServiceStub(chan)
        report = None
        for event in stub.Verify(requests()):
            if event.WhichOneof("event") == "report":
                report = event.report
    except grpc.RpcError as exc:
        raise _failure(server, exc) from None
    finally:
        if owned:
            chan.close()
    if report is None:
        raise ServerError(f"server {server}: the Verify stream ended without a report")
    return report_from_dict(json.loads(report.json))


def admit_remote(args: argparse.Namespace, *, vsa: bytes | None = None) -> Decision:
    from shipgate.service.convert import decision_of
    from shipgate.v1 import shipgate_service_pb2 as pb
    from shipgate.v1 import shipgate_service_pb2_grpc as pbg

    with channel(args.server, ca=args.ca, cert=args.cert, key=args.key) as chan:
        try:
            answer = pbg.ShipgateServiceStub(chan).Admit(
                pb.AdmitRequest(digest=args.digest, target=args.target, vsa=vsa or b""), timeout=30
            )
        except grpc.RpcError as exc:
            raise _failure(args.server, exc) from None
    return decision_of(answer)
