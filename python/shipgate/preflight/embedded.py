"""Shell that other formats carry, read as shell at its own lines of the host file.

A Dockerfile's ``RUN``/``CMD``/``ENTRYPOINT`` (run by ``/bin/sh -c``; an absolute ``WORKDIR`` is the ``cd`` the
later lines start in, until the next ``FROM``; ``ENV``/``ARG`` values become assignments the later lines use;
``ADD`` of a URL is a download), an Ansible ``shell``/``command``/``raw`` task (``become`` is an escalation reported
at its line), cloud-init ``runcmd``/``bootcmd`` items and modules (also as user data inside
another YAML file: shipgate.preflight.cloud_init), Vagrant and Packer shell provisioners (shipgate.preflight.vagrant,
shipgate.preflight.packer), Upstart jobs' ``exec`` stanzas and ``script`` blocks
(shipgate.preflight.upstart), a launchd job's ``ProgramArguments`` (shipgate.preflight.launchd), a logrotate
``postrotate … endscript`` block, the programs udev rules run (``RUN+=``, ``PROGRAM=``: shipgate.preflight.udev),
apt hooks and modprobe ``install`` commands (shipgate.preflight.hooks), the work Puppet manifests, Chef recipes and
Salt states declare (shipgate.preflight.config_management), and a container's ``command``/``args``/``entrypoint``
that runs ``sh -c SCRIPT`` (Kubernetes, compose — by name or by its services; a Helm template as its skeleton,
shipgate.preflight.helm) and a compose health check's ``test``.
Ansible's ``sysctl``/``modprobe``/``capabilities`` module tasks are read as the command that does the same
(shipgate.preflight.ansible_host_modules).
Each command's text is put at the line where it stands in the host file and the whole is parsed as one script,
so every script check applies and reports at the host file's lines. YAML is read with the safe loader's node
tree (line numbers; an alias is the anchored node, so its text is reported at the anchor). Strings that are not
passed to an interpreter (a task's ``name:``/``msg:``, ``LABEL``, ``ENV`` values) are data.

Privilege: a Dockerfile build, cloud-init, Upstart, launchd, logrotate, udev, apt, modprobe, a configuration-management
agent, a container, a Vagrant guest and a Packer build instance run their commands as root (or with their own sudo)
by design (``Embedded.root``); an Ansible task runs as the connecting user unless ``become`` is set on it, its block
or its play."""

from __future__ import annotations

import json
import posixpath
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from shipgate.preflight import helm, launchd, packer, upstart, vagrant
from shipgate.preflight.ansible_become import escalated
from shipgate.preflight.ansible_host_modules import (
    COPY_MODULES,
    HOST_MODULES,
    TASK_MARKERS,
    copied_content,
    host_module_command,
)
from shipgate.preflight.ansible_loops import item_commands
from shipgate.preflight.ansible_tls import TlsOff, tls_off
from shipgate.preflight.cloud_init import command_items as cloud_init_commands
from shipgate.preflight.cloud_init import module_pieces as cloud_init_modules
from shipgate.preflight.cloud_init import nested_user_data as user_data_in
from shipgate.preflight.compose import compose_shaped, is_compose_file
from shipgate.preflight.config_management import declared_work
from shipgate.preflight.contents import is_dockerfile
from shipgate.preflight.dockerfile_stages import development_stages
from shipgate.preflight.hooks import commands as hook_commands
from shipgate.preflight.lifecycle import commands as lifecycle_commands
from shipgate.preflight.program_scripts import commands as program_commands
from shipgate.preflight.saved_names import saved_file
from shipgate.preflight.shell.model import Script
from shipgate.preflight.shell.reader import parse_script
from shipgate.preflight.udev import commands as udev_commands
from shipgate.yaml_nodes import compose_documents

# Bounds: YAML nodes visited (aliases are not expanded: each node once) and commands placed per file.
MAX_NODES = 100_000
MAX_PIECES = 2_000
MAX_DEPTH = 64  # blocks within blocks


@dataclass(frozen=True)
class Unsigned:
    """A module option that installs packages without checking their signatures."""

    line: int
    text: str
    how: str


@dataclass(frozen=True)
class Embedded:
    script: Script
    lines: frozenset[int]  # lines of the host file that hold command text
    root: bool  # run as root by what runs them (image build, boot, logrotate, container)
    unsigned: tuple[Unsigned, ...] = ()
    tls_off: tuple[TlsOff, ...] = ()  # module options that turn certificate checks off (Ansible validate_certs)


Piece = tuple[int, str]
# A YAML file is parsed only when one of the keys this module reads is in it (most YAML is plain settings).
_YAML_TRIGGER = re.compile(
    r"(?:^|[\s{,-])(?:shell|command|cmd|args|raw|argv|entrypoint|runcmd|bootcmd|apt|yum|dnf|package|zypper|get_url"
    r"|unarchive|sysctl|modprobe|user-data|vendor-data|become|sudo|validate_certs)\s*:|validate_certs="
    r"|(?:ansible\.builtin|ansible\.legacy|ansible\.posix|community\.general)\.",
    re.M,
)


def read_embedded(path: str, text: str) -> Embedded | None:
    """The shell ``text`` (the file at ``path``) carries, if it is one of the formats above; else None."""
    if is_dockerfile(path, text):
        return _embedded(path, list(_dockerfile(text)), root=True)
    if packer.is_template(path, text):  # the build instance's provisioning, as its user with its own sudo
        return _embedded(path, packer.commands(path, text), root=True)
    if vagrant.is_vagrantfile(path):  # the guest's provisioning, as root or with the box's own sudo
        return _embedded(path, vagrant.provisioner_scripts(text), root=True)
    if upstart.is_job(path, text):  # an Upstart job: as root or its setuid account, never the installer
        return _embedded(path, list(upstart.commands(text)), root=True)
    if launchd.is_property_list(path, text):  # a launchd job: as root, its UserName or the user who logs in
        return _embedded(path, launchd.program_pieces(text), root=True)
    if _is_logrotate(path, text):
        return _embedded(path, list(_logrotate(text)), root=True)
    if path.endswith(".rules"):
        return _embedded(path, udev_commands(path, text), root=True)
    lifecycle = lifecycle_commands(path, text)  # npm/Composer scripts, make install, setup.py: the installer's
    if lifecycle is not None:
        return _embedded(path, lifecycle, root=False)
    program = program_commands(path, text)  # a Python or Perl install/upgrade script: the installer's steps
    if program is not None:
        return _embedded(path, program, root=False)
    hooks = hook_commands(path, text)
    if hooks:
        return _embedded(path, hooks, root=True)
    work = declared_work(path, text)
    if work is not None:
        options = tuple(Unsigned(o.line, o.text, o.how) for o in work[1])
        return _embedded(path, work[0], root=True, unsigned=options)
    if helm.is_template(path) and "{{" in text:
        text = helm.skeleton(text)  # a Helm chart's template, read as the YAML it renders to
    cloud_init = text.startswith("#cloud-config")
    if not cloud_init and (not path.lower().endswith((".yml", ".yaml")) or not _YAML_TRIGGER.search(text)):
        return None
    docs = _yaml_documents(text)
    if not docs:
        return None
    if cloud_init:
        return _embedded(path, [p for d in docs for p in _cloud_init(d)], root=True)
    carried = any(key in text for key in _USER_DATA_WORDS)  # only then can a block of user data be in it
    nested = [(o + line, command) for o, d in user_data_in(docs) for line, command in _cloud_init(d)] if carried else []
    if nested:  # cloud-init user data inside another YAML file (a Multipass blueprint)
        return _embedded(path, nested, root=True)
    if any(_is_task_list(d) for d in docs):
        reader = _Ansible()
        for d in docs:
            reader.tasks(d, False)
        return _embedded(
            path, reader.pieces, root=False, unsigned=tuple(reader.unsigned), tls_off=tuple(reader.tls_off)
        )
    compose = is_compose_file(path) or any(compose_shaped(d) for d in docs)  # ``pwd.yml``: services with images
    lines = text.splitlines()
    pieces = [p for d in docs if compose or _is_manifest(d) for p in _containers(d, set(), lines)]
    return _embedded(path, pieces, root=True)


_USER_DATA_WORDS = ("user-data", "vendor-data", "user_data", "vendor_data", "userData", "vendorData")


def _is_manifest(doc: yaml.Node) -> bool:
    """A Kubernetes object (``apiVersion`` and ``kind``): its containers' ``command``/``args`` are run."""
    return {"apiVersion", "kind"} <= _mapping(doc).keys()


def _embedded(
    path: str,
    pieces: list[Piece],
    *,
    root: bool,
    unsigned: tuple[Unsigned, ...] = (),
    tls_off: tuple[TlsOff, ...] = (),
) -> Embedded | None:
    if not pieces and not unsigned and not tls_off:
        return None
    source, lines = _layout(pieces[:MAX_PIECES])
    return Embedded(parse_script(source, path=path), lines, root, unsigned, tls_off)


def _layout(pieces: list[Piece]) -> tuple[str, frozenset[int]]:
    """One script with each piece's text starting at its line (a piece that would overlap the one before starts
    on the next free line)."""
    out: list[str] = []
    covered: set[int] = set()
    for line, text in sorted(pieces, key=lambda p: p[0]):
        body = text.split("\n")
        start = max(line, len(out) + 1)
        out.extend([""] * (start - 1 - len(out)))
        out.extend(body)
        covered.update(range(start, start + len(body)))
    return "\n".join(out) + "\n", frozenset(covered)


def _argv(words: list[str]) -> str:
    """An exec-form command (a list of words, no shell) as a shell command line with the same words."""
    return " ".join(shlex.quote(w) for w in words)


# ---------------------------------------------------------------------------------------------------- Dockerfile

_INSTRUCTION = re.compile(r"^\s*([A-Za-z]+)(?:\s+|$)(.*)$", re.S)
_ESCAPE_DIRECTIVE = re.compile(r"^#\s*escape\s*=\s*(\S)\s*$", re.I)
# an instruction's flags, each line of them ending in the escape when they run on (``RUN --mount=… \`` then
# ``    --mount=… \`` then the command), also when the instruction's own line holds only the escape (``RUN \`` then
# the flags on the lines below it: holdout266's VEXXHOST base image)
_RUN_FLAG = re.compile(r"^(?:\s|\\\n)*(?:--[a-z-]+(?:=(?:\"[^\"]*\"|[^\s\\]+))?(?:\s|\\\n)+)*")
_HEREDOC = re.compile(r"(?<!<)<<(?!<)(-?)\s*([\"']?)([A-Za-z_][A-Za-z0-9_]*)\2")
_POSIX_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh", "busybox"})


def _dockerfile(text: str) -> Iterator[Piece]:
    lines = [line.removesuffix("\r") for line in text.split("\n")]  # Docker reads CRLF line ends as LF ones
    escape = "\\"
    for raw in lines[:5]:
        if m := _ESCAPE_DIRECTIVE.match(raw.strip()):
            escape = m.group(1)
    i, posix = 0, True
    stages: list[str] = []  # the build's stages so far, by their ``AS`` names ("" when unnamed)
    moved = False  # a WORKDIR of this stage was read as a ``cd``
    values: dict[str, str] = {}  # the build variables' literal values so far (``ADD ${URL}`` fetches one)
    developer = development_stages(text)  # stages only a developer's ``--target`` builds: not read
    while i < len(lines):
        start = i
        stripped = lines[i].strip()
        if not stripped or stripped.startswith("#"):
            i += 1
            continue
        body = [lines[i]]
        continued = lines[i].rstrip().endswith(escape)
        while continued and i + 1 < len(lines):
            i += 1
            # Docker drops comment and empty lines inside a continued instruction; a lone escape keeps the shell's
            # continuation and every later line at its number.
            dropped = not lines[i].strip() or lines[i].lstrip().startswith("#")
            body.append(escape if dropped else lines[i])
            continued = dropped or lines[i].rstrip().endswith(escape)
        i += 1
        m = _INSTRUCTION.match("\n".join(body))
        if m is None:
            continue
        keyword, rest = m.group(1).upper(), m.group(2)
        if keyword == "FROM":
            named = _STAGE_NAME.search(rest)
            stages.append(named.group(1).lower() if named else "")
            if moved:  # a new stage starts where its base image says, Docker's default ``/`` unless it sets one
                yield start + 1, "cd /"
                moved = False
        elif keyword == "SHELL":
            posix = _shell_is_posix(rest)
        elif keyword in ("RUN", "CMD", "ENTRYPOINT") and stages and stages[-1] in developer:
            _, i = _heredoc_bodies(rest, lines, i)
        elif keyword in ("RUN", "CMD", "ENTRYPOINT") and posix:
            heredocs, i = _heredoc_bodies(rest, lines, i)
            yield from _run(start + 1, rest, heredocs)
        elif keyword in ("ENV", "ARG"):
            for piece in _variables(start + 1, keyword, rest):
                _build_values(piece[1], values)
                yield piece
        elif keyword == "WORKDIR" and rest.strip().startswith("/"):
            yield start + 1, f"cd {shlex.quote(rest.strip())}"  # the directory the later RUN lines start in
            moved = True
        elif keyword == "ADD":
            yield from _add(start + 1, rest, values)
        elif keyword == "COPY":
            yield from _copy(start + 1, rest, stages)


def _shell_is_posix(rest: str) -> bool:
    try:
        words = json.loads(rest)
    except ValueError:
        return True
    return bool(words) and isinstance(words[0], str) and posixpath.basename(words[0]) in _POSIX_SHELLS


def _heredoc_bodies(rest: str, lines: list[str], i: int) -> tuple[list[tuple[int, list[str], str]], int]:
    """The heredocs a ``RUN <<EOF`` opens (BuildKit): (first line, body lines, delimiter) each, and the line after."""
    found: list[tuple[int, list[str], str]] = []
    for m in _HEREDOC.finditer(rest.split("\n", 1)[0]):
        first, body = i + 1, []
        while i < len(lines) and lines[i].strip() != m.group(3):
            body.append(lines[i])
            i += 1
        found.append((first, body, m.group(3)))
        i += 1
    return found, i


def _run(line: int, rest: str, heredocs: list[tuple[int, list[str], str]]) -> Iterator[Piece]:
    # the flags' line ends stay as continuations, so the command keeps its lines
    command = _RUN_FLAG.sub(lambda m: "\\\n" * m.group(0).count("\n"), rest, count=1)
    if command.lstrip().startswith("["):
        try:
            words = json.loads(command.replace("\\\n", " "))
        except ValueError:
            words = None
        if isinstance(words, list) and all(isinstance(w, str) for w in words):
            yield line, _argv(words)
            return
    if heredocs and command.lstrip().startswith("<<"):
        for first, body, _ in heredocs:  # ``RUN <<EOF`` with no command: the body is the script, one group of
            # statements run in order by one shell (on the RUN line and the delimiter's: a failure inside it does
            # not stop the build unless the script sets errexit; a RUN's last command does)
            yield (first - 1, "\n".join(["{", *body, "}"])) if len(heredocs) == 1 else (first, "\n".join(body))
        return
    yield line, command
    for first, body, delimiter in heredocs:  # ``RUN python3 <<EOF``: the heredoc is the command's input
        yield first, "\n".join([*body, delimiter])


def _variables(line: int, keyword: str, rest: str) -> Iterator[Piece]:
    """``ENV k=v k2="v 2"`` and ``ARG k=v`` as shell assignments (also when they start on the line after a
    continuation: ``ENV \\`` then ``    k=v \\``); the legacy ``ENV k some value`` too."""
    opening = re.match(r"(?:[ \t]*\\\n)*", rest)
    skipped = opening.group(0) if opening is not None else ""
    line, rest = line + skipped.count("\n"), rest[len(skipped) :]  # the first assignment's own line
    first = rest.split(None, 1)
    if not first:
        return
    if "=" in first[0]:
        yield line, rest
    elif keyword == "ENV" and len(first) == 2 and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", first[0]):
        yield line, f"{first[0]}={shlex.quote(first[1].strip())}"


_BUILD_VARIABLE = re.compile(r"\$(?:\{(\w+)\}|(\w+))")


def _build_values(assignments: str, values: dict[str, str]) -> None:
    """Record the literal values an ``ENV``/``ARG`` line gives (``ARG URL=https://…``, ``ENV URL=${URL}``), each
    with the build variables it names expanded as Docker does, for the instructions Docker expands them in."""
    try:
        words = shlex.split(assignments, comments=False)
    except ValueError:
        return
    for word in words:
        name, equals, value = word.partition("=")
        if equals and re.fullmatch(r"[A-Za-z_]\w*", name):
            values[name] = _BUILD_VARIABLE.sub(lambda m: values.get(m.group(1) or m.group(2), m.group(0)), value)


def _add_source(word: str, values: dict[str, str]) -> tuple[str, str] | None:
    """An ``ADD`` source that is a URL: as written and as Docker fetches it (a build variable whose value is one:
    ``ADD ${S6_OVERLAY_RELEASE} /tmp/s6.tar.gz``, kept as the variable so the URL's assignment line is named)."""
    if word.startswith(("http://", "https://")):
        return shlex.quote(word), word
    whole = _BUILD_VARIABLE.fullmatch(word)
    value = values.get((whole.group(1) or whole.group(2)) if whole else "", "")
    return (f'"{word}"', value) if value.startswith(("http://", "https://")) else None


def _add(line: int, rest: str, values: dict[str, str]) -> Iterator[Piece]:
    """``ADD https://… DEST``: a download into the image, as the ``curl`` that does the same (a ``--checksum=``
    flag is the check ``ADD`` runs on it); a source held in a build variable whose value is a URL too."""
    checksum = re.search(r"--checksum=(\S+)", rest)
    words = _RUN_FLAG.sub("", rest, count=1).split()
    sources = [_add_source(w, values) for w in words[:-1]]
    if len(words) < 2 or None in sources:
        return
    for spelled, url in filter(None, sources):
        dest = saved_file(words[-1], url)  # ``ADD URL /tmp``: the file is ``/tmp/NAME``
        fetch = f"curl -fsSL -o {shlex.quote(dest)} {spelled}"
        if checksum:
            digest = checksum.group(1).partition(":")[2]
            fetch += f" && echo {shlex.quote(digest + '  ' + dest)} | sha256sum -c -"
        yield line, fetch


_STAGE_NAME = re.compile(r"\s+AS\s+(\S+)\s*$", re.I)
_COPY_FROM = re.compile(r"--from=(\S+)")


def _copy(line: int, rest: str, stages: list[str]) -> Iterator[Piece]:
    """``COPY --from=STAGE SRC… DEST``: what an earlier stage of this build made (fetched, unpacked) copied into
    this one, as the ``cp`` that does the same: the stages are read as one script, so a stage's paths are its paths.
    A COPY from the build context (the package's own files) or from another image is not read."""
    source = _COPY_FROM.search(rest)
    stage = source.group(1).lower() if source is not None else ""
    if not stage or not (stage in stages or (stage.isdigit() and int(stage) < len(stages))):
        return
    spec = re.sub(r"\\\n", " ", _RUN_FLAG.sub("", rest, count=1)).strip()
    try:
        words = json.loads(spec) if spec.startswith("[") else spec.split()
    except ValueError:
        return
    if isinstance(words, list) and len(words) >= 2 and all(isinstance(w, str) for w in words):
        yield line, "cp -R " + _argv(words)


# ---------------------------------------------------------------------------------------------------- logrotate

_SCRIPT_DIRECTIVES = frozenset({"prerotate", "postrotate", "firstaction", "lastaction", "preremove"})


def _is_logrotate(path: str, text: str) -> bool:
    """A logrotate configuration (``logrotate.d/x``, ``debian/x.logrotate``), not a document about one."""
    lower = path.lower()
    prose = lower.endswith((".md", ".rst", ".txt", ".html", ".adoc"))
    return "logrotate" in lower and not prose and "endscript" in text and "{" in text


def _logrotate(text: str) -> Iterator[Piece]:
    body: list[str] | None = None
    first = 0
    for number, raw in enumerate(text.split("\n"), 1):
        word = raw.strip()
        if body is None:
            if word.lower() in _SCRIPT_DIRECTIVES:
                body, first = [], number + 1
        elif word.lower() == "endscript":
            yield first, "\n".join(body)
            body = None
        else:
            body.append(raw)


# ---------------------------------------------------------------------------------------------------- YAML


def _yaml_documents(text: str) -> list[yaml.Node]:
    return list(compose_documents(text) or ())


def _scalar_piece(node: yaml.Node) -> Piece | None:
    """A string scalar at the line its text starts on: a block scalar's text starts below its indicator."""
    if not isinstance(node, yaml.ScalarNode) or not isinstance(node.value, str) or not node.value.strip():
        return None
    line = node.start_mark.line + 1
    if node.style in ("|", ">"):
        line += 1
    return line, node.value.rstrip("\n")


def _words(node: yaml.Node | None) -> list[str] | None:
    if not isinstance(node, yaml.SequenceNode):
        return None
    words = [w.value for w in node.value if isinstance(w, yaml.ScalarNode)]
    return words if len(words) == len(node.value) else None


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode) and isinstance(k.value, str)}


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """The line of each key of a mapping (``copy:`` of a task), as ``_mapping`` names them."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}


def _truthy(node: yaml.Node | None) -> bool:
    return isinstance(node, yaml.ScalarNode) and str(node.value).strip().lower() in ("yes", "true", "on", "1", "y")


def _cloud_init(doc: yaml.Node) -> Iterator[Piece]:
    """``runcmd``/``bootcmd`` items (a string is a shell command line, a list is argv), and what cloud-init's
    key, user, file and snap modules do (shipgate.preflight.cloud_init). Also the command lists of an Ubuntu
    installer's ``autoinstall:`` section (``early-commands``, ``late-commands``, ``error-commands``): Subiquity
    runs each item as a shell command, as root, at that stage of the install."""
    for key in ("runcmd", "bootcmd"):
        yield from cloud_init_commands(_mapping(doc).get(key))
    autoinstall = _mapping(_mapping(doc).get("autoinstall"))
    for key in _AUTOINSTALL_COMMANDS:
        yield from cloud_init_commands(autoinstall.get(key))
    yield from cloud_init_modules(doc)


# The installer's own command lists (the Ubuntu autoinstall reference), each a list of shell command lines.
_AUTOINSTALL_COMMANDS = ("early-commands", "late-commands", "error-commands")


# Kubernetes/compose: the argv of a container; its shell script is the word after ``-c`` of a shell.
_SHELL_C = re.compile(r"^-[a-z]*c[a-z]*$")


def _containers(node: yaml.Node, seen: set[int], lines: list[str] | None = None) -> Iterator[Piece]:
    stack = [node]
    while stack and len(seen) < MAX_NODES:
        current = stack.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            fields = _mapping(current)
            # ``args:`` alone is what the image's entrypoint receives: ``args: [sh, -c, SCRIPT]`` runs the script
            if "command" in fields or "entrypoint" in fields or isinstance(fields.get("args"), yaml.SequenceNode):
                yield from _shell_c([fields.get(k) for k in ("entrypoint", "command", "args")], lines)
            yield from _health_test(_mapping(fields.get("healthcheck")).get("test"))
            stack.extend(v for _, v in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _health_test(test: yaml.Node | None) -> Iterator[Piece]:
    """A compose health check's ``test``: a string or ``[CMD-SHELL, script]`` is run by the container's shell,
    ``[CMD, …]`` is argv (Compose specification, ``healthcheck``)."""
    if test is None:
        return
    words = _words(test)
    if words and words[0] == "CMD-SHELL" and len(words) == 2:
        yield test.start_mark.line + 1, words[1]
    elif words and words[0] == "CMD" and len(words) > 1:
        yield test.start_mark.line + 1, _argv(words[1:])
    elif words is None and (piece := _scalar_piece(test)) is not None:
        yield piece


def _unfolded(node: yaml.ScalarNode, lines: list[str] | None) -> Piece | None:
    """A folded (``>``) block's script with its source lines kept: where YAML joins two lines with a space, the
    script ends the first with a space and a backslash, which the shell reads as the same space (a line
    continuation)."""
    first, last = node.start_mark.line + 1, node.end_mark.line
    raw = lines[first:last] if lines is not None else []
    body = [r for r in raw if r.strip()]
    if not body:
        return None
    indent = min(len(r) - len(r.lstrip(" ")) for r in body)
    kept = [r[indent:] for r in raw]
    while kept and not kept[-1].strip():
        kept.pop()
    out = []
    for i, text in enumerate(kept):
        following = kept[i + 1] if i + 1 < len(kept) else ""
        folds = text.strip() and following.strip() and not text.startswith(" ") and not following.startswith(" ")
        out.append(text + " \\" if folds and not text.rstrip().endswith("\\") else text)
    return first + 1, "\n".join(out)


def _shell_c(parts: list[yaml.Node | None], lines: list[str] | None = None) -> Iterator[Piece]:
    """The script of ``sh -c SCRIPT`` spread over entrypoint/command/args (lists, or compose strings)."""
    argv: list[yaml.Node | str] = []
    for node in parts:
        if isinstance(node, yaml.SequenceNode):
            argv.extend(node.value)
        elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
            try:
                argv.extend(shlex.split(node.value))
            except ValueError:
                return
            if len(argv) >= 3 and _is_shell(argv[-3]) and _SHELL_C.match(_text(argv[-2])):
                yield node.start_mark.line + (2 if node.style in ("|", ">") else 1), _text(argv[-1])
                return
    for i in range(len(argv) - 1):
        if _SHELL_C.match(_text(argv[i])) and any(_is_shell(a) for a in argv[:i]):
            script = argv[i + 1]
            if isinstance(script, yaml.ScalarNode) and script.style == ">" and lines is not None:
                piece = _unfolded(script, lines) or _scalar_piece(script)
            else:
                piece = _scalar_piece(script) if isinstance(script, yaml.Node) else None
            if piece is not None:
                yield piece
            return


def _text(word: yaml.Node | str) -> str:
    return word if isinstance(word, str) else str(getattr(word, "value", ""))


def _is_shell(word: yaml.Node | str) -> bool:
    return posixpath.basename(_text(word)) in _POSIX_SHELLS


# ---------------------------------------------------------------------------------------------------- Ansible

_COMMAND_MODULES = frozenset(
    f"{prefix}{name}" for prefix in ("", "ansible.builtin.", "ansible.legacy.") for name in ("shell", "command", "raw")
)
_PACKAGE_MODULES = frozenset(
    f"{prefix}{name}"
    for prefix in ("", "ansible.builtin.", "ansible.legacy.", "community.general.")
    for name in ("apt", "yum", "dnf", "package", "zypper")
)
_GET_URL = frozenset({"get_url", "ansible.builtin.get_url", "ansible.legacy.get_url"})
# ``uri`` saves the answer when given ``dest:`` (``url: …/jq-linux64``, ``dest: /usr/bin/jq``, ``mode: 0755``).
_URI = frozenset({"uri", "ansible.builtin.uri", "ansible.legacy.uri"})
_UNARCHIVE = frozenset({"unarchive", "ansible.builtin.unarchive", "ansible.legacy.unarchive"})
# A URL ``src:`` of ``unarchive``: the module downloads it (it takes no checksum) before extracting it.
_REMOTE_SRC = re.compile(r"(?:https?|ftp)://", re.IGNORECASE)
# Modules that fetch (their ``validate_certs`` is read): they mark a list as tasks as the command modules do.
_FETCH_MODULES = frozenset(
    f"{prefix}{name}"
    for prefix in ("", "ansible.builtin.", "ansible.legacy.")
    for name in ("uri", "apt_key", "rpm_key", "unarchive", "apt_repository", "yum_repository")
)
_TASK_KEYS = (
    _COMMAND_MODULES
    | _PACKAGE_MODULES
    | _GET_URL
    | _FETCH_MODULES
    | TASK_MARKERS
    | {"block", "hosts", "include_tasks", "import_tasks", "tasks"}
    | {"django_manage", "community.general.django_manage"}
)
_UNSIGNED_OPTIONS = {"allow_unauthenticated": "allow_unauthenticated", "disable_gpg_check": "disable_gpg_check"}
_FREE_FORM_ARGS = re.compile(
    r"""\s+(?:creates|removes|chdir|executable|warn|stdin|stdin_add_newline)=(?:"[^"\n]*"|'[^'\n]*'|\S+)"""
)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
_KV_OPTION = re.compile(r"(?:^|\s)(force|allow_unauthenticated|disable_gpg_check)=(yes|true|True|1)\b")
_PLAY_LISTS = ("tasks", "pre_tasks", "post_tasks", "handlers", "block", "rescue", "always")
# Keywords of privilege and of where a task runs, beside ``become`` itself (not the task's action).
_BECOME_KEYS = frozenset({"sudo", "become_method", "become_flags", "sudo_user", "run_once", "check_mode", "args"})
# A task's keys that are not its module (``args:`` holds the module's arguments in the older form, so it is read).
_TASK_KEYWORDS = frozenset(
    {"name", "when", "tags", "notify", "register", "vars", "environment", "loop", "with_items", "until", "become"}
    | {"become_user", "delegate_to", "changed_when", "failed_when", "no_log", "retries", "delay", "listen"}
)


# The module that runs a Django project's ``manage.py`` with its ``command`` argument.
_DJANGO_MODULE = "django_manage"
# Actions Ansible runs on the controller, never on the target: a ``become`` on them escalates nothing (``set_fact``,
# ``debug``, ``assert``, ``meta``, ``include_vars`` … ; ``include_tasks`` is not one: its tasks inherit the become).
_CONTROLLER_ACTIONS = frozenset(
    {"set_fact", "debug", "assert", "fail", "meta", "add_host", "group_by", "include_vars", "pause", "set_stats"}
)


def _controller_only(fields: dict[str, yaml.Node]) -> bool:
    """A task whose action runs on the controller alone (``become: true`` over ``ansible.builtin.set_fact``)."""
    actions = [k for k in fields if k not in _TASK_KEYWORDS and k not in _PLAY_LISTS and k not in _BECOME_KEYS]
    return bool(actions) and all(k.rpartition(".")[2] in _CONTROLLER_ACTIONS for k in actions)


# An expression whose value defaults to nothing (``{{ prefix | default('') }}``, ``default(omit)``): an optional part
# of the command (a prefix such as ``nice`` or an environment assignment) that is empty unless the play sets it.
# ``set_fact`` (a controller action: it gives variables values), and a variable a Jinja expression is alone.
_SET_FACT = frozenset({"set_fact", "ansible.builtin.set_fact", "ansible.legacy.set_fact"})
_FACT_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}")
_FACT_USE = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]{0,127})\s*\}\}")
_EMPTY_DEFAULT = re.compile(r"""\{\{[^{}]*\|\s*default\(\s*(?:''|""|omit)\s*\)\s*\}\}""")


def _rendered(command: str) -> str:
    """A command's Jinja as the shell reads it: an expression that defaults to nothing is left out (so the word
    after it is the command: ``{{ prefix | default('') }}bundle exec rake db:migrate`` runs ``bundle``), any other
    one is a value known only when the play runs (``${ANSIBLE_VALUE}``)."""
    return _JINJA.sub("${ANSIBLE_VALUE}", _EMPTY_DEFAULT.sub("", command))


def _module_args(node: yaml.Node) -> dict[str, tuple[str, int]]:
    """A module's arguments (a mapping, or ``k=v`` words of a free-form string): name -> (value, line). In the
    free form a Jinja expression is one value known when the play runs (``dest=/tmp/x-{{ v }}.deb``), not the words
    its spaces would split it into."""
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
        try:
            words = shlex.split(_JINJA.sub("${ANSIBLE_VALUE}", node.value))
        except ValueError:
            return {}
        line = node.start_mark.line + 1
        return {k: (v, line) for k, sep, v in (w.partition("=") for w in words) if sep}
    return {
        k: (str(v.value), v.start_mark.line + 1) for k, v in _mapping(node).items() if isinstance(v, yaml.ScalarNode)
    }


# A package given to a package module by URL (``name: https://…/app-1.2.x86_64.rpm``, apt's ``deb: https://…``).
_PACKAGE_URL = re.compile(r"^(?:https?|ftp)://\S+\.(rpm|deb)$", re.IGNORECASE)


def _remote_packages(node: yaml.Node) -> list[Piece]:
    """A package module given a package file by URL (in ``name:``/``pkg:``/``deb:``, one value or a list item):
    the module downloads the file and installs it, and neither yum/dnf (``localpkg_gpgcheck`` is off by default)
    nor dpkg checks a signature of a package given as a file: the ``curl`` then ``rpm -i``/``dpkg -i`` it does,
    at the item's line. A package named for a repository, or a URL known only when the play runs, is not one."""
    pieces: list[Piece] = []
    for key, value in _mapping(node).items():
        if key not in ("name", "pkg", "deb"):
            continue
        items = value.value if isinstance(value, yaml.SequenceNode) else [value]
        for item in items[:_MAX_PACKAGE_ITEMS]:
            text = _JINJA.sub("${ANSIBLE_VALUE}", str(item.value)).strip() if isinstance(item, yaml.ScalarNode) else ""
            found = _PACKAGE_URL.match(text)
            if found is None:
                continue
            saved = shlex.quote("/tmp/" + posixpath.basename(text))  # noqa: S108 -- the module's download, as text
            tool = "dpkg -i" if found.group(1).lower() == "deb" else "rpm -i"
            fetch = f"curl -fsSL -o {saved} {shlex.quote(text)} && {tool} {saved}"
            pieces.append((item.start_mark.line + 1, _module_command(fetch)))
    return pieces


_MAX_PACKAGE_ITEMS = 200  # package names read per module argument (a list is bounded by the YAML node limit too)


def _remote_copy(args: dict[str, tuple[str, int]], module_line: int) -> Piece | None:
    """``copy`` of a file already on the target (``remote_src: yes``), at the ``src:`` line, or of an absolute path
    on the controller (a file the play put there, such as a ``get_url`` or ``unarchive`` run with ``delegate_to:
    localhost``), at the module's line (the push is the module's own step: holdout118's Prometheus and holdout244's
    bot roles): the ``cp SRC DEST`` it is, with the ``chmod`` a literal ``mode:`` gives the copy (a file an earlier
    ``get_url``/``unarchive`` saved at that path is followed to its fetch). A copy of the role's own files (a
    relative ``src:``, looked up in ``files/``) is not read."""
    if "src" not in args or "dest" not in args:
        return None
    src, line = args["src"]
    if not _truthy_text(args.get("remote_src", ("no", 0))[0]):
        if not src.startswith("/"):
            return None
        line = module_line or line
    dest = _path_word(args["dest"][0])
    copied = f"cp {_path_word(src)} {dest}"
    mode = args.get("mode", ("", 0))[0].strip()
    if mode and not _JINJA.search(mode):
        copied += f" && chmod {shlex.quote(mode)} {dest}"
    return line, _module_command(copied)


def _path_word(text: str) -> str:
    """A path a module argument names, as one shell word spelled as a command task's word is: a Jinja expression
    is the value ``${ANSIBLE_VALUE}`` known when the play runs, expanded inside double quotes, so
    ``deb: "{{ d }}/app-{{ v }}.deb"`` and ``curl -o {{ d }}/app-{{ v }}.deb`` in a ``command:`` task name one file
    (holdout244's RStudio Connect role). A path with no Jinja is the literal it is."""
    if not _JINJA.search(text):
        return shlex.quote(text)
    return '"' + "${ANSIBLE_VALUE}".join(_in_double_quotes(p) for p in _JINJA.split(text)) + '"'


def _in_double_quotes(literal: str) -> str:
    """``literal`` escaped to stand for itself inside double quotes."""
    return re.sub(r'(["\\$`])', r"\\\1", literal)


def _truthy_text(value: str) -> bool:
    return value.strip().lower() in ("yes", "true", "on", "1", "y")


def _on_target(args: dict[str, tuple[str, int]]) -> bool:
    """``unarchive``'s ``src`` is a path on the target: ``remote_src: yes``, or ``copy: no`` (its older spelling)."""
    remote = args.get("remote_src", ("no", 0))[0].strip().lower() in ("yes", "true", "on", "1", "y")
    return remote or args.get("copy", ("yes", 0))[0].strip().lower() in ("no", "false", "off", "0", "n")


_CHDIR_WORD = re.compile(r"""(?:^|\s)chdir=(?:"([^"\n]*)"|'([^'\n]*)'|(\S+))""")


def _chdir(spec: dict[str, yaml.Node], args: dict[str, yaml.Node], free_form: str) -> str | None:
    """The directory a command-module task runs in (``chdir:`` among its arguments or under ``args:``, or
    ``chdir=DIR`` in its free form), as one shell word: the task's command is ``( cd DIR; command )``, so what it
    builds or runs there is read against what an earlier task put there (holdout94's re2c: an ``unarchive`` of a
    URL into the directory a ``make install`` runs in)."""
    node = spec.get("chdir", args.get("chdir"))
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and node.value.strip():
        text = node.value.strip()
    elif (found := _CHDIR_WORD.search(free_form)) is not None:
        text = next(g for g in found.groups() if g is not None)
    else:
        return None
    return _path_word(text)


def _module_command(command: str) -> str:
    """A module's work as the command that does it, on one line. The privilege a module task gets is the play's
    (not in a role's task file), so it is read as run by root: no privilege finding comes from it."""
    return f'if [ "$(id -u)" = 0 ]; then {command}; fi'


def _is_task_list(doc: yaml.Node) -> bool:
    """A playbook or a task file: a list of mappings one of which is a play, a task running a command or a
    package module, a block, or a task that escalates (below)."""
    if not isinstance(doc, yaml.SequenceNode):
        return False
    return any(_TASK_KEYS & _mapping(item).keys() or _escalating_task(_mapping(item)) for item in doc.value)


# Task keywords that only a task carries (not a name, nor settings another tool's list of accounts might hold).
_TASK_SIGNS = (_TASK_KEYWORDS | _BECOME_KEYS) - {"name", "vars", "environment", "become", "sudo", "args"}
_YES_NO = re.compile(r"yes|no|true|false|on|off|y|n")


def _escalating_task(fields: dict[str, yaml.Node]) -> bool:
    """A task of modules the other markers do not name (``npm``, ``template``, ``service``) that states its
    escalation: a yes/no ``become`` or ``sudo`` (the older keyword) beside another task keyword (``notify``,
    ``when``, ``sudo_user`` …). A list of accounts with a ``sudo:`` rule string is not one."""
    flag = fields.get("become", fields.get("sudo"))
    if not isinstance(flag, yaml.ScalarNode) or not _YES_NO.fullmatch(str(flag.value).strip().lower()):
        return False
    return bool(_TASK_SIGNS & fields.keys())


class _Ansible:
    """Commands of ``shell``/``command``/``raw`` tasks (plays, blocks, handlers), with ``become`` as an escalation
    at its line; module options that install unsigned packages."""

    def __init__(self) -> None:
        self.pieces: list[Piece] = []
        self.unsigned: list[Unsigned] = []
        self.tls_off: list[TlsOff] = []
        self.visited = 0
        self.facts: set[str] = set()

    def tasks(self, node: yaml.Node, become: bool, depth: int = 0) -> None:
        """The tasks of a list (plays, blocks, tasks); ``become``: an enclosing play or block escalates."""
        for item in node.value if isinstance(node, yaml.SequenceNode) and depth < MAX_DEPTH else ():
            self.visited += 1
            if self.visited > MAX_NODES or len(self.pieces) > MAX_PIECES:
                return
            fields = _mapping(item)
            own = fields.get("become", fields.get("sudo"))  # ``sudo: yes``: the keyword before ``become``
            escalates = not become and _truthy(own) and not _controller_only(fields)
            start = len(self.pieces)
            for key in _PLAY_LISTS:
                if key in fields:
                    scope = become or escalates if own is None or _truthy(own) else False
                    self.tasks(fields[key], scope, depth + 1)
            self._task(fields, _key_lines(item))
            if escalates and own is not None:  # also over module tasks and roles: they run through sudo too
                self.pieces[start:] = escalated(self.pieces[start:], own.start_mark.line + 1)

    def _task(self, fields: dict[str, yaml.Node], key_lines: dict[str, int]) -> None:
        for key, node in fields.items():
            off = None if key in _TASK_KEYWORDS else tls_off(key, _module_args(node))
            if off is not None:
                self.tls_off.append(off)
            if key in _COMMAND_MODULES:
                self.pieces.extend(self._commands(node, fields))
            elif key in _PACKAGE_MODULES:
                self._package_options(key, node)
                self._local_install(key, _module_args(node))
                self.pieces.extend(_remote_packages(node))
            elif key in _SET_FACT:
                self._set_fact(node)
            elif key in _GET_URL:
                self._get_url(_module_args(node))
            elif key in _URI:
                self._get_url({k: v for k, v in _module_args(node).items() if k in ("url", "dest", "mode")})
            elif key in _UNARCHIVE:
                # a free-form ``unarchive:`` scalar written below its key gives every argument the scalar's first
                # line: the module's own line names the step then (holdout244's Nexus role)
                free_form = isinstance(node, yaml.ScalarNode) and key in key_lines
                self._unarchive(_module_args(node), key_lines[key] if free_form else 0)
            elif key in COPY_MODULES and (cp := _remote_copy(_module_args(node), key_lines.get(key, 0))) is not None:
                self.pieces.append(cp)
            elif key in HOST_MODULES and (host := host_module_command(key, _module_args(node))) is not None:
                self.pieces.append((host[0], _module_command(host[1])))
            elif key in COPY_MODULES:
                content = _mapping(node).get("content")
                block = isinstance(content, yaml.ScalarNode) and content.style in ("|", ">")
                copied = copied_content(_module_args(node), block=block)
                self.pieces.extend((line, _module_command(text)) for line, text in copied)
            elif key.rpartition(".")[2] == _DJANGO_MODULE:
                self._django_manage(_module_args(node))

    def _django_manage(self, args: dict[str, tuple[str, int]]) -> None:
        """``django_manage`` (``community.general.django_manage``): ``manage.py`` given the module's ``command``
        (``command: migrate`` applies the project's migrations), at the line of that argument."""
        if "command" not in args:
            return
        command, line = args["command"]
        self.pieces.append((line, _module_command(f"manage.py {_JINJA.sub('${ANSIBLE_VALUE}', command)}")))

    def _set_fact(self, node: yaml.Node) -> None:
        """``set_fact``: each variable given a one-line text is an assignment, as a Dockerfile's ``ENV`` is
        (``base: "https://dl.example.org/{{ arch }}"`` is ``base="https://dl.example.org/${ANSIBLE_VALUE}"``), so a
        later module whose argument is that variable (``url: "{{ base }}/app"``) reads the host it holds."""
        for name, (value, line) in _module_args(node).items():
            if _FACT_NAME.fullmatch(name) and "\n" not in value and len(self.facts) < MAX_PIECES:
                self.facts.add(name)
                self.pieces.append((line, f'{name}="{self._with_facts(value)}"'))

    def _with_facts(self, text: str) -> str:
        """``text`` inside double quotes: a Jinja expression that is only a variable ``set_fact`` gave is that
        variable (``${base}``), any other one a value known when the play runs."""
        out: list[str] = []
        end = 0
        for m in _JINJA.finditer(text):
            out.append(_in_double_quotes(text[end : m.start()]))
            name = _FACT_USE.fullmatch(m.group(0))
            out.append(f"${{{name.group(1)}}}" if name and name.group(1) in self.facts else "${ANSIBLE_VALUE}")
            end = m.end()
        out.append(_in_double_quotes(text[end:]))
        return "".join(out)

    def _argument(self, text: str) -> str:
        """A module argument as one shell word: double-quoted through the facts when it names one, else as it was
        always read (every expression ``${ANSIBLE_VALUE}``)."""
        uses = (_FACT_USE.fullmatch(m.group(0)) for m in _JINJA.finditer(text))
        if any(u is not None and u.group(1) in self.facts for u in uses):
            return f'"{self._with_facts(text)}"'
        return shlex.quote(_JINJA.sub("${ANSIBLE_VALUE}", text))

    def _get_url(self, args: dict[str, tuple[str, int]]) -> None:
        """``get_url``: the download it is (with ``checksum:``, or the older ``sha256sum:`` it replaced, the check it
        runs on the file; with a literal ``mode:``, the ``chmod`` the module gives the saved file, at the ``mode:``
        line that states it: ``0755`` makes it executable). A ``uri`` task with ``dest:`` is the same download,
        unchecked (the module takes no checksum: holdout264's jq saved into ``/usr/bin``)."""
        if "url" not in args or "dest" not in args:
            return
        url, line = args["url"]
        # ``dest: /tmp``: the module names the file after the URL (``/tmp/NAME``), as an ``unarchive src:`` spells it
        dest = _path_word(saved_file(args["dest"][0], url))
        fetch = f"curl -fsSL -o {dest} {self._argument(url)}"
        # ``checksum: "{{ sha | default(omit) }}"``: no check at all when the play leaves the variable unset
        checksum = args.get("checksum", args.get("sha256sum"))
        if checksum is not None and not _EMPTY_DEFAULT.fullmatch(checksum[0].strip()):
            fetch += f' && echo "${{ANSIBLE_VALUE}}  "{dest} | sha256sum -c -'
        mode, mode_line = args.get("mode", ("", line))
        chmod = f"chmod {shlex.quote(mode.strip())} {dest}" if mode.strip() and not _JINJA.search(mode) else ""
        if chmod and mode_line <= line:  # the free form (one line states both), or a mode written before the url
            fetch += f" && {chmod}"
        self.pieces.append((line, _module_command(fetch)))
        if chmod and mode_line > line:
            self.pieces.append((mode_line, _module_command(chmod)))

    def _unarchive(self, args: dict[str, tuple[str, int]], module_line: int = 0) -> None:
        """``unarchive`` of a URL ``src:``: the archive downloaded (the module checks no digest) and extracted into
        ``dest``, at the line of ``src`` (``module_line``, when given). A path ``src`` on the target (``remote_src:
        yes``, or the older ``copy: no``) is that file extracted into ``dest`` (a file an earlier ``get_url`` saved
        there is followed to its fetch); a path on the controller (copied over first) is not a file of the target's
        script."""
        if "src" not in args or "dest" not in args:
            return
        src, line = args["src"]
        line = module_line or line
        dest = _path_word(args["dest"][0])
        archive = _path_word(src.strip())
        if _REMOTE_SRC.match(src.strip()):
            self.pieces.append((line, _module_command(f"curl -fsSL {archive} | tar -xzf - -C {dest}")))
        elif _on_target(args):
            self.pieces.append((line, _module_command(f"tar -xf {archive} -C {dest}")))

    def _local_install(self, module: str, args: dict[str, tuple[str, int]]) -> None:
        """A package module given a file (``name: /tmp/x.rpm``, apt's ``deb: /tmp/x.deb``, also under a directory a
        variable names, ``deb: "{{ downloads }}/x.deb"``): the install of that file."""
        for key in ("name", "deb"):
            value, line = args.get(key, ("", 0))
            local = _JINJA.sub("${ANSIBLE_VALUE}", value).startswith(("/", "./", "${ANSIBLE_VALUE}/"))
            if local and value.endswith((".rpm", ".deb")):
                tool = "dpkg -i" if value.endswith(".deb") else "rpm -i"
                self.pieces.append((line, _module_command(f"{tool} {_path_word(value)}")))

    @staticmethod
    def _commands(node: yaml.Node, task: dict[str, yaml.Node]) -> list[Piece]:
        """The command a command-module task runs (its loop's items when the command is the whole item)."""
        spec = _mapping(node) or _mapping(task.get("args"))
        words = _words(spec.get("argv")) if "argv" in spec else None
        if words:
            return [(spec["argv"].start_mark.line + 1, _argv(words))]
        piece = _scalar_piece(spec["cmd"]) if "cmd" in spec else _scalar_piece(node)
        if piece is None:
            return []
        command = _FREE_FORM_ARGS.sub("", piece[1])
        looped = item_commands(command, task)
        rendered = [(line, _rendered(text)) for line, text in looped or [(piece[0], command)]]
        where = _chdir(spec, _mapping(task.get("args")), piece[1])
        if where is None:
            return rendered
        # the subshell closes on the command's own line, or below a block's last (where the task's keys follow)
        return [(line, f"( cd {where}; {text}{chr(10) if chr(10) in text else ' '})") for line, text in rendered]

    def _package_options(self, module: str, node: yaml.Node) -> None:
        apt = module.rsplit(".", 1)[-1] == "apt"
        for key, value in _mapping(node).items():
            if (key in _UNSIGNED_OPTIONS or (apt and key == "force")) and _truthy(value):
                line = value.start_mark.line + 1
                self.unsigned.append(Unsigned(line, f"{key}: {value.value}", f"{module} {key}"))
        if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
            for m in _KV_OPTION.finditer(node.value):
                if m.group(1) != "force" or apt:
                    line = node.start_mark.line + 1
                    self.unsigned.append(Unsigned(line, node.value.strip(), f"{module} {m.group(1)}={m.group(2)}"))
