"""``reboot`` understated: the package replaces kernel modules, the kernel, the init system, libc or the
bootloader, or its scripts rebuild the initramfs or boot configuration. Those changes only take effect
(and only stay consistent) after a reboot."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.package.manifest import Reboot
from shipgate.preflight.contents import Context, at_line
from shipgate.preflight.runners import steps

_NEEDS_REBOOT: tuple[tuple[str, re.Pattern[str]], ...] = (
    # ``lib/modules/`` at the root (or under ``usr/``), or anywhere with a kernel release under it
    # (``rootfs/lib/modules/6.1.0-18-amd64/…``); an application's own ``share/app/lib/modules/account.inc`` is not
    ("kernel module", re.compile(r"\.ko(?:\.(?:xz|gz|zst))?$|^(?:usr/)?lib/modules/|(?:^|/)lib/modules/\d+\.\d+")),
    ("kernel image", re.compile(r"(?:^|/)(?:vmlinuz|vmlinux|bzImage|initrd|initramfs)[^/]*$")),
    ("init system", re.compile(r"(?:^|/)sbin/init$|(?:^|/)lib/systemd/systemd$|(?:^|/)systemd/systemd$")),
    (
        "C library",
        re.compile(r"(?:^|/)(?:libc\.so[^/]*|libc-[\d.]+\.so|ld-linux[^/]*\.so[^/]*|libpthread\.so[^/]*)$"),
    ),
    # a ``grub…`` file at the host's own places (``etc/default/grub``, ``usr/sbin/grub-install``); a provisioning
    # server's ``cobbler/grub.py`` or ``config/grub/grub.cfg`` is what it serves to the machines it boots. Program
    # source in a ``boot/`` folder is a module of the program (Mezzanine's start-up hooks,
    # ``mezzanine/boot/__init__.py``): the host's ``/boot`` holds kernels, initramfs images and the loader's files
    (
        "bootloader",
        re.compile(
            r"(?:^|/)boot/(?!(?:[^/]+/)*[^/]+\.(?:py|pyc|rb|php|js|ts|pl|pm|java|go)$)"
            r"|(?:^|/)(?:etc|usr)/(?:[^/]+/)*grub[^/]*$|(?:^|/)(?:shim[^/]*|[^/]+)\.efi$|(?:^|/)EFI/"
        ),
    ),
)
# Script commands whose effect waits for the next boot.
_BOOT_COMMANDS = frozenset(
    {
        "update-initramfs",
        "dracut",
        "mkinitcpio",
        "update-grub",
        "update-grub2",
        "grub-install",
        "grub2-install",
        "grub-mkconfig",
        "grub2-mkconfig",
        "depmod",
        "kernel-install",
        "efibootmgr",
    }
)

# grubby's options that change the boot entries or which one boots (``--set-default``, ``--update-kernel … --args``);
# ``--default-kernel``, ``--info`` only read them.
_GRUBBY_CHANGES = ("--set-default", "--make-default", "--update-kernel", "--add-kernel", "--remove-kernel", "--args",
                   "--remove-args")


def grubby_changes(args: tuple[str, ...] | list[str]) -> bool:
    """``grubby`` given an option that changes the boot loader's entries or default: it takes effect at the next
    boot."""
    return any(a.startswith(_GRUBBY_CHANGES) for a in args)


def scan(ctx: Context) -> Iterator[Finding]:
    manifest = ctx.manifest
    if manifest.reboot is Reboot.REQUIRED:
        return
    files: list[str] = []
    kinds: set[str] = set()
    for entry in manifest.files:
        for what, pattern in _NEEDS_REBOOT:
            if pattern.search(entry.path):
                files.append(entry.path)
                kinds.add(what)
                break
    commands: list[dict[str, object]] = []
    for path, script in steps(ctx):
        for command in script.commands:
            boot = command.name in _BOOT_COMMANDS or (command.name == "bootctl" and command.args[:1] == ("install",))
            boot = boot or (command.name == "grubby" and grubby_changes(command.args))
            if boot:
                commands.append({"file": path, "line": command.line, "command": command.name})
                kinds.add("boot configuration (scripts)")
    if not kinds:
        return
    declared = manifest.reboot.value
    first = files[0] if files else f"{commands[0]['file']}:{commands[0]['line']} runs {commands[0]['command']}"
    more = " and others" if len(files) + len(commands) > 1 else ""
    yield at_line(
        "preflight.reboot_understated",
        Severity.HIGH,
        path="manifest.json",
        line=manifest.line_of("reboot"),
        text=f'"reboot": "{declared}"',
        declared=declared,
        files=files[:20],
        commands=commands[:20],
        replaces=sorted(kinds),
        message=f"reboot is {declared!r} but the package changes {', '.join(sorted(kinds))} "
        f"({first}{more}): a reboot is required",
        remedy='Plan the upgrade with a reboot, and ask the vendor to declare "reboot": "required".',
    )
