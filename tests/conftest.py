"""Shared test fixtures: where the shared corpora live, and a throwaway shipgate home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("SHIPGATE_CORPORA", ROOT.parent / "shared" / "corpora"))


@pytest.fixture(scope="session")
def corpora() -> Path:
    """``../shared/corpora``, read in place. Missing corpora fail under CI and skip elsewhere."""
    if not CORPORA.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"shared corpora not found at {CORPORA}")
        pytest.skip(f"shared corpora not found at {CORPORA}")
    return CORPORA


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh shipgate home for one test, also exported as $SHIPGATE_HOME for subprocesses."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("SHIPGATE_HOME", str(path))
    return path
