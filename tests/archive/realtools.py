"""The real ZIP tools (7z, zip, unzip, bsdtar, java) that the archive tests build archives with or compare
against. .ci/run installs them; a missing one fails under CI and skips elsewhere."""

from __future__ import annotations

import os
import shutil

import pytest


def require_tool(name: str) -> str:
    """The path of the program ``name``."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return path
