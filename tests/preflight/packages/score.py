"""Scores preflight on whole real packages (tests/preflight/packages, see its README.md).

Each package in ``packages.toml`` is laid out by ``loader.py`` and run through preflight as one package against
``corpus_score.CORPUS_INVENTORY`` (an unprivileged installer account, no allowed endpoints). Every finding above
low is compared, as (code, path, line) (line 0 when the finding has none), with ``expectations/<name>.toml``: the
findings a careful reviewer judged correct. A finding not expected is a false positive; an expectation not found
is a miss. Prints the per-code table and every disagreement; ``--findings`` prints every finding above low;
``--round N`` scores only the packages of round N (each entry's ``round``, 1 when not given); ``--json`` prints one
JSON object instead (the totals, the table and the disagreements, or ``skipped`` with the reason when the packages
cannot be fetched): what tests/preflight/test_packages.py reads from the rounds it runs side by side.

Run: ``PYTHONPATH=$PWD/python python tests/preflight/packages/score.py [--findings] [--json] [--round N] [NAME…]``
from the worktree root.
"""

from __future__ import annotations

import json
import sys
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # corpus_score, preflight_kit
sys.path.insert(0, str(HERE))

from corpus_score import CORPUS_INVENTORY, Score  # noqa: E402
from loader import Pinned, files, pinned  # noqa: E402
from preflight_kit import package  # noqa: E402

from shipgate.findings import Finding, Severity  # noqa: E402
from shipgate.preflight import run_preflight  # noqa: E402

EXPECTATIONS = HERE / "expectations"
Key = tuple[str, str, int]


@dataclass(frozen=True)
class Expected:
    code: str
    path: str
    line: int
    why: str

    @property
    def key(self) -> Key:
        return (self.code, self.path, self.line)


@dataclass
class Run:
    name: str
    found: list[Finding] = field(default_factory=list)
    seconds: float = 0.0


def expectations(name: str) -> list[Expected]:
    path = EXPECTATIONS / f"{name}.toml"
    if not path.is_file():
        return []
    doc = tomllib.loads(path.read_text())
    return [Expected(e["code"], e["path"], int(e["line"]), e["why"]) for e in doc.get("finding", [])]


def key(finding: Finding) -> Key:
    line = finding.evidence.get("line")
    return (finding.code, str(finding.evidence.get("file") or finding.path), line if isinstance(line, int) else 0)


def above_low(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity > Severity.LOW]


def run_package(entry: Pinned) -> Run:
    blobs = files(entry)
    started = time.perf_counter()
    found = run_preflight(package(dict(blobs)), inventory=CORPUS_INVENTORY)
    return Run(entry.name, above_low(found), time.perf_counter() - started)


def compare(name: str, found: list[Finding], score: Score) -> None:
    left = [key(f) for f in found]
    for expected in expectations(name):
        if expected.key in left:
            left.remove(expected.key)
            score.tp[expected.code] += 1
        else:
            score.fn[expected.code] += 1
            where = f"{name}:{expected.path}:{expected.line}"
            score.disagreements.append(f"MISSED {where} {expected.code} ({expected.why})")
    for code, path, line in left:
        score.fp[code] += 1
        score.disagreements.append(f"EXTRA  {name}:{path}:{line} {code}")


def chosen(argv: list[str]) -> list[Pinned]:
    """The pinned packages the arguments name: ``--round N`` and package names narrow the list."""
    wanted_round = int(argv[argv.index("--round") + 1]) if "--round" in argv else None
    skip = {argv.index("--round") + 1} if wanted_round is not None else set()
    names = {a for i, a in enumerate(argv) if not a.startswith("--") and i not in skip}
    return [
        entry
        for entry in pinned()
        if (not names or entry.name in names) and (wanted_round is None or entry.round == wanted_round)
    ]


def totals(score: Score) -> tuple[int, int, int]:
    tp, fp, fn = (sum(c.values()) for c in (score.tp, score.fp, score.fn))
    return tp, fp, fn


def scored_json(argv: list[str]) -> str:
    """The chosen packages' score as one JSON object; a package that cannot be fetched skips them all."""
    score = Score()
    try:
        for entry in chosen(argv):
            compare(entry.name, run_package(entry).found, score)
    except pytest.skip.Exception as skipped:
        return json.dumps({"skipped": str(skipped)})
    tp, fp, fn = totals(score)
    return json.dumps({"tp": tp, "fp": fp, "fn": fn, "table": score.table(), "disagreements": score.disagreements})


def main(argv: list[str]) -> int:
    if "--json" in argv:
        print(scored_json(argv))
        return 0
    show = "--findings" in argv
    score = Score()
    for entry in chosen(argv):
        run = run_package(entry)
        compare(entry.name, run.found, score)
        print(f"{entry.name}: {len(run.found)} findings above low ({run.seconds:.1f} s)")
        if show:
            for f in sorted(run.found, key=key):
                print(f"  {key(f)[1]}:{key(f)[2]} {f.code}: {f.message}")
    print()
    print(score.table())
    tp, fp, fn = totals(score)
    print(f"\nall: TP {tp}, FP {fp}, FN {fn}; precision {tp / max(tp + fp, 1):.0%}, recall {tp / max(tp + fn, 1):.0%}")
    for line in score.disagreements:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
