"""The parsing stage: every text file of the package read the way its consumer reads it (shell by
tree-sitter-bash, SQL by PostgreSQL's parser, units and crontabs by their own grammars). Scanners consume
what this returns, never raw lines of scripts."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Set
from dataclasses import dataclass, field, replace

from shipgate.preflight.ansible_tls import TlsOff
from shipgate.preflight.cloud_init import is_user_data_script
from shipgate.preflight.contents import Kind, is_periodic_cron_script
from shipgate.preflight.cron import Crontab, parse_crontab
from shipgate.preflight.embedded import Unsigned, read_embedded
from shipgate.preflight.exec_syntax import literal_operators
from shipgate.preflight.package_scripts import shell_text
from shipgate.preflight.shell.model import Assignment, Script
from shipgate.preflight.shell.reader import parse_script
from shipgate.preflight.sql import SqlFile, parse_sql
from shipgate.preflight.sql.sources import migration_notes, migration_sql, with_notes
from shipgate.preflight.units import Unit, parse_unit
from shipgate.preflight.windows import WinScript, parse_windows
from shipgate.preflight.windows.installer_scripts import is_installer_script


@dataclass(frozen=True, kw_only=True)
class Parsed:
    scripts: Mapping[str, Script] = field(default_factory=dict)
    sql: Mapping[str, SqlFile] = field(default_factory=dict)
    units: Mapping[str, Unit] = field(default_factory=dict)
    crontabs: Mapping[str, Crontab] = field(default_factory=dict)
    # Cron job commands read as shell: (crontab path, job line) -> script
    cron_commands: Mapping[tuple[str, int], Script] = field(default_factory=dict)
    # A service's Exec* command lines read as shell: unit path -> script
    unit_commands: Mapping[str, Script] = field(default_factory=dict)
    # Files whose embedded commands (``scripts[path]``, shipgate.preflight.embedded) run as root by design (an
    # image build, cloud-init, logrotate, a container): nothing to report about their privilege
    root_scripts: frozenset[str] = frozenset()
    # Lines of a configuration file that hold embedded command text: path -> lines (read as shell, not as settings)
    embedded_lines: Mapping[str, frozenset[int]] = field(default_factory=dict)
    # Module options that install unsigned packages (Ansible ``allow_unauthenticated``…): path -> options
    unsigned_options: Mapping[str, tuple[Unsigned, ...]] = field(default_factory=dict)
    # Module options that turn TLS certificate checks off (Ansible ``validate_certs: false``): path -> options
    tls_off_options: Mapping[str, tuple[TlsOff, ...]] = field(default_factory=dict)
    # PowerShell and batch scripts: path -> the calls they make (shipgate.preflight.windows)
    windows: Mapping[str, WinScript] = field(default_factory=dict)


def _system_crontab(path: str) -> bool:
    lower = path.lower()
    return "cron.d/" in lower or lower.endswith("etc/crontab")


# The kinds ``parse_file`` reads; any other text is read line by line by the scanners.
PARSED_KINDS = frozenset({Kind.SHELL, Kind.SQL, Kind.SYSTEMD, Kind.CRON, Kind.DOCKERFILE, Kind.CONFIG, Kind.WINDOWS})


def parse_file(path: str, kind: Kind, source: str) -> Parsed:
    """The parsed form of one file: its script, SQL, unit or crontab (with what runs as shell in it), or the shell
    another format carries (a Dockerfile's ``RUN``, an Ansible task…), if any."""
    if kind is Kind.SHELL:
        root = frozenset({path}) if is_user_data_script(path) else frozenset()  # cloud-init runs it as root
        return Parsed(scripts={path: parse_script(shell_text(path, source), path=path)}, root_scripts=root)
    if kind is Kind.SQL:
        sql, refused = migration_sql(path, source)
        parsed = with_notes(parse_sql(sql, path=path), migration_notes(path, source))
        return Parsed(sql={path: replace(parsed, skipped=refused) if refused else parsed})
    if kind is Kind.SYSTEMD:
        unit = parse_unit(source, path=path)
        run = _unit_script(unit)
        return Parsed(units={path: unit}, unit_commands={path: run} if run else {})
    if kind is Kind.CRON:
        tab = parse_crontab(source, path=path, system=True if _system_crontab(path) else None)
        commands = {(path, job.line): _job_script(path, job.line, job.command) for job in tab.jobs}
        return Parsed(crontabs={path: tab}, cron_commands=commands)
    if kind is Kind.CONFIG and is_installer_script(path):  # read as text too (endpoints, credentials)
        return replace(_embedded(path, source), windows={path: parse_windows(path, source)})
    if kind in (Kind.DOCKERFILE, Kind.CONFIG):
        return _embedded(path, source)
    if kind is Kind.WINDOWS:
        return Parsed(windows={path: parse_windows(path, source)})
    return Parsed()


def _embedded(path: str, source: str) -> Parsed:
    """The shell a Dockerfile, Ansible task file, cloud-init user-data, logrotate file or container spec carries,
    as the file's script (shipgate.preflight.embedded)."""
    found = read_embedded(path, source)
    if found is None:
        return Parsed()
    return Parsed(
        scripts={path: found.script} if found.lines else {},
        root_scripts=frozenset({path}) if found.root else frozenset(),
        embedded_lines={path: found.lines},
        unsigned_options={path: found.unsigned} if found.unsigned else {},
        tls_off_options={path: found.tls_off} if found.tls_off else {},
    )


def _job_script(path: str, line: int, command: str) -> Script:
    """A cron job's command is a shell command line (cron runs it with /bin/sh -c)."""
    # An unescaped % ends the command (the rest is its standard input): crontab(5).
    return parse_script("\n" * (line - 1) + command.split("%", 1)[0], path=path)


# The settings whose values systemd runs as commands (systemd.service(5)), and the prefixes a command may carry
# (``-`` ignore failure, ``@`` argv[0], ``+``/``!``/``!!`` privileges, ``:`` no substitution).
_EXEC_KEYS = frozenset(
    {"ExecCondition", "ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost"}
)
_EXEC_PREFIX = re.compile(r"^[-@:+!]+")


def _unit_script(unit: Unit) -> Script | None:
    """A service's command lines as one script, each command on its own line of the unit, in the file's order
    (``ExecStartPre=`` lines come before ``ExecStart=`` in practice, as systemd runs them). systemd splits a
    command line into words as a shell does, with no redirections or pipes (``exec_syntax``); ``sh -c '…'`` in it
    is a shell."""
    text: list[str] = []
    for s in sorted((s for s in unit.settings if s.key in _EXEC_KEYS and s.value), key=lambda s: s.line):
        text.extend([""] * (s.line - 1 - len(text)))
        text.append(literal_operators(_EXEC_PREFIX.sub("", s.value)))
    return parse_script("\n".join(text) + "\n", path=unit.path) if text else None


def commands_run(parsed: Parsed) -> list[tuple[str, Script]]:
    """(path, script) of every command line the package runs: its scripts, its cron jobs' commands (cron runs
    them with /bin/sh -c) and its services' ``Exec*=`` lines."""
    return [
        *parsed.scripts.items(),
        *((k[0], v) for k, v in parsed.cron_commands.items()),
        *parsed.unit_commands.items(),
    ]


def merge(parts: list[Parsed]) -> Parsed:
    scripts: dict[str, Script] = {}
    sql: dict[str, SqlFile] = {}
    units: dict[str, Unit] = {}
    crontabs: dict[str, Crontab] = {}
    cron_commands: dict[tuple[str, int], Script] = {}
    unit_commands: dict[str, Script] = {}
    root_scripts: set[str] = set()
    embedded_lines: dict[str, frozenset[int]] = {}
    unsigned_options: dict[str, tuple[Unsigned, ...]] = {}
    tls_off_options: dict[str, tuple[TlsOff, ...]] = {}
    windows: dict[str, WinScript] = {}
    for part in parts:
        scripts.update(part.scripts)
        sql.update(part.sql)
        units.update(part.units)
        crontabs.update(part.crontabs)
        cron_commands.update(part.cron_commands)
        unit_commands.update(part.unit_commands)
        root_scripts |= part.root_scripts
        embedded_lines.update(part.embedded_lines)
        unsigned_options.update(part.unsigned_options)
        tls_off_options.update(part.tls_off_options)
        windows.update(part.windows)
    return Parsed(
        scripts=scripts,
        sql=sql,
        units=units,
        crontabs=crontabs,
        cron_commands=cron_commands,
        unit_commands=unit_commands,
        root_scripts=frozenset(root_scripts),
        embedded_lines=embedded_lines,
        unsigned_options=unsigned_options,
        tls_off_options=tls_off_options,
        windows=windows,
    )


def of_files(parsed: Parsed, paths: Set[str]) -> Parsed:
    """What ``parsed`` holds of the files ``paths`` alone, every kind of fact (a script's file is also known as
    run as root, or as a configuration file whose lines hold it): each file's facts are its own (``parse_file``),
    and a check reading one file again must see all of them, as it did in the whole package."""
    return Parsed(
        scripts={p: v for p, v in parsed.scripts.items() if p in paths},
        sql={p: v for p, v in parsed.sql.items() if p in paths},
        units={p: v for p, v in parsed.units.items() if p in paths},
        crontabs={p: v for p, v in parsed.crontabs.items() if p in paths},
        cron_commands={k: v for k, v in parsed.cron_commands.items() if k[0] in paths},
        unit_commands={p: v for p, v in parsed.unit_commands.items() if p in paths},
        root_scripts=parsed.root_scripts & paths,
        embedded_lines={p: v for p, v in parsed.embedded_lines.items() if p in paths},
        unsigned_options={p: v for p, v in parsed.unsigned_options.items() if p in paths},
        windows={p: v for p, v in parsed.windows.items() if p in paths},
    )


__all__ = [
    "PARSED_KINDS",
    "Parsed",
    "commands_run",
    "is_periodic_cron_script",
    "merge",
    "of_files",
    "parse_file",
    "with_sourced",
]


_EXPANDED = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")


def _package_path(base: str, target: str, scripts: Mapping[str, Script]) -> str | None:
    """The package script ``source TARGET`` names: relative to the sourcing script's directory or to the package
    root, after a leading ``$(dirname "$0")/``, ``$DIR/`` or ``./``."""
    rest = target.rpartition(")/")[2] if target.startswith("$(") else target
    if rest.startswith("$"):
        rest = rest.partition("/")[2]
    for candidate in (posixpath.join(posixpath.dirname(base), rest), rest):
        path = posixpath.normpath(candidate)
        if path in scripts:
            return path
    return None


def _sourced(script: Script, scripts: Mapping[str, Script]) -> list[str]:
    """Package scripts ``script`` sources (``source install/_lib.sh``, ``. "$(dirname "$0")/lib.sh"``)."""
    found = (
        _package_path(script.path, c.words[0].text, scripts)
        for c in script.commands
        if c.name in ("source", ".") and c.words
    )
    return [p for p in found if p is not None and p != script.path]


def _top_level(script: Script) -> list[Assignment]:
    return [a for a in script.assignments if a.function is None and a.value is not None]


def _called_libraries(script: Script, libraries: list[Script]) -> tuple[Script, ...]:
    """Of the scripts ``script`` sources, those defining a function it calls and does not define itself."""
    own = set(script.functions)
    called = {c.name for c in script.commands if c.name is not None and c.name not in own}
    return tuple(lib for lib in libraries if called & set(lib.functions)) if called else ()


def with_sourced(parsed: Parsed, sources: Mapping[str, str]) -> Parsed:
    """Scripts read again with the variables a sourced library of the package sets (``install.sh`` sources
    ``_lib.sh``, which sets ``dcr="docker compose run --rm"``, then ``migrate.sh``, which runs ``$dcr web
    upgrade``): each script inherits the literal top-level assignments of the files it sources and of the files
    that source it (and their other libraries). Only scripts that use a name they do not set are read again. A
    script that calls a function one of the files it sources defines gets those files as its ``libraries``."""
    scripts = parsed.scripts
    sourced = {path: _sourced(script, scripts) for path, script in scripts.items()}
    parents: dict[str, list[str]] = {}
    for parent, children in sourced.items():
        for child in children:
            parents.setdefault(child, []).append(parent)
    updated: dict[str, Script] = {}
    for path, script in scripts.items():
        donors = set(sourced[path])
        for parent in parents.get(path, ()):
            donors |= {parent, *sourced[parent]} - {path}
        if not donors or path not in sources:
            continue
        own = {a.name for a in script.assignments}
        # Every name the text expands (a prefix variable the reader set aside, ``$STD apt-get``, is in no
        # command's words): a superset, only to choose what to read again; the reading itself is the parser's.
        used = set(_EXPANDED.findall(sources[path]))
        inherited = [a for d in sorted(donors) for a in _top_level(scripts[d]) if a.name in used - own]
        read = (
            parse_script(shell_text(path, sources[path]), path=path, inherited=tuple(inherited))
            if inherited
            else script
        )
        libraries = _called_libraries(read, [scripts[d] for d in sorted(set(sourced[path]))])
        if libraries:
            read = replace(read, libraries=libraries)
        if read is not script:
            updated[path] = read
    return replace(parsed, scripts={**scripts, **updated}) if updated else parsed
