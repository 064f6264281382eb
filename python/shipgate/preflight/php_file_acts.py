"""What a PHP install or upgrade program does with archives, files and its output, written as the shell that does
the same at the call's line (session 22's probes), for ``php_script``:

- an archive unpacked: ``$zip->extractTo(D)`` of a ``ZipArchive`` the file ``open``\\s at ``P`` is ``unzip -o P -d
  D``; ``(new PharData(P))->extractTo(D)`` (also through a name bound to it) is ``tar -xf P -C D``; a class the file
  declares ``extends ZipArchive`` (or ``PharData``) is that archive, and a method it declares whose name starts with
  ``extract`` (``extractSubdirTo(D, 'repo-main/')``) unpacks into its first argument as ``extractTo`` does; a
  target that names the working directory (``getcwd()``, the directory of a bare relative name:
  ``pathinfo(realpath('temp.zip'), PATHINFO_DIRNAME)``, ``dirname(realpath(…))``) is ``.``, and the file's own
  (``__DIR__``, ``dirname(__FILE__)``) is ``"$(dirname "$0")"``, also through a variable assigned it once;
- ``file_put_contents(F, file_get_contents($url))`` with ``$url`` assigned once in the file a URL whose scheme and
  host are literal (its path may hold values) is the download ``curl -fsSL -o F URL`` (a literal URL there is
  ``php_script``'s), and so is ``$data = @file_get_contents($url, …)`` then ``file_put_contents(F, $data)`` (the
  body kept in a variable assigned once: the download at the request's line, F spelled as the file's command lines
  spell it), and ``file_get_contents($url)`` read into memory the request ``curl -fsSL "${url}"``; any other
  ``file_put_contents(F, …)`` is a write, ``: >> F`` (a shell profile written is ``persistence``), ``F`` a variable
  the file assigns once a plain literal being that literal (``$target = '/usr/local/bin/todo'``);
- ``echo``/``print`` of a variable (also in a double-quoted string, a property, ``getenv('X')``) is ``echo`` of it,
  named as its own shell variable (``echo "Password: $password"`` is ``echo "Password: ${password}"``), so a printed
  secret is ``secret_printed``; literals only are not written.

Values are spelled as in ``php_script``: literals and ``.`` joins; a variable is ``${name}``, ``getenv('X')`` is
``${X}``; anything else ``${PHP_VALUE}``."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

import tree_sitter

from shipgate.preflight.php_values import OWN_DIR
from shipgate.preflight.syntax_nodes import node_text as _text

Piece = tuple[int, str]
Node = tree_sitter.Node

UNKNOWN = "${PHP_VALUE}"
MAX_DEPTH = 32
_SAFE_WORD = re.compile(r"[\w@%+=:,./-]+")


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _arguments(call: Node) -> list[Node]:
    args = next((c for c in call.named_children if c.type == "arguments"), None)
    return [
        a.named_children[-1] for a in (args.named_children if args else ()) if a.type == "argument" and a.named_children
    ]


def _function(call: Node) -> str:
    return _text(call.child_by_field_name("function")).split("\\")[-1]


def _created(node: Node | None) -> str:
    """The class of ``new X(…)`` (also in parentheses)."""
    node = _unwrap(node) if node is not None else None
    if node is None or node.type != "object_creation_expression":
        return ""
    name = next((c for c in node.named_children if c.type in ("name", "qualified_name")), None)
    return _text(name).split("\\")[-1] if name is not None else ""


def _text_of(node: Node | None, depth: int = 0) -> str:
    """A value as the inside of a double-quoted shell word: literals as text, variables as their names."""
    if node is None or depth > MAX_DEPTH:
        return UNKNOWN
    if node.type in ("string", "encapsed_string"):
        return "".join(_piece_of(c, depth + 1) for c in node.named_children)
    if node.type == "variable_name":
        return "${" + _text(node).lstrip("$") + "}"
    if node.type == "member_access_expression":
        return "${" + _text(node.child_by_field_name("name")) + "}"
    if node.type == "binary_expression" and _text(node.child_by_field_name("operator")) == ".":
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        return _text_of(left, depth + 1) + _text_of(right, depth + 1)
    if node.type == "parenthesized_expression" and node.named_children:
        return _text_of(node.named_children[0], depth + 1)
    if node.type == "function_call_expression" and _function(node) == "getenv":
        args = _arguments(node)
        key = _text_of(args[0], depth + 1) if args else ""
        return "${" + key + "}" if re.fullmatch(r"[A-Za-z_]\w*", key) else UNKNOWN
    return UNKNOWN


def _piece_of(child: Node, depth: int) -> str:
    if child.type in ("string_content", "string_value"):
        return re.sub(r'([\\"`$])', r"\\\1", _text(child))
    if child.type == "escape_sequence":
        return " " if _text(child) in ("\\n", "\\t", "\\r") else re.sub(r'([\\"`$])', r"\\\1", _text(child)[1:])
    return _text_of(child, depth)


def _word(node: Node | None) -> str:
    inside = _text_of(node)
    return inside if _SAFE_WORD.fullmatch(inside) else f'"{inside}"'


# A URL variable: its value as shell text, the line assigning it, and the assignments of the base it is built on.
Url = tuple[str, int, tuple[Piece, ...]]


def _urls(nodes: list[Node]) -> dict[str, Url]:
    """Variables the file assigns once, a literal URL: ``$url = 'https://…'`` -> (URL, the assignment's line, ()).
    Also one assigned once a ``.`` join that starts with such a variable assigned above it (``$url = $releaseUrl .
    $file``, holdout251's piper-php): ``${releaseUrl}${file}``, with the base's assignment ``releaseUrl="https://…"``
    written at its own line, so the host is reported once, at the request, as a shell script's would be."""
    seen: dict[str, list[tuple[str, int]]] = {}
    for node in nodes:
        if node.type == "assignment_expression":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            if left is not None and left.type == "variable_name":
                value = _text_of(right) if right is not None else UNKNOWN
                seen.setdefault(_text(left), []).append((value, _line(node)))
    once = {name: v[0] for name, v in seen.items() if len(v) == 1}
    urls: dict[str, Url] = {name: (v, n, ()) for name, (v, n) in once.items() if _KNOWN_HOST.match(v)}
    for name, (value, line) in once.items():
        base = _LEADING_VARIABLE.match(value)
        held = urls.get("$" + base.group(1)) if base is not None and name not in urls else None
        if base is not None and held is not None and not held[2] and held[1] < line:
            urls[name] = (value, line, ((held[1], f'{base.group(1)}="{held[0]}"'),))
    return urls


# A value that starts with a variable (``${releaseUrl}${file}``: ``_text_of`` of ``$releaseUrl . $file``).
_LEADING_VARIABLE = re.compile(r"\$\{(\w+)\}")


# A URL whose scheme and host are literal; the path may hold values (``"https://github.com/o/r/archive/" . $tag``:
# the host contacted is known whatever the tag, holdout115's Nertoxic).
_KNOWN_HOST = re.compile(r"[A-Za-z][\w+.-]*://[^/$\s]+(?:/|$)")


_ARCHIVES = {"ZipArchive": "ZipArchive", "PharData": "PharData"}


def _archive_classes(nodes: list[Node]) -> tuple[dict[str, str], frozenset[str]]:
    """The archive classes (the file's own ``class X extends ZipArchive`` as ``ZipArchive``) and the unpacking
    methods: ``extractTo`` and the ``extract…`` methods those classes of the file declare."""
    kinds = dict(_ARCHIVES)
    methods = {"extractTo"}
    for node in nodes:
        base = next((c for c in node.named_children if c.type == "base_clause"), None)
        if node.type != "class_declaration" or base is None:
            continue
        names = [_text(c).split("\\")[-1] for c in base.named_children if c.type in ("name", "qualified_name")]
        parent = names[0] if names else ""
        name = node.child_by_field_name("name")
        if parent in _ARCHIVES and name is not None:
            kinds[_text(name)] = _ARCHIVES[parent]
            body = node.child_by_field_name("body")
            methods.update(
                _text(m.child_by_field_name("name"))
                for m in (body.named_children if body is not None else ())
                if m.type == "method_declaration" and _text(m.child_by_field_name("name")).startswith("extract")
            )
    return kinds, frozenset(methods)


def _opened(nodes: list[Node], kinds: dict[str, str]) -> dict[str, tuple[str, Node]]:
    """Archive objects: ``$zip = new ZipArchive; $zip->open(P)`` -> (zip, P); ``$a = new PharData(P)`` -> (tar, P);
    ``kinds`` maps the file's own archive classes to the library's."""
    classes: dict[str, str] = {}
    found: dict[str, tuple[str, Node]] = {}
    for node in nodes:
        if node.type == "assignment_expression":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            created = kinds.get(_created(right), "")
            if left is not None and created:
                classes[_text(left)] = created
                args = _arguments(right) if right is not None and created == "PharData" else []
                if args:
                    found[_text(left)] = ("tar", args[0])
        elif node.type == "member_call_expression" and _text(node.child_by_field_name("name")) == "open":
            owner = _text(node.child_by_field_name("object"))
            args = _arguments(node)
            if classes.get(owner) == "ZipArchive" and args:
                found[owner] = ("zip", args[0])
    return found


def _extracted(
    node: Node, opened: dict[str, tuple[str, Node]], kinds: dict[str, str], places: dict[str, str]
) -> str | None:
    args = _arguments(node)
    target = node.child_by_field_name("object")
    if not args or target is None:
        return None
    into = places.get(_text(args[0])) or _place(args[0], {}) or _word(args[0])
    if kinds.get(_created(target)) == "PharData":
        archive = _arguments(_unwrap(target))
        return f"tar -xf {_word(archive[0])} -C {into}" if archive else None
    kind, path = opened.get(_text(target), ("", None))
    if path is None:
        return None
    return f"unzip -o {_word(path)} -d {into}" if kind == "zip" else f"tar -xf {_word(path)} -C {into}"


def _place(node: Node | None, strings: dict[str, str]) -> str | None:
    """``.`` or the file's own directory when ``node`` names it (see the module's docstring), else None."""
    node = _unwrap(node) if node is not None else None
    if node is None:
        return None
    if node.type == "name" and _text(node) == "__DIR__":
        return OWN_DIR
    if node.type != "function_call_expression":
        return None
    called, args = _function(node), _arguments(node)
    if called == "getcwd" and not args:
        return "."
    directory_of = (called == "dirname" and len(args) == 1) or (
        called == "pathinfo" and len(args) == 2 and _text(args[1]) == "PATHINFO_DIRNAME"
    )
    if not directory_of:
        return None
    inner = _unwrap(args[0])
    if inner.type == "name" and _text(inner) == "__FILE__":
        return OWN_DIR
    if inner.type == "function_call_expression" and _function(inner) == "realpath" and _arguments(inner):
        inner = _unwrap(_arguments(inner)[0])
    name = strings.get(_text(inner)) if inner.type == "variable_name" else _string(inner)
    return "." if name and "/" not in name and "\\" not in name and "$" not in name else None


def _string(node: Node) -> str | None:
    """A plain quoted literal's text (no interpolation)."""
    if node.type not in ("string", "encapsed_string") or any(c.type != "string_content" for c in node.named_children):
        return None
    return "".join(_text(c) for c in node.named_children)


def _assigned_once(nodes: list[Node]) -> dict[str, Node]:
    """Variables the file assigns exactly once: the value assigned."""
    seen: dict[str, list[Node]] = {}
    for node in nodes:
        left = node.child_by_field_name("left") if node.type == "assignment_expression" else None
        right = node.child_by_field_name("right")
        if left is not None and left.type == "variable_name" and right is not None:
            seen.setdefault(_text(left), []).append(right)
    return {name: values[0] for name, values in seen.items() if len(values) == 1}


def _strings(once: dict[str, Node]) -> dict[str, str]:
    """Of the variables assigned once, those assigned a plain literal: its text."""
    return {name: text for name, value in once.items() for text in [_string(_unwrap(value))] if text is not None}


def _places(once: dict[str, Node], strings: dict[str, str]) -> dict[str, str]:
    """Variables assigned once in the file, to a plain literal or to a place ``_place`` names: their shell word."""
    return {name: place for name, value in once.items() for place in [_place(value, strings)] if place is not None}


def _unwrap(node: Node) -> Node:
    """The expression inside parentheses (bounded: tree-sitter nests them)."""
    for _ in range(MAX_DEPTH):
        if node.type != "parenthesized_expression" or not node.named_children:
            break
        node = node.named_children[0]
    return node


def _echo(values: list[Node]) -> str | None:
    words = [_text_of(v) for v in values]
    if not any("${" in w.replace(UNKNOWN, "") for w in words):
        return None
    return "echo " + " ".join(f'"{w}"' for w in words)


def pieces(nodes: list[Node], read: set[int], spell: Callable[[Node], str] | None = None) -> list[Piece]:
    """(line, shell) of the unpacks, writes, downloads and shown values among ``nodes``; ``read`` holds the lines
    ``php_script`` already wrote a command at; ``spell`` gives a path as the file's command lines spell it (so a
    download's file is the one a later ``exec('tar …')`` names), else this module's own spelling."""
    urls = _urls(nodes)
    kinds, unpacks = _archive_classes(nodes)
    opened = _opened(nodes, kinds)
    once = _assigned_once(nodes)
    strings = _strings(once)
    places = _places(once, strings)
    stored = _stored(nodes, once)
    moved_to: set[str] = set()  # the variables a ``rename`` so far moved a file to
    out: list[Piece] = []
    for node in nodes:
        shell: str | None = None
        if node.type == "member_call_expression" and _text(node.child_by_field_name("name")) in unpacks:
            shell = _extracted(node, opened, kinds, places)
        elif node.type == "echo_statement":
            inner = node.named_children[0] if node.named_children else None
            shell = _echo(
                inner.named_children
                if inner is not None and inner.type == "sequence_expression"
                else [inner]
                if inner
                else []
            )
        elif node.type == "print_intrinsic":
            shell = _echo(node.named_children[:1])
        elif (
            node.type == "function_call_expression"
            and _function(node) == "file_put_contents"
            and _line(node) not in read
            and not _writes_stored(node, once, stored)
        ):
            out += _written(_arguments(node), urls, _line(node), strings)
        elif node.type == "function_call_expression" and _function(node) == "file_get_contents":
            target = stored.get(node.start_byte)
            out += _fetched(node, urls, None if target is None else (spell or _word)(target))
        elif node.type == "function_call_expression" and _function(node) in ("rename", "chmod"):
            shell = _moved(node, moved_to, spell or _word)
        if shell is not None:
            out.append((_line(node), shell))
    return list(dict.fromkeys(out))  # a URL variable's assignment once, however many requests use it


def _fetched(call: Node, urls: dict[str, Url], target: str | None = None) -> list[Piece]:
    """``file_get_contents($url)`` read into memory (not the data of a ``file_put_contents``, which ``_written``
    reads) of a URL variable: the request, ``curl -fsSL "${url}"`` after the variable's assignment, so the host is
    reported where it is contacted (holdout115's Nertoxic tests that a release exists before it downloads it).
    With ``target``, the body kept in a variable that a later ``file_put_contents(target, $data)`` writes
    (``_stored``): the download ``curl -fsSL -o target "${url}"``, still at the request's line."""
    outer = call.parent.parent.parent if call.parent is not None and call.parent.parent is not None else None
    if outer is not None and outer.type == "function_call_expression" and _function(outer) == "file_put_contents":
        return []
    args = _arguments(call)
    held = urls.get(_text(args[0])) if args else None
    if held is None or held[1] >= _line(call):
        return []
    name = _text(args[0]).lstrip("$")
    saved = f"-o {target} " if target is not None else ""
    return [*held[2], (held[1], f'{name}="{held[0]}"'), (_line(call), f'curl -fsSL {saved}"${{{name}}}"')]


def _moved(call: Node, moved_to: set[str], spell: Callable[[Node], str]) -> str | None:
    """``rename(A, B)`` is ``mv -f A B``; a later ``chmod($B, 0755)`` of the variable it moved the file to (with an
    octal literal mode) is ``chmod 0755 B``, spelled as the move's destination (holdout233's ptp: the program an
    ``exec('tar …')`` unpacked, renamed into the package's ``bin`` and made executable). Other ``chmod`` calls are
    ``php_script``'s."""
    args = _arguments(call)
    if _function(call) == "rename" and len(args) >= 2:
        if args[1].type == "variable_name":
            moved_to.add(_text(args[1]))
        return f"mv -f {spell(args[0])} {spell(args[1])}"
    mode = re.fullmatch(r"0o?([0-7]{3,4})", _text(args[1]), re.IGNORECASE) if len(args) >= 2 else None
    if mode is None or args[0].type != "variable_name" or _text(args[0]) not in moved_to:
        return None
    return f"chmod 0{mode.group(1)} {spell(args[0])}"


def _stored(nodes: list[Node], once: dict[str, Node]) -> dict[int, Node]:
    """The ``file_get_contents`` calls whose body is kept in a variable assigned once (``$data =
    @file_get_contents($url, false, $context)``, also in parentheses) and written by ``file_put_contents(F, $data)``
    (holdout233's ptp): the call's start -> F. The pair is one download, as ``file_put_contents(F,
    file_get_contents($url))`` written as one call is."""
    out: dict[int, Node] = {}
    for node in nodes:
        if node.type != "function_call_expression" or _function(node) != "file_put_contents":
            continue
        args = _arguments(node)
        request = _request_in(once.get(_text(args[1]))) if len(args) > 1 and args[1].type == "variable_name" else None
        if request is not None and request.end_byte <= node.start_byte:
            out.setdefault(request.start_byte, args[0])
    return out


def _request_in(value: Node | None) -> Node | None:
    """The ``file_get_contents(…)`` call a value is (through parentheses and the ``@`` that silences it)."""
    for _ in range(MAX_DEPTH):
        if value is None:
            return None
        if value.type in ("parenthesized_expression", "error_suppression_expression") and value.named_children:
            value = value.named_children[0]
            continue
        break
    if value is not None and value.type == "function_call_expression" and _function(value) == "file_get_contents":
        return value
    return None


def _writes_stored(call: Node, once: dict[str, Node], stored: dict[int, Node]) -> bool:
    """Whether ``file_put_contents(F, $data)`` writes a body ``_stored`` already wrote as its download."""
    args = _arguments(call)
    request = _request_in(once.get(_text(args[1]))) if len(args) > 1 and args[1].type == "variable_name" else None
    return request is not None and request.start_byte in stored


def _written(args: list[Node], urls: dict[str, Url], line: int, strings: dict[str, str]) -> list[Piece]:
    """A write; a download when the data is ``file_get_contents($url)`` of a URL variable: the variable is assigned
    at its own line and the request made with it (``url="https://…"`` then ``curl -o F "${url}"``), so the host is
    reported once, where the request is made, as in a shell script. A target variable the file assigns once a plain
    literal is that literal (``$target = '/usr/local/bin/todo'`` then ``file_put_contents($target, …)``)."""
    if not args:
        return []
    data = args[1] if len(args) > 1 else None
    if data is not None and data.type == "function_call_expression" and _function(data) == "file_get_contents":
        fetched = _arguments(data)
        held = urls.get(_text(fetched[0])) if fetched else None
        if held is not None and held[1] < line:
            name = _text(fetched[0]).lstrip("$")
            return [*held[2], (held[1], f'{name}="{held[0]}"'), (line, f'curl -fsSL -o {_word(args[0])} "${{{name}}}"')]
        if held is not None:
            return [*held[2], (line, f'curl -fsSL -o {_word(args[0])} "{held[0]}"')]
    held_path = strings.get(_text(args[0])) if args[0].type == "variable_name" else None
    if held_path:
        return [(line, f": >> {shlex.quote(held_path)}")]
    target = _text_of(args[0])
    return [(line, f": >> {_word(args[0])}")] if target.replace(UNKNOWN, "") else []
