"""Network boot menus: their titles and entries are text on a console, not hosts anyone requests.

A provisioning server renders the menus the machines it boots show: a PXELINUX/SYSLINUX configuration
(``MENU TITLE Cobbler | https://cobbler.github.io``, ``MENU LABEL …``, ``TEXT HELP`` lines) and an iPXE script (a
file whose first line is ``#!ipxe``: ``menu <title>``, ``item <label> <text>``). A link in a title or an entry's
text is printed on the screen of the machine booting; what that machine fetches is named by ``KERNEL``/``APPEND``,
``kernel``/``chain``/``imgfetch`` lines, which stay read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# SYSLINUX menu directives whose argument is text (syslinux's menu.txt): titles, labels, help, messages
_SYSLINUX_TEXT = re.compile(
    r"(?i)^\s*(?:menu\s+(?:title|label|begin|passprompt|autoboot|tabmsg|notabmsg)\b|text\s+help\b)"
)
_IPXE_TEXT = re.compile(r"^\s*(?:menu|item|echo)\b")
_IPXE_MAGIC = "#!ipxe"


def menu_text_lines(lines: Sequence[tuple[int, str]]) -> set[int]:
    """Line numbers of the titles and entries of a boot menu (see the module docstring)."""
    ipxe = bool(lines) and lines[0][1].strip().lower() == _IPXE_MAGIC
    pattern = _IPXE_TEXT if ipxe else _SYSLINUX_TEXT
    return {number for number, text in lines if pattern.match(text)}
