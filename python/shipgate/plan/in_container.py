"""The command a container tool runs inside a container, as the plan reads preflight's parsed commands: ``docker
exec [OPTIONS] CONTAINER CMD…``, ``docker [GLOBAL OPTIONS] compose [GLOBAL OPTIONS] exec|run [OPTIONS] SERVICE
CMD…`` (also ``docker-compose``, podman and nerdctl), ``kubectl exec POD [-c C] -- CMD…``. What runs inside is
read like any command (a dump, a maintenance mode); the global options before the sub-command (``docker compose
-f deploy.yaml exec -T db pg_dump``) are skipped with their values.
"""

from __future__ import annotations

from shipgate.preflight.shell.model import Command

CONTAINER_CLIS = frozenset({"docker", "podman", "nerdctl"})
COMPOSE_CLIS = frozenset({"docker-compose", "podman-compose"})
# Global options of compose (and of docker before its sub-command) that take a value.
GLOBAL_VALUE_OPTIONS = frozenset({
    "-f", "--file", "-p", "--project-name", "--env-file", "--profile", "--project-directory", "--ansi",
    "--progress", "--parallel", "-H", "--host", "-c", "--context", "--config", "-l", "--log-level",
})
# kubectl's global options that take a value (``kubectl -n prod exec …``).
_KUBECTL_VALUE_OPTIONS = frozenset({"-n", "--namespace", "--context", "--kubeconfig", "--cluster", "--user",
                                    "-s", "--server", "--as"})
# Options of ``exec`` and ``run`` (docker, compose, kubectl) that take a value.
_EXEC_VALUE_OPTIONS = frozenset({"-u", "--user", "-w", "--workdir", "-e", "--env", "--env-file", "--index",
                                 "-c", "--container", "-n", "--namespace", "--detach-keys", "--name", "-v",
                                 "--volume", "--entrypoint", "-p", "--publish", "-l", "--label", "--network",
                                 "--mount"})


def skip_global_options(words: list[str], valued: frozenset[str] = GLOBAL_VALUE_OPTIONS) -> list[str]:
    """The words from the first one that is not an option (or an option's value) on."""
    i = 0
    while i < len(words) and words[i].startswith("-"):
        i += 2 if words[i] in valued else 1
    return words[i:]


def _sub_command(c: Command, words: list[str]) -> list[str] | None:
    """The words from the ``exec``/``run`` sub-command on, None when the command runs nothing inside."""
    if c.name == "kubectl":
        rest = skip_global_options(words, _KUBECTL_VALUE_OPTIONS)
        return rest if rest[:1] == ["exec"] else None
    if c.name not in CONTAINER_CLIS and c.name not in COMPOSE_CLIS:
        return None
    rest = skip_global_options(words)
    if c.name in CONTAINER_CLIS and rest[:1] == ["compose"]:
        rest = skip_global_options(rest[1:])
    return rest if rest[:1] in (["exec"], ["run"]) else None


def inside(c: Command) -> tuple[str, list[str]] | None:
    """(container or service, the words of the command run in it), None when the command runs none."""
    rest = _sub_command(c, [w.text for w in c.words])
    if rest is None:
        return None
    i, target = 1, None
    while i < len(rest):
        if rest[i] == "--":
            i += 1
            break
        if rest[i].startswith("-"):
            i += 2 if rest[i] in _EXEC_VALUE_OPTIONS else 1
            continue
        if target is None:
            target, i = rest[i], i + 1
            if c.name != "kubectl":
                break
            continue
        break
    inner = rest[i:]
    return (target, inner) if target is not None and inner else None
