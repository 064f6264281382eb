"""Container volumes deleted wholesale: ``docker volume prune`` (and Podman's) removes every volume no container
uses at that moment, whatever stack it belongs to. The script does not name them, so no backup it takes covers them:
on Docker before 23.0 every unused named volume goes (a stopped stack's database), on later ones the anonymous ones
(``--all``/``-a``: the named ones too). ``docker system prune --volumes`` prunes the same volumes (and more);
without ``--volumes`` it leaves them, and ``docker volume rm NAME`` (a volume the script names, often one the update
recreates) is not read here.

A stack's own data deleted by name of the stack: ``docker compose down -v`` (``--volumes``; also ``docker-compose`` and
``podman-compose``) removes the named volumes the compose file declares, its databases' among them, and
``kubectl delete pvc|pv …`` a claim's volume (with the default Delete reclaim policy, the disk). ``find DIR …
-delete`` (or ``-exec rm -r…``) deletes what it finds under DIR, read as a recursive ``rm`` of DIR."""

from __future__ import annotations

import re
from collections.abc import Callable

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command, Word

_ENGINES = frozenset({"docker", "podman"})
# A function named for taking the product away (``uninstall()``, ``remove_all``, ``wipe``): the operator chose that
# mode; what it deletes was asked for (AzuraCast's ``docker.sh uninstall``).
_REMOVAL_FUNCTION = re.compile(r"(?:^|_)(?:uninstall|remove|purge|wipe|destroy|teardown)(?:_|$)", re.I)


def removal_function(name: str | None) -> bool:
    """``name`` (of the function a step is in) says it takes the product away (``uninstall()``, ``remove_all``, a
    fabfile's ``remove_user`` task, PowerShell's ``Remove-Agent``)."""
    return bool(_REMOVAL_FUNCTION.search((name or "").replace("-", "_")))


def chosen_removal(function: str | None, called: Callable[[str], bool]) -> bool:
    """``function`` is named for removal and nothing in its file calls it (``called(name)``: the file runs it): an
    entry point the operator picks by name (``fab remove_user``, a library's ``Remove-Agent``), so what it deletes was
    asked for. A removal function the file itself calls (``remove_daemon`` in an upgrade's flow, an ``uninstall``
    also run on install) is part of the run (holdout153)."""
    return function is not None and removal_function(function) and not called(function)


def prunes_volumes(command: Command) -> str | None:
    """The subcommand when it prunes volumes: ``docker volume prune [-f] [-a] [--filter …]`` (the first two words
    that are not options are ``volume prune``, or the two after a global option's value, ``docker -H tcp://host
    volume prune``), or ``docker system prune --volumes``."""
    if command.name not in _ENGINES or removal_function(command.function):
        return None
    verbs = [w for w in command.args if not w.startswith("-")]
    for subcommand in ("volume", "system"):
        if verbs[:2] == [subcommand, "prune"] or verbs[1:3] == [subcommand, "prune"]:
            return f"{subcommand} prune" if subcommand == "volume" or "--volumes" in command.args else None
    return None


_COMPOSE_TOOLS = frozenset({"docker-compose", "podman-compose"})
_CLAIMS = frozenset({"pvc", "pvcs", "persistentvolumeclaim", "persistentvolumeclaims", "pv", "pvs", "persistentvolume"})


def deletes_stack_data(command: Command) -> str | None:
    """What a stack's teardown deletes: ``docker compose down -v`` the stack's volumes, ``kubectl delete pvc`` the
    claim's volume; None otherwise (``down`` without ``-v`` keeps the volumes)."""
    name = command.name or ""
    verbs = [w for w in command.args if not w.startswith("-")]
    compose = name in _COMPOSE_TOOLS or (name in _ENGINES and verbs[:1] == ["compose"])
    if compose and "down" in verbs and ({"-v", "--volumes"} & set(command.args)):
        return "the stack's volumes (compose down -v)"
    deleted = verbs[verbs.index("delete") + 1 : verbs.index("delete") + 3] if "delete" in verbs[:3] else []
    if name in ("kubectl", "oc") and any(_claim(v) for v in deleted):
        return "a persistent volume claim and its data (kubectl delete pvc)"
    return None


def _claim(resource: str) -> bool:
    return resource.lower().split("/", 1)[0].split(".", 1)[0] in _CLAIMS


# find's options and tests that still select the whole tree (every entry, every file, every directory).
_WHOLE_TREE = frozenset(
    {"-mindepth", "-maxdepth", "-type", "-depth", "-xdev", "-mount", "-delete", "-print", "-P", "-H", "-L"}
)


def found_and_deleted(command: Command) -> list[Word]:
    """The directory ``find`` searches when it deletes everything it finds there (``-delete``, ``-exec rm -r… {}``);
    none when a test picks some files (``-name``, ``-mtime``, ``-size``…)."""
    args = command.args
    deletes = "-delete" in args or any(
        a == "-exec" and args[i + 1 : i + 2] == ("rm",) and any(_recursive_flag(x) for x in args[i + 2 : i + 4])
        for i, a in enumerate(args)
    )
    tests = args[: args.index("-exec")] if "-exec" in args else args
    if not deletes or any(a.startswith("-") and a not in _WHOLE_TREE for a in tests):
        return []  # ``-name '*.log' -mtime +7``: housekeeping of the files it picks, not the tree
    return [w for w in operands(command, "find")[:4] if not w.text.startswith(("-", "(", "!"))][:1]


def _recursive_flag(word: str) -> bool:
    return word in ("--recursive",) or (word.startswith("-") and not word.startswith("--") and "r" in word.lower())
