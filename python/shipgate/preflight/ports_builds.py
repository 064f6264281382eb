"""A BSD ports build: ``cd /usr/ports/databases/py-sqlalchemy && make install clean`` (holdout203's iRedAPD
upgrade). A port's Makefile fetches its distfiles from the port's ``MASTER_SITES`` before it builds, so ``make`` with
no target or a target that builds (``install``, ``fetch``, ``build``, ``all``, ``reinstall``, ``package``) in a
directory below a ports tree reaches the network; ``make clean``/``deinstall`` alone touch only the disk."""

from __future__ import annotations

from collections.abc import Iterator

from shipgate.preflight.shell.commands import operands, option_values
from shipgate.preflight.shell.model import Command, Script

PORTS_SOURCE = "the port's distfile mirrors (its MASTER_SITES)"
_PORTS_TREES = ("/usr/ports/", "/usr/pkgsrc/", "/usr/dports/")
_LOCAL_TARGETS = frozenset({"clean", "distclean", "deinstall", "uninstall", "config", "config-recursive", "showconfig"})


def ports_builds(script: Script) -> Iterator[Command]:
    """The ``make`` runs in a port's directory (after a ``cd`` there in the same function, or ``make -C DIR``) that
    fetch: a target other than the local ones, or none."""
    cwd: dict[str | None, str] = {}
    for command in script.commands:
        ops = [w.text for w in operands(command)]
        if command.name == "cd" and len(ops) == 1:
            cwd[command.function] = ops[0]
        if command.name not in ("make", "gmake", "bmake"):
            continue
        where = next((o.text for o in option_values(command, "-C")), cwd.get(command.function, ""))
        targets = [t for t in ops if "=" not in t]
        if where.startswith(_PORTS_TREES) and not (targets and set(targets) <= _LOCAL_TARGETS):
            yield command
