"""Reading a policy file (TOML). Every mistake is ``MalformedInput`` naming the file and the field.

```toml
[severity]                      # optional; the default table shown
critical = "deny"
high = "deny"
medium = "warn"
low = "allow"
info = "allow"

[codes]                         # short form of rules: code or glob = action
"preflight.stale_binary" = "allow"

[[rules]]                       # first match wins ([[rules]] before [codes]); safe floors come first
code = "preflight.external_endpoint"   # exact code or glob ("zip.*")
min_severity = "low"                   # optional
action = "deny"

[[waivers]]
code = "preflight.sudo_unavailable"    # exact code or glob, never "*"
reason = "installer has a sudoers entry for systemctl (CHG-1234)"
owner = "platform-team@example.net"
expires = 2027-01-31T00:00:00Z          # TOML date-time or date (a date means the start of that day, UTC)
vendor = "Example Networks"             # scope: vendor, package or sha256 required;
package = "dten"                        # version (exact or constraint) and path (glob) optional
version = ">=7.4,<7.5"
path = "scripts/*.sh"
# the scope may also be a table: scope = {vendor = "Example Networks", package = "dten"}

[[waivers]]                             # the only waiver that lifts a trust or structure floor
code = "trust.no_signature"             # (trust.* / zip.* high or critical): one exact archive
reason = "vendor hotfix, unsigned; signed build promised (CHG-1301)"
owner = "security@example.net"          # who added it; recorded in the audit log when applied
expires = 2027-01-07
sha256 = "<64 hex: the archive's SHA-256>"
```
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from shipgate.errors import MalformedInput
from shipgate.findings import Severity
from shipgate.inputs import InputRefused, parse_time, parse_toml, read_bounded
from shipgate.package.versions import Constraint, ConstraintError
from shipgate.policy.model import DEFAULT_SEVERITY_ACTIONS, Action, Policy, Rule
from shipgate.policy.waiver import Waiver

# A policy is a page of TOML; 1 MiB bounds the parser.
MAX_POLICY_BYTES = 1024 * 1024
MAX_RULES = 10_000
_TOP = frozenset({"severity", "codes", "rules", "waivers"})


class _Fields:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, why: str) -> MalformedInput:
        return MalformedInput(f"policy {self.source}: {where}: {why}")

    def text(self, table: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
        if key not in table:
            if required:
                raise self.fail(f"{where}.{key}", "required")
            return None
        value = table[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{where}.{key}", f"must be a non-empty string, not {value!r}")
        return value.strip()

    def action(self, value: Any, where: str) -> Action:
        try:
            return Action(value.strip().lower()) if isinstance(value, str) else Action(repr(value))
        except ValueError:
            raise self.fail(where, f"must be allow, warn or deny, not {value!r}") from None

    def severity(self, value: Any, where: str) -> Severity:
        try:
            return Severity.parse(value) if isinstance(value, str) else Severity.parse(repr(value))
        except ValueError:
            raise self.fail(where, f"must be one of info, low, medium, high, critical, not {value!r}") from None

    def tables(self, doc: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = doc.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, f"must be an array of tables ([[{key}]])")
        if len(value) > MAX_RULES:
            raise self.fail(key, f"more than {MAX_RULES} entries")
        return value


def load_policy(path: str | Path) -> Policy:
    return parse_policy(read_bounded(path, limit=MAX_POLICY_BYTES, what="policy"), source=str(path))


def parse_policy(data: bytes, *, source: str = "<policy>") -> Policy:
    f = _Fields(source)
    try:
        doc = parse_toml(data, limit=MAX_POLICY_BYTES, what="$")
    except InputRefused as exc:
        raise f.fail("$", exc.detail) from None
    unknown = sorted(set(doc) - _TOP)
    if unknown:
        # A typo here ("waiver" for "waivers") would silently drop rules: refuse it.
        raise f.fail(unknown[0], "unknown key; expected severity, codes, rules or waivers")

    actions = dict(DEFAULT_SEVERITY_ACTIONS)
    table = doc.get("severity", {})
    if not isinstance(table, dict):
        raise f.fail("severity", "must be a table of severity = action")
    for key, value in table.items():
        actions[f.severity(key, f"severity.{key}")] = f.action(value, f"severity.{key}")

    rules: list[Rule] = []
    for i, raw in enumerate(f.tables(doc, "rules")):
        where = f"rules[{i}]"
        _no_extra(f, raw, where, {"code", "action", "min_severity", "why"})
        code = f.text(raw, "code", where)
        assert code is not None
        if "action" not in raw:
            raise f.fail(f"{where}.action", "required")
        rules.append(
            Rule(
                code=code,
                action=f.action(raw["action"], f"{where}.action"),
                min_severity=f.severity(raw.get("min_severity", "info"), f"{where}.min_severity"),
                why=f.text(raw, "why", where, required=False) or "",
            )
        )

    # [codes]: the short form of rules, code glob = action (after the [[rules]], in file order).
    codes = doc.get("codes", {})
    if not isinstance(codes, dict):
        raise f.fail("codes", 'must be a table of "code or glob" = action')
    for code, value in codes.items():
        rules.append(Rule(code=code, action=f.action(value, f"codes.{code}")))

    waivers = [_waiver(f, raw, i) for i, raw in enumerate(f.tables(doc, "waivers"))]
    return Policy(rules=tuple(rules), severity_actions=actions, waivers=tuple(waivers), source=source)


def _no_extra(f: _Fields, raw: dict[str, Any], where: str, allowed: set[str]) -> None:
    extra = sorted(set(raw) - allowed)
    if extra:
        raise f.fail(f"{where}.{extra[0]}", f"unknown key; expected one of {', '.join(sorted(allowed))}")


def _waiver(f: _Fields, raw: dict[str, Any], i: int) -> Waiver:
    where = f"waivers[{i}]"
    raw = dict(raw)
    scope = raw.pop("scope", {})
    if not isinstance(scope, dict):
        raise f.fail(f"{where}.scope", "must be a table of vendor, package, version, path, sha256")
    _no_extra(f, scope, f"{where}.scope", {"vendor", "package", "version", "path", "sha256"})
    for key, value in scope.items():
        if key in raw:
            raise f.fail(f"{where}.scope.{key}", "given twice (in the waiver and in its scope)")
        raw[key] = value
    _no_extra(
        f, raw, where, {"code", "reason", "owner", "expires", "vendor", "package", "version", "path", "sha256"}
    )
    code = f.text(raw, "code", where)
    reason = f.text(raw, "reason", where)
    owner = f.text(raw, "owner", where)
    assert code is not None and reason is not None and owner is not None
    if code.strip("*.") == "":
        raise f.fail(f"{where}.code", "a waiver must name a code or a code family, not everything")
    if "expires" not in raw:
        raise f.fail(f"{where}.expires", "required (a waiver without an end is a policy change)")
    expires = _time(f, raw["expires"], f"{where}.expires")
    vendor = f.text(raw, "vendor", where, required=False)
    package = f.text(raw, "package", where, required=False)
    sha256 = f.text(raw, "sha256", where, required=False)
    if sha256 is not None:
        sha256 = sha256.lower()
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise f.fail(f"{where}.sha256", f"must be the archive's SHA-256 (64 hex digits), not {raw['sha256']!r}")
    if vendor is None and package is None and sha256 is None:
        raise f.fail(where, "scope needs vendor, package or sha256")
    version = f.text(raw, "version", where, required=False)
    if version is not None and (version.lstrip()[:1] in "<>=!~*" or "," in version):
        try:
            Constraint.parse(version)
        except ConstraintError as exc:
            raise f.fail(f"{where}.version", str(exc)) from None
    return Waiver(
        index=i,
        code=code,
        reason=reason,
        owner=owner,
        expires=expires,
        vendor=vendor,
        package=package,
        version=version,
        path=f.text(raw, "path", where, required=False),
        sha256=sha256,
    )


def _time(f: _Fields, value: Any, where: str) -> datetime:
    if isinstance(value, str):
        try:
            value = parse_time(value, what=where, naive="utc")
        except InputRefused:
            raise f.fail(where, f"not a date or RFC 3339 time: {value!r}") from None
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=UTC)
    raise f.fail(where, f"must be a date or date-time, not {value!r}")
