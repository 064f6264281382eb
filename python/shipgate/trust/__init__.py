"""Trust: who may sign a vendor's packages, and whether a signature proves it.

Public API (the rest is detail):

- :class:`TrustStore` — config files + stored trust state; ``verify_detached``, ``pin``, ``rollback``…
- :func:`verify_detached` / :func:`detached_findings` — a detached signature + PEM chain for a vendor.
- :func:`verify_feed_signature` — an advisory feed's signature (docs/formats.md §2, ``[feed_signer]`` rule).
- :func:`apply_rotation` / :func:`apply_revocations` — advisories, inside the caller's transaction.
- :func:`effective_trust` — a vendor's roots and revocations at any version.
- :func:`validate_chain` — path validation (``cryptography.x509.verification``) with explanations.
- :mod:`shipgate.trust.errors` — one class (and finding code) per reason a signature is not trusted.
"""

from __future__ import annotations

from shipgate.trust.chain import CODE_SIGNING_POLICY, ChainPolicy, ValidatedChain, validate_chain
from shipgate.trust.config import TrustConfig, VendorConfig, trust_dir
from shipgate.trust.errors import TrustFailure
from shipgate.trust.ledger import (
    apply_revocations,
    apply_rotation,
    effective_trust,
    pin_root,
    retire_root,
    rollback,
    unpin_root,
)
from shipgate.trust.state import RootState, TrustedRoot, VendorTrust
from shipgate.trust.trust_store import TrustStore
from shipgate.trust.verifier import (
    SignatureResult,
    detached_findings,
    verify_chain_for_vendor,
    verify_detached,
    verify_feed_signature,
)

__all__ = [
    "CODE_SIGNING_POLICY",
    "ChainPolicy",
    "RootState",
    "SignatureResult",
    "TrustConfig",
    "TrustFailure",
    "TrustStore",
    "TrustedRoot",
    "ValidatedChain",
    "VendorConfig",
    "VendorTrust",
    "apply_revocations",
    "apply_rotation",
    "detached_findings",
    "effective_trust",
    "pin_root",
    "retire_root",
    "rollback",
    "trust_dir",
    "unpin_root",
    "validate_chain",
    "verify_chain_for_vendor",
    "verify_detached",
    "verify_feed_signature",
]
