"""A vendor with real keys for the event tests (the admission tests' kit)."""

from __future__ import annotations

import pytest

from admission.kit import Vendor, make_vendor


@pytest.fixture(scope="session")
def vendor() -> Vendor:
    return make_vendor()
