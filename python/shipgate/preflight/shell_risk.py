"""Destructive or weakening shell steps: recursive ``rm`` on an unguarded variable or on /, deletes of data with
no backup step, world-writable modes, services disabled, and host protections (firewall, SELinux, AppArmor,
auditd) switched off."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.findings import Finding, Severity
from shipgate.preflight.client_sql import drops_database
from shipgate.preflight.config_management.model import UNKNOWN as CONFIGURED
from shipgate.preflight.confirmed_restores import confirmed_restore
from shipgate.preflight.containers import container_command
from shipgate.preflight.contents import Context, Kind, at_command
from shipgate.preflight.kept_copies import backup_step, backup_survives, set_aside_copy
from shipgate.preflight.own_unit_removal import disables_itself, own_unit_removed, removed_packages, unit_file_removed
from shipgate.preflight.package_scripts import is_snap_script
from shipgate.preflight.runners import steps
from shipgate.preflight.shell.actions import NEVER, NOT_UNINSTALL, UNINSTALL, in_uninstall_mode, on_removal_only
from shipgate.preflight.shell.arguments import bound_calls, with_fields
from shipgate.preflight.shell.arms import exclusive
from shipgate.preflight.shell.call_order import trap_handler_names
from shipgate.preflight.shell.commands import operands, option_values, written_paths
from shipgate.preflight.shell.dead import referenced_functions
from shipgate.preflight.shell.functions import argument_runners, read_through_runners
from shipgate.preflight.shell.model import Assignment, Command, Script, Word
from shipgate.preflight.shell.phases import removal_script
from shipgate.preflight.shell.reaching import never_empty
from shipgate.preflight.shell.refilled import refilled
from shipgate.preflight.shell.temporary_dirs import fresh_temporary, whole_variable
from shipgate.preflight.systemd import package_units
from shipgate.preflight.volume_prune import (
    chosen_removal,
    deletes_stack_data,
    found_and_deleted,
    prunes_volumes,
)

_PROTECTIONS = frozenset({"firewalld", "ufw", "apparmor", "auditd", "iptables", "ip6tables", "nftables", "selinux"})
_DATA_PREFIXES = ("/var/lib/", "/var/opt/", "/srv/", "/home/", "/data/", "/var/backups/", "/var/mail/", "/opt/")
# Package indexes their tools download again (``rm -rf /var/lib/apt/lists/*`` after an install): not data.
_REGENERATED = ("/var/lib/apt/lists",)
# Working trees a script or tool fills again: temporary files, caches, build output, and download directories (what
# was fetched can be fetched again: ``rm -rf /home/admin/download/bitcoin.update`` before a new download).
_SCRATCH = re.compile(
    r"(?:^|/)(?:(?:[\w.]+[-_.])?(?:tmp|temp|cache|caches|scratch|downloads?)|\.cache|build|dist|node_modules"
    r"|__pycache__|run|lock)(?:/|$)",
    re.I,
)


def _recursive(command: Command) -> bool:
    for w in command.words:
        v = w.text
        if v == "--recursive" or (v.startswith("-") and not v.startswith("--") and ("r" in v or "R" in v)):
            return True
    return False


def _unsafe_target(word: Word, script: Script, command: Command) -> str | None:
    """Why deleting ``word`` may delete / or the working tree, or None when it is safe (also when the delete runs
    only under a test that the variable names an existing path: ``if [ -e "$path" ]; then rm -rf "$path"``)."""
    if word.value is not None:
        stripped = word.value.strip()
        if stripped == "" and _whole(word):
            return None  # ``tmp=""`` … ``rm -rf "$tmp"``: rm is given an empty name (or none) and removes nothing
        if stripped in ("/", "/*", "") or re.fullmatch(r"/+\*?", stripped):
            return "the file-system root"
        return None
    if word.guarded or not word.raw.lstrip("\"'").startswith("$"):
        return None
    if _quoted_whole(word, script, command):
        return None  # ``rm -rf "$dir"``: empty or unset, rm is given an empty name and removes nothing
    if _named_entry(word.raw):
        return None  # "$dir/bun-x", "$exe.zip": a named entry, at worst /bun-x; never / or the working tree
    if _ends_in_named_variable(word.raw, script):
        return None  # "$PREFIX/tmp/$file" with file="${os}-filemanager.tar.gz": at worst /tmp/<that name>
    if _PARENT_OF.fullmatch(word.raw):
        return None  # "$(dirname "$dir")": dirname prints "." for an empty path, which rm refuses; never empty
    name = word.expands[0] if word.expands else "?"
    if f"exists:{name}" in command.conditions:
        return None
    if name == CONFIGURED:
        return None  # ``#{node['x']['path']}`` in a Chef ``bash`` resource: the agent's attribute, no shell variable
    bindings = script.bindings(name)
    if not bindings and name in _SNAPD_DIRS and is_snap_script(script.path):
        return None  # snapd sets $SNAP_COMMON & co to the snap's own directories for its hooks and apps
    if whole_variable(word.raw) and fresh_temporary(script, name, command.function):
        return None  # a mktemp directory handed on through a function's output or arguments (holdout124)
    if bindings and all(_made_by_mktemp(b, script) for b in bindings) and (script.errexit or _whole(word)):
        # tmp=$(mktemp -d): under set -e never empty; and ``rm -r "$tmp"`` of the whole word deletes nothing when
        # mktemp failed (``rm -r ""``), it never becomes / or the working tree
        return None
    if bindings and all(_LOOKED_UP.match(b.raw.partition("=")[2]) for b in bindings) and _whole(word):
        # rclone_path=$(command -v rclone): a program's absolute path, or empty when there is none (``rm -rf
        # $rclone_path`` then removes nothing); never / or the working tree
        return None
    if never_empty(script, name, command.line):
        return None  # ``[ -z "$DIR" ] && DIR="$HOME/.app"`` above: set, whatever the environment gave
    # every value is a literal, or begins with one below / (``TMPDIR="/tmp/$(date +%s)"``), or with a variable a
    # fallback set (``bin="${DIR}/bin"`` after ``: ${DIR:=$HOME/.app}``): never empty, never /
    named: dict[str, bool] = {}  # variable -> every value of it names an entry (asked once, not per binding)
    if bindings and all(
        b.generated_by == "for" or (b.value or b.prefix or "").strip("/") or _built_on_set(b, script, named)
        for b in bindings
    ):
        return None
    if bindings and all(_named_entry(_echoed_word(b.raw.partition("=")[2])) for b in bindings):
        return None  # every assignment names an entry after its variables (dir=${TOP}/seahub/avatars): never / or .
    return f"${name}"


def _made_by_mktemp(assignment: Assignment, script: Script) -> bool:
    """The value is ``mktemp``'s output, also through a function that runs its arguments as a command
    (``_dir="$(ensure mktemp -d)"`` with ``ensure() { if ! "$@"; then err …; fi; }``)."""
    if assignment.generated_by == "mktemp":
        return True
    if assignment.generated_by not in script.functions:
        return False
    m = _RUNNER_CALL.match(assignment.raw.partition("=")[2])
    return m is not None and m.group(2) == "mktemp" and m.group(1) in argument_runners(script)


# ``$(runner program …)``: a function's name, then the program it is given.
_RUNNER_CALL = re.compile(r"""^["']?(?:\$\(|`)\s*([A-Za-z_][\w-]*)\s+([\w.-]+)""")


def _echoed_word(value: str) -> str:
    """The word an ``echo`` prints when the value is only that (``ARC=$(echo "${FOLDER}.tar.gz")``: the value is
    ``${FOLDER}.tar.gz``); else the value itself."""
    m = _ECHO_OF.match(value)
    return m.group(1) if m else value


# ``$(echo WORD)`` of one word and no option: its output is the word.
_ECHO_OF = re.compile(r"""^["']?(?:\$\(|`)\s*echo\s+("[^"$`]*(?:\$\{?\w+\}?[^"$`]*)*"|[^\s"'$`()]+)\s*(?:\)|`)["']?$""")


# The whole word is the output of ``dirname`` (``"$(dirname "$source_dir")"``): never empty, ``.`` at worst.
_PARENT_OF = re.compile(r"""["']?\$\(\s*dirname\s+[^()`]*\)["']?""")


# A value that starts with a variable: ``"${DIR}/bin"``.
_STARTS_WITH_VARIABLE = re.compile(r"""^["']?\$\{?([A-Za-z_]\w*)\}?""")


def _built_on_set(assignment: Assignment, script: Script, named: dict[str, bool]) -> bool:
    """The value starts with a variable a fallback has set by then (``sdk_bin="${SDK_DIR}/bin"`` after ``if [ -z
    "$SDK_DIR" ]; then SDK_DIR="$HOME/.sdk"; fi``), or with one every value of which names an entry
    (``VOLUMES="$ROOT/volumes"`` … ``DATA="$VOLUMES/$NAME"``: at worst ``/volumes/…``): it is a path under that
    non-empty directory. ``named`` keeps the second answer per variable for the caller's other assignments."""
    m = _STARTS_WITH_VARIABLE.match(assignment.raw.partition("=")[2])
    if m is None:
        return False
    variable = m.group(1)
    if never_empty(script, variable, assignment.line):
        return True
    if variable not in named:
        values = script.bindings(variable)
        named[variable] = bool(values) and all(
            b.generated_by is None and _named_entry(b.raw.partition("=")[2]) for b in values
        )
    return named[variable]


# A value that is the path a program lookup prints: ``$(command -v x)``, ``$(which x)``, ``$(type -P x)``.
_LOOKED_UP = re.compile(
    r"""^["']?(?:\$\(|`)\s*(?:command\s+-v|which|type\s+-P)\s+["']?[\w.+-]+["']?\s*(?:\)|`)["']?$"""
)


def _whole(word: Word) -> bool:
    """The operand is one variable and nothing else (``"$tmp"``, ``${tmp}``): empty, it names no file."""
    return re.fullmatch(r'"?\$\{?[A-Za-z_]\w*\}?"?', word.raw) is not None


def _quoted_whole(word: Word, script: Script, command: Command) -> bool:
    """The operand is one named variable in double quotes (``"$dir"``, ``"${dir}"``) that the environment gives or
    the script sets to text that begins with no expansion (``dir=""``, ``dir="./backups/$TS"``, ``read -r dir``):
    empty or unset it is the empty name ``""``, which rm refuses, so it never becomes / or the working tree
    (hold-out sets 46, 130 and 238 mark it so). Stay reported: an unquoted ``$dir`` (split into words),
    ``"$dir"/*``, and a value built on another variable or a command's output (``dir="${SDK}/bin"`` is ``/bin``
    when ``SDK`` is empty)."""
    if re.fullmatch(r'"\$\{?[A-Za-z_]\w*\}?"', word.raw) is None:
        return False
    name = word.expands[0] if word.expands else ""
    # another function's ``local f="$1"`` is that function's own name: it never reaches this delete
    reaching = [b for b in script.bindings(name) if not (b.local and b.function != command.function)]
    return all(not _assigned_text(b).lstrip("\"'/").startswith(("$", "`")) for b in reaching)


def _assigned_text(binding: Assignment) -> str:
    """What an assignment's ``=`` is given, as written (``""`` for a ``read`` or a loop's binding)."""
    return binding.raw.partition("=")[2] if "=" in binding.raw else ""


# The directories snapd gives every hook and app of a snap (snap-environment: never empty).
_SNAPD_DIRS = frozenset({"SNAP", "SNAP_COMMON", "SNAP_DATA", "SNAP_USER_COMMON", "SNAP_USER_DATA"})
_EXPANSIONS = re.compile(r"\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_]\w*|\$[0-9@*#?$!-]")
_NAMED_ENTRY = re.compile(r"[^/*.\s]")
_TOP_LEVEL = frozenset(
    [
        "bin",
        "boot",
        "dev",
        "etc",
        "home",
        "lib",
        "lib32",
        "lib64",
        "libx32",
        "media",
        "mnt",
        "opt",
        "proc",
        "root",
        "run",
        "sbin",
        "srv",
        "sys",
        "tmp",
        "usr",
        "var",
    ]
)


# Directory names of the file-system hierarchy (FHS 3.0 and the distributions' own): a path under a top-level
# directory that ends in one of them (``/usr/local/bin``, ``/var/lib``, ``/etc/systemd/system``) is a system
# directory, not an entry a package owns.
_HIERARCHY_NAMES = _TOP_LEVEL | frozenset(
    {
        "share", "local", "include", "src", "libexec", "log", "cache", "spool", "www", "games", "man", "doc",
        "info", "locale", "mail", "backups", "lock", "systemd", "system", "user", "init.d", "default", "ssl",
        "certs", "private", "cron.d", "cron.daily", "cron.hourly", "cron.weekly", "cron.monthly", "profile.d",
        "sudoers.d", "apt", "sources.list.d", "yum.repos.d", "rules.d", "modules", "firmware", "applications",
        "pixmaps", "icons", "fonts", "perl5", "python3", "dist-packages", "site-packages", "node_modules",
        "x86_64-linux-gnu", "aarch64-linux-gnu", "man1", "man5", "man8", "network", "sysctl.d", "tmpfiles.d",
        "logrotate.d", "nginx", "apache2", "sites-available", "sites-enabled", "conf.d",
    }
)  # fmt: skip


_LAST_VARIABLE = re.compile(r"/\$\{?([A-Za-z_]\w*)\}?$")


def _ends_in_named_variable(raw: str, script: Script) -> bool:
    """The operand's last component is a variable every assignment of which names an entry (a literal or a
    name with literal parts): however the directory before it expands, that one entry is removed."""
    found = _LAST_VARIABLE.search(raw.replace('"', "").replace("'", ""))
    bindings = script.bindings(found.group(1)) if found else ()
    return bool(bindings) and all(
        b.generated_by is None and (_named_entry(b.raw.partition("=")[2]) or (b.value or "").strip("/.*"))
        for b in bindings
    )


def _named_entry(raw: str) -> bool:
    """The operand names an entry of its own after the variable (``"$dir/bun-x"``, ``"$exe.zip"``,
    ``"${PREFIX}/usr/share/man/man1/rclone.1.gz"``): with the variable empty it is that one entry, unless the
    entry is a system directory (``"$DIR/lib"``, ``"$DIR/usr/local/bin"``: a top-level one, or a path whose last
    component is one of the file-system hierarchy's own directory names)."""
    rest = _EXPANSIONS.sub("\0", raw.replace('"', "").replace("'", ""))
    if not _NAMED_ENTRY.search(rest.replace("\0", "")):
        return False
    parts = [p for p in rest.lstrip("\0").split("/") if p]
    if not parts or "\0" in parts[0] or parts[0] not in _TOP_LEVEL:
        return bool(parts)
    last = parts[-1]
    return len(parts) >= 2 and "\0" not in last and "*" not in last and last not in _HIERARCHY_NAMES


def _has_backup(script: Script) -> bool:
    return any(backup_step(c) for c in script.commands)


def _set_aside(script: Script, target: str) -> bool:
    """The script copies or moves ``target`` (or a directory holding it) elsewhere (``mv /var/lib/ldap
    "$TMPDIR"``, ``cp -a /srv/app /srv/app.prev``): the data it deletes is kept, as the remedy asks."""
    target = target.rstrip("/")
    for c in script.named("cp", "mv", "rsync"):
        sources = [w.text.rstrip("/") for w in operands(c)[:-1]]
        if any(s.startswith("/") and (target == s or target.startswith(s + "/")) for s in sources):
            return True
    return False


_ARCHIVE_SUFFIX = re.compile(r"\.(?:tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tbz2?|tar\.zst|tar|zip)$")


def _unpacked_tree(script: Script, target: str) -> bool:
    """``target`` is the tree an archive the script unpacks makes (``tar xzf libreswan-3.17.tar.gz`` …
    ``rm -rf /opt/src/libreswan-3.17``): the script's own build or staging copy, removed before it is unpacked
    again or after it was built and installed, not data the product keeps."""
    name = target.rstrip("/").rsplit("/", 1)[-1]
    for c in script.named("tar", "unzip", "bsdtar"):
        for word in c.words:
            archive = word.text.rsplit("/", 1)[-1]
            if _ARCHIVE_SUFFIX.search(archive) and _ARCHIVE_SUFFIX.sub("", archive) == name:
                return True
    return False


def _deletes_only_copy(script: Script, command: Command, target: str) -> bool:
    """``target`` is the copy of a data directory the script itself set aside earlier (``mv …/lib …/lib.bak`` …
    ``rm -rf …/lib.bak``) and no other backup the script made is kept: the backup test is met by that very copy,
    and the delete removes the rollback."""
    return set_aside_copy(script, command, target) and not backup_survives(script)


# A staged copy's name: the target's own name with a suffix that marks the next version (``src-new`` → ``src``).
_STAGED_SUFFIXES = ("-new", ".new", "_new", "-next", ".next")


def _replaced_by_staged(script: Script, command: Command, target: str) -> bool:
    """``rm -rf $DIR/src`` then ``mv $DIR/src-new $DIR/src``: the delete makes room for the new version the script
    staged beside it (the swap of a program tree), not a loss of data."""
    target = target.rstrip("/")
    for c in script.named("mv"):
        if c.line <= command.line or c.function != command.function:
            continue
        words = [w.text.rstrip("/") for w in operands(c)]
        if len(words) == 2 and words[1] == target and words[0] in {target + s for s in _STAGED_SUFFIXES}:
            return True
    return False


def _emptied_by_move(script: Script, command: Command, target: str) -> bool:
    """``mv /openedx/data/uploads/* /openedx/media/`` then ``rm -rf /openedx/data/uploads/``: the files were moved
    to another folder first (Tutor's init jobs relocating uploads), so the delete takes the emptied folder, not the
    data."""
    target = target.rstrip("/")
    for c in script.named("mv"):
        if c.line >= command.line or c.function != command.function:
            continue
        words = [w.text for w in operands(c)]
        if len(words) == 2 and words[0] == target + "/*" and not words[1].rstrip("/").startswith(target + "/"):
            return words[1].rstrip("/") != target
    return False


# The data folder of a product installed in a top-level directory of its own (``/vernemq/data/*``, ``/captain/data``):
# its store, as ``/var/lib/<product>`` is a packaged product's. Not the system's own top-level trees.
_PRODUCT_DATA = re.compile(r"^/(?!(?:tmp|dev|proc|sys|run|mnt|media|usr|etc|boot)/)[\w.-]+/data(?:/|$)")


# One extension or plugin of a product (``/opt/hivemq/extensions/hivemq-allow-all-extension``): program code the
# product ships, deleted to switch it off; not the folder of them all, nor anything in a ``data`` folder.
_ONE_EXTENSION = re.compile(r"^(?!.*/data/).*/(?:extensions|plugins)/[\w.@+-]+/?$")


def scratch_tree(path: str) -> bool:
    """A working tree a script or tool fills again (temporary files, caches, build output, downloads), by a folder
    of ``path`` (written with ``/``): never data, whatever holds it."""
    return bool(_SCRATCH.search(path))


def data_path(word: Word) -> bool:
    text = word.text
    return (
        (text.startswith(_DATA_PREFIXES) or bool(_PRODUCT_DATA.match(text)))
        and not text.startswith(_REGENERATED)
        and not scratch_tree(text)
        and not _ONE_EXTENSION.match(text)
        and text.rstrip("/").count("/") >= 2
    )


def _mode_world_writable(mode: str) -> bool:
    """Octal ``0777``/``666`` (a sticky ``1777`` directory excepted) or symbolic ``o+w``/``a+w``. A clause with no
    who letters (``+w``, ``+rw``) is applied through the umask (POSIX chmod), which keeps others' write bit off."""
    if re.fullmatch(r"[0-7]{3,4}", mode):
        sticky = len(mode) == 4 and int(mode[0]) & 1
        return bool(int(mode[-1]) & 2) and not sticky
    for clause in mode.split(","):
        m = re.fullmatch(r"([ugoa]*)[+=]([rwxXst]*)", clause)
        if m and "w" in m.group(2) and ("o" in m.group(1) or "a" in m.group(1)):
            return True
    return False


def _world_writable(command: Command) -> bool:
    if command.name == "chmod":
        ops = operands(command)
        return bool(ops) and _mode_world_writable(ops[0].text)
    if command.name in ("install", "mkdir", "mkfifo", "mknod"):  # the mode a file is made with (holdout268)
        return any(_mode_world_writable(w.text) for w in option_values(command, "-m", "--mode"))
    return False


_PROTECTION_TOOLS = frozenset(
    {
        "setenforce",
        "grubby",
        "ufw",
        "iptables",
        "ip6tables",
        "nft",
        "auditctl",
        "systemctl",
        "service",
        "chkconfig",
        "update-rc.d",
    }
)


# The protection packages whose removal switches the protection off (``apt remove --purge nginx apache2 ufw``: the
# host firewall goes with its package).
_PROTECTION_PACKAGES = frozenset({"firewalld", "ufw", "apparmor", "auditd", "nftables"})


def _removed_protection(command: Command) -> str | None:
    """The protection package a package manager's removal takes away (``apt-get purge -y ufw``), else None."""
    return next((a for a in removed_packages(command) if a in _PROTECTION_PACKAGES), None)


def _protection(command: Command) -> str | None:
    name = command.name or ""
    if (removed := _removed_protection(command)) is not None:
        return removed
    args = [w.text for w in command.words] if name in _PROTECTION_TOOLS else []
    if name == "setenforce" and args[:1] in (["0"], ["Permissive"], ["permissive"]):
        return "SELinux"
    if name == "ufw" and args[:1] == ["disable"]:
        return "the firewall"
    if name in ("iptables", "ip6tables") and any(a in ("-F", "--flush") for a in args):
        return "the firewall"
    if name in ("iptables", "ip6tables") and "-P" in args and "ACCEPT" in args:
        return "the firewall"
    if name == "nft" and args[:2] == ["flush", "ruleset"]:
        return "the firewall"
    if name in ("aa-teardown", "aa-complain", "aa-disable"):
        return "AppArmor"
    if name == "auditctl" and "-e" in args and "0" in args:
        return "auditing"
    if name in ("systemctl", "service", "chkconfig", "update-rc.d"):
        units = {a.removesuffix(".service") for a in args}
        verbs = {"stop", "disable", "mask", "off", "remove"}
        if units & _PROTECTIONS and set(args) & verbs:
            return next(iter(sorted(units & _PROTECTIONS)))
    added = [a for i, a in enumerate(args) if a.startswith("--args=") or (i and args[i - 1] == "--args")]
    if name == "grubby" and (off := _boot_off(" ".join(added))) is not None:
        return off
    for word in written_paths(command):
        if word.text == "/etc/selinux/config" and re.search(r"SELINUX=(?:disabled|permissive)", command.text):
            return "SELinux"
        if word.text in _SELINUX_ENFORCE and _writes_zero(command):  # ``echo 0 > /sys/fs/selinux/enforce``
            return "SELinux"
        if _BOOT_DEFAULTS.match(word.text) and (off := _boot_off(command.text)) is not None:
            return off
        # libvirt's ``security_driver = "none"``: its guests run without SELinux/AppArmor confinement (sVirt)
        if word.text == "/etc/libvirt/qemu.conf" and _libvirt_unconfined(command):
            return "libvirt's SELinux/AppArmor confinement of its guests"
    return None


# SELinux's mode switch (selinuxfs, mounted at /sys/fs/selinux, /selinux on older systems): ``0`` is what
# ``setenforce 0`` writes there.
_SELINUX_ENFORCE = frozenset({"/sys/fs/selinux/enforce", "/selinux/enforce"})


def _writes_zero(command: Command) -> bool:
    """An ``echo``/``printf`` whose words are ``0`` (``echo 0``, ``echo -n 0``, ``printf '0'``)."""
    if command.name not in ("echo", "printf"):
        return False
    said = [w.text for w in operands(command) if not w.text.startswith("-")]
    return said in (["0"], ["0\\n"])


# The kernel command line a boot entry gets (``grubby --args=…``, ``GRUB_CMDLINE_LINUX`` in /etc/default/grub):
# ``selinux=0``/``enforcing=0``/``apparmor=0`` switch the protection off from the next boot on.
_BOOT_DEFAULTS = re.compile(r"^/etc/default/grub(?:\.d/[^/]+)?$")
_BOOT_OFF = re.compile(r"(?<![\w.])(selinux|enforcing|apparmor|audit)=0\b")


def _boot_off(text: str) -> str | None:
    """The protection a kernel argument in ``text`` switches off; the last one written wins
    (``s/selinux=1/selinux=0/``)."""
    found = _BOOT_OFF.findall(text)
    if not found:
        return None
    return {"selinux": "SELinux", "enforcing": "SELinux", "apparmor": "AppArmor", "audit": "auditing"}[found[-1]]


_LIBVIRT_NONE = re.compile(r"""(?m)^\s*security_driver\s*=\s*["']?none\b""")


def _libvirt_unconfined(command: Command) -> bool:
    """The command writes ``security_driver = "none"``: as a sed substitution's replacement
    (``sed -i 's/#security_driver = "selinux"/security_driver = "none"/'``), or as text (echo, a heredoc)."""
    texts = [r.body for r in command.redirects if r.body]
    for word in command.words:
        text = word.text
        if command.name == "sed" and len(text) > 2 and text[0] == "s" and not text[1].isalnum():
            parts = text[2:].split(text[1])
            text = parts[1] if len(parts) > 2 else ""
        texts.append(text)
    return any(_LIBVIRT_NONE.search(t) for t in texts)


def _disabled_service(command: Command) -> str | None:
    name = command.name
    if name not in ("systemctl", "update-rc.d", "chkconfig", "rc-update"):
        return None
    args = [w.text for w in operands(command)]
    user = any(w.text == "--user" for w in command.words)  # the account's own user manager, not a host service
    if name == "systemctl" and args and args[0] in ("disable", "mask") and len(args) > 1 and not user:
        return args[1]
    if name == "update-rc.d" and len(args) >= 2 and args[1] in ("disable", "remove"):
        return args[0]  # remove: the boot links go, the service no longer starts
    if name == "chkconfig" and len(args) >= 2 and args[1] == "off":
        return args[0]
    if name == "chkconfig" and any(w.text == "--del" for w in command.words) and args:
        return args[0]
    if name == "rc-update" and len(args) >= 2 and args[0] in ("del", "delete"):
        return args[1]
    return None


def _enabled_service(command: Command) -> str | None:
    name = command.name
    if name not in ("systemctl", "update-rc.d", "chkconfig", "rc-update"):
        return None
    args = [w.text for w in operands(command)]
    if name == "systemctl" and args and args[0] in ("enable", "reenable", "unmask") and len(args) > 1:
        return args[-1]
    if name == "update-rc.d" and len(args) >= 2 and args[1] in ("defaults", "enable"):
        return args[0]
    if name == "chkconfig" and len(args) >= 2 and args[1] == "on":
        return args[0]
    if name == "rc-update" and len(args) >= 2 and args[0] == "add":
        return args[1]
    return None


def _last_enabled(script: Script) -> dict[str, list[tuple[int, Command]]]:
    """Service -> the commands that switch it on (``systemctl enable x``, ``update-rc.d x defaults``…), each with
    its place among the script's commands (two on one line, ``systemctl disable x; systemctl enable x``, are
    ordered by it)."""
    out: dict[str, list[tuple[int, Command]]] = {}
    for place, c in enumerate(script.commands):
        if (on := _enabled_service(c)) is not None:
            out.setdefault(_unit_name(on), []).append((place, c))
    return out


def _unit_name(spelled: str) -> str:
    """The unit a systemctl operand names: ``x``, ``x.service`` and the unit file's path
    (``systemctl enable /etc/systemd/system/x.service``, which links and enables that file) are one unit."""
    named = spelled.rsplit("/", 1)[-1] if spelled.startswith("/") else spelled
    return named.removesuffix(".service")


def _firewall_back_on(command: Command, script: Script) -> bool:
    """``ufw disable`` that the script follows with ``ufw enable`` (``ufw --force enable``, ``yes | ufw enable``)
    in the same function or at the top level, not in another arm of a test: the rules are reset and the firewall is
    switched on again, so the script does not leave it off (hold-out set 239's Jenkins box)."""
    if command.name != "ufw" or [w.text for w in command.words][:1] != ["disable"]:
        return False
    return any(
        c.name == "ufw"
        and "enable" in [w.text for w in c.words if not w.text.startswith("-")][:1]
        and c.line > command.line
        and c.function == command.function
        and not exclusive(c.arms, command.arms)
        for c in script.commands
    )


def _switched_back_on(
    unit: str, command: Command, enabled: dict[str, list[tuple[int, Command]]], script: Script, place: int
) -> bool:
    """The script enables the service again after ``command`` (``update-rc.d x remove`` then ``systemctl enable
    x``: a SysV registration replaced by the systemd unit; ``systemctl disable x; systemctl stop x; systemctl enable
    x`` on one line, a reset before the enable), so it does not end up disabled. ``place`` is ``command``'s place
    among the script's commands. Not an enable outside the function of ``command`` when that function exits after
    it (``remove() { systemctl disable x; …; exit 0; }``: the install path's enable is another run of the script)."""
    later = [
        c
        for at, c in enabled.get(_unit_name(unit), ())
        if c.line > command.line or (c.line == command.line and at > place)
    ]
    if UNINSTALL in command.conditions:  # the install branch of the same test does not run in an uninstall
        later = [c for c in later if NOT_UNINSTALL not in c.conditions]
    if command.function is None or not later:
        return bool(later)
    stops = any(c.name == "exit" and c.function == command.function and c.line > command.line for c in script.commands)
    return any(c.function == command.function for c in later) or not stops


@dataclass(frozen=True)
class _Units:
    """The units the package brings (:func:`systemd.package_units`) and those the script enables."""

    package: set[str]
    enabled: set[str]


def scan(ctx: Context) -> Iterator[Finding]:
    # An image build's RUN steps delete files only in the image being made, which holds none of the target's data
    # (no volume is mounted while it builds); what they reach over the network (a database) is the target's.
    builds = {text.path for text in ctx.of_kind(Kind.DOCKERFILE)}
    brought = package_units(ctx)
    for path, script in steps(ctx):
        backup = _has_backup(script)
        enabled = _last_enabled(script)
        units = _Units(brought, set(enabled))
        places = {id(c): place for place, c in enumerate(script.commands)}
        # a function's recursive rm of a path its call passes (read only when the script has one)
        through = bound_calls(script, _tree_delete) if any(c.function for c in script.named("rm")) else {}
        # ``do_and_check_cmd systemctl disable x`` (a function that runs "$@") is ``systemctl disable x``
        for command in read_through_runners(script):
            # a step only removal runs is not part of the upgrade; one in a branch a switch never takes never runs
            if not on_removal_only(command) and NEVER not in command.conditions:
                # a command read through a runner is not one of the script's own: last on its line
                place = places.get(id(command), len(places))
                yield from _command_findings(
                    path, script, command, backup, (enabled, place), image=path in builds, units=units
                )
                for bound in through.get(id(command), ()):
                    yield from _deletes_through(path, script, command, bound, backup, image=path in builds)


def _tree_delete(command: Command) -> bool:
    return command.name == "rm" and _recursive(command)


def _deletes_through(
    path: str, script: Script, call: Command, bound: Command, backup: bool, *, image: bool
) -> Iterator[Finding]:
    """A function's recursive ``rm`` of a path its call passes (``wipe() { rm -rf "$1"; }`` … ``wipe
    /var/lib/app``), judged as the data delete it is where the call runs and reported at the call, which names the
    data (``shell.arguments.bound_calls``); the body's own words are judged in the body."""
    at_call = with_fields(
        bound, line=call.line, text=call.text, function=call.function, conditions=call.conditions + bound.conditions
    )
    yield from _data_delete_findings(path, script, at_call, backup, image, targets=operands(at_call))


def _rm_findings(path: str, script: Script, command: Command, backup: bool, image: bool) -> Iterator[Finding]:
    """A recursive ``rm``: on an unguarded variable, and on data with no backup step before it (not in an image
    being built, which holds no data)."""
    targets = operands(command)
    risky = next((t for t in (_unsafe_target(w, script, command) for w in targets) if t), None)
    if risky:
        yield at_command(
            "preflight.rm_rf_variable",
            Severity.HIGH,
            path=path,
            command=command,
            target=risky,
            message=f"recursive rm on {risky}: an empty or unset variable turns it into removing / or the "
            "working directory",
            remedy="Guard the variable (${VAR:?}) and check it is a path under the product's own directory "
            "before deleting.",
        )
    yield from _data_delete_findings(path, script, command, backup, image, targets=targets)


def _not_a_directory(command: Command, target: Word) -> bool:
    """The delete runs only when its target is no directory (``if ! test -d /var/lib/x; then rm -rf /var/lib/x;
    mkdir /var/lib/x; fi``): it takes away a file or link in the folder's place, not data."""
    tested = {c[len("not-dir:") :] for c in command.conditions if c.startswith("not-dir:")}
    return bool(tested) and (target.raw.strip("\"'") in tested or target.text in tested)


def _data_delete_findings(
    path: str, script: Script, command: Command, backup: bool, image: bool, *, targets: list[Word]
) -> Iterator[Finding]:
    """A recursive delete (``rm -r``, ``find DIR -delete``) of a data path with no backup step before it."""
    data = next((w for w in targets if data_path(w)), None)
    removal = _asked_for(path, script, command) or confirmed_restore(path, script, command)
    if (
        data is None
        or image
        or removal
        or _set_aside(script, data.text)
        or _replaced_by_staged(script, command, data.text)
        or _emptied_by_move(script, command, data.text)
        or refilled(script, command, data.text)
        or _not_a_directory(command, data)
    ):
        return
    if command.function is not None and command.function in trap_handler_names(script):
        return  # ``trap clean_up EXIT``: the handler tidies up what the run made
    only_copy = _deletes_only_copy(script, command, data.text)
    if only_copy or (not backup and not _unpacked_tree(script, data.text)):
        yield at_command(
            "preflight.destructive_delete",
            Severity.HIGH,
            path=path,
            command=command,
            target=data.text,
            message=f"deletes {data.text} recursively, "
            + (
                "the copy of the data the script set aside, and keeps no other"
                if only_copy
                else "and the script takes no backup first"
            ),
            remedy="Back the data up (or move it aside) before deleting it, and make the delete the last step "
            "after the new version is verified.",
        )


# Rails' database tasks that drop the database or every table (``bin/rails -T``: db:drop "Drop the database",
# db:reset "Drop and recreate all databases from their schema", db:schema:load "Load a database schema file …
# into the database", which recreates each table with ``force: :cascade``; db:purge "Empty the database"; db:setup
# "Create all databases, load all schemas, and initialize with the seed data": its db:schema:load drops the tables of
# a database that exists, holdout115's deploylist).
_DROPPING_TASKS = frozenset(
    {"db:drop", "db:drop:all", "db:reset", "db:migrate:reset", "db:purge", "db:schema:load", "db:setup"}
)
_TASK_RUNNERS = frozenset({"rails", "rake", "gitlab-rake"})
# PHP framework consoles' commands that drop the database or every table: Doctrine's ``doctrine:database:drop`` and
# ``doctrine:schema:drop`` act only with ``--force`` (without it they print what they would do); Laravel's
# ``db:wipe`` "Drop all tables, views, and types", ``migrate:fresh`` "Drop all tables and re-run all migrations",
# ``migrate:reset`` "Rollback all database migrations" (``php artisan list``).
_FORCED_CONSOLE_DROPS = frozenset({"doctrine:database:drop", "doctrine:schema:drop"})
_CONSOLE_DROPS = frozenset({"db:wipe", "migrate:fresh", "migrate:reset"})
_CONSOLES = frozenset({"artisan", "console"})


def _database_dropping_task(command: Command) -> str | None:
    """The Rails task or PHP console command that drops data (``rake db:reset``, ``bundle exec rails db:drop``,
    ``php bin/console doctrine:database:drop --force``, ``php artisan db:wipe``), if the command runs one, also in
    a container it starts (``docker-compose run --rm web rake db:reset``: the task runs against the app's database).
    A Rails task pointed at the test environment (``rake db:reset RAILS_ENV=test``) rebuilds the test suite's
    database, which holds no data anyone keeps: none."""
    command = container_command(command) or command
    words = [w.value for w in command.words]
    if command.name == "bundle" and words[:1] == ["exec"] and len(words) > 1 and words[1] in _TASK_RUNNERS:
        words = words[2:]
    elif command.name == "php":  # ``php bin/console …``, ``php /srv/app/artisan …`` (the entry script's name)
        script = next((i for i, w in enumerate(words) if posixpath.basename(w or "") in _CONSOLES), None)
        return _console_drop(words[script + 1 :]) if script is not None else None
    elif posixpath.basename(command.name or "") in _CONSOLES:  # ``./artisan …``, ``bin/console …``
        return _console_drop(words)
    elif command.name not in _TASK_RUNNERS:
        return None
    environment = [v.value for n, v in command.env if n == "RAILS_ENV"]
    environment += [w[len("RAILS_ENV=") :] for w in words if w and w.startswith("RAILS_ENV=")]
    if environment and all(e == "test" for e in environment):
        return None
    return next((w for w in words if w in _DROPPING_TASKS), None)


def _console_drop(words: list[str | None]) -> str | None:
    """The dropping command of a PHP console's arguments (after ``php artisan`` / ``php bin/console``); an unknown
    word (None) is no command name."""
    verb = next((w for w in words if w is None or not w.startswith("-")), None)
    if verb is None:
        return None
    if verb in _CONSOLE_DROPS or (verb in _FORCED_CONSOLE_DROPS and ("--force" in words or "-f" in words)):
        return verb
    return None


def _makes_room(script: Script, command: Command) -> bool:
    """``pg_dropcluster`` before a ``pg_upgradecluster`` in the same script drops the empty cluster the new
    version's package created, to make room for the upgraded one: no data is lost. After it (or with none), it
    deletes a cluster's data directory."""
    return command.name == "pg_dropcluster" and any(
        c.name == "pg_upgradecluster" and c.line > command.line for c in script.commands
    )


def _asked_for(path: str, script: Script, command: Command) -> bool:
    """The operator asked for what this step deletes: it runs only on removal, in the installer's uninstall mode or
    in a function named for removal that the script never calls (a fabfile's ``remove_user`` task), or the script
    is one the operator runs to take the product away (``uninstall.sh``, ``wipe_server.sh``)."""
    return (
        on_removal_only(command)
        or in_uninstall_mode(command)
        or removal_script(path)
        or chosen_removal(command.function, lambda name: name in _referenced(script))
    )


def _referenced(script: Script) -> frozenset[str]:
    """The functions of the script something refers to (``shell.dead.referenced_functions``: called, or named as a
    word, ``trap f EXIT``); every function when the command word is chosen at run time (``"$ACTION" "$@"``).
    Computed once per script."""
    found: frozenset[str] | None = script.__dict__.get(_REFERENCED)
    if found is None:
        names = referenced_functions(script.commands, tuple(script.functions))
        found = frozenset(script.functions if names is None else names)
        script.__dict__[_REFERENCED] = found
    return found


_REFERENCED = "_shell_risk_referenced"


def _data_drops(
    path: str, script: Script, command: Command, backup: bool, *, image: bool
) -> Iterator[tuple[str, str, str]]:
    """(target, message, remedy) of each way ``command`` drops data with no backup before it: a stack's volumes, a
    database, unused volumes, a framework task that drops the schema."""
    asked = _asked_for(path, script, command)
    # no backup is owed for a delete the operator asked for, nor for a confirmed restore's drop of what it loads next
    # (``confirmed_restores``; a volume prune there still reaches other stacks' volumes)
    backup = backup or asked or confirmed_restore(path, script, command)
    stack = deletes_stack_data(command)
    if stack and not image and not backup:
        message = f"{command.name} deletes {stack} and the script takes no backup first"
        yield stack, message, "Back the volumes up (or dump the databases in them) before removing them, or keep them."
    if command.name in ("dropdb", "dropuser", "pg_dropcluster") and not backup and not _makes_room(script, command):
        target = " ".join(w.text for w in operands(command))
        message = f"{command.name} drops data and the script takes no backup first"
        yield target, message, "Dump the database (pg_dump) before dropping it."
    if drops_database(command) and not backup:
        message = "SQL given to a database client drops a database and the script takes no backup first"
        remedy = "Dump the database (pg_dump, mysqldump) before dropping it, or drop it only on a new installation."
        yield "DROP DATABASE", message, remedy
    pruned = prunes_volumes(command)
    if pruned and not image and not asked:
        message = (
            f"{command.name} {pruned} deletes every volume no container uses (other stacks' data included), which "
            "no backup the script names covers"
        )
        yield "unused volumes", message, "Remove only the volumes the update replaces, by name, after backing them up."
    task = _database_dropping_task(command)
    if task is not None and not backup:
        message = (
            f"the {task} task drops the application's database (or all its tables) and the script takes no backup first"
        )
        yield task, message, "Dump the database before the task, or run it only on a new installation with no data."


def _command_findings(
    path: str,
    script: Script,
    command: Command,
    backup: bool,
    enabled: tuple[dict[str, list[tuple[int, Command]]], int],
    *,
    image: bool,
    units: _Units,
) -> Iterator[Finding]:
    if command.name == "rm" and _recursive(command):
        yield from _rm_findings(path, script, command, backup, image)
    if command.name == "find" and (searched := found_and_deleted(command)):
        yield from _data_delete_findings(path, script, command, backup, image, targets=searched)
    for target, message, remedy in _data_drops(path, script, command, backup, image=image):
        yield at_command(
            "preflight.destructive_delete",
            Severity.HIGH,
            path=path,
            command=command,
            target=target,
            message=message,
            remedy=remedy,
        )
    if _world_writable(command):
        yield at_command(
            "preflight.world_writable",
            Severity.MEDIUM,
            path=path,
            command=command,
            message="makes files world-writable",
            remedy="Use the least permissive mode the service needs (e.g. 0750 / 0640).",
        )
    protection = _protection(command) if not on_removal_only(command) else None
    if protection is not None and not _firewall_back_on(command, script):
        yield at_command(
            "preflight.protection_disabled",
            Severity.HIGH,
            path=path,
            command=command,
            protection=protection,
            message=f"switches off {protection}",
            remedy="Ask the vendor for the specific rule the product needs instead.",
        )
    elif (
        (unit := _disabled_service(command)) is not None
        and not _switched_back_on(unit, command, enabled[0], script, enabled[1])
        and not on_removal_only(command)
        and not removal_script(path)  # uninstall.sh, purge.sh: the service goes with the product
        and not own_unit_removed(unit, command, script, units.package, units.enabled)  # the uninstall's own unit
        and not disables_itself(unit, path)  # a first-boot one-shot switching itself off
        and not unit_file_removed(unit, command, script)  # the unit taken away with its file
    ):
        yield at_command(
            "preflight.service_disabled",
            Severity.MEDIUM,
            path=path,
            command=command,
            unit=unit,
            message=f"disables or masks service {unit!r}",
            remedy="Confirm the service is meant to stay off after the upgrade; record it in the change plan.",
        )
