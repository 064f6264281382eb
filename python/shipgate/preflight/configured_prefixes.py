"""Where a source build's ``make install`` puts its files: the ``--prefix`` an autoconf ``configure`` script was
given in the same build directory (``./configure --prefix=/usr/local/python3 && make && make install``). The
Makefile that ``configure`` writes carries the prefix, so ``make install`` copies into it although its own line
names no directory (docs/preflight.md, "Privilege")."""

from __future__ import annotations

from shipgate.preflight.shell.commands import option_values
from shipgate.preflight.shell.model import Command


def configure_prefix(command: Command) -> str | None:
    """The literal ``--prefix`` an autoconf ``configure`` script (``./configure``, ``../src/configure``) is run
    with, or None (no prefix given, a prefix the script computes, another program)."""
    program = command.program.text if command.program is not None else ""
    if program.rsplit("/", 1)[-1] != "configure":
        return None
    values = option_values(command, "--prefix")
    return values[-1].value if values else None


def installs_with_configured_prefix(command: Command) -> bool:
    """``make install`` that takes its directory from the Makefile: no ``PREFIX=``/``prefix=`` override, no
    ``DESTDIR=`` staging root and no ``-C DIR`` (another directory's Makefile)."""
    args = [w.text for w in command.words]
    if command.name != "make" or "install" not in args:
        return False
    return not any(a.startswith(("PREFIX=", "prefix=", "DESTDIR=", "-C")) for a in args)
