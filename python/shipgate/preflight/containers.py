"""The command a container runs: ``docker compose run --rm web python manage.py migrate`` runs
``python manage.py migrate`` in the ``web`` service. Read for compose ``run``/``exec`` (docker compose,
docker-compose, podman compose, podman-compose), ``docker``/``podman`` ``run``/``exec`` and ``kubectl exec … --``.
The image's entrypoint is not known: a bare subcommand (``docker compose run web upgrade``) is taken as it is."""

from __future__ import annotations

import dataclasses
import posixpath
import re

from shipgate.preflight.shell.model import Command, Word

_COMPOSE = frozenset({"docker-compose", "podman-compose"})
_ENGINES = frozenset({"docker", "podman", "nerdctl"})
# ``oc rsh`` options that take a value.
_RSH_VALUES = frozenset({"-c", "--container", "--shell", "--timeout", "-f", "--filename"})
# Options that take a value (as the next word), per place: compose's global options, then run/exec's.
_COMPOSE_GLOBAL = frozenset(
    {"-f", "--file", "-p", "--project-name", "--profile", "--env-file", "--project-directory", "--ansi", "--progress"}
)
_RUN_VALUES = frozenset(
    {
        "-e", "--env", "-w", "--workdir", "-u", "--user", "--name", "--entrypoint", "-p", "--publish", "-v",
        "--volume", "-l", "--label", "--index", "--env-file", "--network", "--net", "-h", "--hostname", "--cap-add",
        "--cap-drop", "--mount", "--platform", "--pull", "-m", "--memory", "--cpus", "--add-host", "--device",
        "--restart", "--log-driver", "--log-opt", "--dns", "--expose", "--group-add", "--ipc", "--pid", "--tmpfs",
        "--ulimit", "--security-opt", "--detach-keys", "--label-file", "--stop-signal", "--volumes-from", "--link",
        "--runtime", "--shm-size", "--gpus", "--sysctl", "--ip", "--health-cmd", "--cidfile", "-a", "--attach",
        "--userns", "--cgroupns", "--memory-swap", "--cpu-shares", "-c", "--cpuset-cpus",
        # podman's and the rarer ones: a pod to join, registry credentials, the platform, namespaces, limits
        "--pod", "--authfile", "--creds", "--cert-dir", "--secret", "--arch", "--os", "--variant", "--uts",
        "--annotation", "--uidmap", "--gidmap", "--pids-limit", "--stop-timeout", "--cgroup-parent",
        "--network-alias", "--mac-address", "--dns-search", "--dns-option", "--device-cgroup-rule", "--storage-opt",
        "--health-interval", "--health-retries", "--health-timeout", "--health-start-period", "--ip6", "--cpu-period",
        "--cpu-quota", "--memory-reservation", "--oom-score-adj", "--blkio-weight", "--volume-driver",
    }
)  # fmt: skip
# The same set for the modules that read an engine's run/create options (host grants: run_grants).
RUN_VALUE_OPTIONS = _RUN_VALUES


def _skip_options(words: tuple[Word, ...], start: int, takes_value: frozenset[str]) -> int:
    """The index of the first operand at or after ``start``."""
    i = start
    while i < len(words):
        text = words[i].text
        if text == "--":
            return i + 1
        if not text.startswith("-") or text == "-":
            return i
        i += 2 if text in takes_value else 1
    return i


def skip_run_options(words: tuple[Word, ...], start: int) -> int:
    """The index of the service, container or image a ``run``/``exec`` names, its options from ``start``."""
    return _skip_options(words, start, _RUN_VALUES)


def _inner_start(command: Command) -> int | None:
    """Where the container's argv begins in ``command.words``."""
    words = command.words
    name = command.name or ""
    if name not in ("kubectl", "oc") and name not in _COMPOSE and name not in _ENGINES:
        return None
    texts = [w.text for w in words]
    if name == "oc" and texts[:1] == ["rsh"]:
        # OpenShift's ``oc rsh [options] POD [COMMAND …]``: the command after the pod (a shell when none is given)
        pod = _skip_options(words, 1, _RSH_VALUES)
        return pod + 1 if pod + 1 < len(words) else None
    if name in ("kubectl", "oc"):
        return texts.index("--") + 1 if texts[:1] == ["exec"] and "--" in texts else None
    if name in _COMPOSE:
        i = _skip_options(words, 0, _COMPOSE_GLOBAL)
    elif name in _ENGINES and texts[:1] == ["compose"]:
        i = _skip_options(words, 1, _COMPOSE_GLOBAL)
    elif name in _ENGINES:
        i = 0
    else:
        return None
    if i >= len(words) or texts[i] not in ("run", "exec"):
        return None
    target = _skip_options(words, i + 1, _RUN_VALUES)  # the service, container or image
    return target + 1 if target + 1 < len(words) else None


def image_word(command: Command) -> Word | None:
    """The image ``docker``/``podman``/``nerdctl`` ``pull``/``run``/``create`` names: the first operand after the
    verb's options and the values they take (``docker create --name web -p 80:80 nginx:1.27`` names nginx:1.27)."""
    verb = command.words[0].text if command.words else ""
    if (command.name or "") not in _ENGINES or verb not in ("pull", "run", "create"):
        return None
    words = _split_fields(command.words)
    i = _skip_options(words, 1, _RUN_VALUES)
    return words[i] if i < len(words) else None


# A lone variable written in a variable's text: ``${UPDATER_IMAGE}`` (spelt ``$UPDATER_IMAGE`` elsewhere).
_LONE_VARIABLE = re.compile(r"\$\{(\w+)\}|\$(\w+)")


def _fields(text: str) -> list[str]:
    """``text`` split at blanks outside quotes and command substitutions (``$(mktemp "x y")`` stays one field:
    its output is one value)."""
    fields, current, depth, quote = [], "", 0, ""
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"`":
            quote = char
        elif char == "(" and text[i - 1 : i] == "$":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif char.isspace() and not depth:
            if current:
                fields.append(current)
            current = ""
            continue
        current += char
    return [*fields, current] if current else fields


def _split_fields(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The words as the shell passes them: an unquoted expansion of a variable whose text holds several fields
    (``docker run -it ${COMMON_DOCKER_OPTIONS}`` with the options and the image in one string) is split at
    blanks, each field a word of its own on the same line (a field that is a lone variable spelt ``$NAME``)."""
    out: list[Word] = []
    for word in words:
        fields = [f for f in _fields(word.text) if f != "\\"]  # a backslash-newline kept in the text joins lines
        if word.value is not None or not word.raw.startswith("$") or '"' in word.raw or len(fields) < 2:
            out.append(word)
            continue
        for field in fields:
            lone = _LONE_VARIABLE.fullmatch(field)
            name = (lone.group(1) or lone.group(2)) if lone else None
            text = f"${name}" if name else field
            out.append(Word(text, None if name else field, word.line, (name,) if name else ()))
    return tuple(out)


def container_command(command: Command) -> Command | None:
    """The command run inside the container, at the same line and with the same text; None when ``command``
    runs none."""
    start = _inner_start(command)
    if start is None or start >= len(command.words):
        return None
    program = command.words[start]
    return dataclasses.replace(
        command, name=posixpath.basename(program.text), program=program, words=command.words[start + 1 :]
    )
