"""Classes the fifty-seventh hold-out set showed (tests/preflight/holdout57: env files, YAML and INI samples and PHP
settings files a vendor ships), each as its minimal construct next to a near-miss that must stay quiet or stay
reported."""

from __future__ import annotations

from preflight_kit import codes_at

CRED = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: the field's own name in capitals written where its value goes --------------------------------------------


def test_a_field_name_in_capitals_where_the_password_goes_is_a_placeholder() -> None:
    for path, conf in (
        ("config.sample.yml", _text("ldap:", "  enabled: false", "  bindCredentials: BIND_PASSWORD")),
        ("release/config.ini.sample", _text("[default]", "passwordSecret=VENDOR_PASSWORD")),
        ("config.dist.php", _text("<?php", "$proxy_user = 'USERNAME';", "$proxy_pass = 'PASSWORD';")),
        (".env.example", _text("MAIL_PASSWORD=SMTP_SECRET")),
    ):
        assert codes_at({path: conf}, CRED) == [], conf


def test_a_password_that_is_a_word_or_a_capitals_value_with_more_stays_reported() -> None:
    # lower-case ``password`` is a weak password; a word joined by a hyphen and a mixed-case value are values
    assert codes_at({"config.yml": _text("auth:", "  password: password")}, CRED) == [2]
    assert codes_at({"redis.conf": _text("requirepass CHANGEME-PASSWORD")}, CRED) == [1]
    assert codes_at({".env": _text("DB_PASSWORD=Password_2024")}, CRED) == [1]
    assert codes_at({".env": _text("DB_PASSWORD=VENDORDB")}, CRED) == [1]


# -- B: a key that encrypts or signs, given a word rather than a random string --------------------------------------


def test_a_word_under_an_encryption_master_or_salt_key_name_is_a_credential() -> None:
    env = _text(
        "API_ENCRYPTION_KEY=testsecret", "LITELLM_MASTER_KEY=vendor", "LITELLM_SALT_KEY=vendor", "JWT_KEY=vendorjwt"
    )
    assert codes_at({"hosting/hosting.properties": env}, CRED) == [1, 2, 3, 4]


def test_key_settings_that_hold_no_key_or_a_public_id_stay_quiet() -> None:
    env = _text(
        "PUSHER_APP_KEY=vendor-app",  # an application's public id: taken only when random
        "MASTER_KEY_FILE=/etc/vendor/master.key",
        "ENCRYPTION_KEY=",
        "SIGNING_KEY_ALGORITHM=RS256",
        "JWT_KEY_ID=main",
        "SALT_KEY=${SALT_KEY}",
        "ENCRYPTION_KEY=<ENCRYPTION_KEY_MUST_BE_32_LONG>",
    )
    assert codes_at({".env": env}, CRED) == []


# -- C: a login that spells the field names on a host reserved for examples is an example block -------------------


def test_an_example_login_block_is_neither_a_credential_nor_an_endpoint() -> None:
    yml = _text(
        "production:",
        '  address: "smtp.example.com"',
        '  user_name: "user"',
        '  password: "password"',
        "staging:",
        "  delivery_settings:",
        "    address: mail.example.org",
        "    username: username",
        "    password: passwd",
    )
    assert codes_at({"config/outgoing_mail.yml.example": yml}, CRED) == []
    assert codes_at({"config/outgoing_mail.yml.example": yml}, ENDPOINT) == []
    env = _text("EMAIL_HOST=smtp.host.example.com", "EMAIL_HOST_USER=user", "EMAIL_HOST_PASSWORD=password")
    assert codes_at({"docker/.env": env}, CRED) == []
    assert codes_at({"docker/.env": env}, ENDPOINT) == []


def test_a_block_with_a_real_host_user_or_password_stays_reported() -> None:
    def block(host: str, user: str, password: str) -> str:
        return _text("smtp:", f"  address: {host}", f"  user_name: {user}", f"  password: {password}")

    # a public relay with the field-name login: the password and the host are what the product uses
    assert codes_at({"config/mail.yml": block("smtp.vendor-mail.io", "user", "password")}, CRED) == [4]
    assert codes_at({"config/mail.yml": block("smtp.vendor-mail.io", "user", "password")}, ENDPOINT) == [2]
    # a real account or a real password on the example host
    assert codes_at({"config/mail.yml": block("smtp.example.com", "canvas", "password")}, CRED) == [4]
    assert codes_at({"config/mail.yml": block("smtp.example.com", "user", "Vendor2024")}, CRED) == [4]
    # a container's database created with user/password: a weak login that works
    assert codes_at({".env": _text("DB_HOST=mariadb", "DB_USER=user", "DB_PASSWORD=password")}, CRED) == [3]
    # the settings of another block of the same file do not make an example of this one
    env = _text("MAIL_HOST=smtp.example.com", "MAIL_USER=user", "DB_USER=user", "DB_PASSWORD=password")
    assert codes_at({".env": env}, CRED) == [4]


# -- D: ``secret`` under a password name is Homestead's conventional password; a placeholder key's passphrase is not --


def test_secret_under_a_password_name_is_a_credential() -> None:
    env = _text("DB_USERNAME=homestead", "DB_PASSWORD=secret", "MONGO_INITDB_ROOT_PASSWORD=secret")
    assert codes_at({".env.example": env}, CRED) == [2, 3]
    # under a name that is not a password's, ``secret`` names a mount, a scope or a kind (buildbot's Vault provider)
    assert (
        codes_at({"vendor/providers/vault.py": _text("if mount is None:", '    secrets_mount = "secret"')}, CRED) == []
    )
    assert codes_at({"config.yml": _text("vault:", "  secret_engine: secret")}, CRED) == []


def test_the_passphrase_of_a_placeholder_key_file_stays_quiet_and_of_a_real_one_is_reported() -> None:
    def role(key_file: str) -> str:
        return _text(
            "vendor_http_enable_tls: False",
            f'vendor_http_tls_key_file: "{key_file}"',
            'vendor_http_tls_key_password: "secret"',
        )

    assert codes_at({"defaults/main.yml": role("/path/to/vendor.key")}, CRED) == []
    assert codes_at({"defaults/main.yml": role("/etc/vendor/tls.key")}, CRED) == [3]
    flat = _text("SSL_KEY_FILE=/path/to/server.key", "SSL_KEY_PASSWORD=vendorpass")
    assert codes_at({".env": flat}, CRED) == []
    # another setting's placeholder path leaves this passphrase reported
    other = _text("CA_FILE=/path/to/ca.pem", "SSL_KEY_FILE=/etc/ssl/private/vendor.key", "SSL_KEY_PASSWORD=vendorpass")
    assert codes_at({".env": other}, CRED) == [3]
