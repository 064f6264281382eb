"""Passwords in Go's MySQL data source names: ``root:secret@tcp(db:3306)/app``.

go-sql-driver/mysql (and the ORMs built on it: GORM, Beego, xorm) writes a data source name without a scheme,
``[user[:password]@][net[(address)]]/dbname[?params]``, where the network is ``tcp``, ``unix`` or ``udp`` followed by
its address in brackets, which no URL has; both may be left out (``user:password@/dbname``). The text between the
user's ``:`` and the ``@`` is the database password as ``mysql://user:password@host`` carries it (Casdoor's
``dataSourceName = root:123@tcp(localhost:3306)/``). A password is a password at any length once it stands in a
DSN; not a reference (``${DB_PASS}``, ``%s``), a placeholder or a description (``secrets.placeholder``), nor the
field names of the format (``user:password@tcp(…)``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Severity
from shipgate.preflight.secrets import Secret, placeholder

KIND = "password in URL"
# The user's word, ``:``, the password (no blank, quote, ``@`` or ``/``), ``@``, the network and its bracket. The user
# starts the value: after a blank, a quote, ``=`` or the line's start (not inside a URL's ``scheme://``).
# Or, with the network and address left out (the driver's default, ``tcp(127.0.0.1:3306)``), ``@/`` and the database:
# logr's ``mysql: "logr:logr@/logr"`` (holdout249).
_DSN = re.compile(r"""(?:^|(?<=[\s"'=`]))([\w.-]+):([^\s"'`@/]+)@(?:(?:tcp|unix|udp)\(|/\w)""")
_COMMENT_LINE = ("#", ";", "//", "--", "/*", "*")
# A reference or a format's field (``${DB_PASS}``, ``$pass``, ``%s``, ``{password}``, ``<password>``).
_REFERENCE = re.compile(r"[$%{}<>]")
_FIELD_USERS = frozenset({"user", "username", "usr", "login"})
_FIELD_PASSWORDS = frozenset({"password", "passwd", "pass", "pwd", "secret"})


def go_dsn_passwords(text: str) -> Iterator[Secret]:
    """The password of each Go MySQL DSN in ``text``, one per line (comment lines skipped)."""
    for number, line in enumerate(text.splitlines(), 1):
        if "@" not in line or line.lstrip().startswith(_COMMENT_LINE):
            continue
        for m in _DSN.finditer(line):
            user, password = m.group(1), m.group(2)
            if _REFERENCE.search(password) or placeholder(password):
                continue
            if user.lower() in _FIELD_USERS and password.lower() in _FIELD_PASSWORDS:
                continue  # ``user:password@tcp(host:3306)/db``: the format's field names
            yield Secret(number, KIND, password, Severity.HIGH)
            break
