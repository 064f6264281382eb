"""Explanations that need stored context: which advisory (if any) mentions an unknown issuer."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol

from cryptography import x509

from shipgate.trust.errors import MalformedCertificate, UnknownIssuer
from shipgate.trust.pem import describe, fingerprint, load_certificate


class AdvisoryLike(Protocol):
    """``shipgate.store.AdvisoryRecord`` fits."""

    @property
    def vendor(self) -> str: ...
    @property
    def advisory_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def body(self) -> Mapping[str, Any]: ...


def _announced_roots(advisory: AdvisoryLike) -> list[x509.Certificate]:
    out = []
    for item in advisory.body.get("add_roots") or []:
        pem = item.get("pem") if isinstance(item, Mapping) else None
        if isinstance(pem, str):
            try:
                out.append(load_certificate(pem.encode("ascii", "replace"), what="advisory root"))
            except MalformedCertificate:
                continue
    return out


def _key_id(cert: x509.Certificate) -> str:
    try:
        return cert.extensions.get_extension_for_class(x509.SubjectKeyIdentifier).value.digest.hex()
    except x509.ExtensionNotFound:
        return ""


def advisories_mentioning(
    evidence: Mapping[str, Any], advisories: Iterable[AdvisoryLike]
) -> tuple[list[AdvisoryLike], str | None]:
    """Advisories naming the unknown issuer — by fingerprint anywhere in the body, or (when the package
    did not carry the issuer's certificate) by a root it announces with the issuer's name and key id —
    and the issuer's fingerprint as learnt from them."""
    fp = str(evidence.get("issuer_sha256") or "").lower()
    name, key_id = str(evidence.get("issuer") or ""), str(evidence.get("authority_key_id") or "")
    found: list[AdvisoryLike] = []
    learnt: str | None = None
    for advisory in advisories:
        if fp and fp in json.dumps(advisory.body, sort_keys=True).lower():
            found.append(advisory)
            continue
        for root in _announced_roots(advisory):
            if fingerprint(root) == fp or (not fp and describe(root) == name and key_id and _key_id(root) == key_id):
                found.append(advisory)
                learnt = learnt or fingerprint(root)
                break
    return found, learnt


def explain_unknown_issuer(
    failure: UnknownIssuer,
    *,
    vendor: str,
    advisories: Iterable[AdvisoryLike],
    elsewhere: Callable[[str], Sequence[str]] | None = None,
) -> UnknownIssuer:
    """The same failure, its message and remedy saying whether a stored advisory mentions the issuer
    (by fingerprint, or by key identifier when the issuer's certificate is not in the chain)."""
    ev = dict(failure.evidence)
    hits, learnt = advisories_mentioning(ev, advisories)
    message = failure.message
    if learnt and not ev.get("issuer_sha256"):
        ev["issuer_sha256"] = learnt
        message += f" (an advisory announces it with SHA-256 fingerprint {learnt})"
    quoted = json.dumps(vendor) if " " in vendor else vendor
    sync = f"shipgate advisories sync --vendor {quoted} SOURCE"
    if hits:
        ids = ", ".join(f"{a.advisory_id} ({a.kind}, vendor {a.vendor})" for a in hits)
        ev["advisories"] = [a.advisory_id for a in hits]
        message = f"{message}; stored advisory {ids} mentions this issuer but it is not in effect"
        remedy = (
            f"Apply the vendor's signed CA-rotation advisory: {sync} (SOURCE: the vendor's feed directory or URL); "
            "check `shipgate trust history --vendor NAME` for a rollback that undid it."
        )
    else:
        ev["advisories"] = []
        message = f"{message}; no stored advisory mentions this issuer"
        remedy = (
            f"If the vendor announced a CA rotation, fetch its signed advisory feed: {sync}. Otherwise confirm "
            "the root with the vendor out of band and pin it: "
            f"shipgate trust pin --vendor {quoted} ROOT.pem --reason TEXT. "
            "A root shipped inside the package is never trusted because it is there."
        )
    trusting = elsewhere(str(ev["issuer_sha256"])) if elsewhere and ev.get("issuer_sha256") else []
    others = [v for v in trusting if v != vendor]
    if others:
        ev["pinned_for_vendors"] = others
        message += f"; that root is trusted for vendor(s) {', '.join(repr(v) for v in others)} — is the vendor right?"
    ev["remedy_command"] = sync
    return UnknownIssuer(message, remedy=remedy, evidence=ev)
