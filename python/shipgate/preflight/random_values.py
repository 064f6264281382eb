"""Variables a script fills with a freshly generated random value (docs/findings.md, ``secret_printed``).

``KEY=$(openssl rand -hex 16)``, ``TOKEN=$(head -c 32 /dev/urandom | base64)``, ``PW=$(pwgen -s 20 1)``: a value an
installer draws from a random source is made to be a secret (a key, a token, a password), whatever the variable
is called; identifiers come from ``uuidgen`` or a counter, which are not read as random sources here. A variable
counts only when every value the script gives it is such a draw."""

from __future__ import annotations

import re

from shipgate.preflight.shell.model import Script

# The random sources installers draw secrets from: OpenSSL's and GnuPG's generators, the kernel's devices, the
# password generators, Python's ``secrets`` module.
_RANDOM_SOURCE = re.compile(
    r"\bopenssl\s+rand\b|/dev/u?random\b|\b(?:pwgen|apg|makepasswd)\b|\bgpg2?\s+--gen-random\b|\bsecrets\.token_"
)

_last: list[tuple[Script, frozenset[str]]] = []  # the last script asked about (checks ask once per printed word)


def random_values(script: Script) -> frozenset[str]:
    """The variables every assignment of which is the output of a random source."""
    if _last and _last[0][0] is script:
        return _last[0][1]
    drawn: set[str] = set()
    other: set[str] = set()
    for a in script.assignments:
        value = a.raw.partition("=")[2]
        if a.generated_by is not None and _RANDOM_SOURCE.search(value):
            drawn.add(a.name)
        else:
            other.add(a.name)
    found = frozenset(drawn - other)
    _last[:] = [(script, found)]
    return found
