"""The real-world hold-out set stays readable: every label points at a line of its file, and the scorer runs over
the whole set. The numbers themselves are a measurement (README.md), not asserted here."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score import HERE, KINDS, Score, found_in, load, plan_facts

ROUNDS = ("labels", "labels-round2", "labels-round3", "labels-round4", "labels-round5", "labels-round6")


def test_every_label_points_at_a_line_of_its_file() -> None:
    entries = [e for r in ROUNDS for e in load(HERE / r)]
    assert len(entries) >= 15
    for entry in entries:
        lines = entry.location.read_bytes().decode().splitlines()
        for kind, line in entry.facts:
            assert kind in KINDS, (entry.path, kind)
            assert 1 <= line <= len(lines), (entry.path, line)


def test_the_scorer_reads_every_file() -> None:
    score = Score()
    for entry in (e for r in ROUNDS for e in load(HERE / r)):
        score.add(entry, *found_in(plan_facts(entry)))
    assert sum(score.tp.values()) + sum(score.fn.values()) > 0
