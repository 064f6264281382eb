"""Container volumes deleted wholesale: ``docker volume prune`` (and Podman's) removes every volume no container
uses at that moment, whatever stack it belongs to. The script does not name them, so no backup it takes covers them:
on Docker before 23.0 every unused named volume goes (a stopped stack's database), on later ones the anonymous ones
(``--all``/``-a``: the named ones too). ``docker system prune --volumes`` prunes the same volumes (and more);
without ``--volumes`` it leaves them, and ``docker volume rm NAME`` (a volume the script names, often one the update
recreates) is not read here."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Command

_ENGINES = frozenset({"docker", "podman"})
# A function named for taking the product away (``uninstall()``, ``remove_all``, ``wipe``): the operator chose that
# mode; what it deletes was asked for (AzuraCast's ``docker.sh uninstall``).
_REMOVAL_FUNCTION = re.compile(r"(?:^|_)(?:uninstall|remove|purge|wipe|destroy|teardown)(?:_|$)", re.I)


def prunes_volumes(command: Command) -> str | None:
    """The subcommand when it prunes volumes: ``docker volume prune [-f] [-a] [--filter …]`` (the first two words
    that are not options are ``volume prune``, or the two after a global option's value, ``docker -H tcp://host
    volume prune``), or ``docker system prune --volumes``."""
    if command.name not in _ENGINES or _REMOVAL_FUNCTION.search(command.function or ""):
        return None
    verbs = [w for w in command.args if not w.startswith("-")]
    for subcommand in ("volume", "system"):
        if verbs[:2] == [subcommand, "prune"] or verbs[1:3] == [subcommand, "prune"]:
            return f"{subcommand} prune" if subcommand == "volume" or "--volumes" in command.args else None
    return None
