"""Guards a script writes around its steps: which user it runs as, and whether a branch ends the script.

``root_condition`` reads a test (``[ "$(id -u)" -ne 0 ]``, ``[[ $EUID == 0 ]]``, ``(( EUID != 0 ))``, ``(( UID ))``,
``[ "$user" != root ]`` where ``user=$(id -un)``) and says when it is true: ``root`` or ``not-root``. A flag the
script sets in a uid test's branch (``AS_ROOT=false; if [ "$(id -u)" = 0 ]; then AS_ROOT=true; fi``) is that test
when a later one compares it with one of its two values (``[ "$AS_ROOT" = false ]``: not-root)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from tree_sitter import Node

from shipgate.preflight.shell.printed_verdicts import flag_name, verdict_polarity
from shipgate.preflight.shell.root_values import is_root_value
from shipgate.preflight.shell.words import Bindings, text

_MAX_NODES = 400
_UID_TEXT = re.compile(
    r"^(?:\$\(\s*(?:/usr/bin/)?id\s+-u(?:n|\s+-n)?\s*\)|`\s*id\s+-u(?:n)?\s*`|\$\{?E?UID\}?|E?UID"
    r"|\$\(\s*whoami\s*\)|`\s*whoami\s*`|\$\{?USER\}?|\$\{?LOGNAME\}?)$"
)
_UID_SOURCE = re.compile(r"\bid\s+-u|\bwhoami\b|\$\{?E?UID\b")
_TRUE_WHEN_EQUAL = frozenset({"-eq", "=", "=="})
_TRUE_WHEN_DIFFERENT = frozenset({"-ne", "!=", "-gt"})
_ROOT_VALUE_MARK = re.compile(rb"0|root|-eq|-ne")  # a root literal, or a variable compared arithmetically
_MAX_SCREENED = 64 * 1024  # conditions up to this size are screened for a root value before they are walked
# Bash arithmetic on the uid alone: ``(( UID ))`` is true for every user but root, ``(( ! EUID ))`` for root alone.
_ARITHMETIC_UID = re.compile(r"\(\(\s*(!\s*)?\$?\{?E?UID\}?\s*\)\)")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


# ``${EUID:-$(id -u)}``: a variable's expansion with a default, which is one of the two values.
_DEFAULTED = re.compile(r"^\$\{([A-Za-z_]\w*):?-(.+)\}$")


def _is_uid(operand: str, bindings: Bindings, depth: int = 0) -> bool:
    """A uid operand: ``$(id -u)``, ``$EUID``, a variable assigned one, or a defaulted expansion both of whose
    values are one (``${EUID:-$(id -u)}``; not ``${EUID:-0}``, whose default is a number, not the uid)."""
    value = _unquote(operand)
    if _UID_TEXT.match(value):
        return True
    defaulted = _DEFAULTED.fullmatch(value) if depth == 0 else None
    if defaulted is not None:
        name, fallback = defaulted.groups()
        return _is_uid("$" + name, bindings, 1) and _is_uid(fallback, bindings, 1)
    m = re.fullmatch(r"\$\{?([A-Za-z_]\w*)\}?", value)
    if m is None:
        return False
    return any(_UID_SOURCE.search(a.raw) for a in bindings.by_name.get(m.group(1), ()))


# A flag's name -> (the value it is given in a uid test's branch, that branch's polarity); a function's printed
# verdict, keyed ``name()`` -> (what it prints as root, what it prints otherwise) (shell.printed_verdicts).
RootFlags = Mapping[str, tuple[str, str]]
_OPPOSITE = {"root": "not-root", "not-root": "root"}


def root_condition(node: Node, bindings: Bindings, flags: RootFlags | None = None) -> str | None:
    """'root' when the test is true for root, 'not-root' when true for other users, None if not a uid test."""
    arithmetic = _ARITHMETIC_UID.fullmatch(text(node).strip()) if node.type == "compound_statement" else None
    if arithmetic is not None:
        return "root" if arithmetic.group(1) else "not-root"
    screened = node.end_byte - node.start_byte <= _MAX_SCREENED and not _ROOT_VALUE_MARK.search(node.text or b"")
    if screened and not (flags and any(flag_name(name).encode() in (node.text or b"") for name in flags)):
        return None  # every uid test compares with 0 or root: none is written here
    whole = _misparsed_double_bracket(node)
    if whole is not None:
        return _combined_test(whole, bindings, flags)
    stack: list[tuple[Node, bool]] = [(node, False)]
    seen = 0
    while stack and seen < _MAX_NODES:
        current, negated = stack.pop()
        seen += 1
        if current.type in ("function_definition", "command_substitution", "heredoc_body"):
            continue
        if current.type == "test_command" and _COMBINED.search(text(current)):
            found = _combined_test(text(current), bindings, flags)
            if found is not None:
                return found if not negated else ("not-root" if found == "root" else "root")
        if current.type == "binary_expression":
            found = _comparison(current, bindings, flags)
            if found is not None:
                return found if not negated else ("not-root" if found == "root" else "root")
        flips = current.type == "negated_command" or (
            current.type == "unary_expression" and text(current).lstrip().startswith("!")
        )
        stack.extend((c, negated ^ flips) for c in reversed(current.named_children))
    return None


_COMBINED = re.compile(r"\s-[ao]\s")
# One word of a ``[ … ]`` test: quoted strings and ``$(…)`` kept whole.
_TEST_WORD = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'[^']*'|\$\((?:[^()]|\([^()]*\))*\)|[^\s"'])+""")


def _misparsed_double_bracket(node: Node) -> str | None:
    """``[[ "$1" = x && "$(id -u)" = 0 ]]``: after a ``=`` comparison tree-sitter-bash closes the ``[[`` test early
    and reads the rest as a ``&&`` list ending in a command whose last word is ``]]``. The whole test's text when
    the condition is such a list (one ``[[`` at its start, the ``]]`` only at its end), else None."""
    if node.type != "list":
        return None
    source = text(node).strip()
    if not (source.startswith("[[") and source.endswith("]]")) or source.count("[[") != 1 or source.count("]]") != 1:
        return None
    first = node.named_children[0] if node.named_children else None
    if first is None or first.type != "test_command" or text(first).rstrip().endswith("]]"):
        return None
    return source


def _combined_test(source: str, bindings: Bindings, flags: RootFlags | None = None) -> str | None:
    """``[ "$1" = x -a "$(id -u)" = 0 ]``: tree-sitter-bash groups ``-a``/``-o`` operands wrongly, so the
    test's words are split here (also ``&&``/``||`` inside a ``[[ … ]]`` the grammar cut short). Under ``-a``
    every clause must hold, so a uid clause decides the branch; under ``-o`` nothing follows from one clause."""
    double = source.strip().startswith("[[")
    stripped = source.strip().removeprefix("[[").removeprefix("[").removesuffix("]").removesuffix("]")
    words = [{"&&": "-a", "||": "-o"}.get(w, w) for w in _TEST_WORD.findall(stripped)]
    if "-o" in words:
        return None
    clause: list[str] = []
    for word in [*words, "-a"]:
        if word != "-a":
            clause.append(word)
            continue
        negated = bool(clause) and clause[0] == "!"
        found = _triple(clause[1:] if negated else clause, bindings, flags, double_bracket=double)
        if found is not None:
            return found if not negated else ("not-root" if found == "root" else "root")
        clause = []
    return None


def _triple(
    words: list[str], bindings: Bindings, flags: RootFlags | None = None, *, double_bracket: bool = False
) -> str | None:
    if len(words) != 3:
        return None
    left, operator, right = words
    return _polarity(left, operator, right, bindings, flags, double_bracket=double_bracket)


def _comparison(node: Node, bindings: Bindings, flags: RootFlags | None = None) -> str | None:
    named = [c for c in node.named_children if c.type != "test_operator"]
    operator = next((text(c) for c in node.children if c.type == "test_operator" or not c.is_named), None)
    if len(named) != 2 or operator is None:
        return None
    double = _in_double_bracket(node)
    return _polarity(text(named[0]), operator, text(named[1]), bindings, flags, double_bracket=double)


def _in_double_bracket(node: Node) -> bool:
    """The comparison is inside bash's ``[[ … ]]`` (not a ``[ … ]`` or ``test``), through a few ``&&``/``!`` levels."""
    current = node.parent
    for _ in range(8):
        if current is None:
            return False
        if current.type == "test_command":
            return text(current).lstrip().startswith("[[")
        current = current.parent
    return False


def _without_common_prefix(left: str, right: str) -> tuple[str, str]:
    """``"x$(id -u)" != "x0"``: the old guard against empty operands writes the same literal before both sides;
    the comparison is the one without it."""
    left, right = _unquote(left), _unquote(right)
    n = 0
    while n < min(len(left), len(right)) and left[n] == right[n] and left[n] not in "$`\\\"'":
        n += 1
    return (left[n:], right[n:]) if n else (left, right)


def _flag_polarity(left: str, operator: str, right: str, bindings: Bindings, flags: RootFlags) -> str | None:
    """A root flag compared with one of the only two literals the script ever gives it."""
    for operand, other in ((left, right), (right, left)):
        m = re.fullmatch(r"\$\{?([A-Za-z_]\w*)\}?", _unquote(operand))
        if m is None or m.group(1) not in flags or "$" in other:
            continue
        value, polarity = flags[m.group(1)]
        values = {a.value for a in bindings.by_name.get(m.group(1), ())}
        if None in values or len(values) != 2 or _unquote(other) not in values:
            return None
        same = _unquote(other) == value
        if operator in ("=", "=="):
            return polarity if same else _OPPOSITE[polarity]
        if operator == "!=":
            return _OPPOSITE[polarity] if same else polarity
    return None


def _polarity(
    left: str,
    operator: str,
    right: str,
    bindings: Bindings,
    flags: RootFlags | None = None,
    *,
    double_bracket: bool = False,
) -> str | None:
    if flags and (flagged := _flag_polarity(left, operator, right, bindings, flags)) is not None:
        return flagged
    if flags and (verdict := verdict_polarity(left, operator, right, flags)) is not None:
        return verdict
    left, right = _without_common_prefix(left, right)
    uid_against_root = any(
        _is_uid(uid, bindings)
        and not _is_uid(other, bindings)
        and is_root_value(_unquote(other), bindings, operator, double_bracket=double_bracket)
        for uid, other in ((left, right), (right, left))
    )
    if not uid_against_root:
        return None
    if operator in _TRUE_WHEN_EQUAL:
        return "root"
    if operator in _TRUE_WHEN_DIFFERENT:
        return "not-root"
    return None


# ``[ -z "$X" ]``, ``[ -z ${X+x} ]``, ``[[ -z "${X:-}" ]]``, ``test -z "$X"``: true when X is unset or empty.
_UNSET_TEST = re.compile(r'^(?:\[\[?|test)\s+-z\s+"?\$\{?([A-Za-z_]\w*)(?:[:+\-=?][^}"\s]*)?\}?"?\s*(?:\]\]?)?$')
# ``[ "$X" = "" ]``, ``[[ "${X}" == '' ]]``, ``test "$X" = ""``: the same test written as a comparison with nothing.
_EMPTY_COMPARISON = re.compile(
    r"""^(?:\[\[?|test)\s+"\$\{?([A-Za-z_]\w*)\}?"\s*==?\s*(?:""|'')\s*(?:\]\]?)?$"""
)


def unset_test(node: Node) -> str | None:
    """The variable a test checks for being unset or empty (the branch it guards assigns a fallback)."""
    source = text(node).strip().rstrip(";").strip()
    m = _UNSET_TEST.match(source) or _EMPTY_COMPARISON.match(source)
    return m.group(1) if m else None


# Statements whose inner steps run only sometimes: an exit inside them does not always end the script.
_CONDITIONAL = frozenset(
    {
        "if_statement",
        "case_statement",
        "while_statement",
        "for_statement",
        "c_style_for_statement",
        "subshell",
        "command_substitution",
        "process_substitution",
        "function_definition",
        "heredoc_body",
    }
)


def _every_branch_exits(statement: Node, exiting: frozenset[str], by_exec: bool) -> bool:
    """An ``if … then … [elif …] else … fi`` each of whose branches ends the script."""
    conditions = set(statement.children_by_field_name("condition"))
    branches = [[c for c in statement.named_children if c not in conditions and c.type not in _CLAUSES]]
    for clause in statement.named_children:
        if clause.type in _CLAUSES:
            inner = set(clause.children_by_field_name("condition"))
            branches.append([c for c in clause.named_children if c not in inner])
    if not any(c.type == "else_clause" for c in statement.named_children):
        return False
    return all(any(exits(c, exiting, by_exec=by_exec) for c in branch) for branch in branches)


_CLAUSES = frozenset({"elif_clause", "else_clause"})


def exits(node: Node, exiting: frozenset[str], *, by_exec: bool = True) -> bool:
    """Whether running ``node`` always ends the script: an ``exit`` (or a call to a function that exits), or an
    ``exec`` of a program (the shell is replaced by it; ``exec >log`` only redirects), in its own sequence of steps
    or in every branch of an ``if`` that has an ``else``; not inside a loop, subshell, ``$(…)`` or function.
    ``by_exec`` False: only an exit (a refusal), not a hand-over to another program."""
    stack = [node]
    seen = 0
    while stack and seen < _MAX_NODES:
        current = stack.pop()
        seen += 1
        kind = current.type
        if kind == "if_statement" and _every_branch_exits(current, exiting, by_exec):
            return True
        if kind in _CONDITIONAL or (kind == "list" and any(text(c) == "||" for c in current.children)):
            continue
        if kind == "command":
            name = current.child_by_field_name("name")
            word = text(name) if name is not None else ""
            if word == "exit" or word in exiting or (
                by_exec and word == "exec" and current.child_by_field_name("argument") is not None
            ):
                return True
            continue
        stack.extend(reversed(current.named_children))
    return False


_FAILING = frozenset({"return", "false"})


def stops(node: Node, exiting: frozenset[str]) -> bool:
    """Whether the right side of ``check || RIGHT`` stops the run when the check fails: it exits (``|| exit 1``,
    ``|| die "…"``), or returns or fails (``|| return 1`` in a function, ``|| false`` under ``set -e``), alone or
    as a step of a ``{ …; }`` group (``|| { echo "bad"; exit 1; }``). ``|| true`` and ``|| echo "warning"`` go on."""
    if exits(node, exiting, by_exec=False):
        return True
    steps = node.named_children if node.type == "compound_statement" else [node]
    for step in steps:
        name = step.child_by_field_name("name") if step.type == "command" else None
        if name is not None and text(name) in _FAILING:
            return True
    return False
