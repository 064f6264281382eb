"""The spool: quota reserved as bytes arrive, hashing while writing, O_DIRECT or page-cache writes, a full disk,
the removal Verify relies on (the name goes at once, the quota when the file is closed), and a directory
that is the server's own (issue 15.1)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from shipgate.archive import inspect
from shipgate.service.spool import Spool, SpoolError, SpoolFull


@pytest.mark.parametrize("direct_io", [True, False])
def test_write_hashes_and_finish_keeps_the_file_for_inspection(tmp_path: Path, direct_io: bool) -> None:
    spool = Spool(tmp_path / "spool", quota_bytes=64 << 20, direct_io=direct_io)
    spool.open()
    # Pieces that cross the writer's aligned buffers (8 MiB) and end off a 4 KiB boundary.
    data = os.urandom((17 << 20) + 12_345)
    spooled = spool.create(upload_id="u1")
    assert spooled.direct is direct_io  # /tmp's filesystem takes O_DIRECT on the machines this runs on
    spooled.write(data[:100_000])
    view = memoryview(data)  # Verify hands views of the received messages
    for start in range(100_000, len(data), 1 << 20):
        spooled.write(view[start : start + (1 << 20)])
    digests = spooled.finish()
    assert digests["sha256"] == hashlib.sha256(data).hexdigest()
    assert spooled.path.read_bytes() == data
    with pytest.raises(SpoolError, match="closed for writing"):
        spooled.write(b"x")
    spooled.close()
    spool.close()


def test_a_spooled_archive_reads_the_same_directly(tmp_path: Path) -> None:
    import zipfile

    source = tmp_path / "src.zip"
    with zipfile.ZipFile(source, "w") as z:
        for i in range(40):
            binary = os.urandom(300_000 + i * 4097) + b"\0dten.backoff.v%d\0" % i
            z.writestr(f"f{i}.bin", binary, compress_type=zipfile.ZIP_STORED)
            z.writestr(f"t{i}.txt", b"line %d\n" % i * 20_000, compress_type=zipfile.ZIP_DEFLATED)
    data = source.read_bytes()
    spool = Spool(tmp_path / "spool", quota_bytes=len(data))
    spool.open()
    spooled = spool.create(upload_id="zip")
    for start in range(0, len(data), 1 << 20):
        spooled.write(memoryview(data)[start : start + (1 << 20)])
    # The walk follows the writer on idle CPU and stops at the last byte: let it reach the end of what the
    # writer has written before then (whole 8 MiB buffers; the rest is written by finish()).
    written_before_finish = len(data) // (8 << 20) * (8 << 20)
    deadline = time.monotonic() + 20
    while spooled.walked < written_before_finish and time.monotonic() < deadline:
        time.sleep(0.005)
    spooled.finish()
    direct = inspect(spooled.path, archive_digests=("sha256",), direct=True)
    plain = inspect(source, archive_digests=("sha256",))
    assert direct.findings == () and direct.totals.verified_entries == 80
    assert [(e.name, dict(e.digests)) for e in direct.entries] == [(e.name, dict(e.digests)) for e in plain.entries]
    assert direct.digests == plain.digests
    # The stored entries in those buffers were verified behind the writer; the inspection that takes those
    # results (and reads the rest itself) reports exactly the same.
    assert spooled.walked >= written_before_finish > 0  # more when it passed over a deflated entry's end
    assert spooled.streamed is not None and 10 < len(spooled.streamed) < 40
    walked = inspect(spooled.path, archive_digests=("sha256",), direct=True, streamed=spooled.streamed)
    assert walked == direct
    # With flag strings wanted, the recorded entries' strings come from their records (the walk scanned them):
    # the same report as reading everything.
    with_flags = inspect(spooled.path, archive_digests=("sha256",), streamed=spooled.streamed, flags=True)
    assert with_flags == inspect(spooled.path, archive_digests=("sha256",), flags=True)
    assert {f for e in with_flags.entries for f in e.flags} >= {f"dten.backoff.v{i}" for i in range(40)}
    spooled.close()
    spool.close()


def test_verifying_while_uploading_can_be_turned_off(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool", quota_bytes=1 << 20, verify_while_uploading=False)
    spool.open()
    spooled = spool.create(upload_id="off")
    spooled.write(b"abc")
    spooled.finish()
    assert spooled.streamed is None
    spooled.close()
    spool.close()


@contextlib.contextmanager
def _small_filesystem(where: Path) -> Iterator[Path]:
    """An 8 MiB ext4 image loop-mounted at ``where`` (root only, as in CI); skipped where it cannot be
    mounted, except in CI."""
    image = where.with_suffix(".img")
    with open(image, "wb") as f:
        f.truncate(8 << 20)
    where.mkdir()
    for argv in (["mkfs.ext4", "-q", "-F", str(image)], ["mount", "-o", "loop", str(image), str(where)]):
        try:
            done = subprocess.run(argv, capture_output=True, text=True, check=False)
            problem = done.stderr.strip() if done.returncode else ""
        except FileNotFoundError:
            problem = f"{argv[0]} is not installed"
        if problem:
            if os.environ.get("CI") == "true":
                pytest.fail(f"cannot make a small filesystem for the disk-full test: {problem}")
            pytest.skip(f"cannot make a small filesystem: {problem}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


@pytest.mark.parametrize("direct_io", [True, False])
def test_a_full_disk_is_spool_full_and_leaves_nothing(tmp_path: Path, direct_io: bool) -> None:
    with _small_filesystem(tmp_path / "small") as small:
        spool = Spool(small / "spool", quota_bytes=1 << 30, direct_io=direct_io)  # the quota would allow it
        spool.open()
        spooled = spool.create(upload_id="big")
        chunk = os.urandom(1 << 20)
        with pytest.raises(SpoolFull, match="the spool disk is full"):
            for _ in range(32):
                spooled.write(chunk)
            spooled.finish()
        with pytest.raises(SpoolError, match="closed for writing"):
            spooled.write(chunk)
        spooled.close()
        assert spool.parts() == [] and spool.reserved == 0
        # The disk is usable again at once.
        again = spool.create(upload_id="small")
        again.write(b"y" * 1000)
        assert again.finish()["sha256"] == hashlib.sha256(b"y" * 1000).hexdigest()
        again.close()
        spool.close()


def test_unlink_removes_the_name_and_close_gives_the_quota_back(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool", quota_bytes=1000)
    spool.open()
    spooled = spool.create(upload_id="u1")
    assert spool.reserved == 0  # nothing is reserved before bytes arrive
    spooled.write(b"x" * 600)
    spooled.finish()
    spooled.unlink()
    assert spool.parts() == []
    assert spool.reserved == 600  # the file still holds its pages until it is closed
    second = spool.create(upload_id="u2")
    second.write(b"y" * 400)
    with pytest.raises(SpoolFull, match="spool quota: 1000 of 1000 bytes are held by uploads in flight"):
        second.write(b"y")
    second.close()
    spooled.close()
    spooled.close()  # twice is harmless
    assert spool.reserved == 0
    spool.create(upload_id="u3").close()
    spool.close()


def _open_deleted(path: Path) -> list[str]:
    """This process's descriptors of ``path`` after its name was removed."""
    found = []
    for fd in Path("/proc/self/fd").iterdir():
        with contextlib.suppress(FileNotFoundError):  # the listing's own descriptor, closed by now
            if os.readlink(fd).endswith(f"/{path.name} (deleted)"):
                found.append(fd.name)
    return found


def test_the_blocks_of_a_finished_file_are_freed_by_close_not_by_unlink(tmp_path: Path) -> None:
    """The writer closes its file at finish(); unlink() (on the event loop) keeps a descriptor, so that the file
    system frees the blocks in close() (the writer thread), not while the event loop waits."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc/self/fd")
    spool = Spool(tmp_path / "spool", quota_bytes=1 << 20)
    spool.open()
    spooled = spool.create(upload_id="u1")
    spooled.write(b"x" * 5000)
    spooled.finish()
    assert _open_deleted(spooled.path) == []
    spooled.unlink()
    assert spool.parts() == [] and len(_open_deleted(spooled.path)) == 1
    spooled.close()
    assert _open_deleted(spooled.path) == []
    spool.close()
