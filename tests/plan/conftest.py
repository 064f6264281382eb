"""The story's plan, made once per module: the demo's package verified against its inventory after the
vendor's feed is synced (``shipgate.demo``), exactly as ``shipgate demo`` does."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipgate.demo.run import DemoResult, run_demo


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> DemoResult:
    workdir = tmp_path_factory.mktemp("story")
    return run_demo(workdir, home=workdir / "home", say=lambda _: None)


@pytest.fixture(scope="module")
def artifacts() -> Path:
    """Where tests leave what a person may want to look at (screenshots): target/test-artifacts/."""
    path = Path(__file__).resolve().parents[2] / "target" / "test-artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path
