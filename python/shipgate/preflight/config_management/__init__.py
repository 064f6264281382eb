"""Configuration-management code a vendor ships to install or upgrade its product (Puppet manifests, Chef
recipes, Salt states), read with each language's parser (shipgate.preflight.config_management.puppet, .chef,
.salt) into the resources it declares, then as the shell that does their work (.translate). Puppet, chef-client
and a Salt minion run as root by design."""

from __future__ import annotations

from shipgate.preflight.config_management.chef import is_recipe, read_recipe
from shipgate.preflight.config_management.model import Declared
from shipgate.preflight.config_management.puppet import read_manifest
from shipgate.preflight.config_management.salt import is_state, read_state
from shipgate.preflight.config_management.translate import Option, Piece, translate


def declared_work(path: str, text: str) -> tuple[list[Piece], list[Option]] | None:
    """The shell pieces and unsigned-package options of a Puppet, Chef or Salt file; None for other files."""
    declared: Declared
    if path.endswith(".pp"):
        declared = read_manifest(text)
    elif is_recipe(path, text):
        declared = read_recipe(text)
    elif is_state(path, text):
        declared = read_state(text)
    else:
        return None
    return translate(declared)


__all__ = ["Option", "Piece", "declared_work"]
