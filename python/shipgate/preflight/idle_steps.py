"""Commands that change nothing as written, so need no root whatever they name.

- ``chown backup.service``: chown takes an owner and at least one file; with a single operand (and no
  ``--reference=RFILE``, which stands for the owner) it stops at "missing operand" and changes no file
  (holdout157's App-backup ``init.sh``).
- ``mv /usr/local/bin/ovpn.sh /usr/local/bin``: every source already sits in the destination directory, so mv
  stops at "are the same file" and moves nothing (holdout171's OVPN-WG-Installer). Only literal paths are read; a
  source whose directory is not the destination's own spelling (``/usr/local/bin/../bin``) is not this case."""

from __future__ import annotations

from shipgate.preflight.shell.commands import has_flag, operands
from shipgate.preflight.shell.model import Command


def _misses_file(command: Command) -> bool:
    """``chown OWNER`` with no file: nothing to give."""
    if any(w.text.startswith("--reference") for w in command.words):
        return False
    return len(operands(command)) == 1


def _stays_in_place(command: Command) -> bool:
    """``mv DIR/F DIR``: each literal source's own directory is the destination."""
    ops = operands(command)
    if len(ops) < 2 or has_flag(command, "-t", "--target-directory", "-T", "--no-target-directory"):
        return False
    if any(w.value is None for w in ops):
        return False
    into = ops[-1].text.rstrip("/")
    sources = [w.text.rstrip("/") for w in ops[:-1]]
    return bool(into) and into.startswith("/") and all(s.rpartition("/")[0] == into for s in sources)


def idle(command: Command) -> bool:
    """``command`` fails before it changes anything (see the module's cases); not when xargs appends the
    operands it reads (``find /data | xargs -n1 chown app:app``)."""
    if "xargs" in command.wrappers:
        return False
    if command.name == "chown":
        return _misses_file(command)
    if command.name == "mv":
        return _stays_in_place(command)
    return False
