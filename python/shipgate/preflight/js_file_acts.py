"""What a JavaScript/TypeScript install script does to files and to its output, written as the shell that does the
same at the call's line, so the shell checks judge it as they judge a shell installer (session 22's probes):

- an archive unpacked: node-tar's ``tar.x``/``tar.extract({ file: F, cwd: D })`` (also ``f``/``C``) is ``tar -xf F
  -C D``; extract-zip's ``extract(F, { dir: D })``, ``decompress(F, D)`` and adm-zip's ``new AdmZip(F)`` then
  ``.extractAllTo(D)`` are ``unzip -o F -d D`` (``decompress`` of a name not ending ``.zip``: ``tar -xf``). A
  downloaded archive unpacked and run is then ``unverified_download_exec`` as in shell;
- a file appended to or written: ``fs.appendFile*(P, …)``/``fs.writeFile*(P, …)`` is ``: >> P`` (a shell profile
  written is ``persistence``); a write ``js_downloads`` already reads as the download's ``curl -o`` is left to it;
- a value shown: ``console.log/info/warn/error(…)`` of a name, a property or a template substitution is ``echo`` of
  it, each written as the shell variable of its own name (``console.log('Token:', token)`` is ``echo "Token:"
  "${token}"``, ``process.env.X`` is ``${X}``), so a printed secret is ``secret_printed``; a call that shows only
  literals is not written.

Paths are spelled by ``js_downloads.path_word`` (the variables that hold them, literals, ``path.join``); a path it
cannot spell is not written."""

from __future__ import annotations

import re

import tree_sitter

from shipgate.preflight.js_downloads import path_word
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

MAX_SHOWN = 16  # arguments of one console call written
_SHOWING = frozenset({"log", "info", "warn", "error"})
_WRITES = frozenset({"appendFile", "appendFileSync", "writeFile", "writeFileSync"})


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _callee(call: Node) -> tuple[str, str]:
    function = call.child_by_field_name("function")
    if function is not None and function.type == "member_expression":
        return _text(function.child_by_field_name("object")), _text(function.child_by_field_name("property"))
    return "", _text(function)


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]


def _option(node: Node, keys: tuple[str, ...]) -> Node | None:
    """The value of the first of ``keys`` in an object literal (``{ file: F, C: D }``)."""
    for pair in node.named_children if node.type == "object" else []:
        key = pair.child_by_field_name("key") if pair.type == "pair" else None
        if key is not None and _text(key).strip("'\"") in keys:
            return pair.child_by_field_name("value")
    return None


def _unpacked(command: str, archive: Node | None, directory: Node | None, flag: str) -> str | None:
    spelled = path_word(archive) if archive is not None else None
    if spelled is None:
        return None
    into = path_word(directory) if directory is not None else None
    return f"{command} {spelled}" + (f" {flag} {into}" if into else "")


def _unpack(call: Node, owner: str, name: str, zips: dict[str, Node]) -> str | None:
    args = _arguments(call)
    if owner == "tar" and name in ("x", "extract") and args and args[0].type == "object":
        return _unpacked("tar -xf", _option(args[0], ("file", "f")), _option(args[0], ("cwd", "C")), "-C")
    if not owner and name in ("extract", "extractZip") and len(args) > 1 and args[1].type == "object":
        return _unpacked("unzip -o", args[0], _option(args[1], ("dir",)), "-d")
    if not owner and name == "decompress" and len(args) > 1:
        command = "unzip -o" if _text(args[0]).strip("'\"`").endswith(".zip") else "tar -xf"
        return _unpacked(command, args[0], args[1], "-d" if command.startswith("unzip") else "-C")
    if name == "extractAllTo" and owner in zips and args:
        return _unpacked("unzip -o", zips[owner], args[0], "-d")
    return None


def _zips(root: Node) -> dict[str, Node]:
    """Names bound to ``new AdmZip(F)`` -> ``F``."""
    found: dict[str, Node] = {}
    stack = [root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if node.type != "variable_declarator":
            continue
        name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
        constructor = value.child_by_field_name("constructor") if value is not None else None
        arguments = value.child_by_field_name("arguments") if value is not None else None
        if name is None or constructor is None or _text(constructor) != "AdmZip" or arguments is None:
            continue
        given = [a for a in arguments.named_children if a.type != "comment"]
        if given:
            found[_text(name)] = given[0]
    return found


def _shown(node: Node) -> str:
    """A shown value as the inside of a double-quoted word."""
    text = _text(node)
    if node.type == "string":
        literal = "".join(_text(c) for c in node.named_children if c.type == "string_fragment")
        return re.sub(r'([\\"`$])', r"\\\1", literal)
    if node.type == "identifier":
        return "${" + text + "}"
    if node.type == "member_expression":
        return "${" + _text(node.child_by_field_name("property")) + "}"
    if node.type == "template_string":
        return "".join(
            re.sub(r'([\\"`$])', r"\\\1", _text(c))
            if c.type == "string_fragment"
            else (_shown(c.named_children[0]) if c.named_children else "")
            for c in node.named_children
            if c.type in ("string_fragment", "template_substitution")
        )
    return "${JS_VALUE}"


def _echo(call: Node) -> str | None:
    words = [_shown(a) for a in _arguments(call)[:MAX_SHOWN]]
    if not any("${" in w.replace("${JS_VALUE}", "") for w in words):
        return None
    return "echo " + " ".join(f'"{w}"' for w in words)


def pieces(calls: list[Node], root: Node, written: set[int]) -> list[Piece]:
    """(line, shell) of the unpacks, writes and shown values among ``calls``; ``written`` holds the lines where
    ``js_downloads`` already reads a write as a download."""
    zips = _zips(root)
    out: list[Piece] = []
    for call in calls:
        owner, name = _callee(call)
        shell = _unpack(call, owner, name, zips)
        if shell is None and owner == "console" and name in _SHOWING:
            shell = _echo(call)
        if shell is None and owner == "fs" and name in _WRITES and _line(call) not in written:
            args = _arguments(call)
            target = path_word(args[0]) if args else None
            shell = f": >> {target}" if target else None
        if shell is not None:
            out.append((_line(call), shell))
    return out
