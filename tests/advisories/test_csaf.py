"""CSAF 2.0: the OASIS examples parse, schema-invalid validator cases are refused, and packages match
``known_affected`` products (Cisco) but not ``fixed`` ones (Red Hat).

Risk covered: a malformed advisory silently accepted; a vulnerable package not reported; a fixed one
reported as vulnerable.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from advisories.httpserver import Behaviour, serve
from shipgate.advisories.csaf import SCHEMA_DIR, parse_csaf
from shipgate.advisories.csaf_import import import_csaf
from shipgate.advisories.csaf_match import match_package, products, vers_contains
from shipgate.advisories.errors import CsafInvalid
from shipgate.advisories.query import advisory_findings, applicable_advisories
from shipgate.findings import Severity
from shipgate.store import Store


@pytest.fixture(scope="module")
def csaf(corpora: Path) -> Path:
    return corpora / "csaf-2.0"


def test_the_shipped_schemas_are_the_corpus_schemas(csaf: Path) -> None:
    pairs = {
        "csaf_json_schema.json": csaf / "json_schema" / "csaf_json_schema.json",
        "provider_json_schema.json": csaf / "json_schema" / "provider_json_schema.json",
        **{f"cvss-v{v}.json": csaf / "referenced_schema" / "first" / f"cvss-v{v}.json" for v in ("2.0", "3.0", "3.1")},
    }
    for shipped, original in pairs.items():
        assert (SCHEMA_DIR / shipped).read_bytes() == original.read_bytes(), shipped


def test_every_example_parses(csaf: Path) -> None:
    examples = sorted((csaf / "examples" / "csaf").rglob("*.json"))
    assert len(examples) == 19
    ids = [parse_csaf(p.read_bytes(), what=p.name).id for p in examples]
    assert "cisco-sa-20180328-smi2" in ids and "RHSA-2021:5186" in ids


def _testcases(csaf: Path) -> list[tuple[str, str, bool]]:
    data = json.loads((csaf / "validator-testcases" / "testcases.json").read_text())
    return [
        (test["id"], case["name"], case["valid"])
        for test in data["tests"]
        for key in ("failures", "valid")
        for case in test.get(key, [])
    ]


# The validator test cases whose failure is a schema failure: 6.1.8 "Invalid CVSS" (CVSS objects invalid
# against the FIRST schemas the CSAF schema references). Beyond the schema, shipgate checks the two
# mandatory tests product matching depends on: 6.1.1 (a product id used but not defined) and 6.1.2 (defined
# twice). The other tests check rules that do not change which products an advisory names.
SCHEMA_TESTS = {"6.1.8"}
PRODUCT_ID_TESTS = {"6.1.1", "6.1.2"}


def test_schema_invalid_testcases_are_rejected_and_valid_ones_accepted(csaf: Path) -> None:
    cases = _testcases(csaf)
    assert len(cases) == 239
    rejected: dict[str, str] = {}
    for _, name, _ in cases:
        try:
            parse_csaf((csaf / "validator-testcases" / name).read_bytes(), what=name)
        except CsafInvalid as exc:
            rejected[name] = exc.message
    expected = {n for t, n, valid in cases if t in SCHEMA_TESTS | PRODUCT_ID_TESTS and not valid}
    assert len(expected) == 6
    assert set(rejected) == expected
    for test_id, name, _ in cases:
        if name in rejected and test_id in SCHEMA_TESTS:
            assert "not valid against the CSAF 2.0 schema" in rejected[name]
        elif name in rejected:
            assert f"(CSAF 2.0 {test_id})" in rejected[name]


def test_a_broken_document_names_the_field(csaf: Path) -> None:
    doc = json.loads((csaf / "examples" / "csaf" / "cisco-sa-20180328-smi2.json").read_text())
    del doc["document"]["tracking"]["id"]
    with pytest.raises(CsafInvalid, match=r"/document/tracking: 'id' is a required property"):
        parse_csaf(json.dumps(doc).encode(), what="cisco.json")
    with pytest.raises(CsafInvalid, match="not JSON"):
        parse_csaf(b'{"document": ', what="cut.json")


def test_cisco_known_affected_product_matches_by_name_and_version(csaf: Path) -> None:
    doc = json.loads((csaf / "examples" / "csaf" / "cisco-sa-20180328-smi2.json").read_text())
    table = products(doc)
    assert table["CVRFPID-103763"].product_names == ("IOS",)
    assert table["CVRFPID-103763"].versions == ("12.2SE", "12.2(55)SE")
    matches = match_package(doc, name="IOS", version="12.2(55)SE")
    assert [(m.cve, m.status, m.product_ids, m.matched_by) for m in matches] == [
        ("CVE-2018-0171", "known_affected", ("CVRFPID-103763",), "name+version")
    ]
    assert match_package(doc, name="IOS", version="99.1") == []
    assert match_package(doc, name="NX-OS", version="12.2(55)SE") == []


def test_red_hat_fixed_product_gives_nothing(csaf: Path) -> None:
    doc = json.loads((csaf / "examples" / "csaf" / "rhsa-2021_5186.json").read_text())
    hive = "openshift4/ose-metering-hive:v4.6.0-202112160147.p0.gf139e12.assembly.stream"
    digest = hashlib.sha256(b"hive image").hexdigest()
    branch = next(b for b in doc["product_tree"]["branches"][0]["branches"] if b["name"] == hive)
    branch["product"]["product_identification_helper"] = {
        "hashes": [{"file_hashes": [{"algorithm": "sha256", "value": digest}], "filename": "hive.tar"}]
    }
    parse_csaf(json.dumps(doc).encode())
    # Both CVEs list the component (as part of OpenShift 4.6) as fixed: no match.
    assert match_package(doc, name="hive", version="4.6", sha256=digest) == []
    # The same product listed as known_affected instead is reported, through the relationship.
    for vuln in doc["vulnerabilities"]:
        status = vuln["product_status"]
        status["known_affected"] = status.pop("fixed")
    matches = match_package(doc, name="hive", version="4.6", sha256=digest)
    assert [(m.cve, m.product_ids) for m in matches] == [
        ("CVE-2021-4104", (f"8Base-RHOSE-4.6:{hive}",)),
        ("CVE-2021-4125", (f"8Base-RHOSE-4.6:{hive}",)),
    ]


def test_bsi_known_affected_reports_the_first_fixed_version(csaf: Path) -> None:
    doc = json.loads((csaf / "examples" / "csaf" / "bsi-2022-0001.json").read_text())
    table = products(doc)
    affected = next(
        p for pid in doc["vulnerabilities"][0]["product_status"]["known_affected"] if (p := table[pid]).versions
    )
    matches = match_package(doc, name=affected.product_names[-1], version=affected.versions[-1])
    assert [m.cve for m in matches] == ["CVE-2022-27193"]
    assert matches[0].fixed_versions  # first_fixed / fixed versions of the same product name
    assert all(v != affected.versions[-1] for v in matches[0].fixed_versions)


def test_a_file_hash_matches_whatever_the_name(csaf: Path) -> None:
    doc = json.loads((csaf / "examples" / "csaf" / "cisco-sa-20180328-smi2.json").read_text())
    digest = hashlib.sha256(b"ios image").hexdigest()
    product = doc["product_tree"]["branches"][0]["branches"][0]["branches"][0]["branches"][0]["product"]
    product["product_identification_helper"] = {
        "hashes": [{"file_hashes": [{"algorithm": "sha256", "value": digest}], "filename": "ios.bin"}]
    }
    parse_csaf(json.dumps(doc).encode())  # still valid CSAF
    matches = match_package(doc, name="something-else", version="1.0", sha256=digest)
    assert [(m.cve, m.matched_by) for m in matches] == [("CVE-2018-0171", "sha256")]


def test_imported_cisco_advisory_yields_a_finding_for_the_verifier(csaf: Path, store: Store) -> None:
    result = import_csaf(store, str(csaf / "examples" / "csaf"))
    assert result.rejected == ()
    assert len(result.imported) == 19
    again = import_csaf(store, str(csaf / "examples" / "csaf" / "cisco-sa-20180328-smi2.json"))
    assert (again.imported, again.unchanged) == ((), ("cisco-sa-20180328-smi2",))

    applicable = applicable_advisories(store, vendor="Cisco", name="IOS", version="12.2(55)SE")
    assert [(a.id, a.kind) for a in applicable] == [("cisco-sa-20180328-smi2", "csaf")]
    findings = advisory_findings(store, vendor="Cisco", name="IOS", version="12.2(55)SE")
    assert [(f.code, f.evidence["cve"]) for f in findings] == [("advisory.csaf_known_affected", "CVE-2018-0171")]
    assert findings[0].severity is Severity.CRITICAL  # CVSS 9.8
    assert "CVE-2018-0171" in findings[0].message
    assert advisory_findings(store, vendor="Cisco", name="IOS", version="15.9(3)M") == []
    stored = {e.subject: e.details["ids"] for e in store.audit_entries() if e.action == "advisory.store"}
    assert stored["Cisco"] == ["cisco-sa-20180328-smi2"]


def test_import_refuses_invalid_documents_but_keeps_the_valid_ones(csaf: Path, store: Store, tmp_path: Path) -> None:
    directory = tmp_path / "mixed"
    directory.mkdir()
    cisco = csaf / "examples" / "csaf" / "cisco-sa-20180328-smi2.json"
    (directory / "cisco.json").write_bytes(cisco.read_bytes())
    bad = csaf / "validator-testcases" / "mandatory" / "oasis_csaf_tc-csaf_2_0-2021-6-1-08-01.json"
    (directory / "bad.json").write_bytes(bad.read_bytes())
    result = import_csaf(store, str(directory))
    assert result.imported == ("cisco-sa-20180328-smi2",)
    assert [n for n, _ in result.rejected] == ["bad.json"]
    assert [e.subject for e in store.audit_entries() if e.action == "advisory.csaf_reject"] == ["bad.json"]


def test_provider_metadata_with_directory_distribution_checks_digests(csaf: Path, store: Store, tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "2018").mkdir(parents=True)
    (site / "2021").mkdir()
    good = (csaf / "examples" / "csaf" / "cisco-sa-20180328-smi2.json").read_bytes()
    (site / "2018" / "cisco-sa-20180328-smi2.json").write_bytes(good)
    (site / "2018" / "cisco-sa-20180328-smi2.json.sha256").write_text(
        f"{hashlib.sha256(good).hexdigest()}  cisco-sa-20180328-smi2.json\n"
    )
    (site / "2018" / "cisco-sa-20180328-smi2.json.sha512").write_text(hashlib.sha512(good).hexdigest())
    rh = (csaf / "examples" / "csaf" / "rhsa-2021_5186.json").read_bytes()
    (site / "2021" / "rhsa-2021_5186.json").write_bytes(rh)
    (site / "2021" / "rhsa-2021_5186.json.sha256").write_text(hashlib.sha256(rh + b"x").hexdigest())
    (site / "2021" / "rhsa-2021_5217.json").write_bytes(
        (csaf / "examples" / "csaf" / "rhsa-2021_5217.json").read_bytes()
    )
    (site / "index.txt").write_text(
        "2018/cisco-sa-20180328-smi2.json\n2021/rhsa-2021_5186.json\n2021/rhsa-2021_5217.json\n../etc/passwd.json\n"
    )
    with serve() as server:
        server.routes["csaf"] = Behaviour(directory=site)
        metadata = json.loads(
            (csaf / "examples" / "provider-metadata" / "example-01-provider-metadata.json").read_text()
        )
        metadata["distributions"] = [{"directory_url": server.url("csaf")}]
        (tmp_path / "provider-metadata.json").write_text(json.dumps(metadata))
        result = import_csaf(store, str(tmp_path / "provider-metadata.json"))
    assert result.imported == ("cisco-sa-20180328-smi2",)
    reasons = dict(result.rejected)
    assert "sha256 is" in reasons["2021/rhsa-2021_5186.json"]
    assert "neither" in reasons["2021/rhsa-2021_5217.json"]
    assert "outside the distribution" in reasons["../etc/passwd.json"]


@pytest.mark.parametrize("levels", [65, 100_000])
def test_a_deeply_nested_document_is_refused_not_a_crash(csaf: Path, levels: int) -> None:
    doc = json.loads((csaf / "examples" / "csaf" / "cisco-sa-20180328-smi2.json").read_text())
    text = json.dumps(doc)[:-1] + ', "x": ' + "[" * levels + "]" * levels + "}"
    with pytest.raises(CsafInvalid, match="nested deeper than 64 levels"):
        parse_csaf(text.encode(), what="deep.json")


@pytest.mark.parametrize(
    ("spec", "inside", "outside"),
    [
        ("vers:generic/>=2.9|<=4.1", ["2.9", "3.0", "4.1", "4.1.0"], ["2.8", "4.2", "10.0"]),
        ("vers:all/*", ["0.1", "99"], []),
        ("vers:generic/<1.0", ["0.9"], ["1.0", "1.1"]),
        ("vers:generic/1.2|>=2.0|<3.0", ["1.2", "2.5"], ["1.3", "3.0"]),
        ("vers:generic/>=1.0|!=1.5|<2.0", ["1.4"], ["1.5", "2.0"]),
        ("vers:generic/<1.0|>=2.0", ["0.5", "2.0", "7"], ["1.0", "1.9"]),
        ("generic/>=1.0", [], ["1.5"]),  # not vers syntax: never matches
    ],
)
def test_vers_ranges(spec: str, inside: list[str], outside: list[str]) -> None:
    assert [v for v in inside + outside if vers_contains(spec, v)] == inside


def test_a_vex_version_range_matches_inside_only(csaf: Path) -> None:
    doc = json.loads((csaf / "examples" / "csaf" / "csaf_vex" / "2022-evd-uc-04-001.json").read_text())
    assert [(m.cve, m.product_ids, m.matched_by) for m in match_package(doc, name="ABC", version="3.0")] == [
        ("CVE-2021-44228", ("CSAFPID-0004",), "name+range")
    ]
    assert [m.matched_by for m in match_package(doc, name="ABC", version="2.4")] == ["name+version"]
    assert match_package(doc, name="ABC", version="4.2") == []
