"""Fixtures for the service tests: a pinned vendor in a fresh home and packages built for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.kit import Vendor, build_package, make_vendor, pin


@pytest.fixture(scope="session")
def vendor() -> Vendor:
    return make_vendor()


@pytest.fixture
def pinned_home(home: Path, vendor: Vendor) -> Path:
    pin(home, vendor)
    return home


@pytest.fixture
def good_zip(tmp_path: Path, vendor: Vendor) -> Path:
    return build_package(tmp_path / "good.zip", vendor)


@pytest.fixture
def unsigned_zip(tmp_path: Path) -> Path:
    return build_package(tmp_path / "unsigned.zip", None)
