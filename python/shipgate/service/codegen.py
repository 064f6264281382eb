"""Regenerate ``python/shipgate/v1/`` from ``proto/shipgate/v1/*.proto`` (a development command).

    python -m shipgate.service.codegen            # rewrite the generated files in the source tree
    python -m shipgate.service.codegen --check    # exit 1 and name the files that differ

The generated modules are committed and shipped in the wheel, never generated at run time: code written
at run time to a cache or temporary directory is code another local user may have planted first
(issue 15.2). maturin has no build hook to run ``protoc``, so the files are generated here, by pinned
generators (the ``test`` extra pins ``grpcio-tools`` and ``mypy-protobuf``), and
``tests/service/test_codegen.py`` fails when they are not what this command writes.

Output per proto file: ``*_pb2.py`` (messages), ``*_pb2_grpc.py`` (service stubs and servicers), and their
type stubs ``*_pb2.pyi``/``*_pb2_grpc.pyi`` (mypy-protobuf), which type the service for mypy strict.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from shipgate.errors import ShipgateError

PROTO_PACKAGE = Path("shipgate") / "v1"
SOURCE_ROOT = Path(__file__).resolve().parents[3]
GENERATED_SUFFIXES = ("_pb2.py", "_pb2.pyi", "_pb2_grpc.py", "_pb2_grpc.pyi")


class CodegenError(ShipgateError):
    """The gRPC code could not be generated (proto files missing, protoc failed)."""


def proto_files(root: Path) -> list[Path]:
    files = sorted((root / PROTO_PACKAGE).glob("*.proto"))
    if not files:
        raise CodegenError(f"no .proto files in {root / PROTO_PACKAGE}")
    return files


def generate(proto_root: Path, out: Path) -> list[Path]:
    """Run protoc with the Python, gRPC and mypy plugins; returns the files written under ``out``."""
    from importlib.resources import files as resource_files

    from grpc_tools import protoc

    plugins = Path(sys.executable).parent
    well_known = str(resource_files("grpc_tools") / "_proto")
    files = proto_files(proto_root)
    args = [
        "grpc_tools.protoc",
        f"-I{proto_root}",
        f"-I{well_known}",
        f"--plugin=protoc-gen-mypy={plugins / 'protoc-gen-mypy'}",
        f"--plugin=protoc-gen-mypy_grpc={plugins / 'protoc-gen-mypy_grpc'}",
        f"--python_out={out}",
        f"--grpc_python_out={out}",
        f"--mypy_out={out}",
        f"--mypy_grpc_out={out}",
        *(str(p.relative_to(proto_root)) for p in files),
    ]
    status = protoc.main(args)
    if status != 0:
        raise CodegenError(f"protoc failed ({status}) on {', '.join(p.name for p in files)}")
    return sorted(p for p in (out / PROTO_PACKAGE).iterdir() if p.name.endswith(GENERATED_SUFFIXES))


def differences(source_root: Path = SOURCE_ROOT) -> list[str]:
    """Generated files that are missing, stale or extra in ``python/shipgate/v1/``."""
    committed_dir = source_root / "python" / PROTO_PACKAGE
    with tempfile.TemporaryDirectory() as scratch:
        fresh = {p.name: p.read_bytes() for p in generate(source_root / "proto", Path(scratch))}
    committed = {p.name: p.read_bytes() for p in committed_dir.iterdir() if p.name.endswith(GENERATED_SUFFIXES)}
    return sorted(name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name))


def regenerate(source_root: Path = SOURCE_ROOT) -> list[str]:
    """Rewrite ``python/shipgate/v1/``'s generated files; returns their names."""
    committed_dir = source_root / "python" / PROTO_PACKAGE
    for stale in committed_dir.iterdir():
        if stale.name.endswith(GENERATED_SUFFIXES):
            stale.unlink()
    with tempfile.TemporaryDirectory() as scratch:
        written = generate(source_root / "proto", Path(scratch))
        for path in written:
            shutil.copyfile(path, committed_dir / path.name)
    return [p.name for p in written]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m shipgate.service.codegen", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on a difference")
    args = parser.parse_args(argv)
    if args.check:
        stale = differences()
        for name in stale:
            print(f"stale: python/shipgate/v1/{name}", file=sys.stderr)
        return 1 if stale else 0
    for name in regenerate():
        print(f"wrote python/shipgate/v1/{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
