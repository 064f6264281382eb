"""Package sources whose signatures are not checked: whatever is installed from them (or by the command) is
taken as it arrives, from whoever answers for the repository.

Read:

- yum/dnf/zypper repository files (``*.repo``, ``yum.conf``, ``dnf.conf``), section by section with
  ``configparser``: ``gpgcheck=0`` where the section does not check the repository metadata's signature either
  (``repo_gpgcheck=1`` signs the checksums of every package, so packages stay verified through it);
- apt sources: one-line ``deb [trusted=yes] …`` / ``[allow-insecure=yes]`` entries (also written by a script:
  ``echo "deb [trusted=yes] …" > /etc/apt/sources.list.d/x.list``) and deb822 ``Trusted: yes`` /
  ``Allow-Insecure: yes`` stanzas; apt configuration ``APT::Get::AllowUnauthenticated``,
  ``Acquire::AllowInsecureRepositories``, ``Acquire::AllowDowngradeToInsecureRepositories`` set true;
- pacman configuration (``pacman.conf`` and files under a ``pacman`` folder): ``SigLevel = Never``;
- commands: ``apt-get``/``apt`` ``--allow-unauthenticated``, ``--allow-insecure-repositories`` or ``--force-yes``
  (also as ``-o`` settings), ``yum``/``dnf``/``microdnf``/``tdnf`` ``--nogpgcheck`` or ``--setopt=gpgcheck=0``,
  ``zypper --no-gpg-checks``, ``rpm --nosignature``, ``apk --allow-untrusted``, ``dpkg --force-bad-verify``, in
  scripts and in cron jobs' commands; a project's development tooling (``distributed.is_development_file``:
  ``.github/``, ``docker/debs/``) is run by its developers or CI, not by an install, and its commands are not read.
"""

from __future__ import annotations

import configparser
import posixpath
import re
from collections.abc import Iterator, Sequence

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Line, TextFile, at_command, at_line
from shipgate.preflight.distributed import is_development_file
from shipgate.preflight.read import commands_run
from shipgate.preflight.shell.commands import apt_simulates, has_flag, option_values
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.written_files import written_texts

CODE = "preflight.signature_verification_disabled"
_REMEDY = (
    "Keep signature checks on: pin the vendor's repository key (signed-by / gpgkey) and remove the option; "
    "ship a signed repository instead."
)
_OFF = frozenset({"0", "false", "no", "off"})
_ON = frozenset({"1", "true", "yes", "on"})
_APT_LINE = re.compile(r"^\s*deb(?:-src)?\s+\[([^\]]*)\]")
_APT_OPTION = re.compile(r"\b(trusted|allow-insecure|allow-weak)\s*=\s*yes\b", re.I)
_PACMAN_NEVER = re.compile(r"^\s*SigLevel\s*=\s*(?:\S+\s+)*Never\s*(?:#.*)?$", re.I)
_DEB822 = re.compile(r"^\s*(Trusted|Allow-Insecure|Allow-Weak)\s*:\s*yes\s*$", re.I)
_APT_CONF = re.compile(
    r"^\s*(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories"
    r"|Acquire::AllowDowngradeToInsecureRepositories)\s+\"?(?:true|1|yes)\"?",
    re.I,
)
# Command options that install without a signature check, by tool.
_FLAGS: dict[str, tuple[str, ...]] = {
    # ``--force-yes`` (deprecated) answers yes to every question, installing unauthenticated packages among them
    "apt-get": ("--allow-unauthenticated", "--allow-insecure-repositories", "--force-yes"),
    "apt": ("--allow-unauthenticated", "--allow-insecure-repositories", "--force-yes"),
    "yum": ("--nogpgcheck",),
    "dnf": ("--nogpgcheck",),
    "microdnf": ("--nogpgcheck",),
    "tdnf": ("--nogpgcheck",),
    "zypper": ("--no-gpg-checks",),
    "rpm": ("--nosignature",),
    "apk": ("--allow-untrusted",),
    "dpkg": ("--force-bad-verify", "--force-all"),
}
_APT_SETTINGS = re.compile(r"(?i)^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)=(true|1|yes)$")
_SETOPT = re.compile(r"(?i)^(?:\S+\.)?gpgcheck=(?:0|false|no)$")


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        yield from _file(text)
    for path, options in ctx.parsed.unsigned_options.items():
        for option in options:  # an Ansible package task's allow_unauthenticated/disable_gpg_check/apt force
            yield at_line(
                CODE,
                Severity.HIGH,
                path=path,
                line=option.line,
                text=option.text,
                how=option.how,
                message=f"the task installs packages without checking signatures ({option.how})",
                remedy=_REMEDY,
            )
    for path, script in commands_run(ctx.parsed):
        if is_development_file(path):
            continue  # a developer's or CI's image build (``docker/debs/*.dockerfile``): not a step of an install
        reported: set[int] = set()
        for command in script.commands:
            how = _command_off(command)
            if how is not None:
                reported.add(command.line)
                yield at_command(
                    CODE,
                    Severity.HIGH,
                    path=path,
                    command=command,
                    how=how,
                    message=f"{command.name} installs without checking signatures ({how})",
                    remedy=_REMEDY,
                )
        yield from _written(path, script, reported)


def _written(path: str, script: Script, reported: set[int]) -> Iterator[Finding]:
    """Settings a script writes into a package manager's configuration (a heredoc, ``echo … >> FILE``, a ``sed -i``
    replacement: written_files), judged as the lines of that file, at the writing script's lines."""
    for written in written_texts(script):
        for line, setting in _settings_off(written.path, written.lines):
            if line.number not in reported:
                reported.add(line.number)
                yield _at(path, line.number, line.text, f"{setting} written to {written.path}"[:80])


def _file(text: TextFile) -> Iterator[Finding]:
    for line, setting in _settings_off(text.path, text.lines):
        yield _at(text.path, line.number, line.text, setting)


def _settings_off(path: str, lines: Sequence[Line]) -> Iterator[tuple[Line, str]]:
    """The lines of the file at ``path`` that switch a signature check off, with what they set."""
    name = posixpath.basename(path).lower()
    if "repo" in name.split(".")[1:] or name in ("yum.conf", "dnf.conf"):
        yield from _repo_lines(lines)
        return
    apt = "apt" in path.lower() or name.endswith((".list", ".sources"))
    pacman = "pacman" in path.lower()
    for line in lines:
        if not (apt or pacman or ("deb" in line.text and line.text.lstrip().startswith("deb"))):
            continue  # every line of every text file comes here: the patterns only where one can match
        setting = _line_off(line.text, apt, pacman)
        if setting is not None:
            yield line, setting


def _line_off(line: str, apt: bool, pacman: bool = False) -> str | None:
    """What a line of apt sources or configuration (or of pacman's) switches off, if anything."""
    if pacman and _PACMAN_NEVER.match(line):
        return line.strip()
    if m := _APT_LINE.match(line):
        option = _APT_OPTION.search(m.group(1))
        return f"[{option.group(0)}]" if option else None
    if not apt:
        return None
    if m := _DEB822.match(line):
        return m.group(0).strip()
    if m := _APT_CONF.match(line):
        return m.group(0).strip()
    return None


_BEFORE_SECTIONS = "shipgate: lines before any section"


def _repo_lines(lines: Sequence[Line]) -> Iterator[tuple[Line, str]]:
    """``gpgcheck=0`` in a repository section that does not verify its metadata's signature either; lines before
    any section header (a ``sed -i`` replacement in a repository file) are one section of their own."""
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    try:
        parser.read_string(f"[{_BEFORE_SECTIONS}]\n" + "\n".join(line.text for line in lines))
    except configparser.Error:
        return  # not INI: the line scanners still read it
    sections = {s: parser[s] for s in parser.sections()}
    current = _BEFORE_SECTIONS
    for line in lines:
        stripped = line.text.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            current = stripped[1:-1].strip()
            continue
        key, sep, value = stripped.partition("=")
        if not sep or key.strip().lower() != "gpgcheck" or value.strip().lower() not in _OFF:
            continue
        section = sections.get(current)
        if section is not None and section.get("repo_gpgcheck", "").strip().lower() not in _ON:
            where = "" if current == _BEFORE_SECTIONS else f"[{current}] "
            yield line, f"{where}gpgcheck={value.strip()}"


def _command_off(command: Command) -> str | None:
    """The option with which ``command`` installs unsigned packages, if any."""
    name = command.name or ""
    if apt_simulates(command):
        return None  # a simulation installs nothing
    flags = _FLAGS.get(name, ())
    for flag in flags:
        if has_flag(command, flag):
            return flag
    if name in ("apt-get", "apt"):
        settings = [w.text for w in option_values(command, "-o", "--option")]
        if hit := next((s for s in settings if _APT_SETTINGS.match(s)), None):
            return f"-o {hit}"
    if name in ("yum", "dnf", "microdnf", "tdnf", "yum-config-manager", "dnf-config-manager"):
        opts = [w.text for w in option_values(command, "--setopt")]
        if hit := next((o for o in opts if _SETOPT.match(o)), None):
            return f"--setopt={hit}"
    if name in ("echo", "printf", "tee", "cat") or command.via == "heredoc":
        for word in command.words:
            for piece in word.text.splitlines():
                setting = _line_off(piece, apt=False)
                if setting is not None:
                    return f"writes an apt source with {setting}"
    return None


def _at(path: str, line: int, text: str, setting: str) -> Finding:
    return at_line(
        CODE,
        Severity.HIGH,
        path=path,
        line=line,
        text=text,
        setting=setting[:80],
        message=f"the package source does not check signatures ({setting[:80]}): anyone who can answer for the "
        "repository can install code",
        remedy=_REMEDY,
    )
