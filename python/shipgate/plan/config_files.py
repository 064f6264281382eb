"""Configuration files a package ships, read into dotted keys and their values: TOML, INI, YAML, JSON,
Java ``.properties`` and ``.env``, each with the field's own parser (``tomllib``, ``configparser``, PyYAML's
safe loader, ``json``, ``javaproperties``, ``python-dotenv``) and bounded here: the bytes read, the nesting
followed and the keys kept. A file that does not parse is reported as such (``error``), never guessed at.

The keys are what the diff compares: ``[routing] hybrid = auto`` is ``routing.hybrid = "auto"``; a YAML or
JSON tree is flattened the same way (``a.b.c``); a list of tables is numbered (``servers[0].host``).
"""

from __future__ import annotations

import configparser
import io
import json
import posixpath
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Config files are kilobytes; a megabyte is generous and bounds every parser below.
MAX_CONFIG_BYTES = 1024 * 1024
# Keys kept per file: past this the file is marked truncated (a YAML alias bomb stops here too).
MAX_KEYS = 2_000
MAX_DEPTH = 32
MAX_VALUE_CHARS = 200

_FORMATS = {
    ".toml": "toml",
    ".ini": "ini",
    ".cfg": "ini",
    ".conf": "ini",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".properties": "properties",
    ".env": "env",
}


@dataclass(frozen=True, kw_only=True)
class ConfigFile:
    """One parsed configuration file: its format and keys, or why it could not be read."""

    path: str
    format: str
    keys: Mapping[str, str] = field(default_factory=dict)
    """Dotted key → its value as compact JSON text (``true``, ``5``, ``"auto"``), cut at 200 characters."""
    error: str | None = None
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"format": self.format, "keys": dict(self.keys)}
        if self.error:
            out["error"] = self.error
        if self.truncated:
            out["truncated"] = True
        return out

    @classmethod
    def from_dict(cls, path: str, data: Mapping[str, Any]) -> ConfigFile:
        return cls(
            path=path,
            format=str(data.get("format", "")),
            keys={str(k): str(v) for k, v in dict(data.get("keys", {})).items()},
            error=data.get("error"),
            truncated=bool(data.get("truncated", False)),
        )


def config_format(path: str) -> str | None:
    """The format of a configuration file by its name, or None when it is not one shipgate reads."""
    name = posixpath.basename(path.lower())
    if name == ".env" or name.startswith(".env.") or name.endswith(".env.example"):
        return "env"
    return _FORMATS.get(posixpath.splitext(name)[1])


class _TooMany(Exception):
    pass


class _Keys:
    def __init__(self) -> None:
        self.keys: dict[str, str] = {}
        self.truncated = False

    def add(self, key: str, value: Any) -> None:
        if len(self.keys) >= MAX_KEYS:
            self.truncated = True
            raise _TooMany
        text = json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)
        self.keys[key] = text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS] + "…"

    def flatten(self, value: Any, prefix: str = "", depth: int = 0) -> None:
        """Nested mappings as dotted keys; lists of scalars as one value, lists of mappings numbered."""
        if depth > MAX_DEPTH:
            self.add(prefix, "<nested too deep>")
        elif isinstance(value, Mapping) and value:
            for key, child in value.items():
                self.flatten(child, f"{prefix}.{key}" if prefix else str(key), depth + 1)
        elif isinstance(value, list) and any(isinstance(v, Mapping | list) for v in value):
            for i, child in enumerate(value):
                self.flatten(child, f"{prefix}[{i}]", depth + 1)
        elif prefix:
            self.add(prefix, value)


def parse_config(path: str, data: bytes) -> ConfigFile | None:
    """The keys of the configuration file ``path``; None when its name is not a format read here."""
    kind = config_format(path)
    if kind is None:
        return None
    if len(data) > MAX_CONFIG_BYTES:
        return ConfigFile(path=path, format=kind, error=f"larger than {MAX_CONFIG_BYTES} bytes; not read")
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    keys = _Keys()
    try:
        _READERS[kind](text, keys)
    except _TooMany:
        pass
    except RecursionError:
        return ConfigFile(path=path, format=kind, error="nested deeper than the parser allows")
    except Exception as exc:  # each parser has its own error classes; all mean "not this format"
        return ConfigFile(path=path, format=kind, error=f"not valid {kind}: {_first_line(exc)}")
    return ConfigFile(path=path, format=kind, keys=keys.keys, truncated=keys.truncated)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:200]


def _toml(text: str, keys: _Keys) -> None:
    keys.flatten(tomllib.loads(text))


def _json(text: str, keys: _Keys) -> None:
    keys.flatten(json.loads(text))


def _yaml(text: str, keys: _Keys) -> None:
    import yaml

    from shipgate.yaml_nodes import loader_for

    for document in yaml.load_all(text, Loader=loader_for(text)):
        keys.flatten(document)


def _ini(text: str, keys: _Keys) -> None:
    parser = configparser.ConfigParser(
        interpolation=None, strict=False, allow_no_value=True, delimiters=("=", ":"), comment_prefixes=("#", ";")
    )
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keep the key's case as written
    # Keys before any [section] are legal in most .conf dialects: read them as top-level keys.
    parser.read_string("[\x00top]\n" + text)
    for section in parser.sections():
        for key, value in parser.items(section, raw=True):
            keys.add(key if section == "\x00top" else f"{section}.{key}", value)


def _properties(text: str, keys: _Keys) -> None:
    import javaproperties

    for key, value in javaproperties.loads(text).items():
        keys.add(key, value)


def _env(text: str, keys: _Keys) -> None:
    from dotenv import dotenv_values

    for key, value in dotenv_values(stream=io.StringIO(text), interpolate=False).items():
        keys.add(key, value)


_READERS = {
    "toml": _toml,
    "json": _json,
    "yaml": _yaml,
    "ini": _ini,
    "properties": _properties,
    "env": _env,
}
