"""The environment inventory (docs/formats.md §3): what the target runs today, read from TOML.

The inventory is written by the operator, not the vendor, so a mistake in it is a usage error:
``load_inventory``/``parse_inventory`` raise ``MalformedInput`` naming the field (``systemd.units[2]``)
rather than returning findings. Unknown tables and keys are kept in ``extra``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from shipgate.errors import MalformedInput
from shipgate.inputs import InputRefused, parse_toml, read_bounded

# An inventory is a few kilobytes; a megabyte is generous and keeps the TOML parser bounded.
MAX_INVENTORY_BYTES = 1024 * 1024

ConfigValue = str | int | float | bool | tuple[str | int | float | bool, ...]


@dataclass(frozen=True, kw_only=True)
class Inventory:
    os: str | None = None
    # None when the inventory does not say whether installers get sudo.
    sudo: bool | None = None
    components: Mapping[str, str] = field(default_factory=dict)
    units: tuple[str, ...] = ()
    config: Mapping[str, ConfigValue] = field(default_factory=dict)
    allowed_endpoints: tuple[str, ...] = ()
    table_rows: Mapping[str, int] = field(default_factory=dict)
    """``[database.tables]``: rows per table (``"routes"`` or ``"public.routes"``), for the plan's window."""
    extra: Mapping[str, Any] = field(default_factory=dict)

    def rows_of(self, table: str) -> int | None:
        """Rows of ``table`` as the inventory gives them: by the exact name, else by the name without its
        schema (``public.routes`` ↔ ``routes``), case-insensitive as unquoted SQL names are."""
        wanted = table.lower()
        bare = wanted.rsplit(".", 1)[-1]
        for name, rows in self.table_rows.items():
            if name.lower() == wanted:
                return rows
        matches = [rows for name, rows in self.table_rows.items() if name.lower().rsplit(".", 1)[-1] == bare]
        return max(matches) if matches else None

    @classmethod
    def load(cls, path: str | Path) -> Inventory:
        """``load_inventory``: read a TOML file; ``MalformedInput`` names the field on any problem."""
        return load_inventory(path)

    @classmethod
    def parse(cls, data: bytes | str, *, source: str = "<inventory>") -> Inventory:
        return parse_inventory(data.encode() if isinstance(data, str) else data, source=source)

    def endpoint_allowed(self, host: str) -> bool:
        """Whether ``host`` (a name or an IP address) is in ``network.allowed_endpoints``.

        An entry matches its exact name, ``*.example.net`` matches names below example.net, and an
        address or CIDR entry (``10.0.0.0/8``) matches addresses inside it.
        """
        host = host.lower().rstrip(".")
        try:
            address: ipaddress.IPv4Address | ipaddress.IPv6Address | None = ipaddress.ip_address(host)
        except ValueError:
            address = None
        for entry in self.allowed_endpoints:
            pattern = entry.lower().rstrip(".")
            if address is not None:
                try:
                    if address in ipaddress.ip_network(pattern, strict=False):
                        return True
                except ValueError:
                    continue
            elif pattern == host or (pattern.startswith("*.") and fnmatchcase(host, pattern)):
                return True
        return False


def load_inventory(path: str | Path) -> Inventory:
    """Read an inventory file; ``MalformedInput`` names the file and the field on any problem."""
    return parse_inventory(read_bounded(path, limit=MAX_INVENTORY_BYTES, what="inventory"), source=str(path))


def _fail(source: str, where: str, why: str) -> MalformedInput:
    return MalformedInput(f"inventory {source}: {where}: {why}")


def parse_inventory(data: bytes, *, source: str = "<inventory>") -> Inventory:
    try:
        doc = parse_toml(data, limit=MAX_INVENTORY_BYTES, what="$")
    except InputRefused as exc:
        raise _fail(source, "$", exc.detail) from None
    extra: dict[str, Any] = {}
    os_name: str | None = None
    sudo: bool | None = None
    components: dict[str, str] = {}
    units: tuple[str, ...] = ()
    config: dict[str, ConfigValue] = {}
    endpoints: tuple[str, ...] = ()
    table_rows: dict[str, int] = {}
    for table, value in doc.items():
        if table == "host":
            host = _table(value, "host", source)
            if "os" in host:
                os_name = _str(host["os"], "host.os", source)
            if "sudo" in host:
                if not isinstance(host["sudo"], bool):
                    raise _fail(source, "host.sudo", f"must be true or false, not {host['sudo']!r}")
                sudo = host["sudo"]
            rest = {k: v for k, v in host.items() if k not in ("os", "sudo")}
            if rest:
                extra["host"] = rest
        elif table == "components":
            for name, version in _table(value, "components", source).items():
                # `postgresql = 15.4` (a TOML number) is read as the version text it spells.
                numeric = isinstance(version, int | float) and not isinstance(version, bool)
                components[name] = _str(str(version) if numeric else version, f"components.{name}", source)
        elif table == "systemd":
            systemd = _table(value, "systemd", source)
            units = _strings(systemd.get("units", []), "systemd.units", source)
            rest = {k: v for k, v in systemd.items() if k != "units"}
            if rest:
                extra["systemd"] = rest
        elif table == "config":
            for key, current in _flatten(_table(value, "config", source)):
                config[key] = _config_value(current, f"config.{key}", source)
        elif table == "network":
            network = _table(value, "network", source)
            endpoints = _strings(network.get("allowed_endpoints", []), "network.allowed_endpoints", source)
            rest = {k: v for k, v in network.items() if k != "allowed_endpoints"}
            if rest:
                extra["network"] = rest
        elif table == "database":
            database = dict(_table(value, "database", source))
            table_rows = _table_rows(database.pop("tables", {}), source)
            if database:
                extra["database"] = database
        else:
            extra[table] = value
    return Inventory(
        os=os_name,
        sudo=sudo,
        components=components,
        units=units,
        config=config,
        allowed_endpoints=endpoints,
        table_rows=table_rows,
        extra=extra,
    )


def _table_rows(value: Any, source: str) -> dict[str, int]:
    """``[database.tables]``: ``name = rows``; a dotted bare key (``public.routes = 1``) is a nested table."""
    rows: dict[str, int] = {}
    for name, count in _flatten(_table(value, "database.tables", source)):
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise _fail(source, f"database.tables.{name}", f"must be a row count (a whole number), not {count!r}")
        rows[name] = count
    return rows


def _flatten(table: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Config keys as dotted names: ``dten.hybrid.enable = false`` without quotes is a nested TOML table."""
    out: list[tuple[str, Any]] = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.extend(_flatten(value, f"{name}."))
        else:
            out.append((name, value))
    return out


def _config_value(value: Any, where: str, source: str) -> ConfigValue:
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list) and all(isinstance(v, str | int | float | bool) for v in value):
        return tuple(value)
    raise _fail(source, where, "must be a string, number, boolean or array of them")


def _table(value: Any, where: str, source: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(source, where, "must be a table")
    return value


def _str(value: Any, where: str, source: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(source, where, f"must be a non-empty string, not {value!r}")
    return value


def _strings(value: Any, where: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise _fail(source, where, "must be an array of strings")
    return tuple(_str(item, f"{where}[{i}]", source) for i, item in enumerate(value))
