"""Root-only steps of appliance and device upgrades that the general rules in ``privilege.root_only`` do not name:
an image written onto a block device (``dd of=/dev/mmcblk0``, ``gunzip -c img | dd of=/dev/ada0s2a``), the snap
package manager changing the system's snaps, FreeBSD's boot manager and system-file flags (``boot0cfg``,
``chflags`` on a system path), and a device node made by hand (a VPN image's ``mkdir -p /dev/net`` and ``mknod
/dev/net/tun c 10 200``: a character or block device needs CAP_MKNOD, and /dev is root's), and a partitioning or
file-system tool given a storage device (a first-boot script's ``sfdisk -N 2 /dev/mmcblk0``, ``resize2fs
/dev/mmcblk0p2``; ``partprobe`` with no device rereads every disk's table): block devices are root's. Also the one
form of a root-only tool that changes nothing: ``mount`` with no operands (or only ``-p``/``-l``/``-v``) lists what is
mounted (pfSense reads its boot device from it).

``flashed_download`` finds a download streamed straight onto a disk (``curl -L URL | gunzip | dd of=/dev/mmcblk0``):
the image is installed as it arrives, with nothing between the fetch and the device that could check it."""

from __future__ import annotations

from shipgate.preflight.shell.commands import operands
from shipgate.preflight.shell.model import Command

# Device nodes that are not storage: writing them needs no root and changes nothing on disk.
_NOT_STORAGE = ("/dev/null", "/dev/zero", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/fd/")
# snap's verbs that change the system's snaps (``snap list``/``info``/``find`` read).
_SNAP_VERBS = frozenset({"install", "remove", "refresh", "revert", "enable", "disable", "switch"})
# mount's options that only list (FreeBSD ``mount -p``, util-linux ``mount -l``).
_LISTING = frozenset({"-p", "-l", "-v"})
# mknod's node types that are devices (block, character, unbuffered character); ``p`` makes a FIFO, which any user may.
_DEVICE_TYPES = frozenset({"b", "c", "u"})
# Tools that read or change a disk's partition table or a file system on it, given the device (``partprobe`` and
# ``partx -u`` reread tables; ``growpart DISK N`` grows a partition). On a disk image file they need no root.
_DISK_TOOLS = frozenset(
    {"sfdisk", "sgdisk", "gdisk", "cfdisk", "partprobe", "partx", "kpartx", "growpart"}
    | {"resize2fs", "e2fsck", "tune2fs", "fsck", "fsck.ext4", "wipefs", "mkswap", "blockdev"}
)
# The directories under /dev every account may write (sticky, mode 1777): POSIX shared memory and message queues.
_SHARED_DEV = ("/dev/shm/", "/dev/mqueue/")  # noqa: S108 -- paths a script names, compared, never written here


def _device_node(command: Command) -> str | None:
    """Why ``command`` makes something under /dev, which only root may: ``mknod NAME c|b MAJOR MINOR`` (a device
    node, wherever it is put), ``mkdir``/``mknod`` of a path under /dev (not /dev/shm or /dev/mqueue)."""
    ops = [w.text for w in operands(command)]
    if command.name == "mknod" and len(ops) >= 2 and ops[1] in _DEVICE_TYPES:
        return "mknod makes a device node"
    under_dev = [o for o in ops if o.startswith("/dev/") and not (o.rstrip("/") + "/").startswith(_SHARED_DEV)]
    if command.name in ("mkdir", "mknod") and under_dev:
        return f"{command.name} under /dev"
    return None


def _disk_tool(command: Command) -> str | None:
    """Why a partitioning or file-system tool needs root: it is given a storage device under /dev (``partprobe``
    with none rereads every disk's partition table)."""
    name = command.name or ""
    if name not in _DISK_TOOLS:
        return None
    devices = [w.text for w in operands(command) if w.text.startswith("/dev/") and not w.text.startswith(_NOT_STORAGE)]
    if devices:
        return f"{name} works on the storage device {devices[0]}"
    return "partprobe rereads every disk's partition table" if name == "partprobe" and not operands(command) else None


def lists_mounts(command: Command) -> bool:
    """``mount`` with nothing to mount: it prints the mount table (``mount | grep pfsense``, ``mount -p``)."""
    args = [w.text for w in command.words]
    return command.name == "mount" and all(a in _LISTING for a in args)


def _written_device(command: Command) -> str | None:
    """The storage device ``dd of=/dev/…`` writes (not /dev/null, /dev/zero, a terminal or a descriptor)."""
    target = next((w.text[3:] for w in command.words if w.text.startswith("of=")), "")
    return target if target.startswith("/dev/") and not target.startswith(_NOT_STORAGE) else None


def flashed_download(fetch: Command, same_line: list[Command]) -> str | None:
    """The device a download is streamed onto: ``dd of=/dev/…`` later in the fetch's own pipeline (through
    decompressors: ``curl … | gunzip | dd of=/dev/sda``); None when its bytes go anywhere else."""
    if "dd" not in fetch.piped_to:
        return None
    upstream = (*fetch.piped_from, fetch.name or "?")
    for other in same_line:
        if other.name == "dd" and other.piped_from[: len(upstream)] == upstream:
            return _written_device(other)
    return None


def device_step(command: Command, system_prefixes: tuple[str, ...]) -> str | None:
    """Why ``command`` needs root on a device, or None: ``dd`` writing a block device, ``snap`` changing the
    system's snaps, ``boot0cfg`` writing a disk's boot manager, ``chflags`` on a path under ``system_prefixes``,
    a device node or directory made under /dev, a partitioning or file-system tool given a storage device."""
    name = command.name or ""
    if name == "dd":
        target = _written_device(command)
        return f"dd writes the device {target}" if target is not None else None
    if name == "snap":
        verb = next((w.text for w in command.words if not w.text.startswith("-")), "")
        return f"snap {verb} changes the system's snaps" if verb in _SNAP_VERBS else None
    if name == "boot0cfg":
        return "boot0cfg writes a disk's boot manager"
    if name == "chflags" and any((w.text.rstrip("/") + "/").startswith(system_prefixes) for w in operands(command)):
        return "chflags changes the flags of system files"
    return _disk_tool(command) or _device_node(command)
