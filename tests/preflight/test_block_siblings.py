"""The settings beside one in the same YAML block (python/shipgate/preflight/block_siblings.py): a sibling at the
line's column is found up and down within the window; a shallower line, another column or the window's edge ends
the search."""

from __future__ import annotations

import re

from shipgate.preflight.block_siblings import indentation, key_column, sibling_in_block

_OFF = re.compile(r"^\s*enable:\s*false$").match


def test_a_sibling_above_or_below_in_the_same_block_is_found() -> None:
    lines = ["ldap:", "  enable: false", "  url: ldap://x", "  password: x"]
    assert sibling_in_block(lines, 4, 40, _OFF)
    lines = ["ldap:", "  password: x", "  # a comment", "", "  enable: false"]
    assert sibling_in_block(lines, 2, 40, _OFF)


def test_a_near_miss_another_block_another_column_or_past_the_window_is_not() -> None:
    assert not sibling_in_block(["mail:", "  enable: false", "ldap:", "  password: x"], 4, 40, _OFF)
    assert not sibling_in_block(["ldap:", "  password: x", "  smtp:", "    enable: false"], 2, 40, _OFF)
    assert not sibling_in_block(["ldap:", "  enable: false", "  a: 1", "  password: x"], 4, 1, _OFF)


def test_a_list_items_key_starts_after_its_dash() -> None:
    assert (indentation("  - salt: 1"), key_column("  - salt: 1"), key_column("    salt: 1")) == (2, 4, 4)
    lines = ["users:", "  - credential: x", "    salt: 1"]
    salt = re.compile(r"^\s*(?:-\s+)?salt:").match
    assert sibling_in_block(lines, 2, 3, salt, key_column)
    assert not sibling_in_block(lines, 2, 3, salt)
