"""A program's function named for taking the product away, written as a shell function over its lines (docs/
preflight.md, ``service_disabled``).

The Python reader writes every ``def`` as a shell function of its name; the Go and JavaScript readers write only
the functions whose name says they take the product away (``Uninstall``, ``uninstallSystemdService``,
``uninstallSystemd``, ``purgeData``), so what they run is the uninstall's, which the operator chose: a unit the
product brings disabled there is no service switched off (``own_unit_removal``; holdout243's technocrat in Go,
holdout250's tadaima agent in TypeScript)."""

from __future__ import annotations

import re
from collections.abc import Iterable

Piece = tuple[int, str]

# A function the operator runs to take the product away (``Uninstall``, ``uninstallSystemdService``, ``purgeData``).
REMOVAL_NAME = re.compile(r"^(?:uninstall|deinstall|purge)", re.I)


def removal_bodies(functions: Iterable[tuple[str, int, int]], prefix: str) -> list[Piece]:
    """The shell function openings and closings of the removal functions among ``functions`` (name, first line,
    last line), each named ``<prefix>_<name>``."""
    out: list[Piece] = []
    for name, first, last in functions:
        if REMOVAL_NAME.match(name):
            out += [(first, f"{prefix}_{name}() {{ :"), (last, "}")]
    return out
