"""Every finding preflight reports on a real file points into that file: its ``path`` and ``evidence["file"]``
name a file of the package (the report's location column and the rescan of a script both use them), never a
name the script downloads to or writes. Run over the corpus and every hold-out set."""

from __future__ import annotations

from pathlib import Path

from corpus_score import CORPUS_INVENTORY, LABELS, load_labels
from preflight_kit import package

from shipgate.preflight import run_preflight

HERE = Path(__file__).parent
FOLDERS = [LABELS.parent, *sorted(p.parent for p in HERE.glob("holdout*/labels"))]


def test_every_finding_points_into_the_file_it_was_found_in() -> None:
    wrong: list[str] = []
    seen = 0
    for folder in FOLDERS:
        for entry in load_labels(folder / "labels"):
            stored = folder / entry.repo.replace("/", "__") / entry.path
            for f in run_preflight(package({entry.path: stored.read_bytes()}), inventory=CORPUS_INVENTORY):
                seen += 1
                where = f.evidence.get("file", f.path)
                if f.path not in (entry.path, "manifest.json") or where != f.path:
                    wrong.append(f"{entry.repo}:{entry.path}: {f.code} path={f.path!r} file={where!r}")
    assert seen > 1000
    assert wrong == []
