"""Writes hold-out set 126's ``inventory.toml``: the unit files a stock Debian 12 server's packages ship.

Give it the pinned ``.deb`` files its README lists (``apt-get download systemd systemd-timesyncd …`` on bookworm,
each checked against the README's sha256); it lists every unit file (and unit alias link) under
``lib/systemd/system/`` and ``usr/lib/systemd/system/`` of their ``data.tar``, not the ``*.wants/``/``*.d/``
folders' contents, and prints the inventory. Needs no network itself; not part of the suite.

Run: ``python tests/preflight/holdout126/debian12_units.py DEB... > tests/preflight/holdout126/inventory.toml``
"""

from __future__ import annotations

import io
import sys
import tarfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # tests/, for pinned_files' ar reader

from pinned_files import deb_members

UNIT_DIRS = ("lib/systemd/system/", "usr/lib/systemd/system/")
UNIT_SUFFIXES = (".service", ".socket", ".timer", ".target", ".path", ".mount", ".automount", ".swap", ".slice")


def units_of(deb: bytes) -> set[str]:
    """Unit names a .deb installs into the system unit directories."""
    data = next(blob for name, blob in deb_members(deb) if name.startswith("data.tar"))
    names: set[str] = set()
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in tar:
            path = member.name.removeprefix("./")
            folder = next((d for d in UNIT_DIRS if path.startswith(d)), None)
            if folder is None or member.isdir():
                continue
            rest = path[len(folder) :]
            if "/" not in rest and rest.endswith(UNIT_SUFFIXES):
                names.add(rest)
    return names


def main(debs: list[str]) -> int:
    units = sorted(set().union(*(units_of(Path(d).read_bytes()) for d in debs)))
    print("# The unit files of a stock Debian 12 (bookworm) server: written by debian12_units.py from the pinned")
    print("# .debs README.md lists (systemd, systemd-timesyncd, openssh-server, cron, rsyslog, dbus, e2fsprogs,")
    print("# util-linux, logrotate, man-db, apt), every unit under lib/systemd/system/ and usr/lib/systemd/system/.")
    print('[host]\nos = "debian-12"\nsudo = false\n\n[network]\nallowed_endpoints = []\n\n[systemd]\nunits = [')
    for unit in units:
        quoted = unit.replace("\\", "\\\\").replace('"', '\\"')  # system-systemd\x2dcryptsetup.slice
        print(f'    "{quoted}",')
    print("]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
