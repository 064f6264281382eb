"""The build section of a Canonical craft recipe: ``snapcraft.yaml``'s (also ``rockcraft.yaml``'s and
``charmcraft.yaml``'s) top-level ``parts:`` block.

Each part names what the craft tool fetches and builds on the build host when the snap is made (``source:
https://fastdl.mongodb.org/…tgz``, ``- on arm64: https://github.com/…/caddy_linux_arm64.tar.gz``, a ``git`` source,
``override-build: |`` steps, ``build-packages``/``stage-packages``): none of it runs on the target, which receives
the built snap. The recipe's other sections (``apps:`` with their ``environment:``, ``hooks:``, ``plugs:``) describe
what snapd runs there and stay read (docs/preflight.md, "Codes": what `external_endpoint` does not report)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence

_RECIPES = frozenset({"snapcraft.yaml", ".snapcraft.yaml", "rockcraft.yaml", "charmcraft.yaml"})
_PARTS_KEY = re.compile(r"^parts\s*:\s*(?:#.*)?$")


def is_craft_recipe(path: str) -> bool:
    """Named as a snapcraft, rockcraft or charmcraft recipe (``snap/snapcraft.yaml``, ``build-aux/snap/…``)."""
    return posixpath.basename(path).lower() in _RECIPES


def build_part_lines(path: str, lines: Sequence[tuple[int, str]]) -> set[int]:
    """The lines of a craft recipe's top-level ``parts:`` block (the key's line and every line up to the next
    top-level key), which only the build host acts on."""
    if not is_craft_recipe(path):
        return set()
    found: set[int] = set()
    inside = False
    for number, text in lines:
        top_level = bool(text.strip()) and not text[0].isspace() and not text.startswith("#")
        if top_level:
            inside = bool(_PARTS_KEY.match(text))
        if inside:
            found.add(number)
    return found
