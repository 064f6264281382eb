"""A generated key pasted into a double-quoted ``echo``/``printf`` that writes a setting into a file:
``echo "SECRET_KEY=django-insecure-$31-6mesxgo6$3)kwb…$h^-0zl%939@xt@" > .env``. Django's, and many tools', generated
keys draw on ``$`` among their characters; inside double quotes the shell reads each ``$`` before a digit or a name
as an expansion of a parameter the key never meant (``$3``, ``$h``) and writes the rest: the literal text around
them is in the file, and the same in every install or image built from it.

``written_config`` skips an echo with any expansion (a variable's value is reported where it is assigned, not again
where it is written); this reads such a setting only when its value's expansions are plain parameters (no ``$(…)``
or backquote) and the literal text left, the expansions dropped, is itself a key's shape: at least 20 characters
with a random string's entropy (``PASSWORD=$PW``, ``TOKEN=${PREFIX}_x``, ``URL=https://$HOST/api`` stay unread).
The credential rule judges the setting as it judges a written one (``heredoc_settings``); docs/preflight.md
("Credentials")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.preflight.heredoc_settings import WrittenSetting
from shipgate.preflight.secrets import entropy
from shipgate.preflight.shell.commands import written_paths
from shipgate.preflight.shell.model import Script

_PRINTERS = frozenset({"echo", "printf"})
# ``NAME=value`` as one double-quoted word (``"SECRET_KEY=…"``), or unquoted.
_SETTING_WORD = re.compile(r'^"?([A-Za-z_]\w*)=([^"\'`]*)"?$')
# A parameter the shell expands inside double quotes: ``$3`` (one digit), ``$name``, ``${…}``, a special parameter.
_PARAMETER = re.compile(r"\$(?:\{[^{}$]*\}|[0-9]|[A-Za-z_]\w*|[@*#?!-])")
_MIN_LITERAL = 20
_KEY_ENTROPY = 3.5


def pasted_settings(script: Script) -> Iterator[WrittenSetting]:
    """Each ``NAME=value`` an echo or printf writes into a file whose value is a long random literal with
    parameter expansions inside it: the value as the file holds it (the expansions dropped)."""
    for command in script.commands:
        if command.name not in _PRINTERS or not written_paths(command):
            continue
        for word in command.words:
            m = _SETTING_WORD.match(word.raw)
            if m is None or word.value is not None or "$(" in m.group(2):
                continue
            literal = _PARAMETER.sub("", m.group(2))
            if "$" in literal or len(literal) < _MIN_LITERAL or entropy(literal) < _KEY_ENTROPY:
                continue
            yield WrittenSetting(command.line, m.group(1), literal)
