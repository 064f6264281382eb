"""What a JavaScript/TypeScript install script writes to files and shows, written as the shell that does the
same at the call's line, so the shell checks judge it as they judge a shell installer (session 22's probes; the
archives it unpacks are read by ``js_unpacks``):

- a file appended to or written: ``fs.appendFile*(P, …)``/``fs.writeFile*(P, …)`` is ``: >> P`` (a shell profile
  written is ``persistence``); a write ``js_downloads`` already reads as the download's ``curl -o`` is left to it;
- a folder made (holdout120's adq-pingora): Node's ``fs.mkdir*(P)`` and fs-extra's ``fs.ensureDir*``/
  ``fs.mkdirs*``/``fs.mkdirp*`` (``const fs = require('fs-extra')``) are ``mkdir -p P``, so a folder made under
  ``/etc`` is judged as the shell's (copies and moves are ``js_unpacks``'); a path that is the parameter of a
  ``forEach`` callback over a list of literals is each of them, written as the shell loop (``js_loop_values``);
- a tree deleted: Node's ``fs.rmSync(P, { recursive: true })`` (also ``rm``, ``rmdir``, ``rmdirSync``) and fs-extra's
  ``fs.remove*``/``fs.emptyDir*`` are ``rm -rf -- P`` (``program_deletes``), so a data directory deleted is
  ``destructive_delete`` as in shell; one file removed, ``fs.unlink*(P)``, is ``rm -f -- P`` (a unit removed from
  ``/etc/systemd/system`` is root-only, holdout250);
- the same functions imported by name (``import { writeFileSync } from "node:fs"``: ``js_fs_names``);
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
from shipgate.preflight.js_loop_values import looped
from shipgate.preflight.program_deletes import removal
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

MAX_SHOWN = 16  # arguments of one console call written
_SHOWING = frozenset({"log", "info", "warn", "error"})
_WRITES = frozenset({"appendFile", "appendFileSync", "writeFile", "writeFileSync"})
_DECLARATIONS = frozenset({"lexical_declaration", "variable_declaration"})
_FOLDERS = frozenset(
    {"mkdir", "mkdirSync", "ensureDir", "ensureDirSync", "mkdirs", "mkdirsSync", "mkdirp", "mkdirpSync"}
)
# Node's deletes that remove a tree when given ``{ recursive: true }``, and fs-extra's that always do
_RECURSIVE_WITH_OPTION = frozenset({"rm", "rmSync", "rmdir", "rmdirSync"})
_TREE_REMOVES = frozenset({"remove", "removeSync", "emptyDir", "emptyDirSync"})
_FILE_REMOVES = frozenset({"unlink", "unlinkSync"})  # one file removed: ``rm -f -- P``


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _callee(call: Node, fs_names: dict[str, str] | None = None) -> tuple[str, str]:
    """(owner, name) of a call; a bare name the file took from the file-system module (``js_fs_names``) is ``fs``'s
    function of that name."""
    function = call.child_by_field_name("function")
    if function is not None and function.type == "member_expression":
        return _text(function.child_by_field_name("object")), _text(function.child_by_field_name("property"))
    name = _text(function)
    return ("fs", fs_names[name]) if function is not None and fs_names and name in fs_names else ("", name)


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]


def _shown(node: Node, bound: dict[str, Node]) -> str:
    """A shown value as the inside of a double-quoted word; a name bound to a mark (``_mark``) is no variable."""
    text = _text(node)
    if node.type == "string":
        literal = "".join(_text(c) for c in node.named_children if c.type == "string_fragment")
        return re.sub(r'([\\"`$])', r"\\\1", literal)
    if node.type == "identifier":
        return "${JS_VALUE}" if text in bound and _mark(bound[text]) else "${" + text + "}"
    if node.type == "member_expression":
        return "${" + _text(node.child_by_field_name("property")) + "}"
    if node.type == "template_string":
        return "".join(
            re.sub(r'([\\"`$])', r"\\\1", _text(c))
            if c.type == "string_fragment"
            else (_shown(c.named_children[0], bound) if c.named_children else "")
            for c in node.named_children
            if c.type in ("string_fragment", "template_substitution")
        )
    return "${JS_VALUE}"


def _mark(value: Node) -> bool:
    """A value that is a mark, not a secret: a string literal with no letter or digit (``"✓"``), or a call given only
    such literals (``const PASS = green("✓")``, a colouring helper): what it holds cannot be a credential, whatever the
    name it is bound to says (hold-out set 271's nova)."""
    if value.type == "string":
        return not any(ch.isalnum() for ch in _text(value))
    if value.type != "call_expression":
        return False
    args = _arguments(value)
    return bool(args) and all(a.type == "string" and _mark(a) for a in args)


def _echo(call: Node, bound: dict[str, Node]) -> str | None:
    words = [_shown(a, bound) for a in _arguments(call)[:MAX_SHOWN]]
    if not any("${" in w.replace("${JS_VALUE}", "") for w in words):
        return None
    return "echo " + " ".join(f'"{w}"' for w in words)


def pieces(
    calls: list[Node],
    written: set[int],
    bound: dict[str, Node] | None = None,
    fs_names: dict[str, str] | None = None,
) -> list[Piece]:
    """(line, shell) of the writes and shown values among ``calls``; ``written`` holds the lines where
    ``js_downloads`` already reads a write as a download, ``bound`` the names bound once in the file (the lists a
    ``forEach`` callback walks), ``fs_names`` the file-system functions the file imports by name."""
    out: list[Piece] = []
    for call in calls:
        owner, name = _callee(call, fs_names)
        shell = None
        if owner == "console" and name in _SHOWING:
            shell = _echo(call, bound or {})
        if shell is None and owner == "fs" and _line(call) not in written:
            shell = _file_act(name, _arguments(call), bound or {})
        if shell is not None:
            out.append((_line(call), shell))
    return out


def _file_act(name: str, args: list[Node], bound: dict[str, Node]) -> str | None:
    """The shell of an ``fs`` call that writes a file, makes a folder or deletes a tree; None for other calls or an
    unknown path. A path that is a ``forEach`` callback's parameter over a list of literals is each of them, in a
    shell loop."""
    if args and _removes_tree(name, args):
        return _tree_removal(args[0], bound)
    acts = name in _WRITES or name in _FOLDERS or name in _FILE_REMOVES
    target = path_word(scoped_value(args[0])) if args and acts else None
    if target is None:
        return None
    if name in _FILE_REMOVES:
        return looped(args[0], f"rm -f -- {target}", bound)
    return looped(args[0], f": >> {target}" if name in _WRITES else f"mkdir -p {target}", bound)


def written_path(call: Node, fs_names: dict[str, str] | None = None) -> str | None:
    """The path an ``fs`` write (``fs.writeFileSync(P, …)``, ``fs.appendFile(P, …)``, or ``writeFileSync(P, …)``
    imported by name: ``fs_names``) names, as :func:`js_downloads.path_word` spells it; None for another call or a
    path not known."""
    owner, name = _callee(call, fs_names)
    args = _arguments(call)
    return path_word(scoped_value(args[0])) if owner == "fs" and name in _WRITES and args else None


def scoped_value(node: Node) -> Node:
    """A name declared in a block around ``node`` (a function's body, not the file's top level) with a string or
    template literal (``const path = '/etc/systemd/system/x.service'``, ``const unitPath =
    `/etc/systemd/system/${SERVICE_NAME}.service``` in holdout250's tadaima) is that literal: the innermost
    declaration is the one the name means there, though the file binds the same name elsewhere (``const path =
    require('path')``, holdout229's log-translation). Any other node is itself."""
    if node.type != "identifier":
        return node
    name, block = _text(node), node.parent
    while block is not None and block.type != "program":
        if block.type == "statement_block":
            for child in block.named_children:
                for decl in child.named_children if child.type in _DECLARATIONS else ():
                    if decl.type == "variable_declarator" and _text(decl.child_by_field_name("name")) == name:
                        value = decl.child_by_field_name("value")
                        literal = value is not None and value.type in ("string", "template_string")
                        return value if literal and value is not None else node
        block = block.parent
    return node


def _removes_tree(name: str, args: list[Node]) -> bool:
    """``fs.rmSync(P, { recursive: true, force: true })`` (also ``rm``, ``rmdir``, ``rmdirSync``) or fs-extra's
    ``fs.remove(P)``/``emptyDir(P)``: a tree deleted."""
    if name in _TREE_REMOVES:
        return True
    options = args[1] if len(args) > 1 and name in _RECURSIVE_WITH_OPTION else None
    return (
        options is not None
        and options.type == "object"
        and bool(re.search(r"\brecursive\s*:\s*true\b", _text(options)))
    )


def _tree_removal(path: Node, bound: dict[str, Node]) -> str | None:
    """``rm -rf -- P`` of a tree deleted (``program_deletes.removal``)."""
    target = path_word(path)
    if target is None:
        return None
    return looped(path, removal(target), bound)
