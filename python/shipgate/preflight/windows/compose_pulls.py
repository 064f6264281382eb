"""Which ``docker compose`` calls of a Windows script fetch images, read as the shell reader reads them
(``shipgate.preflight.egress``): ``pull`` asks the registries every time; ``up``, ``run`` and ``create`` pull the
images a stack lacks (and ``--build`` the base images of its Dockerfiles), once per stack, its ``-f`` files, unless
told never to pull (``--pull never``, ``--no-pull``). ``docker-compose`` is the same tool (holdout209)."""

from __future__ import annotations

from itertools import pairwise

from shipgate.preflight.shell.commands import positional_texts
from shipgate.preflight.windows.model import Call

COMPOSE_REGISTRY = "the registries of the compose file's images (docker.io by default)"
# compose options that take a value (``--file F``, ``-p name``): not the subcommand.
_VALUE_OPTIONS = frozenset(
    {"-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi", "--parallel"}
)
_STARTS = frozenset({"up", "run", "create"})


def _compose_words(call: Call) -> list[str] | None:
    """The words after ``docker compose`` (or ``docker-compose``), else None for any other call."""
    words = [w.text for w in call.words]
    if call.name == "docker" and words[:1] == ["compose"]:
        return words[1:]
    return words if call.name == "docker-compose" else None


class ComposePulls:
    """The stacks whose images an earlier call of the script fetched, read in call order."""

    def __init__(self) -> None:
        self.fetched: set[str] = set()

    def fetches(self, call: Call) -> bool:
        """``call`` is a compose command that fetches images here."""
        words = _compose_words(call)
        positional = positional_texts(words, _VALUE_OPTIONS) if words is not None else []
        if words is None or not positional:
            return False
        verb = positional[0].lower()
        stack = ",".join(sorted(b for a, b in pairwise(words) if a in ("-f", "--file")))
        if verb == "pull":
            self.fetched.add(stack)
            return True
        never = "--no-pull" in words or "--pull=never" in words or ("--pull", "never") in set(pairwise(words))
        if verb not in _STARTS or never or (stack in self.fetched and "--build" not in words):
            return False
        self.fetched.add(stack)
        return True
