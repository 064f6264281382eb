"""Which side of a package's life a script runs on, from its name, for :func:`shell.actions.on_removal_only`.

- **Removal only, the whole file**: Alpine apk's ``*.pre-deinstall``/``*.post-deinstall`` and FreeBSD pkg's
  ``+PRE_DEINSTALL``/``+POST_DEINSTALL``/``+DEINSTALL`` (a port's ``pkg-deinstall``, a manifest's
  ``pre-deinstall``): an upgrade runs the ``*-upgrade`` scripts (apk) or skips the deinstall scripts (pkg's
  ``pkg_delete`` with ``PKG_DELETE_UPGRADE``), so they run only when the package is removed.
- **Removal side**: dpkg's ``prerm``/``postrm``, RPM's ``%preun``/``%postun`` kept as files (``preun``,
  ``foo.postun``), fpm/nfpm/electron-builder's ``before-remove``/``after-remove``/``post-uninstall``. They run on an
  upgrade too (dpkg passes ``upgrade``; rpm the count of versions left, 1 or more) and alone on a removal (dpkg's
  ``remove``/``purge``, rpm's 0): what such a script does after it has ended on an upgrade, or in a branch an
  upgrade does not take, runs only on removal.
- **Arch ``.install``**: pacman calls ``pre_remove``/``post_remove`` only on removal (an upgrade calls
  ``pre_upgrade``/``post_upgrade``): :data:`PACMAN_REMOVAL_FUNCTIONS`.

- **A removal the operator runs**: a vendor's own ``uninstall.sh``, ``wipe_server.sh``, ``teardown.sh``,
  ``purge-data.sh`` (a name that begins or ends with the removal word, not a package manager's removal-side
  scriptlet): nothing runs it on an upgrade; the operator who runs it asks for what it deletes
  (:func:`removal_script`).

RPM's first argument is a count (``[ $1 -eq 0 ]``: erase) only in an RPM scriptlet: a spec file or a removal-side
script (fpm's scripts serve rpm too). :func:`counts_versions` says where a number compared with ``$1`` means that.
"""

from __future__ import annotations

import posixpath
import re

_APK_REMOVAL = (".pre-deinstall", ".post-deinstall")
_PKG_REMOVAL = frozenset({"+PRE_DEINSTALL", "+POST_DEINSTALL", "+DEINSTALL"})
_PORT_REMOVAL = frozenset({"pkg-deinstall", "pre-deinstall", "post-deinstall"})
# ``prerm``, ``foo.postrm``, ``preun``, ``before-remove``, ``after_remove``, ``post-uninstall``, ``afterRemoveDEB``.
_REMOVAL_SIDE = re.compile(r"(?:^|[-_.+])(?:pre|post|before|after)[-_]?(?:rm|remove|uninstall|deinstall|un(?![a-z]))")
_SCRIPT_SUFFIXES = (".in", ".sh", ".bash")
PACMAN_REMOVAL_FUNCTIONS = frozenset({"pre_remove", "post_remove"})


def _name(path: str) -> str:
    name = posixpath.basename(path)
    for suffix in _SCRIPT_SUFFIXES:
        name = name.removesuffix(suffix)
    return name


def removal_only_file(path: str) -> bool:
    """apk's and FreeBSD pkg's deinstall scripts: never run on an upgrade."""
    name = _name(path)
    return name.endswith(_APK_REMOVAL) or name.partition(".")[0] in _PKG_REMOVAL or name in _PORT_REMOVAL


def removal_side(path: str) -> bool:
    """A script the package manager runs on a removal and on an upgrade (module docstring)."""
    return not removal_only_file(path) and bool(_REMOVAL_SIDE.search(_name(path).lower()))


# ``uninstall``, ``uninstall-agent``, ``docker_uninstall``, ``wipe_server``, ``teardown``, ``purge-data``: the first
# or last word of the name; a name that also says it installs or upgrades does more than remove.
_REMOVAL_WORDS = frozenset({"uninstall", "deinstall", "wipe", "teardown", "purge", "destroy", "remove"})
_INSTALL_WORDS = frozenset({"install", "upgrade", "update", "setup", "deploy", "migrate", "then", "and", "reinstall"})


def removal_script(path: str) -> bool:
    """A script the operator runs to take the product away (module docstring), not a removal-side scriptlet."""
    words = re.split(r"[-_.]", _name(path).lower())
    if removal_side(path) or removal_only_file(path) or _INSTALL_WORDS.intersection(words):
        return False
    if any(re.search(r"(?:^|[-_])hooks$", part) for part in path.lower().split("/")[:-1]):
        return False  # ``hooks/remove``, ``snap-hooks/remove``: a tool runs it on its event, not the operator
    return words[0] in _REMOVAL_WORDS or words[-1] in _REMOVAL_WORDS


def counts_versions(path: str) -> bool:
    """``$1`` may be rpm's count of installed versions: an RPM spec's scriptlets or a removal-side script."""
    lower = path.lower()
    return lower.endswith((".spec", ".spec.in")) or removal_side(path)


def pacman_install(path: str) -> bool:
    return path.lower().endswith(".install")
