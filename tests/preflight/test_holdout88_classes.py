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


# -- B: a server's settings file switches its authentication off at the top level --------------------------------

AUTH = "preflight.authentication_disabled"


def test_b_top_level_authentication_switches_off() -> None:
    yaml = _text("auth_enabled: false", "", "server:", "  http_listen_port: 3100", "  grpc_listen_port: 9096")
    assert codes_at({"cmd/server/local-config.yaml": yaml}, AUTH) == [1]
    env = _text("# server", "VENDOR_PORT=8080", "DISABLE_AUTH=true")
    assert codes_at({".env.example": env}, AUTH) == [3]
    code_server = _text("bind-addr: 0.0.0.0:8080", "auth: none", "cert: false")
    assert codes_at({"config/config.yaml": code_server}, AUTH) == [2]
    toml = _text('title = "vendor"', "require_auth = false", "", "[http]", "port = 8080")
    assert codes_at({"etc/vendor.toml": toml}, AUTH) == [2]


def test_b_nested_switches_loopback_servers_and_other_files_stay_quiet() -> None:
    nested = _text("smtp:", "  host: mail.vendor.io", "  auth_enabled: false")
    assert codes_at({"config/config.yaml": nested}, AUTH) == []
    on = _text("auth_enabled: true", "server:", "  http_listen_port: 3100")
    assert codes_at({"config/config.yaml": on}, AUTH) == []
    loopback = _text("auth_enabled: false", "server:", "  http_listen_address: 127.0.0.1", "  http_listen_port: 3100")
    assert codes_at({"config/config.yaml": loopback}, AUTH) == []
    assert codes_at({"config/code-server.yaml": _text("bind-addr: localhost:8080", "auth: none")}, AUTH) == []
    section = _text("[mail]", "auth_enabled = false")
    assert codes_at({"etc/vendor.ini": section}, AUTH) == []
    source = _text("AUTH_ENABLED = False", "def main() -> None:", "    pass")
    assert codes_at({"vendor/settings.py": source}, AUTH) == []
    documented = _text("auth_enabled: false", "server:", "  http_listen_port: 9009")
    assert codes_at({"docs/configuration/single-process.yaml": documented}, AUTH) == []
    # a devstack plugin's or a test's server (round 16's cloudkitty devstack/files/loki-config.yaml): not the target's
    assert codes_at({"devstack/files/loki-config.yaml": documented}, AUTH) == []
    assert codes_at({"tests/fixtures/loki.yaml": documented}, AUTH) == []


# -- D: ``key:`` fields of a list under a setting named for keys (APISIX's ``admin_key:``) --------------------------

CRED = "preflight.hardcoded_credential"


def test_d_keys_listed_under_a_key_setting_are_secrets() -> None:
    yaml = _text(
        "gateway:",
        "  node_listen: 9080",
        "  admin_key:",
        "    -",
        '      name: "admin"',
        "      key: 9f3ac1e07b2d4e8fa61c5d0b37e2f914",
        "      role: admin",
        "    - name: viewer",
        "      key: 51d7e0a2c9b84f3e8a6d2c1b0f9e7a35",
        "  enable_ipv6: true",
        "  key: 1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f",
    )
    assert codes_at({"conf/config.yaml": yaml}, CRED) == [6, 9]
    tokens = _text("api_tokens:", "  - name: ci", "    token: Zq8vR2mK7pX4wN9sL3tY6bH1")
    assert codes_at({"config/vendor.yml": tokens}, CRED) == [3]


def test_d_public_keys_words_and_other_lists_stay_quiet() -> None:
    public = _text(
        "ssh_keys:", "  - name: ops", "    key: AAAAC3NzaC1lZDI1NTE5AAAAIGx7q2m9Zr8Kp4VwT1sYbN3cH6fJ0dL5eR2uQ7aW9oXy"
    )
    assert codes_at({"config/users.yml": public}, CRED) == []
    words = _text("admin_key:", "  - name: admin", "    key: changeme", "  - name: viewer", "    key: viewer-key-here")
    assert codes_at({"conf/config.yaml": words}, CRED) == []
    other = _text("translations:", "  - key: 9f3ac1e07b2d4e8fa61c5d0b37e2f914", "    value: Welcome back")
    assert codes_at({"conf/i18n.yaml": other}, CRED) == []
