"""Classes the ninety-ninth hold-out set showed (tests/preflight/holdout99: configuration, env and credential files
of server products, a third sample of holdout88's population), each as its minimal construct next to a near-miss
that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

SECRET = "preflight.hardcoded_credential"
AUTH = "preflight.authentication_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: ``key = …`` under a TOML/INI section named for keys or signing ---------------------------------------------


def test_a_keys_of_a_signing_section_are_credentials() -> None:
    toml = _text(
        "[jwt.signing]",
        'key = "T3A0RDNWNU1HaA=="',
        "[jwt.filer_signing.read]",
        'key = "T1pPekFzNWV4OQ=="',
        "[[api_keys]]",
        'token = "9f2c1e7a4b8d3f60"',
    )
    assert codes_at({"etc/vendor/security.toml": toml}, SECRET) == [2, 4, 6]


def test_a_other_sections_public_keys_and_words_stay_quiet() -> None:
    quiet = _text(
        "[translations]",
        'key = "T3A0RDNWNU1HaA=="',
        "[ssh_keys]",
        'key = "T3A0RDNWNU1HaA=="',
        "[jwt.signing]",
        'key = "changeme"',
        "# key = T3A0RDNWNU1HaA==",
    )
    assert codes_at({"etc/vendor/security.toml": quiet}, SECRET) == []


# -- B: a broker's ``allow_anonymous=true`` outside a Mosquitto file -----------------------------------------------


def test_b_allow_anonymous_in_a_broker_settings_file() -> None:
    conf = _text("url=nmq-tcp://0.0.0.0:1883", "allow_anonymous=true")
    assert codes_at({"etc/nanomq.conf": conf}, AUTH) == [2]


def test_b_allow_anonymous_false_loopback_nested_or_mosquitto_stays_quiet() -> None:
    assert codes_at({"etc/nanomq.conf": _text("allow_anonymous=false")}, AUTH) == []
    assert codes_at({"etc/broker.conf": _text("bind_address=127.0.0.1", "allow_anonymous=true")}, AUTH) == []
    assert codes_at({"etc/broker.yml": _text("mqtt:", "  allow_anonymous: true")}, AUTH) == []
    # Mosquitto's own files are mosquitto_auth's, which reads listeners (here a Unix socket only)
    mosquitto = _text("listener 0 /run/m.sock", "allow_anonymous=true")
    assert codes_at({"etc/mosquitto/mosquitto.conf": mosquitto}, AUTH) == []


# -- C: a section's switch when the same section listens on every interface; an autoconf template ----------------


def test_c_listening_sections_switch_is_the_servers() -> None:
    arangod = _text("[server]", "endpoint = tcp://0.0.0.0:8529", "authentication = false", "[log]", "level = info")
    assert codes_at({"etc/arangodb3/arangod-docker.conf.in": arangod}, AUTH) == [3]
    influx = _text("[meta]", "dir = /var/lib/influxdb", "[http]", 'bind-address = ":8086"', "auth-enabled = false")
    assert codes_at({"etc/influxdb/influxdb.conf": influx}, AUTH) == [5]


def test_c_client_sections_and_switches_kept_on_stay_quiet() -> None:
    client = _text("[server]", "endpoint = tcp://127.0.0.1:8529", "authentication = false")
    assert codes_at({"etc/arangodb3/arangosh.conf": client}, AUTH) == []
    other = _text("[server]", "endpoint = tcp://0.0.0.0:8529", "[client]", "authentication = false")
    assert codes_at({"etc/arangodb3/arangod.conf": other}, AUTH) == []
    kept = _text("[server]", "endpoint = tcp://0.0.0.0:8529", "authentication = true")
    assert codes_at({"etc/arangodb3/arangod.conf.in": kept}, AUTH) == []
    documented = _text("[server]", "endpoint = tcp://[::]:8529", "authentication = false")
    assert codes_at({"docs/arangod.conf.in": documented}, AUTH) == []


# -- D: a dotted setting whose group the file switches off --------------------------------------------------------


def test_d_password_of_a_switched_off_dotted_group_is_not_in_effect() -> None:
    conf = _text("http_server.enable=false", "http_server.port=8081", "http_server.password=public")
    assert codes_at({"etc/nanomq.conf": conf}, SECRET) == []
    props = _text("spring.mail.enabled: false", "spring.mail.password: s3cr3tmail")
    assert codes_at({"src/main/resources/application.properties": props}, SECRET) == []


def test_d_group_on_other_group_or_flat_names_stay_reported() -> None:
    on = _text("http_server.enable=true", "http_server.password=public")
    assert codes_at({"etc/nanomq.conf": on}, SECRET) == [2]
    other = _text("bridge.enable=false", "http_server.password=public")
    assert codes_at({"etc/nanomq.conf": other}, SECRET) == [2]
    # flat names pair by name (prefix_switches; since session 32 for keyword passwords too): another feature's switch
    flat = _text("SMTP_ENABLED=false", "LDAP_PASSWORD=ldapsecret")
    assert codes_at({"deploy/.env": flat}, SECRET) == [2]


# -- E: a quantity about a key (its pool, its cooldown in nanoseconds) --------------------------------------------


def test_e_rate_limits_of_api_keys_are_not_keys() -> None:
    quiet = _text(
        "rate_limiting_api_key_pool = 10000",
        "rate_limiting_api_key_cooldown_ns = 500000",
        "api_key_burst = 20",
        "api_key_quota = 1000",
    )
    assert codes_at({"config.toml": quiet}, SECRET) == []


def test_e_keys_and_tokens_lists_stay_reported() -> None:
    conf = _text(
        'api_key = "9f2c1e7a4b8d3f60a1"',
        'api_tokens = "c0ffee9a7b3d2e1f44"',
        'master_key = "k7Qz9rLm2Xw4Tb8N"',
    )
    assert codes_at({"config.toml": conf}, SECRET) == [1, 2, 3]


# -- F: a password name qualified by the digest that stores it ----------------------------------------------------


def test_f_digest_qualified_password_name_is_the_accounts_login() -> None:
    props = _text("adminUser=admin", "adminMD5Password=5f4dcc3b5aa765d61d8327deb882cf99")
    assert codes_at({"core/src/main/resources/security.properties": props}, SECRET) == [2]
    yaml = _text("admin:", "  sha256_password: 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8")
    assert codes_at({"etc/vendor/accounts.yml": yaml}, SECRET) == [2]


def test_f_checksums_hash_named_settings_and_salted_digests_stay_quiet() -> None:
    quiet = _text(
        "package_md5=5f4dcc3b5aa765d61d8327deb882cf99",
        "password_hash=5f4dcc3b5aa765d61d8327deb882cf99",
        "root_password_sha2=5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
    )
    assert codes_at({"etc/vendor/vendor.properties": quiet}, SECRET) == []
    salted = _text("account:", "  md5Password: 1a67ab3b4a7c4e2e8c5f7d0b9e6a3f21", "  salt: 123")
    assert codes_at({"etc/vendor/accounts.yml": salted}, SECRET) == []
