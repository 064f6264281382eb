"""When the ``go`` command fetches modules (from GOPROXY, proxy.golang.org by default).

``go get`` and ``go mod …`` fetch by what they are (shipgate.preflight.egress lists them), and ``go install
PATH@VERSION`` fetches the module it names wherever it runs. A build of the main module's packages (``go build``,
``go install``, ``go run``, ``go test``, ``go vet``, ``go generate``, ``go list``) fetches the dependencies go.mod names
that the module cache lacks: the first such step of a script fetches them, and a later one finds them in the cache,
as it does after ``go mod download``, ``go mod tidy``, ``go mod vendor`` or ``go get``. A step that reads a vendor
directory (``-mod=vendor``, also through ``GOFLAGS``) or may not use a proxy (``GOPROXY=off``) fetches nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass

from shipgate.preflight.shell.model import Command

# Subcommands that build (or load) the main module's packages, and so resolve its dependencies.
_BUILDS = frozenset({"build", "install", "run", "test", "vet", "generate", "list"})
# ``go mod`` subcommands after which the main module's dependencies are in the module cache.
_FILLS = frozenset({"download", "tidy", "vendor"})
# ``golang.org/x/tools/cmd/stringer@v0.1.0``, ``github.com/a/b/cmd/c@latest``: a module path at a version.
_AT_VERSION = re.compile(r"^[\w.~-]+(?:/[\w.~-]+)+@\S+$")


@dataclass
class ModuleCache:
    """What the script's ``go`` steps so far left in the module cache."""

    filled: bool = False

    def fetches(self, command: Command) -> bool:
        """Whether this ``go`` step fetches modules; steps are given in the order they run."""
        words = [w.text for w in command.words]
        return self.step_fetches(words, {name: word.text for name, word in command.env})

    def step_fetches(self, words: list[str], env: dict[str, str]) -> bool:
        """Whether a ``go`` step of ``words`` (after ``go``) under the environment ``env`` fetches modules (also a
        Windows script's ``go build``, its ``$env:`` settings as ``env``)."""
        verb = words[0] if words else ""
        if _offline(words, env):
            return False
        if verb == "get" or (verb == "mod" and words[1:2] and words[1] in _FILLS):
            self.filled = True
            return True
        if verb == "mod":
            return True  # egress.py's reading of the other ``go mod`` subcommands, unchanged
        if verb not in _BUILDS:
            return False
        if verb in ("install", "run") and any(names_module_version(w) for w in words[1:]):
            return True  # a module named at a version, outside the main module: fetched every time
        fetched, self.filled = not self.filled, True
        return fetched


def names_module_version(word: str) -> bool:
    """``golang.org/x/tools/cmd/stringer@v0.1.0``: a module path at a version, which ``go install``/``go run`` fetch
    from the proxy rather than build from the working directory's module."""
    return _AT_VERSION.match(word) is not None


def _offline(words: list[str], env: dict[str, str]) -> bool:
    flags = [w for w in words if w.startswith("-mod=")]
    flags += [f for f in env.get("GOFLAGS", "").split() if f.startswith("-mod=")]
    return "-mod=vendor" in flags or env.get("GOPROXY") == "off"
