"""Documented severity = implemented severity for every ``zip.`` code. The extension exports the table its
``Finding::new`` is checked against (rust/zip/codes.rs: a code not in it does not compile, a severity not listed
for it fails a debug assertion in every ``cargo test`` and fuzz run); the registry users read
(``shipgate policy explain``, docs/findings.md) must say exactly the same."""

from __future__ import annotations

from shipgate import _native
from shipgate.codes import LAYERS


def test_the_registry_documents_every_severity_the_native_inspector_reports() -> None:
    (registry,) = [codes for layer, _, codes in LAYERS if layer == "zip"]
    documented = {c.code: [c.severity.label, *(s.label for s in c.also)] for c in registry}
    implemented = _native.ZIP_CODES
    assert sorted(documented) == sorted(implemented)
    for code, severities in implemented.items():
        assert sorted(documented[code]) == sorted(severities), code
        assert documented[code][0] == severities[0], f"{code}: the usual severity differs"
