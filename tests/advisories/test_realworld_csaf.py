"""Real-world CSAF 2.0 documents (tests/advisories/realworld): every one validates, and matching agrees with
labels written by reading the documents.

Risk covered: a gate that refuses real advisories as invalid, misses an affected package (and gets bypassed)
or flags fixed versions (and gets switched off).

    PYTHONPATH=$PWD/python python tests/advisories/test_realworld_csaf.py    # the table and every disagreement
"""

from __future__ import annotations

import hashlib
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from shipgate.advisories.csaf import parse_csaf
from shipgate.advisories.csaf_match import match_package
from shipgate.advisories.errors import CsafInvalid

REALWORLD = Path(__file__).resolve().parent / "realworld"
# Documents that truly violate the CSAF 2.0 schema, with the reason (none so far).
TRULY_INVALID: dict[str, str] = {}
MIN_PRECISION = 0.90
MIN_RECALL = 0.90


@dataclass(frozen=True)
class Outcome:
    set: str  # "main" (the first run's set) or "holdout" (added after the fixes)
    doc: str
    name: str
    version: str
    expected: str
    cves: frozenset[str]  # must be reported
    not_cves: frozenset[str]  # must not be reported (the document says fixed for this version)
    reported: frozenset[str]
    possible: bool  # reported only through ranges shipgate could not read (advisory.csaf_range_unreadable)

    @property
    def predicted_affected(self) -> bool:
        return bool(self.reported)

    @property
    def kind(self) -> str:
        if self.expected == "affected":
            if not (self.cves <= self.reported and self.reported):
                return "FN"
            return "FP" if self.reported & self.not_cves else "TP"
        return "FP" if self.predicted_affected else "TN"


def _sources() -> list[dict[str, str]]:
    return list(tomllib.loads((REALWORLD / "SOURCES.toml").read_text(encoding="utf-8"))["document"])


def _documents() -> dict[str, Path]:
    return {Path(s["file"]).name: REALWORLD / s["file"] for s in _sources()}


def validate_all() -> dict[str, str]:
    """Each document's refusal message, for those parse_csaf refuses."""
    refused = {}
    for name, path in _documents().items():
        try:
            parse_csaf(path.read_bytes(), what=name)
        except CsafInvalid as exc:
            refused[name] = exc.message
    return refused


def score() -> list[Outcome]:
    docs = {name: parse_csaf(path.read_bytes(), what=name).document for name, path in _documents().items()}
    labels = tomllib.loads((REALWORLD / "labels.toml").read_text(encoding="utf-8"))["case"]
    out = []
    for case in labels:
        matches = match_package(docs[case["doc"]], name=case["name"], version=case["version"])
        out.append(
            Outcome(
                set=case.get("set", "main"),
                doc=case["doc"],
                name=case["name"],
                version=case["version"],
                expected=case["expected"],
                cves=frozenset(case.get("cves", [])),
                not_cves=frozenset(case.get("not_cves", [])),
                reported=frozenset(m.cve or ",".join(m.ids) for m in matches),
                possible=bool(matches) and all(m.possible for m in matches),
            )
        )
    return out


def _rates(outcomes: list[Outcome]) -> tuple[dict[str, int], float, float]:
    counts = {k: sum(o.kind == k for o in outcomes) for k in ("TP", "FP", "FN", "TN")}
    precision = counts["TP"] / max(1, counts["TP"] + counts["FP"])
    recall = counts["TP"] / max(1, counts["TP"] + counts["FN"])
    return counts, precision, recall


def report(outcomes: list[Outcome], refused: dict[str, str]) -> tuple[float, float]:
    """Prints the table (all cases, then each set) and every disagreement; returns precision and recall."""
    print(f"\n{len(_documents())} documents, {len(outcomes)} cases; refused as invalid: {len(refused)}")
    print(f"{'set':8} {'cases':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'precision':>9} {'recall':>7}")
    for label in ("all", "main", "holdout"):
        subset = [o for o in outcomes if label in ("all", o.set)]
        counts, precision, recall = _rates(subset)
        print(f"{label:8} {len(subset):>5} {counts['TP']:>4} {counts['FP']:>4} {counts['FN']:>4} {counts['TN']:>4} "
              f"{precision:>9.3f} {recall:>7.3f}")  # fmt: skip
    for name, message in sorted(refused.items()):
        print(f"  refused {name}: {message}")
    for o in outcomes:
        if o.kind in ("FP", "FN"):
            print(f"  {o.kind} [{o.set}] {o.doc}: {o.name!r} {o.version!r} expected {o.expected} {sorted(o.cves)}"
                  f" (not {sorted(o.not_cves)}), reported {sorted(o.reported)}")  # fmt: skip
    possible = [o for o in outcomes if o.possible]
    print(f"reported only as possible matches (range not read): {len(possible)}")
    for o in possible:
        print(f"  possible {o.kind} {o.doc}: {o.name!r} {o.version!r}")
    _, precision, recall = _rates(outcomes)
    return precision, recall


def test_documents_are_the_publishers_bytes() -> None:
    for source in _sources():
        if source["sha512"]:
            data = (REALWORLD / source["file"]).read_bytes()
            assert hashlib.sha512(data).hexdigest() == source["sha512"], source["file"]


def test_no_real_document_is_refused_unless_it_truly_violates_the_schema() -> None:
    refused = validate_all()
    assert set(refused) == set(TRULY_INVALID), refused


def test_matching_agrees_with_the_labels() -> None:
    refused = validate_all()
    precision, recall = report(score(), refused)
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL


if __name__ == "__main__":
    sys.exit(0 if min(report(score(), validate_all())) >= MIN_PRECISION else 1)
