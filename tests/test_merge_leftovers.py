"""No merge left its conflict markers in the project's own text: the README, docs/, the Python package, the tests'
code and the benches (test data under tests/ is public files kept byte for byte and is not read)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The markers git writes around a conflict: seven signs at the start of a line, a space and the side's name (the
# ``=======`` between them is not looked for: Markdown underlines a heading the same way).
_MARKER = re.compile(r"^(?:<{7}|>{7}) \S", re.M)


def _own_text() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    for folder in ("python", "benches"):
        files += sorted((ROOT / folder).rglob("*.py"))
    files += sorted((ROOT / "tests").glob("**/test_*.py"))
    return files


def test_no_conflict_markers_left_in_the_projects_own_text() -> None:
    left = [
        f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}"
        for path in _own_text()
        for text in [path.read_text(encoding="utf-8", errors="replace")]
        for m in _MARKER.finditer(text)
    ]
    assert left == [], f"conflict markers left by a merge: {left[:20]}"


def test_a_marker_is_found() -> None:
    assert _MARKER.search("text\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n")
    assert not _MARKER.search("Title\n=======\n> quoted text\n")
