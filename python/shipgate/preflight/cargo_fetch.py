"""When ``cargo`` fetches crates (from crates.io, or the registry ``.cargo/config.toml`` names).

``cargo install CRATE`` and ``cargo fetch`` fetch by what they are (shipgate.preflight.egress lists them). A build of
the package's own code (``cargo build``, ``run``, ``test``, ``check``, ``bench``, ``doc``, ``clippy``) downloads the
crates its ``Cargo.lock`` names that the local registry cache lacks: the first such step of a script fetches them,
and a later one finds them in the cache, as it does after ``cargo fetch`` or ``cargo vendor`` (which download them
themselves). holdout120's adq-pingora postinstall builds its binary with ``cargo build --release``. A step told not
to use the network (``--offline``, ``--frozen``, ``CARGO_NET_OFFLINE=true``) fetches nothing; ``--locked`` still
downloads what the lock file names."""

from __future__ import annotations

from dataclasses import dataclass

from shipgate.preflight.shell.model import Command

# Subcommands that build (or check) the package's own code, and so download its dependencies.
_BUILDS = frozenset({"build", "b", "run", "r", "test", "t", "check", "c", "bench", "doc", "d", "clippy"})
# Subcommands after which the package's dependencies are in the cache (or a vendor directory).
_FILLS = frozenset({"fetch", "vendor"})
_OFFLINE = frozenset({"--offline", "--frozen"})
# Subcommands that fetch crates by what they are (``cargo install CRATE``, ``cargo fetch``), and where from.
FETCH_VERBS = frozenset({"install", "fetch"})
REGISTRY = "crates.io"


def _verb(words: list[str]) -> str:
    return next((w for w in words if not w.startswith("-") and not w.startswith("+")), "")


@dataclass
class CrateCache:
    """What the script's ``cargo`` steps so far left in the registry cache."""

    filled: bool = False

    def fetches(self, command: Command) -> bool | None:
        """Whether this ``cargo`` build fetches crates (steps given in the order they run); None for a ``cargo``
        step that is no build of the package (egress.py's own reading holds for it)."""
        words = [w.text for w in command.words]
        return self.step_fetches(words, {name: word.text for name, word in command.env})

    def step_fetches(self, words: list[str], env: dict[str, str]) -> bool | None:
        """``fetches`` for a ``cargo`` step of ``words`` (after ``cargo``) under the environment ``env`` (also a
        Windows script's ``cargo build``, its ``$env:`` settings as ``env``: holdout263)."""
        verb = _verb(words)
        if verb in _FILLS:
            self.filled = True
            return True if verb == "vendor" else None  # ``cargo vendor`` downloads them into vendor/ itself
        if verb not in _BUILDS:
            return None
        if any(w in _OFFLINE for w in words) or env.get("CARGO_NET_OFFLINE", "").lower() in ("true", "1"):
            return False
        fetched, self.filled = not self.filled, True
        return fetched

    def reaches_registry(self, words: list[str], env: dict[str, str]) -> bool:
        """Whether a ``cargo`` step fetches crates at all: a build the cache cannot serve, or ``install``/``fetch``
        (which fetch by what they are, as egress.py reads them in a shell script)."""
        built = self.step_fetches(words, env)
        return _verb(words) in FETCH_VERBS if built is None else built
