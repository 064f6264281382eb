"""Commands a compose file runs when its services start: each service's ``command:`` and ``entrypoint:`` (shell
form ``command: ./app migrate`` or exec form ``command: [sh, -c, "…"]``, also taken through a ``<<:`` merge),
read as the command lines they are. Only the migration check reads them: a container's commands do not run on
the host, so the host's privilege and path rules do not apply to them.

A compose file is one by its name (``compose.yaml``, ``docker-compose.prod.yml``) or by its shape under another
name (:func:`compose_shaped`: every top-level service names an image or a build)."""

from __future__ import annotations

import shlex
from collections.abc import Iterator

import yaml

from shipgate.preflight.contents import TextFile
from shipgate.preflight.markup import is_compose_name
from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.reader import parse_script
from shipgate.yaml_nodes import compose_single

_FIELDS = ("entrypoint", "command")
MAX_SHAPE_LINES = 2_000  # a top-level ``services:`` key is looked for in the first lines of a file not named compose


def is_compose_file(path: str) -> bool:
    return is_compose_name(path)


def compose_shaped(doc: yaml.Node | None) -> bool:
    """A compose file under another name (``pwd.yml``, SpiceDB's ``examples/compose/postgres.yml``): a top-level
    ``services`` mapping whose every service names an ``image`` or a ``build`` (the Compose specification's service
    definition), in a document that is not a Kubernetes object."""
    if doc is None:
        return False
    services = mapping_value(doc, "services")
    if not isinstance(services, yaml.MappingNode) or not services.value or mapping_value(doc, "apiVersion") is not None:
        return False
    return all(
        mapping_value(s, "image") is not None or mapping_value(s, "build") is not None for _, s in services.value
    )


def compose_services(text: TextFile) -> yaml.MappingNode | None:
    """The ``services`` mapping of a compose file: one by its name, or one shaped like it."""
    named = is_compose_file(text.path)
    if not named and "services:" not in "\n".join(line.text[:20] for line in text.lines[:MAX_SHAPE_LINES]):
        return None
    root = compose_single("\n".join(line.text for line in text.lines))
    if root is None or not (named or compose_shaped(root)):
        return None
    services = mapping_value(root, "services")
    return services if isinstance(services, yaml.MappingNode) else None


def mapping_value(mapping: yaml.Node, key: str) -> yaml.Node | None:
    """``key``'s value in a mapping node, or in the mapping merged into it with ``<<:``."""
    if not isinstance(mapping, yaml.MappingNode):
        return None
    merged = None
    for k, v in mapping.value:
        if k.value == key:
            found: yaml.Node = v
            return found
        if k.value == "<<" and isinstance(v, yaml.MappingNode):
            merged = mapping_value(v, key) if merged is None else merged
    return merged


def service_environment(service: yaml.Node) -> Iterator[tuple[str, str, int]]:
    """(name, value, line) of a service's ``environment:``, as a mapping or a list of ``NAME=value``; a key with no
    value (``KEY:``, like a bare ``- KEY``) takes the variable from compose's own environment: not a value."""
    env = mapping_value(service, "environment")
    if isinstance(env, yaml.MappingNode):
        for key, value in env.value:
            if isinstance(value, yaml.ScalarNode) and value.tag != "tag:yaml.org,2002:null":
                yield str(key.value), str(value.value), key.start_mark.line + 1
    elif isinstance(env, yaml.SequenceNode):
        for item in env.value:
            if isinstance(item, yaml.ScalarNode) and "=" in str(item.value):
                name, _, value = str(item.value).partition("=")
                yield name.strip(), value, item.start_mark.line + 1


def _command_line(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
        return node.value
    if isinstance(node, yaml.SequenceNode) and all(isinstance(i, yaml.ScalarNode) for i in node.value):
        return " ".join(shlex.quote(str(i.value)) for i in node.value)
    return None


def service_commands(text: TextFile) -> Iterator[Command]:
    """The commands of every service's ``entrypoint:`` and ``command:``, at the line the value is written on."""
    services = compose_services(text)
    if services is None:
        return
    for _name, service in services.value:
        for field in _FIELDS:
            node = mapping_value(service, field)
            command = _command_line(node) if node is not None else None
            if command:
                line = node.start_mark.line + 1  # type: ignore[union-attr]
                yield from parse_script("\n" * (line - 1) + command, path=text.path).commands


def own_names(text: TextFile) -> frozenset[str]:
    """The names a compose file gives its own containers: each service's key, ``hostname:``, ``container_name:``
    and network ``aliases:`` (lower case). Other services of the file reach a container by these names on the
    project's network; they are not hosts beyond it."""
    services = compose_services(text)
    if services is None:
        return frozenset()
    names: set[str] = set()
    for key, service in services.value:
        names.add(str(key.value))
        for field in ("hostname", "container_name"):
            node = mapping_value(service, field)
            if isinstance(node, yaml.ScalarNode):
                names.add(str(node.value))
        networks = mapping_value(service, "networks")
        for _net, settings in networks.value if isinstance(networks, yaml.MappingNode) else ():
            aliases = mapping_value(settings, "aliases")
            if isinstance(aliases, yaml.SequenceNode):
                names.update(str(a.value) for a in aliases.value if isinstance(a, yaml.ScalarNode))
    return frozenset(n.lower() for n in names)
