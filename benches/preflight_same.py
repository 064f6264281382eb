"""Every preflight finding on a fixed set of inputs, one sorted line each: the guard that a change meant only to
make preflight faster leaves its findings as they were.

    python benches/preflight_same.py OUT [--files 500] [--no-packages]

Inputs: the bench's replicated package (``benches/preflight.py``; ``--files`` files of 10 KiB on average, read
by one process and, forced, by two), each real-world corpus file and each hold-out file as a package of its own
(as ``tests/preflight/test_corpus.py`` and the hold-out scorers run them), and the whole packages of
``tests/preflight/packages`` that are already in the local cache (none is fetched). Each finding is written as
``input`` then ``path, line, code, severity, message`` and the evidence as JSON (sorted keys: a line break in
a message stays on its line), and the facts the plan reads of the replicated package as one digest of their
``repr``. Run it on two trees and ``diff`` the outputs: a change that keeps every finding leaves no difference."""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests" / "preflight"
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(ROOT / "benches"))

from corpus_score import CORPUS_INVENTORY, load_labels  # noqa: E402
from preflight_kit import INVENTORY, package  # noqa: E402

from preflight import replicated  # noqa: E402
from shipgate.findings import Finding  # noqa: E402
from shipgate.preflight import PreflightOptions, preflight_and_facts, run_preflight  # noqa: E402


def rows(name: str, findings: Iterable[Finding]) -> Iterator[str]:
    """One line per finding: where it is, what it says, and its evidence."""
    for f in findings:
        evidence = json.dumps(f.evidence, sort_keys=True, default=repr)
        line = f.evidence.get("line")
        text = json.dumps([f.path, line, f.code, str(f.severity), f.message])
        yield f"{name}\t{text}\t{evidence}"


def labelled_sets() -> Iterator[tuple[str, Path]]:
    """(name, folder) of the corpus and of every hold-out set: a folder with ``labels/`` beside the files."""
    yield "corpus", TESTS / "corpus"
    for folder in sorted(TESTS.glob("holdout*")):
        if (folder / "labels").is_dir():
            yield folder.name, folder


def one_file_packages() -> Iterator[str]:
    for set_name, folder in labelled_sets():
        for entry in load_labels(folder / "labels"):
            stored = folder / entry.repo.replace("/", "__") / entry.path
            found = run_preflight(package({entry.path: stored.read_bytes()}), inventory=CORPUS_INVENTORY)
            yield from rows(f"{set_name}:{entry.repo}", found)


def packages_loader() -> ModuleType:
    """tests/preflight/packages/loader.py (a script folder, not a package): the pinned whole packages."""
    spec = importlib.util.spec_from_file_location("whole_packages_loader", TESTS / "packages" / "loader.py")
    assert spec is not None and spec.loader is not None
    loader = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = loader
    spec.loader.exec_module(loader)
    return loader


def whole_packages() -> Iterator[str]:
    """The pinned whole packages whose extracted tree is already cached."""
    loader = packages_loader()
    for entry in loader.pinned():
        tree = loader.CACHE / "trees" / f"{entry.sha256[:16]}-{entry.name}"
        if not tree.is_dir():
            continue
        found = run_preflight(package(dict(loader.files(entry))), inventory=CORPUS_INVENTORY)
        yield from rows(f"package:{entry.name}", found)


def replicated_package(count: int) -> Iterator[str]:
    contents = package(replicated(count, count / 100))
    for workers in (1, 2):
        options = PreflightOptions(max_total_bytes=1 << 40, workers=workers)
        found, facts = preflight_and_facts(contents, inventory=INVENTORY, options=options)
        yield from rows(f"replicated-{count}-workers-{workers}", found)
        digest = hashlib.sha256(repr(facts).encode("utf-8", "surrogateescape")).hexdigest()
        yield f"replicated-{count}-workers-{workers}\tfacts\t{digest}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--no-packages", action="store_true")
    args = parser.parse_args()
    lines = [*replicated_package(args.files), *one_file_packages()]
    if not args.no_packages:
        lines.extend(whole_packages())
    lines.sort()
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogateescape")
    print(f"{len(lines)} lines -> {args.out}")


if __name__ == "__main__":
    main()
