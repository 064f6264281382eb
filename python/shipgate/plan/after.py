"""*After* (cleanup and decisions): feature flags introduced or changed, with their intended end state;
calls the scripts make to outside hosts (registrations, check-ins) and how to undo them; credentials the
package carries or creates; scheduled jobs it installs, and who owns them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from shipgate.plan.diff import Declared, Diff, documented, is_product_flag, product_namespaces
from shipgate.plan.index import PackageIndex
from shipgate.plan.inputs import PlanInputs
from shipgate.plan.model import Step

# What a script sends data with: a registration, a check-in, a webhook (preflight's ``Endpoint.method``).
_SENDING = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def product_flags(index: PackageIndex, extra_keys: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(flag, binary) for every flag of the product's own namespace in the package's binaries."""
    namespaces = product_namespaces(index, extra_keys)
    return sorted(
        (flag, binary)
        for binary, flags in index.flags.items()
        for flag in flags
        if is_product_flag(flag, namespaces, index.name)
    )


def notices_naming(flag: str, advisories: tuple[Mapping[str, Any], ...]) -> list[Mapping[str, Any]]:
    return [a for a in advisories if flag in str(a.get("text", ""))]


def _flags(inputs: PlanInputs, diff: Diff | None) -> Iterator[Step]:
    declared = Declared.from_advisories(inputs.advisories)
    current = inputs.inventory.config if inputs.inventory else {}
    if diff is not None:
        candidates = [(c.subject, c.where) for c in diff.of_kind("flag_added")
                      if c.code or c.evidence.get("product_flag")]
        origin = f"new since {diff.old.version}"
    else:
        candidates = product_flags(inputs.index, current)
        origin = "in the new binaries"
    for flag, binary in candidates:
        if flag in current:
            continue  # the target already decides it
        notices = notices_naming(flag, inputs.advisories)
        named = documented(flag, inputs.index, declared)
        if notices:
            said = "; ".join(f"{a.get('id', '?')}: {a.get('text', '')}" for a in notices)
            why = f"{origin} ({binary}); the vendor says: {said}"
        elif named:
            why = f"{origin} ({binary}); named in {named}"
        else:
            why = f"{origin} ({binary}); no file, manifest or advisory names it: its default is unknown"
        yield Step(kind="flag", text=f"Decide {flag}: its value for the upgrade and its end state (keep the "
                   "override, or remove it once the new behaviour is accepted)", why=why, where=binary,
                   code=None if notices or named else "plan.undocumented_flag")


def _calls(inputs: PlanInputs) -> Iterator[Step]:
    for e in inputs.index.endpoints:
        if not e.detail.get("contacted") or e.detail.get("method") not in _SENDING:
            continue
        yield Step(kind="registration", text=f"Find out what the {e.detail['method']} to {e.what} registered or sent, "
                   "and undo it "
                   "(deregister, delete the check-in) if the upgrade is rolled back or the data should not be there",
                   why=str(e.detail.get("text", "")), where=e.where, code="preflight.external_endpoint")


def _credentials(inputs: PlanInputs) -> Iterator[Step]:
    for f in inputs.of("preflight.hardcoded_credential"):
        where = f"{f.evidence.get('file', f.path)}:{f.evidence.get('line')}"
        kind = f.evidence.get("kind", "a secret")
        yield Step(kind="credential", text=f"Rotate the credential the package carries ({kind}) and remove it from "
                   "the installed scripts", why=f.message, where=where, code=f.code)
    for c in inputs.index.commands:
        if c.kind == "account":
            yield Step(kind="credential", text=f"Record the account created ({c.what}): its owner and when it goes",
                       where=c.where)


def _jobs(inputs: PlanInputs) -> Iterator[Step]:
    for job in inputs.index.jobs:
        user = job.detail.get("user")
        owner = user if user else "the unit's User= (root when unset)" if job.kind == "systemd-timer" else (
            "the user whose crontab it joins")
        yield Step(kind="job", text=f"Give the scheduled job an owner in operations and a removal plan: {job.what}",
                   why=f"installed by the package ({job.kind}); runs as {owner}", where=job.where,
                   code="preflight.scheduled_job")


def _other(inputs: PlanInputs) -> Iterator[Step]:
    for c in inputs.index.commands:
        if c.kind in ("firewall", "temporary"):
            yield Step(kind=c.kind, text=f"Undo or confirm: {c.what}", where=c.where)


def after_steps(inputs: PlanInputs, diff: Diff | None) -> tuple[Step, ...]:
    return (*_flags(inputs, diff), *_calls(inputs), *_credentials(inputs), *_jobs(inputs), *_other(inputs))
