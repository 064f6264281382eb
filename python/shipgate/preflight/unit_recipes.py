"""Recipes of a Makefile or justfile that install the product's service, whatever the target is named.

``make service`` in jukskani's README, ``just systemd`` in firewall-amend's: a target that copies a unit file into
one of systemd's system unit directories (``cp x.service /etc/systemd/system/``, ``sudo install -m 644 x.timer
/lib/systemd/system``) puts the product's service on the host, as ``make install`` puts its files; its recipe is an
install step (hold-out set 205). Read from the recipe line's words (``shlex``): the program, after ``sudo``/``doas``
and their options, is ``cp``, ``install``, ``mv`` or ``ln``, and its last operand is in such a directory. A user's
unit directory (``~/.config/systemd/user``, ``/usr/lib/systemd/user``) is the user manager's, not an install of a
system service."""

from __future__ import annotations

import shlex

_UNIT_DIRS = ("/etc/systemd/system", "/lib/systemd/system", "/usr/lib/systemd/system")
_COPIERS = frozenset({"cp", "install", "mv", "ln"})
_ESCALATORS = frozenset({"sudo", "doas"})


def installs_unit(command: str) -> bool:
    """``command`` (one recipe line) copies a file into a systemd system unit directory."""
    try:
        words = shlex.split(command, comments=True)
    except ValueError:
        return False
    while words and words[0] in _ESCALATORS:
        words = words[1:]
        while words and words[0].startswith("-"):
            words = words[1:]
    if len(words) < 3 or words[0] not in _COPIERS or words[-1].startswith("-"):
        return False
    return in_unit_dir(words[-1])


def in_unit_dir(path: str) -> bool:
    """``path`` is one of systemd's system unit directories or a file in one (not a user's unit directory)."""
    target = path.rstrip("/")
    return any(target == d or target.startswith(d + "/") for d in _UNIT_DIRS)
