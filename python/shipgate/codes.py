"""The registry of finding codes: what each means and its default severity.

``docs/findings.md`` is the published catalogue; a test checks that every code registered here appears
there with the same severity and meaning. ``shipgate policy explain CODE`` reads this registry first and
the catalogue second (for layers that document codes only there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from shipgate.findings import Severity

S = Severity


@dataclass(frozen=True)
class CodeInfo:
    code: str
    severity: Severity
    meaning: str


_ENTRIES: tuple[tuple[str, Severity, str], ...] = (
    # manifest: schema of manifest.json (shipgate.package.manifest)
    ("manifest.too_large", S.HIGH, "manifest.json is larger than the 4 MiB bound; not parsed"),
    ("manifest.not_utf8", S.HIGH, "manifest.json is not UTF-8"),
    ("manifest.invalid_json", S.HIGH, "manifest.json is not JSON (line and column in evidence)"),
    ("manifest.duplicate_key", S.HIGH, "a JSON object repeats a key; parsers disagree on which copy counts"),
    ("manifest.too_deep", S.HIGH, "manifest.json nests deeper than 32 levels"),
    ("manifest.unsupported_version", S.HIGH, "manifest_version is not 1"),
    ("manifest.field_missing", S.HIGH, "a required manifest field is missing (path names it, e.g. files[3].sha256)"),
    ("manifest.field_invalid", S.HIGH, "a manifest field has the wrong type or an invalid value (path names it)"),
    ("manifest.limit_exceeded", S.HIGH, "a manifest list has more items than allowed (files: 100,000)"),
    ("manifest.unsafe_path", S.HIGH, "files[].path is absolute, has '..'/'.'/empty parts, a backslash or a NUL"),
    ("manifest.duplicate_file", S.HIGH, "files[] lists the same path twice"),
    ("manifest.reference_missing", S.HIGH, "a migration or hook names a file that files[] does not list"),
    # preflight: scripts, config and migrations against the target inventory (shipgate.preflight)
    ("preflight.no_manifest", S.INFO, "preflight did not run because the manifest could not be parsed"),
    (
        "preflight.advisory_ignored",
        S.LOW,
        "an advisory passed to preflight is not an advisory object, or its applies_to is unreadable; not applied",
    ),
    ("preflight.file_skipped", S.INFO, "a script or config file is above the scan size limit and was not read"),
    ("preflight.sudo_unavailable", S.HIGH, "a script runs sudo/su/pkexec/doas but the target's installers get no sudo"),
    ("preflight.privileged_script", S.INFO, "a script escalates privileges (the target allows it or does not say)"),
    ("preflight.root_assumed", S.HIGH, "a script checks for root; high when the target gives no sudo, else info"),
    (
        "preflight.systemd_unit_missing",
        S.HIGH,
        "a script or manifest services names a unit the target lacks (closest existing name suggested)",
    ),
    ("preflight.scheduled_job", S.MEDIUM, "the package installs a cron entry, systemd timer or at/batch job"),
    (
        "preflight.external_endpoint",
        S.MEDIUM,
        "a host outside network.allowed_endpoints: medium when contacted (network command, config), "
        "info when only mentioned",
    ),
    (
        "preflight.hardcoded_credential",
        S.CRITICAL,
        "a private key, cloud/service token or password is hard-coded "
        "(critical for keys and tokens, high for passwords, medium for high-entropy values)",
    ),
    ("preflight.migration_unlocked", S.HIGH, "a migration alters a table without lock_timeout or an advisory lock"),
    ("preflight.index_not_concurrent", S.HIGH, "a migration runs CREATE INDEX without CONCURRENTLY"),
    ("preflight.migration_outside_lock", S.MEDIUM, "a script runs a schema migration without holding a lock"),
    ("preflight.rm_rf_variable", S.HIGH, "recursive rm on an unguarded variable or on /"),
    ("preflight.pipe_to_shell", S.HIGH, "a script pipes downloaded code straight into a shell (curl … piped to sh)"),
    ("preflight.world_writable", S.MEDIUM, "a script makes files world-writable (chmod 777, o+w)"),
    ("preflight.service_disabled", S.MEDIUM, "a script disables or masks a service"),
    ("preflight.protection_disabled", S.HIGH, "a script switches off SELinux, the firewall or auditing"),
    ("preflight.dependency_unbounded", S.MEDIUM, "a dependency constraint has no upper bound (>=x only, or *)"),
    (
        "preflight.dependency_unsatisfied",
        S.HIGH,
        "the installed version of a dependency does not satisfy the constraint",
    ),
    ("preflight.dependency_missing", S.HIGH, "a dependency is not installed on the target"),
    ("preflight.dependency_unverifiable", S.LOW, "the installed version of a dependency cannot be compared"),
    (
        "preflight.reboot_understated",
        S.HIGH,
        "reboot is not 'required' but the package replaces kernel modules, the kernel, init, libc or "
        "the bootloader, or its scripts rebuild boot files (depmod, update-initramfs, grub)",
    ),
    (
        "preflight.stale_binary",
        S.MEDIUM,
        "a binary's timestamp is far older than the package build time (default 365 days)",
    ),
    # config: configuration changes against the target's current config (manifest + config-change advisories)
    ("config.removed_key_set", S.MEDIUM, "the upgrade removes a key the target still sets"),
    ("config.renamed_key", S.MEDIUM, "the upgrade renames a key and the target sets only the old name"),
    ("config.required_key_missing", S.HIGH, "the upgrade requires a key the target does not set"),
    (
        "config.required_value_mismatch",
        S.HIGH,
        "the upgrade requires a key value the target does not have (e.g. dten.hybrid.enable must be true)",
    ),
    # advisory: vendor advisories that apply to the package (shipgate.advisories.query)
    (
        "advisory.withdrawn_package",
        S.CRITICAL,
        "the vendor withdrew this package (by name and version, or by the archive digest alone)",
    ),
    (
        "advisory.notice",
        S.MEDIUM,
        "a vendor notice applies to the package; severity as the notice says, at most medium",
    ),
    # policy: the decision itself (shipgate.policy)
    ("policy.waiver_applied", S.INFO, "a waiver turned a finding into allow (owner, reason and expiry in evidence)"),
    ("policy.waiver_expired", S.INFO, "a waiver matched a finding but has expired, so it was not applied"),
)

CODES: dict[str, CodeInfo] = {code: CodeInfo(code, severity, meaning) for code, severity, meaning in _ENTRIES}

_CATALOGUE = Path(__file__).resolve().parents[2] / "docs" / "findings.md"
_ROW = re.compile(r"^\|\s*`?([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)`?\s*\|\s*([a-z/ ]+?)\s*\|\s*(.+?)\s*\|\s*$")


def catalogue(path: Path = _CATALOGUE) -> dict[str, tuple[str, str]]:
    """Rows of ``docs/findings.md``: code → (severity text, meaning). Empty when the file is absent."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return {}
    rows: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        m = _ROW.match(line)
        if m:
            rows[m.group(1)] = (m.group(2), m.group(3))
    return rows


def lookup(code: str) -> CodeInfo | None:
    """The registered code, else the catalogue row when its severity is one word; else None."""
    if code in CODES:
        return CODES[code]
    row = catalogue().get(code)
    if row is None:
        return None
    try:
        severity = Severity.parse(row[0].split("/")[0])
    except ValueError:
        return None
    return CodeInfo(code, severity, row[1])


def markdown_rows() -> str:
    """The registry as ``docs/findings.md`` table rows."""
    return "\n".join(f"| `{c.code}` | {c.severity.label} | {c.meaning} |" for c in CODES.values())
