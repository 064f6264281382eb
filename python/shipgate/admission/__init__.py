"""Admission: may this package be deployed? Answered from stored verdicts re-checked against the current
trust state and advisories (never a re-verification), for ``shipgate admit``, ``/admission``, ``/v1/admit``
and gRPC ``Admit`` alike.

    admission = Admission.configure(store, home=home, settings=AdmissionSettings(), policies={}, environments={})
    admission.by_digest("sha256:…").allowed

How it decides: :mod:`shipgate.admission.admit`; the state it re-checks: :mod:`shipgate.admission.current`;
what a Kubernetes object deploys: :mod:`shipgate.admission.kubernetes`. docs/admission.md is the guide.
"""

from __future__ import annotations

from shipgate.admission.admit import Admission
from shipgate.admission.decision import CAUSES, Decision
from shipgate.admission.kubernetes import referenced, review, review_request
from shipgate.admission.settings import AdmissionSettings, parse_duration

__all__ = [
    "CAUSES",
    "Admission",
    "AdmissionSettings",
    "Decision",
    "parse_duration",
    "referenced",
    "review",
    "review_request",
]
