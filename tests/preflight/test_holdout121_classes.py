"""Classes the hundred-and-twenty-first hold-out set showed (tests/preflight/holdout121: configuration files shipped
in upgrade packages, a seventh sample: Spring YAML, TOML, PHP settings, INI, `.conf` directives, `.env`, vhosts,
`my.cnf`), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
SECRET = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a redirect or callback setting written with a hyphen ------------------------------------------------------


def _oauth(key: str) -> str:
    return _text(
        "justauth:", "  type:", "    GITHUB:", "      client-id: abc", f"      {key}: http://sso.vendor.com/cb"
    )


def test_a_a_hyphenated_redirect_uri_is_the_products_own_address() -> None:
    for key in ("redirect-uri", "callback-url", "redirect.uri"):
        assert codes_at({"src/main/resources/application.yml": _oauth(key)}, ENDPOINT) == [], key


def test_a_a_hyphenated_host_setting_stays_reported() -> None:
    assert codes_at({"src/main/resources/application.yml": _oauth("token-uri")}, ENDPOINT) == [5]
