"""The publisher's web addresses an installer script shows rather than contacts (docs/preflight.md, holdout276):
Inno Setup's ``[Setup]`` ``AppPublisherURL``/``AppSupportURL``/``AppUpdatesURL`` (links in Programs and Features),
and an NSIS ``!define`` whose symbol is used only as such text: version information (``VIAddVersionKey``), the
uninstall key's values (``WriteRegStr HKLM "…\\Uninstall\\…" URLInfoAbout "${URL}"``), the installer's captions and
messages, the Modern UI's pages (``!define MUI_FINISHPAGE_LINK_LOCATION ${URL}``), or nowhere in the script. A
symbol a download, a program run or another registry value uses stays a setting: its host is read where the text
reader finds it."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

_INNO_LINKS = frozenset({"apppublisherurl", "appsupporturl", "appupdatesurl"})
_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*$")
_INNO_SETTING = re.compile(r"^\s*(\w+)\s*=")
_NSIS_DEFINE = re.compile(r"^\s*!define\s+(?:/\w+\s+)*(\w+)\s+\S", re.I)
# Lines whose text is shown to people or filed as the product's entry, never fetched.
_SHOWN = re.compile(
    r"""^\s*(?:(?:VIAddVersionKey|Name|Caption|SubCaption|BrandingText|DetailPrint|MessageBox|!define\s+MUI_\w+)\b"""
    r"""|(?:WriteRegStr|WriteRegExpandStr)\s+\S+\s+"?[^"\s]*\\Uninstall\\)""",
    re.I,
)


def metadata_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of an installer script whose URLs are the publisher's links (empty for any other file)."""
    name = posixpath.basename(path).lower()
    if name.endswith(".iss"):
        return _inno_links(lines)
    if name.endswith((".nsi", ".nsh")):
        return _shown_defines(lines, whole_script=name.endswith(".nsi"))
    return set()


def _inno_links(lines: Sequence[tuple[int, str]]) -> set[int]:
    found: set[int] = set()
    section = ""
    for number, text in lines:
        header = _SECTION.match(text)
        if header is not None:
            section = header.group(1).strip().lower()
            continue
        setting = _INNO_SETTING.match(text) if section == "setup" else None
        if setting is not None and setting.group(1).lower() in _INNO_LINKS:
            found.add(number)
    return found


def _shown_defines(lines: Sequence[tuple[int, str]], whole_script: bool) -> set[int]:
    """The URL-valued ``!define`` lines whose symbol only shown lines use; one no line uses counts in a script, not
    in a header (``.nsh``), whose symbols the including script may use."""
    defines = {number: m.group(1) for number, text in lines if (m := _NSIS_DEFINE.match(text)) and "://" in text}
    found: set[int] = set()
    for number, symbol in defines.items():
        use = "${" + symbol + "}"
        uses = [text for n, text in lines if n != number and use in text]
        if (uses or whole_script) and all(_SHOWN.match(text) for text in uses):
            found.add(number)
    return found
