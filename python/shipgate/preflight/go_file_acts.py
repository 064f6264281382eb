"""What a Go install program does with archives and its output, written as the shell that does the same (session
22's probes), for ``go_script``:

- an archive unpacked entry by entry: a reader from ``tar.NewReader(r)`` (``r`` through ``gzip``/``bzip2``/``xz``/
  ``zstd`` readers back to ``os.Open(P)`` or a response's ``Body``) or ``zip.OpenReader(P)``, an entry from its
  ``Next()`` (tar) or a ``range`` over its ``File`` (zip), and a file created at ``filepath.Join(D, entry.Name)``
  (also ``path.Join``, ``D + "/" + entry.Name``) is ``tar -xf P -C D`` / ``unzip -o P -d D`` at the create; from a
  response's body, ``curl -fsSL URL | tar -xf - -C D``. A downloaded archive unpacked and run is then
  ``unverified_download_exec``, as in shell;
- a value printed: ``fmt.Print*``/``fmt.Fprint*`` to ``os.Stdout``/``os.Stderr`` and ``log.Print*``/``log.Fatal*``
  of a name, a field or ``os.Getenv("X")`` is ``echo`` of it, named as its own shell variable (``fmt.Println("token:",
  token)`` is ``echo "token:" "${token}"``), so a printed secret is ``secret_printed``; literals only: not written.

Names are followed through the file's bindings (the last one a name has); bounded by ``MAX_HOPS``."""

from __future__ import annotations

import re
from collections.abc import Callable

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

MAX_HOPS = 12
MAX_SHOWN = 16
UNKNOWN = "${GO_VALUE}"
_DECOMPRESSORS = frozenset({"gzip", "bzip2", "xz", "zstd", "lzma", "pgzip"})
_CREATES = frozenset({"Create", "OpenFile", "WriteFile", "MkdirAll", "Mkdir"})
_PRINTS = re.compile(r"^(?:Print|Fatal|Panic)(?:f|ln)?$")
_FPRINT = re.compile(r"^Fprint(?:f|ln)?$")


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _callee(call: Node) -> tuple[str, str]:
    function = call.child_by_field_name("function")
    if function is not None and function.type == "selector_expression":
        return _text(function.child_by_field_name("operand")), _text(function.child_by_field_name("field"))
    return "", _text(function)


def _arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [a for a in (args.named_children if args is not None else []) if a.type != "comment"]


class _Archives:
    """The file's archive readers and their entries, from its bindings."""

    def __init__(self, bindings: list[tuple[Node, Node]], nodes: list[Node], is_body: Callable[[Node], bool]) -> None:
        self.values = {_text(name): value for name, value in bindings}
        self.is_body = is_body
        self.readers: dict[str, tuple[str, Node | None]] = {}  # reader name -> (tar|zip, archive path; None: a body)
        for name, value in bindings:
            source = self.source(value, 0)
            if source is not None:
                self.readers[_text(name)] = source
        self.entries: dict[str, str] = {}  # entry name -> its reader's name
        for name, value in bindings:
            if value.type == "call_expression" and _callee(value)[1] == "Next" and _callee(value)[0] in self.readers:
                self.entries[_text(name)] = _callee(value)[0]
        for node in nodes:
            if node.type == "range_clause":
                self._range(node)

    def _range(self, clause: Node) -> None:
        """``for _, f := range r.File``: each ``f`` an entry of the zip reader ``r``."""
        left, right = clause.child_by_field_name("left"), clause.child_by_field_name("right")
        if left is None or right is None or right.type != "selector_expression":
            return
        reader = _text(right.child_by_field_name("operand"))
        names = [n for n in left.named_children if n.type == "identifier"]
        if reader in self.readers and _text(right.child_by_field_name("field")) == "File" and names:
            self.entries[_text(names[-1])] = reader

    def source(self, node: Node, hops: int) -> tuple[str, Node | None] | None:
        """(kind, path) of the archive a reader expression reads: ``tar.NewReader(gzip.NewReader(f))`` with ``f``
        from ``os.Open(P)``; path None when it reads a response's body."""
        if hops > MAX_HOPS or node.type != "call_expression":
            return None
        owner, name = _callee(node)
        args = _arguments(node)
        if owner == "zip" and name == "OpenReader" and args:
            return "zip", args[0]
        if (owner, name) in (("tar", "NewReader"), ("zip", "NewReader")) and args:
            path = self.origin(args[0], hops + 1)
            return None if path is False else (owner, path if isinstance(path, Node) else None)
        return None

    def origin(self, node: Node, hops: int) -> Node | bool | None:
        """The path a stream was opened from (``os.Open(P)``), None for a response's body, False when unknown."""
        for _ in range(MAX_HOPS - hops):
            if node.type == "unary_expression":
                node = node.child_by_field_name("operand") or node
            if self.is_body(node):
                return None
            if node.type == "identifier" and _text(node) in self.values:
                node = self.values[_text(node)]
                continue
            if node.type != "call_expression":
                return False
            owner, name = _callee(node)
            args = _arguments(node)
            if owner == "os" and name == "Open" and args:
                return args[0]
            if owner in _DECOMPRESSORS and name.startswith("NewReader") and args:
                node = args[0]
                continue
            return False
        return False

    def unpacked_into(self, target: Node) -> tuple[str, Node] | None:
        """(reader, directory) of ``filepath.Join(D, entry.Name)`` (also ``D + "/" + entry.Name``, or a name bound
        to one: ``oname := filepath.Join(odir, hdr.Name)``)."""
        if target.type == "identifier" and _text(target) in self.values:
            target = self.values[_text(target)]
        if target.type == "call_expression" and _callee(target) in (("filepath", "Join"), ("path", "Join")):
            parts = _arguments(target)
            if len(parts) >= 2:
                reader = self._entry_name(parts[-1])
                return (reader, parts[0]) if reader else None
        if target.type == "binary_expression":
            right, left = target.child_by_field_name("right"), target.child_by_field_name("left")
            reader = self._entry_name(right) if right is not None else None
            if reader and left is not None and left.type == "binary_expression":
                inner = left.child_by_field_name("left")
                return (reader, inner) if inner is not None else None
        return None

    def _entry_name(self, node: Node) -> str | None:
        """The reader of ``entry.Name`` (``hdr.Name``, ``f.Name``)."""
        if node.type != "selector_expression" or _text(node.child_by_field_name("field")) != "Name":
            return None
        return self.entries.get(_text(node.child_by_field_name("operand")))


def unpacks(
    bindings: list[tuple[Node, Node]],
    nodes: list[Node],
    is_body: Callable[[Node], bool],
    spell: Callable[[Node], str | None],
) -> list[Piece]:
    """(line, shell) of each archive unpacked, at the first file it creates in the directory."""
    archives = _Archives(bindings, nodes, is_body)
    if not archives.entries:
        return []
    out: list[Piece] = []
    done: set[str] = set()
    for node in nodes:
        if node.type != "call_expression" or _callee(node) not in {("os", c) for c in _CREATES}:
            continue
        args = _arguments(node)
        found = archives.unpacked_into(args[0]) if args else None
        if found is None or found[0] in done:
            continue
        reader, directory = found
        done.add(reader)
        kind, path = archives.readers[reader]
        into = spell(directory) or f'"{UNKNOWN}"'
        if path is None:
            out.append((_line(node), f'curl -fsSL "{UNKNOWN}" | tar -xf - -C {into}'))
        elif kind == "zip":
            out.append((_line(node), f"unzip -o {spell(path) or UNKNOWN} -d {into}"))
        else:
            out.append((_line(node), f"tar -xf {spell(path) or UNKNOWN} -C {into}"))
    return out


def _shown(node: Node) -> str:
    if node.type in ("interpreted_string_literal", "raw_string_literal"):
        inner = _text(node)[1:-1].replace("\\n", " ")
        return re.sub(r'([\\"`$])', r"\\\1", inner)
    if node.type == "identifier":
        return "${" + _text(node) + "}"
    if node.type == "selector_expression":
        return "${" + _text(node.child_by_field_name("field")) + "}"
    if node.type == "call_expression" and _callee(node) == ("os", "Getenv"):
        args = _arguments(node)
        key = _text(args[0])[1:-1] if args and args[0].type == "interpreted_string_literal" else ""
        return "${" + key + "}" if re.fullmatch(r"[A-Za-z_]\w*", key) else UNKNOWN
    return UNKNOWN


def printed(call: Node) -> str | None:
    """``echo`` of what ``fmt.Println``/``log.Printf``/``fmt.Fprintln(os.Stderr, …)`` prints; None when it prints
    only literals or is no such call."""
    owner, name = _callee(call)
    args = _arguments(call)
    if owner == "fmt" and _FPRINT.match(name) and args and _text(args[0]) in ("os.Stdout", "os.Stderr"):
        args = args[1:]
    elif not (owner in ("fmt", "log") and _PRINTS.match(name)):
        return None
    words = [_shown(a) for a in args[:MAX_SHOWN]]
    if not any("${" in w.replace(UNKNOWN, "") for w in words):
        return None
    return "echo " + " ".join(f'"{w}"' for w in words)
