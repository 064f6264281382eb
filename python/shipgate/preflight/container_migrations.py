"""A container started to migrate its product's database: the program a container runs is the product's own CLI (its
image's entrypoint when only ``args:`` are given, or the ``command:`` the image holds), so a ``migrate`` verb given
to it applies that product's migrations, whose statements are not in the package:

- as the program's first or second subcommand word: ``spicedb migrate head`` (compose ``command: migrate head``
  on ``authzed/spicedb``), ``dagster instance migrate``, ``<app> db migrate``;
- as the first word, given to an entrypoint the file does not name (a Helm template's ``args: [migrate]`` under
  an image written by a named template; compose's ``command: migrate head``, which the image's entrypoint
  receives), when no option follows it.

Only the commands of containers (Kubernetes objects, Helm templates, compose services) are read this way: on the host
a ``migrate`` operand belongs to whatever program is run. A bare ``migrate`` followed by more words is the
golang-migrate CLI, which shipgate.preflight.migrations reads by its own verbs (``up``; ``-source file:`` names the
package's files) and always with options.

A compose service given no ``command:`` or ``entrypoint:`` runs its image's entrypoint; when the image is named for
a product's migrator (``ghcr.io/vendor/app/app-migrate:1.2``, ``…/app-migrator``, ``…-migrations``) that entrypoint is
the migration program (:func:`migrator_services`, read as that program at the ``image:`` line)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

import yaml

from shipgate.preflight.compose import compose_services
from shipgate.preflight.contents import TextFile
from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.reader import parse_script

_VERB = "migrate"
_VERB_DEPTH = 2  # ``spicedb migrate`` or ``dagster instance migrate``: the verb within the first two subcommand words
_PRINTERS = frozenset({"echo", "printf"})


def own_cli_migrates(command: Command) -> bool:
    """Whether a container's command gives its program the ``migrate`` verb (see the module's docstring)."""
    name = command.name or ""
    words = [w.text for w in command.words]
    if name == _VERB:
        # ``args: [migrate]``, compose's ``command: migrate head``: a verb for the entrypoint; golang-migrate's own
        # CLI cannot run without its options (``migrate -path … -database … up``)
        return not any(w.startswith("-") for w in words)
    if name in _PRINTERS:
        return False
    subcommands: list[str] = []
    for word in words:
        if word.startswith("-"):
            break  # options end the subcommand path (``spicedb migrate head --datastore-engine …``)
        subcommands.append(word)
    return _VERB in subcommands[:_VERB_DEPTH]


# An image named for a product's migrator: a name of the product's, then ``migrate``/``migrator``/``migration(s)``
# (``hatchet-migrate``, ``app_migrations``); golang-migrate's image ``migrate/migrate`` is a CLI that needs a command.
_MIGRATOR_IMAGE = re.compile(r"[a-z0-9][a-z0-9.]*(?:[-_][a-z0-9.]+)*[-_](?:migrate|migrator|migrations?)")
_RUN_FIELDS = ("command", "entrypoint")


def migrator_services(text: TextFile) -> Iterator[Command]:
    """The migration program of each compose service that runs a migrator image's entrypoint (no ``command:`` or
    ``entrypoint:``), at its ``image:`` line."""
    services = compose_services(text)
    for _name, service in services.value if services is not None else ():
        fields = {str(k.value): v for k, v in service.value} if isinstance(service, yaml.MappingNode) else {}
        image = fields.get("image")
        if not isinstance(image, yaml.ScalarNode) or any(f in fields for f in _RUN_FIELDS):
            continue
        program = posixpath.basename(str(image.value).split("@", 1)[0]).split(":", 1)[0].lower()
        if _MIGRATOR_IMAGE.fullmatch(program):
            line = image.start_mark.line + 1
            yield from parse_script("\n" * (line - 1) + program, path=text.path).commands


def migrator_program(command: Command) -> bool:
    """A command that is a migrator image's program run with no arguments (:func:`migrator_services`)."""
    return not command.words and bool(_MIGRATOR_IMAGE.fullmatch(command.name or ""))
