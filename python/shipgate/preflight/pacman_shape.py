"""An Arch pacman install script known by its shape, whatever its name: the PKGBUILD's ``install=`` may name any
file (``pacman/install.sh``, ``hooks.sh``), and pacman sources it and calls the functions it defines
(``pre_install``, ``post_install``, ``pre_upgrade``, ``post_upgrade``, ``pre_remove``, ``post_remove``) as root.

Such a file runs nothing by itself: its top level is only function definitions (and comments), one of them at least
named for a pacman phase. A script that defines ``post_install()`` and calls it, or does anything else at its top
level, is run as a whole by someone and is not read so; nor is a file the parser cannot read without an error."""

from __future__ import annotations

import functools

import tree_sitter_bash
from tree_sitter import Language, Node, Parser

PACMAN_PHASES = frozenset(
    {"pre_install", "post_install", "pre_upgrade", "post_upgrade", "pre_remove", "post_remove"}
)
_MAX_SHAPE_BYTES = 1 << 18  # an install script is short; a longer file is not parsed for this
_MAX_TOP_LEVEL = 256


@functools.cache
def _parser() -> Parser:
    return Parser(Language(tree_sitter_bash.language()))


def only_pacman_functions(root: Node) -> bool:
    """``root`` (a parsed program) defines functions and does nothing else at its top level, and one of them at
    least is a pacman phase."""
    if root.has_error:
        return False
    phases = 0
    for index, child in enumerate(root.named_children):
        if index >= _MAX_TOP_LEVEL:
            return False
        if child.type == "comment":
            continue
        if child.type != "function_definition":
            return False
        name = child.child_by_field_name("name")
        if name is not None and name.text is not None and name.text.decode("utf-8", "replace") in PACMAN_PHASES:
            phases += 1
    return phases > 0


def is_pacman_shaped(text: str) -> bool:
    """``text`` has the shape of a pacman install script (module docstring)."""
    data = text.encode("utf-8", "surrogateescape")
    if len(data) > _MAX_SHAPE_BYTES:
        return False
    return only_pacman_functions(_parser().parse(data).root_node)
