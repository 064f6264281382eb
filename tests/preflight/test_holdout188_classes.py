"""Classes the hundred-and-eighty-eighth hold-out set showed (tests/preflight/holdout188: configuration files shipped
by self-hosted products), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
DEFAULT = "preflight.default_credential"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a compose command's ``${PW:-literal}`` is one default, though two readers see it -------------------------------


def _database(check: str, *environment: str) -> str:
    """A compose database service with a ``command:`` (so its commands are read as a script too) and a health check."""
    return _text(
        "services:",
        "  db:",
        "    image: mariadb:10.8.2",
        '    command: "mysqld --character-set-server=utf8"',
        "    healthcheck:",
        f"      test: '{check}'",
        *environment,
    )


def test_a_a_health_checks_default_password_is_reported_once() -> None:
    text = _database('mysql --user=${DB_USER:-app} --password=${DB_PASSWORD:-app} --execute "SHOW DATABASES;"')
    assert codes_at({"docker-compose.yml": text}, DEFAULT) == [6]


def test_a_the_same_default_on_another_line_stays_reported() -> None:
    text = _database(
        'mysql --password=${DB_PASSWORD:-app} --execute "SHOW DATABASES;"',
        "    environment:",
        "      MYSQL_PASSWORD: ${DB_PASSWORD:-app}",
        "      MYSQL_ROOT_PASSWORD: ${ROOT_PASSWORD:?set ROOT_PASSWORD}",
    )
    assert codes_at({"docker-compose.yml": text}, DEFAULT) == [6, 8]


# -- B: a URL in the sentence of a JSON comment key is text -----------------------------------------------------------


def test_b_a_url_in_a_json_comment_keys_sentence_is_not_contacted() -> None:
    text = _text(
        "{",
        '  "__comment1__": "Refer to https://docs.vendor.io/guide first.",',
        '  "letsencrypt": {',
        '    "__comment__": "Go to https://letsdebug.net/ first before trying.",',
        '    "_comment": "see http://status.vendor.io",',
        '    "//": "or https://forum.vendor.io",',
        '    "production": false',
        "  }",
        "}",
    )
    assert codes_at({"config.json": text}, ENDPOINT) == []


def test_b_a_setting_named_after_comments_stays_contacted() -> None:
    text = _text("{", '  "commentsApi": "https://comments.vendor.io/api",', '  "comment_1x": "https://x.vendor.io"')
    assert codes_at({"config.json": text + "}\n"}, ENDPOINT) == [2, 3]


# -- C: a block's ``<Feature>Enabled: false`` switches off the settings named for the feature -------------------------


def _rabbit(switch: str, *settings: str) -> str:
    return _text("{", '  "Rabbit": {', f"    {switch}", '    "RabbitHostName": "mq.internal",', *settings, "  }", "}")


def test_c_a_feature_switched_off_by_its_named_field_keeps_its_password_quiet() -> None:
    text = _rabbit('"RabbitEnabled": false,', '    "RabbitUsername": "shop",', '    "RabbitPassword": "Sh0pMq77"')
    assert codes_at({"App_Data/appsettings.json": text}, CREDENTIAL) == []
    yaml = _text("cache:", "  rabbit_enabled: no", "  rabbit_password: Sh0pMq77")
    assert codes_at({"config/settings.yml": yaml}, CREDENTIAL) == []


def test_c_a_switch_on_another_feature_or_a_check_leaves_the_password_read() -> None:
    on = _rabbit('"RabbitEnabled": true,', '    "RabbitPassword": "Sh0pMq77"')
    check = _rabbit('"AuthEnabled": false,', '    "AuthPassword": "Sh0pMq77"')
    longer = _rabbit('"RabbitEnabled": false,', '    "RabbitmqPassword": "Sh0pMq77"')
    for text in (on, check, longer):
        assert codes_at({"App_Data/appsettings.json": text}, CREDENTIAL) == [5]


# -- E: the items of ``secrets:`` → ``keys:`` are the keys a product signs with ----------------------------------------


def test_e_a_key_listed_under_secrets_keys_is_a_credential() -> None:
    text = _text("saml:", "  enabled: false", "secrets:", "  keys:", "    - abcedfghijklmnopqrstuvwxyz", "server:")
    assert codes_at({"backend/config/config.yaml": text}, CREDENTIAL) == [5]


def test_e_keys_elsewhere_or_references_under_secrets_keys_stay_quiet() -> None:
    cache = _text("cache:", "  keys:", "    - sessions", "    - tokens")
    reference = _text("secrets:", "  keys:", "    - ${SESSION_KEY}", "  rotate: true")
    fields = _text("secrets:", "  keys:", "    - password", "    - tls.crt", "    - apiKey")
    for text in (cache, reference, fields):
        assert codes_at({"config/config.yaml": text}, CREDENTIAL) == []
