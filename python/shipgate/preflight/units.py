"""systemd unit files (services, timers, sockets…) and drop-ins read as systemd reads them (systemd.syntax(7)):
``[Section]`` headers, ``Key=value`` assignments, ``#``/``;`` comments, lines continued with a trailing
backslash, and ``Environment=`` split into its quoted assignments."""

from __future__ import annotations

import posixpath
import shlex
from dataclasses import dataclass

UNIT_SUFFIXES = (".service", ".socket", ".timer", ".target", ".mount", ".path", ".slice", ".scope", ".automount")
MAX_UNIT_LINES = 20_000
_TIMER_TRIGGERS = frozenset(
    {"OnCalendar", "OnBootSec", "OnStartupSec", "OnUnitActiveSec", "OnUnitInactiveSec", "OnActiveSec"}
)


@dataclass(frozen=True)
class Setting:
    section: str
    key: str
    value: str
    line: int


@dataclass(frozen=True, kw_only=True)
class Unit:
    path: str
    name: str  # foo.service (a drop-in names the unit it extends)
    settings: tuple[Setting, ...]
    drop_in: bool = False

    def get(self, key: str, section: str | None = None) -> tuple[Setting, ...]:
        return tuple(s for s in self.settings if s.key == key and (section is None or s.section == section))

    @property
    def kind(self) -> str:
        if "." not in self.name and debhelper_unit(self.path):
            return self.name  # ``debian/timer``: the type alone names the main package's unit
        return self.name.rsplit(".", 1)[-1] if "." in self.name else "service"

    def triggers(self) -> tuple[Setting, ...]:
        """A timer's schedule settings."""
        return tuple(s for s in self.settings if s.section == "Timer" and s.key in _TIMER_TRIGGERS)

    def environment(self) -> tuple[tuple[str, str, int], ...]:
        """(name, value, line) of every ``Environment=`` assignment."""
        out: list[tuple[str, str, int]] = []
        for s in self.get("Environment"):
            try:
                parts = shlex.split(s.value)
            except ValueError:
                parts = s.value.split()
            out.extend((k, v, s.line) for k, sep, v in (p.partition("=") for p in parts) if sep)
        return tuple(out)

    def set_credentials(self) -> tuple[tuple[str, str, int], ...]:
        """(id, data, line) of every ``SetCredential=ID:DATA``: a credential whose data the unit holds as written
        (systemd.exec(5); ``SetCredentialEncrypted=`` holds data only the host can decrypt, ``LoadCredential=`` a
        path)."""
        out: list[tuple[str, str, int]] = []
        for s in self.get("SetCredential"):
            ident, sep, data = s.value.partition(":")
            if sep and ident.strip():
                out.append((ident.strip(), data.strip(), s.line))
        return tuple(out)

    def dependencies(self) -> tuple[tuple[str, str, int], ...]:
        """(key, unit, line) for Requires/Wants/After/Before/BindsTo/PartOf/WantedBy/RequiredBy/Unit=."""
        keys = (
            "Requires",
            "Wants",
            "After",
            "Before",
            "BindsTo",
            "PartOf",
            "Requisite",
            "WantedBy",
            "RequiredBy",
            "Unit",
        )
        return tuple((s.key, u, s.line) for s in self.settings if s.key in keys for u in s.value.split())


def is_unit_path(path: str) -> bool:
    """A unit (``foo.service``) or a drop-in (``foo.service.d/override.conf``)."""
    name = posixpath.basename(path)
    return name.endswith(UNIT_SUFFIXES) or (
        posixpath.basename(posixpath.dirname(path)).endswith(".d")
        and name.endswith(".conf")
        and any(posixpath.basename(posixpath.dirname(path)).removesuffix(".d").endswith(s) for s in UNIT_SUFFIXES)
    )


def debhelper_unit(path: str) -> bool:
    """A unit file of Debian packaging that debhelper's ``dh_installsystemd`` installs into ``/lib/systemd/system``:
    ``debian/<package>.timer``, ``debian/<package>@.service``, ``debian/<package>.<name>.timer`` (``--name``), and
    the main package's ``debian/service``, ``debian/timer``… named by the unit type alone (debhelper's pkgfile)."""
    parts = path.lower().split("/")
    if parts[-2:-1] != ["debian"]:
        return False
    return ("." in parts[-1] and parts[-1].endswith(UNIT_SUFFIXES)) or "." + parts[-1] in UNIT_SUFFIXES


def looks_like_unit(text: str) -> bool:
    """Content says unit: a ``[Unit]``, ``[Service]``, ``[Timer]``… section with ``Key=`` lines."""
    head = text[:4096]
    return any(f"[{s}]" in head for s in ("Unit", "Service", "Timer", "Socket", "Install")) and "=" in head


def parse_unit(text: str, *, path: str) -> Unit:
    settings: list[Setting] = []
    section = ""
    pending = ""
    start = 0
    for number, raw in enumerate(text.splitlines()[:MAX_UNIT_LINES], 1):
        line = raw.strip()
        if not pending and (not line or line[0] in "#;"):
            continue
        if not pending:
            start = number
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        key, sep, value = line.partition("=")
        if sep:
            settings.append(Setting(section, key.strip(), value.strip(), start))
    directory = posixpath.basename(posixpath.dirname(path))
    drop_in = directory.endswith(".d") and path.endswith(".conf")
    name = directory.removesuffix(".d") if drop_in else _built_name(posixpath.basename(path))
    return Unit(path=path, name=name, settings=tuple(settings), drop_in=drop_in)


def _built_name(name: str) -> str:
    """The unit a build template becomes: autotools' and meson's ``configure_file`` turn ``fwupd-refresh.timer.in``
    into ``fwupd-refresh.timer``, which the build installs; any other name is its own."""
    built = name.removesuffix(".in")
    return built if built != name and built.endswith(UNIT_SUFFIXES) else name
