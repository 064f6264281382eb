"""Revocation fetched at verify time: the OCSP responders and CRL distribution points a validated chain
names, asked over HTTP with deadlines, answers cached with their own validity.

Never on the admission path: admission answers from stored verdicts; this runs when a package (or a
feed, or ``verify-blob``) is verified. Per vendor, ``[revocation] fetch`` says what an unanswered
question means: ``off`` (nothing is fetched), ``soft`` (a LOW note), ``hard`` (a denial). A certificate
found revoked is denied in both modes.

For each certificate below the anchor: OCSP first (:mod:`shipgate.trust.ocsp`); when no responder gives a
good or revoked answer, its CRL distribution points (checked by :func:`shipgate.trust.revocation.check_crls`,
which verifies the CRL against the issuing certificate of the validated chain). A certificate that names
neither is not a question anyone can answer and passes in both modes (docs/trust.md).

Cache: an OCSP response by (issuer, serial), a CRL by URL, in memory and under ``<home>/cache/revocation``
(created 0700; not used when another user could write it). A cached answer is re-verified on every use,
like a stapled one, and used until its ``nextUpdate``; one without ``nextUpdate`` is never cached.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from dataclasses import replace
from pathlib import Path

from cryptography import x509

from shipgate.fetch import Deadline, FetchFailed, HttpLimits, http_request
from shipgate.findings import Finding, Severity
from shipgate.trust.chain import ValidatedChain
from shipgate.trust.config import RevocationPolicy
from shipgate.trust.errors import (
    MalformedCrl,
    OcspUnknown,
    RevocationResponseInvalid,
    RevocationUnavailable,
    TrustFailure,
)
from shipgate.trust.ocsp import (
    MAX_RESPONSE_BYTES,
    OcspAnswer,
    OcspRejected,
    build_request,
    check_response,
    responder_urls,
)
from shipgate.trust.pem import describe, fingerprint, load_crl
from shipgate.trust.revocation import check_crls, revoked_error

# CRLs of real CAs reach a few MiB; a distribution point serving more is not read.
MAX_FETCHED_CRL_BYTES = 16 << 20
# Responders / distribution points tried per certificate (a certificate rarely names more than two).
MAX_URLS = 2
# The whole check of one chain may take this many per-request timeouts, then what is left is unanswered.
DEADLINE_FACTOR = 3


def distribution_urls(cert: x509.Certificate) -> list[str]:
    """HTTP(S) URIs of the certificate's CRL distribution points (LDAP ones are not fetched)."""
    try:
        points = cert.extensions.get_extension_for_class(x509.CRLDistributionPoints).value
    except x509.ExtensionNotFound:
        return []
    return [
        name.value
        for point in points
        for name in point.full_name or []
        if isinstance(name, x509.UniformResourceIdentifier) and name.value.lower().startswith(("http://", "https://"))
    ]


class _Cache:
    """Bytes by key, in memory and (when usable) on disk; validity is the caller's to judge."""

    def __init__(self, directory: Path | None) -> None:
        self.memory: dict[str, bytes] = {}
        self.directory = directory if directory is not None and _private_dir(directory) else None

    def get(self, key: str) -> bytes | None:
        if key in self.memory:
            return self.memory[key]
        if self.directory is None:
            return None
        try:
            return (self.directory / key).read_bytes()
        except OSError:
            return None

    def put(self, key: str, data: bytes) -> None:
        self.memory[key] = data
        if self.directory is None:
            return
        tmp = self.directory / f".{key}.tmp"
        try:
            tmp.write_bytes(data)
            os.replace(tmp, self.directory / key)
        except OSError:
            pass  # a cache that cannot be written is only slower

    def drop(self, key: str) -> None:
        self.memory.pop(key, None)
        if self.directory is not None:
            (self.directory / key).unlink(missing_ok=True)


def _private_dir(directory: Path) -> bool:
    """Create ``directory`` 0700; usable only if it is ours and nobody else can write it (invariant 8)."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


class RevocationFetcher:
    """Asks the chain's OCSP responders and CRL distribution points; see the module docs."""

    def __init__(self, *, cache_dir: Path | None = None, limits: HttpLimits | None = None) -> None:
        self._cache = _Cache(cache_dir)
        self._limits = limits  # tests pin an SSL context; otherwise built from the vendor's timeout

    @classmethod
    def for_home(cls, home: Path | None) -> RevocationFetcher:
        return cls(cache_dir=home / "cache" / "revocation" if home is not None else None)

    def check(
        self, chain: ValidatedChain, *, policy: RevocationPolicy, at: dt.datetime, signed_at: dt.datetime | None = None
    ) -> list[Finding]:
        """Raises a TrustFailure for a revoked certificate (always) or an unanswered one (``hard``); returns
        LOW notes for unanswered ones under ``soft``; nothing under ``off``."""
        if policy.mode == "off":
            return []
        limits = self._limits or HttpLimits(
            connect_timeout=policy.timeout, read_timeout=policy.timeout, total_timeout=policy.timeout, max_redirects=2
        )
        deadline = Deadline(policy.timeout * DEADLINE_FACTOR)
        notes: list[Finding] = []
        for i in range(len(chain.certificates) - 1):
            cert, issuer = chain.certificates[i], chain.certificates[i + 1]
            failure = self._one(cert, issuer, at=at, signed_at=signed_at, limits=limits, deadline=deadline)
            if failure is None:
                continue
            if policy.mode == "hard":
                raise failure
            notes.append(replace(failure.finding(""), severity=Severity.LOW))
        return notes

    def _one(
        self,
        cert: x509.Certificate,
        issuer: x509.Certificate,
        *,
        at: dt.datetime,
        signed_at: dt.datetime | None,
        limits: HttpLimits,
        deadline: Deadline,
    ) -> TrustFailure | None:
        """None when answered (good, or covered by a CRL); the failure to report otherwise. Raises when revoked."""
        answer, problems = self._ask_ocsp(cert, issuer, at=at, limits=limits, deadline=deadline)
        if answer is not None and answer.status == "revoked":
            _raise_if_revoked_in_time(answer, cert, signed_at)
            return None  # revoked after the signature provably existed
        if answer is not None and answer.status == "good":
            return None
        answered, crl_problems = self._ask_crls(
            cert, issuer, at=at, signed_at=signed_at, limits=limits, deadline=deadline
        )
        if answered:
            return None
        return _unanswered(cert, answer, problems + crl_problems)

    def _ask_ocsp(
        self,
        cert: x509.Certificate,
        issuer: x509.Certificate,
        *,
        at: dt.datetime,
        limits: HttpLimits,
        deadline: Deadline,
    ) -> tuple[OcspAnswer | None, list[tuple[str, str]]]:
        """The certificate's responders in turn until one answers good or revoked: the last answer (None when
        none answered) and what went wrong, as (unavailable | invalid, what happened)."""
        problems: list[tuple[str, str]] = []
        answer: OcspAnswer | None = None
        for url in responder_urls(cert)[:MAX_URLS]:
            try:
                answer = self._ocsp(url, cert, issuer, at=at, limits=limits, deadline=deadline)
            except FetchFailed as failed:
                problems.append(("unavailable", f"OCSP {failed.message}"))
                continue
            except OcspRejected as rejected:
                problems.append(("invalid", f"OCSP {url}: {rejected}"))
                continue
            if answer.status != "unknown":
                break
        return answer, problems

    def _ask_crls(
        self,
        cert: x509.Certificate,
        issuer: x509.Certificate,
        *,
        at: dt.datetime,
        signed_at: dt.datetime | None,
        limits: HttpLimits,
        deadline: Deadline,
    ) -> tuple[bool, list[tuple[str, str]]]:
        """The certificate's CRL distribution points in turn until one CRL answers (raises when it lists the
        certificate): whether one did, and what went wrong."""
        problems: list[tuple[str, str]] = []
        for url in distribution_urls(cert)[:MAX_URLS]:
            try:
                crl = self._crl(url, at=at, limits=limits, deadline=deadline)
                check_crls(ValidatedChain((cert, issuer), at), [crl], at=at, require=True, signed_at=signed_at)
            except FetchFailed as failed:
                problems.append(("unavailable", f"CRL {failed.message}"))
                continue
            except MalformedCrl as bad:
                self._cache.drop(_crl_key(url))
                problems.append(("invalid", f"CRL {url}: {bad.message}"))
                continue
            return True, problems
        return False, problems

    def _ocsp(
        self,
        url: str,
        cert: x509.Certificate,
        issuer: x509.Certificate,
        *,
        at: dt.datetime,
        limits: HttpLimits,
        deadline: Deadline,
    ) -> OcspAnswer:
        key = f"ocsp-{fingerprint(issuer)[:32]}-{cert.serial_number:x}.der"
        cached = self._cache.get(key)
        if cached is not None:
            try:
                answer = check_response(cached, cert, issuer, now=at, nonce=None)
            except OcspRejected:
                answer = None
            if answer is not None and answer.next_update is not None and answer.next_update > at:
                return answer  # reused until its nextUpdate, re-verified like a stapled response
            self._cache.drop(key)
        request, nonce = build_request(cert, issuer)
        response = http_request(
            url,
            cap=MAX_RESPONSE_BYTES,
            limits=limits,
            method="POST",
            body=request,
            headers={"Content-Type": "application/ocsp-request", "Accept": "application/ocsp-response"},
            deadline=deadline,
        )
        if response.status != 200:
            raise FetchFailed("unavailable", f"{url} answered HTTP {response.status}", url=url)
        answer = check_response(response.body, cert, issuer, now=at, nonce=nonce)
        if answer.next_update is not None:
            self._cache.put(key, response.body)
        return answer

    def _crl(
        self, url: str, *, at: dt.datetime, limits: HttpLimits, deadline: Deadline
    ) -> x509.CertificateRevocationList:
        key = _crl_key(url)
        cached = self._cache.get(key)
        if cached is not None:
            try:
                crl = load_crl(cached, what=f"cached CRL of {url}")
            except MalformedCrl:
                crl = None
            if crl is not None and crl.next_update_utc is not None and crl.next_update_utc > at:
                return crl
            self._cache.drop(key)
        response = http_request(url, cap=MAX_FETCHED_CRL_BYTES, limits=limits, deadline=deadline)
        if response.status != 200:
            raise FetchFailed("unavailable", f"{url} answered HTTP {response.status}", url=url)
        crl = load_crl(response.body, what=f"the CRL at {url}")
        if crl.next_update_utc is not None:
            self._cache.put(key, response.body)
        return crl


def _crl_key(url: str) -> str:
    return f"crl-{hashlib.sha256(url.encode()).hexdigest()[:32]}.crl"


def _raise_if_revoked_in_time(answer: OcspAnswer, cert: x509.Certificate, signed_at: dt.datetime | None) -> None:
    """Raises for an OCSP "revoked" answer unless the revocation came after the signature provably existed."""
    if signed_at is None or answer.revoked_at is None or answer.revoked_at <= signed_at:
        when = answer.revoked_at.isoformat() if answer.revoked_at else "an unstated time"
        raise revoked_error(
            signed_at,
            f"{describe(cert)} (serial {cert.serial_number:x}) is revoked since {when} according to the OCSP "
            f"responder {answer.responder}" + (f" ({answer.reason})" if answer.reason else ""),
            {
                "certificate": describe(cert),
                "sha256": fingerprint(cert),
                "source": "ocsp",
                "reason": answer.reason,
            },
        )


def _unanswered(
    cert: x509.Certificate, answer: OcspAnswer | None, problems: list[tuple[str, str]]
) -> TrustFailure | None:
    """The failure for a certificate neither OCSP nor a CRL answered for; None when it names no source."""
    evidence = {"certificate": describe(cert), "sha256": fingerprint(cert), "attempts": [p[1] for p in problems]}
    if answer is not None:  # "unknown", and no CRL said otherwise
        return OcspUnknown(
            f"the OCSP responder {answer.responder} does not know {describe(cert)} (serial {cert.serial_number:x})",
            evidence=evidence,
        )
    if not problems:
        return None  # the certificate names no revocation source
    what = "; ".join(p[1] for p in problems)
    if any(kind == "invalid" for kind, _ in problems):
        return RevocationResponseInvalid(f"no usable revocation answer for {describe(cert)}: {what}", evidence=evidence)
    return RevocationUnavailable(f"no revocation answer for {describe(cert)}: {what}", evidence=evidence)
