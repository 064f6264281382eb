"""``Admission``: may this package be deployed? Answered from stored verdicts and the current state.

    admission = Admission(store, home=home, policy_digest=policy.digest, env_digest="")
    decision = admission.by_digest("sha256:…")        # or .by_package("dten", "7.4.0", "Example Networks")

How a digest is answered, in order (never a re-verification; an indexed lookup and in-memory checks):

1. the newest verdict for the digest made under the accepted policy and environment (their digests; any
   with ``any_policy``) — none, and no verification summary presented → denied (``no_verdict``), saying
   when verdicts exist under another policy or environment;
2. deny → denied, naming its findings and advisories;
3. superseded by a later trust change or advisory → denied, naming it;
4. a waiver it rests on expired, or older than ``max_verdict_age`` → denied;
5. re-checked against the vendor's current state (:mod:`shipgate.admission.current`): a stale advisory
   feed (unless allowed), a revoked certificate of its chain, its root removed, retired or rolled back,
   a withdrawal → denied, naming the advisory;
6. otherwise allowed, showing the waivers it rests on.

By package (name, version, vendor) only verdicts whose manifest signature verified count; without a vendor,
several vendors with such a verdict make the question ambiguous (denied). A failing store answers
``fail_open`` (default: denied).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shipgate.admission.current import Problem, VendorViews
from shipgate.admission.decision import Decision, advisory_ids, waiver_text
from shipgate.admission.settings import DEFAULT_MAX_AGE, AdmissionSettings
from shipgate.attest.dsse import PublicKey
from shipgate.errors import MalformedInput, ShipgateError, UntrustedInput
from shipgate.store.errors import StoreError
from shipgate.store.records import VerdictRecord, normalize_digest, utcnow
from shipgate.verdict import Verdict

if TYPE_CHECKING:
    from shipgate.attest.vsa import VsaSummary
    from shipgate.store import Store


class Admission:
    def __init__(
        self,
        store: Store,
        *,
        home: Path | None,
        policy_digest: str | None,
        env_digest: str | None,
        max_age: float = DEFAULT_MAX_AGE,
        stale_feed_allowed: bool = False,
        fail_open: bool = False,
        vsa_key: PublicKey | None = None,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        """``policy_digest``/``env_digest``: the verdicts that count (None: any)."""
        self.store = store
        self.policy_digest = policy_digest
        self.env_digest = env_digest
        self.max_age = timedelta(seconds=max_age)
        self.stale_feed_allowed = stale_feed_allowed
        self.fail_open = fail_open
        self.vsa_key = vsa_key
        self.views = VendorViews(store, home=home)
        self._now = now

    @classmethod
    def configure(
        cls,
        store: Store,
        *,
        home: Path | None,
        settings: AdmissionSettings,
        policies: Mapping[str, Path],
        environments: Mapping[str, Path],
    ) -> Admission:
        """From ``[admission]``: the named policy and environment resolved to their digests."""
        from shipgate.attest.keys import load_public_key
        from shipgate.inventory import load_inventory
        from shipgate.policy import Policy
        from shipgate.verifier._basis import inventory_digest

        policy_digest: str | None = None
        env_digest: str | None = None
        if not settings.any_policy:
            name = settings.policy or ("default" if "default" in policies else "")
            if name and name not in policies:
                raise MalformedInput(f"[admission] policy {name!r} is not one of [policies]: {sorted(policies)}")
            policy_digest = (Policy.load(policies[name]) if name else Policy.default()).digest
            env = settings.environment
            if env and env not in environments:
                known = sorted(environments)
                raise MalformedInput(f"[admission] environment {env!r} is not one of [environments]: {known}")
            env_digest = inventory_digest(load_inventory(environments[env])) if env else ""
        return cls(
            store,
            home=home,
            policy_digest=policy_digest,
            env_digest=env_digest,
            max_age=settings.max_verdict_age,
            stale_feed_allowed=settings.stale_feed_allowed,
            fail_open=settings.fail_open,
            vsa_key=load_public_key(settings.vsa_key) if settings.vsa_key else None,
        )

    # -- questions ---------------------------------------------------------------------------------

    def by_digest(self, digest: str, *, vsa: bytes | None = None) -> Decision:
        try:
            normalize_digest(digest)
        except MalformedInput as exc:
            return Decision(allowed=False, verdict="", reason=exc.diagnostics(), cause="malformed")
        try:
            record, generation = self.store.verdict_and_generation(
                digest, policy_digest=self.policy_digest, env_digest=self.env_digest
            )
            if record is None and vsa is not None:
                return self._from_summary(digest, vsa)
            if record is None:
                return self._none(digest)
            return self.judge(record, generation=generation)
        except StoreError as exc:
            return self._store_failed(exc)

    def by_package(self, name: str, version: str, vendor: str = "") -> Decision:
        """The newest signed verdict for a package name and version (and vendor)."""
        subject = f"{name} {version}"
        try:
            if not vendor:
                vendors = self.store.package_vendors(
                    name=name, version=version, policy_digest=self.policy_digest, env_digest=self.env_digest
                )
                if len(vendors) > 1:
                    return Decision(
                        allowed=False,
                        verdict="",
                        cause="ambiguous",
                        reason=f"{subject} has signed verdicts from several vendors ({', '.join(vendors)}); "
                        "name the vendor",
                    )
            record = self.store.find_verdict(
                name=name,
                version=version,
                vendor=vendor or None,
                policy_digest=self.policy_digest,
                env_digest=self.env_digest,
                signed_only=True,
            )
        except StoreError as exc:
            return self._store_failed(exc)
        if record is None:
            return Decision(
                allowed=False,
                verdict="",
                cause="no_verdict",
                reason=f"no verdict with a verified manifest signature is stored for {subject}"
                f"{f' from {vendor}' if vendor else ''} under the accepted policy; verify it first",
            )
        return self.judge(record)

    # -- judging one verdict -----------------------------------------------------------------------

    def judge(
        self, record: VerdictRecord, *, evidence: str = "stored verdict", generation: int | None = None
    ) -> Decision:
        """Steps 2-6 for one verdict (stored, or read from a verification summary); ``generation``: its
        vendor's, when the caller read it with the verdict."""
        name = f"{record.package_name} {record.package_version}".strip() or record.sha256
        base: dict[str, Any] = {"verdict": record.verdict.value, "sha256": record.sha256, "record": record}
        base["evidence"] = evidence
        if record.verdict is Verdict.DENY:
            codes = sorted({f.code for f in record.findings})
            shown = ", ".join(codes[:5]) + (" …" if len(codes) > 5 else "")
            ids = advisory_ids(record) or self._retiring_advisories(record)
            named = f"; advisory {', '.join(ids)}" if ids else ""
            return Decision(
                allowed=False,
                cause="denied",
                reason=f"{name} was denied ({shown or 'no findings recorded'}){named}",
                advisory=ids[0] if ids else None,
                **base,
            )
        if record.superseded is not None:
            return Decision(
                allowed=False,
                cause="superseded",
                reason=f"the verdict for {name} was superseded: {record.superseded_by}",
                advisory=record.superseded_advisory,
                **base,
            )
        now = self._now()
        if record.is_expired(now):
            assert record.expires is not None
            return Decision(
                allowed=False,
                cause="expired",
                reason=f"a waiver the verdict for {name} rests on expired at {record.expires:%Y-%m-%dT%H:%M:%SZ}"
                "; verify it again",
                **base,
            )
        if now - record.created > self.max_age:
            days = self.max_age.total_seconds() / 86_400
            return Decision(
                allowed=False,
                cause="too_old",
                reason=f"the verdict for {name} was made {record.created:%Y-%m-%dT%H:%M:%SZ}, more than "
                f"{days:g} days ago (max_verdict_age); verify it again",
                **base,
            )
        problem = self._current_problem(record, now, generation)
        if problem is not None:
            return Decision(
                allowed=False,
                cause=problem.cause,
                reason=f"{name}: {problem.reason}",
                advisory=problem.advisory,
                **base,
            )
        waivers = record.evidence.waivers
        return Decision(
            allowed=True,
            cause="allowed",
            reason=f"{name} was verified: {record.verdict.value}{waiver_text(waivers)}",
            waivers=waivers,
            **base,
        )

    def _retiring_advisories(self, record: VerdictRecord) -> list[str]:
        """For a deny on a retired root: the rotation advisory that retired it (the finding names the root)."""
        roots = {str(f.evidence.get("root_sha256")) for f in record.findings if f.evidence.get("root_sha256")}
        if not roots:
            return []
        retired_by = self.views.get(record.vendor).retired_by
        named = (retired_by.get(fp, "") for fp in roots)
        return sorted({by.removeprefix("advisory ") for by in named if by.startswith("advisory ")})

    def _current_problem(self, record: VerdictRecord, now: datetime, generation: int | None) -> Problem | None:
        view = self.views.get(record.vendor, generation=generation)
        stale = None if self.stale_feed_allowed else view.feed_problem(now)
        return stale or view.trust_problem(record, now) or view.withdrawn_problem(record)

    # -- the other answers -------------------------------------------------------------------------

    def _none(self, digest: str) -> Decision:
        other = self.store.get_verdict(digest)
        hint = "verify it first"
        if other is not None:
            hint = (
                f"a verdict exists under policy {other.policy_id or '?'} (digest {other.policy_digest[:12] or 'none'})"
                f" and environment {other.env_digest[:12] or 'none'}, not the accepted "
                f"policy {(self.policy_digest or '')[:12]} and environment {(self.env_digest or '')[:12] or 'none'}"
                "; verify it under the accepted policy and environment"
            )
        return Decision(
            allowed=False, verdict="", cause="no_verdict", reason=f"no verdict is stored for {digest}; {hint}"
        )

    def _from_summary(self, digest: str, envelope: bytes) -> Decision:
        """Step 1 with a verification summary presented: verified with the configured key, its basis
        stands in for a stored verdict (and is re-checked like one)."""
        from shipgate.attest.vsa import check_vsa

        if self.vsa_key is None:
            return Decision(
                allowed=False,
                verdict="",
                cause="no_verdict",
                reason=f"no verdict is stored for {digest}, and a verification summary was presented but no "
                "vsa_key is configured to check it",
            )
        try:
            summary = check_vsa(envelope, key=self.vsa_key, digest=digest)
        except (MalformedInput, UntrustedInput) as exc:
            return Decision(
                allowed=False,
                verdict="",
                cause="no_verdict",
                reason=f"no verdict is stored for {digest}, and the verification summary presented is not "
                f"accepted: {exc.diagnostics()}",
            )
        record = summary_record(summary)
        wanted = (self.policy_digest, self.env_digest)
        if record is None or any(w is not None and w != got for w, got in zip(wanted, _key(record), strict=True)):
            return Decision(
                allowed=False,
                verdict="",
                cause="no_verdict",
                reason=f"the verification summary for {digest} was not made under the accepted policy and "
                "environment (or carries no basis); verify it under them",
            )
        return self.judge(record, evidence="verification summary")

    def _store_failed(self, exc: ShipgateError) -> Decision:
        return Decision(
            allowed=self.fail_open,
            verdict="",
            cause="store_failed",
            reason=f"the verdict store failed ({exc.diagnostics()}); "
            + ("allowed because fail_open is set" if self.fail_open else "denied (fail-closed)"),
        )


def _key(record: VerdictRecord) -> tuple[str, str]:
    return record.policy_digest, record.env_digest


def summary_record(summary: VsaSummary) -> VerdictRecord | None:
    """A verification summary as the verdict it reports (None when it carries no shipgate basis)."""
    basis, package = summary.basis, summary.package or {}
    digests = summary.subject_digests
    if not basis or "sha256" not in digests or summary.verdict not in ("allow", "warn", "deny"):
        return None
    return VerdictRecord.from_basis(
        basis,
        sha256=digests["sha256"].lower(),
        blake3=(digests.get("blake3") or "").lower() or None,
        package_name=str(package.get("name") or ""),
        package_version=str(package.get("version") or ""),
        vendor=str(package.get("vendor") or ""),
        verdict=Verdict(summary.verdict) if summary.passed else Verdict.DENY,
        created=summary.time_verified or datetime.min.replace(tzinfo=utcnow().tzinfo),
    )
