"""The code registry: docs/findings.md is generated from it, and every code a layer emits is registered."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from shipgate.codes import CODES, LAYERS, Code, lookup, markdown
from shipgate.findings import Severity

ROOT = Path(__file__).resolve().parent.parent
_LAYER_NAMES = tuple(layer for layer, _, _ in LAYERS)
_CODE_LIKE = re.compile(r"^(?:" + "|".join(_LAYER_NAMES) + r")\.[a-z0-9_]+$")
# String literals shaped like codes that are not codes: manifest field paths, file names, audit actions,
# and the trust layer's abstract base code (never emitted: every failure is a subclass with its own).
NOT_CODES = {
    "manifest.json",
    "config.removed",
    "config.renamed",
    "config.required",
    "package.built",
    "package.vendor",
    "verdict.record",
    "verdict.import",
    "advisory.store",
    "advisory.csaf_reject",
    "trust.verification_failed",
    # audit actions and event types of admission and the event outbox
    "verdict.supersede",
    "event.drop",
    "trust.changed",
    # Salt's execution-module functions a state reads values through (preflight.config_management.salt)
    "config.get",
    # file names a reader recognises (preflight.lifecycle)
    "package.json",
    "config.xml",
    "advisory.applied",
    "feed.rejected",
}


def test_docs_findings_md_is_generated_from_the_registry() -> None:
    """Regenerate with: python -m shipgate.codes > docs/findings.md"""
    assert (ROOT / "docs" / "findings.md").read_text(encoding="utf-8") == markdown()


def _python_literals() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((ROOT / "python" / "shipgate").rglob("*.py")):
        if "codes" in path.relative_to(ROOT / "python" / "shipgate").parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _CODE_LIKE.match(node.value):
                found.setdefault(node.value, str(path.relative_to(ROOT)))
    return found


def _rust_literals() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((ROOT / "rust").rglob("*.rs")):
        if path.name == "tests.rs":
            continue
        for m in re.finditer(r'"((?:zip)\.[a-z0-9_]+)"', path.read_text(encoding="utf-8")):
            found.setdefault(m.group(1), str(path.relative_to(ROOT)))
    return found


def test_every_code_the_source_emits_is_registered() -> None:
    emitted = {**_python_literals(), **_rust_literals()}
    unregistered = {code: where for code, where in emitted.items() if code not in CODES and code not in NOT_CODES}
    assert unregistered == {}


def test_every_registered_code_appears_in_the_source() -> None:
    emitted = {**_python_literals(), **_rust_literals()}
    assert sorted(set(CODES) - set(emitted)) == []


def test_every_code_has_a_meaning_and_a_remedy_and_sits_in_its_layer() -> None:
    for code in CODES.values():
        assert code.meaning and code.remedy, code.code
        assert code.layer in _LAYER_NAMES, code.code


def test_a_code_is_refused_without_a_remedy_or_with_a_bad_name() -> None:
    with pytest.raises(ValueError, match="remedy"):
        Code("zip.example", Severity.LOW, "meaning", "")
    with pytest.raises(ValueError, match="dotted"):
        Code("Zip.Example", Severity.LOW, "meaning", "remedy")


def test_lookup() -> None:
    info = lookup("preflight.systemd_unit_missing")
    assert info is not None and info.severity is Severity.HIGH
    assert lookup("preflight.no_such_code") is None
    duplicate = lookup("zip.duplicate_name")
    assert duplicate is not None and duplicate.severities == {Severity.CRITICAL, Severity.LOW}
    assert duplicate.severity_text == "critical (also low)"


def test_every_trust_failure_is_registered_with_its_severity() -> None:
    from shipgate.trust.errors import TrustFailure

    def subclasses(cls: type[TrustFailure]) -> list[type[TrustFailure]]:
        return [s for sub in cls.__subclasses__() for s in (sub, *subclasses(sub))]

    failures = subclasses(TrustFailure)
    assert len(failures) >= 18
    for failure in failures:
        code = lookup(failure.code)
        assert code is not None, failure.code
        assert failure.severity in code.severities, failure.code


def test_native_findings_carry_the_registry_remedy(tmp_path: Path) -> None:
    from shipgate.archive import inspect

    bogus = tmp_path / "not.zip"
    bogus.write_bytes(b"definitely not a zip archive")
    report = inspect(bogus)
    (finding,) = [f for f in report.findings if f.code == "zip.not_a_zip"]
    registered = lookup("zip.not_a_zip")
    assert registered is not None and finding.remedy == registered.remedy
