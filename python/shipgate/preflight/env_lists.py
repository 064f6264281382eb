"""Secrets written in a Kubernetes container's ``env:`` list: ``- name: ELASTICSEARCH_PASSWORD`` with ``value:
changeme``. The name and the value sit on two lines of one list item, so no line holds ``NAME=value`` for the
keyword reader; the item is read as the assignment it is, at the value's line. ``valueFrom:`` (a Secret or a field
reference) holds no value and is not read."""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from shipgate.preflight import helm
from shipgate.preflight.contents import TextFile
from shipgate.yaml_nodes import compose_documents

_YAML = re.compile(r"(?i)\.ya?ml$")
_MAX_NODES = 50_000


def env_items(text: TextFile) -> Iterator[tuple[str, str, int]]:
    """``(name, value, line of the value)`` of every ``{name: …, value: …}`` mapping with literal scalars."""
    if not _YAML.search(text.path):
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
