"""Who is calling: identities from the client certificate (subject CN, SANs), mapped to roles by config.

A caller with a verified client certificate is named by every form of its CN and SANs
(``CN=ops-admin``, ``DNS:repo.example.net``, ``URI:spiffe://...``, ``email:a@b``, ``IP:10.0.0.1``) and
gets each role whose member list holds one of them, or ``"*"``. A caller without one gets the configured
``unauthenticated`` roles, never ``admin``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import NameOID

from shipgate.service.config import ROLES, ServiceConfig

ANONYMOUS = "anonymous"


@dataclass(frozen=True, kw_only=True)
class Caller:
    """An authenticated (or anonymous) caller and its roles."""

    name: str
    """For logs and the audit log's actor: the CN, else the first SAN, else ``anonymous``."""
    names: frozenset[str]
    roles: frozenset[str]
    authenticated: bool

    def has(self, role: str) -> bool:
        return role in self.roles


def names_of(cert: x509.Certificate) -> list[str]:
    """Every name a certificate proves, in the forms a role list uses."""
    names: list[str] = []
    for attr in cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME):
        value = attr.value if isinstance(attr.value, str) else attr.value.decode(errors="replace")
        names.append(f"CN={value}")
    try:
        san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return names
    names += [f"DNS:{v}" for v in san.get_values_for_type(x509.DNSName)]
    names += [f"URI:{v}" for v in san.get_values_for_type(x509.UniformResourceIdentifier)]
    names += [f"email:{v}" for v in san.get_values_for_type(x509.RFC822Name)]
    names += [f"IP:{v}" for v in san.get_values_for_type(x509.IPAddress)]
    return names


def caller_from_names(names: Iterable[str], config: ServiceConfig, *, authenticated: bool) -> Caller:
    proven = frozenset(names)
    if not authenticated:
        return Caller(name=ANONYMOUS, names=frozenset(), roles=config.unauthenticated_roles(), authenticated=False)
    roles = frozenset(role for role in ROLES if any(m == "*" or m in proven for m in config.roles.members(role)))
    ordered = sorted(proven, key=lambda n: (not n.startswith("CN="), n))
    display = ordered[0].removeprefix("CN=") if ordered else "certificate"
    return Caller(name=display, names=proven, roles=roles, authenticated=True)


def caller_from_certificate(cert_bytes: bytes | None, config: ServiceConfig) -> Caller:
    """From a PEM or DER client certificate already verified by the TLS layer (None: no certificate)."""
    if not cert_bytes:
        return caller_from_names((), config, authenticated=False)
    cert = (
        x509.load_pem_x509_certificate(cert_bytes)
        if cert_bytes.lstrip().startswith(b"-----BEGIN")
        else x509.load_der_x509_certificate(cert_bytes)
    )
    return caller_from_names(names_of(cert), config, authenticated=True)
