"""Declared resources read as the shell that does the same work, each command at the line of the attribute it
comes from, so the script checks (downloads run unverified, protections switched off, endpoints, egress) apply
to configuration-management code as they do to a Dockerfile's ``RUN``.

- A command resource (Puppet ``exec``, Chef ``execute``/``bash``/``script``, Salt ``cmd.run``/``cmd.wait``) is its
  command text (the title when no command attribute is given); guards (``unless``, ``onlyif``, ``not_if``…) are
  not run for their effect and are left out.
- A download (Chef ``remote_file``, Puppet ``file``/Salt ``file.managed`` with a remote ``source``, Salt
  ``archive.extracted``/``cmd.script`` with one) is ``curl -o TARGET SOURCE`` at the source line, followed by the
  digest check its ``checksum``/``checksum_value``/``source_hash`` asks for (none when Salt's ``skip_verify`` is
  set in any branch); archives are then unpacked into their target, a ``cmd.script`` run; a ``mode`` with an
  execute bit is ``chmod MODE TARGET`` at its line. Chef's ``archive_file`` is the unpacking it does. Puppet's
  ``archive`` type is a download too, in either module's form: puppet/archive's ``source`` (checked when a
  ``checksum``/``checksum_url`` is given and ``checksum_verify``/``checksum_type`` do not switch it off; unpacked
  into ``extract_path`` when ``extract`` is true) and camptocamp/archive's ``url`` (its digest checked unless
  ``checksum`` is false; unpacked into ``target`` unless ``extract`` is false).
- File contents a state or resource writes (``contents``/``content``) are written with a heredoc, as text.
- Chef ``selinux_state`` ``action :disabled``/``:permissive`` and Salt ``selinux.mode`` are the edit of
  ``/etc/selinux/config`` they make.
- Package options that install unsigned packages (``--force-yes``, ``--allow-unauthenticated``, ``--nogpgcheck``)
  are reported as such options (``Option``).
- A variable the file sets to a string is a shell assignment at its line; a reference to anything else (a fact, a
  node attribute, pillar data) is ``${CFG_VALUE}``."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.preflight.config_management.model import UNKNOWN, Declared, Ref, Resource, Value

Piece = tuple[int, str]

_COMMANDS = {
    "exec": "command",
    "execute": "command",
    "bash": "code",
    "script": "code",
    "sh": "code",
    "cmd.run": "name",
    "cmd.wait": "name",
}
_DOWNLOADS = frozenset({"remote_file", "file", "file.managed", "archive.extracted", "cmd.script", "archive"})
_CHECKS = ("checksum", "checksum_value", "source_hash")
_TARGETS = ("path", "name")
_CONTENTS = ("contents", "content")
_REMOTE = re.compile(r"^(?:https?|ftp)://", re.I)
_LOCAL = re.compile(r"^(?:salt|puppet|file)://|^/", re.I)
_UNSIGNED = ("--force-yes", "--allow-unauthenticated", "--nogpgcheck", "--no-gpg-checks", "--no-check-signatures")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_USED = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class Option:
    """A package option that installs unsigned packages."""

    line: int
    text: str
    how: str


def raw(value: Value) -> str:
    """The value as shell text: literal text as written, a reference as a parameter expansion."""
    return "".join(p if isinstance(p, str) else f"${{{p.name or UNKNOWN}}}" for p in value.parts)


def word(value: Value) -> str:
    """The value as one double-quoted shell word (its references expanded)."""
    out = []
    for p in value.parts:
        out.append(re.sub(r'([\\"`$])', r"\\\1", p) if isinstance(p, str) else f"${{{p.name or UNKNOWN}}}")
    return '"' + "".join(out) + '"'


def translate(declared: Declared) -> tuple[list[Piece], list[Option]]:
    pieces: list[Piece] = []
    options: list[Option] = []
    for r in declared.resources:
        pieces.extend(_resource(r))
        options.extend(_options(r))
    assignments = list(_feeding(declared, pieces))
    # By line; on one line an assignment comes before the command that uses it.
    return sorted(assignments + pieces, key=lambda p: p[0]), options


def _feeding(declared: Declared, pieces: list[Piece]) -> Iterator[Piece]:
    """The assignments of the variables the pieces use, and of those these use in turn. Only they are shell: a
    variable that feeds no command (a repository URL a ``pkgrepo`` state names) stays a line of settings."""
    used = {n for _, text in pieces for n in _USED.findall(text)}
    chosen: set[int] = set()
    while True:
        more = [
            (i, a)
            for i, a in enumerate(declared.assignments)
            if i not in chosen and a.name in used and _NAME.match(a.name) and "\n" not in raw(a.value)
        ]
        if not more:
            break
        for i, a in more:
            chosen.add(i)
            used |= {p.name for p in a.value.parts if isinstance(p, Ref) and p.name}
    for i in sorted(chosen):
        a = declared.assignments[i]
        yield a.value.line, f"{a.name}={word(a.value)}"


def _resource(r: Resource) -> Iterator[Piece]:
    if r.kind in _COMMANDS:
        command = r.attributes.get(_COMMANDS[r.kind]) or r.title
        if command is not None and raw(command).strip():
            yield command.line, _in_directory(r, raw(command))
        return
    yield from _clone(r)
    target = next((r.attributes[k] for k in _TARGETS if k in r.attributes), None) or r.title
    if r.kind in _DOWNLOADS and target is not None:
        yield from _download(r, target)
    if r.kind == "archive_file" and target is not None and "destination" in r.attributes:
        yield r.line, f"tar -xf {word(target)} -C {word(r.attributes['destination'])}"
    contents = next((r.attributes[k] for k in _CONTENTS if k in r.attributes), None)
    if contents is not None and target is not None and r.kind in ("file", "file.managed"):
        text = _write(target, contents)
        # A block of text (a YAML block scalar, a heredoc) starts below the line that opens it: the write stands there.
        yield contents.line - ("\n" in text), text
    yield from _service_off(r)
    if _selinux_off(r):
        line = r.attributes["action"].line if "action" in r.attributes else r.line
        yield line, "sed -i 's/^SELINUX=.*/SELINUX=disabled/' /etc/selinux/config"


def _in_directory(r: Resource, text: str) -> str:
    """A command run in the directory its resource's ``cwd`` names (Chef ``execute``/``bash``, Puppet ``exec``, Salt
    ``cmd.run``) is ``( cd DIR; command )``: what it builds or runs there is read against what an earlier resource
    put there (holdout270's Errbit: ``bundle install`` in the checkout a ``git`` resource made), and the directory
    ends with the resource, as each runs in a process of its own."""
    where = r.attributes.get("cwd")
    if where is None or not raw(where).strip():
        return text
    return f"( cd {word(where)}; {text}{chr(10) if chr(10) in text else ' '})"


_COMMIT_ID = re.compile(r"^[0-9a-f]{40}$")


def _clone(r: Resource) -> Iterator[Piece]:
    """Chef's ``git`` resource as the ``git clone`` it makes, at its ``repository`` line: of the branch or tag its
    ``revision`` names (the default branch without one), or checked out at a full commit id, into its
    ``destination`` (the title by default). A relative destination is below ``/``, chef-client's working directory
    as a service."""
    repository, destination = r.attributes.get("repository"), r.attributes.get("destination") or r.title
    if r.kind != "git" or repository is None or destination is None:
        return
    into = word(destination)
    if destination.parts and isinstance(destination.parts[0], str) and not destination.parts[0].startswith("/"):
        into = '"/' + into[1:]
    revision = r.attributes.get("revision") or r.attributes.get("reference")
    pinned = revision is not None and bool(_COMMIT_ID.match(revision.known.strip("'\"")))
    branch = f" -b {word(revision)}" if revision is not None and not pinned else ""
    clone = f"git clone{branch} {word(repository)} {into}"
    if revision is not None and pinned:
        clone += f" && git -C {into} checkout {word(revision)}"
    yield repository.line, clone


def _download(r: Resource, target: Value) -> Iterator[Piece]:
    camptocamp = r.kind == "archive" and "source" not in r.attributes  # camptocamp/archive names its source ``url``
    source = r.attributes.get("url" if camptocamp else "source")
    first = source.parts[0] if source is not None and source.parts else ""
    if source is None or (isinstance(first, str) and _LOCAL.match(first)):
        return
    # A source the file does not show is remote when the resource says so: Chef's remote_file and Puppet's archive
    # always fetch, and Salt asks for a digest (or to skip it) only of a remote source.
    says_remote = r.kind in ("remote_file", "archive") or any(k in r.attributes for k in ("skip_verify", *_CHECKS))
    if not (_REMOTE.match(source.known) or (source.literal is None and says_remote)):
        return
    if r.kind == "archive":
        verified, unpacked = _archive_checked(r, camptocamp), _archive_destination(r, camptocamp)
    else:
        skipped = r.attributes.get("skip_verify")
        check = next((r.attributes[k] for k in _CHECKS if k in r.attributes), None)
        verified = check is not None and not (skipped is not None and _true(skipped))
        unpacked = target if r.kind == "archive.extracted" else None
    # A file that is checked, unpacked or run is fetched to a temporary name first (the agent does the same).
    in_place = r.kind in ("remote_file", "file", "file.managed") or (r.kind == "archive" and unpacked is None)
    path = word(target) if in_place and not verified and not camptocamp else '"/tmp/cfg-fetched"'
    fetch = f"curl -fsSL -o {path} {word(source)}"
    if verified:
        fetch += f' && echo "${{{UNKNOWN}}}  "{path} | sha256sum -c -'
    if unpacked is not None:
        fetch += f" && tar -x -C {word(unpacked)} -f {path}"
    elif r.kind == "cmd.script":
        fetch += f" && sh {path}"
    elif verified:
        fetch += f" && cp {path} {word(target)}"
    yield source.line, fetch
    mode = r.attributes.get("mode")
    if mode is not None and _executable(mode.known):
        digits = mode.known.strip().strip("'\"").removeprefix("0o")
        yield mode.line, f"chmod {shlex.quote(digits)} {word(target)}"


def _archive_checked(r: Resource, camptocamp: bool) -> bool:
    """Whether Puppet's ``archive`` checks what it fetched: camptocamp/archive checks a digest (``digest_string``, or
    the one beside the URL) unless ``checksum => false``; puppet/archive only when it is given a ``checksum`` or a
    ``checksum_url``, and not with ``checksum_verify => false`` or ``checksum_type => 'none'``."""
    if camptocamp:
        checksum = r.attributes.get("checksum")
        return checksum is None or not _false(checksum)
    verify, kind = r.attributes.get("checksum_verify"), r.attributes.get("checksum_type")
    if (verify is not None and _false(verify)) or (kind is not None and kind.known.strip("'\"").lower() == "none"):
        return False
    return "checksum" in r.attributes or "checksum_url" in r.attributes


def _archive_destination(r: Resource, camptocamp: bool) -> Value | None:
    """Where Puppet's ``archive`` unpacks what it fetched: camptocamp/archive into ``target`` unless ``extract =>
    false``; puppet/archive into ``extract_path`` only with ``extract => true``."""
    extract = r.attributes.get("extract")
    if camptocamp:
        return None if extract is not None and _false(extract) else r.attributes.get("target")
    return r.attributes.get("extract_path") if extract is not None and _true(extract) else None


def _write(target: Value, contents: Value) -> str:
    text = raw(contents).rstrip("\n")
    if "\n" not in text:
        return f"printf '%s\\n' {shlex.quote(text)} > {word(target)}"
    return f"cat > {word(target)} <<'CFG_CONTENTS'\n{text}\nCFG_CONTENTS"


def _executable(mode: str) -> bool:
    digits = mode.strip().strip("'\"").removeprefix("0o")
    return (digits.isdigit() and any(int(d) % 2 for d in digits[-3:])) or "x" in digits


def _true(value: Value) -> bool:
    return value.known.strip().strip("'\"").lower() in ("true", "yes", "1", "on")


# A service stopped, disabled or masked: Chef ``action``, Puppet ``ensure``/``enable``, Salt ``service.dead`` (with
# ``enable: False``), ``service.disabled``, ``service.masked``.
_CHEF_SERVICE_OFF = {"stop": "stop", "disable": "disable", "mask": "mask"}
_SALT_SERVICE_OFF = {"service.dead": "stop", "service.disabled": "disable", "service.masked": "mask"}


def _service_off(r: Resource) -> Iterator[Piece]:
    name = r.attributes.get("service_name") or r.attributes.get("name") or r.title
    if name is None or r.kind not in ("service", *_SALT_SERVICE_OFF):
        return
    unit = word(name)
    if r.kind in _SALT_SERVICE_OFF:
        yield r.line, f"systemctl {_SALT_SERVICE_OFF[r.kind]} {unit}"
        enable = r.attributes.get("enable")
        if r.kind == "service.dead" and enable is not None and _false(enable):
            yield enable.line, f"systemctl disable {unit}"
        return
    action = r.attributes.get("action")
    if action is not None:  # Chef: ``action :stop`` or ``action [:stop, :disable]``
        verbs = {v for w in re.findall(r":(\w+)", action.known) if (v := _CHEF_SERVICE_OFF.get(w))}
        if verbs:  # one command for the one action line: ``[:stop, :disable]`` is ``disable --now``
            verb = "mask" if "mask" in verbs else "disable" if "disable" in verbs else "stop"
            now = " --now" if "stop" in verbs and verb != "stop" else ""
            yield action.line, f"systemctl {verb}{now} {unit}"
        return
    ensure, enable = r.attributes.get("ensure"), r.attributes.get("enable")  # Puppet
    if ensure is not None and ensure.known.strip("'\"") in ("stopped", "false"):
        yield ensure.line, f"systemctl stop {unit}"
    if enable is not None and enable.known.strip("'\"") in ("false", "mask"):
        verb = "mask" if enable.known.strip("'\"") == "mask" else "disable"
        yield enable.line, f"systemctl {verb} {unit}"


def _false(value: Value) -> bool:
    return value.known.strip().strip("'\"").lower() in ("false", "no", "0", "off")


def _selinux_off(r: Resource) -> bool:
    if r.kind == "selinux_state":
        action = r.attributes.get("action")
        return action is not None and action.known.lstrip(":").lower() in ("disabled", "permissive")
    if r.kind == "selinux.mode":
        name = r.attributes.get("name") or r.title
        return name is not None and name.known.strip().lower() in ("disabled", "permissive", "0")
    return False


def _options(r: Resource) -> Iterator[Option]:
    for key in ("options", "install_options"):
        value = r.attributes.get(key)
        if value is None:
            continue
        for flag in _UNSIGNED:
            if flag in value.known:
                yield Option(value.line, value.known.strip(), f"{r.kind} {key} {flag}")
    yield from _unsigned_repository(r)


# Resources that write a yum/dnf repository definition: Puppet's ``yumrepo``, Chef's ``yum_repository``, Salt's
# ``pkgrepo.managed`` (its yum form); their ``gpgcheck`` is the ``.repo`` file's.
_YUM_REPOSITORIES = frozenset({"yumrepo", "yum_repository", "pkgrepo.managed"})


def _unsigned_repository(r: Resource) -> Iterator[Option]:
    """A repository declared with ``gpgcheck`` off and its metadata unsigned too (no ``repo_gpgcheck`` on): the
    ``gpgcheck=0`` of the ``.repo`` file it writes, at the attribute's line (holdout270's Rundeck ``yumrepo``)."""
    check = r.attributes.get("gpgcheck")
    if r.kind not in _YUM_REPOSITORIES or check is None or not _false(check):
        return
    metadata = r.attributes.get("repo_gpgcheck")
    if metadata is not None and _true(metadata):
        return
    yield Option(check.line, check.known.strip(), f"{r.kind} gpgcheck {check.known.strip()}")
