"""Files a runtime runs or loads by the name a download is saved under, whatever the script does next
(docs/preflight.md, ``unverified_download_exec``): read by the shell flow (``fetched``) and the Windows one
(``windows.flows``), with paths written with ``/`` (a Windows path's ``\\`` read as ``/``)."""

from __future__ import annotations

import re

# A program's plug-in saved straight into the folder its runtime loads them from (``addons/x.kar``, ``plugins/x.jar``,
# ``mods/x.jar``): a Java archive, a Karaf archive, a shared library or a PHP archive there is code it runs.
_LOADED_FILE = re.compile(r"(?:^|/)(?:addons|plugins|mods|extensions)/[^/]+\.(?:jar|kar|so|dll|phar)$", re.IGNORECASE)
# A program archive its runtime runs whole (``server/paper.jar``, a web application's ``.war``, ``composer.phar``):
# saved under that name it replaces or becomes the program the next start runs (holdout98's 1104mc updater).
_PROGRAM_ARCHIVE = re.compile(r"[^/]\.(?:jar|war|phar)$", re.IGNORECASE)


def _slashed(path: str) -> str:
    return path.strip().strip("'\"").replace("\\", "/")


def loaded_plugin(path: str) -> bool:
    """``path`` is a plug-in in the folder its runtime loads code from."""
    return _LOADED_FILE.search(_slashed(path)) is not None


def program_archive(path: str) -> bool:
    """``path`` names a program archive its runtime runs whole."""
    return _PROGRAM_ARCHIVE.search(_slashed(path)) is not None
