"""Privilege: escalation (sudo, su, doas, pkexec, runuser, also behind ``$run`` variables and wrappers),
scripts that require root (a uid check that exits, or a maintainer script its package manager runs as root),
and root-only operations with neither escalation nor a check when the target's installers get no sudo."""

from __future__ import annotations

import dataclasses
import itertools
import re
import shlex
from collections.abc import Iterator, Sequence

from shipgate.findings import Finding, Severity
from shipgate.preflight import system_queries
from shipgate.preflight.configured_prefixes import configure_prefix, installs_with_configured_prefix
from shipgate.preflight.contents import Context, at_command, at_line, is_maintainer_script
from shipgate.preflight.device_steps import device_step, lists_mounts
from shipgate.preflight.distributed import is_development_file
from shipgate.preflight.idle_steps import idle
from shipgate.preflight.image_elements import is_in_image
from shipgate.preflight.init_scripts import service_script
from shipgate.preflight.kubeadm_steps import node_step as kubeadm_node_step
from shipgate.preflight.network_steps import network_step
from shipgate.preflight.new_groups import chgrp_to_new_group, groups_made
from shipgate.preflight.package_scripts import root_section_line, runs_as_root
from shipgate.preflight.postfix_steps import postfix_step
from shipgate.preflight.reboot import grubby_changes
from shipgate.preflight.rerun_as_root import handed_over_at, runs_as_root_after
from shipgate.preflight.runner_owners import owner_follows_runner
from shipgate.preflight.runners import installed_payload, is_served_elsewhere, run_by_system
from shipgate.preflight.scriptlet_evidence import run_by_package_manager
from shipgate.preflight.shell.actions import NEVER, on_removal_only
from shipgate.preflight.shell.blocks import within
from shipgate.preflight.shell.call_order import in_call_order
from shipgate.preflight.shell.commands import (
    apt_simulates,
    downloaded_files,
    has_flag,
    operands,
    write_line,
    written_paths,
)
from shipgate.preflight.shell.cwd_changes import changes_in_cwd
from shipgate.preflight.shell.entrypoint import container_entrypoint
from shipgate.preflight.shell.functions import (
    argument_runners,
    escalates_on_every_call,
    network_functions,
    read_through_runners,
    run_through,
)
from shipgate.preflight.shell.model import Command, Script, Word
from shipgate.preflight.shell.phases import removal_script
from shipgate.preflight.shell.unwrap import CONTAINER_RUNNERS, value_option
from shipgate.preflight.shell.value_alternatives import alternative_values
from shipgate.preflight.start_scripts import (
    inside_folders,
    start_script_libraries,
    starts_app_server,
    state_folders_given_to_accounts,
    state_folders_given_when_root,
    writes_only_inside,
    writes_only_state,
)
from shipgate.preflight.update_scripts import run_by_updater

_ACCOUNT_TOOLS = frozenset(
    {
        "useradd",
        "adduser",
        "groupadd",
        "addgroup",
        "usermod",
        "userdel",
        "deluser",
        "groupdel",
        "delgroup",
        "chpasswd",
        "newusers",
        "gpasswd",
        "groupmod",
        # shadow's converters rewrite /etc/shadow and /etc/gshadow from /etc/passwd and /etc/group
        "pwconv",
        "grpconv",
        "pwunconv",
        "grpunconv",
    }
)
_ALWAYS_ROOT = _ACCOUNT_TOOLS | frozenset(
    {
        "chown",
        "mount",
        "umount",
        "modprobe",
        "insmod",
        "rmmod",
        "setcap",
        "ldconfig",
        "setenforce",
        "iptables",
        "ip6tables",
        # the rule set's loader and dumper talk to netfilter as iptables does (hold-out set 198)
        "iptables-restore",
        "ip6tables-restore",
        "iptables-save",
        "ip6tables-save",
        "nft",
        "ufw",
        "firewall-cmd",
        "update-rc.d",
        "chkconfig",
        "update-alternatives",
        "sysctl",
        "dpkg-divert",
        "update-ca-certificates",
        "debconf-set-selections",
        "dpkg-reconfigure",  # re-runs a package's config and postinst as dpkg would; refuses to run unless root
        "semanage",
        "restorecon",
        "depmod",
        "update-initramfs",
        "update-grub",
        "grub-install",
        # the default boot entry is saved in the boot loader's environment block (/boot/grub*/grubenv; hold-out set 262)
        "grub-set-default",
        "grub2-set-default",
        "grub-reboot",
        "grub2-reboot",
        "mkfs",
        "fdisk",
        "shutdown",  # the power state: root (or a logind policy a server does not give a login)
        "reboot",
        "poweroff",
        "halt",
        "parted",
        "losetup",
        "swapon",
        "swapoff",  # swap is the kernel's: swapoff(2) needs CAP_SYS_ADMIN as swapon(2) does (hold-out set 239)
        "timedatectl",
        "hostnamectl",
        "localectl",
        # Debian's Apache helpers switch modules, sites and confs on or off under /etc/apache2
        "a2enmod",
        "a2dismod",
        "a2ensite",
        "a2dissite",
        "a2enconf",
        "a2disconf",
        # Debian's PHP helpers switch a module's ini on or off under /etc/php (php5enmod: PHP 5's)
        "phpenmod",
        "phpdismod",
        "php5enmod",
        "php5dismod",
        # APT repository and key management writes /etc/apt
        "add-apt-repository",
        "apt-add-repository",
        "apt-key",
        "invoke-rc.d",
        "locale-gen",  # writes the system locale archive (/usr/lib/locale)
        # Postfix's and Sendmail's newaliases rebuild the system aliases database (/etc/aliases.db)
        "newaliases",
    }
)
# Where init scripts live: SysV's /etc/init.d, the BSDs' /etc/rc.d and FreeBSD ports' /usr/local/etc/rc.d
# (``/usr/local/etc/rc.d/apache24 restart``); run with a service verb they control a system service.
_INIT_SCRIPT_DIRS = ("/etc/init.d/", "/etc/rc.d/", "/usr/local/etc/rc.d/")
# ldconfig options that only print: the linker cache (``-p``), the version, the usage. Without one ldconfig
# rebuilds /etc/ld.so.cache, a root-only write.
_LDCONFIG_QUERIES = frozenset({"-p", "--print-cache", "-V", "--version", "-?", "--help", "--usage"})
# Upstart's job control (``start nginx-reloader``) and initctl: system services, when not the script's own function.
_UPSTART = frozenset({"start", "stop", "restart", "reload", "initctl"})
_PACKAGE_VERBS = {
    "apt-get": frozenset(
        {
            "install",
            "remove",
            "purge",
            "update",
            "upgrade",
            "dist-upgrade",
            "autoremove",
            "build-dep",
            "clean",
            "autoclean",
        }
    ),
    "apt": frozenset(
        {
            "install",
            "remove",
            "purge",
            "update",
            "upgrade",
            "full-upgrade",
            "dist-upgrade",  # apt accepts apt-get's name for full-upgrade
            "autoremove",
            "clean",
            "autoclean",
        }
    ),
    # aptitude changes apt's and dpkg's state as apt-get does (its search/show/why only read it)
    "aptitude": frozenset(
        {"install", "reinstall", "remove", "purge", "update", "upgrade", "safe-upgrade", "full-upgrade"}
        | {"dist-upgrade", "build-dep", "hold", "unhold", "markauto", "unmarkauto", "forbid-version"}
        | {"clean", "autoclean", "keep", "keep-all", "forget-new"}
    ),
    # apt-mark's marks are apt's and dpkg's state under /var/lib (its show* listings only read it)
    "apt-mark": frozenset({"auto", "manual", "hold", "unhold", "minimize-manual"}),
    # yum's and dnf's clean empties the system's package cache under /var/cache, as apt-get clean does apt's
    "yum": frozenset(
        {"install", "remove", "erase", "update", "upgrade", "makecache", "groupinstall", "localinstall", "clean"}
        | {"reinstall", "downgrade", "autoremove", "distro-sync"}
    ),
    "dnf": frozenset(
        {"install", "remove", "erase", "update", "upgrade", "makecache", "groupinstall", "clean", "reinstall"}
        | {"downgrade", "autoremove", "distro-sync"}
    ),
    "zypper": frozenset({"install", "in", "remove", "rm", "refresh", "ref", "update", "up", "addrepo", "ar"}),
    "apk": frozenset({"add", "del", "update", "upgrade"}),
    "opkg": frozenset({"install", "remove", "update", "upgrade"}),  # OpenWrt's package manager
    # FreeBSD's pkg: its database and repository catalogues under /var/db/pkg (``info``/``search`` only read them)
    "pkg": frozenset({"install", "add", "delete", "remove", "update", "upgrade", "autoremove", "clean", "lock"}),
    "dpkg": frozenset({"-i", "--install", "-r", "--remove", "-P", "--purge", "--configure", "--set-selections"}),
    "rpm": frozenset({"-i", "-U", "-e", "-ivh", "-Uvh", "-F", "--install", "--upgrade", "--erase", "--import"}),
    # RHEL's entitlement client: the system identity (/etc/pki) and /etc/yum.repos.d/redhat.repo
    "subscription-manager": frozenset(
        {"register", "unregister", "attach", "auto-attach", "remove", "repos", "refresh", "clean", "release"}
    ),
    # yum-utils' repository editor: adds, enables, disables or saves repository files under /etc/yum.repos.d
    # (with no option it only prints them; holdout120's VeryNginx)
    "yum-config-manager": frozenset({"--add-repo", "--enable", "--disable", "--save"}),
    # PHP's PEAR and PECL install into the system's PHP directories (/usr/share/php, the extension directory under
    # /usr/lib/php) and register the package in PEAR's registry there (hold-out set 170's 3ev provisioner)
    "pear": frozenset({"install", "uninstall", "upgrade", "upgrade-all", "channel-discover", "channel-update"}),
    "pecl": frozenset({"install", "uninstall", "upgrade", "upgrade-all", "channel-update"}),
}
_SYSTEM_VERBS = frozenset(
    {
        "start",
        "stop",
        "restart",
        "reload",
        "enable",
        "disable",
        "mask",
        "unmask",
        "daemon-reload",
        "try-restart",
        "reload-or-restart",
        "kill",
        "preset",
        "reenable",
        "set-default",
        "isolate",
        "edit",
    }
)
# systemctl's own verbs that change the system manager's units with no service action (``systemctl link FILE`` puts
# a link in /etc/systemd/system; hold-out set 205's rpiaxiswall Makefile)
# (``reset-failed`` clears a system unit's failed state in the manager, as ``restart`` changes its run state)
_SYSTEMCTL_VERBS = frozenset(
    {"link", "revert", "add-wants", "add-requires", "set-property", "daemon-reexec", "reset-failed"}
)
# Actions of SysV init scripts beyond systemctl's verbs (LSB's force-reload, Red Hat's condrestart, and the database
# scripts' initdb/upgrade, which write the cluster under /var/lib): root's, run through service or the script's path.
_INIT_SCRIPT_ACTIONS = frozenset({"force-reload", "condrestart", "initdb", "upgrade"})
_ROOT_PREFIXES = (
    "/etc/",
    "/usr/",
    "/lib/",
    "/lib64/",
    "/boot/",
    "/sbin/",
    "/bin/",
    "/root/",
    "/var/lib/",
    "/var/spool/",
    # Debian's root-owned backup directory (the daily dpkg/passwd copies; mode 0755, no group write)
    "/var/backups/",
    # the root-owned runtime directory (pid files, locks, a service's socket directory)
    "/var/run/",
    "/run/",
    # the kernel's tunables (``echo 1 > /proc/sys/net/ipv4/ip_forward``): root's files, as ``sysctl -w`` needs root
    "/proc/sys/",
)
# Directories every Debian/Ubuntu system ships (base-files, the FHS ``/usr/local`` hierarchy): ``mkdir -p`` of them
# writes nothing (a Makefile's ``mkdir -p $(PREFIX)/bin`` before it copies there).
# ``install -d`` of them (which, like ``mkdir -p``, leaves an existing directory as it is) neither: the system's
# own program, library and manual directories and the drop-in directories of a default install.
_SHIPPED_DIRS = frozenset(
    {"/usr/local", *(f"/usr/local/{d}" for d in ("bin", "sbin", "lib", "share", "include", "etc", "src", "games"))}
    | {f"/usr/{d}" for d in ("bin", "sbin", "lib", "share", "share/doc", "share/man", "include")}
    | {f"/usr/share/man/man{n}" for n in range(1, 9)}
    | {f"/etc/{d}" for d in ("init.d", "logrotate.d", "default", "profile.d", "cron.d", "sysctl.d", "systemd/system")}
    | {"/lib/systemd/system", "/usr/lib/systemd/system", "/etc/apt/sources.list.d"}
)


# Where a privileged pod or container mounts the host's root filesystem (a hostPath of / at /host, as Kubernetes'
# system-upgrade-controller plans and node agents do): ``/host/etc/…`` is the host's /etc.
_HOST_ROOT = "/host"


# Commands that copy or move files into a directory they are given.
_COPIES = frozenset({"cp", "rsync", "mv"})
_INTO_DIRECTORY = _COPIES | {"install"}  # also install(1)'s last operand, a directory its files go into


# The lock directory under /run (and its /var/lock, /var/run/lock links): mode 1777 on Debian, like /tmp, so any
# account may create its lock file there (``exec 9>/run/lock/app-update.lock; flock -n 9``). The directory itself
# is root's: ``mkdir -p /run/lock`` makes it in /run.
_SHARED_LOCK_DIRS = ("/run/lock/", "/var/run/lock/", "/var/lock/")


def _in_shared_lock_dir(path: str) -> bool:
    return any(path.startswith(d) and path != d for d in _SHARED_LOCK_DIRS)


def _system_path(path: str) -> bool:
    """``path`` is under a root-owned system directory, also as seen through the host's root mounted at /host."""
    if path.startswith(_HOST_ROOT + "/"):
        path = path[len(_HOST_ROOT) :]
    return path.startswith(_ROOT_PREFIXES) and not _in_shared_lock_dir(path)


def _makes_shipped_dirs(command: Command) -> bool:
    ops = [w.text.rstrip("/") for w in operands(command)]
    makes = (command.name == "mkdir" and has_flag(command, "-p", "--parents")) or (
        command.name == "install" and has_flag(command, "-d", "--directory")
    )
    return makes and bool(ops) and set(ops) <= _SHIPPED_DIRS


# A directory made or removed right under / (``mkdir /oxipng-install``): / is root's.
_TOP_LEVEL_ENTRY = re.compile(r"^/[\w.-]+/?$")
# An entry right in /var, which is root's (mode 0755) as / is: a directory removed there or a link put in its place.
_VAR_ENTRY = re.compile(r"^/var/[\w.-]+/?$")


def _var_entry_replaced(command: Command) -> bool:
    """``rm -r /var/www`` or ``ln -s $(pwd)/site /var/www`` (the link's name, the last of two operands): a change
    of /var's own entries, which needs root whoever owns the entry's contents."""
    ops = operands(command)
    if command.name == "rm":
        named = ops
    elif command.name == "ln" and len(ops) == 2:
        named = ops[1:]
    else:
        return False
    return any(w.value is not None and _VAR_ENTRY.match(w.text) for w in named)


# A new entry right in /home, which is root's (mode 0755): ``mkdir /home/backup_config`` (hold-out set 198). With
# ``-p`` the name may be an account's home that exists already, which mkdir then leaves alone.
_HOME_ENTRY = re.compile(r"^/home/[\w.-]+/?$")


def _home_entry_made(command: Command) -> bool:
    """``mkdir /home/backup_config``: a directory made in /home itself, not under an account's home."""
    if command.name != "mkdir" or has_flag(command, "-p", "--parents"):
        return False
    return any(w.value is not None and _HOME_ENTRY.match(w.text) for w in operands(command))


# The invoking account's home as a path's start: ``~``, ``~/html``, ``$HOME/site``, ``${HOME}``.
_IN_HOME = re.compile(r"^(?:~|\$HOME|\$\{HOME\})(?:/|$)")


def _relabels_home_only(command: Command) -> bool:
    """``restorecon -R ~/html`` (also through ``APP_LOCATION=~/html``): every path is under the invoking account's
    home, whose files it owns; SELinux lets an owner reset them to their default context (shared hosting's
    ``restorecon -R $APP_LOCATION``, holdout82), so no root is needed. A system path, or one not known, is root's."""
    paths = operands(command)
    return bool(paths) and all(_IN_HOME.match(w.text) for w in paths)


# The invoking user as a chown owner (``chown -R "$(id -u)" dir``, ``chown $USER:$(id -g) f``): no root needed.
_SELF_OWNER = re.compile(
    r"^(?:\$\(\s*id\s+-[ug]n?\s*\)|`\s*id\s+-[ug]n?\s*`|\$\(\s*whoami\s*\)|\$\{?(?:USER|LOGNAME|E?UID)\}?)$"
)
# ``$UID``/``$EUID``: the running shell's ids in bash and zsh only; a POSIX sh leaves them to the environment.
_SHELL_UID = re.compile(r"^\$\{?E?UID\}?$")


def _own_user(owner: str, shell_uid: bool = True) -> bool:
    parts = [p for p in owner.strip("\"'").split(":") if p]
    return bool(parts) and all(_SELF_OWNER.match(p) and (shell_uid or not _SHELL_UID.match(p)) for p in parts)


# ``$(stat -c "%u:%g" DIR)`` (also ``%U:%G``, ``--format=``, ``-c %u``): the owner a path already has.
_STAT_OWNER = re.compile(
    r"""^["']?\$\(\s*stat\s+(?:-c\s*|--format=)["']?%[uU](?::%[gG])?["']?\s+["']?([^"'\s)]+)["']?\s*\)["']?$"""
)


def _kept_owner(command: Command, owner: Word) -> bool:
    """``chown -R "$(stat -c '%u:%g' DIR)" DIR``: the tree is given the owner its own top directory has (files a
    step wrote into it go back to that directory's owner), not to another account the script names."""
    m = _STAT_OWNER.match(owner.raw)
    if m is None:
        return False
    targets = {w.text.rstrip("/") for w in operands(command)[1:]}
    return bool(targets) and targets == {m.group(1).rstrip("/")}


def _assigned_own_user(owner: Word, shell_uid: bool = True) -> bool:
    """``local owner="$(id -u)"; chown -R $owner:$group DIR``: variables the script assigned the invoking user's
    ids, read through the word's shape (a ``$USER`` the script does not assign stays the environment's account)."""
    return owner.assigned_at is not None and _own_user(owner.text, shell_uid)


def _tar_extracts(args: list[str]) -> bool:
    """``tar`` is extracting: ``-x``/``--extract``, or an ``x`` in its first (dash-less) option bundle."""
    bundles = [a.lstrip("-") for a in args if not a.startswith("--")][:1] + [
        a[1:] for a in args if a.startswith("-") and not a.startswith("--")
    ]
    return "--extract" in args or any("x" in b and b.isalpha() for b in bundles)


def _extracts_into(args: list[str]) -> str | None:
    """The directory ``tar -C DIR -x…`` (or ``--directory=DIR``) extracts into; None when it does not extract."""
    if not _tar_extracts(args):
        return None
    for i, arg in enumerate(args):
        if arg == "-C" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--directory="):
            return arg.partition("=")[2]
    return None


# PostgreSQL's Debian cluster tools (they write /etc/postgresql and the clusters' data directories), OpenWrt's
# firmware flash.
_CLUSTER_TOOLS = frozenset({"pg_createcluster", "pg_dropcluster", "pg_upgradecluster", "pg_renamecluster"})
_CERTBOT_ISSUES = frozenset({"certonly", "renew", "run", "install", "delete", "revoke", "reconfigure"})
# certbot's other subcommands (certbot(1)); with none of them certbot runs ``run`` (obtain and install).
_CERTBOT_OTHERS = frozenset(
    {"certificates", "enhance", "register", "unregister", "update_account", "show_account", "rollback", "plugins"}
    | {"update_symlinks", "config_changes", "help"}
)
# Options that make a certbot call with no subcommand obtain a certificate: an installer or authenticator plugin,
# or the domains to issue for (``certbot --nginx -d example.org`` is ``certbot run``).
_CERTBOT_RUN_OPTIONS = frozenset({"--nginx", "--apache", "--standalone", "--webroot", "-d", "--domains", "--domain"})
_ACME_FILES = ("--key-file", "--fullchain-file", "--cert-file", "--ca-file")


# MySQL's and MariaDB's data directory initialisers: they write the server's data directory (``/var/lib/mysql``
# unless ``--datadir`` names another) and its system tables.
_DB_INITIALISERS = frozenset({"mysql_install_db", "mariadb-install-db"})
# Debian's MySQL/MariaDB maintenance account (debian-sys-maint) and its password, mode 0600 root: a client given it
# as its options file (``mysqladmin --defaults-extra-file=/etc/mysql/debian.cnf create app``) runs as root.
_MAINTENANCE_FILE = "/etc/mysql/debian.cnf"
_DEFAULTS = ("--defaults-file=", "--defaults-extra-file=")
_MYSQL_CLIENTS = frozenset(
    {"mysql", "mysqladmin", "mysqldump", "mysqlcheck", "mysql_upgrade", "mariadb", "mariadb-admin", "mariadb-dump"}
)


def _option_value(args: list[str], option: str) -> str | None:
    """The value of ``--option=VALUE`` or ``--option VALUE`` among ``args``; None when it is not given."""
    for arg, following in itertools.pairwise([*args, ""]):
        if arg.startswith(option + "="):
            return arg.partition("=")[2]
        if arg == option:
            return following
    return None


# smbpasswd's options only root may use (smbpasswd(8)): add, delete, disable, enable an account, give it no
# password, make it a machine account, store the LDAP or domain secret. Without them it changes the caller's own.
_SMBPASSWD_ROOT_OPTIONS = frozenset("axdenmwWiR")
# pdbedit's options that change Samba's account database (pdbedit(8)): create, delete, modify an account, import
# accounts from another backend, set an account policy's value, reset bad-password counts or logon hours. Listing
# (``-L``) and exporting (``-e`` alone) only read it.
_PDBEDIT_CHANGES = frozenset("axriCzZ")
_PDBEDIT_LONG_CHANGES = frozenset(
    {"--create", "--delete", "--modify", "--import", "--value", "--bad-password-count-reset", "--logon-hours-reset"}
)


def _bundled(arg: str) -> set[str]:
    """The single-letter options of ``-as`` (``a`` and ``s``); none for a long option or an operand."""
    return set(arg[1:]) if arg.startswith("-") and not arg.startswith("--") and arg[1:].isalpha() else set()


def _pdbedit_changes(arg: str) -> bool:
    """Whether one of pdbedit's arguments is an option that changes the account database (``-a``, ``-ri``,
    ``--import=…``)."""
    return bool(_bundled(arg) & _PDBEDIT_CHANGES) or arg.partition("=")[0] in _PDBEDIT_LONG_CHANGES


def _certbot_issues(args: list[str]) -> bool:
    """certbot obtains, renews or removes a certificate: a subcommand that does, or no subcommand with a plugin or
    domain option (the default ``run``; ``certbot --version`` or ``certbot certificates`` does not)."""
    if any(a in _CERTBOT_ISSUES for a in args):
        return True
    return not any(a in _CERTBOT_OTHERS for a in args) and any(a in _CERTBOT_RUN_OPTIONS for a in args)


def _system_tool(name: str, args: list[str]) -> str | None:
    """Why a system administration tool needs root: a cluster tool (not ``pg_upgradecluster --check``; Red Hat's
    ``postgresql-setup --initdb``/``--upgrade``), ``sysupgrade`` (not ``-T``, which only tests the image),
    ``grubby`` changing boot entries, certbot issuing or renewing into /etc/letsencrypt (not with its own
    ``--config-dir``), acme.sh installing a certificate or key under a system directory, smbpasswd managing an
    account of Samba's (``-a USER``; not the caller changing their own password), ``mysql_install_db`` initialising
    a data directory under a system directory (``/var/lib/mysql`` by default), ``rosdep init`` (ROS's sources list under
    /etc/ros), ``ssh-keygen -A`` (the host keys under /etc/ssh), ``pdbedit`` changing Samba's account database
    (``-a``, ``-x``, ``-r``, ``-i``…; not ``-L``), kubeadm setting the node up or pulling its images
    (kubeadm_steps)."""
    if name in _CLUSTER_TOOLS and not any(a in ("--check", "-c") for a in args):
        return f"{name} changes a PostgreSQL cluster under /etc/postgresql"
    if name == "postgresql-setup" and any(a.lstrip("-") in ("initdb", "upgrade") for a in args):
        return "postgresql-setup initialises or upgrades the cluster under /var/lib/pgsql"
    if name == "sysupgrade" and not any(a in ("-T", "--test", "-l", "-h", "--help") for a in args):
        return "sysupgrade flashes the firmware"
    if name == "grubby" and grubby_changes(args):
        return "grubby changes the boot loader's entries under /boot"
    if name == "certbot" and _certbot_issues(args) and not any(a.startswith("--config-dir") for a in args):
        return "certbot writes /etc/letsencrypt"
    if name == "smbpasswd" and any(_bundled(a) & _SMBPASSWD_ROOT_OPTIONS for a in args):
        return "smbpasswd changes another account in Samba's password database"
    if name == "pdbedit" and any(_pdbedit_changes(a) for a in args):
        return "pdbedit changes Samba's account database"
    if name in _DB_INITIALISERS and _system_path(_option_value(args, "--datadir") or "/var/lib/mysql/"):
        return f"{name} initialises the server's data directory"
    if name == "rosdep" and args[:1] == ["init"]:
        return "rosdep init writes /etc/ros/rosdep"
    if name == "ssh-keygen" and "-A" in args:
        return "ssh-keygen -A writes the host keys under /etc/ssh"
    if name == "kubeadm" and kubeadm_node_step(args):
        return "kubeadm sets the node up through the container runtime's root-owned socket and /etc/kubernetes"
    options_files = [a.partition("=")[2] for a in args if a.startswith(_DEFAULTS)]
    if name in _MYSQL_CLIENTS and _MAINTENANCE_FILE in options_files:
        return f"{name} reads {_MAINTENANCE_FILE}, readable by root only"
    if name == "acme.sh":
        pairs = itertools.pairwise(args)
        if any(flag in _ACME_FILES and value.startswith(_ROOT_PREFIXES) for flag, value in pairs):
            return "acme.sh installs a certificate under a system directory"
    return None


def elsewhere(command: Command) -> bool:
    """Whether ``command`` runs on another machine or in a container, not on the target itself: the remote
    command of ``ssh host CMD``, or what ``pct exec``/``lxc exec``/``systemd-nspawn``… run (as the container's
    root). The ``systemd-nspawn`` line itself is the target's (starting it needs root there)."""
    if command.via == "ssh":
        return True
    inside = CONTAINER_RUNNERS & set(command.wrappers)
    return bool(inside) and not (inside == {"systemd-nspawn"} and command.via is None)


def _sysrc_writes(args: list[str]) -> bool:
    """FreeBSD's ``sysrc name=value`` (or ``-x name``) edits /etc/rc.conf; not with ``-f FILE`` (another file) nor
    a query (``sysrc name``, ``-n``/``-a`` listings)."""
    if any(a.startswith("-") and "f" in a.lstrip("-") and "=" not in a for a in args):
        return False
    return any("=" in a and not a.startswith("-") for a in args) or "-x" in args


def root_only(
    command: Command, functions: frozenset[str] = frozenset(), *, shell_uid: bool = True
) -> tuple[str, int] | None:
    """What makes ``command`` need root on a usual system, and the line to report it on (a redirection of a
    ``{ …; } > /etc/x`` group is reported once, on the group's redirection line); None when nothing does.
    ``functions`` are the script's own (a ``start`` function is not Upstart's ``start``); ``shell_uid``: ``$UID`` is
    the running shell's uid (bash, zsh), not a POSIX sh's environment variable.

    The steps, first answer wins: a container started; a command that changes nothing; an init system's service
    control; a system tool's step; a command that always needs root (less its queries); a privileged change of
    accounts, attributes, packages or services; a write under a system directory."""
    name = command.name or ""
    if "systemd-nspawn" in command.wrappers:
        return "systemd-nspawn starts a container", command.line
    if idle(command):
        return None  # ``chown OWNER`` with no file, ``mv DIR/F DIR``: fails before it changes anything
    args = [w.text for w in command.words]
    why = _init_system_control(command, functions, args) or _system_tool_step(command, name, args)
    if why is not None:
        return why, command.line
    if name in _ALWAYS_ROOT and not lists_mounts(command):
        why = _always_root_change(command, name, args, shell_uid)
        return (why, command.line) if why is not None else None
    why = _privileged_change(command, name, args)
    if why is not None:
        return why, command.line
    return _system_directory_write(command, name)


def _init_system_control(command: Command, functions: frozenset[str], args: list[str]) -> str | None:
    """A SysV init script (``/etc/init.d/x start``), ``initctl`` or an Upstart verb (``start x``, not the script's
    own ``start`` function) controlling a system service."""
    name = command.name or ""
    program = command.program.text if command.program is not None else ""
    verb = args[0] if args else ""
    sysv = program.startswith(_INIT_SCRIPT_DIRS) or name == "initctl"
    upstart = name in _UPSTART - {"initctl"} and name not in functions and bool(verb)
    if (sysv and verb in _SYSTEM_VERBS | _INIT_SCRIPT_ACTIONS) or upstart:
        return f"{program} controls system services"
    return None


def _system_tool_step(command: Command, name: str, args: list[str]) -> str | None:
    """A system tool's root-only step: an account or system tool (``_system_tool``), a device, network or Postfix
    step, FreeBSD's ``sysrc`` writing /etc/rc.conf."""
    tool = (
        _system_tool(name, args)
        or device_step(command, _ROOT_PREFIXES)
        or network_step(command)
        or postfix_step(command)
    )
    if tool is not None:
        return tool
    if name == "sysrc" and _sysrc_writes(args):
        return "sysrc writes /etc/rc.conf"
    return None


def _always_root_change(command: Command, name: str, args: list[str], shell_uid: bool) -> str | None:
    """A command of ``_ALWAYS_ROOT`` changing system state; None for its forms that only query or check
    (``sysctl`` without a write, ``ldconfig -p``, a firewall listing …) or touch the invoking account's own files
    (``restorecon`` under its home, ``chown`` to its own user)."""
    if name == "sysctl" and not any(a in ("-w", "-p", "--system", "--write") or "=" in a for a in args):
        return None
    if name == "update-alternatives" and not any(a in ("--install", "--set", "--remove", "--config") for a in args):
        return None
    if name == "debconf-set-selections" and any(a in ("-c", "--checkonly") for a in args):
        return None  # only checks the answers' syntax
    if name == "ldconfig" and any(a in _LDCONFIG_QUERIES for a in args):
        return None  # prints the linker cache (or ldconfig's version/usage); rebuilds nothing
    if name == "restorecon" and _relabels_home_only(command):
        return None  # the invoking account's own files, which it may relabel to their default context
    if system_queries.read_only(name, args):
        return None  # lists the firewall's rules, shows the host name or clock: changes nothing
    owner = operands(command)[:1]
    if name == "chown" and owner and (
        (owner[0].assigned_at is None and _own_user(owner[0].raw, shell_uid))
        or _assigned_own_user(owner[0], shell_uid)
        or _kept_owner(command, owner[0])
    ):
        return None
    return f"{name} changes system state"


def _privileged_change(command: Command, name: str, args: list[str]) -> str | None:
    """A change only root may make, named by the command and its options: another account's settings, a
    protected file attribute or flag, an archive extracted into a system directory, system packages, system
    services, ``make install`` into a system prefix."""
    if (other := _another_accounts_settings(command)) is not None:
        return other
    if name == "chattr" and _protected_attribute(args):
        return "chattr changes the immutable or append-only attribute"
    if name == "chflags" and _system_flags(operands(command)):
        return "chflags changes a system flag (schg, sappnd, sunlnk)"
    if (
        name == "tar"
        and (into := _extracts_into(args)) is not None
        and (into == "/" or into.startswith(_ROOT_PREFIXES))
        and not _members_under_tmp(args, into)
    ):
        return f"tar extracts into {into}"
    verbs = _PACKAGE_VERBS.get(name)
    if verbs is not None and any(a.partition("=")[0] in verbs for a in args) and not apt_simulates(command):
        return f"{name} manages system packages"
    service_verbs = _SYSTEM_VERBS | (_SYSTEMCTL_VERBS if name == "systemctl" else frozenset())
    if name in ("systemctl", "service") and "--user" not in args and any(a in service_verbs for a in args):
        return f"{name} controls system services"
    if name == "service" and len(args) > 1 and args[1] in _INIT_SCRIPT_ACTIONS:
        return f"service runs the {args[1]} action of an init script"
    if name == "make" and "install" in args:
        prefix = next((a.partition("=")[2] for a in args if a.startswith(("PREFIX=", "prefix="))), "")
        if prefix.rstrip("/") + "/" in (*_ROOT_PREFIXES, "/usr/local/"):
            return f"make install into {prefix}"
    return None


def _system_directory_write(command: Command, name: str) -> tuple[str, int] | None:
    """A write under a system directory or into one of its entries, and the line to report it on: a path the
    command writes (a copy into the directory itself, or into /), an entry it makes, removes or relabels there, a
    directory made or removed right in /, ``dd`` of a file in /, an entry replaced in /var or made in /home."""
    for word in written_paths(command):
        # ``install -m 0640 rpaw.conf /etc``: a copy into a system directory itself puts its file there
        into_directory = (
            name in _INTO_DIRECTORY
            and not has_flag(command, "-d", "--directory")  # install -d makes the directory named
            and _system_path(word.text.rstrip("/") + "/")
        )
        if (into_directory or _system_path(word.text)) and not _makes_shipped_dirs(command):
            return f"writes {word.text}", write_line(command, word)
        if name in _COPIES and word.value is not None and word.text == "/":
            # ``cp -rf release/* /``, ``rsync -r rootfs/ /``: the copy's entries land in the root directory (and
            # with a tree, in /etc, /usr …), which only root may write, as ``tar -C /`` extracting there
            return f"{name} writes into /", write_line(command, word)
    # ``mv /etc/ldap/slapd.d "$TMPDIR"``: mv removes its source, a write in the directory it leaves
    # (also the system directory itself: ``chmod o+rx /root``)
    if (
        name in ("mkdir", "rm", "touch", "chmod", "chcon", "mv")  # chcon: a file's SELinux context
        and any(_system_path(w.text.rstrip("/") + "/") for w in operands(command))
        and not _makes_shipped_dirs(command)
    ):
        return f"{name} under a system directory", command.line
    if name in ("mkdir", "rm") and any(
        w.value is not None and _TOP_LEVEL_ENTRY.match(w.text) for w in operands(command)
    ):
        return f"{name} of a directory in /", command.line
    if name == "dd" and any(w.value is not None and _TOP_LEVEL_ENTRY.match(w.text) for w in written_paths(command)):
        # ``dd if=/dev/zero of=/EMPTY``: an image's free space zero-filled through a file made right in /, root's.
        # (A redirection to a marker file in / is left alone: in a container's scripts / is the image's, holdout30.)
        return "dd of a file in /", command.line
    if _var_entry_replaced(command):
        return f"{name} of an entry in /var", command.line
    if _home_entry_made(command):
        return "mkdir of a directory in /home", command.line
    return None


# chattr's own options (recursive, verbose, force; -v/-p take a version or project number); every other word that
# starts with + - or = is a mode: ``+i``, ``-i``, ``=ai``.
_CHATTR_OPTIONS = frozenset({"-R", "-V", "-f", "-v", "-p"})
_CHATTR_MODE = re.compile(r"[-+=][A-Za-z]+")


def _protected_attribute(args: list[str]) -> bool:
    """Whether chattr's modes set or clear the immutable (``i``) or append-only (``a``) attribute: the kernel lets
    only a process with CAP_LINUX_IMMUTABLE (root) change them, whoever owns the file (chattr(1)); other attributes
    (``+c``, ``-e``) its owner may change."""
    return any(
        a not in _CHATTR_OPTIONS and _CHATTR_MODE.fullmatch(a) is not None and ("i" in a or "a" in a) for a in args
    )


# BSD chflags' system flags: only the super-user may change them, whoever owns the file (chflags(1)); the user
# flags (uchg, uappnd, nodump, hidden …) its owner may change.
_SYSTEM_FLAGS = frozenset(
    {"schg", "schange", "simmutable", "sappnd", "sappend", "sunlnk", "sunlink", "arch", "archived", "snapshot"}
)
# Where a clearing ``noschg`` meets files that may carry the flag: not the run's own scratch or home trees.
_OWN_TREES = re.compile(r"^(?:/tmp/|/var/tmp/|/home/|~|\$HOME|\$\{HOME\})")


def _system_flags(words: list[Word]) -> bool:
    """``chflags schg,sunlnk FILE`` (setting a system flag: the super-user's anywhere) or ``chflags -R noschg /usr``
    (clearing one on an absolute path outside the run's own trees, where the system's files carry it; clearing a
    flag a file does not have changes nothing, so ``chflags -R noschg ./build`` needs no root)."""
    if not words or words[0].value is None:
        return False
    named = words[0].value.split(",")
    if any(flag in _SYSTEM_FLAGS for flag in named):
        return True
    clears = any(flag.startswith("no") and flag[2:] in _SYSTEM_FLAGS for flag in named)
    return clears and any(w.text.startswith("/") and not _OWN_TREES.match(w.text) for w in words[1:])


# passwd(1)'s options that change an account's state (lock, unlock, delete the password, expire it).
_PASSWD_CHANGES = frozenset({"-l", "--lock", "-u", "--unlock", "-d", "--delete", "-e", "--expire"})


def _another_accounts_settings(command: Command) -> str | None:
    """A user's crontab, password or ageing changed by name (``crontab -u acme FILE``, ``passwd -l acme``,
    ``chage -M 90 acme``): only root may change another account's; ``crontab -l``/``passwd`` alone act on the
    caller's own, ``chage -l`` only reads."""
    name = command.name or ""
    args = [w.text for w in command.words]
    if name == "crontab" and "-u" in args:
        return "crontab -u edits another user's crontab"
    if name == "passwd" and (_PASSWD_CHANGES & set(args) or operands(command)):
        return "passwd changes another account's password"
    if name == "chage" and not {"-l", "--list", "-h", "--help"} & set(args) and operands(command):
        return "chage changes an account's password ageing"
    return None


# A scriptlet's name with its separators as the vendor spelt them: ``post_install.sh``, ``loki-postinstall.sh``.
_SCRIPTLET_NAME = re.compile(r"(?:^|[-_.])(?:pre|post)[-_]?(?:inst(?:all)?|rm|remove|uninstall)(?:\.sh)?$")
# dpkg runs postinst with ``configure`` as $1: ``[ "$1" = "configure" ]``, ``[[ $1 == configure ]]``.
_CONFIGURE_TEST = re.compile(r"""\[\[?\s+["']?\$\{?1\}?["']?\s+==?\s+["']?configure["']?\s+\]""")


def maintainer_script(script: Script, lines: tuple[str, ...] = ()) -> bool:
    """A script its package manager runs as root: a maintainer script by name (``debian/postinst``,
    ``postinstall.sh``…), or a file named like a scriptlet in another spelling (``post_install.sh``,
    ``loki-postinstall.sh``) that dispatches on dpkg's ``configure`` action (a test of $1, or a ``case`` item).
    A vendor's own ``post-install.sh`` hook is not given ``configure``, so the name alone is not enough; fpm's
    names (``beforeInstall.sh``, ``post-install.sh``) count when the script calls both dpkg's and rpm's tools."""
    if is_maintainer_script(script.path) or runs_as_root(script.path, "\n".join(lines)):
        return True
    if run_by_package_manager(script, lines):  # ``before-remove.sh`` testing "$1", a post-install enabling a unit
        return True
    name = script.path.rsplit("/", 1)[-1].lower()
    if _FPM_NAME.fullmatch(name) and _serves_both_package_systems(script):
        return True
    if not _SCRIPTLET_NAME.search(name):
        return False
    cases = {c[5:].strip("\"'") for cmd in script.commands for c in cmd.conditions if c.startswith("case:")}
    return "configure" in cases or any(_CONFIGURE_TEST.search(line) for line in lines)


# fpm's scriptlet names, alone (``beforeInstall.sh``, ``post-install.sh``, ``after_upgrade.sh``): vendors use them
# for their own hooks too, so the name is read with what the script does.
_FPM_NAME = re.compile(r"(?:before|after|pre|post)[-_]?(?:install|remove|upgrade|uninstall)(?:\.sh)?")
# The tools of each package system's database and service registration that a scriptlet built by fpm for both
# .deb and .rpm calls (querying its own package's version, registering its init script); installing other
# packages (apt-get, yum) is what any installer does and says nothing.
_DEB_TOOLS = frozenset({"dpkg", "dpkg-query", "update-rc.d", "invoke-rc.d", "deb-systemd-helper", "deb-systemd-invoke"})
_RPM_TOOLS = frozenset({"rpm", "chkconfig"})


def _serves_both_package_systems(script: Script) -> bool:
    """The script calls both dpkg's and rpm's own tools (``dpkg-query -W pkg`` in one branch, ``rpm -q pkg`` in
    the other; ``update-rc.d x defaults`` and ``chkconfig --add x``): one scriptlet fpm puts in both packages."""
    names = {c.name for c in script.commands}
    return bool(names & _DEB_TOOLS) and bool(names & _RPM_TOOLS)


# Scripts a login shell sources (/etc/profile.d/*): the account that logs in runs them, not the installer.
_LOGIN_SCRIPT = re.compile(r"(?:^|/)etc/profile\.d/[^/]+$")


MAINTAINER_ROOT = "its package manager runs this maintainer script as root"


def one_package_manager(findings: list[Finding]) -> list[Finding]:
    """The ``root_assumed`` findings of a package's maintainer scripts as one: a package manager runs them all as
    root, one fact about the package (its first script's finding, naming every script), not one per script."""
    scripts = [f for f in findings if f.code == "preflight.root_assumed" and f.evidence.get("text") == MAINTAINER_ROOT]
    if len(scripts) < 2:
        return findings
    first, rest = scripts[0], {id(f) for f in scripts[1:]}
    names = ", ".join(f.path for f in scripts)
    merged = dataclasses.replace(
        first,
        message=f"the package's maintainer scripts ({names}) require root: {MAINTAINER_ROOT.replace('this', 'each')}"
        + (" but the target's installers run without sudo" if first.severity is Severity.HIGH else ""),
        evidence={**first.evidence, "files": [f.path for f in scripts]},
    )
    return [merged if f is first else f for f in findings if id(f) not in rest]


def _requires_root(script: Script, maintainer: bool, lines: tuple[str, ...] = ()) -> list[tuple[int, str]]:
    """(line, why) of each reason the script needs root: a uid check that exits, or being a maintainer script."""
    # a spec's or ebuild's install-time part begins at its first scriptlet or ``pkg_*`` phase
    line = root_section_line(script.path, lines) if maintainer else 0
    found = [(line, MAINTAINER_ROOT)] if maintainer else []
    return found + [(c.line, c.text) for c in script.root_checks if c.kind == "requires"]


def scan(ctx: Context) -> Iterator[Finding]:
    sudo = ctx.inventory.sudo if ctx.inventory is not None else None
    texts = {t.path: t.lines for t in ctx.texts}
    serving = start_script_libraries(ctx.parsed.scripts) if sudo is False else frozenset()
    for path, script in ctx.parsed.scripts.items():
        if path in ctx.parsed.root_scripts:
            continue  # an image build, cloud-init, logrotate, a container: root by what runs them, nothing to ask
        if run_by_system(path) or installed_payload(path, ctx.system_package) or is_development_file(path):
            continue  # init, a network hook, a resource agent, a tool a system package installs, dev tooling
        if path in ctx.ci_playbooks or path in ctx.test_env_scripts:
            continue  # a playbook a Zuul CI job runs on its test nodes (``zuul_jobs``), a tox run's (``tox_envs``)
        if path in ctx.run_by_root_jobs:
            continue  # a script the package's own root cron job or root service runs: cron or systemd, as root
        if is_served_elsewhere(ctx, path):
            continue  # a kickstart snippet, a server's user data: the machine it is served to runs it, as root
        if is_in_image(path):
            continue  # a diskimage-builder element's in-image script or static file: the image runs it, as root
        if path in ctx.installed_commands and path not in ctx.called_by_maintainer:
            continue  # a command on PATH or with a section-8 page: the operator runs it later, as they choose
        if _LOGIN_SCRIPT.search(path):
            continue  # sourced at each login by the account that logs in, never run by the installer
        source = tuple(line.text for line in texts.get(path, ()))
        if service_script(path, source, script):
            continue  # an init, rc or supervised run script kept anywhere (contrib/init-scripts/…): run as root
        maintainer = maintainer_script(script, source) or path in ctx.phase_scriptlets
        if not maintainer and removal_script(path) and path not in ctx.called_by_maintainer:
            continue  # uninstall.sh, purge.sh: the operator runs it to take the product away, not to install it
        updater = None if maintainer else run_by_updater(script)  # pakfire's update.sh, a RAUC hook
        requires = _requires_root(script, maintainer, source)
        if updater is not None:
            requires = [(1, f"{updater} runs this update script as root"), *requires]
            maintainer = True
        checked = any(c.kind == "requires" for c in script.root_checks)
        implicit = _implicit_steps(script, source, path in serving) if not requires and sudo is False else []
        drops = _drops(script, bool(requires), source) | _drops_after_root_steps(script, source, implicit)
        yield from _escalations(path, script, sudo, drops, root_required=checked)
        for line, why in requires[:1]:  # one fact per script: a second uid check (or one in a scriptlet) adds none
            yield at_line(
                "preflight.root_assumed",
                Severity.HIGH if sudo is False else Severity.INFO,
                path=path,
                line=line,
                text=why,
                message="the script requires root"
                + (" but the target's installers run without sudo" if sudo is False else "")
                + (f" ({why})" if maintainer and why.startswith(("its package manager", updater or "\0")) else ""),
                remedy="Run the step as root by a sanctioned mechanism, or ask the vendor to drop the root "
                "requirement.",
            )
        for command, why in implicit:
            yield _implicit_finding(path, command, why)


def _escalating_runners(script: Script) -> dict[str, Command]:
    """Functions that run their arguments with escalation (``runAsRoot() { sudo "$@"; }``) and are called: name ->
    the escalating command in the body. Each call is reported (it names the step that needs root), the body not."""
    runners = argument_runners(script)
    called = {c.name for c in script.commands if c.name is not None and c.name in runners}
    # A function named for the tool it wraps (``sudo() { … command sudo "$@" … }``): its calls read as the tool's
    # own (``sudo mkdir …``), so the escalation names the function, and its body is the wrapper, not another step.
    called |= {
        c.escalation
        for c in script.commands
        if c.escalation is not None and c.escalation in runners and c.function != c.escalation
    }
    return {
        c.function: c
        for c in script.commands
        if c.function in called and c.escalation is not None and c.program is not None and c.program.expands
        and escalates_on_every_call(c)
    }


def _inherited(command: Command) -> bool:
    """A command of a heredoc that an escalated shell reads (``$SUDO sh <<SCRIPT``): it runs with the privilege
    the shell got on the heredoc's line, which is reported there; the command itself escalates nothing."""
    return command.via == "heredoc" and command.escalation_line is not None and command.escalation_line != command.line


def _escalation_at(command: Command) -> int:
    """The line an escalation is reported once for: a command read out of the string an escalated shell runs
    (``su - postgres -c "initdb …&&\\`` continued over six lines) shares the switch's line with the string's other
    commands, one escalation, not one per line of the string; any other command (one an ``eval`` of a prefix
    assigned elsewhere runs, ``eval "${PREFIX}pip install …"``, is its own step), its own line."""
    if command.via is not None and command.via.endswith(" -c") and command.escalation_line is not None:
        return command.escalation_line
    return command.line


# ``sudo -k``/``-K`` (forget the cached password), ``-l`` (list rights), ``-V``, ``-h``: sudo runs nothing as root.
_NO_RUN_OPTIONS = frozenset(
    {"-k", "-K", "-l", "-ll", "-V", "-h", "--reset-timestamp", "--remove-timestamp", "--list", "--version", "--help"}
)
# ``sudo -n -v`` only asks whether credentials are cached (never prompts); a plain ``sudo -v`` prompts for the
# password the later sudo steps need, and is reported as their escalation.
_PROBE_OPTIONS = frozenset({"-n", "--non-interactive", "-v", "--validate", "-nv", "-vn"})


def _no_run(command: Command) -> bool:
    if command.name not in ("sudo", "doas") or command.words:
        return False
    options = command.text.split()[1:]
    if options and all(o in _NO_RUN_OPTIONS for o in options):
        return True
    probe = any(o in ("-n", "--non-interactive", "-nv", "-vn") for o in options)
    return probe and all(o in _PROBE_OPTIONS | _NO_RUN_OPTIONS for o in options)


# su/runuser options that take a value (the next word is not the account).
_SU_VALUE_OPTIONS = frozenset(
    {"-c", "--command", "-s", "--shell", "-g", "--group", "-G", "--supp-group", "-w", "--whitelist-environment", "-C"}
)
_SHELL_OPERATORS = frozenset({"|", "||", "&&", ";", "&", "(", ")"})


def su_account(line: str, tool: str) -> str | None:
    """The account ``su``/``runuser`` switches to on this source line (``root`` when none is named); None when
    the line cannot be split or does not run ``tool``. A switch inside a quoted command substitution
    (``out="$(runuser -u www-data -- php …)"``) is read from the substitution's own text."""
    account = _line_account(line, tool)
    starts = itertools.islice(re.finditer(r"\$\(", line), 8)
    for start in starts:
        if account is not None:
            break
        account = _line_account(line[start.end() :], tool)
    return account


def _line_account(line: str, tool: str) -> str | None:
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    tokens: list[str] = []
    cut = False
    try:
        for token in itertools.islice(lexer, 256):
            tokens.append(token)
    except ValueError:  # a quote closed on a later line (``su -s /bin/sh postgres -c "test … &&``): the words before it
        cut = True
    for i, token in enumerate(tokens):
        if token.rpartition("/")[2] != tool:
            continue
        rest = list(itertools.takewhile(lambda t: t not in _SHELL_OPERATORS, tokens[i + 1 :]))
        return _switch_account(rest, tool, cut)
    return None


def _switch_account(rest: list[str], tool: str, cut: bool) -> str | None:
    """The account among su/runuser's words after the tool (``root`` when none is named); None when the line was
    cut (a quote closed on a later line) before an option's value, so the account is not on it."""
    j = 0
    while j < len(rest):
        word = rest[j]
        if tool == "runuser" and word in ("-u", "--user") and j + 1 < len(rest):
            return rest[j + 1]
        taking = word in _SU_VALUE_OPTIONS or _bundle_takes_next(word)
        if taking and j + 1 >= len(rest) and cut:
            return None
        if taking:
            j += 2
        elif word.startswith("-"):
            j += 1
        else:
            return word
    return "root"


# Letters of su/runuser's short options that take a value (``-s SHELL``, ``-c COMMAND``, ``-g GROUP``…).
_SU_VALUE_LETTERS = frozenset("csgGwC")


def _bundle_takes_next(word: str) -> bool:
    """Short options run together whose last letter takes the next word as its value (``-ls /bin/bash``: ``-l`` and
    ``-s /bin/bash``, as getopt reads them); a value letter before the end takes the rest of the word instead."""
    if not re.fullmatch(r"-[A-Za-z]{2,}", word):
        return False
    first = next((k for k, letter in enumerate(word[1:], 1) if letter in _SU_VALUE_LETTERS), None)
    return first == len(word) - 1


# System accounts that exist to hold no privilege (a web server's, nobody): ``su`` to one never gains root.
_UNPRIVILEGED = frozenset({"nobody", "www-data", "www", "nginx", "apache", "http", "daemon"})


# An account named by a variable: ``$GITUSER``, ``${MASTER_USER[$mi]}``, ``"$APP_USER"`` (shlex keeps the text).
_VARIABLE_ACCOUNT = re.compile(r"\$(?:\w+|\{\w+(?:\[[^]]*\])?\})")


def _switches(script: Script, source: tuple[str, ...]) -> Iterator[tuple[Command, int, str | None]]:
    """Each su/runuser the script runs: the command, the line of the switch, the account it switches to (from the
    escalator's own words when the source line is another language's: a Python ``run(['su', '-', 'postgres',
    …])`` written as shell)."""
    for command in script.commands:
        at = command.escalation_line or command.line
        if command.escalation in ("su", "runuser") and 0 < at <= len(source):
            account = su_account(source[at - 1], command.escalation)
            if account is None:  # the options without the command (``-c`` kept, its value dropped)
                options = [o for o in command.escalation_options if o not in ("-c", "--command")]
                account = su_account(shlex.join((command.escalation, *options)), command.escalation)
            yield command, at, account


def _drops(script: Script, as_root: bool, source: tuple[str, ...]) -> frozenset[int]:
    """Lines where root switches to another account with su/runuser (``su - postgres -c psql`` in a maintainer
    script, or under a check that it runs as root): a privilege drop, not escalation. A ``-c`` command run as an
    account that holds no privilege and has no password (``su -c "php bin/console …" -s /bin/sh nobody`` in a
    container entrypoint) can only be run by root and never gains root: a drop too (``su - postgres -c …`` in a
    script not known to run as root still asks for a password). ``su steam`` with no command, to a named account
    other than root, gains no root either (the corpus README's rule for ``sudo_unavailable``, session 30)."""
    lines: set[int] = set(_sudo_drops(script, source))
    literal = _literal_values(script)
    for command, at, named in _switches(script, source):
        account = _resolved(named, literal)
        runs = re.search(r"\s(?:-c|--command)[\s=]", source[at - 1]) is not None
        if "root" in command.conditions and account is not None:
            lines.add(at)  # root switching to any account (``su -p "$user" -c "$1"`` in a uid-0 branch) gains nothing
            continue
        # ``su steam`` with no command opens a shell as another account: nothing in the script runs with root
        interactive = command.name == command.escalation and not runs
        if not (as_root or interactive or (runs and account in _UNPRIVILEGED)):
            continue
        if account is not None and account not in ("root", "0") and re.fullmatch(r"[a-z_][\w.-]*\$?", account):
            lines.add(at)
        elif as_root and account is not None and _VARIABLE_ACCOUNT.fullmatch(account):
            lines.add(at)  # root switching to the account a setting names (``su - $GITUSER -c …``) asks nothing
    return frozenset(lines)


def _literal_values(script: Script) -> dict[str, str]:
    """Variables the script only ever assigns one literal value (``WWWUSER='www-data'``), by name."""
    values: dict[str, set[str | None]] = {}
    for a in script.assignments:
        values.setdefault(a.name, set()).add(a.value)
    return {name: value for name, v in values.items() if len(v) == 1 for value in v if value is not None}


def _resolved(account: str | None, literal: dict[str, str]) -> str | None:
    """The account a switch names, read through a variable the script sets to one literal account (``su … --
    "$WWWUSER"`` after ``WWWUSER='www-data'``); the variable's text otherwise."""
    name = re.fullmatch(r"\$\{?(\w+)\}?", account or "")
    return literal.get(name[1], account) if name else account


def sudo_account(line: str) -> str | None:
    """The account ``sudo -u ACCOUNT`` (``--user ACCOUNT``, ``--user=ACCOUNT``, ``-uACCOUNT``) runs as on this source
    line: ``root`` when none is named, None when the line cannot be split or runs no sudo."""
    tokens = _tokens(line)
    if tokens and re.fullmatch(r"\w+=.*", tokens[0], re.S):  # ``run="sudo -u $owner"``: the value's words
        tokens = _tokens(tokens[0].partition("=")[2]) + tokens[1:]
    start = next((i for i, t in enumerate(tokens) if t.rpartition("/")[2].strip("\"'=") == "sudo"), None)
    if start is None:
        return None
    rest = tokens[start + 1 : start + 1 + 32]
    j = 0
    while j < len(rest) and rest[j].startswith("-"):
        found = value_option("sudo", rest[j])
        if found is None:
            j += 1
            continue
        option, attached = found
        if attached is None and j + 1 >= len(rest):
            break  # the option's value is not on this line
        if option in ("-u", "--user"):
            return attached if attached is not None else rest[j + 1]
        j += 2 if attached is None else 1
    return "root"


def _tokens(line: str) -> list[str]:
    lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        return list(itertools.islice(lexer, 256))
    except ValueError:  # a quote closed on a later line
        return []


def _sudo_switches(script: Script, source: tuple[str, ...]) -> Iterator[tuple[Command, int, str]]:
    """Each ``sudo -u ACCOUNT`` the script runs to become an account other than root: the command, the line of the
    sudo, the account (a literal name or the variable naming it)."""
    for command in script.commands:
        at = command.escalation_line or command.line
        if command.escalation != "sudo" or not 0 < at <= len(source):
            continue
        account = sudo_account(source[at - 1])
        if account is not None and account not in ("root", "0", "#0") and re.fullmatch(_ACCOUNT, account):
            yield command, at, account


def _sudo_drops(script: Script, source: tuple[str, ...]) -> Iterator[int]:
    """``sudo -u ACCOUNT`` run only as root: written in a uid-0 branch, or run through a value assigned only there
    (``if [[ "$(whoami)" == root ]]; then php_command="sudo -u ${htuser}"; fi`` then ``${php_command} php occ``):
    root switching to the web server's account, a drop as ``su`` in that branch is, not escalation."""
    for command, at, _ in _sudo_switches(script, source):
        if "root" in command.conditions or at in script.root_assigned:
            yield at


# A literal account name or one a variable names (``www-data``, ``$GITUSER``, ``${htuser}``).
_ACCOUNT = r"[a-z_][\w.-]*\$?|\$\w+|\$\{\w+\}"


def _drops_after_root_steps(
    script: Script, source: tuple[str, ...], implicit: list[tuple[Command, str]]
) -> frozenset[int]:
    """``su ACCOUNT -c …`` after root-only steps the script takes with no escalation (``chown -R pi:pi /opt/app``
    then ``su pi -c "npm ci"``): the author runs the script as root, so the switch is root dropping to the
    account; the root-only steps are reported (``implicit_privilege``), the drop is not a second escalation. "After"
    is the order the script runs (shell.call_order: ``main() { setup_dirs; build; }`` runs setup_dirs' ``chown``
    before build's ``su``). A switch before them is root's too when the script is plainly written for root all
    through (a container entrypoint's ``su - postgres -c initdb`` then ``apk add`` and ``sed -i /etc/passwd``: two
    root-only steps or more outside any ``if``/``case`` branch or guard): run by anyone else it fails at each of
    them (each reported as implicit_privilege); one such step alone leaves an earlier switch an escalation.
    ``sudo -u ACCOUNT`` counts the same way only where the script hands its process over: in a container entrypoint
    (``exec "$@"``, shell/entrypoint.py) or when the sudo itself is exec'd (``chown -R 1000:1000 /data`` then ``exec
    sudo -E -u app …``). Elsewhere a host script's ``sudo -u postgres psql`` after a bare root-only step is still
    labelled escalation by the hold-out sets (a caller without root needs sudo rights for it)."""
    if not implicit:
        return frozenset()
    first_run: dict[int, int] = {}
    for index, command in enumerate(in_call_order(script)):
        first_run.setdefault(command.line, index)
    earliest = min(first_run.get(command.line, 1 << 30) for command, _ in implicit)
    for_root = len({c.line for c, _ in implicit if not c.conditions and not c.arms}) >= 2
    lines: set[int] = set()
    handover = container_entrypoint(script)
    handed_sudo = (switch for switch in _sudo_switches(script, source) if handover or "exec" in switch[0].wrappers)
    for command, at, account in itertools.chain(_switches(script, source), handed_sudo):
        if account is None or account in ("root", "0"):
            continue
        after = first_run.get(command.line, -1) > earliest
        if (after or for_root) and re.fullmatch(r"[a-z_][\w.-]*\$?|\$\w+|\$\{\w+\}", account):
            lines.add(at)
    return frozenset(lines)


def _escalations(
    path: str, script: Script, sudo: bool | None, drops: frozenset[int] = frozenset(), *, root_required: bool = False
) -> Iterator[Finding]:
    """sudo/su/doas a script runs to gain root, outside the steps only a removal runs. In a script that exits unless
    it runs as root (a uid check that requires root), ``sudo``/``doas`` outside the check's non-root branch gain
    nothing: the script's need for root is the ``root_assumed`` finding, not each ``sudo`` (the ``exec sudo "$0"``
    in the branch is still one). After a top-level check that re-runs the script as root (rerun_as_root.py), the
    main flow's ``sudo``/``doas`` gain nothing either."""
    seen: set[int] = set()
    runners = _escalating_runners(script)
    given = argument_runners(script)
    non_root = _called_when_not_root(script) if root_required else frozenset()
    handed = handed_over_at(script)
    for command in script.commands:
        body = runners.get(command.name or "")
        if body is not None:
            command = dataclasses.replace(  # noqa: PLW2901 - the call, escalating as the function's body does
                command, escalation=body.escalation, escalation_line=body.escalation_line
            )
        elif command.function in runners and command is runners[command.function]:
            continue
        elif (command.function or "", command.escalation_line or command.line) in script.runner_escalations:
            continue  # the body of a string runner whose calls are each reported (shell.runners)
        elif command.name in given:
            command = run_through(command, given)  # noqa: PLW2901 - the command a runner's call hands it
        tool = command.escalation
        if tool is None or _escalation_at(command) in seen or _inherited(command) or _no_run(command):
            continue
        if elsewhere(command):
            continue
        if on_removal_only(command):  # a step only removal runs (a postrm's ``purge)`` branch) is not the upgrade's
            continue
        if (command.escalation_line or command.line) in drops:
            continue
        if root_required and tool in ("sudo", "doas") and not _for_non_root(command, non_root):
            continue
        if tool in ("sudo", "doas") and runs_as_root_after(command, handed):
            continue
        seen.add(_escalation_at(command))
        if sudo is False:
            yield at_command(
                "preflight.sudo_unavailable",
                Severity.HIGH,
                path=path,
                command=command,
                tool=tool,
                message=f"the script runs {tool!r} but the target's installers run without sudo "
                "(inventory host.sudo = false); the step will fail or hang at a password prompt",
                remedy="Ask the vendor for an installer that runs unprivileged, or grant the specific command to "
                "the installer account and update the inventory.",
            )
        else:
            yield at_command(
                "preflight.privileged_script",
                Severity.INFO,
                path=path,
                command=command,
                tool=tool,
                message=f"the script escalates privileges with {tool!r}",
                remedy="Confirm the installer account may run this command on the target.",
            )


# ``[ -w "$dir" ]``, ``[ ! -w /etc/x ]``, ``[[ -w "${BIN_DIR}" ]]``, ``test -w dir``: the script checks it may write.
_WRITABLE_TEST = re.compile(r"""(?:\[\[?|\btest)\s+(?:!\s+)?-w\s+["']?(\$\{?(\w+)\}?|/[^\s"';\]]+)""")


def _writability_checked(lines: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Variables and paths the script tests for writability before writing there (it then skips, falls back or
    escalates): not a write that silently needs root."""
    names: set[str] = set()
    paths: list[str] = []
    for line in lines:
        if "-w" not in line:  # every match holds it
            continue
        for m in _WRITABLE_TEST.finditer(line):
            if m.group(2):
                names.add(m.group(2))
            else:
                paths.append(m.group(1).rstrip("/"))
    return frozenset(names), tuple(paths)


def _checked_write(command: Command, script: Script, checked: tuple[frozenset[str], tuple[str, ...]]) -> bool:
    names, paths = checked
    for word in (*written_paths(command), *operands(command)):
        expanded = set(word.expands)
        for name in word.expands:  # ``out="$dir/x"``: the tested directory through one assignment
            expanded.update(n for a in script.bindings(name) for n in names if f"${n}" in a.raw or f"${{{n}" in a.raw)
        if expanded & names or any(word.text == p or word.text.startswith(p + "/") for p in paths):
            return True
    return False


def _under_tested_path(why: str, paths: tuple[str, ...]) -> bool:
    """The path a write reason names (``writes /usr/local/bin/eg (on one of the branches that set its
    directory)``) lies under a path the script tests for writability (``if [ -w /usr/local/bin ]; then
    DEST=/usr/local/bin/eg; else DEST=/tmp/eg; fi``): the branch that writes there runs only when it may."""
    written = next((w for w in why.split() if w.startswith("/")), None)
    return written is not None and any(written == p or written.startswith(p + "/") for p in paths if p)


_SCRATCH = ("/tmp/", "/var/tmp/")  # noqa: S108 -- paths a script names, compared, never written here


def _members_under_tmp(args: list[str], into: str) -> bool:
    """``tar xzf $IMG -C / ./tmp/pre_upgrade_command``: only the members named after ``-C DIR`` are extracted, and
    each lands under /tmp (or /var/tmp), which anyone may write."""
    after = args[args.index("-C") + 2 :] if "-C" in args else []
    members = [a for a in after if not a.startswith("-")]
    base = into.rstrip("/") + "/"
    return bool(members) and all(
        (base + m.removeprefix("./")).startswith(_SCRATCH) and ".." not in m for m in members
    )


def _in_system_dir(command: Command, cwd: str) -> tuple[str, int] | None:
    """A relative write after ``cd /usr/local/bin`` (``wget URL`` saves there), or an archive extracted there
    with no ``-C`` (``cd / && tar xzf "$IMG"``, ``(cd /boot && xz -dc < f | tar xvf -)``, ``unzip x.zip``), or a
    relative entry removed there (``cd /usr/share/panel; rm index.html``): a write under that directory (``/``
    itself is root's)."""
    if not (cwd == "/" or cwd.startswith(_ROOT_PREFIXES)):
        return None
    args = [w.text for w in command.words]
    if command.name == "tar" and _tar_extracts(args) and _extracts_into(args) is None:
        return f"tar extracts into {cwd}", command.line
    for word in written_paths(command):
        if not word.text.startswith(("/", "~", "$")):
            return f"writes {cwd.rstrip('/')}/{word.text.removeprefix('./')}", write_line(command, word)
    change = changes_in_cwd(command)  # ``unzip x.zip``, ``rm index.html`` there
    return (f"{change} in {cwd.rstrip('/') or '/'}", command.line) if change else None


# A first-boot script by its name (``firstboot.sh``, ``first-boot-init.sh``, ``rc.first_boot``): the one-shot an image
# runs once at its first start. Its power-state step (``reboot``, ``shutdown -r now``, ``halt`` when it cannot go on)
# ends that run by design; the hold-out sets leave it unlabelled (holdout180's ioBroker image, holdout202's signer).
_FIRST_BOOT = re.compile(r"(?:^|/)[^/]*first[-_]?boot[^/]*$", re.IGNORECASE)
_POWER_STATE = frozenset({"reboot", "poweroff", "halt", "shutdown"})


# Wrappers that run a command as another (unprivileged) account: ``exec gosu rabbitmq "$BASH_SOURCE" "$@"``.
_DROPPERS = frozenset({"gosu", "su-exec", "chpst", "s6-setuidgid", "setpriv"})
_PATH_REASONS = ("writes ", "mkdir ", "rm ", "touch ", "chmod ", "tar extracts")


def _runs_as_its_account_from(script: Script) -> int | None:
    """The line from which the script runs as an unprivileged account by its own design: it refuses root (exits
    when uid 0), or, when root, re-executes itself as the service account (``exec gosu rabbitmq "$BASH_SOURCE"
    "$@"``), so what follows runs as that account either way. Its writes there are to paths the account owns;
    accounts, packages and services still need root."""
    if any(check.kind == "refuses" for check in script.root_checks) or _adds_own_uid(script):
        return 0
    for command in script.commands:
        program = command.program
        if program is not None and _DROPPERS & set(command.wrappers) and {"0", "BASH_SOURCE"} & set(program.expands):
            return command.line
    return None


def _adds_own_uid(script: Script) -> bool:
    """The script appends a ``/etc/passwd`` entry for the uid it runs as (``echo "app:x:$(id -u):0:…" >>
    /etc/passwd``, OpenShift's arbitrary-uid pattern): only a uid with no entry needs one, and root always has
    one, so the script is written to run as an unprivileged uid the image is started with."""
    return any(
        any("id -u" in w.raw for w in command.words)
        and any(r.op == ">>" and r.target is not None and r.target.text == "/etc/passwd" for r in command.redirects)
        for command in script.commands
    )


def _called_when_not_root(script: Script) -> frozenset[str]:
    """Functions called in a branch that runs when the script is not root (``if ! is_root; then rerun_with_root``),
    and the functions those call: where a script gains root."""
    found = {c.name or "" for c in script.commands if c.name in script.functions and "not-root" in c.conditions}
    for _ in range(8):
        more = {c.name or "" for c in script.commands if c.function in found and c.name in script.functions}
        if more <= found:
            break
        found |= more
    return frozenset(found)


def _for_non_root(command: Command, non_root: frozenset[str]) -> bool:
    return "not-root" in command.conditions or command.function in non_root


def _called_as_root(script: Script) -> frozenset[str]:
    """Functions every call of which sits in a branch that runs as root (Mealie's ``add_user``, called only under
    ``elif [ "$(id -u)" = "0" ]``): their bodies run as root."""
    calls: dict[str, list[Command]] = {}
    for command in script.commands:
        if command.name in script.functions and command.function != command.name:
            calls.setdefault(command.name or "", []).append(command)
    return frozenset(name for name, sites in calls.items() if all("root" in c.conditions for c in sites))


@dataclasses.dataclass(frozen=True)
class _ScriptFacts:
    """What ``_implicit_steps`` knows of a script before walking its commands: who runs which part of it (as root,
    as its service account, handed over after a root check) and which folders are an account's own."""

    script: Script
    functions: frozenset[str]
    checked: tuple[frozenset[str], tuple[str, ...]]  # paths the run tested for writability
    dropped: int | None  # the line from which the script runs as its own account
    serves: bool  # a start script: its state folders are its account's
    accounts: tuple[str, ...]  # run as root or as the account a root-only chown names
    owned: list[tuple[int, str]]  # (line, folder): given to an account by the script's own chown
    as_root: frozenset[str]  # functions only ever called as root
    # a non-root run handed over to the product (``[ "$(id -u)" != 0 ] && exec app``): what follows runs as root
    handed: int | None

    @classmethod
    def of(cls, script: Script, lines: tuple[str, ...], sourced_by_start: bool) -> _ScriptFacts:
        return cls(
            script=script,
            functions=frozenset(script.functions),
            checked=_writability_checked(lines),
            dropped=_runs_as_its_account_from(script),
            serves=sourced_by_start or starts_app_server(script),
            accounts=state_folders_given_when_root(script),
            owned=state_folders_given_to_accounts(script),
            as_root=_called_as_root(script),
            handed=min((c.line for c in script.root_checks if c.kind == "hands_over"), default=None),
        )


class _Directories:
    """The directory a ``cd`` moved to, at top level and in each function, and the ``cd`` itself (whose directory
    may be set per branch); a subshell's ``cd`` (``( cd DIR; … )``) holds only in its block, the directory and
    ``cd`` before it back after it."""

    def __init__(self) -> None:
        self._cwds: dict[str | None, str] = {}
        self._cds: dict[str | None, Command | None] = {}
        self._scoped: dict[str | None, tuple[tuple[int, int, int], str | None, Command | None]] = {}

    def follow(self, command: Command) -> None:
        """Move with ``command``: leave a subshell's block it is past, take the directory it ``cd``s to."""
        held = self._scoped.get(command.function)
        if held is not None and not within(command.block, held[0]):
            del self._scoped[command.function]
            _restore(self._cwds, command.function, held[1])
            self._cds[command.function] = held[2]
        if command.name == "cd" and "subshell" in command.conditions and command.block is not None:
            self._scoped.setdefault(
                command.function, (command.block, self._cwds.get(command.function), self._cds.get(command.function))
            )
        if command.name == "cd":
            places = operands(command)
            self._cwds[command.function] = places[0].text.rstrip("/") + "/" if len(places) == 1 else ""
            self._cds[command.function] = command if len(places) == 1 else None

    def cwd(self, command: Command) -> str:
        """The directory ``command`` runs in (``""``: not known)."""
        return self._cwds.get(command.function, self._cwds.get(None, ""))

    def cd(self, command: Command) -> Command | None:
        """The ``cd`` that moved to the directory ``command`` runs in."""
        return self._cds.get(command.function, self._cds.get(None))


def _implicit_steps(
    script: Script, lines: tuple[str, ...] = (), sourced_by_start: bool = False
) -> list[tuple[Command, str]]:
    """Root-only steps the script takes with no escalation and no root check (each at its line, once);
    ``sourced_by_start``: a library a service's start script sources (its state folders are the service's).

    Walking the commands in order, it follows what earlier lines set up (directories given to the invoking user,
    groups made, ``configure`` prefixes, the working directory), skips the steps that run as root or elsewhere,
    finds what makes a step root-only and drops the steps on the run's or an account's own paths."""
    steps: list[tuple[Command, str]] = []
    seen: set[int] = set()
    facts = _ScriptFacts.of(script, lines, sourced_by_start)
    directories = _Directories()
    given: list[tuple[int, str]] = []  # directories an escalated chown gave the invoking user ("": not known)
    made_groups: set[str] = set()  # groups an account tool made on an earlier line (``new_groups``)
    prefixes: dict[str, str] = {}  # build directory -> the ``--prefix`` its ``configure`` was given
    commands = read_through_runners(script)
    saving = _wrapper_saving(script, commands)
    for command in commands:
        given.extend((command.line, place) for place in _handed_to_user(command, shell_uid=not script.posix_sh))
        made_groups.update(groups_made(command))
        directories.follow(command)
        cwd = directories.cwd(command)
        if (prefix := configure_prefix(command)) is not None:
            prefixes[cwd] = prefix  # the Makefile this build directory's ``make install`` copies by
        if _privileged_or_elsewhere(command, facts):
            continue
        found = root_only(command, facts.functions, shell_uid=not script.posix_sh) or _in_system_dir(command, cwd)
        found = found or chgrp_to_new_group(command, made_groups)
        found = found or _configured_install(command, prefixes.get(cwd))
        found = found or _saved_by_wrapper(command, saving.get(id(command), ()), script)
        if found is None and not script.root_checks:
            found = _write_on_some_platform(command, script)
            found = found or _relative_write_on_some_platform(command, directories.cd(command), script)
        if found is None or found[1] in seen:
            continue
        why, line = found
        if _own_path(command, why, facts, given):
            continue
        seen.add(line)
        steps.append((dataclasses.replace(command, line=line), why))
    return steps


def _privileged_or_elsewhere(command: Command, facts: _ScriptFacts) -> bool:
    """``command`` runs escalated, as root (under a root check, in a function only root calls, after a non-root
    run was handed over), on another machine, never, or after its function returned for want of privilege; or it
    is a first-boot one-shot's closing reboot."""
    script = facts.script
    # Conditions run too: ``if ! apt-get update; then`` updates the package lists.
    if command.escalation or "root" in command.conditions or command.function in facts.as_root or elsewhere(command):
        return True
    if facts.handed is not None and command.line > facts.handed and "not-root" not in command.conditions:
        return True
    if NEVER in command.conditions:
        return True  # a branch whose test can never hold (a switch the file sets otherwise, two literals that differ)
    if command.name in _POWER_STATE and _FIRST_BOOT.search(script.path):
        return True  # a first-boot one-shot's closing reboot or halt: the end of its own run, not an install step
    # the function returned before this step when the run lacked the privilege
    return any(command.function == f and command.line > line for f, line in script.privilege_guards)


def _own_path(command: Command, why: str, facts: _ScriptFacts, given: list[tuple[int, str]]) -> bool:
    """The root-only step ``why`` touches what is the run's or an account's own: an owner that follows the runner,
    a path the run tested for writability, a write made only when not root, a directory given to the invoking
    user, the service account's paths and state folders."""
    script = facts.script
    if owner_follows_runner(command, script, lambda text: _own_user(text, shell_uid=not script.posix_sh)):
        return True  # the invoking user's own id unless root runs it (an entrypoint adapting to its uid)
    # (a chmod of a file the run put in a directory it tested for writability: that file is the run's own)
    if why.startswith(("writes", "mkdir", "rm ", "touch ", "chmod ")) and (
        _checked_write(command, script, facts.checked) or _under_tested_path(why, facts.checked[1])
    ):
        return True
    if why.startswith("writes ") and "not-root" in command.conditions and not command.escalation:
        return True  # written only when not root, on purpose: an image's group-writable /etc/passwd for any uid
    if why.startswith(_PATH_REASONS) and _given_to_user(why, command.line, given):
        return True  # under a directory the script gave the invoking user, with its escalation, before
    if facts.dropped is not None and command.line > facts.dropped and why.startswith(_PATH_REASONS):
        return True  # a path the service account owns (the script runs as that account by design)
    if facts.serves and why.startswith(_PATH_REASONS) and writes_only_state(command):
        return True  # the service's own state folder, written by the account that runs the service
    if why.startswith(_PATH_REASONS) and inside_folders(why, facts.accounts):
        return True  # a state folder the script gives its account when root: that account's on either run
    folders = tuple(f for at, f in facts.owned if at < command.line)
    # a state folder the script's own chown gave an account on an earlier line
    return bool(folders) and why.startswith(_PATH_REASONS) and (
        inside_folders(why, folders) or writes_only_inside(command, folders)
    )


def _configured_install(command: Command, prefix: str | None) -> tuple[str, int] | None:
    """``make install`` in a build directory whose ``configure`` was given a system ``--prefix``
    (configured_prefixes): the Makefile copies into that directory."""
    if prefix is None or not installs_with_configured_prefix(command) or not _system_path(prefix.rstrip("/") + "/"):
        return None
    return f"make install into {prefix}", command.line


def _wrapper_saving(script: Script, commands: Sequence[Command]) -> dict[int, list[Command]]:
    """id of a download wrapper's call -> its body's fetches with the call's arguments bound (``fetch URL
    /usr/local/bin/x`` whose body runs ``curl -o "$2" "$1"``), read as fetched.py reads them."""
    from shipgate.preflight.fetched import wrapper_saves  # fetched imports (through persistence) this module

    wrappers = network_functions(script)
    calls = [c for c in commands if c.name in wrappers]
    return wrapper_saves(script, calls) if calls else {}


def _saved_by_wrapper(call: Command, fetches: Sequence[Command], script: Script) -> tuple[str, int] | None:
    """The write a download wrapper's call makes into a system directory: the body's ``-o`` target, named by the
    call's argument; reported at the call, the line that names the place. A place the body writes itself
    (``_out=/usr/local/x.sh`` then ``curl -o "$_out" "$1"``) is the body's own step, reported there."""
    for fetch in fetches:
        own = {w.text for c in script.commands if c.line == fetch.line for w in downloaded_files(c)}
        for word in downloaded_files(fetch):
            if _system_path(word.text) and word.text not in own:
                return f"writes {word.text} (through {call.name})", call.line
    return None


# Commands whose operands are entries they make or remove in a directory (as root_only reads them; not chmod,
# which the file's owner may run: a file the script made itself is its own whichever directory it is in).
_CHANGES_OPERANDS = frozenset({"mkdir", "rm", "touch", "mv"})


def _restore(cwds: dict[str | None, str], function: str | None, before: str | None) -> None:
    """The directory a subshell's ``cd`` changed, back as it was when the subshell ends."""
    if before is None:
        cwds.pop(function, None)
    else:
        cwds[function] = before


def _handed_to_user(command: Command, shell_uid: bool) -> list[str]:
    """The directories an escalated ``chown`` gives the invoking user (``sudo chown "$USER" DIR``, Homebrew's
    ``sudo chown $USER *mkdirs``): from then on the script writes there without root, by design. A directory whose
    name is not known (a list the program computes) is ``""``; a relative one is left out."""
    places = operands(command)
    if command.name != "chown" or not command.escalation or len(places) < 2:
        return []
    if not _own_user(places[0].raw, shell_uid):
        return []
    known = [p.value for p in places[1:] if p.value is not None]
    return [v.rstrip("/") + "/" for v in known if v.startswith("/")] + [""] * (len(places) - 1 - len(known))


def _given_to_user(why: str, line: int, given: list[tuple[int, str]]) -> bool:
    """A path step (``writes /usr/local/bin/x``, ``tar extracts into DIR``) under a directory handed to the invoking
    user on an earlier line, or after a handover of directories whose names are not known."""
    path = next((w for w in why.split() if w.startswith("/")), None)
    if path is None:
        return False
    under = path.rstrip("/") + "/"
    return any(at < line and under.startswith(place) for at, place in given)


def _write_on_some_platform(command: Command, script: Script) -> tuple[str, int] | None:
    """A write whose path comes from a variable set per platform or branch (shell.value_alternatives): under a
    system directory on one of them (a web root that is ``/usr/share/apache2`` on Debian). Read only in a script
    with no uid test, where no branch is picked by who runs it."""
    words = [*written_paths(command), *(operands(command) if command.name in _CHANGES_OPERANDS else ())]
    for word in words:
        if not word.expands or _system_path(word.text.rstrip("/") + "/"):
            continue
        system = next((v for v in alternative_values(script, word, command) if _system_path(v.rstrip("/") + "/")), None)
        if system is not None:
            return f"writes {system} (on one of the branches that set its directory)", write_line(command, word)
    return None


def _relative_write_on_some_platform(command: Command, cd: Command | None, script: Script) -> tuple[str, int] | None:
    """A relative write after ``cd "$ROOT"`` where ROOT is set per platform or branch (``ln -s "$NEW" app`` in a
    web root that is ``/usr/share/apache2`` on Debian): under a system directory on one of them, as
    :func:`_write_on_some_platform` reads a path written through the variable. A directory made at run time
    (``mktemp -d``, ``$(dirname "$0")``) gives no alternative."""
    if cd is None or not (places := operands(cd)) or not places[0].expands:
        return None
    words = [*written_paths(command), *(operands(command) if command.name in _CHANGES_OPERANDS else ())]
    relative = next((w for w in words if w.text and not w.text.startswith(("/", "~", "$"))), None)
    if relative is None:
        return None
    system = next((v for v in alternative_values(script, places[0], cd) if _system_path(v.rstrip("/") + "/")), None)
    if system is None:
        return None
    written = f"{system.rstrip('/')}/{relative.text.removeprefix('./')}"
    why = f"writes {written} (on one of the branches that set the directory it moved to)"
    return why, write_line(command, relative)


def _implicit_finding(path: str, command: Command, why: str) -> Finding:
    return at_command(
        "preflight.implicit_privilege",
        Severity.HIGH,
        path=path,
        command=command,
        operation=why,
        message=f"{why}: that needs root, the script neither escalates nor checks for it, and the target's "
        "installers run without sudo",
        remedy="Ask the vendor to split the root-only step out (or document it), or grant the installer the "
        "specific privilege and update the inventory.",
    )
