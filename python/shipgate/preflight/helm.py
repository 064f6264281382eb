"""Helm charts read without Helm: a template as the YAML it renders to, and the chart files that are not settings.

A chart's template (a file under its ``templates/`` directory holding ``{{ … }}`` actions) is not YAML until Helm
renders it, so the YAML readers (container grants, the commands containers run, ``env:`` secrets) get its
*skeleton*: the same text, line for line, with every action replaced.

- A line made of actions only (``{{- if .Values.x }}``, ``{{- include "labels" . | nindent 4 }}``, ``{{ toYaml
  .Values.resources | indent 12 }}``, a ``{{/* comment */}}``) becomes empty: control flow and blocks that come
  from the values are not rendered. Both branches of an ``if``/``else`` stay, so a grant the template writes is
  seen whichever value selects it. A list item whose whole value is such a block (``- {{ toYaml $container |
  nindent 8 }}``) becomes empty as well.
- An action inside a line (``image: {{ .Values.image }}``, ``path: {{ .Values.socket | default "/run/x.sock" }}``)
  becomes its value when it is known: a ``.Values.a.b`` path the chart's ``values.yaml`` (in the same package)
  gives a scalar, else the literal of a ``default "…"`` in the action; otherwise ``$HELM_VALUE``, which every
  reader takes for a reference whose value is unknown.

What the skeleton cannot see: blocks a value inserts (``toYaml .Values.securityContext``; the grant is read in
``values.yaml`` itself), values given at install time (``--set``, ``-f``), named templates of ``_helpers.tpl``
(``include`` renders nothing here), conditions (``if``/``with``/``range`` are not evaluated).

For the line readers: Go template comments of a template are text, not settings (:func:`without_comments`); in
a ``Chart.yaml`` the chart's metadata (``home``, ``sources``, ``icon``, maintainers' ``url``) names pages, not
hosts the chart contacts, and an image's ``repository:``/``registry:`` in any YAML file is an image reference,
not a host setting (:func:`not_contacted_lines`).
"""

from __future__ import annotations

import bisect
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import yaml

from shipgate.preflight.contents import TextFile

PLACEHOLDER = "$HELM_VALUE"
MAX_ACTIONS = 20_000  # per file; a template past this is read up to it (real ones hold hundreds)
MAX_VALUES_BYTES = 1024 * 1024
_TEMPLATE_SUFFIXES = (".yaml", ".yml", ".tpl", ".txt", ".json")
_VALUES_PATH = re.compile(r"^\$?\.Values((?:\.[A-Za-z_][\w-]*)+)$")
_DEFAULT = re.compile(r"""\bdefault\s+(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`)""")
# A value safe to write in place of an action in any YAML context (plain, quoted, flow): no blank, quote,
# indicator or escape.
_SAFE_VALUE = re.compile(r"^[A-Za-z0-9_./][A-Za-z0-9_./:+@-]{0,255}$")
_PIPE_FUNCTIONS = frozenset({"quote", "squote", "toString", "trim", "lower", "upper"})
# A top-level key of a manifest template (``kind: Job``), the line readers' test for an object.
_TOP_KEY = re.compile(r"^(apiVersion|kind):")


def is_template(path: str) -> bool:
    """A file of a chart's ``templates/`` directory (``charts/x/templates/deployment.yaml``, ``_helpers.tpl``)."""
    parts = path.split("/")
    return "templates" in parts[:-1] and path.lower().endswith(_TEMPLATE_SUFFIXES)


def is_yaml_manifest(text: TextFile) -> bool:
    """Whether the YAML readers of Kubernetes objects parse the file: a ``.yaml``/``.yml`` file, or a chart
    template Helm renders to a manifest whatever its suffix. Helm renders every file of ``templates/`` but its
    partials (a name beginning with ``_``: ``_helpers.tpl``, ``define`` blocks only), so a ``.tpl`` there that
    writes an object (a top-level ``apiVersion:`` and ``kind:``; ``apps/be/templates/migrations.tpl``, an Argo CD
    PreSync Job) is one of the chart's manifests (holdout192)."""
    path = text.path.lower()
    if path.endswith((".yaml", ".yml")):
        return True
    name = posixpath.basename(path)
    if not (is_template(path) and name.endswith(".tpl")) or name.startswith("_"):
        return False
    keys = {m.group(1) for line in text.lines if (m := _TOP_KEY.match(line.text))}
    return {"apiVersion", "kind"} <= keys


def actions(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every ``{{ … }}`` action, Go's lexer in small: strings (``"…"`` with escapes, raw
    ``\\`…\\```, ``'c'``) and ``/* … */`` comments may hold ``}}``; an action left open runs to the end."""
    found: list[tuple[int, int]] = []
    i = text.find("{{")
    while i != -1 and len(found) < MAX_ACTIONS:
        end = _action_end(text, i + 2)
        found.append((i, end))
        i = text.find("{{", end)
    return found


def _action_end(text: str, i: int) -> int:
    n = len(text)
    if text.startswith("- ", i):
        i += 2
    if text.startswith("/*", i):
        close = text.find("*/", i + 2)
        i = n if close == -1 else close + 2
    while i < n:
        ch = text[i]
        if text.startswith("}}", i):
            return i + 2
        if ch in "\"'`":
            i = _string_end(text, i, ch)
            continue
        i += 1
    return n


def _string_end(text: str, i: int, quote: str) -> int:
    i += 1
    while i < len(text):
        ch = text[i]
        if ch == "\\" and quote != "`":
            i += 2
            continue
        if ch == quote:
            return i + 1
        if ch == "\n" and quote != "`":
            return i  # an unterminated string ends its line, as Go's lexer reports it
        i += 1
    return i


def skeleton(text: str, values: Mapping[str, Any] | None = None) -> str:
    """``text`` with its actions replaced (module docstring), line for line."""
    spans = actions(text)
    if not spans:
        return text
    covered = _action_only_lines(text, spans)
    covered |= _empty_alternatives(text, spans, covered)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        body = text[start:end]
        inline = bisect.bisect_left(breaks, start) not in covered  # the line the action starts on holds other text
        out.append((_value(body, values) if inline else "") + "\n" * body.count("\n"))
        pos = end
    out.append(text[pos:])
    return "\n".join("" if i in covered else line for i, line in enumerate("".join(out).split("\n")))


# Template functions that render or re-indent a block of YAML (``toYaml .Values.x``, ``… | nindent 8``).
_BLOCK_FUNCTION = re.compile(r"\b(?:toYaml|nindent|indent)\b")


def _action_only_lines(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """0-based numbers of the lines that hold an action and nothing else but blanks, and of the list items whose
    whole value is a block action (``- {{ toYaml $container | nindent 8 }}``): the item is whatever block the values
    hold, not rendered here like a block action on its own line (a placeholder item at the action's indentation
    would break the list it is written beside)."""
    masked = list(text)
    for start, end in spans:
        for k in range(start, end):
            if masked[k] != "\n":
                masked[k] = " "
    pairs = zip(text.split("\n"), "".join(masked).split("\n"), strict=True)
    return {
        n
        for n, (original, blanked) in enumerate(pairs)
        if original != blanked
        and (not blanked.strip() or (blanked.strip() == "-" and bool(_BLOCK_FUNCTION.search(original))))
    }


_ELSE = re.compile(r"\{\{-?\s*else\s*-?\}\}")
_EMPTY_COLLECTIONS = frozenset({"[]", "{}"})


def _empty_alternatives(text: str, spans: list[tuple[int, int]], covered: set[int]) -> set[int]:
    """0-based numbers of the lines of an ``{{- else }}`` branch that holds only an empty collection (``[]``,
    ``{}``) on lines of its own: the value the field takes when the ``if`` branch's block items are not rendered.
    Both branches kept would give the field its items and then a second value, which no YAML reader parses; the
    empty alternative grants and runs nothing, so the skeleton keeps the items."""
    lines = text.split("\n")
    else_lines = {text.count("\n", 0, start) for start, end in spans if _ELSE.fullmatch(text[start:end])}
    found: set[int] = set()
    for n in sorted(else_lines & covered):
        branch: list[int] = []
        k = n + 1
        while k < len(lines) and k not in covered:
            branch.append(k)
            k += 1
        kept = [m for m in branch if lines[m].strip()]
        if kept and all(lines[m].strip() in _EMPTY_COLLECTIONS for m in kept):
            found.update(kept)
    return found


def _value(action: str, values: Mapping[str, Any] | None) -> str:
    """What an inline action is written as in the skeleton: its known value, its default, or the placeholder."""
    body = action[2:-2] if action.endswith("}}") else action[2:]
    body = body.strip().removeprefix("-").removesuffix("-").strip()
    if body.startswith("/*"):
        return ""
    commands = [c.strip() for c in _split_pipeline(body)]
    first = (
        commands[0].split()[-1] if commands and commands[0].startswith("default ") else commands[0] if commands else ""
    )
    known = _lookup(first, values)
    if known is None or not all(c.split()[0] in _PIPE_FUNCTIONS or c.startswith("default") for c in commands[1:]):
        default = _DEFAULT.search(body)
        known = next((g for g in default.groups() if g is not None), None) if default else None
    return known if known is not None and _SAFE_VALUE.match(known) else PLACEHOLDER


def _split_pipeline(body: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    quote = ""
    for ch in body:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in '"`':
            quote = ch
        elif ch == "|":
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p for p in parts if p.strip()]


def _lookup(command: str, values: Mapping[str, Any] | None) -> str | None:
    m = _VALUES_PATH.match(command)
    if m is None or values is None:
        return None
    node: Any = values
    for key in m.group(1).split(".")[1:]:
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    if isinstance(node, bool):
        return "true" if node else "false"
    return str(node) if isinstance(node, str | int | float) else None


def chart_values(path: str, texts: Iterable[TextFile]) -> Mapping[str, Any] | None:
    """The ``values.yaml`` of the chart a template belongs to, when the package holds it and it parses."""
    parts = path.split("/")
    dirs = parts[:-1]
    if "templates" not in dirs:
        return None
    root = "/".join(dirs[: len(dirs) - 1 - dirs[::-1].index("templates")])  # the chart: above its templates/
    wanted = posixpath.join(root, "values.yaml") if root else "values.yaml"
    for text in texts:
        if text.path == wanted:
            source = "\n".join(line.text for line in text.lines)
            if len(source) > MAX_VALUES_BYTES:
                return None
            try:
                loaded = yaml.safe_load(source)
            except (yaml.YAMLError, RecursionError, ValueError):
                return None
            return loaded if isinstance(loaded, Mapping) else None
    return None


def yaml_source(text: TextFile, texts: Iterable[TextFile] = ()) -> str:
    """The text a YAML reader parses: a template's skeleton (values from ``texts``), any other file as it is."""
    source = "\n".join(line.text for line in text.lines)
    if not is_template(text.path) or "{{" not in source:
        return source
    return skeleton(source, chart_values(text.path, texts))


# ------------------------------------------------------------------------------------------- line readers


def without_comments(path: str, lines: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
    """A template's lines with its ``{{/* … */}}`` comments blanked out (they may span lines)."""
    if not is_template(path) or not any("{{" in text for _, text in lines):
        return lines
    source = "\n".join(text for _, text in lines)
    blanked = list(source)
    for start, end in actions(source):
        if _COMMENT_ACTION.match(source, start):
            for k in range(start, end):
                if blanked[k] != "\n":
                    blanked[k] = " "
    return tuple(zip((n for n, _ in lines), "".join(blanked).split("\n"), strict=True))


_COMMENT_ACTION = re.compile(r"\{\{-?\s*/\*")
_CHART_METADATA = re.compile(r"^(home|icon|sources|maintainers)\s*:")
_IMAGE_KEY = re.compile(r"(?i)^\s*(?:-\s+)?[\"']?(repository|registry)[\"']?\s*:")
_PARENT_IMAGE = re.compile(r"(?i)^\s*(?:-\s+)?[\"']?[\w.-]*image[\w.-]*[\"']?\s*:\s*(?:#.*)?$")


def not_contacted_lines(path: str, lines: tuple[tuple[int, str], ...]) -> set[int]:
    """Lines whose hosts are named, not contacted: a ``Chart.yaml``'s metadata; an image's repository/registry."""
    found: set[int] = set()
    if posixpath.basename(path) == "Chart.yaml":
        found.update(_metadata_lines(lines))
    if path.lower().endswith((".yaml", ".yml")):
        found.update(_image_lines(lines))
    return found


def _metadata_lines(lines: tuple[tuple[int, str], ...]) -> Iterator[int]:
    """The top-level metadata keys and everything indented under them."""
    inside = False
    for number, text in lines:
        if text and not text[0].isspace() and not text.startswith(("#", "-")):
            inside = bool(_CHART_METADATA.match(text))
        if inside:
            yield number


def _image_lines(lines: tuple[tuple[int, str], ...]) -> Iterator[int]:
    """``repository:``/``registry:`` keys of a mapping whose parent key names an image (``image:``,
    ``sysctlImage:``): Helm values' way to write the image a container runs."""
    parents: list[tuple[int, bool]] = []  # (column, names an image) of the open mapping keys
    for number, text in lines:
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        column = len(text) - len(text.lstrip(" -"))
        while parents and parents[-1][0] >= column:
            parents.pop()
        if _IMAGE_KEY.match(text) and parents and parents[-1][1]:
            yield number
        if stripped.endswith(":") or _PARENT_IMAGE.match(text):
            parents.append((column, bool(_PARENT_IMAGE.match(text))))
