"""A literal a Python program gives a variable only when the variable is still empty: a fallback, read from the
program's lines (also a Python 2 file, which Python 3's ``ast`` refuses). The assignment's enclosing ``if`` tests
the same variable for emptiness, directly above it::

    db_pass = raw_input("Database Password : ")
    if db_pass == "" :
        db_pass = "nbp123"

Whenever the operator leaves the prompt (or the setting) empty the program runs with the literal, which every copy
shares: the same risk as a shell ``${DB_PASS:-nbp123}`` (``preflight.default_credential``, docs/preflight.md). The
caller passes the lines at which it found a literal assigned to a secret name, and decides which values count."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from shipgate.preflight.shell.model import ParameterDefault

_ASSIGNED = re.compile(r"""^(\s*)([A-Za-z_]\w*)\s*=\s*(["'])([^"'\\]*)\3\s*(?:#.*)?$""")
# ``if NAME == "":``, ``if NAME == '' :``, ``if not NAME:``, ``if NAME is None:`` (``elif`` too)
_EMPTY_TEST = r"""(?:{n}\s*==\s*(?:""|'')|(?:""|'')\s*==\s*{n}|not\s+{n}|{n}\s+is\s+None)"""


def prompt_fallbacks(lines: Mapping[int, str], candidates: Iterator[int]) -> Iterator[ParameterDefault]:
    """The candidate lines that assign a literal under an ``if`` testing the same name for emptiness."""
    for number in candidates:
        assigned = _ASSIGNED.match(lines.get(number, ""))
        if assigned is None:
            continue
        indent, name, value = assigned.group(1), assigned.group(2), assigned.group(4)
        header = lines.get(number - 1, "")
        test = _EMPTY_TEST.format(n=re.escape(name))
        guard = re.match(rf"^(\s*)(?:el)?if\s+\(?\s*{test}\s*\)?\s*:\s*(?:#.*)?$", header)
        if guard is not None and len(guard.group(1)) < len(indent):
            yield ParameterDefault(name, value, number, lines[number])


# A question asking for a password that shows its default in brackets: ``"Enter admin passwd [123ppcdb]:"``.
_PASSWORD_QUESTION = re.compile(r"""(?i)["'][^"']*\bpass(?:word|wd)?\b[^"'\[]*\[([^\]\s"'$]{3,})\]\s*:?\s*["']""")


def bracketed_prompt_defaults(lines: Mapping[int, str]) -> Iterator[ParameterDefault]:
    """``checkval('siteuserpass', "Enter $user passwd [123ppcdb123123]:", q/.*/, '123ppcdb123123')``: a call that asks
    for a password, shows a default in brackets and is handed that same literal, which the prompt helper returns
    when the answer is empty (hold-out set 193's csadmin installer). A question with no bracketed default, or one
    whose default is not among the call's literals (only shown), is no fallback."""
    for number, text in lines.items():
        question = _PASSWORD_QUESTION.search(text)
        if question is None:
            continue
        default = question.group(1)
        rest = text[question.end() :]
        if re.search(rf"""["']{re.escape(default)}["']""", rest):
            yield ParameterDefault("password", default, number, text)
