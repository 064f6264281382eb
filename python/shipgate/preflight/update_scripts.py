"""Install scripts of update packages whose runner is an appliance's update system, known by the interface that
runner gives them (their names are generic: ``update.sh``, ``hook``):

- IPFire's pakfire unpacks a core update or add-on and runs its ``install.sh``/``update.sh``/``uninstall.sh`` as
  root; each sources pakfire's own library, ``/opt/pakfire/lib/functions.sh`` (``extract_files``, ``stop_service``).
- RAUC runs a bundle's hooks and slot handlers as root with the slot and image in its environment
  (``RAUC_SLOT_CLASS``, ``RAUC_IMAGE_NAME``, ``RAUC_SLOT_DEVICE``, ``RAUC_MOUNT_PREFIX`` …): a script that reads
  them, and sets none of them itself, is one RAUC runs.

Like a dpkg maintainer script, such a file requires root by what runs it.

``listed_update_scripts`` reads the update image's own description in a whole package: SWUpdate's ``sw-description``
(its ``scripts: ( { filename = "…"; type = "shellscript"; } )``, run as root before or after the images are
installed) and RAUC's ``manifest.raucm`` (``[hooks] filename=…``, ``[handler] filename=…``): the scripts they name,
whatever those files say about themselves."""

from __future__ import annotations

import configparser
import posixpath
import re
from collections.abc import Mapping

from shipgate.preflight.shell.model import Script

_PAKFIRE_LIBRARY = "/opt/pakfire/lib/functions.sh"
# The variables RAUC exports to hooks and handlers (docs: "Custom Handlers"/"Hooks" environment).
_RAUC_ENV = frozenset(
    {
        "RAUC_SLOT_CLASS",
        "RAUC_SLOT_DEVICE",
        "RAUC_SLOT_NAME",
        "RAUC_SLOT_TYPE",
        "RAUC_SLOT_BOOTNAME",
        "RAUC_SLOT_PARENT",
        "RAUC_SLOT_MOUNT_POINT",
        "RAUC_IMAGE_NAME",
        "RAUC_IMAGE_DIGEST",
        "RAUC_IMAGE_CLASS",
        "RAUC_MOUNT_PREFIX",
        "RAUC_BUNDLE_MOUNT_POINT",
        "RAUC_UPDATE_SOURCE",
        "RAUC_TARGET_SLOTS",
        "RAUC_SYSTEM_COMPATIBLE",
    }
)


def _sources_pakfire(script: Script) -> bool:
    return any(
        c.name in (".", "source") and c.words and c.words[0].text == _PAKFIRE_LIBRARY for c in script.commands
    )


def _reads_rauc_environment(script: Script) -> bool:
    read = {n for c in script.commands for w in (*c.words, *((c.program,) if c.program else ())) for n in w.expands}
    read.update(n for t in script.tests for n in t.expands)
    assigned = {a.name for a in script.assignments}
    return bool(read & _RAUC_ENV) and not assigned & _RAUC_ENV


def run_by_updater(script: Script) -> str | None:
    """Which appliance update system runs ``script`` as root (``pakfire``, ``RAUC``), or None."""
    if _sources_pakfire(script):
        return "pakfire"
    if _reads_rauc_environment(script):
        return "RAUC"
    return None


_MAX_DESCRIPTION = 256 * 1024
_SCRIPTS_BLOCK = re.compile(r"\bscripts\s*[:=]\s*\(")
_FILENAME = re.compile(r'\bfilename\s*=\s*"([^"\n]{1,200})"')


def _block(text: str, start: int) -> str:
    """The text from ``start`` (just after an opening parenthesis) to its matching one (bounded by the text)."""
    depth = 1
    for i in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return text[start:i]
    return text[start:]


def _swupdate_scripts(text: str) -> set[str]:
    """File names in the ``scripts`` lists of a ``sw-description`` (Lua scripts run in SWUpdate itself)."""
    names: set[str] = set()
    for m in _SCRIPTS_BLOCK.finditer(text):
        names.update(n for n in _FILENAME.findall(_block(text, m.end())) if not n.endswith(".lua"))
    return names


def _rauc_scripts(text: str) -> set[str]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return set()
    return {parser[s]["filename"] for s in ("hooks", "handler") if parser.has_option(s, "filename")}


def listed_update_scripts(files: Mapping[str, bytes]) -> frozenset[str]:
    """Package paths of the scripts a ``sw-description`` or ``manifest.raucm`` in the package names (beside it)."""
    found: set[str] = set()
    for path, data in files.items():
        name = posixpath.basename(path)
        swupdate = name == "sw-description"
        if not (swupdate or name.endswith(".raucm")) or len(data) > _MAX_DESCRIPTION:  # RAUC's manifest.raucm
            continue
        text = data.decode("utf-8", "replace")
        names = _swupdate_scripts(text) if swupdate else _rauc_scripts(text)
        folder = posixpath.dirname(path)
        found.update(p for n in names if (p := posixpath.join(folder, posixpath.basename(n))) in files)
    return frozenset(found)
