"""Reading a package shard by shard: each shard (a run of files in path order) is parsed, and the scanners whose
findings are each file's own (``LOCAL``) run on it, in worker processes for large packages.

No file's facts depend on another's, and a ``LOCAL`` scanner reports each file from that file's facts alone:
its findings over the whole package are its findings over the shards, in shard order (``downloads`` reports in
stages, every script before every cron job and so on: each stage's findings are joined over the shards, then the
stages). The scanners that read across files (lock context of migrations, known units, configured registries,
jobs) run once on everything.

Sending a shard's facts back from a worker costs about a quarter of parsing them; this process reads shards
too (the last ones no worker has started), so the workers' share is what it could not do meanwhile."""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from shipgate.findings import Finding
from shipgate.preflight import credentials, downloads, endpoints, persistence, printed_secrets, privilege, shell_risk
from shipgate.preflight.contents import Context, Kind, TextFile, split_lines
from shipgate.preflight.read import PARSED_KINDS, Parsed, merge, of_files, parse_file

Scanner = Callable[[Context], Iterator[Finding]]
LOCAL: tuple[Scanner, ...] = (
    privilege.scan,
    endpoints.scan,
    credentials.scan,
    shell_risk.scan,
    downloads.scan,
    persistence.scan,
    printed_secrets.scan,
)
# A scanner that reports in stages (each over every file in path order) is run stage by stage on each shard.
_STAGED: dict[Scanner, tuple[Scanner, ...]] = {downloads.scan: downloads.STAGES}
# Shards per process: small enough that the processes finish together, large enough that a shard's overhead
# (a task sent and answered) stays small beside its parsing. A worker holds up to three shards this process can
# no longer take (one read, two queued), so it waits for up to three at the end: at 2,000 files, 0.9-2.7 s with
# 16 per process, 0.8-1.4 s with 32 (0.4-0.6 s with 48).
_SHARDS_PER_PROCESS = 32

Item = tuple[str, Kind, str]  # (path, kind, source) of one text file
Local = dict[Scanner, list[Finding]]
Found = list[list[list[Finding]]]  # per ``LOCAL`` scanner, per stage of it, the findings
Staged = dict[Scanner, list[list[Finding]]]  # per scanner, the findings of each of its stages


def _stages(scan: Scanner) -> tuple[Scanner, ...]:
    return _STAGED.get(scan, (scan,))


def flat(local: Staged) -> Local:
    """Each scanner's findings: its stages' in turn."""
    return {scan: [f for stage in stages for f in stage] for scan, stages in local.items()}


def read_shard(
    items: list[Item], template: Context | None, texts: Mapping[str, TextFile] | None = None
) -> tuple[list[Parsed], Found | None]:
    """The parsed files of the shard, and each ``LOCAL`` scanner's findings over it, stage by stage (given the
    run's context without texts; None when no scanner runs). ``texts``: the files already split into lines, by
    path."""
    parts = [parse_file(*item) for item in items if item[1] in PARSED_KINDS]
    if template is None:
        return parts, None
    lines = tuple(texts[path] if texts is not None else split_lines(path, kind, source) for path, kind, source in items)
    ctx = dataclasses.replace(template, texts=lines, parsed=merge(parts))
    return parts, [[list(stage(ctx)) for stage in _stages(scan)] for scan in LOCAL]


_template: Context | None = None  # in a worker process: the run's context without texts (``_keep_template``)


def _keep_template(template: Context | None) -> None:
    """A worker's initializer: keeps the run's context for every shard it reads."""
    global _template
    _template = template


def _read_kept(items: list[Item]) -> tuple[list[Parsed], Found | None]:
    """:func:`read_shard` in a worker process, with the context it was started with."""
    return read_shard(items, _template)


def _split(items: list[Item], count: int) -> list[list[Item]]:
    """``items`` cut into up to ``count`` runs of about the same size."""
    size = sum(len(item[2]) for item in items)
    shards: list[list[Item]] = [[]]
    done = 0
    for item in items:
        if shards[-1] and done >= size * len(shards) / count:
            shards.append([])
        shards[-1].append(item)
        done += len(item[2])
    return shards


def read_shards(
    items: list[Item],
    template: Context | None,
    processes: int,
    split: Callable[[], Mapping[str, TextFile]],
    *,
    shard_files: int | None = None,
) -> tuple[list[Parsed], Staged | None]:
    """Every file parsed (in ``items`` order) and the ``LOCAL`` findings (by stage), read by ``processes``
    processes (this one among them). ``split`` splits the files into lines (by path), once: with workers, after
    they are given their shards, so they parse while this process splits. ``shard_files``: runs of that many files
    instead (``PreflightOptions.shard_files``, for tests)."""
    if processes <= 1 or len(items) < 2:
        return _joined([read_shard(items, template, split())], template)
    if shard_files:
        shards = [items[i : i + shard_files] for i in range(0, len(items), shard_files)]
    else:
        shards = _split(items, processes * _SHARDS_PER_PROCESS)
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    # The run's context goes to each worker once, as it starts (a forked one inherits it: nothing is pickled),
    # not with every shard.
    with ProcessPoolExecutor(
        max_workers=processes - 1, mp_context=context, initializer=_keep_template, initargs=(template,)
    ) as pool:
        futures: list[Future[tuple[list[Parsed], Found | None]]] = [pool.submit(_read_kept, shard) for shard in shards]
        texts = split()
        mine: dict[int, tuple[list[Parsed], Found | None]] = {}
        for i in reversed(range(len(shards))):
            if not futures[i].cancel():
                break  # a worker has it, and every shard before it
            mine[i] = read_shard(shards[i], template, texts)
        results = [mine[i] if i in mine else futures[i].result() for i in range(len(shards))]
    return _joined(results, template)


def rescan(local: Staged, template: Context, texts: Sequence[TextFile], parsed: Parsed, changed: set[str]) -> Staged:
    """``local`` with the findings of the scripts in ``changed`` found again from ``parsed``: scripts read again
    once the whole package was parsed (with the variables a sourced library of the package sets,
    ``read.with_sourced``). Each stage's findings stay in file order."""
    lines = tuple(t for t in texts if t.path in changed)
    # every fact of those files, not their scripts alone: a cloud-init script is still run as root
    ctx = dataclasses.replace(template, texts=lines, parsed=of_files(parsed, changed))
    order = {t.path: i for i, t in enumerate(texts)}
    out: Staged = {}
    for scan in LOCAL:
        out[scan] = []
        for stage, found in zip(_stages(scan), local.get(scan) or [[] for _ in _stages(scan)], strict=True):
            kept = [f for f in found if f.path not in changed]
            out[scan].append(sorted([*kept, *stage(ctx)], key=lambda f: order.get(f.path, len(order))))
    return out


def _joined(
    results: list[tuple[list[Parsed], Found | None]], template: Context | None
) -> tuple[list[Parsed], Staged | None]:
    parts = [part for shard_parts, _ in results for part in shard_parts]
    if template is None:
        return parts, None
    local: Staged = {scan: [[] for _ in _stages(scan)] for scan in LOCAL}
    for _, found in results:
        for scan, stages in zip(LOCAL, found or (), strict=True):
            for joined, findings in zip(local[scan], stages, strict=True):
                joined.extend(findings)
    return parts, local


__all__ = ["LOCAL", "Local", "Staged", "flat", "read_shard", "read_shards", "rescan"]
