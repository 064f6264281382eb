"""The service's admission requests, parsed and answered (plain functions; the transports call them):

- ``POST /v1/admit``: ``{"digest": HEX, "vsa": ENVELOPE?}`` or ``{"package": {"name", "version", "vendor"}}``
  → ``{"allowed", "verdict", "reason", "cause", "sha256", "advisory", "waivers", "evidence"}``;
- ``POST /admission``: a Kubernetes ``AdmissionReview`` v1 → its response, every digest the object deploys
  admitted (:func:`shipgate.admission.review_request`);
- gRPC ``Admit``: the same questions as :class:`AdmitQuestion`.

How an answer is reached: :mod:`shipgate.admission` (docs/admission.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from shipgate.admission import Admission, AdmissionSettings, Decision, review_request

__all__ = ["MAX_VSA_BYTES", "AdmitQuestion", "BadRequest", "Decision", "answer", "answer_review", "question_from_json"]

# A verification summary presented with a question is a few KiB; bound what is parsed.
MAX_VSA_BYTES = 1 << 20


class BadRequest(ValueError):
    """The request does not ask a question admission can answer; the message says what to send."""


@dataclass(frozen=True, kw_only=True)
class AdmitQuestion:
    digest: str = ""
    name: str = ""
    version: str = ""
    vendor: str = ""
    vsa: bytes | None = None


def question_from_json(body: Any) -> AdmitQuestion:
    """The question of a ``/v1/admit`` body; :class:`BadRequest` when it asks none."""
    if not isinstance(body, dict):
        raise BadRequest('send {"digest": HEX} or {"package": {"name": ..., "version": ...}}')
    vsa = body.get("vsa")
    presented = None
    if vsa is not None:
        presented = json.dumps(vsa).encode() if isinstance(vsa, dict) else str(vsa).encode()
        if len(presented) > MAX_VSA_BYTES:
            raise BadRequest(f"vsa is larger than {MAX_VSA_BYTES} bytes")
    if isinstance(body.get("digest"), str):
        return AdmitQuestion(digest=body["digest"], vsa=presented)
    package = body.get("package")
    if isinstance(package, dict) and isinstance(package.get("name"), str) and isinstance(package.get("version"), str):
        vendor = package.get("vendor")
        return AdmitQuestion(
            name=package["name"], version=package["version"], vendor=vendor if isinstance(vendor, str) else ""
        )
    raise BadRequest('send {"digest": HEX} or {"package": {"name": ..., "version": ...}}')


def answer(admission: Admission, question: AdmitQuestion) -> Decision:
    if question.digest:
        return admission.by_digest(question.digest, vsa=question.vsa)
    return admission.by_package(question.name, question.version, question.vendor)


def answer_review(admission: Admission, settings: AdmissionSettings, body: Any) -> tuple[dict[str, Any], Decision]:
    """The ``AdmissionReview`` response for a review request; :class:`BadRequest` for anything else."""
    request = body.get("request") if isinstance(body, dict) else None
    if (
        not isinstance(body, dict)
        or body.get("kind") != "AdmissionReview"
        or not isinstance(request, dict)
        or not isinstance(request.get("uid"), str)
    ):
        raise BadRequest("expected an AdmissionReview (admission.k8s.io/v1) with request.uid")
    decision = review_request(
        admission,
        request,
        annotation=settings.annotation,
        vsa_annotation=settings.vsa_annotation,
        unchecked=settings.unchecked_images,
    )
    response = {
        "apiVersion": body.get("apiVersion") or "admission.k8s.io/v1",
        "kind": "AdmissionReview",
        "response": {
            "uid": request["uid"],
            "allowed": decision.allowed,
            "status": {"code": 200 if decision.allowed else 403, "message": decision.reason},
        },
    }
    return response, decision
