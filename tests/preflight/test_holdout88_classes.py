"""Classes the eighty-eighth hold-out set showed (tests/preflight/holdout88: configuration, env and credential files
shipped with a release: ``.env`` samples, a compose environment block, YAML and ``.properties`` settings of server
products), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

TLS = "preflight.tls_verification_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a setting that ignores the peer's certificate, also under a product's prefix ------------------------------


def test_a_ignore_ssl_settings_turn_verification_off() -> None:
    compose = _text(
        "services:",
        "  exporter:",
        "    image: vendor/exporter:1.0",
        "    environment:",
        '      VENDOR_HOST: "vcenter.internal.example"',
        '      VENDOR_IGNORE_SSL: "True"',
    )
    assert codes_at({"docker-compose.yml": compose}, TLS) == [6]
    yaml = _text("default:", "  vendor_user: 'monitor'", "  ignore_ssl: True")
    assert codes_at({"config.yml.sample": yaml}, TLS) == [3]
    ini = _text("[client]", "ignore_ssl_errors = yes", "skip_cert_verification = 1")
    assert codes_at({"etc/vendor/client.conf": ini}, TLS) == [2, 3]


def test_a_settings_that_keep_the_check_or_choose_plaintext_stay_quiet() -> None:
    kept = _text(
        "environment:",
        '  VENDOR_IGNORE_SSL: "False"',
        "  ignore_ssl: 0",
        "  # ignore_ssl: true",
        "  disable_ssl: true",
        "  no_tls: true",
        "  ignore_ssl_hosts: vendor.internal",
    )
    assert codes_at({"docker-compose.yml": kept}, TLS) == []
