"""Classes the two-hundred-and-forty-first hold-out set showed (tests/preflight/holdout241: vendor maintainer scripts
and nfpm/fpm scriptlets), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.privileged_binary import grants_capabilities

PRIVILEGED = "preflight.privileged_binary"

# -- A: a capability set of several clauses separated by whitespace (cap_from_text(3)'s text form) ----------------


def _postinst(*lines: str) -> dict[str, str]:
    return {"debian/postinst": "\n".join(("#!/bin/sh", "set -e", *lines)) + "\n"}


def test_a_a_set_of_two_clauses_is_a_grant() -> None:
    # NetSpot's postinst: raw sockets and network administration, one clause each, in one quoted argument
    assert codes_at(_postinst("setcap 'CAP_NET_RAW+eip CAP_NET_ADMIN+eip' /usr/bin/netspot"), PRIVILEGED) == [3]
    assert codes_at(_postinst('setcap "cap_net_raw+ep  cap_net_admin=ep" /usr/bin/agent'), PRIVILEGED) == [3]


def test_a_one_raising_clause_among_clearing_ones_is_a_grant() -> None:
    assert codes_at(_postinst("setcap 'cap_sys_admin-ep cap_net_raw+p' /usr/bin/agent"), PRIVILEGED) == [3]


def test_a_clauses_that_only_clear_are_quiet() -> None:
    assert codes_at(_postinst("setcap 'cap_net_raw-ep cap_net_admin=' /usr/bin/agent"), PRIVILEGED) == []
    assert codes_at(_postinst("setcap -r /usr/bin/agent"), PRIVILEGED) == []


def test_a_text_with_a_word_that_is_no_clause_is_no_set() -> None:
    assert grants_capabilities("cap_net_raw+ep cap_net_admin+ep")
    assert not grants_capabilities("cap_net_raw+ep and more")  # prose, not a capability set
    assert not grants_capabilities("grant cap_net_raw+ep")
    assert not grants_capabilities("") and not grants_capabilities("   ")
    # an echo naming a set is text, not a grant
    assert codes_at(_postinst("echo 'setting cap_net_raw+ep cap_net_admin+ep on /usr/bin/agent'"), PRIVILEGED) == []
