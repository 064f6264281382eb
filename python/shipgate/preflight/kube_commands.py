"""The commands a Kubernetes container runs when they are written as lists, not as a shell script: ``command:
[kong, migrations, up]``, or ``args:`` alone, which the image's entrypoint receives (``image: …/zitadel:v2`` with
``args: [setup, --steps, …]`` runs ``zitadel setup --steps …``). Read from every object of a manifest (a Job, a
Helm hook, a Deployment's init containers), a Helm template as its skeleton (shipgate.preflight.helm).

The entrypoint is taken to be the program the image is named after (``kong:3.6`` runs ``kong``) when the image is
written out; when it is not (``image: {{ .Values.image }}`` with no values), ``args`` is taken as it is, as a bare
subcommand of ``docker compose run`` is (shipgate.preflight.containers). A container that runs ``sh -c SCRIPT`` is
left to shipgate.preflight.embedded, which reads the script as shell. Only the migration check reads these commands:
they run in the container, not on the host."""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Iterable, Iterator

import yaml

from shipgate.preflight import helm
from shipgate.preflight.contents import TextFile
from shipgate.preflight.shell.model import Command
from shipgate.preflight.shell.reader import parse_script
from shipgate.yaml_nodes import compose_documents

MAX_NODES = 50_000
_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh", "busybox"})
_SHELL_C = re.compile(r"^-[a-z]*c[a-z]*$")
_IMAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_SUBCOMMAND = re.compile(r"[a-z][a-z0-9_-]*")  # a CLI's subcommand word (``setup``), no path, value or option


def container_commands(text: TextFile, texts: Iterable[TextFile] = ()) -> Iterator[Command]:
    """Each list-form container command of the file's Kubernetes objects, at the line its first word is on."""
    if not helm.is_yaml_manifest(text):
        return
    source = helm.yaml_source(text, texts)
    if "args:" not in source and "command:" not in source:
        return
    own_image = _own_image_lines(text)
    for doc in compose_documents(source) or ():  # composed once per text, bounded (shipgate.yaml_nodes)
        if {"apiVersion", "kind"} <= _fields(doc).keys():
            for argv, line in _containers(doc, own_image):
                yield from parse_script(
                    "\n" * (line - 1) + " ".join(shlex.quote(w) for w in argv), path=text.path
                ).commands


def _fields(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


# A pod's container lists: their items are containers whether or not the ``image:`` line survives the skeleton (a
# Helm template writes it with ``{{- include "chart.image" . | indent 10 }}``, which renders nothing here).
_CONTAINER_LISTS = frozenset({"containers", "initContainers"})


def _own_image_lines(text: TextFile) -> dict[int, str]:
    """The lines of a chart's template whose ``image:`` is the chart's own image (``{{ .Values.image.repository
    }}:…``, ``{{ .Values.image }}``), each with the program it runs: the chart's name, the folder above its
    ``templates/`` (``helm package`` requires the folder to carry the chart's name). A chart is named for the product
    its main image runs (``charts/zitadel``: ZITADEL's image, whose entrypoint is ``zitadel``); a component's image
    (``.Values.postgresql.image``) is not the chart's own."""
    dirs = text.path.split("/")[:-1]
    if not helm.is_template(text.path):
        return {}
    templates = len(dirs) - 1 - dirs[::-1].index("templates")  # the last ``templates`` folder of the path
    chart = dirs[templates - 1] if templates > 0 else ""
    if not _IMAGE_NAME.match(chart):
        return {}
    return {line.number: chart for line in text.lines if _OWN_IMAGE.search(line.text)}


# ``image: "{{ .Values.image.repository }}:{{ … }}"``, ``image: {{ .Values.image.name }}``, ``image: {{ .Values.image
# }}``: the chart's main image, by the values key Helm's ``helm create`` writes.
_OWN_IMAGE = re.compile(r"^\s*-?\s*image:\s*[\"']?\{\{-?\s*\.Values\.image(?:\.(?:repository|name))?\s*(?:\||-?\}\})")


def _containers(root: yaml.Node, own_image: dict[int, str]) -> Iterator[tuple[list[str], int]]:
    todo: list[tuple[yaml.Node, bool]] = [(root, False)]
    seen = 0
    while todo and seen < MAX_NODES:
        node, listed = todo.pop()
        seen += 1
        if isinstance(node, yaml.SequenceNode):
            todo.extend((item, listed) for item in node.value)
        elif isinstance(node, yaml.MappingNode):
            fields = _fields(node)
            if (listed or "image" in fields) and ("command" in fields or "args" in fields):
                found = _argv(fields, own_image)
                if found is not None:
                    yield found
            todo.extend((value, key in _CONTAINER_LISTS) for key, value in fields.items())


def _words(node: yaml.Node | None) -> list[yaml.ScalarNode] | None:
    """A list of scalars, or a string split into words; None when absent or not plain words."""
    if isinstance(node, yaml.SequenceNode) and all(isinstance(w, yaml.ScalarNode) for w in node.value):
        return list(node.value)
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and node.value.strip():
        try:
            split = shlex.split(node.value)
        except ValueError:
            return None
        return [yaml.ScalarNode("tag:yaml.org,2002:str", w, node.start_mark, node.end_mark) for w in split]
    return None


def _argv(fields: dict[str, yaml.Node], own_image: dict[int, str]) -> tuple[list[str], int] | None:
    command, args = _words(fields.get("command")), _words(fields.get("args")) or []
    nodes = (command or []) + args
    if not nodes:
        return None
    words = [str(n.value) for n in nodes]
    if posixpath.basename(words[0]) in _SHELLS and any(_SHELL_C.match(w) for w in words[1:]):
        return None  # sh -c SCRIPT: read as shell (shipgate.preflight.embedded)
    if command is None:
        image = fields.get("image")
        program = _image_program(image)
        if program is None and image is not None and _SUBCOMMAND.fullmatch(words[0]):
            # the chart's own image: a bare subcommand goes to the program named as the chart; a first word built
            # from values or given by path (``temporal-{{ .Values.driver }}-tool``) is a program of its own
            program = own_image.get(int(image.start_mark.line) + 1)
        if program is not None and posixpath.basename(words[0]) != program:
            words = [program, *words]
    return words, int(nodes[0].start_mark.line) + 1


def _image_program(node: yaml.Node | None) -> str | None:
    """The program an image is named after (``ghcr.io/zitadel/zitadel:v2.66`` -> ``zitadel``), when written out."""
    image = str(node.value) if isinstance(node, yaml.ScalarNode) else ""
    name = posixpath.basename(image.split("@", 1)[0]).split(":", 1)[0]
    return name if _IMAGE_NAME.match(name) else None
