"""Files a provisioning server renders and hands to the machines it installs.

A network install server (Cobbler, Foreman, MAAS, Uyuni) ships the unattended answers of operating system installers
and their parts: kickstart files and their ``%pre``/``%post`` snippets, Debian preseeds, AutoYaST profiles, Agama and
Subiquity autoinstall scripts. It fills them in per machine and serves them over HTTP or TFTP; the installer of the
machine being installed runs them there, as root, at its install. Nothing in them runs on the server or during its
own upgrade: a ``mount``, ``insmod`` or ``systemctl enable`` in a snippet is the installed machine's step, an
``<ntp-server>`` in an answer file that machine's setting. They are known by their folder, named for the installer
automation it holds (``autoinstall_snippets/``, ``kickstarts/``, ``preseeds/``, ``autoyast/``).
"""

from __future__ import annotations

import re

_SERVED_DIR = re.compile(r"(?:^|/)(?:autoinstall|kickstart|preseed|autoyast)[\w.-]*/", re.IGNORECASE)


def is_served_install_file(path: str) -> bool:
    """A file under a folder of installer automation (``autoinstall_scripts/x``, ``kickstarts/snippets/y``)."""
    return bool(_SERVED_DIR.search(path))
