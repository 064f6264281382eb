"""Files that hold an application's data, told by their names: a database file and its journals (``pos.db``,
``app.sqlite3``, ``pos.db-journal``, ``…-wal``), a dump (``*.sql``, ``*.dump``, ``*.bak``), an archive or a compressed
copy (``*.tar.gz``, ``*.zip``, ``*.gz``) and a log. What a backup sets aside or a restore puts back writes such files;
none of them is a compose file, an ``.env`` or a version file, so writing one cannot change which images a stack
names (docs/preflight.md, "Egress")."""

from __future__ import annotations

import posixpath
import re

_DATA_NAME = re.compile(
    r"\.(?:db|sqlite3?|sql|dump|bak|log|tar|tgz|txz|tbz2?|gz|xz|bz2|zst|zip|7z)"
    r"(?:-(?:journal|wal|shm))?$",
    re.IGNORECASE,
)


def data_file(path: str) -> bool:
    """``path`` names a data file (:data:`_DATA_NAME`) by its last component; a name still ending in an unexpanded
    variable (``"$TARGET"``) is not known to be one."""
    name = posixpath.basename(path.rstrip("/"))
    return bool(name) and "$" not in name.rsplit(".", 1)[-1] and bool(_DATA_NAME.search(name))
