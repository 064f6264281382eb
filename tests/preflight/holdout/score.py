"""Scores preflight on the hold-out set (tests/preflight/holdout, see its README.md).

Each hold-out file is run exactly as ``tests/preflight/test_corpus.py`` runs a corpus file: a package of one file
at its original path, against ``corpus_score.CORPUS_INVENTORY`` (or the set's own ``inventory.toml`` when its
folder holds one: ``corpus_score.set_inventory``), compared with its labels by
``corpus_score.compare``; files of one project whose labels name the same ``package`` are run together as one
package (``corpus_score.packages``), each scored on the findings on its own path. Prints the per-category table
and every disagreement (MISSED = false negative, EXTRA = false positive). ``--findings`` also prints every scored
finding with its message.

Run: ``PYTHONPATH=$PWD/python python tests/preflight/holdout/score.py [SET]`` from the worktree root, where SET is
a hold-out folder laid out like this one (``labels/`` beside ``<owner>__<repo>/<path>``); default: this folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

HOLDOUT = Path(__file__).resolve().parent
sys.path.insert(0, str(HOLDOUT.parent))  # corpus_score and preflight_kit live in tests/preflight

from corpus_score import Score, compare, load_labels, run_set, scored  # noqa: E402

from shipgate.findings import Severity  # noqa: E402


def main(argv: list[str]) -> int:
    show_findings = "--findings" in argv
    folders = [Path(a) for a in argv if not a.startswith("--")]
    folder = folders[0].resolve() if folders else HOLDOUT
    entries = load_labels(folder / "labels")
    score = Score()
    for entry, findings in run_set(folder, entries):
        compare(entry, scored(findings), score)
        if show_findings:
            for f in findings:
                if f.severity > Severity.INFO and isinstance(f.evidence.get("line"), int):
                    print(f"  {entry.repo}:{entry.path}:{f.evidence['line']} {f.code}: {f.message}")
    labelled = sum(score.labelled(code) for code in score.categories())
    print(f"{len(entries)} files, {labelled} labelled risks\n")
    print(score.table())
    tp, fp, fn = (sum(counter.values()) for counter in (score.tp, score.fp, score.fn))
    print(f"\nall: TP {tp}, FP {fp}, FN {fn}; precision {tp / max(tp + fp, 1):.0%}, recall {tp / max(tp + fn, 1):.0%}")
    print()
    for line in score.disagreements:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
