"""Classes the two-hundred-and-seventeenth hold-out set showed (tests/preflight/holdout217: vendor maintainer
scripts, nfpm scriptlets, an RPM spec and pacman install files), each as its minimal construct next to near-misses
that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.privileged_binary import grants_capabilities

PRIVILEGED = "preflight.privileged_binary"

# -- A: a capability set written with the capabilities' numbers (libcap takes a number where it takes a name) -------


def _postinst(*lines: str) -> dict[str, str]:
    return {"debian/postinst": "\n".join(("#!/bin/sh", "set -e", *lines)) + "\n"}


def test_a_numeric_capabilities_are_a_grant() -> None:
    # ServiceRadar's %post: net_raw, sys_admin, perfmon and bpf by number, behind sudo
    assert codes_at(_postinst("sudo setcap '13,21,38,39+ep' /usr/local/bin/agent"), PRIVILEGED) == [3]
    assert codes_at(_postinst("setcap 21=ep /usr/bin/agent"), PRIVILEGED) == [3]


def test_a_numbers_and_names_mixed_are_a_grant() -> None:
    assert codes_at(_postinst("setcap cap_net_raw,13+ep /usr/bin/agent"), PRIVILEGED) == [3]


def test_a_numeric_capabilities_in_a_spec_caps_entry() -> None:
    spec = "Name: agent\n\n%files\n%caps(13+ep) /usr/bin/agent\n"
    assert codes_at({"agent.spec": spec}, PRIVILEGED) == [4]


def test_a_numeric_sets_that_clear_are_quiet() -> None:
    assert codes_at(_postinst("setcap '13,21-ep' /usr/bin/agent"), PRIVILEGED) == []
    assert codes_at(_postinst("setcap 13= /usr/bin/agent"), PRIVILEGED) == []
    assert codes_at(_postinst("setcap -r /usr/bin/agent"), PRIVILEGED) == []


def test_a_numbers_that_are_no_capability_set() -> None:
    assert grants_capabilities("13,21,38,39+ep") and grants_capabilities("cap_net_raw,13=ep")
    assert not grants_capabilities("123+ep")  # beyond libcap's 64 capabilities
    assert not grants_capabilities("1.5+ep") and not grants_capabilities("13") and not grants_capabilities("13-ep")
    # a chmod with a number is a mode, not a capability set
    assert codes_at(_postinst("chmod 755 /usr/bin/agent"), PRIVILEGED) == []
