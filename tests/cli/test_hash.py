"""`shipgate hash`: output interchangeable with sha256sum/b3sum, checks, and clear per-file errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from shipgate.checksums import format_line, parse_line
from shipgate.errors import MalformedInput


def shipgate(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "shipgate", *args],
        input=None if stdin is None else stdin.decode("latin-1"),
        capture_output=True,
        text=True,
        encoding="latin-1",
    )


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, size in (("a.bin", 0), ("b.bin", 70_000), ("c d.bin", 5)):
        p = tmp_path / name
        p.write_bytes(os.urandom(size))
        paths.append(p)
    return paths


def test_single_algorithm_output_is_byte_identical_to_sha256sum(files: list[Path]) -> None:
    ours = shipgate("hash", "-a", "sha256", *map(str, files))
    theirs = subprocess.run(["sha256sum", *map(str, files)], capture_output=True, text=True, check=True)
    assert ours.returncode == 0
    assert ours.stdout == theirs.stdout


def test_blake3_output_is_byte_identical_to_b3sum(files: list[Path]) -> None:
    if shutil.which("b3sum") is None:
        pytest.skip("b3sum not installed") if not os.environ.get("CI") else pytest.fail("b3sum missing")
    ours = shipgate("hash", "-a", "blake3", *map(str, files))
    theirs = subprocess.run(["b3sum", *map(str, files)], capture_output=True, text=True, check=True)
    assert ours.stdout == theirs.stdout


def test_stdin_dash_like_sha256sum() -> None:
    data = os.urandom(100_000)
    ours = shipgate("hash", "-", stdin=data)
    theirs = subprocess.run(["sha256sum", "-"], input=data, capture_output=True, check=True)
    assert ours.stdout == theirs.stdout.decode()


def test_several_algorithms_print_tagged_lines_that_sha256sum_checks(files: list[Path], tmp_path: Path) -> None:
    out = shipgate("hash", "-a", "sha256,blake3", str(files[1]))
    lines = out.stdout.splitlines()
    assert [line.split(" ")[0] for line in lines] == ["SHA256", "BLAKE3"]
    sums = tmp_path / "SUMS"
    sums.write_text(lines[0] + "\n")
    assert subprocess.run(["sha256sum", "-c", str(sums)], capture_output=True).returncode == 0


def test_json_is_one_object_per_file(files: list[Path]) -> None:
    out = shipgate("hash", "--json", "-a", "sha512,sha256", *map(str, files[:2]))
    objects = [json.loads(line) for line in out.stdout.splitlines()]
    assert [o["path"] for o in objects] == [str(files[0]), str(files[1])]
    assert set(objects[0]) == {"path", "sha512", "sha256"}
    assert objects[0]["sha256"] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def test_missing_and_directory_paths_are_named_and_the_rest_still_hashed(files: list[Path], tmp_path: Path) -> None:
    out = shipgate("hash", str(tmp_path / "absent"), str(files[2]), str(tmp_path))
    assert out.returncode == 1
    assert out.stderr.splitlines() == [
        f"shipgate hash: {tmp_path / 'absent'}: No such file or directory",
        f"shipgate hash: {tmp_path}: Is a directory",
    ]
    assert out.stdout.endswith(f"  {files[2]}\n")
    assert "Traceback" not in out.stderr


def test_check_reports_ok_failed_and_unreadable_like_sha256sum(files: list[Path], tmp_path: Path) -> None:
    sums = tmp_path / "SUMS"
    sums.write_text(shipgate("hash", *map(str, files)).stdout)
    good = shipgate("hash", "--check", str(sums))
    assert good.returncode == 0
    assert good.stdout.splitlines() == [f"{p}: OK" for p in files]

    files[1].write_bytes(b"tampered")
    files[2].unlink()
    bad = shipgate("hash", "--check", str(sums))
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == [f"{files[0]}: OK", f"{files[1]}: FAILED", f"{files[2]}: FAILED open or read"]
    assert "WARNING: 1 computed checksum did NOT match" in bad.stderr
    assert "WARNING: 1 listed file could not be read" in bad.stderr


def test_check_reads_b3sum_output_with_dash_a_blake3(files: list[Path], tmp_path: Path) -> None:
    if shutil.which("b3sum") is None:
        pytest.skip("b3sum not installed") if not os.environ.get("CI") else pytest.fail("b3sum missing")
    sums = tmp_path / "B3SUMS"
    sums.write_text(subprocess.run(["b3sum", *map(str, files)], capture_output=True, text=True).stdout)
    assert shipgate("hash", "-a", "blake3", "--check", str(sums)).returncode == 0


def test_unknown_algorithm_is_a_usage_error_without_traceback() -> None:
    out = shipgate("hash", "-a", "md5", "x")
    assert out.returncode == 2
    assert out.stderr == "shipgate: unknown algorithm md5; choose from sha256, sha512, blake3\n"


@pytest.mark.parametrize("path", ["plain", "new\nline", "back\\slash", "both\\\nx"])
def test_escaped_paths_round_trip_like_coreutils(path: str) -> None:
    line = format_line("sha256", "ab" * 32, path, tagged=False)
    assert ("\n" not in line) and (line.startswith("\\") == (path != "plain"))
    assert parse_line(line, default_algorithm="sha256").path == path
    tagged = format_line("blake3", "cd" * 32, path, tagged=True)
    parsed = parse_line(tagged, default_algorithm="sha256")
    assert (parsed.algorithm, parsed.path) == ("blake3", path)


def test_escaped_newline_matches_sha256sum(tmp_path: Path) -> None:
    odd = tmp_path / "new\nline"
    odd.write_bytes(b"x")
    theirs = subprocess.run(["sha256sum", str(odd)], capture_output=True, text=True).stdout
    assert shipgate("hash", str(odd)).stdout == theirs


def test_malformed_sum_lines_are_refused() -> None:
    with pytest.raises(MalformedInput, match="64 hex digits"):
        parse_line("abcd  file", default_algorithm="sha256")
    with pytest.raises(MalformedInput, match="not a checksum line"):
        parse_line("hello", default_algorithm="sha256")
