"""The demo, step by step: a vendor that rotated its code-signing CA, the story's package signed under the
new CA, verification before the vendor's advisory feed is known (DENY: unknown issuer), the signed feed
synced (the rotation is applied to the trust store), and verification again (the signature is trusted
now; every preflight risk of the story is listed with file and line)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shipgate.demo.build import manifest_bytes, manifest_for, write_package
from shipgate.demo.pki import make_root, make_signer
from shipgate.demo.story import (
    INVENTORY,
    PACKAGE_NAME,
    STORY_RISKS,
    VENDOR,
    story_files,
    story_manifest_fields,
    write_feed,
)
from shipgate.home import default_state_url
from shipgate.report.model import Report
from shipgate.report.text import render_text
from shipgate.store import open_store
from shipgate.trust.config import TrustConfig, trust_dir
from shipgate.verifier import VerifyRequest, verify_package

TRUST_FILE = "demo-example-networks.toml"


@dataclass(frozen=True, kw_only=True)
class DemoResult:
    package: Path
    before: Report
    sync: str
    after: Report
    problems: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def _time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def missing_risks(report: Report) -> list[str]:
    """The story risks (code, file, line) that the report does not carry (file: the finding's path or its
    evidence file)."""
    found: set[tuple[str, str, object]] = set()
    for f in report.findings:
        for file in {f.path, str(f.evidence.get("file", ""))}:
            found.add((f.code, file, f.evidence.get("line")))
            found.add((f.code, file, None))
    return [
        f"{code} at {file}{f':{line}' if line else ''}"
        for code, file, line in STORY_RISKS
        if (code, file, line) not in found
    ]


def run_demo(workdir: Path, *, home: Path, say: Callable[[str], Any] = print, colour: bool = False) -> DemoResult:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    # 1. The vendor: the CA every customer pinned, the CA it rotated to last quarter, and its signers.
    old_root = make_root("Example Networks Code Signing CA 2023", org=VENDOR, now=now - dt.timedelta(days=900))
    new_root = make_root("Example Networks Code Signing CA 2026", org=VENDOR, now=now - dt.timedelta(days=100))
    feed_signer = make_signer("Example Networks Advisory Feed", old_root, org=VENDOR)
    release = make_signer("Example Networks Release Signing 2026", new_root, org=VENDOR)
    trust = trust_dir(home)
    trust.mkdir(parents=True, exist_ok=True)
    (trust / "demo-exn-2023.pem").write_bytes(old_root.pem)
    (trust / TRUST_FILE).write_text(
        f'name = "{VENDOR}"\nroots = ["demo-exn-2023.pem"]\n\n'
        '[feed_signer]\nsubjects = ["CN=Example Networks Advisory Feed*"]\n'
    )
    say(f"vendor {VENDOR!r}: pinned root {old_root.cert.subject.rfc4514_string()} (sha256 {old_root.sha256[:16]}…)")
    say(f"  rotated last quarter to {new_root.cert.subject.rfc4514_string()} (sha256 {new_root.sha256[:16]}…)")

    # 2. The package, signed under the new CA; the target environment; the vendor's signed feed.
    built = now - dt.timedelta(days=1)
    files = story_files(built)
    manifest = manifest_for(
        files,
        package={"name": "dten", "version": "7.4.0", "vendor": VENDOR, "built": _time(built)},
        **story_manifest_fields(),
    )
    package = write_package(workdir / PACKAGE_NAME, files, manifest=manifest_bytes(manifest), signer=release)
    env = workdir / "env.toml"
    env.write_text(INVENTORY)
    request = VerifyRequest(env=env, actor="demo")
    say(f"package {package} ({package.stat().st_size} bytes, signed by {release.cert.subject.rfc4514_string()})")
    say(f"environment {env}\n")

    # The home's own SQLite file, never $SHIPGATE_STATE_URL: the demo does not write into shared state.
    with open_store(default_state_url(home)) as store:
        current = store.feed_state(VENDOR)
        feed = write_feed(
            workdir / "feed",
            signer=feed_signer,
            chain=(),
            new_root=new_root,
            old_root=old_root,
            now=now,
            version=(current.feed_version + 1) if current else 12,
        )
        # 3. Before the feed: nobody told shipgate about the new CA.
        say("== shipgate verify (before the vendor's advisory feed is synced)")
        before = verify_package(package, request=request, store=store, home=home)
        say(render_text(before, colour=colour))

        # 4. The signed feed: the CA rotation becomes a new, audited trust version.
        from shipgate.advisories.sync import sync_feed

        say(f"== shipgate advisories sync --vendor {VENDOR!r} {feed.directory}")
        result = sync_feed(store, TrustConfig.load(trust).get(VENDOR), str(feed.directory))
        sync = result.describe()
        say(sync + "\n")

        # 5. Again: the signature is trusted now; what remains is what the upgrade would break.
        say("== shipgate verify (after the sync)")
        after = verify_package(package, request=request, store=store, home=home)
        say(render_text(after, colour=colour))

    problems: list[str] = []
    if before.verdict != "deny" or "trust.unknown_issuer" not in before.codes():
        problems.append(f"before the feed: expected DENY with trust.unknown_issuer, got {before.verdict}")
    if not result.ok:
        problems.append(f"the feed was not accepted: {sync}")
    if after.signature is None or "trust.unknown_issuer" in after.codes():
        problems.append("after the feed: the signature is still not trusted")
    problems.extend(f"not found: {m}" for m in missing_risks(after))
    return DemoResult(package=package, before=before, sync=sync, after=after, problems=tuple(problems))
