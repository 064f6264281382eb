"""Secrets written in a Kubernetes container's ``env:`` list: ``- name: ELASTICSEARCH_PASSWORD`` with ``value:
changeme``. The name and the value sit on two lines of one list item, so no line holds ``NAME=value`` for the
keyword reader; the item is read as the assignment it is, at the value's line. ``valueFrom:`` (a Secret or a field
reference) holds no value and is not read. ``container_environment`` adds each compose service's ``environment:``
(a mapping, or a list of ``NAME=value``) and each ``NAME=value`` line of an environment file (``.env``,
``.env.production``, ``app.env``: what compose's ``env_file:``, systemd's ``EnvironmentFile=`` and dotenv loaders
read): every variable a process is started with, by name."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from shipgate.preflight import helm
from shipgate.preflight.compose import compose_services, service_environment
from shipgate.preflight.contents import TextFile
from shipgate.yaml_nodes import compose_documents

_YAML = re.compile(r"(?i)\.ya?ml$")
_MAX_NODES = 50_000
_ENV_LINE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_]\w*)=(.*)$")


def env_items(text: TextFile) -> Iterator[tuple[str, str, int]]:
    """``(name, value, line of the value)`` of every ``{name: …, value: …}`` mapping with literal scalars."""
    if not helm.is_yaml_manifest(text):
        return
    source = helm.yaml_source(text)  # a Helm template: its skeleton
    if "value:" not in source:
        return
    todo: list[yaml.Node] = list(compose_documents(source) or ())
    seen = 0
    while todo and seen < _MAX_NODES:
        node = todo.pop()
        seen += 1
        if isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            fields = {str(k.value): v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
            name, value = fields.get("name"), fields.get("value")
            if (
                isinstance(name, yaml.ScalarNode)
                and isinstance(value, yaml.ScalarNode)
                and value.tag == "tag:yaml.org,2002:str"
                and value.value
            ):
                yield str(name.value), str(value.value), int(value.start_mark.line) + 1
            todo.extend(fields.values())


def process_environment(text: TextFile) -> Iterator[tuple[str, str, int]]:
    """``(name, value, line)`` of every variable a Kubernetes ``env:`` list, a compose service's ``environment:`` or
    an environment file gives a process."""
    if is_env_file(text.path):
        yield from _env_file_items(text)
        return
    yield from env_items(text)
    services = compose_services(text) if _YAML.search(text.path) else None
    for _name, service in services.value if services is not None else ():
        yield from service_environment(service)


def is_env_file(path: str) -> bool:
    name = path.rsplit("/", 1)[-1].lower()
    return name == ".env" or name.startswith(".env.") or name.endswith(".env")


def _env_file_items(text: TextFile) -> Iterator[tuple[str, str, int]]:
    for line in text.lines:
        m = _ENV_LINE.match(line.text)
        if m is not None:
            yield m.group(1), m.group(2).strip().strip("\"'"), line.number
