"""Salt states: YAML under Jinja. The Jinja tags are found the way Jinja's lexer finds them (comments, statements,
expressions by their delimiters) and each ``{% set NAME = EXPR %}`` expression is read with Jinja's own parser;
the tags are then blanked out (newlines kept, so every line keeps its number) and what remains is read as YAML
with the safe loader's node tree. Both branches of an ``{% if %}`` stay in the text: a state file holds them
both, and each can run. An expression ``{{ name }}`` of a variable the file sets is a reference to it; any other
expression (pillar, grains, a macro's output) is a value the file does not show. A ``set`` whose value is
``salt['pillar.get'](key, default)`` is the default, as Salt uses it when the pillar lacks the key."""

from __future__ import annotations

import re
from collections.abc import Iterator

import jinja2
import jinja2.nodes as jn
import yaml

from shipgate.preflight.config_management.model import Assignment, Declared, Part, Ref, Resource, Value
from shipgate.yaml_nodes import compose_documents, loader_for

MAX_NODES = 100_000
MAX_CHUNKS = 2_000
_ENV = jinja2.Environment(autoescape=False)  # noqa: S701 - parses expressions; nothing is rendered
_CLOSERS = {"{": "}}", "%": "%}", "#": "#}"}
MAX_SETS = 2_000
MAX_EXPRESSION = 1_000
_SET = re.compile(r"\{%-?\s*set\s+([A-Za-z_][A-Za-z0-9_]*)\s*=(.*?)-?%\}", re.S)
# An expression in the YAML text: a marker plain scalars may hold anywhere (not YAML syntax, not shell).
_MARK = re.compile("\u27e6([A-Za-z_][A-Za-z0-9_]*)?\u27e7")
_STATE_KEY = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")
_DEFAULTING = ("pillar.get", "config.get", "grains.get", "defaults.get")


def is_state(path: str, text: str) -> bool:
    return path.endswith(".sls")


def read_state(text: str) -> Declared:
    declared = Declared()
    names: set[str] = set()
    line, counted = 1, 0
    tags = list(_tags(text))
    for start, end in tags:
        s = _SET.fullmatch(text, start, end)
        if s is not None:
            line += text.count("\n", counted, start)
            counted = start
            names.add(s.group(1))
            parts = _expression(s.group(2), names) if len(declared.assignments) < MAX_SETS else [Ref(None)]
            declared.assignments.append(Assignment(s.group(1), Value(tuple(parts), line)))
    pieces, last = [], 0
    for start, end in tags:
        pieces += [text[last:start], _blank(text[start:end], names, start, text)]
        last = end
    plain = "".join([*pieces, text[last:]])
    for doc in _documents(plain):
        _states(doc, declared)
    declared.resources.sort(key=lambda r: r.line)
    return declared


def _tags(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Jinja tag, as Jinja's lexer finds them: the earliest opener (``{{``, ``{%``, ``{#``)
    up to its closer. Linear: once a closer is known to be missing after some point, no later opener of that
    kind is tried again."""
    pos, closes = 0, {k: 0 for k in _CLOSERS}
    while (i := text.find("{", pos)) >= 0 and i + 1 < len(text):
        kind = text[i + 1]
        if kind not in _CLOSERS or closes[kind] < 0:
            pos = i + 1
            continue
        if closes[kind] < i + 2:
            closes[kind] = text.find(_CLOSERS[kind], i + 2)
        if closes[kind] < 0:
            pos = i + 2
            continue
        yield i, closes[kind] + 2
        pos = closes[kind] + 2


def _blank(tag: str, names: set[str], start: int, text: str) -> str:
    """A tag as the YAML reader sees it: a statement or comment as its newlines, an expression as a marker (a
    line holding nothing but an expression, a macro's output, as its newlines too)."""
    newlines = "\n" * tag.count("\n")
    if not tag.startswith("{{"):
        return newlines
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start + len(tag))
    rest = text[line_start:start].strip() + text[start + len(tag) : line_end if line_end >= 0 else len(text)].strip()
    if not rest:
        return newlines
    inner = tag[2:-2].strip("-+ \t\n")
    return "\u27e6" + (inner if inner in names else "") + "\u27e7" + newlines


def _expression(source: str, names: set[str]) -> list[Part]:
    if len(source) > MAX_EXPRESSION:
        return [Ref(None)]
    try:
        template = _ENV.parse("{{ " + source.strip() + " }}")
    except (jinja2.TemplateSyntaxError, RecursionError):
        return [Ref(None)]
    output = template.body[0] if template.body else None
    if not isinstance(output, jn.Output) or not output.nodes:
        return [Ref(None)]
    return _parts(output.nodes[0], names, 0)


def _parts(node: jn.Node, names: set[str], depth: int) -> list[Part]:
    if depth > 32:
        return [Ref(None)]
    if isinstance(node, jn.Const) and isinstance(node.value, (str, int, float)):
        return [str(node.value)]
    if isinstance(node, jn.Name):
        return [Ref(node.name if node.name in names else None)]
    if isinstance(node, (jn.Add, jn.Concat)):
        items = [node.left, node.right] if isinstance(node, jn.Add) else list(node.nodes)
        return [p for item in items for p in _parts(item, names, depth + 1)]
    if isinstance(node, jn.CondExpr):
        first = _parts(node.expr1, names, depth + 1)
        if any(isinstance(p, str) for p in first) or node.expr2 is None:
            return first
        return _parts(node.expr2, names, depth + 1)
    if isinstance(node, jn.Call) and _defaulting(node.node) and len(node.args) >= 2:
        return _parts(node.args[-1], names, depth + 1)
    return [Ref(None)]


def _defaulting(callee: jn.Node) -> bool:
    """``salt['pillar.get']``, ``pillar.get``, ``salt['config.get']``… (a lookup with a default)."""
    if isinstance(callee, jn.Getitem) and isinstance(callee.arg, jn.Const):
        return callee.arg.value in _DEFAULTING
    return isinstance(callee, jn.Getattr) and callee.attr == "get"


def _documents(text: str) -> list[yaml.Node]:
    documents = compose_documents(text)  # bounded: libyaml only where it cannot overflow the C stack
    return list(documents) if documents is not None else list(_chunks(text))


def _chunks(text: str) -> list[yaml.Node]:
    """Each top-level state on its own (the lines from one unindented key to the next), at its own lines: a
    state the blanked text leaves malformed costs only itself."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if line[:1] not in ("", " ", "\t", "#", "-")][:MAX_CHUNKS]
    docs: list[yaml.Node] = []
    for a, b in zip(starts, [*starts[1:], len(lines)], strict=True):
        chunk = "\n" * a + "\n".join(lines[a:b])
        try:
            doc = yaml.compose(chunk, Loader=loader_for(chunk))
        except (yaml.YAMLError, RecursionError, UnicodeError):
            continue
        if doc is not None:
            docs.append(doc)
    return docs


def _states(doc: yaml.Node, declared: Declared) -> None:
    if not isinstance(doc, yaml.MappingNode):
        return
    for id_node, body in doc.value[:MAX_NODES]:
        if not isinstance(body, yaml.MappingNode):
            continue
        title = _value(id_node)
        for key, args in body.value:
            kind = key.value if isinstance(key, yaml.ScalarNode) and isinstance(key.value, str) else ""
            kind = _MARK.sub("", kind).rstrip(".")
            if "." not in kind or not isinstance(args, yaml.SequenceNode):
                continue
            attributes: dict[str, Value] = {}
            for item in args.value:
                for name, node in item.value if isinstance(item, yaml.MappingNode) else ():
                    value = _value(node)
                    if isinstance(name, yaml.ScalarNode) and value is not None:
                        attributes.setdefault(str(name.value), value)
            declared.resources.append(Resource(kind, title, key.start_mark.line + 1, attributes))


def _value(node: yaml.Node) -> Value | None:
    if isinstance(node, yaml.SequenceNode) and node.value:
        node = node.value[0]  # ``source:`` may list alternatives: the first is fetched first
    if not isinstance(node, yaml.ScalarNode):
        return None
    line = node.start_mark.line + 1 + (1 if node.style in ("|", ">") else 0)
    parts: list[Part] = []
    pos = 0
    text = str(node.value)
    for m in _MARK.finditer(text):
        parts.append(text[pos : m.start()])
        parts.append(Ref(m.group(1) or None))
        pos = m.end()
    parts.append(text[pos:])
    return Value(tuple(p for p in parts if p != ""), line)
