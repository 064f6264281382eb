r"""Signer identity rules: which leaf certificates a vendor signs with (subject and SAN patterns).

A rule raises :class:`IdentityMismatch`; an empty rule is not a pass but "no rule", which the caller
decides about (docs/formats.md §5: a pinned vendor with no identity rule accepts any code-signing leaf).

Two pattern languages: shell-style ``subjects``/``sans`` (``fnmatch``), and anchored RE2 regular expressions
``subject_regexps``/``san_regexps`` (:mod:`shipgate.trust.patterns`). A SAN regexp names its kind as a
literal prefix, ``uri:https://ci\.example\.net/.+/release@refs/tags/v.*``, and the expression after the
colon must match the whole SAN value.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from shipgate.trust.errors import IdentityMismatch, TrustConfigError
from shipgate.trust.patterns import Pattern, compile_pattern
from shipgate.trust.pem import describe

_SAN_KINDS = ("email", "dns", "uri")


def leaf_sans(cert: x509.Certificate) -> list[str]:
    """``email:…``, ``dns:…``, ``uri:…`` strings of the leaf's subject alternative names."""
    try:
        ext = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    return (
        [f"email:{v}" for v in ext.get_values_for_type(x509.RFC822Name)]
        + [f"dns:{v}" for v in ext.get_values_for_type(x509.DNSName)]
        + [f"uri:{v}" for v in ext.get_values_for_type(x509.UniformResourceIdentifier)]
    )


@dataclass(frozen=True)
class ScopedPattern:
    """An RE2 identity pattern, optionally scoped to one kind: ``email:``, ``dns:``, ``uri:`` (a SAN) or
    ``subject:`` (the RFC 4514 subject). Unscoped, it is tried against every SAN value."""

    kind: str | None
    pattern: Pattern

    @classmethod
    def parse(cls, text: str, *, where: str, kinds: tuple[str, ...] = (*_SAN_KINDS, "subject")) -> ScopedPattern:
        kind, sep, rest = text.partition(":")
        if sep and kind in kinds:
            return cls(kind, compile_pattern(rest, where=where))
        return cls(None, compile_pattern(text, where=where))

    def __str__(self) -> str:
        return f"{self.kind}:{self.pattern}" if self.kind else str(self.pattern)

    def match(self, cert: x509.Certificate) -> str | None:
        """The first ``kind:value`` identity of ``cert`` this pattern matches, or None."""
        candidates = [f"subject:{cert.subject.rfc4514_string()}", *leaf_sans(cert)]
        for candidate in candidates:
            kind, _, value = candidate.partition(":")
            if (kind == self.kind or (self.kind is None and kind != "subject")) and self.pattern.matches(value):
                return candidate
        return None


def _strings(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.pop(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise TrustConfigError(f"{where}.{key} must be a list of non-empty strings")
    return value


@dataclass(frozen=True, kw_only=True)
class IdentityRule:
    """Shell-style patterns (``fnmatch``, case-sensitive): ``subjects`` against the RFC 4514 subject,
    ``sans`` against ``kind:value`` SAN strings; RE2 patterns: ``subject_regexps`` against the subject,
    ``san_regexps`` (``kind:REGEX``) against that kind's SAN values. A leaf is allowed when any matches."""

    subjects: tuple[str, ...] = ()
    sans: tuple[str, ...] = ()
    subject_regexps: tuple[Pattern, ...] = ()
    san_regexps: tuple[ScopedPattern, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str) -> IdentityRule:
        data = dict(data)
        subjects, sans = _strings(data, "subjects", where), _strings(data, "sans", where)
        for pattern in sans:
            if pattern.split(":", 1)[0] not in _SAN_KINDS or ":" not in pattern:
                raise TrustConfigError(
                    f"{where}.sans pattern {pattern!r} must start with one of {', '.join(k + ':' for k in _SAN_KINDS)}"
                )
        subject_res = [
            compile_pattern(p, where=f"{where}.subject_regexps[{i}]")
            for i, p in enumerate(_strings(data, "subject_regexps", where))
        ]
        san_res = []
        for i, text in enumerate(_strings(data, "san_regexps", where)):
            scoped = ScopedPattern.parse(text, where=f"{where}.san_regexps[{i}]", kinds=_SAN_KINDS)
            if scoped.kind is None:
                raise TrustConfigError(
                    f"{where}.san_regexps pattern {text!r} must start with one of "
                    f"{', '.join(k + ':' for k in _SAN_KINDS)} (the kind is literal, the rest a regexp)"
                )
            san_res.append(scoped)
        if data:
            raise TrustConfigError(f"{where} has unknown keys {sorted(data)}")
        return cls(
            subjects=tuple(subjects), sans=tuple(sans), subject_regexps=tuple(subject_res), san_regexps=tuple(san_res)
        )

    def to_dict(self) -> dict[str, list[str]]:
        out = {"subjects": list(self.subjects), "sans": list(self.sans)}
        if self.subject_regexps or self.san_regexps:
            out["subject_regexps"] = [str(p) for p in self.subject_regexps]
            out["san_regexps"] = [str(p) for p in self.san_regexps]
        return out

    @property
    def empty(self) -> bool:
        return not (self.subjects or self.sans or self.subject_regexps or self.san_regexps)

    def describe(self) -> str:
        return ", ".join(f"{k} {v}" for k, v in self.to_dict().items() if v) or "any code-signing leaf"

    def verify(self, cert: x509.Certificate) -> str:
        """Returns the matched identity; raises IdentityMismatch."""
        subject = cert.subject.rfc4514_string()
        if any(fnmatch.fnmatchcase(subject, p) for p in self.subjects) or any(
            p.matches(subject) for p in self.subject_regexps
        ):
            return subject
        sans = leaf_sans(cert)
        for pattern in self.sans:
            for san in sans:
                if fnmatch.fnmatchcase(san, pattern):
                    return san
        for scoped in self.san_regexps:
            found = scoped.match(cert)
            if found is not None:
                return found
        raise IdentityMismatch(
            f"signer {describe(cert)} (SANs: {', '.join(sans) or 'none'}) matches no allowed identity "
            f"({self.describe()})",
            evidence={"subject": subject, "sans": sans, "allowed": self.to_dict()},
        )
