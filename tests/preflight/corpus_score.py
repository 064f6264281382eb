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
    package: str = ""  # hold-out files of one project that name the same package are run as one package

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
        files.append(
            LabelledFile(
                source["repo"], source["path"], source["commit"], source["licence"], labels, source.get("package", "")
            )
        )
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


def packages(entries: Iterable[LabelledFile]) -> list[list[LabelledFile]]:
    """The entries as they are run: a package of one file each, except that the files of a set naming the same
    ``package`` in their ``[source]`` (an entry program stored with the modules of its project it calls) are one
    package, each at its original path."""
    groups: dict[str, list[LabelledFile]] = {}
    runs: list[list[LabelledFile]] = []
    for entry in entries:
        if not entry.package:
            runs.append([entry])
        elif entry.package in groups:
            groups[entry.package].append(entry)
        else:
            groups[entry.package] = [entry]
            runs.append(groups[entry.package])
    return runs


def set_inventory(folder: Path) -> Inventory:
    """The target a hold-out set is run against: its own ``inventory.toml`` when the folder holds one (a set
    measured against a real target's unit list, say), else ``CORPUS_INVENTORY``."""
    own = folder / "inventory.toml"
    return Inventory.load(own) if own.is_file() else CORPUS_INVENTORY


def run_set(folder: Path, entries: Iterable[LabelledFile]) -> list[tuple[LabelledFile, list[Finding]]]:
    """Each hold-out entry of ``folder`` with the findings on its file (stored at ``<owner>__<repo>/<path>``),
    run against ``set_inventory(folder)``. A package of several files gives each file the findings on its path;
    findings on no file of the package go to its first file in label order."""
    inventory = set_inventory(folder)
    results: list[tuple[LabelledFile, list[Finding]]] = []
    for run in packages(entries):
        files = {e.path: (folder / e.repo.replace("/", "__") / e.path).read_bytes() for e in run}
        findings = run_preflight(package(files), inventory=inventory)
        if len(run) == 1:
            results.append((run[0], findings))
            continue
        for index, entry in enumerate(run):
            mine = [f for f in findings if f.path == entry.path or (index == 0 and f.path not in files)]
            results.append((entry, mine))
    return results


def run_file(entry: LabelledFile, inventory: Inventory = CORPUS_INVENTORY) -> list[Finding]:
    contents = package({entry.path: entry.location.read_bytes()})
    return run_preflight(contents, inventory=inventory)


def score_corpus(entries: Iterable[LabelledFile]) -> Score:
    score = Score()
    for entry in entries:
        compare(entry, scored(run_file(entry)), score)
    return score
