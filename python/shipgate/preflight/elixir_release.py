"""An Elixir release's command that applies the product's Ecto migrations: ``bin/teslamate eval
"TeslaMate.Release.migrate"``, ``/app/bin/app rpc "App.Release.migrate()"``.

A release built by ``mix release`` is run by its ``bin/<name>`` script, whose ``eval`` command evaluates an Elixir
expression in a fresh VM and whose ``rpc`` command evaluates one in the running node. Phoenix's release generator
(``mix phx.gen.release``) and Ecto's deployment guide write a module function named ``migrate``
(``<App>.Release.migrate``) that runs ``Ecto.Migrator`` over every repository's migrations the release ships: an
expression that calls a module's ``migrate`` function, or ``Ecto.Migrator.run(…, :up, …)`` itself, applies
migrations whose statements are not in the script. Other expressions (``<App>.Release.rollback(…)``, a status
function such as ``migrate_status``, ``IO.puts(…)``) apply nothing."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Command

# The release script's commands that evaluate an expression: in a fresh VM (``eval``) or in the running node (``rpc``).
_EVALUATING = frozenset({"eval", "rpc"})
# A call of the function ``migrate`` of a module (``TeslaMate.Release.migrate``, ``App.Release.migrate()``); not
# ``migrate_status`` or ``migrate!`` of another name.
_MIGRATE_CALL = re.compile(r"(?<![\w.])(?:[A-Z]\w*\.)+migrate(?![\w!?])")
# Ecto's migrator run upward by hand: ``Ecto.Migrator.run(App.Repo, :up, all: true)``.
_MIGRATOR_UP = re.compile(r"\bEcto\.Migrator\.run\([^)]*:up\b")


def release_migrates(command: Command) -> bool:
    """``bin/<release> eval|rpc "<expression>"`` whose expression applies the release's Ecto migrations (the release
    script takes its command first, with no option before it)."""
    if command.name in (None, "eval"):  # the shell's own eval runs a command line, not Elixir
        return False
    words = command.words
    if len(words) < 2 or words[0].text not in _EVALUATING:
        return False
    expression = words[1].text
    return bool(_MIGRATE_CALL.search(expression) or _MIGRATOR_UP.search(expression))
