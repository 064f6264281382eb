"""The manifest against the archive: every listed file present with the declared size, digests and mode,
nothing unlisted, and the whole archive against the digest the caller expected.

``check_files(manifest, report, profile)`` returns ``manifest.`` findings (the manifest's promise about
the archive is broken); ``check_expected_digests`` returns ``package.digest_mismatch`` findings.
"""

from __future__ import annotations

import hmac
from collections.abc import Mapping

from shipgate.archive import ArchiveReport, Entry
from shipgate.findings import Finding, Severity
from shipgate.package.manifest import FileEntry, Manifest
from shipgate.package.profile import PackageProfile

_REMEDY = (
    "Do not install: the archive is not the one the vendor signed. Download the package again from the "
    "vendor and compare its digest with the one the vendor publishes."
)


def _finding(code: str, severity: Severity, path: str, message: str, **evidence: object) -> Finding:
    return Finding(
        code=code,
        severity=severity,
        path=path,
        message=message,
        remedy=_REMEDY,
        evidence={"file": path, **evidence},
    )


def _matches(item: FileEntry, entry: Entry) -> bool:
    """The entry is exactly what the manifest says (the common case, decided without building findings)."""
    if not entry.verified or entry.uncompressed_size != item.size:
        return False
    if item.mode is not None and (entry.mode is None or entry.mode & 0o7777 != item.mode):
        return False
    computed = [a for a in item.digests if a in entry.digests]
    return bool(computed) and all(hmac.compare_digest(entry.digests[a], item.digests[a]) for a in computed)


def check_files(manifest: Manifest, report: ArchiveReport, profile: PackageProfile) -> list[Finding]:
    """Every listed file against its archive entry, then every entry the manifest does not list."""
    findings: list[Finding] = []
    entries = {e.name: e for e in report.entries if not e.is_dir}
    for item in manifest.files:
        entry = entries.get(item.path)
        if entry is not None and _matches(item, entry):
            continue
        # Only for a finding: locating the line scans the manifest, which would be quadratic over files[].
        line = manifest.line_of(item.path)
        where = {"manifest_line": line} if line else {}
        if entry is None:
            findings.append(
                _finding(
                    "manifest.file_missing",
                    Severity.CRITICAL,
                    item.path,
                    f"{item.path}: listed in {profile.manifest} but not in the archive",
                    **where,
                )
            )
            continue
        findings += _size_findings(item, entry, where)
        findings += _digest_findings(item, entry, where)
        findings += _mode_findings(item, entry, where)
    findings += _unlisted_findings(manifest, entries, profile)
    return findings


def _size_findings(item: FileEntry, entry: Entry, where: Mapping[str, int]) -> list[Finding]:
    """The entry's inflated size against the manifest's ``size``."""
    if entry.uncompressed_size == item.size:
        return []
    return [
        _finding(
            "manifest.size_mismatch",
            Severity.CRITICAL,
            item.path,
            f"{item.path}: {entry.uncompressed_size} bytes in the archive, {item.size} in the manifest",
            declared=item.size,
            actual=entry.uncompressed_size,
            **where,
        )
    ]


def _digest_findings(item: FileEntry, entry: Entry, where: Mapping[str, int]) -> list[Finding]:
    """Each declared digest the archive computed against the computed one; unverified when none could be."""
    if not entry.verified:
        return [
            _finding(
                "manifest.entry_unverified",
                Severity.HIGH,
                item.path,
                f"{item.path}: the entry could not be inflated and checked, so its digest is unknown",
                **where,
            )
        ]
    findings: list[Finding] = []
    for algorithm, declared in item.digests.items():
        actual = entry.digests.get(algorithm)
        if actual is None:
            continue  # not computed: the verifier asks for every algorithm the manifest uses
        if not hmac.compare_digest(actual, declared):
            findings.append(
                _finding(
                    "manifest.digest_mismatch",
                    Severity.CRITICAL,
                    item.path,
                    f"{item.path}: {algorithm} of the content is {actual}, the manifest says {declared}",
                    algorithm=algorithm,
                    declared=declared,
                    actual=actual,
                    **where,
                )
            )
    if not any(a in entry.digests for a in item.digests):
        findings.append(
            _finding(
                "manifest.entry_unverified",
                Severity.HIGH,
                item.path,
                f"{item.path}: none of the manifest's digests ({', '.join(item.digests)}) was computed",
                **where,
            )
        )
    return findings


def _mode_findings(item: FileEntry, entry: Entry, where: Mapping[str, int]) -> list[Finding]:
    """The entry's permission bits against the manifest's ``mode``, when the manifest declares one."""
    if item.mode is None:
        return []
    actual_mode = None if entry.mode is None else entry.mode & 0o7777
    if actual_mode == item.mode:
        return []
    shown = "not recorded" if actual_mode is None else f"{actual_mode:04o}"
    return [
        _finding(
            "manifest.mode_mismatch",
            Severity.HIGH,
            item.path,
            f"{item.path}: mode {shown} in the archive, {item.mode:04o} in the manifest",
            declared=f"{item.mode:04o}",
            actual=None if actual_mode is None else f"{actual_mode:04o}",
            **where,
        )
    ]


def _unlisted_findings(manifest: Manifest, entries: Mapping[str, Entry], profile: PackageProfile) -> list[Finding]:
    """Archive entries neither listed in the manifest nor allowed unlisted by the profile."""
    listed = {f.path for f in manifest.files}
    allowed = profile.unlisted_allowed
    return [
        _finding(
            "manifest.unlisted_entry",
            Severity.HIGH,
            name,
            f"{name}: in the archive ({entry.uncompressed_size} bytes) but not listed in {profile.manifest}",
            size=entry.uncompressed_size,
        )
        for name, entry in entries.items()
        if name not in listed and name not in allowed
    ]


def check_expected_digests(actual: Mapping[str, str], expected: Mapping[str, str | None]) -> list[Finding]:
    """The whole archive against the caller's ``--expect-sha256`` / ``expected_blake3``."""
    findings: list[Finding] = []
    for algorithm, wanted in expected.items():
        if not wanted:
            continue
        have = actual.get(algorithm)
        if have is None or not hmac.compare_digest(have, wanted.strip().lower()):
            findings.append(
                Finding(
                    code="package.digest_mismatch",
                    severity=Severity.CRITICAL,
                    path="",
                    message=f"the archive's {algorithm} is {have}, the caller expected {wanted.strip().lower()}",
                    remedy="The archive is not the one you meant to verify: download it again from the vendor "
                    "and compare the digest with the one the vendor publishes.",
                    evidence={"algorithm": algorithm, "expected": wanted.strip().lower(), "actual": have},
                )
            )
    return findings
