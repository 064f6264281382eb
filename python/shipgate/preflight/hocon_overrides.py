"""A HOCON setting given a literal and then an optional override from the environment: GitBucket's
``password = "sa"`` followed by ``password = ${?GITBUCKET_DB_PW}``. HOCON keeps the earlier value when the variable is
unset (``${?NAME}`` is an optional substitution), so the literal is the value every deployment that sets no variable
runs with: a default, as ``${NAME:-sa}`` is in a shell. Read only for the same key written again on the next setting
line of the same block (comments and blank lines passed over), its whole value ``${?NAME}``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise

from shipgate.preflight.contents import Line
from shipgate.preflight.shell.model import ParameterDefault

_SETTING = re.compile(r"""^(?P<lead>\s*)(?P<key>[A-Za-z_][\w.-]*)\s*[=:]\s*(?P<value>"[^"]*"|[^\s"#${][^#]*?)\s*$""")
_OVERRIDE = re.compile(r"""^(?P<lead>\s*)(?P<key>[A-Za-z_][\w.-]*)\s*[=:]\s*\$\{\?(?P<name>[A-Za-z_][\w.]*)\}\s*$""")
_HOCON_SUFFIX = re.compile(r"(?i)\.(?:conf|hocon)(?:\.(?:example|sample|dist|template|tmpl|default|orig))?$")


def hocon_defaults(path: str, lines: Sequence[Line]) -> Iterator[ParameterDefault]:
    """Each literal a ``${?NAME}`` on the next setting line may override, as a default of that key."""
    if not _HOCON_SUFFIX.search(path):
        return
    written = [ln for ln in lines if ln.text.strip() and not ln.text.lstrip().startswith(("#", "//"))]
    for setting, following in pairwise(written):
        literal = _SETTING.match(setting.text)
        override = _OVERRIDE.match(following.text)
        if literal is None or override is None:
            continue
        if literal["key"] != override["key"] or literal["lead"] != override["lead"]:
            continue
        value = literal["value"].strip().strip('"')
        yield ParameterDefault(literal["key"], value, setting.number, setting.text.strip())
