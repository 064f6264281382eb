"""Whole real packages laid out as preflight sees them (tests/preflight/packages, see its README.md).

A package in ``packages.toml`` is fetched once by URL (``tests/pinned_files.py``: the same cache, the same
SHA-256/size pin, skipped when offline) and laid out as a tree:

- a ``.deb``: its maintainer scripts (``preinst``, ``postinst``, ``prerm``, ``postrm``, ``config``) from
  control.tar at the root, and every regular file of data.tar at its installed path (``usr/bin/x``, ``etc/x``);
- an sdist (``.tar.gz``): its tree, the top folder (``name-version/``) taken off.

Links and folders are not files of the package. The tree is kept under the cache (``trees/<sha256[:16]>-<name>/``)
with a ``.complete`` marker, so a later run reads files, not the archive.
"""

from __future__ import annotations

import io
import shutil
import sys
import tarfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # tests/: pinned_files

from pinned_files import CACHE, deb_members, fetched  # noqa: E402

MAINTAINER_SCRIPTS = ("preinst", "postinst", "prerm", "postrm", "config")
_MAX_MEMBER = 64 << 20


@dataclass(frozen=True)
class Pinned:
    name: str
    kind: str
    version: str
    what: str
    licence: str
    url: str
    sha256: str
    size: int
    round: int = 1


def pinned(path: Path = HERE / "packages.toml") -> list[Pinned]:
    return [Pinned(**entry) for entry in tomllib.loads(path.read_text())["package"]]


def _regular(tar: tarfile.TarFile) -> Iterator[tuple[str, bytes]]:
    for info in tar:
        if not info.isreg() or info.size > _MAX_MEMBER:
            continue
        member = tar.extractfile(info)
        if member is not None:
            yield info.name.removeprefix("./"), member.read()


def _deb_files(archive: Path) -> Iterator[tuple[str, bytes]]:
    members = dict(deb_members(archive.read_bytes()))
    control = next(body for name, body in members.items() if name.startswith("control.tar"))
    with tarfile.open(fileobj=io.BytesIO(control), mode="r:*") as tar:
        yield from ((name, body) for name, body in _regular(tar) if name in MAINTAINER_SCRIPTS)
    data = next(body for name, body in members.items() if name.startswith("data.tar"))
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as tar:
        yield from _regular(tar)


def _sdist_files(archive: Path) -> Iterator[tuple[str, bytes]]:
    with tarfile.open(archive, mode="r:*") as tar:
        for name, body in _regular(tar):
            _, _, inside = name.partition("/")
            if inside:
                yield inside, body


def _safe(path: str) -> bool:
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and ".." not in parts and "" not in parts


def tree(package: Pinned) -> Path:
    """The package's files laid out under the cache, extracted on first use."""
    root = CACHE / "trees" / f"{package.sha256[:16]}-{package.name}"
    if (root / ".complete").is_file():
        return root
    archive = fetched(package.url, package.sha256, package.size)
    shutil.rmtree(root, ignore_errors=True)
    files = _deb_files(archive) if package.kind == "deb" else _sdist_files(archive)
    for path, body in files:
        if _safe(path):
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(body)
    (root / ".complete").write_text(package.sha256)
    return root


def files(package: Pinned) -> dict[str, bytes]:
    """Path in the package -> bytes, as preflight is given them."""
    root = tree(package)
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).as_posix() != ".complete"
    }
