"""Whether a host name can be reached on the public internet: its top-level label is a domain the ICANN section of
the Public Suffix List delegates (``publicsuffixlist``, which ships the list: nothing is downloaded).

A name whose last label is no top-level domain (``urls.edit``, ``cfp.types`` — Django URL names; ``notice.entry`` —
a template variable; ``ocsinventory.server`` — a placeholder; ``host.lan``, ``db.test``) is not a host on the public
internet: whatever reads it resolves it, if at all, on a private network. The special-use ``.example``, ``.test``
and ``.invalid`` count as public (RFC 6761: applications do not treat them specially). Addresses are left to
``hosts``."""

from __future__ import annotations

import ipaddress
from functools import cache, lru_cache

from publicsuffixlist import PublicSuffixList

_SPECIAL_USE = frozenset({"example", "test", "invalid"})


@cache
def _list() -> PublicSuffixList:
    return PublicSuffixList(only_icann=True)


@lru_cache(maxsize=8192)
def has_public_suffix(host: str) -> bool:
    """``host`` (a name or an address) ends in a delegated top-level domain, or is an address."""
    name = host.strip().rstrip(".").lower()
    try:
        ipaddress.ip_address(name.strip("[]"))
        return True
    except ValueError:
        pass
    if name.rsplit(".", 1)[-1] in _SPECIAL_USE:
        return True  # RFC 6761 §6.2, §6.4, §6.5: applications do not treat these names specially
    return _list().publicsuffix(name, accept_unknown=False) is not None
