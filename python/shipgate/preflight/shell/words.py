"""Shell words to values: quote removal and literal variable substitution, as the shell would do it when the
value does not depend on run time. Bounded: a value is cut at ``MAX_VALUE`` characters (``a=$a$a`` doubles)."""

from __future__ import annotations

import itertools
import posixpath
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tree_sitter import Node

from shipgate.preflight.shell.model import Assignment, ParameterDefault, Word

MAX_VALUE = 4096
# Nesting of quotes/expansions inside one word that is evaluated; deeper parts are "not known".
MAX_WORD_DEPTH = 32

_EXPANSION = re.compile(r"^\$\{(#?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(.*)\}$", re.S)
_DEFAULT_OPS = (":-", "-", ":=", "=")
_GUARD_OPS = (":?", "?")
_BACKSLASH = re.compile(r"\\(.)", re.S)
_PLAIN = frozenset({"word", "number", "extglob_pattern", "special_variable_name", "variable_name"})
_DQ_ESCAPE = re.compile(r"\\([$`\"\\\n])")
# Variables the shell sets itself: never literal.
_DYNAMIC = frozenset({"HOME", "USER", "LOGNAME", "PWD", "OLDPWD", "PATH", "UID", "EUID", "HOSTNAME", "RANDOM"})


@dataclass(frozen=True)
class Bindings:
    """Every assignment of the file, by name, in source order; a use sees the latest one above it, else the
    only value the name ever gets (a function defined above the assignment it reads). A value not known at all
    (``-B) BASE_URL="$2"``, an option that overrides a default) does not hide a literal: when the latest one
    above the use is such a value, the latest literal above it is the value; above every assignment, a single
    literal among such values is. A command's output (``d=$(mktemp -d)``) replaces the literal instead. A ``local``
    one in a function whose value is written out there hides every value other functions gave the name: the
    literal is looked for in that function only (``local unit_dir="/etc/systemd/system"`` in one function does not
    fill another's ``local unit_dir="${HOME}/…"``); one that copies an argument (``local _prefix="$2"``) may hold
    the caller's literal and does not."""

    by_name: Mapping[str, Sequence[Assignment]]
    # name -> the places in ``by_name[name]`` of its literal values, indexed as far as the list had grown (the
    # reader appends while it looks up): the latest literal above a use is found by bisection, not by a scan back.
    _literals: dict[str, list[int]] = field(default_factory=dict, compare=False, repr=False)
    _indexed: dict[str, int] = field(default_factory=dict, compare=False, repr=False)  # name -> entries indexed

    def lookup(self, name: str, line: int) -> Assignment | None:
        found = self.by_name.get(name)
        if not found:
            return None
        i = bisect_right(found, line, key=_line_of)  # assignments are in source order
        if i:
            latest = found[i - 1]
            if not _overrides(latest) or self._function_result(latest):
                return latest
            literal = self._literal_before(name, found, i - 1)
            if literal is not None and _own_local(latest) and literal.function != latest.function:
                return latest  # another function's value: this function's ``local`` shadows it
            return literal or latest
        values = {a.value for a in found}
        if len(values) == 1:
            return found[0]
        literals = [a for a in found if a.value is not None]
        if len({a.value for a in literals}) == 1 and all(a.value is not None or _overrides(a) for a in found):
            return literals[0]
        return None

    def lookup_set(self, name: str, line: int) -> Assignment | None:
        """``lookup`` for a variable the shell or the login sets (``$USER``, ``$HOME``): only an assignment above
        the use replaces the environment's value (``USER=${USER:-app}`` … ``chown $USER``), never a later one."""
        found = self.by_name.get(name)
        if not found or not bisect_right(found, line, key=_line_of):
            return None
        return self.lookup(name, line)

    def _literal_before(self, name: str, found: Sequence[Assignment], end: int) -> Assignment | None:
        """The latest assignment of ``name`` with a literal value among ``found[:end]``."""
        places = self._literals.setdefault(name, [])
        places += [p for p in range(self._indexed.get(name, 0), len(found)) if found[p].value is not None]
        self._indexed[name] = len(found)
        before = bisect_right(places, end - 1)
        return found[places[before - 1]] if before else None

    def _function_result(self, assignment: Assignment) -> bool:
        """``local file="$RETVAL"``: the value of a variable only functions assign (a helper's result handed back
        through a global, rustup's convention), known only once the call before it has run: like a command's output
        it replaces the literal above instead of leaving it in place."""
        m = _SIMPLE_REFERENCE.match(assignment.raw.partition("=")[2])
        if m is None:
            return False
        sources = self.by_name.get(m.group(1), ())
        return bool(sources) and all(a.function is not None and a.function != assignment.function for a in sources)


def _own_local(assignment: Assignment) -> bool:
    """``local unit_dir="${HOME}/.config/systemd/user"``: a ``local`` whose value is written out in the function,
    not one that copies an argument or a variable whole (``local _prefix="$2"``: the caller's value, which may be
    the literal a caller's same-named variable holds)."""
    return assignment.local and not _WHOLE_REFERENCE.match(assignment.raw.partition("=")[2])


# ``$2``, ``"$1"``, ``${NAME}``, ``"$@"``: a value that is one parameter or variable, whole.
_WHOLE_REFERENCE = re.compile(r"^\"?\$\{?(?:\w+|[@*])\}?\"?$")


# ``$NAME``, ``"$NAME"``, ``"${NAME}"``: an assignment that copies one variable.
_SIMPLE_REFERENCE = re.compile(r"^\"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?\"?$")


def _line_of(assignment: Assignment) -> int:
    return assignment.line


def _overrides(assignment: Assignment) -> bool:
    """A value not known at all and not a command's output (``BASE_URL="$2"``): it may override a literal."""
    return assignment.value is None and not assignment.prefix and assignment.generated_by is None


def _plain_word(raw: str, value: str | None, line: int) -> Word:
    """``Word(raw, value, line)`` at a fraction of the cost (a frozen dataclass sets each field through
    ``object.__setattr__``): most words of a script are plain. Only these three are set on the value: the
    other fields read their defaults from the class (a dataclass keeps them there), and a word sent back from
    a worker process (``shards``) is pickled and rebuilt with three entries, not nine."""
    word = object.__new__(Word)
    word.__dict__.update(raw=raw, value=value, line=line)
    return word


def text(node: Node) -> str:
    return (node.text or b"").decode("utf-8", "replace")


def _dq_unescape(written: str) -> str:
    """A double-quoted part's backslashes removed where the shell removes them (before ``$``, backquote, ``"``,
    backslash and newline)."""
    return _DQ_ESCAPE.sub(r"\1", written) if "\\" in written else written


def _unescape(written: str) -> str:
    """An unquoted word's backslashes removed (``\\ `` is a space, ``\\\\`` a backslash)."""
    return _BACKSLASH.sub(r"\1", written) if "\\" in written else written


@dataclass
class _Acc:
    parts: list[str | None]
    expands: list[str]
    assigned_at: int | None = None
    guarded: bool = False
    generated: bool = False
    # The word with what is known substituted and the rest left as written (``$HOME/.zshrc``).
    shape: list[str] = field(default_factory=list)

    def known(self, part: str) -> None:
        self.parts.append(part)
        self.shape.append(part)

    def unknown(self, shape: str) -> None:
        self.parts.append(None)
        self.shape.append(shape)


class WordReader:
    """Evaluates word nodes against the file's bindings; collects ``${X:-literal}`` defaults on the way."""

    def __init__(self, bindings: Bindings) -> None:
        self.bindings = bindings
        self.defaults: dict[tuple[str, int], ParameterDefault] = {}
        # ``${X:=…}`` with a default that is not empty, on these lines: X is set there when it was unset or empty.
        self.assigning: set[tuple[str, int]] = set()

    def word(self, node: Node, *, line: int | None = None) -> Word:
        kind = node.type
        if kind in _PLAIN or kind == "raw_string":  # most words: their value is their text
            raw = text(node)
            plain = _unescape(raw) if kind in _PLAIN else raw[1:-1]
            return _plain_word(raw[:MAX_VALUE], plain[:MAX_VALUE], node.start_point[0] + 1)
        use = line if line is not None else node.start_point[0] + 1
        acc = _Acc([], [])
        self._add(node, acc, use, 0)
        shape = "".join(acc.shape)[:MAX_VALUE]
        value: str | None = None
        prefix: str | None = None
        if all(p is not None for p in acc.parts):
            value = "".join(p for p in acc.parts if p is not None)[:MAX_VALUE]
        else:
            known = list(itertools.takewhile(lambda p: p is not None, acc.parts))
            prefix = "".join(p for p in known if p is not None)[:MAX_VALUE] or None
        word = _plain_word(text(node)[:MAX_VALUE], value, node.start_point[0] + 1)
        state = word.__dict__  # the fields that differ from their defaults (see ``_plain_word``)
        if acc.expands:
            state["expands"] = tuple(acc.expands)
        if acc.assigned_at is not None:
            state["assigned_at"] = acc.assigned_at
        if acc.guarded:
            state["guarded"] = acc.guarded
        if acc.generated:
            state["generated"] = acc.generated
        if prefix is not None:
            state["prefix"] = prefix
        if value is None:
            state["shape"] = shape
        return word

    def _add(self, node: Node, acc: _Acc, use: int, depth: int) -> None:
        kind = node.type
        if depth > MAX_WORD_DEPTH:
            acc.unknown(text(node))
        elif kind in _PLAIN:
            acc.known(_unescape(text(node)))
        elif kind == "raw_string":
            acc.known(text(node)[1:-1])
        elif kind == "ansi_c_string":
            acc.known(_ansi_c(text(node)[2:-1]))
        elif kind in ("string", "translated_string"):
            self._string(node, acc, use, depth)
        elif kind == "concatenation":
            for child in node.children:
                self._add(child, acc, use, depth + 1)
        elif kind == "simple_expansion":
            self._variable(_after_blank(node, acc)[1:], acc, use)
        elif kind == "expansion":
            self._expansion(node, acc, use, _after_blank(node, acc))
        elif kind == "command_substitution" and (path := self._path_part(node, use, depth)) is not None:
            acc.known(path)
        elif kind in ("command_substitution", "process_substitution"):
            acc.generated = True
            acc.unknown(text(node))
        else:
            acc.unknown(text(node))

    def _path_part(self, node: Node, use: int, depth: int) -> str | None:
        """``$(dirname "$HOOK")`` / `` `basename $F` `` of a path known here: what the tool prints, without running
        it (``HOOK=/etc/letsencrypt/renewal-hooks/deploy/x.sh`` gives ``/etc/letsencrypt/renewal-hooks/deploy``)."""
        inner = [c for c in node.named_children]
        if len(inner) != 1 or inner[0].type != "command":
            return None
        parts = inner[0].named_children
        if len(parts) != 2 or parts[0].type != "command_name" or text(parts[0]) not in ("dirname", "basename"):
            return None
        acc = _Acc([], [])
        self._add(parts[1], acc, use, depth + 1)
        if not acc.parts or any(p is None for p in acc.parts):
            return None
        value = "".join(p for p in acc.parts if p is not None)
        if not value or value.startswith("-") or "\n" in value:
            return None
        stripped = value.rstrip("/") or "/"
        return posixpath.dirname(stripped) or "." if text(parts[0]) == "dirname" else posixpath.basename(stripped)

    def _string(self, node: Node, acc: _Acc, use: int, depth: int) -> None:
        source = node.text or b""
        base = node.start_byte
        start = base + (2 if source.startswith(b"$") else 1)
        end = node.end_byte - 1
        cursor = start
        for child in node.named_children:
            if child.start_byte > cursor:
                acc.known(
                    _dq_unescape(source[cursor - base : child.start_byte - base].decode("utf-8", "replace"))
                )
            if child.type == "string_content":
                acc.known(_dq_unescape(text(child)))
            else:
                self._add(child, acc, use, depth + 1)
            cursor = max(cursor, child.end_byte)
        if end > cursor:
            acc.known(_dq_unescape(source[cursor - base : end - base].decode("utf-8", "replace")))

    def _variable(self, name: str, acc: _Acc, use: int) -> None:
        acc.expands.append(name)
        binding = self._binding(name, use)
        if binding is not None and acc.assigned_at is None:
            acc.assigned_at = binding.line
        _append_binding(acc, binding, f"${name}")

    def _binding(self, name: str, use: int) -> Assignment | None:
        return self.bindings.lookup_set(name, use) if name in _DYNAMIC else self.bindings.lookup(name, use)

    def _expansion(self, node: Node, acc: _Acc, use: int, source: str) -> None:
        """``${X…}`` as written in ``source`` (the node's text without the blank the parser puts in front of it)."""
        m = _EXPANSION.match(source)
        if m is None or m.group(1):  # ${#X} is a length; ${!X} and arrays are not followed
            acc.unknown(source)
            return
        name, rest = m.group(2), m.group(3)
        op = next((o for o in (*_GUARD_OPS, *_DEFAULT_OPS, ":+", "+") if rest.startswith(o)), None)
        if op is None:
            binding = self._binding(name, use)
            known = binding.value if binding is not None and binding.value else None
            replaced = None if known is None else _case_changed(known, rest) or _substitution(known, rest)
            if replaced is not None:  # ${X/github.com/api.github.com\/repos} of a known X, literal both sides
                acc.expands.append(name)
                if binding is not None and acc.assigned_at is None:
                    acc.assigned_at = binding.line
                acc.known(replaced)
            elif rest:  # ${X#pat}, ${X/a/*}, ${X:0:3}: a transformation
                acc.expands.append(name)
                acc.unknown(source)
            else:
                self._variable(name, acc, use)
            return
        acc.expands.append(name)
        binding = None if name in _DYNAMIC else self.bindings.lookup(name, use)
        if binding is not None and acc.assigned_at is None:
            acc.assigned_at = binding.line
        if op in _GUARD_OPS:
            acc.guarded = True
            _append_binding(acc, binding, f"${name}")
            return
        default = _literal_default(rest[len(op) :])
        if default == "" and (name.isdigit() or name in "@*"):
            # ``${1:-}`` only keeps ``set -u`` quiet: the value is the caller's argument, not the empty default
            default = None
        if default is None and op in _DEFAULT_OPS:
            default = self._nested_default(rest[len(op) :], use)
        if op in _DEFAULT_OPS:
            if op == ":=" and rest[len(op) :].strip("\"'"):
                self.assigning.add((name, node.start_point[0] + 1))
            if default is not None:
                line = node.start_point[0] + 1
                self.defaults.setdefault((name, line), ParameterDefault(name, default, line, source[:200]))
            known = binding.value if binding is not None else None
            value = known or (default if default is not None else self._variable_default(rest[len(op) :], use))
            unset = binding is None or (known == "" and op.startswith(":"))  # ``${X-d}`` keeps an empty X
            opening = _literal_opening(rest[len(op) :]) if unset else None
            if value is not None:
                acc.known(value)
            elif opening:  # ``${URL:-https://host/v$VERSION/x.zip}`` of an unset or empty URL: the default's start
                acc.known(opening)
                acc.unknown(rest[len(op) :].removeprefix('"')[len(opening) :].strip("\"'") or f"${name}")
            elif binding is None:
                acc.unknown(self._default_shape(rest[len(op) :], use) or f"${name}")
            else:
                acc.unknown(binding.shape or f"${name}")
            return
        acc.unknown(source)  # ${X:+alt}: depends on whether X is set

    def _nested_default(self, text_: str, use: int) -> str | None:
        """``${NOVA_PASSWORD:-${SERVICE_PASSWORD:-nova}}`` where this file sets neither: the inner default's literal is
        the value when the environment gives neither variable."""
        m = _NESTED_DEFAULT.fullmatch(text_.strip('"'))
        if m is None or m.group(1) in _DYNAMIC or self.bindings.lookup(m.group(1), use) is not None:
            return None
        return _literal_default(m.group(2))

    def _variable_default(self, text_: str, use: int) -> str | None:
        """``${KEY:-$BASE/key.asc}``: a default built from one variable this file sets, then literal text."""
        m = _VARIABLE_DEFAULT.match(text_)
        binding = self.bindings.lookup(m.group(1), use) if m else None
        if m is None or binding is None or binding.value is None:
            return None
        return binding.value + m.group(2)


    def _default_shape(self, text_: str, use: int) -> str | None:
        """``${DOCKER_BIN:-$HOME/bin}`` of a variable this file never sets: the default's shape (``$HOME/bin``), what
        the script uses unless the environment says otherwise, so the path it names is read (a ``bin`` directory);
        None when the default is not one variable and literal text."""
        m = _VARIABLE_DEFAULT.match(text_)
        if m is None:
            return None
        binding = None if m.group(1) in _DYNAMIC else self.bindings.lookup(m.group(1), use)
        start = binding.shape if binding is not None and binding.shape else f"${m.group(1)}"
        return start + m.group(2) if binding is None or binding.value is None else None


def _case_changed(value: str, op: str) -> str | None:
    """Bash's case modification of a known value: ``${X^}``/``${X^^}`` (first letter, all to upper case),
    ``${X,}``/``${X,,}`` (to lower case); None for any other operator."""
    changes = {
        "^": lambda v: v[:1].upper() + v[1:],
        "^^": str.upper,
        ",": lambda v: v[:1].lower() + v[1:],
        ",,": str.lower,
    }
    change = changes.get(op)
    return change(value) if change is not None else None


# ``${INNER:-literal}`` (or ``-``, ``:=``, ``=``) as a whole default
_NESTED_DEFAULT = re.compile(r"\$\{(\w+):?[-=]([^${}`]*)\}")
_VARIABLE_DEFAULT = re.compile(r"^\$\{?(\w+)\}?([^$`\"'\\]*)$")
# ``${X/pattern/replacement}`` (``//`` every match, ``/#`` at the start, ``/%`` at the end): the pattern up to the
# first unescaped ``/``. Followed only when both sides are literal (no glob, no expansion, no ``&``, which bash 5.2
# replaces by the match).
_SUBSTITUTION = re.compile(r"^/([/#%]?)((?:\\.|[^/\\])+)(?:/((?:\\.|[^\\])*))?$", re.S)


def _substitution(value: str, rest: str) -> str | None:
    """``value`` after the pattern substitution ``rest`` (``/a/b``, ``//a/b``, ``/#a/b``, ``/%a/b``); None when
    ``rest`` is no substitution or either side is not literal."""
    m = _SUBSTITUTION.match(rest)
    if m is None or any(ch in (m.group(2) + (m.group(3) or "")) for ch in "*?[$`&"):
        return None
    anchor = m.group(1)
    pattern, replacement = _BACKSLASH.sub(r"\1", m.group(2)), _BACKSLASH.sub(r"\1", m.group(3) or "")
    if anchor == "/":
        return value.replace(pattern, replacement)[:MAX_VALUE]
    if anchor == "#":
        return replacement + value[len(pattern) :] if value.startswith(pattern) else value
    if anchor == "%":
        return value[: len(value) - len(pattern)] + replacement if value.endswith(pattern) else value
    return value.replace(pattern, replacement, 1)[:MAX_VALUE]


def _after_blank(node: Node, acc: _Acc) -> str:
    """An expansion's text without the blanks in front of it, which are added to ``acc`` as written: inside a
    double-quoted string the bash grammar puts the blanks between two expansions into the second one's node
    (``"$file $url"`` has the nodes ``$file`` and `` $url``)."""
    raw = text(node)
    expansion = raw.lstrip(" \t")
    if len(expansion) < len(raw):
        acc.known(raw[: len(raw) - len(expansion)])
    return expansion


def _append_binding(acc: _Acc, binding: Assignment | None, written: str) -> None:
    """The variable's value; when it is not known, its known beginning and then the unknown rest (its shape:
    the assignment with what is known substituted, else the variable as written)."""
    if binding is not None and binding.value is not None:
        acc.known(binding.value)
        return
    if binding is not None and binding.prefix:
        acc.parts.append(binding.prefix)
    acc.unknown(binding.shape if binding is not None and binding.shape else written)


def _literal_opening(text_: str) -> str | None:
    """The literal text a default opens with before its first expansion (``https://host/v`` of
    ``https://host/v$VERSION/x.zip``, also inside the double quotes around the whole default, ``"https://host/v$V"``,
    holdout124); None when it opens with an expansion or holds quotes or escapes there."""
    opening = re.split(r"[$`]", text_.removeprefix('"'), maxsplit=1)[0]
    return opening if opening and not any(ch in opening for ch in "\"'\\") else None


def _literal_default(text_: str) -> str | None:
    """The default of ``${X:-…}`` when it is a literal: quotes removed; None when it expands anything."""
    if "$" in text_ or "`" in text_:
        return None
    if len(text_) >= 2 and text_[0] == text_[-1] and text_[0] in "\"'":
        return text_[1:-1]
    return _BACKSLASH.sub(r"\1", text_)


_ANSI_C_ESCAPE = re.compile(r"\\(?:([abeEfnrtv\\'\"?])|([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})"
                            r"|U([0-9A-Fa-f]{1,8})|c(.))", re.S)
_ANSI_C_SIMPLE = {"a": "\a", "b": "\b", "e": "\x1b", "E": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
                  "v": "\v", "\\": "\\", "'": "'", '"': '"', "?": "?"}


def _ansi_c_escape(m: re.Match[str]) -> str:
    simple, octal, hex2, hex4, hex8, control = m.groups()
    if simple is not None:
        return _ANSI_C_SIMPLE[simple]
    if control is not None:
        return chr(ord(control) & 0x1F)
    code = int(octal, 8) & 0xFF if octal is not None else int(hex2 or hex4 or hex8, 16)
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else m.group(0)


def _ansi_c(body: str) -> str:
    """The text of bash's ``$'…'`` string: its backslash escapes decoded as bash does (an unknown escape is kept)."""
    return _ANSI_C_ESCAPE.sub(_ansi_c_escape, body)
