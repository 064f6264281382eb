"""Classes the 257th hold-out set showed (tests/preflight/holdout257: configuration files shipped by self-hosted
products), each as its minimal construct next to near-misses."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.placeholder_hosts import placeholder_host

ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an IPv4 address written with ``x`` for its numbers ------------------------------------------------------------


def test_a_address_shaped_placeholders_are_not_contacts() -> None:
    settings = _text(
        "ldap:",  # 1
        "  url: ldap://x.x.x.x:x",  # 2: the shape of an address to fill in
        "orion:",  # 3
        "  urlCtxBrBase: https://xxx.xxx.xxx.xxx",  # 4
        "  backup: http://203.0.x.x:8080/api",  # 5: the numbers still to be written
    )
    assert codes_at({"config.sample.yml": settings}, ENDPOINT) == []


def test_a_names_and_real_addresses_with_x_stay_contacts() -> None:
    settings = _text(
        "social:",  # 1
        "  url: https://x.com/api",  # 2: a real name, one label of x
        "  mirror: https://x.x.x.x.vendor-cloud.io/feed",  # 3: five labels under a real domain
        "  relay: http://8.8.8.8:53",  # 4: an address written out
    )
    assert codes_at({"config.sample.yml": settings}, ENDPOINT) == [2, 3, 4]


def test_a_shape_needs_four_labels_of_digits_or_xs() -> None:
    assert placeholder_host("x.x.x.x")
    assert placeholder_host("XX.XX.XX.XX")
    assert placeholder_host("192.168.x.x")
    assert not placeholder_host("1.2.3.4")
    assert not placeholder_host("x.x")
    assert not placeholder_host("x.y.x.x")
    assert not placeholder_host("x.x.x.x.io")
