"""Kernel settings changed on the host: an install step (or a file the package ships) that sets sysctl values, writes
the kernel's tunables or loads a kernel module. The change applies to the whole host, beyond the product.

Read from the parsed shell of each step (:func:`shipgate.preflight.runners.steps`; an image build's ``RUN`` changes
the image, not the host, and is not read):

- ``sysctl -w key=value`` (or ``sysctl key=value``), ``sysctl -p [FILE]``/``--load``, ``sysctl --system``; not the
  readers (``sysctl -n key``, ``-a``), nor ``sysctl -w key=$saved`` restoring a value the script read with
  ``sysctl -n`` first;
- ``systemctl start|restart systemd-sysctl`` and ``service procps restart`` (both apply every sysctl.d file), the
  ``systemd-sysctl`` program; not such a reload after the script removed a sysctl file (an uninstall: it sets
  nothing new);
- a write into ``/proc/sys/``, ``/sys/kernel/`` or ``/sys/module/`` (``echo 1 > /proc/sys/net/ipv4/ip_forward``);
- either of the above as a ``PreUp``/``PostUp`` hook of a WireGuard config the script writes and brings up itself
  (``shipgate.preflight.interface_hooks``);
- a sysctl file written or copied into ``/etc/sysctl.d/``, ``/run/sysctl.d/``, ``/usr/lib/sysctl.d/`` or
  ``/etc/sysctl.conf`` (applied at every boot), a module list into ``modules-load.d/`` or ``/etc/modules``;
- ``modprobe MODULE`` and ``insmod FILE``: not ``modprobe -n``/``--dry-run`` (loads nothing), ``-r`` (unloads:
  what removal does, not what the upgrade adds), ``-c``/``-D``/``--show-*`` (read only).

A file the package ships under ``etc/sysctl.d/``, ``usr/lib/sysctl.d/`` (or ``debian/*.sysctl``, which dh_installsysctl
installs there) is one finding at its first setting, naming its keys; so is a file kept elsewhere in the source tree for
the spec or rules to install there (under a ``sysctl/`` folder or named ``*sysctl*.conf``) when every setting in it
names a kernel key (``fs.``, ``kernel.``, ``net.``, ``vm.`` …), but not in a system package, whose files are at their
installed places (kdump-tools' ``etc/kdump/sysctl.conf``, applied only in the crash kernel's boot environment);
``modules-load.d/*.conf`` likewise, naming its modules.

``kernel.core_pattern`` set to a pipe (``|/opt/x/save_coredump %e``) is high: the kernel runs that program as root
for every process that crashes on the host. Every other change is medium.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Line, at_command, at_line
from shipgate.preflight.interface_hooks import started_hooks
from shipgate.preflight.markup import is_documentation
from shipgate.preflight.privilege import elsewhere
from shipgate.preflight.runners import installed_payload, steps
from shipgate.preflight.shell.actions import on_removal_only
from shipgate.preflight.shell.commands import has_flag, operands, write_line, written_paths
from shipgate.preflight.shell.model import Command, Script

CODE = "preflight.kernel_settings"
_REMEDY = (
    "Record the kernel change in the change plan (it applies to the whole host, beyond the product) and check it "
    "against the host's hardening baseline; ask the vendor to document it so the operator applies it, not the upgrade."
)
# the file, or the directory a file is copied into (``cp overlay.conf /etc/modules-load.d/``)
_SYSCTL_FILE = re.compile(r"^/(?:etc|run|usr/lib|lib)/sysctl\.d(?:/[^/]*)?$|^/etc/sysctl\.conf$")
_MODULES_FILE = re.compile(r"^/(?:etc|run|usr/lib|lib)/modules-load\.d(?:/[^/]*)?$|^/etc/modules$")
_KERNEL_TREES = ("/proc/sys/", "/sys/kernel/", "/sys/module/")
_SHIPPED_SYSCTL = re.compile(
    r"(?:^|/)(?:etc|run|usr/lib|lib)/sysctl\.d/[^/]+\.conf$|(?:^|/)etc/sysctl\.conf$|(?:^|/)debian/(?:[^/]+\.)?sysctl$"
)
_SHIPPED_MODULES = re.compile(r"(?:^|/)(?:etc|run|usr/lib|lib)/modules-load\.d/[^/]+\.conf$")
# A sysctl file kept elsewhere in a source tree (Ceph's ``etc/sysctl/90-ceph-osd.conf``, a ``99-app.sysctl.conf``)
# that the package's spec or rules install into sysctl.d: taken for one when every setting names a kernel key.
_NAMED_SYSCTL = re.compile(r"(?:^|/)sysctl(?:\.d)?/[^/]+\.conf$|(?:^|/)[^/]*sysctl[^/]*\.conf$")
_KERNEL_KEY = re.compile(r"^(?:kernel|vm|net|fs|dev|user|abi|debug|sunrpc|crypto)[./]\w")
_SETTING = re.compile(r"^-?([A-Za-z0-9_][\w.*/-]*)\s*=\s*(.*)$")
_PIPED_CORE = re.compile(r"kernel[./]core_pattern\s*=\s*[\"']?\|")
_APPLY_VERBS = frozenset({"start", "restart", "reload-or-restart", "try-restart", "force-reload", "reload"})
_MODPROBE_READS = (
    "-n", "--dry-run", "-r", "--remove", "-c", "--showconfig", "-D", "--show-depends", "--show-modversions",
    "--dump-modversions", "-V", "--version", "-h", "--help", "-R", "--resolve-alias", "--show-exports", "--show",
)  # fmt: skip
_DOCKERFILE = re.compile(r"^(?:docker|container)file(?:[.-].+)?$|^.+[.-](?:docker|container)file$", re.I)

Change = tuple[str, Severity, int]


def image_build(path: str) -> bool:
    """A Dockerfile or Containerfile by name (its ``RUN`` lines change the image, not the host)."""
    return bool(_DOCKERFILE.match(path.rsplit("/", 1)[-1]))


def _sysctl(command: Command, script: Script) -> Change | None:
    words = list(command.words)
    if has_flag(command, "-a", "--all", "-A", "-X"):
        return None
    if has_flag(command, "--system"):
        return "applies every sysctl file (sysctl --system)", Severity.MEDIUM, command.line
    if has_flag(command, "-p", "--load") or any(w.text.startswith("--load=") for w in words):
        named = [w.text for w in operands(command) if "=" not in w.text]
        return f"loads {named[0] if named else '/etc/sysctl.conf'} (sysctl -p)", Severity.MEDIUM, command.line
    settings = []
    for word in operands(command):
        key, equals, value = word.text.partition("=")
        if not equals or any(a.generated_by == "sysctl" for name in word.expands for a in script.bindings(name)):
            continue  # not a setting, or a value the script saved with ``sysctl -n`` and now restores
        settings.append((key, value))
    reads = has_flag(command, "-n", "--values", "-N", "--names") and not has_flag(command, "-w", "--write")
    if not settings or reads:
        return None
    piped = any(k.replace("/", ".") == "kernel.core_pattern" and v.lstrip("\"'").startswith("|") for k, v in settings)
    shown = ", ".join(f"{k}={v}" for k, v in settings[:4])
    return f"sets {shown}", Severity.HIGH if piped else Severity.MEDIUM, command.line


def _reload(command: Command) -> bool:
    """A reload of every sysctl file: ``systemctl restart systemd-sysctl``, ``service procps restart``, the
    ``systemd-sysctl`` program itself."""
    args = [w.text for w in command.words]
    units = {a.removesuffix(".service") for a in args}
    if command.name == "systemctl" and _APPLY_VERBS & set(args) and "systemd-sysctl" in units:
        return True
    if command.name in ("service", "invoke-rc.d") and args[:1] == ["procps"] and _APPLY_VERBS & set(args[1:2]):
        return True
    program = command.program.text if command.program is not None else ""
    return command.name == "systemd-sysctl" or (
        program == "/etc/init.d/procps" and _APPLY_VERBS & set(args[:1]) != set()
    )


def _module(command: Command) -> Change | None:
    if command.name == "insmod" and operands(command):
        return f"inserts the kernel module {operands(command)[0].text}", Severity.MEDIUM, command.line
    if command.name == "modprobe" and not has_flag(command, *_MODPROBE_READS):
        modules = [w.text for w in operands(command)]
        if modules:
            return f"loads the kernel module {', '.join(modules[:4])}", Severity.MEDIUM, command.line
    return None


def _content(command: Command) -> str:
    """What an ``echo``/``printf``/``cat <<EOF`` writes, as far as the words and here-documents show it."""
    said = " ".join(w.text for w in operands(command)) if command.name in ("echo", "printf") else ""
    return said + " ".join(r.body or "" for r in command.redirects)


def _written(command: Command) -> Change | None:
    for word in written_paths(command):
        target = word.text
        line = write_line(command, word)
        if target.startswith(_KERNEL_TREES):
            content = _content(command).strip().strip("\"'")
            piped = target.endswith("kernel/core_pattern") and content.startswith("|")
            return f"writes {target}", Severity.HIGH if piped else Severity.MEDIUM, line
        if _SYSCTL_FILE.match(target):
            piped = bool(_PIPED_CORE.search(_content(command)))
            return (
                f"writes the sysctl file {target} (applied at every boot)",
                Severity.HIGH if piped else Severity.MEDIUM,
                line,
            )
        if _MODULES_FILE.match(target):
            return f"writes {target} (modules loaded at every boot)", Severity.MEDIUM, line
    return None


def _removes_sysctl_file(command: Command) -> bool:
    return command.name == "rm" and any(_SYSCTL_FILE.match(w.text) for w in operands(command))


def _script_changes(script: Script) -> Iterator[tuple[Command, Change]]:
    removed = False
    lines: set[int] = set()
    for command in script.commands:
        if on_removal_only(command) or elsewhere(command):
            continue
        if _removes_sysctl_file(command):
            removed = True
            continue
        change: Change | None = None
        if command.name == "sysctl":
            change = _sysctl(command, script)
        elif _reload(command):
            change = ("applies every sysctl file (systemd-sysctl)", Severity.MEDIUM, command.line)
        elif command.name in ("modprobe", "insmod"):
            change = _module(command)
        else:
            change = _written(command)
            removed = removed and change is None
        if change is None or change[2] in lines:
            continue
        if removed and change[0].startswith("applies every"):
            continue  # a reload after the script removed its sysctl file: it sets nothing new
        lines.add(change[2])
        yield command, change
    yield from _hook_changes(script, lines)


def _hook_changes(script: Script, lines: set[int]) -> Iterator[tuple[Command, Change]]:
    """``PreUp = sysctl -w net.ipv4.ip_forward=1`` in a WireGuard config the script writes and then brings up:
    wg-quick runs it in this run (``shipgate.preflight.interface_hooks``)."""
    for line, hook in started_hooks(script):
        for command in hook.commands:
            change = _sysctl(command, hook) if command.name == "sysctl" else _written(command)
            if change is None or line in lines:
                continue
            lines.add(line)
            what = f"{change[0]} (an up hook of the WireGuard interface the script starts)"
            yield dataclasses.replace(command, line=line), (what, change[1], line)


def _kernel_keys_only(lines: tuple[Line, ...]) -> bool:
    """Whether a file's settings are all sysctl keys (``fs.aio-max-nr = …``), and there is one."""
    settings = [ln.text.strip() for ln in lines if ln.text.strip() and not ln.text.strip().startswith(("#", ";"))]
    keys = [_SETTING.match(s) for s in settings]
    return bool(keys) and all(k is not None and _KERNEL_KEY.match(k.group(1)) for k in keys)


def _shipped(ctx: Context) -> Iterator[Finding]:
    for text in ctx.texts:
        sysctl = _SHIPPED_SYSCTL.search(text.path) or (
            _NAMED_SYSCTL.search(text.path) is not None
            and not installed_payload(text.path, ctx.system_package)  # at its installed place: not in sysctl.d
            and _kernel_keys_only(text.lines)
        )
        modules = _SHIPPED_MODULES.search(text.path)
        if not (sysctl or modules) or is_documentation(text.path):
            continue
        found: list[tuple[int, str, str]] = []
        for line in text.lines:
            stripped = line.text.strip()
            if not stripped or stripped.startswith(("#", ";")):
                continue
            m = _SETTING.match(stripped) if sysctl else re.match(r"^[\w-]+$", stripped)
            if m is not None:
                found.append((line.number, m.group(1) if sysctl else stripped, m.group(2) if sysctl else ""))
        if not found:
            continue
        piped = [f for f in found if f[1].replace("/", ".") == "kernel.core_pattern" and f[2].startswith("|")]
        first = piped[0] if piped else found[0]
        names = ", ".join(f[1] for f in found[:6]) + (f" and {len(found) - 6} more" if len(found) > 6 else "")
        what = (
            f"sets {names} on the host at every boot" if sysctl else f"loads the kernel modules {names} at every boot"
        )
        yield at_line(
            CODE,
            Severity.HIGH if piped else Severity.MEDIUM,
            path=text.path,
            line=first[0],
            text=next(ln.text for ln in text.lines if ln.number == first[0]),
            message=f"the package ships {text.path}: it {what}",
            remedy=_REMEDY,
            settings=[f[1] for f in found],
        )


def scan(ctx: Context) -> Iterator[Finding]:
    image_builds = {p for p in ctx.parsed.root_scripts if image_build(p)}
    for path, script in steps(ctx):
        if path in image_builds or _SHIPPED_SYSCTL.search(path) or _SHIPPED_MODULES.search(path):
            continue  # an image's build, or a settings file read as text (below)
        for command, (what, severity, line) in _script_changes(script):
            yield at_command(
                CODE,
                severity,
                path=path,
                command=dataclasses.replace(command, line=line),
                change=what,
                message=f"{what}: a kernel setting of the whole host changes, beyond the product"
                + (
                    " (kernel.core_pattern piped to a program: the kernel runs it as root on every crash)"
                    if severity is Severity.HIGH
                    else ""
                ),
                remedy=_REMEDY,
            )
    yield from _shipped(ctx)
