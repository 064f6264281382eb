"""The terms a ``Verify`` header asks for, checked and turned into a :class:`~shipgate.verifier.VerifyRequest`.

- the policy: named (``policy``, one of ``[policies]``; none named: ``default`` if configured) or sent
  (``policy_toml``, at most 1 MiB, parsed strictly); the verdict is recorded under that policy's digest,
  and admission counts it only when it is the policy admission accepts;
- the environment: named (``environment``, one of ``[environments]``) or sent (``environment_toml``);
- the vendor: the verifier refuses a vendor that differs from the signed manifest's (``manifest.vendor_differs``,
  high, nothing recorded);
- ``expect_sha256``/``expect_blake3``: compared with the digests computed while the upload streamed in,
  before verification: a mismatch fails the request (``ExpectationFailed`` → FAILED_PRECONDITION), it is
  never the package's verdict.

Every refusal is a ``MalformedInput`` (INVALID_ARGUMENT) or ``ExpectationFailed`` naming the field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from shipgate.errors import MalformedInput, ShipgateError
from shipgate.textsafe import for_log

if TYPE_CHECKING:
    from shipgate.inventory import Inventory
    from shipgate.policy import Policy
    from shipgate.verifier import VerifyRequest


class ExpectationFailed(ShipgateError):
    """The archive is not the one the caller said it sends (``expect_*``): the request fails."""


def check_terms(policies: Mapping[str, Policy], inventories: Mapping[str, Inventory], header: Any) -> None:
    """Before any byte is accepted: the named policy and environment exist among those the server loaded
    at startup, each is named or sent (not both), and what was sent parses (bounded: 1 MiB each). An unknown
    name is quoted back escaped, and the configured names are not listed (a caller learns nothing of them)."""
    from shipgate.inventory import parse_inventory
    from shipgate.policy import parse_policy

    if header.environment and header.environment_toml:
        raise MalformedInput("header: give environment or environment_toml, not both")
    if header.policy and header.policy_toml:
        raise MalformedInput("header: give policy or policy_toml, not both")
    for name, known in (("environment", inventories), ("policy", policies)):
        value = getattr(header, name)
        if value and value not in known:
            raise MalformedInput(f"unknown {name} {for_log(value)!r}")
    if header.policy_toml:
        parse_policy(bytes(header.policy_toml), source="policy sent by the caller")
    if header.environment_toml:
        parse_inventory(bytes(header.environment_toml), source="environment sent by the caller")


def check_expectations(header: Any, digests: Mapping[str, str]) -> None:
    for algorithm in ("sha256", "blake3"):
        expected = getattr(header, f"expect_{algorithm}").lower()
        actual = digests.get(algorithm)
        if expected and actual is not None and expected != actual:
            raise ExpectationFailed(
                f"the archive's {algorithm} is {actual}, not {expected} as expect_{algorithm} says: not the archive "
                "the caller meant to send; nothing was verified or recorded"
            )


def request_for(
    policies: Mapping[str, Policy],
    inventories: Mapping[str, Inventory],
    header: Any,
    *,
    digests: Mapping[str, str],
    actor: str,
) -> VerifyRequest:
    """The verifier's request for this upload (the spool's own fields are added by the caller): the
    policies and inventories are the ones the server loaded at startup, by name."""
    from shipgate.inventory import parse_inventory
    from shipgate.policy import parse_policy
    from shipgate.verifier import VerifyRequest

    check_expectations(header, digests)
    policy = policies.get(header.policy or "default")
    if header.policy_toml:
        policy = parse_policy(bytes(header.policy_toml), source="policy sent by the caller")
    inventory = inventories[header.environment] if header.environment else None
    if header.environment_toml:
        inventory = parse_inventory(bytes(header.environment_toml), source="environment sent by the caller")
    return VerifyRequest(
        vendor=header.vendor or None,
        inventory=inventory,
        policy=policy,
        archive_digests=dict(digests),
        actor=actor,
    )
