"""What preflight reads: the package contents, the scanned text files, and the options that bound them."""

from __future__ import annotations

import enum
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any, Protocol

from shipgate.findings import Finding, Severity
from shipgate.inventory import Inventory
from shipgate.package.manifest import Manifest
from shipgate.preflight.cron import looks_like_crontab
from shipgate.preflight.package_scripts import reads_as_shell
from shipgate.preflight.scriptlet_evidence import phase_suffix
from shipgate.preflight.shell.library import is_shell_library, sourced_files
from shipgate.preflight.sql.dbconfig import dbconfig_sql
from shipgate.preflight.sql.names import sql_name
from shipgate.preflight.sql.sources import is_migration_source, may_be_migration_source
from shipgate.preflight.units import is_unit_path, looks_like_unit
from shipgate.preflight.windows.read import is_windows_script

if TYPE_CHECKING:
    from shipgate.preflight.package_imports import Use

# A script or config file above this is not read (an info finding says so): real ones are kilobytes.
MAX_FILE_BYTES = 1024 * 1024
# A package's scripts and config together are rarely a megabyte; 32 MiB bounds the scan's time.
MAX_TOTAL_BYTES = 32 * 1024 * 1024
# Lines are cut here before any pattern runs, so every regex sees bounded input.
MAX_LINE_CHARS = 8192
# Binaries built this long before the package are stale (preflight.stale_binary, docs/findings.md): a year
# is several release cycles for a vendor shipping quarterly.
STALE_AFTER = timedelta(days=365)


@dataclass(frozen=True, kw_only=True)
class PreflightOptions:
    stale_after: timedelta = STALE_AFTER
    max_file_bytes: int = MAX_FILE_BYTES
    # All scanned files together; later files (in path order) past it are skipped with an info finding.
    max_total_bytes: int = MAX_TOTAL_BYTES
    # Extra directories whose files are read as scripts / as configuration (a package profile's
    # ``scripts`` and ``config``), beyond the default layout.
    script_dirs: tuple[str, ...] = ()
    config_dirs: tuple[str, ...] = ()
    # Processes that read a large package, this one among them (None: one per idle CPU once it holds at least
    # PARALLEL_FROM_BYTES of text, and only this one unless two are idle; 1: read in this process).
    workers: int | None = None
    # Files per shard when read by more than one process (None: shards sized as shards.py does). Tests set 1 so
    # that even a small package is read one file a shard: a check that derives a package-wide fact from its own
    # shard's files then reports differently from one process (benches/preflight_shards.py).
    shard_files: int | None = None


class ScanBudget:
    """Which scanned files are read, offered in path order: each up to ``max_file_bytes``, all together up
    to ``max_total_bytes``. The one place a ``preflight.file_skipped`` finding is written: preflight asks it
    of the files it is given, and the package verifier of the entries it reads into memory for preflight."""

    def __init__(self, options: PreflightOptions) -> None:
        self.options = options
        self.total = 0

    def admit(self, path: str, size: int) -> Finding | None:
        """None when the file fits (it is counted); else the finding saying it is not scanned."""
        too_big = size > self.options.max_file_bytes
        if not too_big and self.total + size <= self.options.max_total_bytes:
            self.total += size
            return None
        limit = self.options.max_file_bytes if too_big else self.options.max_total_bytes
        what = "scan limit" if too_big else "total scan budget of the package"
        return Finding(
            code="preflight.file_skipped",
            severity=Severity.INFO,
            path=path,
            message=f"{path}: {size} bytes, over the {limit}-byte {what}; not scanned",
            remedy="Review this file by hand.",
            evidence={"file": path, "size": size, "limit": limit},
        )


class ContentsLike(Protocol):
    """Anything with a parsed manifest and the bytes of (at least) the files preflight scans."""

    @property
    def manifest(self) -> Manifest: ...

    @property
    def files(self) -> Mapping[str, bytes]: ...


@dataclass(frozen=True, kw_only=True)
class PackageContents:
    """The manifest, file contents by entry path, entry modification times, and the archive digest.

    ``files`` may hold every entry; preflight picks the ones it scans (``scanned_kind``). ``mtimes``
    (entry path → time; naive times are UTC) feeds the stale-binary check; ``archive_sha256`` lets a
    withdrawn-package advisory that names a digest match only that build.
    """

    manifest: Manifest
    files: Mapping[str, bytes] = field(default_factory=dict)
    mtimes: Mapping[str, Any] = field(default_factory=dict)
    archive_sha256: str | None = None


class Kind(enum.Enum):
    SHELL = "shell"
    SQL = "sql"
    SYSTEMD = "systemd"
    CRON = "cron"
    DOCKERFILE = "dockerfile"  # a Dockerfile/Containerfile: its RUN lines are shell (shipgate.preflight.embedded)
    CONFIG = "config"  # any other text: configuration, .env files, notes, scripts in other languages
    WINDOWS = "windows"  # PowerShell and batch scripts (shipgate.preflight.windows)


# An interpreter line naming another language: the file is that language's, whatever its suffix says.
_FOREIGN_INTERPRETER = re.compile(
    rb"#![ \t]*\S*?(?:/env[ \t]+(?:-S[ \t]+)?)?\S*(?:python|perl|ruby|node|php|lua|tclsh)"
)
_SHELL_EXT = (".sh", ".bash", ".ksh", ".zsh", ".dash")
# Names distributions give to scripts that their package managers run (dpkg, rpm scriptlets extracted).
_MAINTAINER_SCRIPTS = frozenset(
    {
        "preinst",
        "postinst",
        "prerm",
        "postrm",
        "config",
        "preinstall",
        "postinstall",
        "preuninstall",
        "postuninstall",
        "pretrans",
        "posttrans",
        "pre-install",
        "post-install",
        "pre-upgrade",
        "post-upgrade",
        "preremove",
        "postremove",
    }
)
# ``postinstall.sh`` & co: the names nfpm/fpm/rpm give scriptlets, always run by the package manager.
_SCRIPTLET_STEMS = frozenset(
    {
        "preinst",
        "postinst",
        "prerm",
        "postrm",
        "preinstall",
        "postinstall",
        "preremove",
        "postremove",
        "preuninstall",
        "postuninstall",
        "pretrans",
        "posttrans",
    }
)
# ``post-install.sh``, ``after-remove.sh``: scriptlets when they sit in a packaging directory (fpm's names);
# elsewhere such names (and every ``*-upgrade.sh``) are also used for a vendor's own hooks.
_HYPHENATED_STEMS = frozenset(
    {
        "pre-install",
        "post-install",
        "pre-remove",
        "post-remove",
        "before-install",
        "after-install",
        "before-remove",
        "after-remove",
    }
)
_PACKAGING_DIRS = frozenset({"deb", "debian", "rpm", "packaging", "package", "pkg", "nfpm", "fpm", "dpkg"})
# A scriptlet's name in words (``rhel_post``, ``afterRemoveRPM``, ``beforeInstall``): its phase — RPM's sections
# (%pre, %post, %preun, %postun…) or fpm's before/after steps — and the package format or init system it is for.
_PHASE = re.compile(
    r"(?:pre|post)(?:inst(?:all)?|rm|remove|uninstall|upgrade|un|trans)?|(?:before|after)(?:install|remove|upgrade)"
)
_PACKAGE_FORMATS = frozenset({"rpm", "deb", "debian", "dpkg", "rhel", "el", "redhat", "centos", "fedora", "suse"})
_INIT_SYSTEMS = frozenset({"systemd", "sysv", "sysvinit", "upstart", "init"})
_NAME_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_SIGNATURE_NAMES = frozenset({"manifest.json", "signing-chain.pem"})
# ``#!/bin/sh``, ``#!/usr/bin/env bash``, and a shell started through a wrapper that passes it the script:
# s6-overlay's ``#!/usr/bin/with-contenv bash``, ``#!/usr/local/bin/dumb-init /bin/bash``; Home Assistant's
# ``bashio`` is bash with a function library loaded first (``#!/command/with-contenv bashio``). OpenRC's
# ``openrc-run`` (``runscript`` before 0.13) sources the script in sh and calls its functions: a shell script too.
_SHEBANG = re.compile(
    rb"^#![ \t]*(?:(?:(?:/usr)?(?:/local)?/bin/(?:env[ \t]+(?:-S[ \t]+)?)?"
    rb"|/\S*(?:with-contenv|dumb-init|tini)[ \t]+(?:--[ \t]+)?(?:(?:/usr)?/bin/)?)(?:(?:ba|da|k|z|a|mk)?sh|bashio)\b"
    rb"|/\S*/(?:openrc-run|runscript)(?:[ \t]|\r?$))",
    re.M,
)
_BINARY_SAMPLE = 8192
# Bytes that never occur in text (NUL and the C0 controls other than \t \n \f \r and ESC).
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13, 27))


def is_binary(head: bytes) -> bool:
    """Content says binary: a NUL byte, or more than 10% control bytes, in the first 8 KiB."""
    sample = head[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls * 10 > len(sample)


_INI_SECTION = re.compile(rb"^[ \t]*\[[\w.: -]{1,64}\][ \t]*\r?$", re.M)


def _ini_named_config(name: str, head: bytes) -> bool:
    """A file named ``config`` with no interpreter line and an INI section header (``[server]``): a program's
    configuration (Radicale's sdist ships one at its root), not a debconf script, which dpkg runs and which so
    starts with ``#!``."""
    return name == "config" and bool(_INI_SECTION.search(head))


def is_maintainer_script(path: str) -> bool:
    """A dpkg/rpm maintainer script (``debian/postinst``, ``foo.preinst``, fpm/nfpm's ``post-install.sh``,
    ``postinstall.sh``, a per-init-system ``rpm/postinst-systemd.sh``): its package manager runs it as root."""
    # a build template (``debian/foo.postinst.in``) is the script it becomes; a bare ``config.in`` is a common
    # configure input, not a debconf script
    if posixpath.basename(path).lower().removesuffix(".in") != "config":
        path = path.removesuffix(".in")
    lower = path.lower()
    name = posixpath.basename(lower)
    stem = name.removesuffix(".sh")
    dirs = lower.split("/")[:-1]
    suffix = name.rsplit(".", 1)[-1]
    if name == "config":  # debconf's script sits beside the others (a .deb's control area, debian/, packaging/)
        return not dirs or bool(_PACKAGING_DIRS & set(dirs))
    if name in _MAINTAINER_SCRIPTS or suffix in _MAINTAINER_SCRIPTS - {"config"}:
        return True
    if suffix == "config" and dirs[-1:] == ["debian"] and name != suffix:
        return True  # ``debian/<package>.config``: the debconf script dpkg runs before postinst
    packaged = bool(_PACKAGING_DIRS & set(dirs))
    if stem != name and _named_as_scriptlet(posixpath.basename(path).removesuffix(".sh"), packaged):
        return True
    if stem == name:
        return packaged and phase_suffix(name)  # ``hooks/rpm/<package>.postup`` (fpm --after-upgrade)
    # ``rpm/postinst-systemd.sh``, ``deb/prerm-upstart.sh``: one scriptlet per init system, picked at build time.
    variant = stem.partition("-")[0] in _SCRIPTLET_STEMS and "-" in stem
    return stem in _SCRIPTLET_STEMS or ((stem in _HYPHENATED_STEMS or variant) and packaged)


def _named_as_scriptlet(stem: str, packaged: bool) -> bool:
    """A name made only of a scriptlet phase and the package format or init system it is for, in any spelling
    (``rhel_post``, ``afterRemoveRPM``, ``post-deb-systemd``): a scriptlet when the name says the format, or when it
    sits in a packaging directory (``pkg/beforeInstall.sh``). Any other word (``post_deploy``) makes it a
    vendor's own hook."""
    words = [w.lower() for w in _NAME_WORD.findall(stem)]
    phased = named_format = False
    i = 0
    while i < len(words):
        pair = "".join(words[i : i + 2])
        if i + 1 < len(words) and _PHASE.fullmatch(pair):
            phased, i = True, i + 2
        elif _PHASE.fullmatch(words[i]):
            phased, i = True, i + 1
        elif words[i] in _PACKAGE_FORMATS or words[i] in _INIT_SYSTEMS:
            named_format = named_format or words[i] in _PACKAGE_FORMATS
            i += 1
        else:
            return False
    return phased and (named_format or packaged)


def scanned_kind(
    path: str,
    head: bytes,
    *,
    hooks: Sequence[str] = (),
    migrations: Sequence[str] = (),
    script_dirs: Sequence[str] = (),
    config_dirs: Sequence[str] = (),
) -> Kind | None:
    """How preflight reads ``path`` given its first bytes; None for binary content and for the manifest and its
    signature (their own layers check them). Content decides: a shebang makes a shell script whatever the name,
    and an interpreter line of another language (``#!/usr/bin/env php``) makes ``x.sh`` that language's text;
    names only choose between readings of text (``*.sql``, ``*.sql.postgres``/``*.sqlite.sql``, units, cron
    paths, maintainer-script names, a ``Dockerfile`` with a ``FROM``, a Liquibase changelog or JS/TS migration
    read as the SQL it runs, ``*.ps1``/``*.psm1``/``*.bat``/``*.cmd`` as Windows scripts);
    everything else that is text is read as configuration, dotfiles, ``*.example`` and ``*.txt`` included.
    Files under ``script_dirs`` are shell (SQL by extension); under ``config_dirs`` configuration."""
    lower = path.lower()
    name = posixpath.basename(lower)
    parts = lower.split("/")
    if len(parts) == 1 and (name in _SIGNATURE_NAMES or name.endswith((".sig", ".sigstore.json"))):
        return None
    if is_binary(head):
        return None
    if _under(path, config_dirs):
        return Kind.CONFIG
    if path in migrations or sql_name(lower)[0] or dbconfig_sql(path):
        return Kind.SQL
    if is_windows_script(path):
        return Kind.WINDOWS  # PowerShell or batch (also as a hook or under script_dirs): Windows picks by the name
    foreign = head.startswith(b"#!") and not _SHEBANG.match(head) and _FOREIGN_INTERPRETER.match(head) is not None
    named_shell = lower.endswith(_SHELL_EXT) and not foreign  # Roundcube's ``bin/update.sh`` is ``#!/usr/bin/env php``
    if _SHEBANG.match(head) or path in hooks or named_shell or _under(path, script_dirs):
        return Kind.SHELL
    if head.startswith(b"#!"):
        return Kind.CONFIG  # a script in another language: read as text (credentials, endpoints)
    if (is_maintainer_script(path) and not _ini_named_config(name, head)) or reads_as_shell(
        path, head.decode("utf-8", errors="replace")
    ):
        return Kind.SHELL  # also apk/pacman/pkg scripts, and a spec's or ebuild's install-time sections
    if may_be_migration_source(path) and is_migration_source(path, head.decode("utf-8", errors="replace")):
        return Kind.SQL  # a Liquibase XML changelog, an ORM migration in JS/TS: read as the SQL it runs
    if _is_unit_name(lower):
        return Kind.SYSTEMD
    in_cron_dir = any(_is_cron_dir(p) for p in parts[:-1]) and not lower.endswith(_PROGRAM_SOURCE)
    if name.startswith("crontab") or name.endswith(".cron") or in_cron_dir:
        return Kind.CRON  # not a program kept in a ``cron/`` folder (the job it runs: holdout120's docker-cp)
    if is_dockerfile(path, head.decode("utf-8", errors="replace")):
        return Kind.DOCKERFILE
    return Kind.CONFIG


_DOCKERFILE_NAME = re.compile(r"^(?:docker|container)file(?:[.-].+)?$|^.+[.-](?:docker|container)file$", re.I)
_FROM = re.compile(r"^\s*FROM\s+\S", re.I | re.M)


def is_dockerfile(path: str, text: str) -> bool:
    """``Dockerfile``, ``Containerfile``, ``Dockerfile.prod``, ``web.dockerfile``… whose text has a ``FROM``."""
    return bool(_DOCKERFILE_NAME.match(posixpath.basename(path))) and bool(_FROM.search(text))


# Configuration-management code (Puppet, Salt): a unit or crontab in it is the text of a file it writes.
_CONFIG_MANAGEMENT = (".pp", ".sls")
# Source of the languages the program readers read (preflight/program_scripts.py): a unit or crontab in its text
# is one it writes (a Ruby heredoc written to /etc/systemd/system: holdout120's DellIPMIFanCtrl), not the file itself.
_PROGRAM_SOURCE = (".py", ".rb", ".rake", ".pl", ".js", ".mjs", ".cjs", ".ts", ".php", ".go")
# Ruby programs known by their names, with no suffix: a unit in a Vagrantfile's provisioner heredoc is one the guest's
# shell writes (holdout202's jenkins-install), not the Vagrantfile itself.
_RUBY_BY_NAME = ("Vagrantfile", "Rakefile", "Capfile")


def _program_source(path: str) -> bool:
    return path.lower().endswith(_PROGRAM_SOURCE) or posixpath.basename(path) in _RUBY_BY_NAME


def refine_kind(kind: Kind, text: str, path: str = "") -> Kind:
    """Configuration whose content is a unit file or a crontab is read as one (not when it is Puppet or Salt code
    or a program in a language the program readers read, whose text carries such files'); a shell library with no
    shebang and no ``.sh`` (functions and control flow that tree-sitter-bash reads without an error:
    ``shell.library``) as shell."""
    if kind is not Kind.CONFIG or path.endswith(_CONFIG_MANAGEMENT):
        return kind
    program = _program_source(path)  # a unit or crontab in its text is a file it writes
    if not program and looks_like_unit(text):
        return Kind.SYSTEMD
    if not program and looks_like_crontab(text):
        return Kind.CRON
    if is_shell_library(path, text):
        return Kind.SHELL
    return kind


def with_sourced_libraries(entries: list[tuple[str, Kind, str]]) -> list[tuple[str, Kind, str]]:
    """``(path, kind, text)`` of the package's text files, a file read as configuration that one of its shell
    scripts sources (``. "$MYLIBDIR/kamdbctl.base"``, ``source ./lib/common``) read as shell instead: the shell
    runs it as part of the script."""
    others = {path for path, kind, _ in entries if kind is Kind.CONFIG}
    scripts = {path: text for path, kind, text in entries if kind is Kind.SHELL} if others else {}
    sourced = sourced_files(scripts, others) if scripts else set()
    if not sourced:
        return entries
    return [(path, Kind.SHELL if path in sourced else kind, text) for path, kind, text in entries]


def _is_unit_name(lower: str) -> bool:
    return is_unit_path(lower)


def _is_cron_dir(part: str) -> bool:
    """``cron``, ``cron.d``, ``cron.daily``…, ``crontabs``: directories whose files cron reads."""
    return part in ("cron", "crontabs") or part.startswith("cron.")


_CRON_PERIODS = ("hourly", "daily", "weekly", "monthly")


def cron_period(path: str) -> str | None:
    """How often cron runs the file as it is: a file under ``cron.hourly``/``daily``/``weekly``/``monthly``, or a
    Debian packaging file debhelper's ``dh_installcron`` installs there (``debian/cron.daily``,
    ``debian/<package>.cron.daily``, … become ``/etc/cron.daily/<package>``); None for any other file."""
    parts = path.lower().split("/")
    for part in parts[:-1]:
        if part.startswith("cron.") and part.removeprefix("cron.") in _CRON_PERIODS:
            return part.removeprefix("cron.")
    if parts[-2:-1] == ["debian"]:
        stem, _, period = parts[-1].rpartition(".")
        if period in _CRON_PERIODS and (stem == "cron" or stem.endswith(".cron")):
            return period
    return None


def is_periodic_cron_script(path: str) -> bool:
    """A file cron runs periodically as it is (:func:`cron_period`)."""
    return cron_period(path) is not None


def _under(path: str, dirs: Sequence[str]) -> bool:
    return any(path.startswith(d.rstrip("/") + "/") for d in dirs)


@dataclass(frozen=True, slots=True)  # one per line of every file: no dict each
class Line:
    number: int
    text: str


@dataclass(frozen=True)
class TextFile:
    path: str
    kind: Kind
    lines: tuple[Line, ...]

    def finding(
        self, line: Line, code: str, severity: Severity, *, message: str, remedy: str, **evidence: Any
    ) -> Finding:
        """A finding at ``line`` of this file, the line's text as evidence (what a line scanner reports)."""
        return at_line(
            code, severity, path=self.path, line=line.number, text=line.text, message=message, remedy=remedy, **evidence
        )


def split_lines(path: str, kind: Kind, text: str) -> TextFile:
    """The file's lines (as ``str.splitlines`` splits them), each cut at ``MAX_LINE_CHARS``."""
    return TextFile(path, kind, tuple(Line(n, raw[:MAX_LINE_CHARS]) for n, raw in enumerate(text.splitlines(), 1)))


@dataclass(frozen=True, kw_only=True)
class Context:
    """Everything one preflight run knows, shared by the scanners."""

    manifest: Manifest
    texts: tuple[TextFile, ...]
    mtimes: Mapping[str, Any]
    archive_sha256: str | None
    inventory: Inventory | None
    advisories: tuple[Mapping[str, Any], ...]
    options: PreflightOptions
    parsed: Any = None  # shipgate.preflight.read.Parsed: the scripts, SQL, units and crontabs read
    # The package holds dpkg/rpm maintainer scripts (shipgate.preflight.runners): known for the whole package
    # before it is read in shards, so every shard reads its files the same way
    system_package: bool = False
    # The payload paths (no leading ``/``) its maintainer scripts run or source: steps of the install after all
    called_by_maintainer: frozenset[str] = frozenset()
    # The package's scripts its root cron jobs and root services run (shipgate.preflight.job_scripts): cron or
    # systemd runs them as root, never the installer account
    run_by_root_jobs: frozenset[str] = frozenset()
    # Scripts known as scriptlets by the folder they share with other phases' scripts
    # (shipgate.preflight.scriptlet_evidence)
    phase_scriptlets: frozenset[str] = frozenset()
    # The package ships its installed dependencies (``vendor/composer/installed.json``): no install fetches them
    ships_dependencies: bool = False
    # Configuration the package offers but does not put in effect (shipgate.preflight.optional_config)
    offered_config: frozenset[str] = frozenset()
    # The scripts the operator runs as commands: those a Python sdist installs (shipgate.preflight.installed_commands)
    # and those a section-8 manual page documents (shipgate.preflight.admin_commands)
    installed_commands: frozenset[str] = frozenset()
    # The files under an sdist's top-level examples/ (shipgate.preflight.sdist_examples): known for the whole package,
    # as PKG-INFO, which tells an sdist, is in one shard only
    sdist_examples: frozenset[str] = frozenset()
    # The files only a Makefile's developer targets name (shipgate.preflight.makefile_tooling): a test service's
    # configuration, known for the whole package as the Makefile may be in another shard
    makefile_tooling: frozenset[str] = frozenset()
    # The scripts a development container's lifecycle commands run (shipgate.preflight.dev_containers): a developer's
    # environment, known for the whole package as its devcontainer.json may be in another shard
    dev_container_scripts: frozenset[str] = frozenset()
    # The playbooks a Zuul CI job of the package runs (shipgate.preflight.zuul_jobs): a CI job's steps, known for the
    # whole package as the Zuul configuration may be in another shard
    ci_playbooks: frozenset[str] = frozenset()
    # The scripts a tox test environment of the package runs (shipgate.preflight.tox_envs): a test run's steps, known
    # for the whole package as tox.ini may be in another shard
    test_env_scripts: frozenset[str] = frozenset()
    # The files only a development or test settings class of the package's Python code names
    # (shipgate.preflight.development_settings): a developer's settings, known for the whole package as the class may
    # be in another shard
    development_settings: frozenset[str] = frozenset()
    # The scripts the package's Python code hands to the servers it creates as their user data
    # (shipgate.preflight.user_data): run by cloud-init there, known for the whole package as the code that reads
    # them may be in another shard
    served_user_data: frozenset[str] = frozenset()
    # What each Django AlterField/AddField changes (shipgate.preflight.sql.django_history.package_changes), read from
    # the whole files of the package; None: read from the texts
    django_changes: Mapping[tuple[str, int], frozenset[str]] | None = None
    # The package's Python functions that only show some of their parameters (shipgate.preflight.printing_helpers):
    # read over the whole package, as a helper and its callers are often in different modules
    printing_helpers: Mapping[str, frozenset[tuple[int, str]]] = field(default_factory=dict)
    # Every file path of the package (shipgate.preflight.module_downloads): whether the module an install program
    # leaves its download to is at hand, known for the whole package as that module may be in another shard
    package_paths: frozenset[str] = frozenset()
    # Per program file and line of a URL constant, the requests other program files make of it through an import
    # (shipgate.preflight.package_imports): known for the whole package, as the two may be read in different shards
    imported_urls: Mapping[str, Mapping[int, Sequence[Use]]] = field(default_factory=dict)

    def of_kind(self, *kinds: Kind) -> Iterator[TextFile]:
        return (t for t in self.texts if t.kind in kinds)


def snippet(text: str, limit: int = 160) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


def at_line(
    code: str,
    severity: Severity,
    *,
    path: str,
    line: int | None,
    message: str,
    remedy: str,
    text: str | None = None,
    **evidence: Any,
) -> Finding:
    """A finding located at ``path`` line ``line``, the line's text (shortened) as evidence."""
    where = f"{path}:{line}" if line else path
    ev: dict[str, Any] = {"file": path}
    if line:
        ev["line"] = line
    if text is not None:
        ev["text"] = snippet(text)
    ev.update(evidence)
    return Finding(code=code, severity=severity, path=path, message=f"{where}: {message}", remedy=remedy, evidence=ev)


def at_command(
    code: str, severity: Severity, *, path: str, command: Any, message: str, remedy: str, **evidence: Any
) -> Finding:
    """A finding at a parsed shell command (``shipgate.preflight.shell.model.Command``): its line and source
    as evidence, and where a value it uses was assigned (data flow: both lines)."""
    assigned = evidence.pop("assigned_line", None) or command.name_assigned_at or command.escalation_line
    if assigned is not None and assigned != command.line:
        evidence["assigned_line"] = assigned
    if command.via:
        evidence["via"] = command.via
    return at_line(
        code, severity, path=path, line=command.line, text=command.text, message=message, remedy=remedy, **evidence
    )
