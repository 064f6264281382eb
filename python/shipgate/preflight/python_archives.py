"""Archives a Python install program unpacks, read as the ``tar``/``unzip`` that does the same.

``with tarfile.open("/tmp/agent.tgz") as tar: tar.extractall("/opt/agent")`` unpacks the archive into
``/opt/agent`` as ``tar -xf /tmp/agent.tgz -C /opt/agent`` does, so an archive the program downloaded and then
unpacks and runs is read by the shell checks (``unverified_download_exec``) as the shell script is. Read by name over
the file's nodes once (no flow): a name bound to ``tarfile.open(P)``/``TarFile(P)``/``zipfile.ZipFile(P)`` (``with … as
tar`` or ``tar = …``), then ``tar.extractall(D)``/``tar.extract(M, D)`` of it; also the call chained
(``tarfile.open(P).extractall(D)``) and ``shutil.unpack_archive(P, D)``. The result maps each extracting call to the
archive kind, the archive's path expression and the directory expression (None: the working directory)."""

from __future__ import annotations

import ast
from dataclasses import dataclass

_OPENERS = {("tarfile", "open"): "tar", ("tarfile", "TarFile"): "tar", ("zipfile", "ZipFile"): "zip"}
_BARE_OPENERS = {"TarFile": "tar", "ZipFile": "zip"}


@dataclass(frozen=True)
class Unpack:
    """An archive unpacked: ``tar`` or ``zip``, the archive's path and the directory it is unpacked in."""

    kind: str
    archive: ast.expr
    directory: ast.expr | None


def _opened(node: ast.expr | None) -> tuple[str, ast.expr] | None:
    """``tarfile.open(P)``/``zipfile.ZipFile(P)``: (kind, P); also ``tarfile.open(fileobj=F)``."""
    if not isinstance(node, ast.Call):
        return None
    given = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "fileobj"), None)
    if given is None:
        return None
    func = node.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        kind = _OPENERS.get((func.value.id, func.attr))
    else:
        kind = _BARE_OPENERS.get(func.id) if isinstance(func, ast.Name) else None
    return (kind, given) if kind else None


def _directory(call: ast.Call, index: int) -> ast.expr | None:
    given = call.args[index] if len(call.args) > index else None
    return given or next((k.value for k in call.keywords if k.arg in ("path", "extract_dir")), None)


def unpacks(nodes: list[ast.AST]) -> dict[int, Unpack]:
    """id(extracting call) -> what it unpacks where."""
    archives: dict[str, tuple[str, ast.expr]] = {}  # name bound to an opened archive -> (kind, path)
    for node in nodes:
        if isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
            bound, value = node.optional_vars, node.context_expr
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            bound, value = node.targets[0], node.value
        else:
            continue
        if (opened := _opened(value)) is not None:
            archives[bound.id] = opened
    found: dict[int, Unpack] = {}
    for node in nodes:
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        func = node.func
        if func.attr == "unpack_archive" and isinstance(func.value, ast.Name) and func.value.id == "shutil":
            if node.args:
                found[id(node)] = Unpack("tar", node.args[0], _directory(node, 1))
            continue
        if func.attr not in ("extractall", "extract"):
            continue
        base = func.value
        opened = archives.get(base.id) if isinstance(base, ast.Name) else _opened(base)
        if opened is not None:
            found[id(node)] = Unpack(opened[0], opened[1], _directory(node, 0 if func.attr == "extractall" else 1))
    return found
