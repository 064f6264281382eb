"""Archives a JavaScript/TypeScript install script unpacks, and the paths it builds, written as the shell that does
the same so the shell rule for fetched code (``fetched.py``) follows a fetched archive into the tree it is unpacked
into and on to the file of that tree the script makes executable (docs/preflight.md, ``unverified_download_exec``).
This module is the one reader of JavaScript archive unpacks.

- A **built path**: a name bound once to ``path.join(…)``/``path.resolve(…)`` of names, string literals, templates
  and ``+`` concatenations of them (``binaryPath = path.join(vendorDir, 'tool')``), written as the shell assignment
  ``binaryPath="${vendorDir}/tool"``, so a later ``chmod 755 -- "${binaryPath}"`` names a file of ``${vendorDir}``;
  also a name bound once to an absolute path written out (``binaryDest = '/usr/local/bin/tool'``, a template of
  known parts starting with ``/``), so a copy to it is a copy into ``/usr/local/bin`` (holdout120), and each such
  path of an object literal bound once (``const paths = { root: '/etc/x' }``: ``paths_root="/etc/x"``, the name the
  readers spell ``${paths.root}`` by).
- An **unpack** (written ``unzip -o FILE -d DIR`` or ``tar -xf FILE -C DIR``, without ``-d``/``-C`` when the call
  names no directory): ``new Zip(FILE).extract({path: DIR})`` (decompress-zip), ``extract(FILE, {dir: DIR})``
  (extract-zip), ``decompress(FILE, DIR)`` (``tar -xf`` unless FILE is a literal ending ``.zip``), ``tar.x``/
  ``tar.extract({file: FILE, cwd: DIR})`` (node-tar; also ``f``/``C``), ``new AdmZip(FILE).extractAllTo(DIR)`` (also
  through a name bound once to the ``new AdmZip(FILE)``), and an extractor a read of FILE is piped into
  (``fs.createReadStream(FILE).pipe(unzipper.Extract({path: DIR}))``); ``tar.x``/``tar.extract`` fed the response
  itself (``pipeline(res.body, gunzip(), tar.extract(DIR))``, ``res.pipe(tar.x({cwd: DIR}))``) is written ``curl … |
  tar -xz -C DIR``, as is adm-zip over the response's buffer (``new AdmZip(res.data).extractEntryTo(NAME, DIR)``).
- A **move or copy** (written ``mv -f FILE DEST`` / ``cp -f FILE DEST``): ``fs.rename*(FILE, DEST)``,
  ``fs.copyFile*(FILE, DEST)`` and fs-extra's ``move``/``copy``, so a download moved into a ``bin`` directory
  (``fs.rename(pkg, path.join(binDir, 'tool'))``) is installed, as ``mv`` of it is in a shell script; a destination
  that is a ``forEach`` callback's parameter over a list of literals is each of them (``js_loop_values``).

Any part that is not such an expression leaves the path unknown and the step unwritten (as ``js_downloads`` spells
paths by the names that hold them); every expression is read at most :data:`MAX_DEPTH` deep."""

from __future__ import annotations

import re
from collections.abc import Callable

import tree_sitter

from shipgate.preflight.js_downloads import bindings, calls_in, fetched_test, path_word
from shipgate.preflight.js_fs_names import module_functions
from shipgate.preflight.js_loop_values import looped
from shipgate.preflight.js_path_module import path_module_names
from shipgate.preflight.js_url_values import once_bound
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

MAX_DEPTH = 8
_PATH_CALLS = frozenset({"join", "resolve"})
_DIRECTORY_KEYS = ("path", "dir", "cwd", "C")
_NAME = re.compile(r"[A-Za-z_]\w*")
_FILE_MODULES = frozenset({"fs", "fsp", "fse", "promises", "fsPromises", "fsExtra"})
_MOVES = {"rename": "mv", "renameSync": "mv", "move": "mv", "moveSync": "mv"}
_COPIES = {"copyFile": "cp", "copyFileSync": "cp", "copy": "cp", "copySync": "cp"}
_TAR_MODULES = frozenset({"tar"})


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]


def _member(call: Node) -> tuple[Node | None, str]:
    """(object, property) of a call of a member (``path.join`` → (``path``, ``join``)); (None, name) otherwise."""
    function = call.child_by_field_name("function")
    if function is not None and function.type == "member_expression":
        return function.child_by_field_name("object"), _text(function.child_by_field_name("property"))
    return None, _text(function)


def _path_call(node: Node) -> bool:
    if node.type != "call_expression":
        return False
    owner, name = _member(node)
    if owner is None:  # ``const { join } = require("path")`` then ``join(binDir, binName)`` (holdout233)
        return name in _PATH_CALLS and name in path_module_names(node)
    return _text(owner).rsplit(".", 1)[-1] == "path" and name in _PATH_CALLS


def _absolute(node: Node) -> bool:
    """A string literal or template of known parts that names an absolute path (``'/usr/local/bin/tool'``,
    ```/usr/local/bin/${script}```): the name bound to it is where a later copy or write goes (holdout120)."""
    if node.type not in ("string", "template_string"):
        return False
    text = _path_text(node)
    return text is not None and text.startswith("/") and not text.startswith("//")


def _path_text(node: Node, depth: int = 0) -> str | None:
    """A path expression as the text inside the shell's double quotes; None when a part is unknown."""
    if depth > MAX_DEPTH:
        return None
    if node.type == "parenthesized_expression" and node.named_children:
        return _path_text(node.named_children[0], depth + 1)
    if node.type == "string":
        text = "".join(_text(c) for c in node.named_children if c.type == "string_fragment")
        return None if re.search(r'["$`\\]', text) else text
    if node.type == "binary_expression" and _text(node.child_by_field_name("operator")) == "+":
        sides = [node.child_by_field_name(side) for side in ("left", "right")]
        texts = [_path_text(side, depth + 1) if side is not None else None for side in sides]
        return None if texts[0] is None or texts[1] is None else texts[0] + texts[1]
    if _path_call(node):
        parts = [_path_text(a, depth + 1) for a in _arguments(node)]
        return None if not parts or None in parts else "/".join(p for p in parts if p is not None)
    word = path_word(node)
    return word[1:-1] if word is not None else None


def _quoted(node: Node | None) -> str | None:
    text = _path_text(node) if node is not None else None
    return f'"{text}"' if text else None


def _option(node: Node | None, keys: tuple[str, ...]) -> Node | None:
    """The value of the first of ``keys`` in an object literal (``{path: DIR}``; ``{cwd}`` shorthand too)."""
    for prop in node.named_children if node is not None and node.type == "object" else ():
        if prop.type == "shorthand_property_identifier" and _text(prop) in keys:
            return prop
        key = prop.child_by_field_name("key") if prop.type == "pair" else None
        if key is not None and _text(key).strip("'\"") in keys:
            return prop.child_by_field_name("value")
    return None


def _constructed(node: Node | None, bound: dict[str, Node]) -> Node | None:
    """The first argument of ``new X(FILE)``, also through a name bound once to it."""
    if node is not None and node.type == "identifier" and _text(node) in bound:
        node = bound[_text(node)]
    if node is None or node.type != "new_expression":
        return None
    args = node.child_by_field_name("arguments")
    named = [a for a in (args.named_children if args is not None else []) if a.type != "comment"]
    return named[0] if named else None


def _read_file(node: Node | None) -> Node | None:
    """``FILE`` of ``fs.createReadStream(FILE)``."""
    if node is None or node.type != "call_expression" or _member(node)[1] != "createReadStream":
        return None
    args = _arguments(node)
    return args[0] if args else None


def _piped_source(call: Node) -> Node | None:
    """The file an extractor call is fed from: ``fs.createReadStream(FILE).pipe(EXTRACTOR)``."""
    args = call.parent
    pipe = args.parent if args is not None and args.type == "arguments" else None
    if pipe is None or pipe.type != "call_expression" or _member(pipe)[1] != "pipe":
        return None
    return _read_file(_member(pipe)[0])


def _fed_from_fetch(call: Node, fetched: Callable[[Node], bool]) -> bool:
    """An extractor fed the response itself: ``pipeline(res.body, gunzip(), tar.extract(DIR))`` or
    ``res.pipe(tar.x({cwd: DIR}))``."""
    args = call.parent
    outer = args.parent if args is not None and args.type == "arguments" else None
    if outer is None or outer.type != "call_expression":
        return False
    owner, name = _member(outer)
    if name == "pipe":
        return owner is not None and fetched(owner)
    first = _arguments(outer)[:1]
    return name.endswith(("pipeline", "Pipeline")) and bool(first) and first[0].id != call.id and fetched(first[0])


def _unpack(
    call: Node, bound: dict[str, Node], fetched: Callable[[Node], bool], tar_names: frozenset[str] = frozenset()
) -> tuple[Node | None, Node | None, str] | None:
    """(archive, directory, tool) of an unpacking call, or None; the archive is None when the response is unpacked
    as it streams in (``fetch | tar -x``), the directory None when the call names none (the working directory).
    ``tar_names``: the names the file takes node-tar's ``x``/``extract`` under (``const { extract } =
    require("tar")``)."""
    owner, name = _member(call)
    args = _arguments(call)
    options = args[0] if args else None
    node_tar = owner is not None and _text(owner) == "tar" and name in ("x", "extract")
    node_tar = node_tar or (owner is None and name in tar_names)
    if node_tar and _fed_from_fetch(call, fetched):
        return None, _option(options, ("cwd", "C")) or options, "fetch"
    if name == "Extract" and owner is not None and _fed_from_fetch(call, fetched):
        # unzipper's ``response.pipe(unzipper.Extract({path: DIR}))``: the fetch unpacked as it streams in (holdout189)
        return None, _option(options, _DIRECTORY_KEYS), "fetch"
    if name in ("extractAllTo", "extractEntryTo") and len(args) > (name == "extractEntryTo"):
        # adm-zip: ``extractAllTo(DIR)``, ``extractEntryTo(ENTRY, DIR, …)``; over the response's own buffer
        # (``new AdmZip(response.data)``) the fetch is unpacked as it comes (holdout195's pull-watch)
        archive, directory = _constructed(owner, bound), args[name == "extractEntryTo"]
        return (None, directory, "fetch") if archive is not None and fetched(archive) else (archive, directory, "unzip")
    if name == "extract" and owner is not None and _constructed(owner, bound) is not None:
        return _constructed(owner, bound), _option(options, _DIRECTORY_KEYS), "unzip"
    if owner is None and name in ("extract", "extractZip") and len(args) > 1 and args[1].type == "object":
        return args[0], _option(args[1], ("dir",)), "unzip"
    if owner is None and name == "decompress" and len(args) > 1:
        zipped = _text(args[0]).strip("'\"`").endswith(".zip")
        return args[0], args[1], "unzip" if zipped else "tar"
    if node_tar:
        source = _option(options, ("file", "f")) or _piped_source(call)
        return source, _option(options, ("cwd", "C")) or options, "tar"
    if name in ("Extract", "extract") and _piped_source(call) is not None:
        return _piped_source(call), _option(options, _DIRECTORY_KEYS), "unzip"
    return None


def _unpack_shell(archive: str, directory: str | None, tool: str) -> str:
    """``unzip -o FILE -d DIR`` / ``tar -xf FILE -C DIR``, without the directory when the call names none."""
    if tool == "unzip":
        return f"unzip -o {archive}" + (f" -d {directory}" if directory else "")
    return f"tar -xf {archive}" + (f" -C {directory}" if directory else "")


def _moved(call: Node, bound: dict[str, Node]) -> str | None:
    """``mv -f FILE DEST`` / ``cp -f FILE DEST`` of ``fs.rename*(FILE, DEST)``, ``fs.copyFile*``, fs-extra's
    ``move``/``copy``."""
    owner, name = _member(call)
    tool = _MOVES.get(name) or _COPIES.get(name)
    args = _arguments(call)
    if tool is None or owner is None or _text(owner).rsplit(".", 1)[-1] not in _FILE_MODULES or len(args) < 2:
        return None
    source, dest = _quoted(args[0]), _quoted(args[1])
    return looped(args[1], f"{tool} -f {source} {dest}", bound) if source and dest else None


def _member_paths(name: str, value: Node) -> list[Piece]:
    """``NAME_KEY="/etc/x"`` for each absolute path of an object literal bound once to ``name`` (``const trojanPath
    = { root: '/etc/trojan-go', … }``): the script's commands name them as ``${trojanPath.root}``, which the readers
    spell ``${trojanPath_root}`` (``js_downloads.path_word``; hold-out set 262)."""
    if value.type != "object" or not _NAME.fullmatch(name):
        return []
    out: list[Piece] = []
    for pair in value.named_children:
        key, member = pair.child_by_field_name("key"), pair.child_by_field_name("value")
        if pair.type != "pair" or key is None or member is None or key.type != "property_identifier":
            continue
        text = _path_text(member) if _absolute(member) and _NAME.fullmatch(_text(key)) else None
        out += [(_line(member), f'{name}_{_text(key)}="{text}"')] if text else []
    return out


def pieces(root: Node, language: tree_sitter.Language) -> list[Piece]:
    """(line, shell) of the built paths, unpacks and moves of the script whose tree is ``root``."""
    bound = once_bound(bindings(root))
    fetched = fetched_test(root, language)
    tar_names = frozenset(k for k, v in module_functions(root, _TAR_MODULES).items() if v in ("x", "extract"))
    out: list[Piece] = []
    for name, value in bound.items():
        text = _path_text(value) if (_path_call(value) or _absolute(value)) and _NAME.fullmatch(name) else None
        if text:
            out.append((_line(value), f'{name}="{text}"'))
        out += _member_paths(name, value)
    for call in calls_in(root):
        moved = _moved(call, bound)
        if moved is not None:
            out.append((_line(call), moved))
        found = _unpack(call, bound, fetched, tar_names)
        archive, directory = (_quoted(found[0]), _quoted(found[1])) if found else (None, None)
        if found is not None and found[2] == "fetch" and directory is not None:
            out.append((_line(call), f'curl -fsSL "${{JS_VALUE}}" | tar -xz -C {directory}'))
        if found is not None and found[2] != "fetch" and archive is not None:
            out.append((_line(call), _unpack_shell(archive, directory, found[2])))
    return out
