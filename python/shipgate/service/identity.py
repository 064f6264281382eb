"""Who is calling: identities from the client certificate (subject CN, SANs), mapped to roles by config.

A caller with a verified client certificate is named by every form of its CN and SANs
(``CN=ops-admin``, ``DNS:repo.example.net``, ``URI:spiffe://...``, ``email:a@b``, ``IP:10.0.0.1``) and
gets each role whose member list holds one of them, or ``"*"``. A caller without one gets the configured
``allow_anonymous`` roles (:meth:`ServiceConfig.anonymous_roles`), never ``admin``. The same function maps
callers of the gRPC and the HTTP listener, from the certificate each TLS layer verified.

The audit records who acted as the identity that granted the role used (:meth:`Caller.actor`): the SAN that
is on the uploader list, not the certificate's CN when the CN is on no list.
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
    granted_by: tuple[tuple[str, str], ...] = ()
    """(role, the identity on that role's list that granted it; ``*`` grants as the display name)."""

    def has(self, role: str) -> bool:
        return role in self.roles

    def actor(self, role: str) -> str:
        """The identity that holds ``role``, for the audit log (``DNS:repo.example.net``, ``CN=ops``,
        ``anonymous``)."""
        for granted, identity in self.granted_by:
            if granted == role:
                return identity
        return self.name


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
        return Caller(name=ANONYMOUS, names=frozenset(), roles=config.anonymous_roles(), authenticated=False)
    ordered = sorted(proven, key=lambda n: (not n.startswith("CN="), n))
    display = ordered[0].removeprefix("CN=") if ordered else "certificate"
    granted: list[tuple[str, str]] = []
    for role in ROLES:
        members = config.roles.members(role)
        named = [n for n in ordered if n in members]
        if named:
            granted.append((role, named[0]))
        elif "*" in members:
            granted.append((role, ordered[0] if ordered else "certificate"))
    roles = frozenset(role for role, _ in granted)
    return Caller(name=display, names=proven, roles=roles, authenticated=True, granted_by=tuple(granted))


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
