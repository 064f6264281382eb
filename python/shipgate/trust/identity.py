"""Signer identity rules: which leaf certificates a vendor signs with (subject and SAN patterns).

A rule raises :class:`IdentityMismatch`; an empty rule is not a pass but "no rule", which the caller
decides about (FORMATS §5: a pinned vendor with no identity rule accepts any code-signing leaf).
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography import x509

from shipgate.trust.errors import IdentityMismatch, TrustConfigError
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


@dataclass(frozen=True, kw_only=True)
class IdentityRule:
    """Shell-style patterns (``fnmatch``, case-sensitive): ``subjects`` against the RFC 4514 subject,
    ``sans`` against ``kind:value`` SAN strings. A leaf is allowed when any pattern matches."""

    subjects: tuple[str, ...] = ()
    sans: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str) -> IdentityRule:
        data = dict(data)
        subjects = data.pop("subjects", [])
        sans = data.pop("sans", [])
        for key, value in (("subjects", subjects), ("sans", sans)):
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                raise TrustConfigError(f"{where}.{key} must be a list of non-empty strings")
        for pattern in sans:
            if pattern.split(":", 1)[0] not in _SAN_KINDS or ":" not in pattern:
                raise TrustConfigError(
                    f"{where}.sans pattern {pattern!r} must start with one of {', '.join(k + ':' for k in _SAN_KINDS)}"
                )
        if data:
            raise TrustConfigError(f"{where} has unknown keys {sorted(data)}")
        return cls(subjects=tuple(subjects), sans=tuple(sans))

    def to_dict(self) -> dict[str, list[str]]:
        return {"subjects": list(self.subjects), "sans": list(self.sans)}

    @property
    def empty(self) -> bool:
        return not self.subjects and not self.sans

    def verify(self, cert: x509.Certificate) -> str:
        """Returns the matched identity; raises IdentityMismatch."""
        subject = cert.subject.rfc4514_string()
        for pattern in self.subjects:
            if fnmatch.fnmatchcase(subject, pattern):
                return subject
        sans = leaf_sans(cert)
        for pattern in self.sans:
            for san in sans:
                if fnmatch.fnmatchcase(san, pattern):
                    return san
        raise IdentityMismatch(
            f"signer {describe(cert)} (SANs: {', '.join(sans) or 'none'}) matches no allowed identity "
            f"(subjects: {list(self.subjects)}, sans: {list(self.sans)})",
            evidence={"subject": subject, "sans": sans, "allowed": self.to_dict()},
        )
