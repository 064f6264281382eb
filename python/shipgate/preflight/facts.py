"""The package as preflight reads it, for preflight's scanners and for the plan: ``facts(contents)``.

``read_texts`` picks and bounds the files (content decides: binary is skipped with a reason, text is read),
parses each one, and returns them with the ``preflight.file_skipped`` findings. ``PackageFacts`` adds the
summaries the plan needs: commands per script, units, scheduled jobs, endpoints (webhooks: the ones a command
sends data to), accounts created, files written, credentials (redacted)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from shipgate.findings import Finding, Severity
from shipgate.package.manifest import Manifest
from shipgate.preflight.collector import paused
from shipgate.preflight.contents import (
    ContentsLike,
    Context,
    Kind,
    PreflightOptions,
    ScanBudget,
    TextFile,
    is_binary,
    refine_kind,
    scanned_kind,
    split_lines,
    with_sourced_libraries,
)
from shipgate.preflight.cron import Crontab
from shipgate.preflight.endpoints import Endpoint, endpoints
from shipgate.preflight.optional_config import offered
from shipgate.preflight.read import PARSED_KINDS, Parsed, merge, with_sourced
from shipgate.preflight.scan_order import budget_order
from shipgate.preflight.scheduled import Job, jobs
from shipgate.preflight.shards import Item, Local, Staged, flat, read_shards, rescan
from shipgate.preflight.shell.commands import written_paths
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.sql import SqlFile
from shipgate.preflight.units import Unit

_ACCOUNT_TOOLS = frozenset({"useradd", "adduser", "groupadd", "addgroup"})


@dataclass(frozen=True)
class FileWrite:
    path: str  # the script
    line: int
    target: str
    command: str


@dataclass(frozen=True)
class Account:
    path: str
    line: int
    name: str
    kind: str  # 'user', 'group', 'database role'


@dataclass(frozen=True, kw_only=True)
class PackageFacts:
    scripts: tuple[Script, ...]
    sql: tuple[SqlFile, ...]
    units: tuple[Unit, ...]
    crontabs: tuple[Crontab, ...]
    jobs: tuple[Job, ...]
    endpoints: tuple[Endpoint, ...]
    accounts: tuple[Account, ...]
    files_written: tuple[FileWrite, ...]
    skipped: tuple[Finding, ...]

    @property
    def webhooks(self) -> tuple[Endpoint, ...]:
        """Calls that send data to a URL (``curl -X POST``, ``-d``): registrations, check-ins, notifications."""
        return tuple(e for e in self.endpoints if e.contacted and e.method not in (None, "GET", "HEAD"))

    def commands(self) -> tuple[tuple[str, Command], ...]:
        """(script path, command) for every command of every script: the scripts' commands summary."""
        return tuple((s.path, c) for s in self.scripts for c in s.commands)


def _skip(path: str, reason: str, **evidence: object) -> Finding:
    return Finding(
        code="preflight.file_skipped",
        severity=Severity.INFO,
        path=path,
        message=f"{path}: {reason}; not scanned",
        remedy="Review this file by hand.",
        evidence={"file": path, "reason": reason, **evidence},
    )


def read_texts(contents: ContentsLike, options: PreflightOptions) -> tuple[list[TextFile], Parsed, list[Finding]]:
    texts, parsed, skipped, _ = read_and_scan(contents, options, None)
    return texts, parsed, skipped


def read_and_scan(
    contents: ContentsLike, options: PreflightOptions, template: Context | None
) -> tuple[list[TextFile], Parsed, list[Finding], Local | None]:
    """:func:`read_texts`, and the findings of the scanners that read one file at a time (``shards.LOCAL``) when
    given the run's context (without texts): they run where each shard is parsed."""
    manifest = contents.manifest
    hooks = tuple(manifest.hooks.values())
    entries: list[Item] = []  # (path, kind, source) of each text file read
    skipped: list[Finding] = []
    binaries: list[str] = []
    budget = ScanBudget(options)
    for path in budget_order(contents.files):  # served browser assets last: they spend the budget least well
        raw: bytes | str = contents.files[path]
        data = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else bytes(raw)
        kind = scanned_kind(
            path,
            data[:8192],
            hooks=hooks,
            migrations=manifest.migrations,
            script_dirs=options.script_dirs,
            config_dirs=options.config_dirs,
        )
        if kind is None:
            if is_binary(data[:8192]):
                binaries.append(path)  # the package layer checks its digest, the stale check its age
            continue
        over = budget.admit(path, len(data))
        if over is not None:
            skipped.append(over)
            continue
        source = data.decode("utf-8", errors="replace")
        entries.append((path, refine_kind(kind, source, path), source))
    entries = with_sourced_libraries(entries)
    entries.sort(key=lambda entry: entry[0])  # handed on in path order
    binaries.sort()
    texts: list[TextFile] = []

    def split() -> dict[str, TextFile]:
        """The files split into lines (``texts``, in path order), by path: done while the workers, if any, parse."""
        texts.extend(split_lines(*entry) for entry in entries)
        return {t.path: t for t in texts}

    parts, local = _parse_all(entries, options, template, split)
    sources = [source for _, _, source in entries]
    for part in parts:
        for script in part.scripts.values():
            if script.incomplete:
                skipped.append(_skip(script.path, f"read only in part: {script.incomplete}", partial=True))
        for win in part.windows.values():
            if win.incomplete:
                skipped.append(_skip(win.path, f"read only in part: {win.incomplete}", partial=True))
        for sql in part.sql.values():
            if sql.skipped:
                skipped.append(_skip(sql.path, sql.skipped, partial=True))
    if binaries:
        skipped.append(_binaries_skipped(binaries))
    merged = merge(parts)
    parsed = with_sourced(merged, {t.path: s for t, s in zip(texts, sources, strict=True)})
    if local is not None and template is not None and parsed is not merged:
        changed = {path for path, script in parsed.scripts.items() if script is not merged.scripts.get(path)}
        local = rescan(local, template, texts, parsed, changed)
    return texts, parsed, skipped, flat(local) if local is not None else None


_LISTED = 20


def _binaries_skipped(paths: list[str]) -> Finding:
    """One finding for the package's binary entries (not one per file): named up to 20, and counted."""
    shown = ", ".join(paths[:_LISTED]) + (f" and {len(paths) - _LISTED} more" if len(paths) > _LISTED else "")
    return Finding(
        code="preflight.file_skipped",
        severity=Severity.INFO,
        path=paths[0],
        message=f"{len(paths)} binary file(s) not read as text ({shown}): their digests are verified, their "
        "contents are not scanned by preflight",
        remedy="Review binaries with the vendor's provenance (signatures, SBOM); preflight reads text only.",
        evidence={"file": paths[0], "reason": "binary content", "files": paths[:_LISTED], "count": len(paths)},
    )


# Below this much text one process reads faster than starting workers; above it the files are read in shards
# by this process and one worker per other idle CPU (the parsers hold the GIL: threads would not help). Workers
# send back the parsed facts (about a quarter of the parsing on top): on CPUs other work keeps busy that costs
# more than it saves, so workers start only when two CPUs are idle.
PARALLEL_FROM_BYTES = 4 << 20


def _idle_cpus() -> int:
    """CPUs no other process keeps busy (the 1-minute load average, this process's own share left out)."""
    try:
        load = os.getloadavg()[0]
    except OSError:
        return 1
    return max(1, int((os.cpu_count() or 1) - max(0.0, load - 1.0)))


def _parse_all(
    entries: list[Item], options: PreflightOptions, template: Context | None, split: Callable[[], dict[str, TextFile]]
) -> tuple[list[Parsed], Staged | None]:
    """Each file parsed on its own (no file's facts depend on another's), in shards across processes for large
    packages; with ``template``, the ``shards.LOCAL`` scanners' findings too. ``split`` splits the files into
    lines (``shards.read_shards`` calls it once)."""
    items = entries
    if template is None:
        items = [item for item in items if item[1] in PARSED_KINDS]
    else:
        template = dataclasses.replace(template, texts=(), parsed=None, mtimes={}, advisories=())
    size = sum(len(item[2]) for item in items)
    workers = options.workers or (_idle_cpus() if size >= PARALLEL_FROM_BYTES else 1)
    return read_shards(items, template, workers, split, shard_files=options.shard_files)


def _writes(script: Script) -> Iterable[FileWrite]:
    for c in script.commands:
        for w in written_paths(c):
            yield FileWrite(script.path, c.line, w.text, c.text)


def _accounts(parsed: Parsed) -> Iterable[Account]:
    for script in parsed.scripts.values():
        for c in script.commands:
            if c.name in _ACCOUNT_TOOLS:
                ops = [w.text for w in c.words if not w.text.startswith("-")]
                if ops:
                    yield Account(script.path, c.line, ops[-1], "group" if "group" in (c.name or "") else "user")
    for sql in parsed.sql.values():
        for s in sql.statements:
            if s.kind == "create_role":
                yield Account(
                    sql.path,
                    s.line,
                    s.password_role or s.text.split()[2] if len(s.text.split()) > 2 else "?",
                    "database role",
                )


def facts(
    contents: ContentsLike | Manifest, *, options: PreflightOptions | None = None, files: dict[str, bytes] | None = None
) -> PackageFacts:
    """Everything preflight reads from ``contents``, parsed: scripts (commands with wrappers unwrapped, resolved
    arguments, lines), SQL files, units, crontabs, scheduled jobs, endpoints, accounts, files written."""
    from shipgate.preflight.contents import PackageContents

    if isinstance(contents, Manifest):
        contents = PackageContents(manifest=contents, files=files or {})
    options = options or PreflightOptions()
    with paused():
        return _facts(contents, options)


def _facts(contents: ContentsLike, options: PreflightOptions) -> PackageFacts:
    texts, parsed, skipped = read_texts(contents, options)
    offered_config = offered(contents.files)
    return facts_of(
        contents.manifest, texts=texts, parsed=parsed, skipped=skipped, options=options, offered_config=offered_config
    )


def facts_of(
    manifest: Manifest,
    *,
    texts: list[TextFile],
    parsed: Parsed,
    skipped: list[Finding],
    options: PreflightOptions,
    offered_config: frozenset[str] = frozenset(),
) -> PackageFacts:
    """The facts of files :func:`read_texts` already read and parsed (``run_preflight`` shares its reading)."""
    ctx = Context(
        manifest=manifest,
        texts=tuple(texts),
        mtimes={},
        archive_sha256=None,
        inventory=None,
        advisories=(),
        options=options,
        parsed=parsed,
        offered_config=offered_config,  # its hosts are mentions, as preflight reports them
    )
    return PackageFacts(
        scripts=tuple(parsed.scripts.values()),
        sql=tuple(parsed.sql.values()),
        units=tuple(parsed.units.values()),
        crontabs=tuple(parsed.crontabs.values()),
        jobs=tuple(jobs(ctx)),
        endpoints=tuple(endpoints(ctx)),
        accounts=tuple(_accounts(parsed)),
        files_written=tuple(w for s in parsed.scripts.values() for w in _writes(s)),
        skipped=tuple(skipped),
    )


__all__ = ["Account", "FileWrite", "Kind", "PackageFacts", "facts", "facts_of", "read_and_scan", "read_texts"]
