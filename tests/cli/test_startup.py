"""Risk: `shipgate hash` and every other command paying for the imports of all of them (cryptography, grpc,
psycopg, the store) at start-up, which shows up directly in hashing throughput on small and medium files."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("cryptography", "grpc", "psycopg", "sigstore", "jsonschema", "shipgate.store", "shipgate.trust")


def test_building_the_cli_imports_no_heavy_library() -> None:
    code = (
        "import sys; from shipgate.cli import build_parser; build_parser(); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
