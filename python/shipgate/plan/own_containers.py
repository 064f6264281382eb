"""Containers a script starts itself for its own work, as the plan reads preflight's parsed commands: a
``docker run --name NAME`` (podman, nerdctl; also ``container run``/``create``) earlier in the same function (or
both at the top level) makes NAME the script's own — a temporary PostgreSQL to restore a dump into, a helper
container. Stopping or removing it afterwards (``docker rm -f NAME``) interrupts nobody's service: the stop is
not a ``service-stop`` fact. A stop that comes *before* the run (``docker stop app; docker rm app; docker run
--name app …``, the usual replacement of a running container) is still an interruption.
"""

from __future__ import annotations

from shipgate.plan.in_container import CONTAINER_CLIS, skip_global_options
from shipgate.preflight.shell.model import Command, Script


def _name(words: list[str]) -> str | None:
    for i, w in enumerate(words):
        if w == "--name" and i + 1 < len(words):
            return words[i + 1]
        if w.startswith("--name="):
            return w.partition("=")[2]
    return None


def own_containers(script: Script) -> dict[tuple[str | None, str], int]:
    """(function, container name) → the line of the first command of the script that starts it by that name."""
    out: dict[tuple[str | None, str], int] = {}
    for c in script.commands:
        if c.name not in CONTAINER_CLIS or c.line is None:
            continue
        words = skip_global_options([w.text for w in c.words])
        words = words[1:] if words[:1] == ["container"] else words
        if words[:1] in (["run"], ["create"]) and (name := _name(words[1:])):
            out.setdefault((c.function, name), c.line)
    return out


def started_here(c: Command, what: str, own: dict[tuple[str | None, str], int]) -> bool:
    """Whether the container ``c`` stops is one the script started itself on an earlier line."""
    line = own.get((c.function, what))
    return c.name in CONTAINER_CLIS and line is not None and c.line is not None and line < c.line
