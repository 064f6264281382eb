"""The script a container's shell runs: ``docker compose exec -T web bash -lc "alembic upgrade head && python -m
app.bootstrap"`` hands the string to a shell inside the ``web`` service, which runs each of its commands there.
The shell reader reads a host's ``sh -c STRING`` as commands of the script; a container's (compose ``run``/``exec``,
``docker``/``podman`` ``run``/``exec``, ``kubectl exec … --``: ``containers.container_command``) is one argument of
the engine's command, read here for the checks that ask what runs inside the container (a migration CLI).

The string is read as the shell would run it: its known value (a quoted literal, or a variable the script set),
else its text with the run-time parts as written. Its commands are placed at the engine's line when the string is on
one line, and at their own lines when a quoted string spans several (its lines are the file's)."""

from __future__ import annotations

import dataclasses

from shipgate.preflight.containers import container_command
from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.reader import parse_script
from shipgate.preflight.shell.unwrap import SHELLS, unwrap

_MAX_STRING = 20_000  # a longer string is not a command line a wrapper hands to a container


def container_shell_commands(command: Command, path: str) -> tuple[Command, ...]:
    """The commands of the ``sh -c`` string ``command`` runs in a container; () when it runs none."""
    inner = container_command(command)
    if inner is None or inner.name not in SHELLS or inner.program is None:
        return ()
    run = unwrap([inner.program, *inner.words])
    string = run.interpret
    if string is None or run.words or not run.via:
        return ()
    text = string.text
    if not text.strip() or len(text) > _MAX_STRING:
        return ()
    shift = (string.line if "\n" in text else command.line) - 1
    return tuple(
        dataclasses.replace(c, line=c.line + shift, via=c.via or run.via, escalation_line=None, name_assigned_at=None)
        for c in parse_script(text, path=path).commands
    )
