"""A key's prefix with the rest elided (``sk_test_...``) is the shape of a value to paste, not a secret
(secrets._DESCRIPTION)."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at

CODE = "preflight.hardcoded_credential"


@pytest.mark.parametrize(
    "line",
    ["STRIPE_SECRET_KEY=sk_test_...", "STRIPE_WEBHOOK_SECRET=whsec_...", "GITHUB_TOKEN=ghp_…", "API_KEY=..."],
)
def test_an_elided_key_is_a_placeholder(line: str) -> None:
    assert codes_at({".env.example": f"{line}\n"}, CODE) == []


@pytest.mark.parametrize(
    "line",
    ["STRIPE_SECRET_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc", "ADMIN_PASSWORD=s3cr3t.pw"],
)
def test_a_whole_value_is_still_reported(line: str) -> None:
    assert codes_at({".env.example": f"{line}\n"}, CODE) == [1]
