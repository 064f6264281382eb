"""INI and TOML sections named for links: their entries are links a page shows, not hosts the product contacts.

A section whose name's last word is ``link``/``links`` (``[distro_mapping_links]`` of a release monitor: ``Fedora =
"https://src.fedoraproject.org/rpms/%s"``, each a template the web page fills with a package's name; ``[links]``,
``[footer.links]``) holds what a page links to: the reader's browser follows them. The same rule as a single setting
named ``*_link(s)`` (``endpoints._MENTION_KEY``), applied to every entry of the section (``ini_sections``); the
section ends at the next header. A section named otherwise (``[mirrors]``, ``[upstreams]``) is read as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shipgate.preflight.ini_sections import sections

_LINK_NAME = re.compile(r"(?i)(?:^|[_.\s-])links?$")
_SUFFIXES = (".ini", ".toml", ".cfg", ".conf", ".sample", ".example", ".dist")


def link_section_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of the INI/TOML sections of ``path`` named for links (see the module docstring)."""
    if not path.lower().endswith(_SUFFIXES):
        return set()
    return {number for name, body in sections(lines).items() if _LINK_NAME.search(name) for number, _ in body}
