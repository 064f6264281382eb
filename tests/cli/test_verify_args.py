"""`shipgate verify` on a path that is not a package: one line saying why, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(("make", "reason"), [("dir", "not a regular file"), ("missing", "no such file")])
def test_a_path_that_is_not_a_package_is_a_usage_error(tmp_path: Path, home: Path, make: str, reason: str) -> None:
    target = tmp_path / "pkg"
    if make == "dir":
        target.mkdir()
    out = subprocess.run(
        [sys.executable, "-m", "shipgate", "verify", str(target)], capture_output=True, text=True
    )
    assert out.returncode == 2
    assert out.stderr == f"shipgate verify: {target}: {reason}\n"
