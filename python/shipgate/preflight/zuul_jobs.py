"""The playbooks a project's Zuul CI jobs run: development tooling, wherever the project keeps them.

Zuul reads a project's jobs from ``zuul.yaml``, ``.zuul.yaml`` and the YAML files of ``zuul.d/`` or ``.zuul.d/`` at
the repository's root (``project_layout`` knows them as CI configuration). A job's ``run``, ``pre-run``,
``post-run`` and ``cleanup-run`` name the Ansible playbooks its test nodes run, relative to the root, with or
without the ``.yaml`` suffix (Octavia's ``run: playbooks/image-build/run.yaml``, which disables SELinux and runs
``sudo``): a CI job's steps, not the install's. A playbook no job names stays a playbook of the product. The
package's scripts such a playbook's ``shell``/``command``/``script`` tasks run are the job's too (Placement's
``gate/perfload-server.sh``, which installs MySQL with ``sudo`` and a test password), read as tox's commands are
(``tox_envs.line_script``); a script no job's playbook runs stays a step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import yaml

from shipgate.preflight.tox_envs import line_script

MAX_CONFIG = 1 << 20  # bytes of one Zuul configuration file read (a larger one names no playbook)
MAX_ITEMS = 2000  # top-level items of one configuration file read
MAX_DEPTH = 12  # nesting of plays, task lists and blocks read in a playbook
_CONFIG = re.compile(r"^(?:\.?zuul\.ya?ml|\.?zuul\.d/[^/]+\.ya?ml)$")
_RUN_KEYS = ("run", "pre-run", "post-run", "cleanup-run")
_TASK_LISTS = frozenset({"tasks", "pre_tasks", "post_tasks", "handlers", "block", "rescue", "always"})
_COMMAND_MODULES = frozenset({"shell", "command", "script"})  # also as ``ansible.builtin.shell``…


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


def _task_commands(node: object, depth: int = 0) -> Iterator[str]:
    """The command lines of a playbook's ``shell``/``command``/``script`` tasks (free form or ``cmd:``), in its
    plays' task lists and their blocks."""
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        for item in node[:MAX_ITEMS]:
            yield from _task_commands(item, depth + 1)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in _TASK_LISTS:
                yield from _task_commands(value, depth + 1)
            elif isinstance(key, str) and key.rsplit(".", 1)[-1] in _COMMAND_MODULES:
                command = value.get("cmd") if isinstance(value, dict) else value
                if isinstance(command, str):
                    yield command


def _played_scripts(files: Mapping[str, bytes | str], playbook: str) -> Iterator[str]:
    """The package's scripts a playbook's tasks run, by their path from the root (where a Zuul job's checkout of the
    project is: Placement's ``cmd: gate/perfload-server.sh {{ ansible_user_dir }}``)."""
    data = files[playbook]
    if len(data) > MAX_CONFIG:
        return
    try:
        doc = yaml.safe_load(data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data)
    except yaml.YAMLError:
        return
    for command in _task_commands(doc):
        path = line_script(command)
        if path and path in files:
            yield path


def ci_playbooks(files: Mapping[str, bytes | str]) -> frozenset[str]:
    """The paths of ``files`` that a Zuul job of the package runs as a playbook, and the package's scripts those
    playbooks run (a CI job's steps as well)."""
    found: set[str] = set()
    for path, data in files.items():
        if not _CONFIG.match(path) or len(data) > MAX_CONFIG:
            continue
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
        for name in _job_playbooks(text):
            for candidate in (name, f"{name}.yaml", f"{name}.yml"):
                if candidate in files:
                    found.add(candidate)
    return frozenset(found | {script for playbook in found for script in _played_scripts(files, playbook)})
