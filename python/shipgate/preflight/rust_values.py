"""The values a Rust build script computes, spelled as the shell would spell them, for ``rust_script``.

A string literal (``"…"``, ``r"…"``, ``r#"…"#``) is its text; ``env::var("X")``/``env::var_os("X")`` (also through
``std::env``) is the environment variable ``${X}`` — Cargo sets ``OUT_DIR``, ``TARGET`` and the others for the
script; ``format!("{}/x.zip", out_dir)``/``format!("{out_dir}/x.zip")`` is its template with each place filled;
``Path::new(a).join("b")``, ``PathBuf::from(a)``, ``a.join("b")`` is ``a/b``; a name is the value of its last ``let``
(or ``const``/``static``) before the use, and a name bound to nothing this module reads is its own variable
(``${name}``). The calls a value passes through unchanged (``.unwrap()``, ``.expect(…)``, ``.to_str()``,
``.display()``, ``.clone()``, ``&x``) are looked through. Anything else is unknown (None). Bounded by ``MAX_HOPS``."""

from __future__ import annotations

import re
import shlex
from bisect import bisect_left

import tree_sitter

from shipgate.preflight.syntax_nodes import node_text as _text
from shipgate.preflight.syntax_nodes import quoted_text

Node = tree_sitter.Node

MAX_HOPS = 16
MAX_SPELLED = 4_096  # a longer value is unknown
# Methods that hand their receiver's value on (an ``Option``/``Result`` unwrapped, a path shown as a string).
_THROUGH = frozenset(
    {
        "unwrap",
        "expect",
        "unwrap_or_default",
        "to_str",
        "to_string",
        "to_owned",
        "display",
        "clone",
        "as_str",
        "as_ref",
        "as_path",
        "into",
        "to_path_buf",
        "to_string_lossy",
        "into_owned",
        "as_os_str",
    }
)
_PLACE = re.compile(r"\{([A-Za-z_]\w*)?(?::[^}]*)?\}")
_NAME = re.compile(r"[A-Za-z_]\w*")


def literal(node: Node | None) -> str | None:
    """A Rust string literal's value (an escape other than ``\\"``/``\\\\`` makes it unknown); else None."""
    if node is None or node.type not in ("string_literal", "raw_string_literal"):
        return None
    return quoted_text(node)


def path_of(call: Node) -> tuple[str, str]:
    """(path, name) of a call's function: ``std::fs::write`` → (``fs``, ``write``) (the last part of the path);
    ``x.get(u)`` → (``.``, ``get``); ``f(x)`` → (``""``, ``f``)."""
    function = call.child_by_field_name("function")
    if function is None:
        return "", ""
    if function.type == "scoped_identifier":
        path = function.child_by_field_name("path")
        return _text(path).rsplit("::", 1)[-1], _text(function.child_by_field_name("name"))
    if function.type == "field_expression":
        return ".", _text(function.child_by_field_name("field"))
    if function.type == "generic_function":
        inner = function.child_by_field_name("function")
        return ("", _text(inner).rsplit("::", 1)[-1]) if inner is not None else ("", "")
    return "", _text(function)


def arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [
        a for a in (args.named_children if args is not None else []) if a.type not in ("line_comment", "block_comment")
    ]


def receiver(call: Node) -> Node | None:
    """``x`` of ``x.method(…)``."""
    function = call.child_by_field_name("function")
    return (
        function.child_by_field_name("value") if function is not None and function.type == "field_expression" else None
    )


def macro_arguments(macro: Node) -> list[Node | None]:
    """The comma-separated arguments of a ``format!``/``println!`` token tree: each one that is a single literal or
    name (``&`` before it allowed, pass-through calls after it: ``out_dir.to_str().unwrap()``, ``dst.display()``),
    None for another expression (the grammar leaves macro arguments as tokens)."""
    tree = next((c for c in macro.named_children if c.type == "token_tree"), None)
    groups: list[list[Node]] = [[]]
    for child in tree.children[1:-1] if tree is not None else []:
        if child.type == ",":
            groups.append([])
        else:
            groups[-1].append(child)
    return [_plain(group) for group in (groups if groups[-1] else groups[:-1])]


def _plain(group: list[Node]) -> Node | None:
    """The one literal or name of a macro argument's tokens, with only ``&`` before it and pass-through method
    calls with no arguments after it."""
    tokens = [t for t in group if t.type not in ("&", "line_comment", "block_comment")]
    if not tokens or not tokens[0].is_named or tokens[0].type == "token_tree":
        return None
    rest = tokens[1:]
    if len(rest) % 3:
        return None
    for index in range(0, len(rest), 3):
        dot, method, call = rest[index : index + 3]
        if dot.type != "." or _text(method) not in _THROUGH or call.type != "token_tree" or call.named_child_count:
            return None
    return tokens[0]


class Bindings:
    """The file's ``let``/``const``/``static`` bindings: each name's values in source order."""

    def __init__(self, nodes: list[Node]) -> None:
        self.values: dict[str, list[tuple[int, Node]]] = {}
        for node in nodes:
            if node.type == "let_declaration":
                name, value = node.child_by_field_name("pattern"), node.child_by_field_name("value")
                if name is not None and name.type == "mut_pattern":
                    name = name.named_children[-1] if name.named_children else None
            elif node.type in ("const_item", "static_item"):
                name, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            else:
                continue
            if name is not None and value is not None and name.type == "identifier":
                # a ``let`` binds after its statement (``let x = x.collect();`` reads the earlier ``x``)
                where = node.end_byte if node.type == "let_declaration" else node.start_byte
                self.values.setdefault(_text(name), []).append((where, value))
        for bound in self.values.values():
            bound.sort(key=lambda binding: binding[0])  # a ``let`` inside another's value ends before it
        self.starts = {name: [where for where, _ in bound] for name, bound in self.values.items()}
        self._spelled: dict[tuple[int, int], str | None] = {}

    def value(self, name: Node) -> Node | None:
        """The value of the last binding of ``name`` that starts before the use (a ``const`` anywhere)."""
        return self.bound_at(_text(name), name.start_byte)

    def bound_at(self, name: str, at: int) -> Node | None:
        """The value of the last binding of ``name`` before byte ``at`` (a lone ``const`` after it too)."""
        bound = self.values.get(name, [])
        before = bisect_left(self.starts.get(name, []), at)
        if before:
            return bound[before - 1][1]
        return bound[0][1] if len(bound) == 1 and bound[0][0] > at else None

    def resolve(self, node: Node, hops: int = 0) -> Node:
        """The expression a value comes from: through names, ``&``, parentheses and pass-through methods."""
        for _ in range(MAX_HOPS - hops):
            if node.type in ("reference_expression", "parenthesized_expression", "try_expression"):
                inner = node.child_by_field_name("value") or (node.named_children[0] if node.named_children else None)
                if inner is None:
                    return node
                node = inner
            elif node.type == "identifier" and self.value(node) is not None:
                node = self.value(node) or node
            elif node.type == "call_expression" and path_of(node)[0] == "." and path_of(node)[1] in _THROUGH:
                node = receiver(node) or node
            else:
                return node
        return node

    def spell(self, node: Node, hops: int = 0) -> str | None:
        """The value as a shell word's text (variables as ``${NAME}``, literal ``$`` escaped); None when unknown or
        longer than ``MAX_SPELLED``. Each expression is spelled once (names that each hold two copies of the one
        before would otherwise double the work at every step)."""
        if hops > MAX_HOPS:
            return None
        resolved = self.resolve(node, hops)
        key = (resolved.start_byte, resolved.end_byte)
        if key not in self._spelled:
            self._spelled[key] = None  # a value built from itself is unknown
            spelled = self._spell(resolved, hops)
            self._spelled[key] = spelled if spelled is None or len(spelled) <= MAX_SPELLED else None
        return self._spelled[key]

    def _spell(self, resolved: Node, hops: int) -> str | None:
        value = literal(resolved)
        if value is not None:
            return _escaped(value)
        if resolved.type == "identifier":
            return "${" + _text(resolved) + "}"
        if resolved.type == "macro_invocation" and _text(resolved.child_by_field_name("macro")) == "format":
            return self.format_template(macro_arguments(resolved), hops + 1)
        if resolved.type != "call_expression":
            return None
        owner, name = path_of(resolved)
        args = arguments(resolved)
        if owner == "env" and name in ("var", "var_os") and args and literal(args[0]):
            key = literal(args[0]) or ""
            return "${" + key + "}" if _NAME.fullmatch(key) else None
        if name in ("new", "from") and owner in ("Path", "PathBuf", "String", "OsString") and len(args) == 1:
            return self.spell(args[0], hops + 1)
        if owner == "." and name == "join" and len(args) == 1:
            base, part = receiver(resolved), self.spell(args[0], hops + 1)
            spelled = self.spell(base, hops + 1) if base is not None else None
            return f"{spelled}/{part}" if spelled is not None and part is not None else None
        return None

    def format_template(self, parts: list[Node | None], hops: int = 0) -> str | None:
        """``format!(TEMPLATE, args…)``: each ``{}`` the next argument, each ``{name}`` that name."""
        template = literal(parts[0]) if parts else None
        if template is None:
            return None
        given = iter(parts[1:])
        out: list[str] = []
        last = 0
        for match in _PLACE.finditer(template):
            out.append(_escaped(template[last : match.start()]))
            last = match.end()
            if match.group(1):
                out.append(self._named(match.group(1), parts[0].start_byte if parts[0] else 0, hops + 1))
                continue
            argument = next(given, None)
            spelled = self.spell(argument, hops) if argument is not None else None
            if spelled is None:
                return None
            out.append(spelled)
        out.append(_escaped(template[last:]))
        return "".join(out).replace("{{", "{").replace("}}", "}")

    def _named(self, name: str, at: int, hops: int) -> str:
        """``{out_dir}`` in a template: the name's value (its last binding before the template) when it holds one
        this module reads, else its own variable."""
        value = self.bound_at(name, at)
        spelled = self.spell(value, hops) if value is not None else None
        return spelled if spelled is not None else "${" + name + "}"


def _escaped(text: str) -> str:
    return re.sub(r'([\\"`$])', r"\\\1", text)


def shell_word(spelled: str | None, unknown: str) -> str:
    """A spelled value as one shell word: quoted as it stands, double-quoted when it holds a variable."""
    if spelled is None:
        return f'"{unknown}"'
    if "${" not in spelled.replace("\\$", ""):
        return shlex.quote(re.sub(r"\\([\\\"`$])", r"\1", spelled))
    return f'"{spelled}"'
