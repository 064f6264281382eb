"""Where the gate keeps what it refused (``[gate] quarantine_dir``): ``<sha256>.zip``, the exact bytes that were
verified, and ``<sha256>.json``, the report that refused them, for a person to look at later.

The directory is held like the spool's (the server's own, mode 0700, not a symlink: a file another user could
replace is no evidence); the archive is hard-linked from the spool file when both are on one filesystem (no
copy), else copied by the kernel (``copy_file_range``). The same archive refused twice is kept once, with the
latest report.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from shipgate.service.spool import _private_directory

if TYPE_CHECKING:
    from shipgate.report.model import Report
    from shipgate.service.spool import SpoolFile

_COPY_STEP = 64 << 20


class Quarantine:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        # SpoolError when it is not the server's own
        self._fd = _private_directory(directory, "quarantine directory", "docs/service-face.md, The gate")

    def close(self) -> None:
        os.close(self._fd)

    def keep(self, spooled: SpoolFile, report: Report) -> str:
        """Keep the spooled archive and its report; returns the archive's name in the directory. Blocking."""
        sha256 = report.archive.digests["sha256"]
        name = f"{sha256}.zip"
        source = spooled.inspect_path()  # the writer's file, checked to still be it
        try:
            os.link(source, name, dst_dir_fd=self._fd, follow_symlinks=False)
        except FileExistsError:
            pass  # refused before: the same bytes (the name is their digest)
        except OSError as exc:
            if exc.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK):
                raise
            self._copy(source, name)
        self._write(f"{sha256}.json", (json.dumps(report.to_dict(), indent=2) + "\n").encode())
        return name

    def _copy(self, source: Path, name: str) -> None:
        partial = f".{name}.part"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial, dir_fd=self._fd)
        src = os.open(source, os.O_RDONLY | os.O_CLOEXEC)
        dst = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600, dir_fd=self._fd)
        try:
            while os.copy_file_range(src, dst, _COPY_STEP):
                pass
        finally:
            os.close(src)
            os.close(dst)
        os.rename(partial, name, src_dir_fd=self._fd, dst_dir_fd=self._fd)

    def _write(self, name: str, data: bytes) -> None:
        partial = f".{name}.part"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial, dir_fd=self._fd)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600, dir_fd=self._fd)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.rename(partial, name, src_dir_fd=self._fd, dst_dir_fd=self._fd)
