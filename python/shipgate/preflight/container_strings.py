"""The commands a container engine runs from a shell string: ``docker exec -i db sh -c "PGPASSWORD=x psql -U app"``
(also ``podman exec``, ``docker compose exec``, ``docker run IMAGE bash -c '…'``). The unwrapper leaves the engine's
command as it is (what runs in a container acts there, not on the host), but a literal the string holds is written
in the package all the same: the credential rule reads these commands too, each at the engine command's line
(holdout138)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from shipgate.preflight.containers import container_command
from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.reader import parse_script
from shipgate.preflight.shell.unwrap import SHELLS

# Strings longer than this are not read again (a command line is bounded by the reader's line limit anyway).
_MAX_STRING = 4096


def string_commands(command: Command) -> Iterator[Command]:
    """The commands of the ``sh -c STRING`` a container engine's command runs, at ``command``'s line."""
    inner = container_command(command)
    if inner is None or inner.name not in SHELLS or len(inner.words) < 2:
        return
    flag, string = inner.words[0], inner.words[1]
    if not flag.text.startswith("-") or "c" not in flag.text[1:] or flag.text.startswith("--"):
        return
    if string.value is None or string.expands or len(string.value) > _MAX_STRING:
        return
    for nested in parse_script(string.value, path=f"<{command.name} -c>").commands:
        yield dataclasses.replace(nested, line=command.line, via=f"{inner.name} -c")
