"""The manifest model: docs/formats.md §1 into frozen dataclasses; every schema error a finding naming the field."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from shipgate.package.manifest import MAX_MANIFEST_BYTES, Reboot, parse_manifest

H = "ab" * 32

EXAMPLE: dict[str, Any] = {
    "manifest_version": 1,
    "package": {
        "name": "dten",
        "version": "7.4.0",
        "vendor": "Example Networks",
        "built": "2026-10-02T09:00:00Z",
    },
    "files": [
        {"path": "binaries/dtend", "size": 1048576, "sha256": H, "mode": "0755"},
        {"path": "scripts/pre-upgrade.sh", "size": 2048, "sha256": H, "mode": "0755"},
        {"path": "scripts/post-upgrade.sh", "size": 10, "blake3": H.upper(), "sha512": "cd" * 64},
        {"path": "scripts/migrations/0042_add_index.sql", "size": 10, "sha256": H},
    ],
    "dependencies": [{"name": "openssl", "version": ">=3.0"}, {"name": "postgresql", "version": ">=14,<17"}],
    "reboot": "recommended",
    "services": ["dten-agent.service"],
    "config": {"removed": ["dten.legacy.mode"], "required": {"dten.hybrid.enable": True}},
    "migrations": ["scripts/migrations/0042_add_index.sql"],
    "hooks": {"pre": "scripts/pre-upgrade.sh", "post": "scripts/post-upgrade.sh"},
}


def encode(doc: Any) -> bytes:
    return json.dumps(doc, indent=2).encode()


def variant(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(EXAMPLE)
    doc.update(changes)
    return doc


def codes_and_paths(data: bytes) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in parse_manifest(data)[1]]


def test_the_formats_example_parses_completely() -> None:
    manifest, findings = parse_manifest(encode(EXAMPLE))
    assert findings == []
    assert manifest is not None
    assert manifest.package.name == "dten"
    assert manifest.package.built == datetime(2026, 10, 2, 9, tzinfo=UTC)
    assert [f.path for f in manifest.files][:2] == ["binaries/dtend", "scripts/pre-upgrade.sh"]
    assert manifest.files[0].mode == 0o755 and manifest.files[0].executable
    assert manifest.files[2].digests == {"blake3": H, "sha512": "cd" * 64}
    assert [(d.name, str(d.constraint), d.constraint.unbounded) for d in manifest.dependencies] == [
        ("openssl", ">=3.0", True),
        ("postgresql", ">=14,<17", False),
    ]
    assert manifest.reboot is Reboot.RECOMMENDED
    assert manifest.services == ("dten-agent.service",)
    assert manifest.config.removed == ("dten.legacy.mode",)
    assert manifest.config.required == {"dten.hybrid.enable": True}
    assert manifest.hooks == {"pre": "scripts/pre-upgrade.sh", "post": "scripts/post-upgrade.sh"}
    assert manifest.line_of("dten.hybrid.enable") == 53
    assert manifest.line_of("no such text") is None


def test_unknown_fields_are_kept() -> None:
    doc = variant(signature_hint="x")
    doc["package"]["channel"] = "stable"
    doc["files"][0]["owner"] = "root"
    manifest, findings = parse_manifest(encode(doc))
    assert findings == []
    assert manifest is not None
    assert manifest.extra == {"signature_hint": "x"}
    assert manifest.package.extra == {"channel": "stable"}
    assert manifest.files[0].extra == {"owner": "root"}


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["files"][3].update(sha256="zz"), [("manifest.field_invalid", "files[3].sha256")]),
        (lambda d: d["files"][1].pop("size"), [("manifest.field_missing", "files[1].size")]),
        (lambda d: d["files"][1].update(size=-1), [("manifest.field_invalid", "files[1].size")]),
        (lambda d: d["files"][0].update(mode="rwx"), [("manifest.field_invalid", "files[0].mode")]),
        (lambda d: d["files"][0].pop("sha256"), [("manifest.field_missing", "files[0].sha256")]),
        (lambda d: d["files"][0].update(path="../etc/passwd"), [("manifest.unsafe_path", "files[0].path")]),
        (lambda d: d["files"][0].update(path="/etc/passwd"), [("manifest.unsafe_path", "files[0].path")]),
        (lambda d: d["files"].append(dict(d["files"][0])), [("manifest.duplicate_file", "files[4].path")]),
        (lambda d: d["package"].pop("vendor"), [("manifest.field_missing", "package.vendor")]),
        (lambda d: d["package"].update(built="yesterday"), [("manifest.field_invalid", "package.built")]),
        (lambda d: d.update(reboot="maybe"), [("manifest.field_invalid", "reboot")]),
        (
            lambda d: d["dependencies"][1].update(version=">=14,<<17"),
            [("manifest.field_invalid", "dependencies[1].version")],
        ),
        (lambda d: d["dependencies"][0].pop("name"), [("manifest.field_missing", "dependencies[0].name")]),
        (lambda d: d.update(services=["a.service", 7]), [("manifest.field_invalid", "services[1]")]),
        (
            lambda d: d["config"].update(required={"k": [1]}),
            [("manifest.field_invalid", "config.required.k")],
        ),
        (
            lambda d: d.update(migrations=["scripts/missing.sql"]),
            [("manifest.reference_missing", "migrations[0]")],
        ),
        (lambda d: d["hooks"].update(pre=3), [("manifest.field_invalid", "hooks.pre")]),
    ],
)
def test_schema_errors_name_the_field(mutate: Any, expected: list[tuple[str, str]]) -> None:
    doc = copy.deepcopy(EXAMPLE)
    mutate(doc)
    assert codes_and_paths(encode(doc)) == expected


def test_invalid_file_entries_are_left_out_but_the_rest_is_kept() -> None:
    doc = copy.deepcopy(EXAMPLE)
    doc["files"][3]["sha256"] = "zz"
    manifest, findings = parse_manifest(encode(doc))
    assert manifest is not None and len(manifest.files) == 3
    assert findings[0].message == "manifest.json: files[3].sha256: must be 64 hexadecimal digits"


def test_missing_dependency_version_is_unbounded() -> None:
    manifest, findings = parse_manifest(encode(variant(dependencies=[{"name": "openssl"}])))
    assert findings == [] and manifest is not None
    assert manifest.dependencies[0].constraint.unbounded


@pytest.mark.parametrize(
    ("data", "code", "manifest_returned"),
    [
        (b"\xff\xfe", "manifest.not_utf8", False),
        (b"{", "manifest.invalid_json", False),
        (b"[]", "manifest.field_invalid", False),
        (b'{"manifest_version": 1, "manifest_version": 2}', "manifest.duplicate_key", False),
        (b"[" * 100_000 + b"]" * 100_000, "manifest.too_deep", False),
        (b"[" * 40 + b"]" * 40, "manifest.too_deep", False),
        (b" " * (MAX_MANIFEST_BYTES + 1), "manifest.too_large", False),
        (encode(variant(manifest_version=2)), "manifest.unsupported_version", False),
        (encode({k: v for k, v in EXAMPLE.items() if k != "package"}), "manifest.field_missing", False),
        (encode({k: v for k, v in EXAMPLE.items() if k != "files"}), "manifest.field_missing", True),
    ],
)
def test_hostile_or_broken_documents(data: bytes, code: str, manifest_returned: bool) -> None:
    manifest, findings = parse_manifest(data)
    assert [f.code for f in findings] == [code]
    assert (manifest is not None) is manifest_returned


def test_json_syntax_error_carries_the_line() -> None:
    _, findings = parse_manifest(b'{\n "manifest_version": 1,\n oops}')
    assert findings[0].evidence["line"] == 3


def test_field_findings_cite_the_line_of_the_field_or_its_parent() -> None:
    doc = copy.deepcopy(EXAMPLE)
    doc["files"][3]["sha256"] = "zz"
    doc["files"][1].pop("size")
    doc["config"]["required"]["dten.hybrid.enable"] = [1]
    data = encode(doc)
    lines = data.decode().splitlines()
    _, findings = parse_manifest(data)
    cited = {f.path: f.evidence["line"] for f in findings}
    assert cited == {"files[1].size": 16, "files[3].sha256": 30, "config.required.dten.hybrid.enable": 52}
    assert lines[16 - 1].strip() == "{"  # files[1] itself: its size is missing
    assert lines[30 - 1].strip() == '"sha256": "zz"'
    assert lines[52 - 1].strip() == '"dten.hybrid.enable": ['


@pytest.mark.timeout(30)
def test_many_bad_entries_are_all_reported_in_bounded_time() -> None:
    files = [{"path": f"bin/f{i}", "size": 1, "sha256": "zz"} for i in range(20_000)]
    doc = variant(files=files, migrations=[], hooks={})
    manifest, findings = parse_manifest(encode(doc))
    assert manifest is not None and manifest.files == ()
    assert len(findings) == 20_000 and findings[-1].path == "files[19999].sha256"


def test_text_and_buffers_are_accepted() -> None:
    data = encode(EXAMPLE)
    expected = parse_manifest(data)[0]
    assert parse_manifest(data.decode())[0] == expected
    assert parse_manifest(memoryview(data))[0] == expected
    assert parse_manifest(bytearray(data))[0] == expected


def test_line_of_finds_the_first_literal_even_when_escaped() -> None:
    """Risk: evidence citing the wrong manifest line sends a reviewer to the wrong file entry."""
    raw = (
        b'{"manifest_version": 1,\n'
        b' "package": {"name": "dten", "version": "7.4.0", "vendor": "V", "built": "2026-10-02T09:00:00Z"},\n'
        b' "files": [\n'
        b'  {"path": "bin/caf\\u00e9", "size": 1, "sha256": "' + b"a" * 64 + b'"},\n'
        b'  {"path": "bin/a\\"b", "size": 1, "sha256": "' + b"b" * 64 + b'"},\n'
        b'  {"path": "bin/plain", "size": 1, "sha256": "' + b"c" * 64 + b'"}\n'
        b" ]}\n"
    )
    manifest, findings = parse_manifest(raw)
    assert manifest is not None, findings
    assert manifest.line_of("bin/café") == 4
    assert manifest.line_of('bin/a"b') == 5
    assert manifest.line_of("bin/plain") == 6
    assert manifest.line_of("path") == 4
    assert manifest.line_of("absent") is None
    assert manifest.file('bin/a"b') is manifest.files[1]
    assert manifest.file("absent") is None
