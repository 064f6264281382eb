"""What a Kubernetes object deploys: the image digests its pod spec references and the vendor package it
names, read from the object itself so an annotation cannot vouch for something the pod does not run.

Pods, and the pod templates of Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs and CronJobs:
``containers``, ``initContainers`` and ``ephemeralContainers`` (``image`` as ``name@sha256:HEX``; a tag
alone names no content, so it is refused unless it matches ``unchecked_images``). The vendor package's
digest is the annotation (``shipgate.dev/package-sha256``) on the object or its pod template, and a
verification summary may come with it (``shipgate.dev/vsa``: the DSSE envelope, JSON or base64 of it).
Every digest found must be admitted; one that is not denies the object.

A review request is judged by what it would start running (:func:`review_request`): a DELETE or CONNECT, a
subresource other than ``ephemeralcontainers`` (status, scale, binding…), an update of an object being deleted, and
an UPDATE that leaves what runs as it was (the pod spec, or the pod template and the package annotation) start
nothing new, and are allowed with the cause ``not_deploying``. Refusing them would not stop what already runs;
it would keep a finalizer from being removed or a label from being set on a pod whose package was withdrawn
since. The pods such a controller starts later are reviewed on their own CREATE.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from typing import TYPE_CHECKING, Any

from shipgate.admission.decision import Decision

if TYPE_CHECKING:
    from shipgate.admission.admit import Admission

# Where each kind keeps its pod template (``spec`` of a Pod is the pod spec itself).
TEMPLATES: Mapping[str, tuple[str, ...]] = {
    "Pod": (),
    "Deployment": ("spec", "template"),
    "ReplicaSet": ("spec", "template"),
    "StatefulSet": ("spec", "template"),
    "DaemonSet": ("spec", "template"),
    "ReplicationController": ("spec", "template"),
    "Job": ("spec", "template"),
    "CronJob": ("spec", "jobTemplate", "spec", "template"),
}
CONTAINER_LISTS = ("containers", "initContainers", "ephemeralContainers")
_DIGEST = re.compile(r"@sha256:([0-9a-fA-F]{64})$")
# Containers looked at per object: a pod spec this large is not one anyone deploys.
MAX_CONTAINERS = 1024


@dataclass(frozen=True, kw_only=True)
class Image:
    container: str
    image: str
    digest: str | None  # the sha256 in ``name@sha256:HEX``


@dataclass(frozen=True, kw_only=True)
class Referenced:
    packages: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    vsa: bytes | None = None


def _at(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        obj = obj.get(key) if isinstance(obj, Mapping) else None
    return obj


def _annotations(item: Any) -> Mapping[str, Any]:
    notes = _at(item, ("metadata", "annotations"))
    return notes if isinstance(notes, Mapping) else {}


def _vsa(text: str) -> bytes:
    stripped = text.strip()
    if stripped.startswith("{"):
        return stripped.encode()
    try:
        return base64.b64decode(stripped, validate=True)
    except (binascii.Error, ValueError):
        return stripped.encode()  # not base64: let the VSA check say why it is not an envelope


def referenced(obj: Any, *, annotation: str, vsa_annotation: str) -> Referenced:
    """The package digests, images and VSA an admitted object names."""
    kind = obj.get("kind") if isinstance(obj, Mapping) else None
    template = _at(obj, TEMPLATES[kind]) if isinstance(kind, str) and kind in TEMPLATES else None
    if template is None and isinstance(obj, Mapping) and isinstance(_at(obj, ("spec", "template")), Mapping):
        template = _at(obj, ("spec", "template"))  # another kind with a pod template: read it too
    holders = [obj] + ([template] if template is not None and template is not obj else [])
    packages, vsa = [], None
    for item in holders:
        notes = _annotations(item)
        value = notes.get(annotation)
        if isinstance(value, str) and value:
            packages.append(value)
        presented = notes.get(vsa_annotation)
        if isinstance(presented, str) and presented and vsa is None:
            vsa = _vsa(presented)
    spec = _at(template if template is not None else obj, ("spec",))
    images: list[Image] = []
    for key in CONTAINER_LISTS:
        containers = spec.get(key) if isinstance(spec, Mapping) else None
        for container in containers if isinstance(containers, list) else []:
            if not isinstance(container, Mapping) or len(images) >= MAX_CONTAINERS:
                continue
            image = str(container.get("image") or "")
            match = _DIGEST.search(image)
            name = str(container.get("name") or "?")
            digest = match.group(1).lower() if match else None
            images.append(Image(container=f"{key}/{name}", image=image, digest=digest))
    return Referenced(packages=tuple(dict.fromkeys(packages)), images=tuple(images), vsa=vsa)


def review(
    admission: Admission, obj: Any, *, annotation: str, vsa_annotation: str, unchecked: tuple[str, ...]
) -> Decision:
    """Admit the object only when every digest it deploys is admitted."""
    refs = referenced(obj, annotation=annotation, vsa_annotation=vsa_annotation)
    digests: dict[str, str] = {}
    for image in refs.images:
        if any(fnmatchcase(image.image, pattern) for pattern in unchecked):
            continue
        if image.digest is None:
            return Decision(
                allowed=False,
                verdict="",
                cause="unpinned_image",
                reason=f"{image.container} runs {image.image or 'no image'}, not referenced by digest "
                "(name@sha256:…): shipgate admits only content it verified",
            )
        digests.setdefault(image.digest, f"{image.container} image {image.image}")
    for package in refs.packages:
        digests.setdefault(package, f"package {annotation}")
    if not digests:
        return Decision(
            allowed=admission.fail_open,
            verdict="",
            cause="no_verdict",
            reason=f"the object has no {annotation} annotation naming its package digest and no image by digest",
        )
    last: Decision | None = None
    for digest, where in digests.items():
        decision = admission.by_digest(digest, vsa=refs.vsa)
        if not decision.allowed:
            return _prefixed(decision, where)
        last = decision
    assert last is not None
    if len(digests) == 1:
        return last
    return _prefixed(last, f"all {len(digests)} digests admitted; last")


def review_request(
    admission: Admission,
    request: Mapping[str, Any],
    *,
    annotation: str,
    vsa_annotation: str,
    unchecked: tuple[str, ...],
) -> Decision:
    """The answer to an ``AdmissionReview`` request: :func:`review` of its object, unless the request starts
    nothing new running (see the module's docstring)."""
    why = _starts_nothing(request, annotation)
    if why is not None:
        return Decision(allowed=True, verdict="", cause="not_deploying", reason=why)
    return review(
        admission, request.get("object"), annotation=annotation, vsa_annotation=vsa_annotation, unchecked=unchecked
    )


def _starts_nothing(request: Mapping[str, Any], annotation: str) -> str | None:
    """Why the request starts nothing new running, or None when it may."""
    operation = request.get("operation")
    if operation in ("DELETE", "CONNECT"):
        return f"a {operation} starts nothing running"
    sub = request.get("subResource")
    if isinstance(sub, str) and sub and sub != "ephemeralcontainers":
        return f"an update of the {sub} subresource changes no image"
    new, old = request.get("object"), request.get("oldObject")
    if operation != "UPDATE" or not isinstance(old, Mapping):
        return None
    if _at(old, ("metadata", "deletionTimestamp")) and _at(new, ("metadata", "deletionTimestamp")):
        return "the object is being deleted"  # a terminating pod starts no container; its controller none
    if _runs(new, annotation) == _runs(old, annotation):
        return "the update leaves what runs unchanged (same pod template and package)"
    return None


def _runs(obj: Any, annotation: str) -> tuple[Any, ...]:
    """What decides what an object runs: its pod spec (a Pod) or its pod template (a controller's pods start
    from it), and the package annotation on the object."""
    kind = obj.get("kind") if isinstance(obj, Mapping) else None
    if kind == "Pod":
        return (_at(obj, ("spec",)), _annotations(obj).get(annotation))
    path = TEMPLATES.get(kind, ("spec", "template")) if isinstance(kind, str) else ("spec", "template")
    return (_at(obj, path), _annotations(obj).get(annotation))


def _prefixed(decision: Decision, where: str) -> Decision:
    return replace(decision, reason=f"{where}: {decision.reason}")
