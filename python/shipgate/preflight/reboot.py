"""``reboot`` understated: the package replaces kernel modules, the init system, libc or the bootloader,
which only take effect (and only stay consistent) after a reboot."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.package.manifest import Reboot
from shipgate.preflight.contents import Context, at_line

_NEEDS_REBOOT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kernel module", re.compile(r"\.ko(?:\.(?:xz|gz|zst))?$|(?:^|/)lib/modules/")),
    ("kernel image", re.compile(r"(?:^|/)(?:vmlinuz|vmlinux|bzImage|initrd|initramfs)[^/]*$")),
    ("init system", re.compile(r"(?:^|/)sbin/init$|(?:^|/)lib/systemd/systemd$|(?:^|/)systemd/systemd$")),
    (
        "C library",
        re.compile(
            r"(?:^|/)(?:libc\.so[^/]*|libc-[\d.]+\.so|ld-linux[^/]*\.so[^/]*|"
            r"libpthread\.so[^/]*)$"
        ),
    ),
    ("bootloader", re.compile(r"(?:^|/)boot/|(?:^|/)(?:grub[^/]*|shim[^/]*\.efi|[^/]+\.efi)$|(?:^|/)EFI/")),
)


def scan(ctx: Context) -> Iterator[Finding]:
    manifest = ctx.manifest
    if manifest.reboot is Reboot.REQUIRED:
        return
    hits: list[tuple[str, str]] = []
    for entry in manifest.files:
        for what, pattern in _NEEDS_REBOOT:
            if pattern.search(entry.path):
                hits.append((entry.path, what))
                break
    if not hits:
        return
    kinds = sorted({what for _, what in hits})
    declared = manifest.reboot.value
    yield at_line(
        "preflight.reboot_understated",
        Severity.HIGH,
        path="manifest.json",
        line=manifest.line_of("reboot"),
        text=f'"reboot": "{declared}"',
        declared=declared,
        files=[p for p, _ in hits[:20]],
        replaces=kinds,
        message=f"reboot is {declared!r} but the package replaces {', '.join(kinds)} "
        f"({hits[0][0]}{' and others' if len(hits) > 1 else ''}): a reboot is required",
        remedy='Plan the upgrade with a reboot, and ask the vendor to declare "reboot": "required".',
    )
