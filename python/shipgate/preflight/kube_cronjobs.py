"""Kubernetes CronJobs a package ships: a ``kind: CronJob`` object (a manifest, or a Helm template read as its
skeleton, shipgate.preflight.helm) is a cron entry of the cluster the package installs; the cluster runs its pod
template on ``spec.schedule``. Read for the scheduled-job check (shipgate.preflight.scheduled)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import yaml

from shipgate.preflight import helm
from shipgate.preflight.contents import TextFile
from shipgate.yaml_nodes import compose_documents

_KIND = re.compile(r"(?m)^kind:\s*['\"]?CronJob\b")


@dataclass(frozen=True)
class CronJob:
    line: int  # the ``schedule:`` value's line (the ``kind:`` line when the schedule is not written)
    schedule: str
    name: str


def cronjobs(text: TextFile, texts: Iterable[TextFile] = ()) -> Iterator[CronJob]:
    """Each CronJob object of a YAML file."""
    if not helm.is_yaml_manifest(text):
        return
    source = helm.yaml_source(text, texts)
    if not _KIND.search(source):
        return
    for doc in compose_documents(source) or ():
        fields = _fields(doc)
        kind = fields.get("kind")
        if not isinstance(kind, yaml.ScalarNode) or kind.value != "CronJob" or "apiVersion" not in fields:
            continue
        schedule = _fields(fields.get("spec")).get("schedule")
        name = _fields(fields.get("metadata")).get("name")
        where = schedule if isinstance(schedule, yaml.ScalarNode) else kind
        yield CronJob(
            where.start_mark.line + 1,
            str(schedule.value) if isinstance(schedule, yaml.ScalarNode) else "",
            str(name.value) if isinstance(name, yaml.ScalarNode) else "",
        )


def _fields(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): v for k, v in node.value if isinstance(k, yaml.ScalarNode)}
