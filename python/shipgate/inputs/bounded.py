"""A file read up to a limit, decoded as UTF-8 and parsed as TOML, with one error for every way it fails."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any, Literal

from shipgate.errors import MalformedInput

Kind = Literal["unreadable", "too_large", "not_utf8", "syntax", "duplicate_key", "too_deep", "not_a_time"]


class InputRefused(MalformedInput):
    """An input that cannot be used as it is. ``kind`` says why (callers map it to their own codes), ``detail``
    is the reason without the subject, and the message is ``"{what}: {detail}"``; ``line``/``column``/``key``
    are set where the reason has them."""

    def __init__(
        self,
        kind: Kind,
        what: str,
        detail: str,
        *,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
        offset: int | None = None,
    ) -> None:
        super().__init__(f"{what}: {detail}")
        self.kind, self.what, self.detail = kind, what, detail
        self.line, self.column, self.key, self.offset = line, column, key, offset


def read_bounded(path: str | os.PathLike[str], *, limit: int, what: str) -> bytes:
    """At most ``limit`` bytes of the regular file at ``path`` (a larger file is refused without reading the
    rest; a directory, FIFO or device is refused without blocking on it)."""
    subject = f"{what} {os.fspath(path)}"
    try:
        # O_NONBLOCK: opening a FIFO someone put in place of a config file must not hang the process.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputRefused("unreadable", subject, f"cannot read: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a directory" if stat.S_ISDIR(mode) else "not a regular file"
            raise InputRefused("unreadable", subject, f"cannot read: {kind}")
        with os.fdopen(fd, "rb", closefd=False) as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputRefused("unreadable", subject, f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputRefused("too_large", subject, f"larger than {limit} bytes")
    return data


def decode_utf8(data: bytes, *, what: str) -> str:
    """``data`` as text (a leading byte-order mark dropped); refused with the offset of the first bad byte."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputRefused("not_utf8", what, f"not UTF-8 at byte {exc.start}", offset=exc.start) from None


def parse_toml(data: bytes, *, limit: int, what: str) -> dict[str, Any]:
    """A TOML document of at most ``limit`` bytes."""
    if len(data) > limit:
        raise InputRefused("too_large", what, f"larger than {limit} bytes")
    text = decode_utf8(data, what=what)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputRefused("syntax", what, f"not TOML: {exc}") from None
    except RecursionError:  # tomllib recurses per nested inline table or array
        raise InputRefused("too_deep", what, "nested too deeply to be a configuration file") from None


def load_toml(path: str | Path, *, limit: int, what: str) -> dict[str, Any]:
    """The TOML file at ``path``, read up to ``limit`` bytes."""
    return parse_toml(read_bounded(path, limit=limit, what=what), limit=limit, what=f"{what} {os.fspath(path)}")
