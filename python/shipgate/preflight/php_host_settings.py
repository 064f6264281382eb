"""The one-line string settings of a PHP settings file, as ``NAME=value`` for the host-setting reader.

A PHP settings file (``config.php``, ``config.inc.php``, ``local.php``: ``php_settings.settings_file_name``) names
the servers the product connects to as a variable or a constant given a string (phpList's ``$database_host =
'db.vendor.it';``, ``define('PHPMAILERHOST', 'smtp.vendor.it');``, ``define('HTTP_PROXY_HOST', 'proxy.vendor.it');``).
``endpoints`` reads ``NAME = value`` and ``NAME: value`` settings by their name; a ``$`` before the name and a
``define(…)`` around it hide them from it. This module gives each such line's name and value (holdout121), so the
same rules decide whether the name is one of a host the product contacts (``…host``, ``…server``) or of its own name
(``$site_url``). Only a statement that opens its line and ends on it; a value with a ``$`` is built at run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from shipgate.preflight.php_settings import is_php, settings_file_name

_ASSIGNED = re.compile(r"""^\s*\$([A-Za-z_]\w{0,127})\s*=\s*(['"])([^'"$\\]{1,512})\2\s*;""")
_DEFINED = re.compile(r"""^\s*define\s*\(\s*(['"])([A-Za-z_]\w{0,127})\1\s*,\s*(['"])([^'"$\\]{1,512})\3\s*\)\s*;""")


def php_string_settings(path: str, lines: Iterable[tuple[int, str]]) -> dict[int, tuple[str, str]]:
    """The name and value of each ``$name = 'value';`` and ``define('NAME', 'value');`` line of a PHP settings
    file, by line number (none in other files)."""
    if not (is_php(path) and settings_file_name(path)):
        return {}
    found: dict[int, tuple[str, str]] = {}
    for number, text in lines:
        if (m := _ASSIGNED.match(text)) is not None:
            found[number] = (m.group(1), m.group(3))
        elif (d := _DEFINED.match(text)) is not None:
            found[number] = (d.group(2), d.group(4))
    return found
