"""Who runs a script a package installs, when it is not the account that runs the upgrade.

Two kinds of file are never run by the installer account, so what the privilege checks ask of an installer
(escalation, a uid check, sudo being available) does not apply to them:

- **Scripts a system service runs as root, on its own events** (:func:`run_by_system`): SysV init scripts, ifupdown,
  PPP, networkd-dispatcher and NetworkManager dispatcher hooks, resolvconf update hooks, dhclient hooks, OCF
  resource agents (Pacemaker), systemd sleep/shutdown hooks, runit service ``run``/``finish`` scripts, s6-overlay's
  service and oneshot scripts (``etc/s6-overlay/s6-rc.d/<name>/run``, ``etc/services.d/<name>/run``: root in the
  container, before or beside its processes), kernel and initramfs hooks, periodic cron scripts. Init, rc and
  supervised run scripts kept elsewhere are known by their text (``init_scripts.service_script``).
- **The payload of a system package** (:func:`installed_payload`): when the package holds dpkg/rpm maintainer
  scripts, the files under the file-system hierarchy (``usr/``, ``etc/``, ``lib/``, ``bin/``, ``sbin/``, ``opt/``,
  ``var/``, ``srv/``) are what the package manager, as root, puts on disk: tools an administrator runs later.
  What such a tool would do when someone runs it later (delete, download, contact a host, stop a service) is
  not what the upgrade does: the checks of what a step does read :func:`steps`; credentials are read everywhere.
  The maintainer scripts stay the installer's steps, and so does a helper they run on install or upgrade
  (:func:`called_by_maintainer`). Privilege checks skip the whole payload: what a maintainer script runs runs
  as root.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from shipgate.preflight.contents import Context, is_maintainer_script, is_periodic_cron_script
from shipgate.preflight.distributed import is_development_file
from shipgate.preflight.image_elements import is_image_build_step, is_in_image
from shipgate.preflight.package_scripts import shell_text
from shipgate.preflight.provisioning import is_served_install_file
from shipgate.preflight.shell.actions import on_removal_only
from shipgate.preflight.shell.model import Command, Script
from shipgate.preflight.shell.reader import parse_script

_MAX_MAINTAINER_SCRIPT = 1 << 20
_INTERPRETERS = frozenset(
    {"sh", "bash", "dash", "ksh", "zsh", "python", "python3", "perl", "php", "ruby", ".", "source"}
)

_SYSTEM_RUN = re.compile(
    r"(?:^|/)(?:"
    r"etc/init\.d/[^/]+|etc/rc\.d/init\.d/[^/]+"
    r"|etc/network/if-(?:pre-up|up|down|post-down)\.d/[^/]+"
    r"|etc/ppp/ipv?6?-(?:up|down)\.d/[^/]+"
    r"|(?:usr/)?lib/networkd-dispatcher/[^/]+\.d/[^/]+|etc/networkd-dispatcher/[^/]+\.d/[^/]+"
    r"|(?:etc|(?:usr/)?lib)/NetworkManager/dispatcher\.d/(?:[^/]+/)?[^/]+"
    r"|etc/resolvconf/update(?:-libc)?\.d/[^/]+"
    r"|etc/dhcp/dhclient-(?:enter|exit)-hooks\.d/[^/]+"
    r"|(?:usr/)?lib/ocf/resource\.d/[^/]+/[^/]+"
    r"|(?:usr/)?lib/systemd/system-(?:sleep|shutdown)/[^/]+"
    r"|etc/(?:sv|runit/runsvdir/[^/]+)/[^/]+/(?:log/)?(?:run|finish)"
    r"|etc/s6-overlay/s6-rc\.d/[^/]+/(?:run|finish|up|down)|etc/services\.d/[^/]+/(?:run|finish)"
    r"|etc/kernel/(?:pre|post)(?:inst|rm)\.d/[^/]+"
    r"|(?:etc|usr/share)/initramfs-tools/(?:hooks|scripts/[^/]+)/[^/]+"
    r")$"
)
_HIERARCHY = re.compile(r"^(?:usr|etc|lib|lib64|bin|sbin|opt|var|srv)/")


def run_by_system(path: str) -> bool:
    """A script a system service runs as root on its own events, never the installer."""
    return bool(_SYSTEM_RUN.search(path)) or is_periodic_cron_script(path)


def system_package(paths: Iterable[str]) -> bool:
    """The package holds dpkg/rpm maintainer scripts: its package manager installs the rest as root. A ``config``
    alone does not make one (a debconf script comes with the ``postinst`` that reads its answers; a source tree's
    ``config`` is a configuration file)."""
    return any(is_maintainer_script(p) and p != "config" for p in paths)


def installed_payload(path: str, system: bool) -> bool:
    """A file a system package's manager puts under the file-system hierarchy, not a step of the install."""
    return system and bool(_HIERARCHY.match(path)) and not is_maintainer_script(path)


def called_by_maintainer(files: Mapping[str, bytes]) -> frozenset[str]:
    """The absolute paths a package's maintainer scripts run, source or pass to a program (``/usr/share/foo/
    migrate.sh``, ``sh /usr/lib/foo/setup``), without the leading ``/``: a payload file named there is a step. So is
    a program of the package's own on the ``PATH`` a maintainer script runs by its name (debsecan's postinst runs
    ``debsecan-create-cron``, which is ``usr/sbin/debsecan-create-cron``)."""
    named: set[str] = set()
    if not any(_HIERARCHY.match(p) and not is_maintainer_script(p) for p in files):
        return frozenset()  # no payload for them to run: nothing to read
    for path, data in files.items():
        if not is_maintainer_script(path) or len(data) > _MAX_MAINTAINER_SCRIPT:
            continue
        script = parse_script(shell_text(path, data.decode("utf-8", errors="replace")), path=path)
        for command in script.commands:
            if on_removal_only(command):
                continue
            run = run_path(command)
            if run is not None:
                named.add(run.lstrip("/"))
            elif (found := _on_path(command, files)) is not None:
                named.add(found)
    return frozenset(named)


# The folders a maintainer script's ``PATH`` holds (Debian Policy 6.1: root's, with the ``sbin`` folders)
_PATH_DIRS = ("usr/local/sbin/", "usr/local/bin/", "usr/sbin/", "usr/bin/", "sbin/", "bin/")


def _on_path(command: Command, files: Mapping[str, bytes]) -> str | None:
    """The package's own program a command run by its bare name resolves to on the ``PATH``, in its order."""
    word = command.program.text if command.program is not None else ""
    if not word or "/" in word or command.name != word or command.name in _INTERPRETERS:
        return None
    return next((d + word for d in _PATH_DIRS if d + word in files), None)


def run_path(command: Command) -> str | None:
    """The absolute path ``command`` runs: its program (``/usr/share/foo/migrate.sh``), or the script an
    interpreter or ``.``/``source`` is given (``sh /usr/lib/foo/setup``). A path only copied or tested is not run."""
    if command.program is not None and command.program.text.startswith("/") and command.name not in _INTERPRETERS:
        return command.program.text
    if command.name in _INTERPRETERS:
        first = next((w.text for w in command.words if not w.text.startswith("-")), "")
        return first if first.startswith("/") else None
    return None


def is_payload_tool(ctx: Context, path: str) -> bool:
    """A script a system package installs for later (an administrator's tool, a helper, an example), neither a
    step of the install nor run by the system on its own events: what it would do when run is not the upgrade's
    doing. Only scripts: the package's units and crontabs are run by the system."""
    if path in ctx.called_by_maintainer:
        return False  # a helper a maintainer script runs: a step of the install
    return installed_payload(path, ctx.system_package) and not run_by_system(path) and path in ctx.parsed.scripts


def is_developer_tooling(ctx: Context, path: str) -> bool:
    """A project's development tooling: by its path (``scripts-dev/``, ``.github/``:
    ``distributed.is_development_file``), a script only a Makefile's developer targets run (``makefile_tooling``:
    Xandikos' ``compat/`` scripts that ``make check-litmus`` runs), or one a development container's lifecycle
    commands run (``dev_containers``: Gramps Web's ``scripts/start_dev_container.sh``), or a playbook a Zuul CI job
    runs (``zuul_jobs``: Octavia's ``playbooks/image-build/run.yaml``), or a script a tox test environment runs
    (``tox_envs``: RefStack's ``setup-mysql-tests.sh``)."""
    return (
        is_development_file(path)
        or path in ctx.makefile_tooling
        or path in ctx.dev_container_scripts
        or path in ctx.ci_playbooks
        or path in ctx.test_env_scripts
    )


def is_served_elsewhere(ctx: Context, path: str) -> bool:
    """A script other machines run, not this host: installer automation a provisioning server serves
    (``provisioning.is_served_install_file``) or the user data the product boots the servers it creates with
    (``user_data``: cloud-init runs it there)."""
    return is_served_install_file(path) or path in ctx.served_user_data


def steps(ctx: Context) -> list[tuple[str, Script]]:
    """The parsed scripts but a system package's payload tools (:func:`is_payload_tool`), a project's
    development tooling (:func:`is_developer_tooling`), the scripts other machines run
    (:func:`is_served_elsewhere`) and those a machine image being built runs (``image_elements.is_in_image``)."""
    return [
        (path, script)
        for path, script in ctx.parsed.scripts.items()
        if not is_payload_tool(ctx, path)
        and not is_developer_tooling(ctx, path)
        and not is_served_elsewhere(ctx, path)
        and not is_in_image(path)
    ]


def image_build_steps(ctx: Context) -> list[tuple[str, Script]]:
    """The scripts a diskimage-builder element runs inside the image being built (``image_elements``): what they
    change is the image's, but what they download comes over the build host's network."""
    return [
        (path, script)
        for path, script in ctx.parsed.scripts.items()
        if is_image_build_step(path) and not is_developer_tooling(ctx, path)
    ]
