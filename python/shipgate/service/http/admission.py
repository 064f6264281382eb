"""Admission over HTTP: the Kubernetes ``AdmissionReview`` webhook and the JSON admit endpoint.

- ``POST /admission`` — ``AdmissionReview`` (``admission.k8s.io/v1``): every image digest the pod spec (or
  the pod template of a Deployment, StatefulSet, DaemonSet, Job, CronJob...) references, and the package
  digest its annotation names (``shipgate.dev/package-sha256`` by default), must be admitted.
- ``POST /v1/admit`` — ``{"digest": HEX, "vsa": ENVELOPE?}`` or ``{"package": {"name", "version", "vendor"}}``
  → ``{"allowed", "verdict", "reason", "cause", "sha256", "advisory", "waivers", "evidence"}``.

Both need the ``admission`` role. The decisions are :mod:`shipgate.admission`'s (asked through
:mod:`shipgate.service.admission`), looked up by ``ServiceState.lookup``; the answers' ``reason`` is escaped
and capped (:func:`shipgate.textsafe.printable`) because it quotes package-supplied names back to Kubernetes
and its users.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from aiohttp import web

from shipgate.admission import Decision
from shipgate.service import admission
from shipgate.service.http.app import json_body, json_response, request_id, require, state_of
from shipgate.service.http.body import RequestError
from shipgate.service.identity import Caller
from shipgate.service.observe import record_admission
from shipgate.textsafe import printable


def add_routes(app: web.Application) -> None:
    app.router.add_post("/admission", admission_review)
    app.router.add_post("/v1/admit", admit)


async def _decide(request: web.Request, decide: Callable[[], Decision]) -> Decision:
    return await state_of(request).lookup(decide)


def _record(request: web.Request, endpoint: str, decision: Decision, caller: Caller, t0: float) -> None:
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
    try:
        question = admission.question_from_json(body)
    except admission.BadRequest as exc:
        raise RequestError(400, str(exc)) from None
    decision = await _decide(request, lambda: admission.answer(state.admission, question))
    _record(request, "json", decision, caller, started)
    answer = decision.to_dict()
    answer["reason"] = printable(decision.reason)
    return json_response(200, answer, request)


async def admission_review(request: web.Request) -> web.Response:
    started = time.perf_counter()
    caller = require(request, "admission")
    body = await json_body(request)
    state = state_of(request)
    settings = state.config.admission

    def decide() -> tuple[dict[str, Any], Decision]:
        return admission.answer_review(state.admission, settings, body)

    try:
        answer, decision = await request.loop.run_in_executor(state.lookup_pool, decide)
    except admission.BadRequest as exc:
        raise RequestError(400, str(exc)) from None
    _record(request, "admission_review", decision, caller, started)
    answer["response"]["status"]["message"] = printable(decision.reason)
    return json_response(200, answer, request)
