"""Scores preflight against the hand-labelled real-world corpus (tests/preflight/corpus, see its README.md).

Each labelled file is run as a package of one file, at its original path, against ``CORPUS_INVENTORY``: an
unprivileged installer account (``sudo = false``), no allowed endpoints, units not inventoried. Findings above
info are compared with the labels as (file, code, line): a label names the line(s) where the risk may be
reported (the use and, for data flow, the assignment); each label matches at most one finding. Findings left
over are false positives, labels left over are misses.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from preflight_kit import package

from shipgate.findings import Finding, Severity
from shipgate.inventory import Inventory
from shipgate.preflight import run_preflight

CORPUS = Path(__file__).parent / "corpus"
LABELS = CORPUS / "labels"
CORPUS_INVENTORY = Inventory(os="debian-12", sudo=False, allowed_endpoints=())


@dataclass(frozen=True)
class Label:
    code: str
    lines: tuple[int, ...]
    note: str


@dataclass(frozen=True)
class LabelledFile:
    repo: str
    path: str
    commit: str
    licence: str
    labels: tuple[Label, ...]

    @property
    def location(self) -> Path:
        return CORPUS / self.repo.replace("/", "__") / self.path


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)

    def categories(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))

    def labelled(self, code: str) -> int:
        return self.tp[code] + self.fn[code]

    def precision(self, code: str) -> float:
        found = self.tp[code] + self.fp[code]
        return self.tp[code] / found if found else 1.0

    def recall(self, code: str) -> float:
        labelled = self.labelled(code)
        return self.tp[code] / labelled if labelled else 1.0

    def table(self) -> str:
        rows = ["| category | labelled | found | TP | FP | FN | precision | recall |", "|---" * 8 + "|"]
        for code in self.categories():
            rows.append(
                f"| {code.removeprefix('preflight.')} | {self.labelled(code)} | {self.tp[code] + self.fp[code]} "
                f"| {self.tp[code]} | {self.fp[code]} | {self.fn[code]} | {self.precision(code):.0%} "
                f"| {self.recall(code):.0%} |"
            )
        return "\n".join(rows)


def load_labels(directory: Path = LABELS) -> list[LabelledFile]:
    files = []
    for labels_path in sorted(directory.glob("*.toml")):
        doc = tomllib.loads(labels_path.read_text())
        source = doc["source"]
        labels = tuple(Label(r["code"], tuple(r["lines"]), r["note"]) for r in doc.get("risk", []))
        files.append(LabelledFile(source["repo"], source["path"], source["commit"], source["licence"], labels))
    return files


def scored(findings: Iterable[Finding]) -> list[tuple[str, int]]:
    """(code, line) of each finding above info that carries a line."""
    return [
        (f.code, int(f.evidence["line"]))
        for f in findings
        if f.severity > Severity.INFO and isinstance(f.evidence.get("line"), int)
    ]


def compare(entry: LabelledFile, found: list[tuple[str, int]], score: Score) -> None:
    left = list(found)
    for label in entry.labels:
        hit = next((f for f in left if f[0] == label.code and f[1] in label.lines), None)
        if hit is None:
            score.fn[label.code] += 1
            score.disagreements.append(f"MISSED {entry.repo}:{entry.path}:{label.lines[0]} {label.code} ({label.note})")
        else:
            left.remove(hit)
            score.tp[label.code] += 1
    for code, line in left:
        score.fp[code] += 1
        score.disagreements.append(f"EXTRA  {entry.repo}:{entry.path}:{line} {code}")


def run_file(entry: LabelledFile, inventory: Inventory = CORPUS_INVENTORY) -> list[Finding]:
    contents = package({entry.path: entry.location.read_bytes()})
    return run_preflight(contents, inventory=inventory)


def score_corpus(entries: Iterable[LabelledFile]) -> Score:
    score = Score()
    for entry in entries:
        compare(entry, scored(run_file(entry)), score)
    return score
