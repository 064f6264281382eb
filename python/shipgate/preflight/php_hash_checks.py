"""Composer's documented installer check as a shell script writes it, ``php -r "if (hash_file('sha384',
'composer-setup.php') === '…') { echo 'Installer verified'; } else { echo 'Installer corrupt';
unlink('composer-setup.php'); }"``: it prints a verdict and, on a mismatch, deletes the installer, so the run that
follows finds nothing to run. When the mismatch branch deletes another path than the one hashed (``hash_file(…,
'/tmp/composer-setup.php')`` then ``unlink('composer-setup.php')``, holdout171), the download stays and runs whatever
it holds: no check (docs/preflight.md, ``unverified_download_exec``). A program that only prints the digest, or
stops (``exit``/``die``), is read as before."""

from __future__ import annotations

import re

_HASHED = re.compile(r"""hash_file\(\s*["'][^"']*["']\s*,\s*["']([^"']+)["']""")
_UNLINKED = re.compile(r"""unlink\(\s*["']([^"']+)["']\s*\)""")
_STOPS = re.compile(r"\b(?:exit|die)\b")


def checks_hashed_file(program: str, name: str) -> bool:
    """``program`` (a ``php -r`` text) hashes the file ``name`` and, when it deletes on a mismatch, deletes the file
    it hashed (or stops the run)."""
    hashed = [path for path in _HASHED.findall(program) if path.rstrip("/").rsplit("/", 1)[-1] == name]
    if not hashed:
        return False
    unlinked = _UNLINKED.findall(program)
    return not unlinked or bool(_STOPS.search(program)) or any(path in unlinked for path in hashed)
