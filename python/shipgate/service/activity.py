"""What this server is doing now, for the status page: the uploads in progress (bytes, stage) and the last ones
that ended (verdict or why not), whatever their transport.

:func:`shipgate.service.upload.run_upload` tracks every upload here for as long as it holds its resources (the
gate's forwarding included); the page and its event stream read :meth:`Activity.snapshot` and wait on
:meth:`Activity.wait`. Used from the event loop only (no lock). It holds nothing the store does not: the
durable record of a verdict is the store's, this is the view of one process.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from shipgate.v1 import shipgate_service_pb2 as pb

if TYPE_CHECKING:
    from shipgate.report.model import Report

# Uploads that ended, kept for the page (the store keeps every verdict; this is what happened here lately).
RECENT = 20

STAGES = {
    pb.VERIFY_STAGE_RECEIVING: "receiving",
    pb.VERIFY_STAGE_RECEIVED: "received",
    pb.VERIFY_STAGE_VERIFYING: "verifying",
    pb.VERIFY_STAGE_DONE: "verified",
}


class Tracked(Protocol):
    """What the board reads from an upload while it runs (:class:`shipgate.service.upload.Upload`)."""

    transport: str
    actor: str
    upload_id: str
    received: int

    @property
    def header(self) -> pb.VerifyHeader | None: ...


@dataclass(frozen=True, kw_only=True)
class UploadView:
    """One upload as the page shows it."""

    key: int
    upload_id: str
    transport: str
    caller: str
    file_name: str
    declared: int
    received: int
    stage: str
    started: float
    """Wall-clock time (``time.time()``)."""
    verdict: str = ""
    sha256: str = ""
    outcome: str = ""
    """How it ended: ``verified``, ``forwarded``, ``refused: ...``, ``cancelled`` ('' while in progress)."""
    ended: float | None = None


class Entry:
    """One tracked upload; the transport's code tells it what happened (:meth:`saw`, :meth:`stage`, :meth:`ended`)."""

    def __init__(self, board: Activity, key: int, upload: Tracked) -> None:
        self.board = board
        self.key = key
        self.upload = upload
        self.started = time.time()
        self.current = "waiting"
        self.verdict = ""
        self.sha256 = ""
        self.outcome = ""

    def saw(self, event: pb.VerifyResponse, report: Report | None) -> None:
        """A response the upload sent: its stage, or its report."""
        if event.WhichOneof("event") == "progress":
            self.stage(STAGES.get(event.progress.stage, self.current))
        elif report is not None:
            self.verdict = str(report.verdict)
            self.sha256 = report.archive.digests.get("sha256", "")
            self.outcome = "verified"
            self.board.touch()

    def stage(self, name: str) -> None:
        if name != self.current:
            self.current = name
            self.board.touch()

    def ended(self, outcome: str) -> None:
        self.outcome = outcome
        self.board.touch()

    def view(self, ended: float | None = None) -> UploadView:
        header = self.upload.header
        return UploadView(
            key=self.key,
            upload_id=self.upload.upload_id,
            transport=self.upload.transport,
            caller=self.upload.actor,
            file_name=header.file_name if header is not None else "",
            declared=header.declared_size if header is not None else 0,
            received=self.upload.received,
            stage=self.current,
            started=self.started,
            verdict=self.verdict,
            sha256=self.sha256,
            outcome=self.outcome or ("ended" if ended is not None else ""),
            ended=ended,
        )


class Activity:
    """The board: uploads in progress, the last :data:`RECENT` that ended, and a change counter to wait on."""

    def __init__(self, *, recent: int = RECENT) -> None:
        self.live: dict[int, Entry] = {}
        self.recent: deque[UploadView] = deque(maxlen=recent)
        self.version = 0
        self._keys = itertools.count(1)
        self._changed = asyncio.Event()

    @contextlib.contextmanager
    def track(self, upload: Tracked) -> Iterator[Entry]:
        entry = Entry(self, next(self._keys), upload)
        self.live[entry.key] = entry
        self.touch()
        try:
            yield entry
        finally:
            del self.live[entry.key]
            self.recent.appendleft(entry.view(ended=time.time()))
            self.touch()

    def entry_of(self, upload: Tracked) -> Entry | None:
        """The entry tracking ``upload`` while it runs (the gate reports its forwarding there)."""
        return next((entry for entry in self.live.values() if entry.upload is upload), None)

    def touch(self) -> None:
        """Something changed: wake whoever waits."""
        self.version += 1
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    async def wait(self, seen: int, timeout: float) -> int:
        """Return once the version passes ``seen``, or after ``timeout`` seconds; the version now."""
        if self.version == seen:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    await self._changed.wait()
        return self.version

    def snapshot(self) -> tuple[list[UploadView], list[UploadView]]:
        """(in progress, oldest first; ended, newest first)."""
        return [entry.view() for entry in self.live.values()], list(self.recent)
