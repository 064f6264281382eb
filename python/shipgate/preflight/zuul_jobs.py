"""The playbooks a project's Zuul CI jobs run: development tooling, wherever the project keeps them.

Zuul reads a project's jobs from ``zuul.yaml``, ``.zuul.yaml`` and the YAML files of ``zuul.d/`` or ``.zuul.d/`` at
the repository's root (``project_layout`` knows them as CI configuration). A job's ``run``, ``pre-run``,
``post-run`` and ``cleanup-run`` name the Ansible playbooks its test nodes run, relative to the root, with or
without the ``.yaml`` suffix (Octavia's ``run: playbooks/image-build/run.yaml``, which disables SELinux and runs
``sudo``): a CI job's steps, not the install's. A playbook no job names stays a playbook of the product.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import yaml

MAX_CONFIG = 1 << 20  # bytes of one Zuul configuration file read (a larger one names no playbook)
MAX_ITEMS = 2000  # top-level items of one configuration file read
_CONFIG = re.compile(r"^(?:\.?zuul\.ya?ml|\.?zuul\.d/[^/]+\.ya?ml)$")
_RUN_KEYS = ("run", "pre-run", "post-run", "cleanup-run")


def _named(value: object) -> Iterator[str]:
    """The playbook paths of one ``run``-like value: a string, a list of strings, or of ``{name: …}`` mappings."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            item = item.get("name")  # noqa: PLW2901 - a playbook given with its own options
        if isinstance(item, str):
            yield item.strip()


def _job_playbooks(text: str) -> Iterator[str]:
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    if not isinstance(doc, list):
        return
    for item in doc[:MAX_ITEMS]:
        job = item.get("job") if isinstance(item, dict) else None
        if isinstance(job, dict):
            for key in _RUN_KEYS:
                yield from _named(job.get(key))


def ci_playbooks(files: Mapping[str, bytes | str]) -> frozenset[str]:
    """The paths of ``files`` that a Zuul job of the package runs as a playbook."""
    found: set[str] = set()
    for path, data in files.items():
        if not _CONFIG.match(path) or len(data) > MAX_CONFIG:
            continue
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        for name in _job_playbooks(text):
            for candidate in (name, f"{name}.yaml", f"{name}.yml"):
                if candidate in files:
                    found.add(candidate)
    return frozenset(found)
