"""A commented-out copy of a password the same file sets on a line in effect.

A configuration template often shows a setting twice: in effect (``$database_password = 'cactiuser';``,
``MARIADB_PASSWORD: privacyidea``) and again in a comment, as an alternative or a note on how to connect
(``#$rdatabase_password = 'cactiuser';``, ``# DB URI: mysql+pymysql://privacyidea:privacyidea@127.0.0.1/…``). It is
one secret, distributed once: reported on the line in effect. A password that only a comment holds is still
reported (a key in a comment is still distributed).
"""

from __future__ import annotations

from collections.abc import Mapping

_COMMENT = ("#", ";", "//", "--", "/*", "*", "<!--")


def commented_copy_lines(secrets: Mapping[int, str], lines: Mapping[int, str]) -> set[int]:
    """Of ``secrets`` (line -> the secret found there), the comment lines whose secret a line in effect also holds."""
    in_effect = {value for number, value in secrets.items() if value and not _commented(lines.get(number, ""))}
    return {number for number, value in secrets.items() if value in in_effect and _commented(lines.get(number, ""))}


def _commented(text: str) -> bool:
    return text.lstrip().startswith(_COMMENT)
