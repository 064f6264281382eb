"""Admission over HTTP: the Kubernetes ``AdmissionReview`` webhook and the JSON admit endpoint.

- ``POST /admission`` — ``AdmissionReview`` (``admission.k8s.io/v1``): the object names its package digest
  in an annotation (``shipgate.dev/package-sha256`` by default; on the object or its pod template).
- ``POST /v1/admit`` — ``{"digest": HEX}`` or ``{"package": {"name", "version", "vendor"}}`` →
  ``{"allowed", "verdict", "reason", "sha256"}``.

Both need the ``admission`` role. The decisions are :mod:`shipgate.service.admission`'s, made on the lookup
pool (a store lookup blocks); the answers' ``reason`` is escaped and capped (:func:`shipgate.textsafe.printable`)
because it quotes package-supplied names back to Kubernetes and its users.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from shipgate.service import admission
from shipgate.service.http.app import json_body, json_response, request_id, require, state_of
from shipgate.service.http.body import RequestError
from shipgate.service.identity import Caller
from shipgate.service.observe import record_admission
from shipgate.textsafe import printable


def add_routes(app: web.Application) -> None:
    app.router.add_post("/admission", admission_review)
    app.router.add_post("/v1/admit", admit)


def package_digest(obj: Any, annotation: str) -> str | None:
    """The digest an object names: its own annotation, else its pod template's (Deployments, Jobs...)."""
    candidates = [obj]
    if isinstance(obj, dict):
        spec = obj.get("spec")
        if isinstance(spec, dict):
            candidates.append(spec.get("template"))
    for item in candidates:
        meta = item.get("metadata") if isinstance(item, dict) else None
        notes = meta.get("annotations") if isinstance(meta, dict) else None
        value = notes.get(annotation) if isinstance(notes, dict) else None
        if isinstance(value, str) and value:
            return value
    return None


async def _decide(request: web.Request, decide: Callable[[], admission.Decision]) -> admission.Decision:
    loop = request.loop
    return await loop.run_in_executor(state_of(request).lookup_pool, decide)


def _record(request: web.Request, endpoint: str, decision: admission.Decision, caller: Caller, t0: float) -> None:
    record_admission(
        state_of(request),
        endpoint=endpoint,
        decision=decision,
        caller=caller,
        request_id=request_id(request),
        seconds=time.perf_counter() - t0,
    )


async def admit(request: web.Request) -> web.Response:
    started = time.perf_counter()
    caller = require(request, "admission")
    body = await json_body(request)
    state = state_of(request)
    fail_open = state.config.fail_open
    package = body.get("package") if isinstance(body, dict) else None
    if isinstance(body, dict) and isinstance(body.get("digest"), str):
        digest = body["digest"]
        decision = await _decide(request, lambda: admission.by_digest(state.store, digest, fail_open=fail_open))
    elif isinstance(package, dict) and isinstance(package.get("name"), str) and isinstance(package.get("version"), str):
        name, version = package["name"], package["version"]
        vendor = package["vendor"] if isinstance(package.get("vendor"), str) else ""
        decision = await _decide(
            request, lambda: admission.by_package(state.store, name, version, vendor, fail_open=fail_open)
        )
    else:
        raise RequestError(400, 'send {"digest": HEX} or {"package": {"name": ..., "version": ...}}')
    _record(request, "json", decision, caller, started)
    answer = {
        "allowed": decision.allowed,
        "verdict": decision.verdict or None,
        "reason": printable(decision.reason),
        "sha256": decision.sha256 or None,
    }
    return json_response(200, answer, request)


async def admission_review(request: web.Request) -> web.Response:
    started = time.perf_counter()
    caller = require(request, "admission")
    body = await json_body(request)
    state = state_of(request)
    review = body.get("request") if isinstance(body, dict) else None
    if (
        not isinstance(body, dict)
        or body.get("kind") != "AdmissionReview"
        or not isinstance(review, dict)
        or not isinstance(review.get("uid"), str)
    ):
        raise RequestError(400, "expected an AdmissionReview (admission.k8s.io/v1) with request.uid")
    digest = package_digest(review.get("object"), state.config.annotation)
    fail_open = state.config.fail_open
    if digest is None:
        decision = admission.Decision(
            allowed=fail_open,
            verdict="",
            reason=f"the object has no {state.config.annotation} annotation naming its package digest",
        )
    else:
        decision = await _decide(request, lambda: admission.by_digest(state.store, digest, fail_open=fail_open))
    _record(request, "admission_review", decision, caller, started)
    api_version = body.get("apiVersion")
    answer = {
        "apiVersion": api_version if isinstance(api_version, str) else "admission.k8s.io/v1",
        "kind": "AdmissionReview",
        "response": {
            "uid": review["uid"],
            "allowed": decision.allowed,
            "status": {"code": 200 if decision.allowed else 403, "message": printable(decision.reason)},
        },
    }
    return json_response(200, answer, request)
