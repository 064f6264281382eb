"""Secrets the server holds for others (the HTTP listener's bearer tokens, the gate's downstream credentials):
named in the configuration by where to read them, never by value, and read once at startup.

- ``file``: a regular file (a symlink is followed: Kubernetes mounts secrets through them) owned by root or by
  the server's user, that no other user can read or write and its group cannot write (mode 0600, 0400 or 0440
  with a group such as Kubernetes' ``fsGroup``). Anything else is refused (docs/service-face.md, Secrets).
- ``env``: an environment variable, which must be set and not empty.

Trailing newlines are removed (``echo "$TOKEN" > file`` adds one). The value is returned to the caller and
never logged or put in an error message; :class:`SecretSource` says only where it came from.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from shipgate.errors import ShipgateError

if TYPE_CHECKING:
    from shipgate.service.config_table import ConfigTable

# A secret is a token or a password; anything near this is the wrong file.
MAX_SECRET_BYTES = 4096


class SecretError(ShipgateError):
    """A configured secret cannot be read safely; the message names where it was to come from."""


@dataclass(frozen=True, kw_only=True)
class SecretSource:
    """Where a secret comes from: exactly one of ``file`` and ``env``."""

    file: Path | None = None
    env: str | None = None

    def __post_init__(self) -> None:
        if (self.file is None) == (self.env is None):
            raise SecretError("a secret comes from a file or an environment variable (one of the two)")

    def describe(self) -> str:
        return f"file {self.file}" if self.file is not None else f"environment variable {self.env}"

    def read(self) -> str:
        """The secret. Raises :class:`SecretError`."""
        if self.env is not None:
            value = os.environ.get(self.env, "").rstrip("\r\n")
            if not value:
                raise SecretError(f"environment variable {self.env} is not set (or empty)")
        else:
            assert self.file is not None
            value = _read_file(self.file)
        if not value.isprintable():
            # It goes into HTTP headers, where a line break would start a header of its own.
            raise SecretError(f"the secret in {self.describe()} holds control characters; refused")
        return value


def source_in(table: ConfigTable, prefix: str) -> SecretSource | None:
    """``<prefix>file`` / ``<prefix>env`` of a configuration table (``password_file``, ``token_env``, ``file``),
    or None when neither is there."""
    file, env = table.string(f"{prefix}file", ""), table.string(f"{prefix}env", "")
    if not file and not env:
        return None
    if file and env:
        raise SecretError(f"{table.where}: give {prefix}file or {prefix}env, not both")
    return SecretSource(file=table.path_of(file, f"{prefix}file") if file else None, env=env or None)


def _read_file(path: Path) -> str:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NOCTTY)
    except OSError as exc:
        raise SecretError(f"secret file {path}: {exc.strerror}") from None
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(f.fileno())
        mode = stat.S_IMODE(info.st_mode)
        if not stat.S_ISREG(info.st_mode):
            raise SecretError(f"secret file {path} is not a regular file; refused")
        if info.st_uid not in (0, os.geteuid()):
            raise SecretError(
                f"secret file {path} is owned by uid {info.st_uid}, not by root or this server's user "
                f"(uid {os.geteuid()}); refused"
            )
        if mode & 0o027:
            raise SecretError(
                f"secret file {path} has mode {mode:04o}: other users could read it or its group change it; "
                f"refused (chmod 600 {path})"
            )
        raw = f.read(MAX_SECRET_BYTES + 1)
    if len(raw) > MAX_SECRET_BYTES:
        raise SecretError(f"secret file {path} is longer than {MAX_SECRET_BYTES} bytes; refused")
    try:
        value = raw.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        raise SecretError(f"secret file {path} is not UTF-8 text") from None
    if not value:
        raise SecretError(f"secret file {path} is empty")
    return value
