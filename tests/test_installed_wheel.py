"""The code registry ships in the wheel: explained and described from an installed package, not the checkout.

The wheel is built with maturin (cargo reuses the release build already in ``target/``), installed into a
directory of its own, and run from an unrelated working directory with that directory first on the path.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("maturin") is None:
        pytest.skip("maturin is not installed (pip install maturin)")
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        ["maturin", "build", "--release", "--quiet", "--out", str(work / "dist")],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    (wheel,) = (work / "dist").glob("shipgate-*.whl")
    site = work / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        check=True,
        capture_output=True,
    )
    return site


def _shipgate(site: Path, cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """``shipgate ARGV`` from the installed copy: isolated mode (no checkout on the path), site first."""
    program = (
        "import sys; sys.path.insert(0, sys.argv.pop(1)); import shipgate, shipgate.cli as c; "
        "assert shipgate.__file__.startswith(sys.path[0]), shipgate.__file__; sys.argv[0] = 'shipgate'; "
        "sys.exit(c.run())"
    )
    return subprocess.run(
        [sys.executable, "-I", "-c", program, str(site), *argv], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize("code", ["zip.overlapping_entries", "trust.unknown_issuer", "manifest.digest_mismatch"])
def test_policy_explain_answers_from_the_installed_package(installed: Path, tmp_path: Path, code: str) -> None:
    from shipgate.codes import lookup

    done = _shipgate(installed, tmp_path, "policy", "explain", code)
    assert done.returncode == 0, done.stderr
    registered = lookup(code)
    assert registered is not None
    assert registered.meaning in done.stdout and registered.remedy in done.stdout


def test_sarif_rules_are_described_from_the_installed_package(installed: Path, tmp_path: Path) -> None:
    from shipgate.codes import lookup

    bogus = tmp_path / "pkg.zip"
    bogus.write_bytes(b"not a zip at all, but named like one")
    home = str(tmp_path / "home")
    done = _shipgate(installed, tmp_path, "--home", home, "verify", "--no-store", "--sarif", str(bogus))
    assert done.returncode == 1, done.stderr
    rules = json.loads(done.stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        registered = lookup(rule["id"])
        assert registered is not None, rule["id"]
        assert rule["shortDescription"]["text"] == registered.meaning
        assert rule["help"]["text"] == registered.remedy
