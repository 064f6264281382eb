"""Directory-name constraints on a validated chain (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c)).

``cryptography`` applies name constraints to subjectAltName entries only; a CA constrained to
``O=Example Networks`` could otherwise certify any subject DN — and a vendor's signer identity rule may
match on the subject. This supplements, on the chain cryptography already built and validated, the
directoryName part: every certificate below a constraining CA (self-issued intermediates excepted, as
the RFC says) must have a subject within a permitted subtree and within no excluded one.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.x509.oid import NameOID

from shipgate.trust.errors import InvalidChain
from shipgate.trust.pem import describe


def _norm(rdn: x509.RelativeDistinguishedName) -> frozenset[tuple[str, str]]:
    # RFC 5280 §7.1 / RFC 4518 in brief: case-insensitive, insignificant whitespace collapsed.
    return frozenset((a.oid.dotted_string, " ".join(str(a.value).split()).casefold()) for a in rdn)


def within(name: x509.Name, base: x509.Name) -> bool:
    """``name`` is in the subtree rooted at ``base``: base's RDNs are a prefix of name's."""
    rdns, prefix = list(name.rdns), list(base.rdns)
    return len(prefix) <= len(rdns) and all(_norm(a) == _norm(b) for a, b in zip(prefix, rdns, strict=False))


def _directory_names(subtrees: list[x509.GeneralName] | None) -> list[x509.Name] | None:
    if subtrees is None:
        return None
    return [s.value for s in subtrees if isinstance(s, x509.DirectoryName)]


def email_within(address: str, constraint: str) -> bool:
    """RFC 5280 §4.2.1.10 rfc822Name forms: a mailbox, a host (every mailbox there) or ``.domain``."""
    address, constraint = address.casefold(), constraint.casefold()
    if "@" in constraint:
        return address == constraint
    host = address.rpartition("@")[2]
    return host.endswith(constraint) if constraint.startswith(".") else host == constraint


def _emails(subtrees: list[x509.GeneralName] | None) -> list[str] | None:
    if subtrees is None:
        return None
    return [s.value for s in subtrees if isinstance(s, x509.RFC822Name)]


def _check_subject_emails(cert: x509.Certificate, ca: x509.Certificate, constraints: x509.NameConstraints) -> None:
    # §4.2.1.10: emailAddress attributes of the subject DN are checked against rfc822Name constraints.
    permitted, excluded = _emails(constraints.permitted_subtrees), _emails(constraints.excluded_subtrees) or []
    for attribute in cert.subject.get_attributes_for_oid(NameOID.EMAIL_ADDRESS):
        address = str(attribute.value)
        if (permitted and not any(email_within(address, c) for c in permitted)) or any(
            email_within(address, c) for c in excluded
        ):
            raise InvalidChain(
                f"{describe(cert)} carries e-mail address {address} that {describe(ca)} may not certify",
                evidence={"certificate": describe(cert), "constraining_ca": describe(ca)},
            )


def check_directory_name_constraints(chain: tuple[x509.Certificate, ...]) -> None:
    """Raises InvalidChain when a subject DN violates a directoryName constraint of a CA above it (or its
    emailAddress attributes an rfc822Name one)."""
    for index, ca in enumerate(chain[1:], start=1):
        try:
            constraints = ca.extensions.get_extension_for_class(x509.NameConstraints).value
        except x509.ExtensionNotFound:
            continue
        permitted = _directory_names(constraints.permitted_subtrees)
        excluded = _directory_names(constraints.excluded_subtrees) or []
        for position, cert in enumerate(chain[:index]):
            self_issued = cert.issuer == cert.subject
            if self_issued and position != 0:
                continue
            _check_subject_emails(cert, ca, constraints)
            subject = cert.subject
            if len(subject) == 0:
                continue
            if permitted and not any(within(subject, base) for base in permitted):
                raise InvalidChain(
                    f"{describe(cert)} is outside the directory names {describe(ca)} may certify "
                    f"(permitted: {[b.rfc4514_string() for b in permitted]})",
                    evidence={"certificate": describe(cert), "constraining_ca": describe(ca)},
                )
            hit = next((base for base in excluded if within(subject, base)), None)
            if hit is not None:
                raise InvalidChain(
                    f"{describe(cert)} is in the directory subtree {hit.rfc4514_string()} that {describe(ca)} excludes",
                    evidence={"certificate": describe(cert), "constraining_ca": describe(ca)},
                )
