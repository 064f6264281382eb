"""CSAF matching on the shapes real publishers write (the classes tests/advisories/realworld found): range
strings without ``vers:``, ``V``-prefixed / alphanumeric / date versions, ranges in ``product_version``
branches, an exact fixed version inside a broader affected range, relationships, and ranges that cannot be
read. Each class: a case that must match and a near miss that must not.

Risk covered: a vulnerable package missed because the publisher did not write ``vers:``; a fixed version
flagged; an unreadable range silently meaning "not affected".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from shipgate.advisories.csaf import validate_csaf
from shipgate.advisories.csaf_match import UNREADABLE, match_package, not_affected, products
from shipgate.advisories.csaf_versions import RangeUnreadable, compare_versions, parse_range
from shipgate.advisories.query import Advisory, findings_for


def _doc(branches: list[dict[str, Any]], status: dict[str, list[str]], **tree: Any) -> dict[str, Any]:
    doc = {
        "document": {
            "category": "csaf_base",
            "csaf_version": "2.0",
            "publisher": {"category": "vendor", "name": "Example", "namespace": "https://example.com"},
            "title": "t",
            "tracking": {
                "current_release_date": "2025-01-01T00:00:00Z",
                "id": "EX-1",
                "initial_release_date": "2025-01-01T00:00:00Z",
                "revision_history": [{"date": "2025-01-01T00:00:00Z", "number": "1", "summary": "s"}],
                "status": "final",
                "version": "1",
            },
        },
        "product_tree": {"branches": [{"category": "vendor", "name": "Example", "branches": branches}], **tree},
        "vulnerabilities": [{"cve": "CVE-2025-0001", "product_status": status}],
    }
    validate_csaf(doc)  # every test document is valid CSAF
    return doc


def _product(name: str, *versions: tuple[str, str, str]) -> dict[str, Any]:
    """A product_name branch with (category, branch name, product id) version branches."""
    return {
        "category": "product_name",
        "name": name,
        "branches": [
            {"category": cat, "name": label, "product": {"name": f"{name} {label}", "product_id": pid}}
            for cat, label, pid in versions
        ],
    }


def _cves(doc: dict[str, Any], name: str, version: str) -> list[str | None]:
    return [m.cve for m in match_package(doc, name=name, version=version)]


# -- range strings as publishers write them -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "inside", "outside"),
    [
        ("<3.1.112.19", ["3.1.112.18", "2.0"], ["3.1.112.19", "3.2"]),
        ("<= 4.1.0.0", ["4.1", "4.0.9"], ["4.1.0.1"]),
        (">=11.36.0|<11.36.46", ["11.36.0", "11.36.45"], ["11.32.88", "11.36.46"]),
        ("<V33.017", ["33.016", "V33.016", "v1"], ["V33.017", "33.17.1"]),
        ("<=v0.62.7", ["0.62.7", "v0.62.6"], ["0.62.11"]),
        ("<22.7R2.4", ["22.7R2.3", "22.7R1.9"], ["22.7R2.4", "22.7R2.5", "22.8"]),
        ("<2025-08-01", ["2025-07-15", "2024-12-31"], ["2025-08-01", "2025-09-01"]),
        ("<Release 31", ["Release 28"], ["Release 31", "Release 32"]),
        ("All versions", ["1.0", "anything"], []),
        ("V2.9.2 and prior", ["2.9.2", "V2.9.1"], ["V2.9.3", "3.0"]),
        ("prior to 4.4", ["4.3.9"], ["4.4", "4.4.0"]),
        ("3.0 and later", ["3.0", "10.1"], ["2.9"]),
        ("vers:intdot/>=1.4.1074|<=1.4.1116", ["1.4.1100"], ["1.4.1117", "1.4.999"]),
    ],
)
def test_publisher_range_strings(text: str, inside: list[str], outside: list[str]) -> None:
    rng = parse_range(text)
    assert [v for v in inside + outside if rng.contains(v)] == inside


@pytest.mark.parametrize(
    "text", ["<*", "generic/>=1.0", "<1.0|" * 17 + "<2.0", "between 1 and 2", "vers:generic", "2.0 and prior to 3"]
)
def test_ranges_outside_the_grammar_are_not_read(text: str) -> None:
    with pytest.raises(RangeUnreadable):
        parse_range(text)


def test_versions_of_different_kinds_do_not_compare() -> None:
    assert compare_versions("Release 28", "2.0") is None
    assert parse_range("<Release 31").contains("30") is None
    assert compare_versions("22.7R2.3", "22.7R2.4") == -1  # not just the leading 22.7


def test_a_plain_range_string_matches_and_the_fixed_version_does_not() -> None:
    doc = _doc(
        [
            _product(
                "TrueFiling", ("product_version_range", "<3.1.112.19", "P1"), ("product_version", "3.1.112.19", "P2")
            )
        ],
        {"known_affected": ["P1"], "fixed": ["P2"]},
    )
    assert _cves(doc, "TrueFiling", "3.1.112.18") == ["CVE-2025-0001"]
    assert _cves(doc, "TrueFiling", "3.1.112.19") == []
    assert _cves(doc, "TrueFilingPro", "3.1.112.18") == []


# -- a range written in a product_version branch ------------------------------------------------------


def test_a_range_in_a_product_version_branch_is_a_range() -> None:
    doc = _doc([_product("BioTime", ("product_version", "vers:all/*", "P1"))], {"known_affected": ["P1"]})
    assert [m.matched_by for m in match_package(doc, name="BioTime", version="9.0.1")] == ["name+range"]
    near = _doc([_product("BioTime", ("product_version", "9.0", "P1"))], {"known_affected": ["P1"]})
    assert _cves(near, "BioTime", "9.0.1") == []  # a plain product_version is one version
    prose = _doc([_product("S7", ("product_version", "V2.9.2 and prior", "P1"))], {"known_affected": ["P1"]})
    assert (_cves(prose, "S7", "V2.9.1"), _cves(prose, "S7", "V2.9.3")) == (["CVE-2025-0001"], [])


# -- an exact fixed version inside a broader affected range -------------------------------------------


def test_an_exact_fixed_version_wins_over_a_broader_affected_range() -> None:
    doc = _doc(
        [
            _product(
                "CMS",
                ("product_version_range", "<5.7.5", "P1"),
                ("product_version", "5.7.5", "P2"),
                ("product_version_range", "<4.15.3", "P3"),
                ("product_version", "4.15.3", "P4"),
            )
        ],
        {"known_affected": ["P1", "P3"], "fixed": ["P2", "P4"]},
    )
    assert _cves(doc, "CMS", "4.15.3") == []  # inside "<5.7.5", but listed exactly as fixed
    assert _cves(doc, "CMS", "4.15.2") == ["CVE-2025-0001"]
    # Past the 4.x line's fix, inside "<5.7.5" only literally: the two bounds are one range per release line.
    assert _cves(doc, "CMS", "4.16.0") == []
    assert _cves(doc, "CMS", "5.7.4") == ["CVE-2025-0001"]


# -- one range per release line -------------------------------------------------------------------------


def _lines_doc(*bounds: str) -> dict[str, Any]:
    branches = [_product("Controller", *(("product_version_range", b, f"P{i}") for i, b in enumerate(bounds)))]
    return _doc(branches, {"known_affected": [f"P{i}" for i in range(len(bounds))]})


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("V32.011", "affected"),  # an earlier line than every bound
        ("V33.016", "affected"),
        ("V33.017", "not"),  # the 33 line's fix, inside "<V34.014" only literally
        ("V33.020", "not"),
        ("V34.013", "affected"),
        ("V34.014", "not"),
        ("V35.012", "affected"),
        ("V35.013", "not"),
        ("V36.001", "not"),  # past every bound: no range contains it at all
    ],
)
def test_plain_upper_bounds_are_one_range_per_release_line(version: str, expected: str) -> None:
    doc = _lines_doc("<V33.017", "<V34.014", "<V35.013")
    found = match_package(doc, name="Controller", version=version)
    assert ("affected" if found else "not") == expected
    assert all(m.matched_by == "name+range" for m in found)


def test_a_release_line_is_told_from_both_neighbouring_bounds() -> None:
    doc = _lines_doc("<10.2.35", "<11.0.21", "<11.1.9")  # lines 10, 11.0 and 11.1
    assert _cves(doc, "Controller", "11.1.8") == ["CVE-2025-0001"]
    assert _cves(doc, "Controller", "11.0.25") == []
    assert _cves(doc, "Controller", "10.2.40") == []
    assert _cves(doc, "Controller", "9.8") == ["CVE-2025-0001"]


def test_a_version_in_a_release_line_the_advisory_does_not_list_is_a_possible_match() -> None:
    doc = _lines_doc("<1.0.9", "<1.4.3")
    assert _cves(doc, "Controller", "1.0.10") == []  # the 1.0 line's fix is 1.0.9
    (possible,) = match_package(doc, name="Controller", version="1.2.0")  # 1.2 is neither listed line
    assert possible.matched_by == UNREADABLE and "release line" in possible.range_text
    assert [m.matched_by for m in match_package(doc, name="Controller", version="1.4.2")] == ["name+range"]


def test_one_bound_per_vulnerability_is_read_literally() -> None:
    # Near miss: two vulnerabilities, each with its own single bound (fixed in 2.0 and in 3.0): 2.5 is still
    # affected by the second; bounds are grouped per vulnerability, never across them.
    ranges = (("product_version_range", "<2.0", "P1"), ("product_version_range", "<3.0", "P2"))
    branches = [_product("Controller", *ranges)]
    doc = _doc(branches, {"known_affected": ["P1"]})
    doc["vulnerabilities"].append({"cve": "CVE-2025-0002", "product_status": {"known_affected": ["P2"]}})
    validate_csaf(doc)
    assert _cves(doc, "Controller", "2.5") == ["CVE-2025-0002"]
    assert _cves(doc, "Controller", "1.5") == ["CVE-2025-0001", "CVE-2025-0002"]


# -- relationships --------------------------------------------------------------------------------------


def _relationship_doc(category: str) -> dict[str, Any]:
    rel = {
        "category": category,
        "full_product_name": {"name": "WebHMI <=4.1 with EPAS UI <=2.6", "product_id": "R1"},
        "product_reference": "P1",
        "relates_to_product_reference": "P2",
    }
    outer = {
        "category": "default_component_of",
        "full_product_name": {"name": "... default component of EMO-L", "product_id": "R2"},
        "product_reference": "R1",
        "relates_to_product_reference": "P3",
    }
    branches = [
        _product("WebHMI", ("product_version_range", "<=4.1.0.0", "P1")),
        _product("EPAS User Interface", ("product_version_range", "<=2.6.30.19", "P2")),
        _product("EMO-L", ("product_version", "1.0", "P3")),
    ]
    # The outer relationship comes first: it refers to one defined after it.
    return _doc(branches, {"known_affected": ["R1", "R2"]}, relationships=[outer, rel])


def test_a_relationship_matches_its_component_and_the_product_carrying_it() -> None:
    doc = _relationship_doc("installed_with")
    assert _cves(doc, "WebHMI", "4.0") == ["CVE-2025-0001"]
    assert _cves(doc, "EPAS User Interface", "2.6.30.19") == ["CVE-2025-0001"]
    assert _cves(doc, "EMO-L", "1.0") == ["CVE-2025-0001"]  # through the outer default_component_of
    assert _cves(doc, "WebHMI", "4.2") == []
    assert _cves(doc, "EPAS User Interface", "2.7") == []


def test_installed_on_does_not_make_the_host_product_affected() -> None:
    doc = _relationship_doc("installed_on")  # "WebHMI installed on EPAS UI": EPAS UI's package is not WebHMI
    assert _cves(doc, "WebHMI", "4.0") == ["CVE-2025-0001"]
    assert _cves(doc, "EPAS User Interface", "2.6.30.19") == []


# -- a range that cannot be read ------------------------------------------------------------------------


def test_an_unreadable_range_is_a_possible_match_with_its_own_finding() -> None:
    doc = _doc([_product("NSecKrnl", ("product_version_range", "<*", "P1"))], {"known_affected": ["P1"]})
    [match] = match_package(doc, name="NSecKrnl", version="1.0")
    assert (match.matched_by, match.possible, match.range_text) == (UNREADABLE, True, "<*")
    assert match_package(doc, name="NSecsoft", version="1.0") == []  # near miss: another product
    advisory = Advisory(vendor="Example", id="EX-1", kind="csaf", published=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
                        title="t", body=doc, csaf=(match,))  # fmt: skip
    [finding] = findings_for([advisory], name="NSecKrnl", version="1.0")
    assert finding.code == "advisory.csaf_range_unreadable"
    assert "'<*'" in finding.message and finding.evidence["unreadable_range"] == "<*"


def test_an_incomparable_version_is_a_possible_match_and_a_readable_exact_fix_still_wins() -> None:
    doc = _doc(
        [_product("Agiloft", ("product_version_range", "<Release 31", "P1"), ("product_version", "Release 31", "P2"))],
        {"known_affected": ["P1"], "fixed": ["P2"]},
    )
    assert [m.matched_by for m in match_package(doc, name="Agiloft", version="30")] == [UNREADABLE]
    assert match_package(doc, name="Agiloft", version="Release 31") == []


def test_an_unreadable_range_never_says_not_affected() -> None:
    doc = _doc([_product("ABC", ("product_version_range", "<*", "P1"))], {"known_not_affected": ["P1"]})
    assert not_affected(doc, name="ABC", version="1.0") == []
    readable = _doc([_product("ABC", ("product_version_range", "<2", "P1"))], {"known_not_affected": ["P1"]})
    assert [s.product_ids for s in not_affected(readable, name="ABC", version="1.0")] == [("P1",)]


def test_relationships_listed_in_reverse_order_all_resolve() -> None:
    """Each refers to the next one defined after it (resolved by a worklist, not by repeated passes)."""
    rels = [
        {
            "category": "default_component_of",
            "full_product_name": {"name": f"r{i}", "product_id": f"R{i}"},
            "product_reference": f"R{i - 1}" if i else "P0",
            "relates_to_product_reference": "P0",
        }
        for i in range(5_000)
    ]
    tree = {"full_product_names": [{"name": "p", "product_id": "P0"}], "relationships": rels[::-1]}
    assert len(products({"product_tree": tree})) == 5_001
