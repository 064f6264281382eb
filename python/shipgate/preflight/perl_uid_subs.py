"""Subs of a Perl script that test whether it runs as root, read from the tokens of
``shipgate.preflight.perl_script``'s bounded lexer (docs/preflight.md, "Program source").

A root check is often a sub: ``sub _is_root { my $login = (getpwuid $>); return $login eq 'root' ? 1 : 0; }`` or
``sub is_root { return $> == 0; }``, called where the script stops: ``if (!_is_root()) { die …; }``, ``die … unless
is_root();``. A sub is such a test when its body reads the uid (``$>``, ``$<``, ``$EUID``, …) and names root by its
name (``'root'``) or its uid (``0``); the call's statement is judged by ``perl_script`` like a ``$> != 0`` test.

The check is also written at the top level through the login name: ``my $login = (getpwuid $>); if ($login ne
'root') { die …; }``. ``getpwuid`` of the uid in scalar context is the user's name, so a scalar assigned it and
compared with ``'root'`` is read as the uid compared with ``0``."""

from __future__ import annotations

from collections.abc import Sequence

from shipgate.preflight.perl_programs import Token
from shipgate.preflight.perl_subs import definitions


def uid_tests(tokens: Sequence[Token], uid_variables: frozenset[str]) -> frozenset[str]:
    """The names of the subs whose body compares the uid with root's."""
    names: set[str] = set()
    for name, start, end in definitions(tokens):
        body = tokens[start : end + 1]
        reads_uid = any(t.kind == "var" and t.text in uid_variables for t in body)
        if reads_uid and any(t.text == "0" or (t.kind == "str" and t.text == "root") for t in body):
            names.add(name)
    return frozenset(names)


def login_names(tokens: Sequence[Token], uid_variables: frozenset[str]) -> frozenset[str]:
    """The scalars assigned the login name of the uid: ``my $login = (getpwuid $>);``, ``$user = getpwuid($<);``."""
    names: set[str] = set()
    for i in range(len(tokens) - 2):
        if tokens[i].kind != "var" or not tokens[i].text.startswith("$") or tokens[i + 1].text != "=":
            continue
        value = [t for t in tokens[i + 2 : i + 7] if t.text not in ("(", "scalar")]
        if len(value) >= 2 and value[0].text == "getpwuid" and value[1].text in uid_variables:
            names.add(tokens[i].text)
    return frozenset(names)
