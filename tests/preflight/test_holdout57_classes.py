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
