"""The code registry and docs/findings.md agree; every code preflight and the manifest parser emit is registered."""

from __future__ import annotations

import re
from pathlib import Path

from shipgate.codes import CODES, catalogue, lookup
from shipgate.findings import Severity

ROOT = Path(__file__).resolve().parent.parent
# Layers whose codes are all defined in the registry (other layers may document codes only in the catalogue).
REGISTERED_LAYERS = ("preflight.", "config.", "policy.")


def test_every_registered_code_is_documented_with_the_same_severity_and_meaning() -> None:
    rows = catalogue(ROOT / "docs" / "findings.md")
    for info in CODES.values():
        assert rows.get(info.code) == (info.severity.label, info.meaning), info.code


def test_documented_codes_of_registered_layers_are_registered() -> None:
    rows = catalogue(ROOT / "docs" / "findings.md")
    assert sorted(c for c in rows if c.startswith(REGISTERED_LAYERS) and c not in CODES) == []


def test_codes_emitted_by_the_source_are_registered() -> None:
    emitted: set[str] = set()
    source = ROOT / "python" / "shipgate"
    paths = [*source.glob("preflight/*.py"), *source.glob("policy/*.py"), source / "package" / "manifest.py"]
    for path in paths:
        emitted |= set(re.findall(r'"((?:preflight|config|advisory|policy|manifest)\.[a-z_]+)"', path.read_text()))
    # Field and file names in messages are not codes.
    emitted -= {"config.removed", "config.renamed", "config.required", "manifest.json"}
    assert sorted(emitted - set(CODES)) == []


def test_lookup() -> None:
    info = lookup("preflight.systemd_unit_missing")
    assert info is not None and info.severity is Severity.HIGH
    assert lookup("preflight.no_such_code") is None


def test_every_trust_failure_is_documented_with_its_severity() -> None:
    from shipgate.trust.errors import TrustFailure

    rows = catalogue(ROOT / "docs" / "findings.md")
    failures = TrustFailure.__subclasses__()
    assert len(failures) >= 18
    assert [(f.code, f.severity.label) for f in failures] == [(f.code, rows.get(f.code, ("",))[0]) for f in failures]
