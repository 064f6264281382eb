"""The spool: quota by declared size, hashing while writing, and the removal Verify relies on (the name goes
at once, the pages and the quota when the file is closed)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from shipgate.errors import LimitExceeded
from shipgate.service.spool import Spool, SpoolError, SpoolFull


def test_write_hashes_and_finish_keeps_the_file_for_inspection(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool", quota_bytes=1 << 20)
    spool.open()
    data = os.urandom(300_000)
    spooled = spool.create(len(data), upload_id="u1")
    spooled.write(data[:100_000])
    spooled.write(memoryview(data)[100_000:])  # Verify hands views of the received messages
    digests = spooled.finish()
    assert digests["sha256"] == hashlib.sha256(data).hexdigest()
    assert spooled.path.read_bytes() == data
    with pytest.raises(SpoolError, match="closed for writing"):
        spooled.write(b"x")
    spooled.close()
    spool.close()


def test_unlink_removes_the_name_and_close_gives_the_quota_back(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool", quota_bytes=1000)
    spool.open()
    spooled = spool.create(600, upload_id="u1")
    spooled.write(b"x" * 600)
    spooled.finish()
    spooled.unlink()
    assert spool.parts() == []
    assert spool.reserved == 600  # the file still holds its pages until it is closed
    with pytest.raises(SpoolFull, match="600 bytes do not fit"):
        spool.create(600, upload_id="u2")
    spooled.close()
    spooled.close()  # twice is harmless
    assert spool.reserved == 0
    spool.create(600, upload_id="u3").close()
    spool.close()


def test_more_bytes_than_declared_are_refused(tmp_path: Path) -> None:
    spool = Spool(tmp_path / "spool", quota_bytes=1000)
    spool.open()
    spooled = spool.create(10, upload_id="u1")
    with pytest.raises(LimitExceeded, match="more bytes than declared: 11 > declared_size 10"):
        spooled.write(b"x" * 11)
    spooled.close()
    assert spool.parts() == []
    spool.close()
