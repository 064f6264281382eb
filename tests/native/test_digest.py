"""The native multi-digest engine against the reference tools, and its threading contract."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from shipgate import _native
from shipgate.errors import UnsupportedInput

KIB = 1024
MIB = 1024 * KIB
# The edges that matter: empty, one byte, around the 64 KiB parallel threshold, past the mmap threshold.
SIZES = [0, 1, 64 * KIB - 1, 64 * KIB, 64 * KIB + 1, MIB + 7]
TOOLS = {"sha256": "sha256sum", "sha512": "sha512sum", "blake3": "b3sum"}


def reference(tool: str, path: Path | None, data: bytes | None = None) -> str:
    """The digest printed by a coreutils-style reference tool, on a file or on stdin."""
    exe = shutil.which(tool)
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed (.ci/run installs it)")
        pytest.skip(f"{tool} is not installed")
    args = [exe] if path is None else [exe, str(path)]
    out = subprocess.run(args, input=data, capture_output=True, check=True).stdout
    return out.split()[0].decode()


@pytest.fixture(scope="module")
def sample_files(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    directory = tmp_path_factory.mktemp("digest")
    files = {}
    for size in SIZES:
        path = directory / f"f{size}"
        path.write_bytes(os.urandom(size))
        files[size] = path
    return files


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("algorithm", sorted(TOOLS))
def test_hash_file_equals_reference_tool(sample_files: dict[int, Path], size: int, algorithm: str) -> None:
    path = sample_files[size]
    assert _native.hash_file(path, [algorithm]) == {algorithm: reference(TOOLS[algorithm], path)}


@pytest.mark.parametrize("size", SIZES)
def test_all_three_at_once_equal_each_alone(sample_files: dict[int, Path], size: int) -> None:
    together = _native.hash_file(sample_files[size], ["sha256", "sha512", "blake3"])
    for algorithm in TOOLS:
        assert together[algorithm] == _native.hash_file(sample_files[size], [algorithm])[algorithm]


@pytest.mark.slow
def test_300_mib_random_file_equals_reference_tools(tmp_path: Path) -> None:
    path = tmp_path / "big"
    with path.open("wb") as f:
        for _ in range(300):
            f.write(os.urandom(MIB))
    ours = _native.hash_file(path, ["sha256", "sha512", "blake3"])
    for algorithm, tool in TOOLS.items():
        assert ours[algorithm] == reference(tool, path), algorithm


@pytest.mark.parametrize("algorithm", sorted(TOOLS))
def test_stream_equals_reference_tool_on_stdin(algorithm: str) -> None:
    data = os.urandom(3 * MIB + 5)
    digest = _native.MultiDigest([algorithm])
    view = memoryview(data)
    for start in range(0, len(data), 1_000_003):  # odd chunk sizes, as a network delivers them
        digest.update(view[start : start + 1_000_003])
    assert digest.hexdigests() == {algorithm: reference(TOOLS[algorithm], None, data)}
    assert digest.bytes_hashed == len(data)


def test_update_accepts_any_contiguous_buffer() -> None:
    data = b"shipgate" * 1000
    expected = hashlib.sha256(data * 4).hexdigest()
    digest = _native.MultiDigest(["sha256"])
    for chunk in (data, bytearray(data), memoryview(data), memoryview(bytearray(data))):
        digest.update(chunk)
    assert digest.hexdigests() == {"sha256": expected}


def test_non_contiguous_buffer_is_refused_not_misread() -> None:
    digest = _native.MultiDigest(["sha256"])
    with pytest.raises(BufferError, match="contiguous"):
        digest.update(memoryview(b"abcdef")[::2])
    assert digest.bytes_hashed == 0


def test_unknown_or_empty_algorithms_raise_shipgate_errors() -> None:
    with pytest.raises(UnsupportedInput, match="md5"):
        _native.MultiDigest(["md5"])
    with pytest.raises(UnsupportedInput, match="empty"):
        _native.MultiDigest([])


def test_io_errors_are_oserrors_naming_the_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as missing:
        _native.hash_file(tmp_path / "absent", ["sha256"])
    assert missing.value.filename == str(tmp_path / "absent")
    with pytest.raises(IsADirectoryError):
        _native.hash_file(tmp_path, ["sha256"])


def test_progress_callback_reports_the_total_and_its_errors_propagate(sample_files: dict[int, Path]) -> None:
    seen: list[int] = []
    _native.hash_file(sample_files[MIB + 7], ["sha256"], seen.append)
    assert seen[-1] == MIB + 7

    def broken(_: int) -> None:
        raise RuntimeError("progress sink failed")

    with pytest.raises(RuntimeError, match="progress sink failed"):
        _native.hash_file(sample_files[MIB + 7], ["sha256"], broken)


@pytest.mark.slow
def test_update_releases_the_gil_on_512_mib() -> None:
    """Risk: a 5 GB upload hashed with the GIL held would freeze every other request of the service."""
    data = bytearray(512 * MIB)
    digest = _native.MultiDigest(["sha256", "sha512"])
    ticks = 0
    hashing = threading.Event()
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        hashing.wait()
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    counter = threading.Thread(target=count)
    counter.start()
    hashing.set()
    started = time.perf_counter()
    digest.update(data)
    elapsed = time.perf_counter() - started
    done.set()
    counter.join()
    # With the GIL held for the whole update, the counter could run only at the switch interval's edges.
    assert elapsed > 0.05
    assert ticks > 1000, f"other thread made {ticks} steps in {elapsed:.2f}s"


def test_concurrent_updates_are_serialised_not_corrupted() -> None:
    """Two threads updating one object: each update is atomic, the byte count is exact, the digest is that
    of some serialisation. With identical chunks every serialisation is the same stream, so it is exact."""
    chunk = os.urandom(256 * KIB + 3)
    rounds = 40
    digest = _native.MultiDigest(["sha256", "blake3"])
    barrier = threading.Barrier(2)

    def feed() -> None:
        barrier.wait()
        for _ in range(rounds):
            digest.update(chunk)

    threads = [threading.Thread(target=feed) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert digest.bytes_hashed == 2 * rounds * len(chunk)
    assert digest.hexdigests()["sha256"] == hashlib.sha256(chunk * (2 * rounds)).hexdigest()
