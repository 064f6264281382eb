"""Scores the plan's reading of scripts on the real-world hold-out set (tests/plan/realworld, see its README.md).

Each labelled file is read as a package of one file at its original path: preflight's parsed facts, then the
plan's reading of them (``shipgate.plan.facts.from_preflight``). A plan fact agrees with a label when both have the
same kind and line. Prints precision/recall per kind and every disagreement (MISSED = false negative, EXTRA = false
positive); ``--facts`` also prints every fact the plan read.

Run: ``PYTHONPATH=$PWD/python python tests/plan/realworld/score.py [LABELS] [--facts]`` from the worktree root;
LABELS is a labels folder of this set (default ``labels``; ``labels-round2`` to ``labels-round6``
are the later rounds, each scored apart).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from shipgate.package.manifest import parse_manifest
from shipgate.plan.facts import from_preflight
from shipgate.plan.index import Located
from shipgate.preflight import PackageContents
from shipgate.preflight.facts import facts

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
# The plan's fact kinds, by the label kind they are compared with.
PLAN_KIND = {"service-stop": "interrupt"}
KINDS = ("interrupt", "backup-database", "backup-data", "backup-config", "prompt", "reboot", "firewall")
BACKUPS = frozenset(k for k in KINDS if k.startswith("backup-"))


@dataclass(frozen=True)
class Labelled:
    repo: str
    path: str
    location: Path
    facts: frozenset[tuple[str, int]]
    notes: dict[tuple[str, int], str]


def load(directory: Path = HERE / "labels") -> list[Labelled]:
    out = []
    for toml in sorted(directory.glob("*.toml")):
        doc = tomllib.loads(toml.read_text())
        source = doc["source"]
        stored = source.get("stored")
        location = ROOT / stored if stored else HERE / source["repo"].replace("/", "__") / source["path"]
        labels = {(f["kind"], int(f["line"])): str(f.get("note", "")) for f in doc.get("fact", [])}
        out.append(Labelled(source["repo"], source["path"], location, frozenset(labels), labels))
    return out


def package(path: str, data: bytes) -> PackageContents:
    doc = {
        "manifest_version": 1,
        "package": {"name": "realworld", "version": "1.0.0", "vendor": "hold-out", "built": "2026-12-01T00:00:00Z"},
        "files": [{"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "mode": "0755"}],
    }
    manifest, problems = parse_manifest(json.dumps(doc).encode())
    assert manifest is not None and not problems, problems
    return PackageContents(manifest=manifest, files={path: data})


def plan_facts(entry: Labelled) -> list[Located]:
    """What the plan reads in the file: its command facts of the scored kinds."""
    data = entry.location.read_bytes()
    read = from_preflight(facts(package(entry.path, data)), [], {entry.path: data})
    return [c for c in read.commands if PLAN_KIND.get(c.kind, c.kind) in KINDS]


def found_in(read: list[Located]) -> tuple[set[tuple[str, int]], dict[tuple[str, int], str]]:
    """The (label kind, line) of each plan fact, and its text."""
    texts = {(PLAN_KIND.get(c.kind, c.kind), c.line or 0): c.what for c in read}
    return set(texts), texts


@dataclass
class Score:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    disagreements: list[str] = field(default_factory=list)

    def add(self, entry: Labelled, found: set[tuple[str, int]], texts: dict[tuple[str, int], str]) -> None:
        where = f"{entry.repo}:{entry.path}"
        for key in sorted(found | entry.facts, key=lambda k: (k[1], k[0])):
            kind, line = key
            if key in found and key in entry.facts:
                self.tp[kind] += 1
            elif key in found:
                self.fp[kind] += 1
                self.disagreements.append(f"EXTRA  {where}:{line} {kind}: {texts.get(key, '')}")
            else:
                self.fn[kind] += 1
                self.disagreements.append(f"MISSED {where}:{line} {kind}: {entry.notes.get(key, '')}")
        any_found = {line for kind, line in found if kind in BACKUPS}
        any_labelled = {line for kind, line in entry.facts if kind in BACKUPS}
        self.tp["backup (any kind)"] += len(any_found & any_labelled)
        self.fp["backup (any kind)"] += len(any_found - any_labelled)
        self.fn["backup (any kind)"] += len(any_labelled - any_found)

    def table(self) -> str:
        rows = ["| kind | labelled | found | TP | FP | FN | precision | recall |", "|---" * 8 + "|"]
        for kind in (*KINDS, "backup (any kind)"):
            tp, fp, fn = self.tp[kind], self.fp[kind], self.fn[kind]
            precision = f"{tp / (tp + fp):.0%}" if tp + fp else "—"
            recall = f"{tp / (tp + fn):.0%}" if tp + fn else "—"
            rows.append(f"| {kind} | {tp + fn} | {tp + fp} | {tp} | {fp} | {fn} | {precision} | {recall} |")
        return "\n".join(rows)


def main(argv: list[str]) -> int:
    folders = [a for a in argv if not a.startswith("--")]
    entries = load(HERE / folders[0] if folders else HERE / "labels")
    score = Score()
    for entry in entries:
        read = plan_facts(entry)
        found, texts = found_in(read)
        if "--facts" in argv:
            for c in read:
                print(f"  {entry.repo}:{entry.path}:{c.line} {c.kind}: {c.what}")
        score.add(entry, found, texts)
    print(f"{len(entries)} files, {sum(len(e.facts) for e in entries)} labelled facts\n")
    print(score.table())
    print()
    print("\n".join(score.disagreements))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
