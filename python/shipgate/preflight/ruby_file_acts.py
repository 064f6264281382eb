"""What a Ruby install or setup script does with files and its output, written as the shell that does the same at
the call's line (session 22's probes), for ``ruby_script``:

- ``File.write(P, DATA)`` (also ``File.binwrite``, ``IO.write``) whose data is fetched (``URI.open(URL).read``,
  ``open-uri``'s ``URI(URL).read``, ``Net::HTTP.get(URI(URL))``) is the download ``curl -fsSL -o P URL``, and so is
  ``File.open(P, "wb")`` whose block writes such data into the file (``{ |f| f.write(URI.open(URL).read) }``, ``f <<
  DATA``, ``IO.copy_stream(DATA, f)``) and ``IO.copy_stream(DATA, P)``; with other data, and ``File.open(P,
  "w"/"a"…)``, it is a write ``: >> P`` (a shell profile written is ``persistence``);
- ``puts``/``print``/``p`` (also on ``$stdout``/``$stderr``/``STDOUT``/``STDERR``) of a variable, a method's value
  or an interpolation is ``echo`` of it, named as its own shell variable (``puts "Password: #{password}"`` is ``echo
  "Password: ${password}"``; a setting read by a literal key, ``config.fetch(:admin_password)`` or
  ``settings[:token]``, is named by its key), so a printed secret is ``secret_printed``; literals only are not
  written;
- ``FileUtils.rm_rf(P)`` (also ``rm_r``, ``remove_dir``, ``remove_entry``) is ``rm -rf -- P``
  (``program_deletes``), so a data directory deleted is judged as the shell's delete; ``FileUtils.rm_f(P)`` (also
  ``rm``, ``remove_file``) is ``rm -f -- P``.

Values: literals, the file's string constants (``${NAME}``), ``ENV["X"]`` (``${X}``), ``Dir.home`` and the ``~`` of
``File.expand_path`` (``${HOME}``), ``File.join`` of known parts; anything else is unknown."""

from __future__ import annotations

import re
from collections.abc import Callable

import tree_sitter

from shipgate.preflight.program_deletes import removal

Piece = tuple[int, str]
Node = tree_sitter.Node

UNKNOWN = "${RB_VALUE}"
MAX_DEPTH = 32
_PRINTS = frozenset({"puts", "print", "p"})
_PRINT_OWNERS = frozenset({"$stdout", "$stderr", "STDOUT", "STDERR"})
_WRITES = frozenset({"write", "binwrite"})
# FileUtils' tree deletes (``rm_rf``, ``rm_r``, ``remove_dir``, ``remove_entry``…): ``rm -rf -- P``
_TREE_REMOVES = frozenset({"rm_rf", "rm_r", "rmtree", "remove_dir", "remove_entry", "remove_entry_secure"})
# FileUtils' file deletes: ``rm -f -- P`` (a unit file removed from ``/etc/systemd/system`` is a root-only step)
_FILE_REMOVES = frozenset({"rm", "rm_f", "remove_file", "safe_unlink"})
_WRITE_MODE = re.compile(r"['\"][wa]b?\+?['\"]")
_FETCHES = re.compile(
    r"\b(?:URI\.open|URI\([^)]*\)\.read|URI\.parse\([^)]*\)\.read|Net::HTTP\.get|open\(\s*['\"]https?://)"
)


def _text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "surrogateescape")


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _call(node: Node) -> tuple[str, str, list[Node]]:
    """(receiver, method, positional arguments) of a call."""
    receiver = node.child_by_field_name("receiver")
    method = node.child_by_field_name("method")
    args = node.child_by_field_name("arguments")
    named = [a for a in args.named_children if a.type not in ("pair", "hash")] if args is not None else []
    return (_text(receiver) if receiver is not None else "", _text(method) if method is not None else "", named)


class _Values:
    """Values as the inside of a double-quoted shell word."""

    def __init__(self, value: Callable[[Node], str]) -> None:
        self.value = value  # ruby_script's: constants and ENV

    def text(self, node: Node, depth: int = 0) -> str:
        if depth > MAX_DEPTH:
            return UNKNOWN
        if node.type == "string":
            return "".join(self.part(c, depth + 1) for c in node.named_children)
        if node.type in ("identifier", "instance_variable"):
            spelled = self.value(node) if node.type == "identifier" else UNKNOWN  # a method's one string
            return spelled if spelled != UNKNOWN else "${" + _text(node).lstrip("@") + "}"
        if node.type == "call":
            receiver, method, args = _call(node)
            if (receiver, method) == ("Dir", "home"):
                return "${HOME}"
            if (receiver, method) == ("File", "expand_path") and args:
                inner = self.text(args[0], depth + 1)
                return "${HOME}" + inner[1:] if inner.startswith("~") else inner
            if (receiver, method) == ("File", "join") and args:
                return "/".join(self.text(a, depth + 1) for a in args)
            owner = node.child_by_field_name("receiver")
            if not args and owner is not None and owner.type in ("identifier", "instance_variable"):
                return "${" + method + "}"  # ``config.password``: that object's value of the name (not ``Dir.pwd``)
            if method == "fetch" and owner is not None and owner.type in ("identifier", "instance_variable") and args:
                return _keyed(args[0])  # ``config.fetch(:admin_password)``: the setting of that name
            return UNKNOWN
        if node.type == "element_reference" and not _text(node).startswith("ENV["):
            owner, *keys = node.named_children
            if owner.type in ("identifier", "instance_variable") and len(keys) == 1:
                return _keyed(keys[0])  # ``settings[:db_password]``
        return self.value(node)

    def part(self, child: Node, depth: int) -> str:
        if child.type == "string_content":
            return re.sub(r'([\\"`$])', r"\\\1", _text(child))
        if child.type == "escape_sequence":
            return " "
        if child.type == "interpolation" and child.named_children:
            return self.text(child.named_children[0], depth + 1)
        return ""


def _keyed(key: Node) -> str:
    """A hash's or settings object's value read by a literal key (``:admin_password``, ``"token"``), named as its own
    shell variable, as ``config.password`` is; another key is unknown."""
    name = _text(key).lstrip(":").strip("'\"") if key.type in ("simple_symbol", "string") else ""
    return "${" + name + "}" if re.fullmatch(r"[A-Za-z_]\w*", name) else UNKNOWN


def _word(inside: str) -> str:
    return inside if re.fullmatch(r"[\w@%+=:,./-]+", inside) else f'"{inside}"'


def _url(data: Node, values: _Values) -> str | None:
    """The URL a fetch in ``data`` asks, when it is a literal or a constant of the file."""
    for node in _strings_and_constants(data):
        url = values.text(node)
        if "://" in url or url.startswith("${"):
            return url
    return None


def _block_fetch(opened: Node, values: _Values) -> tuple[int, str] | None:
    """The URL whose fetched data the block of a ``File.open(P, "w…")`` writes into the file: ``f.write(DATA)``,
    ``f << DATA``, ``IO.copy_stream(DATA, f)`` with DATA a fetch (``URI.open(URL).read``)."""
    block = next((c for c in opened.children if c.type in ("block", "do_block")), None)
    if block is None:
        return None
    for node in _walk_bounded(block):
        if node.type == "call":
            receiver, method, args = _call(node)
            data = args[0] if method in _WRITES and args and receiver else None
            data = args[0] if (receiver, method) == ("IO", "copy_stream") and len(args) >= 2 else data
        elif node.type == "binary" and _text(node.child_by_field_name("operator") or node) == "<<":
            data = node.child_by_field_name("right")
        else:
            continue
        if data is not None and _FETCHES.search(_text(data)) and (url := _url(data, values)):
            return _line(data), url
    return None


def _walk_bounded(root: Node, limit: int = 10_000) -> list[Node]:
    out: list[Node] = []
    stack = [root]
    while stack and len(out) < limit:
        node = stack.pop()
        out.append(node)
        stack.extend(reversed(node.named_children))
    return out


def _strings_and_constants(node: Node) -> list[Node]:
    out: list[Node] = []
    stack = [node]
    for _ in range(10_000):
        if not stack:
            break
        current = stack.pop()
        if (
            current.type in ("string", "constant")
            and current.parent is not None
            and current.parent.type == "argument_list"
        ):
            out.append(current)
        elif current.type != "string":
            stack.extend(reversed(current.named_children))
    return out


def pieces(nodes: list[Node], value: Callable[[Node], str]) -> list[Piece]:
    """(line, shell) of the writes, downloads and printed values among ``nodes``."""
    values = _Values(value)
    out: list[Piece] = []
    for node in nodes:
        if node.type != "call":
            continue
        receiver, method, args = _call(node)
        shell: str | None = None
        at = _line(node)
        target = values.text(args[0]) if args else UNKNOWN
        known = bool(target.replace(UNKNOWN, ""))
        if receiver in ("File", "IO") and method in _WRITES and len(args) >= 2 and known:
            url = _url(args[1], values) if _FETCHES.search(_text(args[1])) else None
            shell = f'curl -fsSL -o {_word(target)} "{url}"' if url else f": >> {_word(target)}"
        elif (
            (receiver, method) == ("File", "open")
            and len(args) >= 2
            and known
            and _WRITE_MODE.fullmatch(_text(args[1]))
        ):
            fetched = _block_fetch(node, values)  # ``File.open(P, "wb") { |f| f.write(URI.open(URL).read) }``
            at = fetched[0] if fetched else at  # the download at the fetch's line
            shell = f'curl -fsSL -o {_word(target)} "{fetched[1]}"' if fetched else f": >> {_word(target)}"
        elif (receiver, method) == ("IO", "copy_stream") and len(args) >= 2 and _FETCHES.search(_text(args[0])):
            into = values.text(args[1])  # ``IO.copy_stream(URI.open(URL), "/tmp/x.tgz")``
            url = _url(args[0], values)
            shell = f'curl -fsSL -o {_word(into)} "{url}"' if url and into.replace(UNKNOWN, "") else None
        elif receiver == "FileUtils" and method in _TREE_REMOVES and known:
            shell = removal(_word(target))
        elif receiver == "FileUtils" and method in _FILE_REMOVES and known:
            shell = removal(_word(target), recursive=False)
        elif method in _PRINTS and (receiver in _PRINT_OWNERS or not receiver) and args:
            words = [values.text(a) for a in args]
            if any("${" in w.replace(UNKNOWN, "") for w in words):
                shell = "echo " + " ".join(f'"{w}"' for w in words)
        if shell is not None:
            out.append((at, shell))
    return out
