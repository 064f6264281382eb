"""Preflight's findings read by one process and by two, every file its own shard: the guard that no check derives
a package-wide fact from the files of its own shard (such a check reports differently with the number of CPUs
that were idle).

    python benches/preflight_shards.py [--no-packages] [--shard-files 1] [NAME...]

Inputs: every whole package of ``tests/preflight/packages`` already in the local cache (none is fetched; names
narrow them), the real-world corpus as one package, and every hold-out set together as one package (each file at
``<set>/<repo>/<path>``). Each is read with ``PreflightOptions(workers=1)`` and with ``workers=2`` and
``shard_files`` files a shard (``PreflightOptions.shard_files``: even a small package is cut). Findings are
compared as (code, path, line, message, severity); every difference is printed (``-`` one process only, ``+``
two only, ``~`` the same findings in another order) with a ``#`` line per input as it is done, then one line
per input and the totals."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests" / "preflight"
sys.path.insert(0, str(TESTS))

from corpus_score import CORPUS_INVENTORY, load_labels  # noqa: E402
from preflight_kit import package  # noqa: E402

from preflight_same import packages_loader  # noqa: E402
from shipgate.findings import Finding  # noqa: E402
from shipgate.preflight import PreflightOptions, run_preflight  # noqa: E402

Row = tuple[str, str, object, str, str]


def row(f: Finding) -> Row:
    return (f.code, f.path, f.evidence.get("line"), f.message, str(f.severity))


def labelled_package(folders: list[Path], prefixed: bool) -> dict[str, str | bytes]:
    """The labelled files of ``folders`` as one package (prefixed by the set's folder name when several)."""
    files: dict[str, str | bytes] = {}
    for folder in folders:
        for e in load_labels(folder / "labels"):
            stored = folder / e.repo.replace("/", "__") / e.path
            files[f"{folder.name}/{e.repo}/{e.path}" if prefixed else f"{e.repo}/{e.path}"] = stored.read_bytes()
    return files


def inputs(with_packages: bool, names: set[str]) -> Iterator[tuple[str, dict[str, str | bytes]]]:
    """(name, files) of each input, the named ones only when ``names`` is not empty."""
    holdouts = sorted(f for f in TESTS.glob("holdout*") if (f / "labels").is_dir())
    sets = [("corpus", lambda: labelled_package([TESTS / "corpus"], False))]
    sets.append(("holdouts", lambda: labelled_package(holdouts, True)))
    for name, build in sets:
        if not names or name in names:
            yield name, build()
    if not with_packages:
        return
    loader = packages_loader()
    for entry in loader.pinned():
        tree = loader.CACHE / "trees" / f"{entry.sha256[:16]}-{entry.name}"
        if (tree / ".complete").is_file() and (not names or entry.name in names):
            yield f"package:{entry.name}", dict(loader.files(entry))


def compared(files: dict[str, str | bytes], shard_files: int) -> tuple[list[Row], list[Row]]:
    """The findings (in report order) read by one process, and by two with ``shard_files`` files a shard."""
    contents = package(files)
    found = []
    for options in (PreflightOptions(workers=1), PreflightOptions(workers=2, shard_files=shard_files)):
        found.append([row(f) for f in run_preflight(contents, inventory=CORPUS_INVENTORY, options=options)])
    return found[0], found[1]


def first_moved(one: list[Row], two: list[Row]) -> str:
    """Where the same findings come in another order: the first place the two reports part."""
    at = next(i for i, (a, b) in enumerate(zip(one, two, strict=True)) if a != b)
    return f"order differs from finding {at}: {one[at][:3]} with one process, {two[at][:3]} with two"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="*")
    parser.add_argument("--no-packages", action="store_true")
    parser.add_argument("--shard-files", type=int, default=1)
    args = parser.parse_args()
    summary: list[str] = []
    total = differing = 0
    for name, files in inputs(not args.no_packages, set(args.names)):
        ordered_one, ordered_two = compared(files, args.shard_files)
        one, two = Counter(ordered_one), Counter(ordered_two)
        only_one, only_two = one - two, two - one
        for sign, rows in (("-", only_one), ("+", only_two)):
            for r, n in sorted(rows.items(), key=repr):
                print(f"{sign} {name}\t{json.dumps([*r[:3], r[4], r[3]], default=str)}" + (f" x{n}" if n > 1 else ""))
        diff = sum(only_one.values()) + sum(only_two.values())
        moved = not diff and ordered_one != ordered_two
        if moved:
            print(f"~ {name}\t{first_moved(ordered_one, ordered_two)}")
        summary.append(
            f"{name}: {len(files)} files, {sum(one.values())} findings with one process, "
            f"{sum(two.values())} with two; {diff} differ" + ("; same findings in another order" if moved else "")
        )
        print(f"# {summary[-1]}", flush=True)  # as it goes: a whole package takes a while
        total += 1
        differing += bool(diff) or moved
    print("\n".join(summary))
    print(f"{total} inputs, {differing} differ")


if __name__ == "__main__":
    main()
