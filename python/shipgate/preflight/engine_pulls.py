"""Container-engine steps that ask a registry with no image reference on the line: a build told to pull
(``docker build --pull``, ``docker buildx build --pull``, ``docker compose build --pull``), which fetches the newest
version of each Dockerfile's base image whatever the host holds, and a swarm stack deploy (``docker stack deploy``,
``docker stack up``), whose nodes pull the stack file's images from their registries. ``egress`` reports both as
``implicit_egress`` at every such line (docs/preflight.md "implicit_egress", holdout252)."""

from __future__ import annotations

from shipgate.preflight.shell.commands import positional_texts
from shipgate.preflight.shell.model import Command

BUILD_REGISTRY = "the registries of the Dockerfiles' base images (docker.io by default)"
STACK_REGISTRY = "the registries of the stack file's images (docker.io by default)"

_ENGINES = frozenset({"docker", "podman", "nerdctl"})
# pull policies that keep a base image the host already holds (podman's ``--pull=missing``, ``never``, ``false``)
_KEEPING = frozenset({"false", "never", "missing"})
# engine options before the subcommand that take a value (``docker -H host stack deploy``, ``--context x``)
_GLOBAL_VALUE_OPTIONS = frozenset({"-H", "--host", "--context", "--config", "-l", "--log-level"})
_BUILD_VERBS = (["build"], ["image", "build"], ["buildx", "build"], ["builder", "build"])


def pull_forced(words: list[str]) -> bool:
    """``--pull``, ``--pull=true``, ``--pull=always``, ``--pull always``: the build asks the registry for the base
    images even when the host has them; ``--pull=never``/``missing``/``false`` keeps them."""
    for at, word in enumerate(words):
        if word.startswith("--pull="):
            return word.partition("=")[2].lower() not in _KEEPING
        if word == "--pull":
            following = words[at + 1].lower() if at + 1 < len(words) else ""
            return following not in _KEEPING
    return False


def _subcommand(command: Command) -> list[str]:
    return positional_texts([w.text for w in command.words], _GLOBAL_VALUE_OPTIONS)[:2]


def engine_build_pulls(command: Command) -> bool:
    """``docker build --pull …`` (``image build``, ``buildx build``; podman's and nerdctl's alike): the engine's own
    build, told to pull. A compose ``build --pull`` is read by the compose reader with :func:`pull_forced`."""
    if command.name not in _ENGINES:
        return False
    verbs = _subcommand(command)
    built = any(verbs[: len(v)] == v for v in _BUILD_VERBS)
    return built and pull_forced([w.text for w in command.words])


def deploys_stack(command: Command) -> bool:
    """``docker stack deploy -c stack.yml NAME`` (alias ``stack up``): the swarm's nodes pull the stack's images."""
    return command.name == "docker" and _subcommand(command) in (["stack", "deploy"], ["stack", "up"])
