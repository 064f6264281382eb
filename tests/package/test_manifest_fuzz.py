"""Hostile manifests never raise: random type swaps in every field of the docs/formats.md example."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from test_manifest import EXAMPLE, encode

from shipgate.package.manifest import parse_manifest

ODD_VALUES: list[Any] = [None, True, 0, -1, 2**70, 1.5, "", "x", "../x", [], [1, "a"], {}, {"a": None}, "\x00"]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out += _paths(child, (*prefix, i))
    return out


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


def test_every_field_replaced_by_every_odd_value() -> None:
    for path in _paths(EXAMPLE):
        for odd in ODD_VALUES:
            doc = _set(copy.deepcopy(EXAMPLE), path, copy.deepcopy(odd))
            manifest, findings = parse_manifest(encode(doc))
            if path and manifest is None:
                assert findings, path
            for f in findings:
                assert f.code.startswith("manifest."), f


def test_random_byte_damage() -> None:
    rng = random.Random(7)
    base = bytearray(json.dumps(EXAMPLE).encode())
    for _ in range(2000):
        data = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        manifest, findings = parse_manifest(bytes(data))
        assert manifest is not None or findings
