"""A fetched response written to a file, in a Python install program: the fetch is a download saved there.

``res = requests.get(URL)``, ``content = res.content``, ``with open("install.sh", "wb") as f: f.write(content)`` saves
what ``URL`` served at ``install.sh``, as ``curl -o install.sh URL`` does; a later ``os.system("sh install.sh")`` then
runs the download. Read by name over the file's nodes once (no flow: a name is the response when some assignment
binds it to a fetch): the response's name, names bound to its body (``res.content``, ``res.text``, ``res.read()``,
``res.iter_content(…)``…), a file object bound by ``open(path, "w…")`` (``with … as f`` or ``f = open(…)``), and a
``f.write(x)`` of the response or its body, or ``shutil.copyfileobj(res, f)`` (the response bound by ``res = …`` or
``with urlopen(URL) as res``); the file may also be written as it is opened
(``open(path, "wb").write(res.content)``). A body wrapped as a file in memory (``io.BytesIO(res.content)``, which an
archive opener then reads: ``zipfile.ZipFile(io.BytesIO(res.content))``) is saved there too, the ``BytesIO`` call
standing for the file. A name bound to several fetches is, at a write, the latest bound above it. The result maps
each such fetch call to the path expression written."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Callable
from typing import TypeGuard


def _name_of(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else None


def _body_of(node: ast.expr) -> str | None:
    """The response name whose body ``node`` is: ``res``, ``res.content``, ``res.read()``, ``res.iter_content(…)``."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        node = node.value
    return _name_of(node)


def _opened_for_write(node: ast.expr, writes: Callable[[ast.Call], bool]) -> ast.expr | None:
    """The path of ``open(path, "wb")`` (a call that writes), else None."""
    if isinstance(node, ast.Call) and _name_of(node.func) == "open" and node.args and writes(node):
        return node.args[0]
    return None


def _unclosed(node: ast.expr) -> ast.expr:
    """What ``contextlib.closing(X)`` wraps (``with closing(urlopen(URL)) as fp``: ``fp`` is the response), else the
    node itself."""
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else _name_of(func)
        if name == "closing":
            return node.args[0]
    return node


def _copies(node: ast.AST) -> TypeGuard[ast.Call]:
    """``shutil.copyfileobj(source, target)``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "copyfileobj"
        and len(node.args) >= 2
    )


def _in_memory(node: ast.AST) -> TypeGuard[ast.Call]:
    """``io.BytesIO(x)``/``BytesIO(x)``: a value held as a file in memory."""
    if not isinstance(node, ast.Call) or len(node.args) != 1:
        return False
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr == "BytesIO" and _name_of(func.value) == "io"
    return _name_of(func) == "BytesIO"


def saved_fetches(
    nodes: list[ast.AST], is_fetch: Callable[[ast.AST], bool], writes: Callable[[ast.Call], bool]
) -> dict[int, ast.expr]:
    """id(fetch call) -> the path expression its response is written to."""
    fetches: dict[str, list[ast.Call]] = {}  # response name -> the fetches bound to it, in the file's order
    derived: dict[str, str] = {}  # name bound to a body -> the name it came from
    files: dict[str, list[tuple[int, ast.expr]]] = {}  # file object name -> (line, path) of each open for writing
    written: list[tuple[str, str, int]] = []  # (file object, value name, line) of each ``f.write(name…)``
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and (target := _name_of(node.targets[0])):
            if is_fetch(node.value):
                fetches.setdefault(target, []).append(node.value)  # type: ignore[arg-type]  # is_fetch: an ast.Call
            elif (path := _opened_for_write(node.value, writes)) is not None:
                files.setdefault(target, []).append((node.lineno, path))
            elif (source := _body_of(node.value)) is not None and source != target:
                derived.setdefault(target, source)
        elif isinstance(node, ast.withitem) and (target := _name_of(node.optional_vars or ast.Constant(None))):
            if is_fetch(wrapped := _unclosed(node.context_expr)):
                fetches.setdefault(target, []).append(wrapped)  # type: ignore[arg-type]  # ``with urlopen…``
            elif (path := _opened_for_write(node.context_expr, writes)) is not None:
                files.setdefault(target, []).append((node.context_expr.lineno, path))
        elif _in_memory(node) and (value := _body_of(node.args[0])):
            memory = f"<memory {id(node)}>"  # ``io.BytesIO(res.content)``: the body held as a file in memory
            files[memory] = [(node.lineno, node)]  # the BytesIO call stands for the file
            written.append((memory, value, node.lineno))
        elif _copies(node) and (value := _body_of(node.args[0])) and (handle := _name_of(node.args[1])):
            written.append((handle, value, node.lineno))  # ``shutil.copyfileobj(resp, out)``: written to ``out``
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "write":
            handle, value = _name_of(node.func.value), _body_of(node.args[0]) if node.args else None
            if handle is None and (path := _opened_for_write(node.func.value, writes)) is not None:
                handle = f"<open {id(node)}>"  # ``open("server/app.jar", "wb").write(res.content)``: no name between
                files[handle] = [(node.lineno, path)]
            if handle and value:
                written.append((handle, value, node.lineno))
    saved: dict[int, ast.expr] = {}
    for handle, value, line in written:
        source = derived.get(value, value)
        # the latest fetch bound to the name before the write (a name reused by two functions: each its own)
        before = [f for f in fetches.get(source, []) if f.lineno <= line]
        fetch = max(before, key=lambda f: f.lineno) if before else None
        # the file the name was opened on last before the write (``fh`` reused by two functions: each its own)
        opened = [(at, path) for at, path in files.get(handle, []) if at <= line]
        if fetch is not None and opened:
            saved.setdefault(id(fetch), max(opened, key=lambda o: o[0])[1])
    return saved


_DIGESTS = frozenset({"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b"})
_MAX_WALK = 64  # nodes of one comparison looked through


def _compares(node: ast.AST) -> bool:
    """A comparison (``digest != EXPECTED``) or ``hmac.compare_digest(a, b)``: where a digest checks something."""
    if isinstance(node, ast.Compare):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "compare_digest"


def digested_saves(
    nodes: list[ast.AST], is_fetch: Callable[[ast.AST], bool], saved: dict[int, ast.expr]
) -> dict[int, tuple[str, ast.expr]]:
    """id(``hashlib.<alg>(body)`` call) -> (alg, the path the response's body was saved to): a digest of a fetched
    body compared with an expected one (``hashlib.sha256(res.content).hexdigest() != EXPECTED``, ``compare_digest``)
    checks the file it was saved as, as ``sha256sum -c`` does (also a name bound to the body, ``data =
    res.content``); a digest only computed or printed checks nothing."""
    fetches: dict[str, list[ast.Call]] = {}
    derived: dict[str, str] = {}
    for node in nodes:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and (target := _name_of(node.targets[0])):
            if is_fetch(node.value) and isinstance(node.value, ast.Call):
                fetches.setdefault(target, []).append(node.value)
            elif (source := _body_of(node.value)) is not None and source != target:
                derived.setdefault(target, source)
    found: dict[int, tuple[str, ast.expr]] = {}
    for node in (n for n in nodes if _compares(n)):
        for call in itertools.islice(ast.walk(node), _MAX_WALK):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.args):
                continue
            if call.func.attr not in _DIGESTS or _name_of(call.func.value) != "hashlib":
                continue
            body = _body_of(call.args[0])
            before = [f for f in fetches.get(derived.get(body or "", body or ""), []) if f.lineno <= call.lineno]
            path = saved.get(id(max(before, key=lambda f: f.lineno))) if before else None
            if path is not None:
                found[id(call)] = (call.func.attr, path)
    return found
