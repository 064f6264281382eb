"""Reading a package shard by shard: each shard (a run of files in path order) is parsed, and the scanners whose
findings are each file's own (``LOCAL``) run on it, in worker processes for large packages.

No file's facts depend on another's, and a ``LOCAL`` scanner reports each file from that file's facts alone:
its findings over the whole package are its findings over the shards, in shard order (``downloads`` reports
scripts before configuration: its shard findings are put back in that order). The scanners that read across
files (lock context of migrations, known units, configured registries, jobs) run once on everything.

Sending a shard's facts back from a worker costs about a quarter of parsing them; this process reads shards
too (the last ones no worker has started), so the workers' share is what it could not do meanwhile."""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from shipgate.findings import Finding
from shipgate.preflight import credentials, downloads, endpoints, persistence, privilege, shell_risk
from shipgate.preflight.contents import Context, Kind, TextFile, split_lines
from shipgate.preflight.read import PARSED_KINDS, Parsed, merge, parse_file

Scanner = Callable[[Context], Iterator[Finding]]
LOCAL: tuple[Scanner, ...] = (
    privilege.scan,
    endpoints.scan,
    credentials.scan,
    shell_risk.scan,
    downloads.scan,
    persistence.scan,
)
_SCRIPTS_FIRST = (downloads.scan,)  # all scripts' findings, then the other files'
# Shards per process: small enough that the processes finish together, large enough that a shard's overhead
# (a task sent and answered) stays small beside its parsing. A worker holds up to three shards this process can
# no longer take (one read, two queued), so it waits for up to three at the end: at 2,000 files, 0.9-2.7 s with
# 16 per process, 0.8-1.4 s with 32 (0.4-0.6 s with 48).
_SHARDS_PER_PROCESS = 32

Item = tuple[str, Kind, str]  # (path, kind, source) of one text file
Local = dict[Scanner, list[Finding]]


def read_shard(
    items: list[Item], template: Context | None, texts: Mapping[str, TextFile] | None = None
) -> tuple[list[Parsed], list[list[Finding]] | None]:
    """The parsed files of the shard, and each ``LOCAL`` scanner's findings over it (given the run's context
    without texts; None when no scanner runs). ``texts``: the files already split into lines, by path."""
    parts = [parse_file(*item) for item in items if item[1] in PARSED_KINDS]
    if template is None:
        return parts, None
    lines = tuple(texts[path] if texts is not None else split_lines(path, kind, source) for path, kind, source in items)
    ctx = dataclasses.replace(template, texts=lines, parsed=merge(parts))
    return parts, [list(scan(ctx)) for scan in LOCAL]


_template: Context | None = None  # in a worker process: the run's context without texts (``_keep_template``)


def _keep_template(template: Context | None) -> None:
    """A worker's initializer: keeps the run's context for every shard it reads."""
    global _template
    _template = template


def _read_kept(items: list[Item]) -> tuple[list[Parsed], list[list[Finding]] | None]:
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
) -> tuple[list[Parsed], Local | None]:
    """Every file parsed (in ``items`` order) and the ``LOCAL`` findings, read by ``processes`` processes (this
    one among them). ``split`` splits the files into lines (by path), once: with workers, after they are given
    their shards, so they parse while this process splits. ``shard_files``: runs of that many files instead
    (``PreflightOptions.shard_files``, for tests)."""
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
        futures: list[Future[tuple[list[Parsed], list[list[Finding]] | None]]] = [
            pool.submit(_read_kept, shard) for shard in shards
        ]
        texts = split()
        mine: dict[int, tuple[list[Parsed], list[list[Finding]] | None]] = {}
        for i in reversed(range(len(shards))):
            if not futures[i].cancel():
                break  # a worker has it, and every shard before it
            mine[i] = read_shard(shards[i], template, texts)
        results = [mine[i] if i in mine else futures[i].result() for i in range(len(shards))]
    return _joined(results, template)


def rescan(local: Local, template: Context, texts: Sequence[TextFile], parsed: Parsed, changed: set[str]) -> Local:
    """``local`` with the findings of the scripts in ``changed`` found again from ``parsed``: scripts read again
    once the whole package was parsed (with the variables a sourced library of the package sets,
    ``read.with_sourced``). Each scanner's findings stay in file order."""
    lines = tuple(t for t in texts if t.path in changed)
    scripts = {path: script for path, script in parsed.scripts.items() if path in changed}
    ctx = dataclasses.replace(template, texts=lines, parsed=Parsed(scripts=scripts))
    order = {t.path: i for i, t in enumerate(texts)}
    out: Local = {}
    for scan in LOCAL:
        kept = [f for f in local.get(scan, []) if f.path not in changed]
        out[scan] = sorted([*kept, *scan(ctx)], key=lambda f: order.get(f.path, len(order)))
    for scan in _SCRIPTS_FIRST:
        out[scan].sort(key=lambda f: f.path not in parsed.scripts)
    return out


def _joined(
    results: list[tuple[list[Parsed], list[list[Finding]] | None]], template: Context | None
) -> tuple[list[Parsed], Local | None]:
    parts = [part for shard_parts, _ in results for part in shard_parts]
    if template is None:
        return parts, None
    local: Local = {scan: [] for scan in LOCAL}
    for _, found in results:
        for scan, findings in zip(LOCAL, found or (), strict=True):
            local[scan].extend(findings)
    scripts = {path for part in parts for path in part.scripts}
    for scan in _SCRIPTS_FIRST:
        local[scan].sort(key=lambda f: f.path not in scripts)
    return parts, local


__all__ = ["LOCAL", "Local", "read_shard", "read_shards", "rescan"]
