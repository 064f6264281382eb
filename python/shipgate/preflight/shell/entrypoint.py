"""Whether a script is a container entrypoint: it ends by running the command it was given, ``exec "$@"`` (or
``exec gosu "$USER" "$@"``, ``exec su-exec …``). That is the image's convention for the script a container starts
with (the image's CMD arrives as its arguments); a host installer has no command to hand over. What such a script
changes in accounts and groups is the image's own ``/etc/passwd`` and ``/etc/group``, made again at each start."""

from __future__ import annotations

from shipgate.preflight.shell.model import Script

_ARGUMENTS = frozenset({"@", "*"})


def container_entrypoint(script: Script) -> bool:
    """The script replaces itself with its arguments (``exec "$@"``), directly or through an account switcher, at
    its top level or in a function (docker-library's ``_main "$@"`` keeps the exec in ``_main``)."""
    for command in script.commands:
        program = command.program
        if "exec" not in command.wrappers or program is None or program.value is not None:
            continue
        if program.expands and set(program.expands) <= _ARGUMENTS:
            return True
    return False
