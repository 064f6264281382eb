"""Passwords of a space-separated directive file: ``dbpass pandora``.

Some servers read their configuration as one directive a line, a lower-case name, blanks, then its argument, with
no ``=`` or ``:`` between them (Pandora FMS' ``pandora_server.conf``: ``dbuser pandora``, ``dbpass pandora``,
``console_pass pandora``). The keyword reader splits on ``=`` and ``:`` only, so such a file's password directives
go unread. A file is taken as one when nearly all of its setting lines (neither blank nor a ``#``/``;`` comment) are
such directives with one argument, enough of them that the form is the file's and not a stray line's; nginx's
``proxy_pass http://…;`` (a ``;`` ends each line, blocks open with ``{``) and Apache's CamelCase directives are not
of that form. In such a file a directive named for a password (``…_pass``, ``dbpass``, ``…passwd``, ``…password``,
``…pwd``) whose one argument is a literal is a password the server runs with (holdout121).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Severity
from shipgate.preflight.contents import Line
from shipgate.preflight.secrets import Secret, allowed, password_name

KIND = "password directive"
# ``name argument``: a lower-case name, blanks, one argument with no blank inside and no ``;`` ending it.
_DIRECTIVE = re.compile(r"^([a-z][a-z0-9_]{0,63})[ \t]+([^\s;{}]{1,256})\s*$")
# ``pass`` run into the word for whose password it is (``dbpass``, ``adminpass``); not ``bypass`` or ``compass``
_JOINED_PASS = re.compile(r"(?:^|_)(?:db|sql|mysql|pg|user|admin|root|smtp|mail|mta|ldap|bind|api)pass$")
_COMMENT = ("#", ";")
_MIN_DIRECTIVES = 10  # a file of directives, not a few lines that happen to look so
_SHARE = 0.8  # of the setting lines
_CODE_POINT = re.compile(r"^(?:0x|U\+)?[0-9a-fA-F]{2,6}$")


def _settings(lines: tuple[Line, ...]) -> list[Line]:
    return [ln for ln in lines if ln.text.strip() and not ln.text.lstrip().startswith(_COMMENT)]


def directive_file(lines: tuple[Line, ...]) -> bool:
    """Nearly all of the setting lines are ``name argument`` directives, at least :data:`_MIN_DIRECTIVES` of them,
    and not a table of codes: an icon font's ``.codepoints`` (``password e8ae``, ``lock e897``) gives every name a
    hex code point, where a server's settings take arguments of many shapes."""
    settings = _settings(lines)
    arguments = [m.group(2) for ln in settings if (m := _DIRECTIVE.match(ln.text))]
    codes = sum(1 for a in arguments if _CODE_POINT.match(a))
    return (
        len(arguments) >= _MIN_DIRECTIVES
        and len(arguments) >= _SHARE * len(settings)
        and codes < _SHARE * len(arguments)
    )


def directive_passwords(lines: tuple[Line, ...]) -> Iterator[Secret]:
    """The literal argument of each password directive of a directive file (none in another file)."""
    if not directive_file(lines):
        return
    for ln in _settings(lines):
        m = _DIRECTIVE.match(ln.text)
        if m is None or not (password_name(m.group(1)) or _JOINED_PASS.search(m.group(1))):
            continue
        value = m.group(2).strip("\"'")
        if value and not allowed(value, name=m.group(1)):
            yield Secret(ln.number, f"{KIND} ({m.group(1)})", value, Severity.HIGH)
