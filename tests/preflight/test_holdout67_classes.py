"""Classes the sixty-seventh hold-out set showed (tests/preflight/holdout67: configuration, env and credential files a
vendor ships with a release, short and descriptive passwords beside values that say to replace them), each as its
minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

CRED = "preflight.hardcoded_credential"
DEFAULT = "preflight.default_credential"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: a setting named for Redis' AUTH command holds Redis' password ---------------------------------------------


def test_b_a_redis_auth_fallback_in_a_compose_file_is_a_default_credential() -> None:
    compose = _text(
        "services:",
        "  worker:",
        "    environment:",
        "      REDIS_AUTH: ${REDIS_AUTH:-vendorredis}",
        "  redis:",
        "    image: redis:7",
        "    command: >",
        "      --requirepass ${REDIS_AUTH:-vendorredis}",
    )
    assert codes_at({"docker-compose.yml": compose}, DEFAULT) == [4, 8]
    assert codes_at({".env": _text("REDIS_AUTH=vendorredis")}, CRED) == [1]


def test_b_an_auth_switch_or_mechanism_stays_quiet() -> None:
    env = _text("REDIS_AUTH_ENABLED=true", "SMTP_AUTH=login", "MAIL_AUTH=plain", "REDIS_AUTH=")
    assert codes_at({".env": env}, CRED) == []
    compose = _text(
        "services:",
        "  worker:",
        "    environment:",
        "      REDIS_AUTH_ENABLED: ${REDIS_AUTH_ENABLED:-true}",
        "      REDIS_AUTH: ${REDIS_AUTH:-}",
    )
    assert codes_at({"docker-compose.yml": compose}, DEFAULT) == []


# -- E: in a PHP settings file, an element of the settings array that spells its key is a weak password -----------


def test_e_a_settings_array_password_that_spells_its_key_is_reported() -> None:
    conf = _text(
        "<?php",
        "$conf['settings']['database']['user'] = 'vendor_user';",
        "$conf['settings']['database']['password'] = 'password';",
    )
    assert codes_at({"config/config.dist.php": conf}, CRED) == [3]
    assert codes_at({"config.php": _text("<?php", "$db['password'] = 'password';")}, CRED) == [2]


def test_e_a_field_map_outside_a_settings_file_or_in_an_array_literal_stays_quiet() -> None:
    assert codes_at({"lib/forms.php": _text("<?php", "$fields['password'] = 'password';")}, CRED) == []
    assert codes_at({"config.php": _text("<?php", "$fields = ['password' => 'password'];")}, CRED) == []
    assert codes_at({"lib/fields.php": _text("<?php", "$map['user']['password'] = 'password';")}, CRED) == []


# -- G: a URL in a trailing // comment of program source is a comment's ------------------------------------------


def test_g_a_url_in_a_php_trailing_comment_is_not_an_endpoint() -> None:
    conf = _text(
        "<?php",
        "$conf['settings']['default.timezone'] = 'Etc/UTC';   // look up here http://php.net/manual/en/timezones.php",
    )
    assert codes_at({"config/config.dist.php": conf}, ENDPOINT) == []
    js = _text("const zone = 'UTC'; // see https://momentjs.com/timezone/")
    assert codes_at({"lib/settings.js": js}, ENDPOINT) == []


def test_g_the_setting_before_the_comment_stays_an_endpoint() -> None:
    conf = _text("<?php", "$url = 'https://api.vendor-cloud.com/v1'; // the vendor's API")
    assert codes_at({"config/config.php": conf}, ENDPOINT) == [2]
    python = _text("API = 'https://api.vendor-cloud.com/v1'  # see https://docs.vendor-cloud.com")
    assert codes_at({"settings.py": python}, ENDPOINT) == [1]


# -- H: a sentence run together in CamelCase that tells the reader to change or set the value ---------------------


def test_h_a_camel_case_instruction_is_a_description() -> None:
    env = _text("APP_SECRET=ThisTokenIsNotSoSecretChangeIt", "SESSION_SECRET=YouMustSetASecretKeyHere!!")
    assert codes_at({".env": env}, CRED) == []


def test_h_changeit_and_changeme_alone_stay_passwords() -> None:
    env = _text(
        "KEYSTORE_PASSWORD=changeit",
        "APP_SECRET=ChangeIt",
        "DB_PASSWORD=changeme",
        "ADMIN_PASSWORD=Sphere2024",
    )
    assert codes_at({".env": env}, CRED) == [1, 2, 3, 4]


# -- D: an INI file named .php behind a PHP guard, and a three-character password under a password name ------------


def test_d_an_ini_file_behind_a_php_guard_is_configuration_and_its_short_password_is_reported() -> None:
    conf = _text(
        "; <?php exit(); // DO NOT DELETE ?>",
        "; DO NOT DELETE THE ABOVE LINE!!!",
        "[database]",
        "username = vendor",
        "password = ojs",
        "",
        "[oai]",
        "repository_id = oai.vendor-journals.org",
    )
    assert codes_at({"config.TEMPLATE.inc.php": conf}, CRED) == [5]
    assert codes_at({"config.TEMPLATE.inc.php": conf}, ENDPOINT) == []
    assert codes_at({"conf/app.ini": _text("[database]", "db_password = ab1")}, CRED) == [2]


def test_d_short_technical_words_placeholders_and_php_source_stay_quiet() -> None:
    conf = _text(
        "[database]",
        "password_encryption = md5",
        "pass = off",
        "password = xxx",
        "password = 123",
        "password_min = abc",
        "auth_password = foo",
    )
    assert codes_at({"conf/app.ini": conf}, CRED) == []
    assert codes_at({"lib/db.php": _text("<?php", "$password = 'ojs';")}, CRED) == []
    assert codes_at({"tests/fixtures/app.ini": _text("password = ojs")}, CRED) == []
    assert codes_at({"conf/app.ini": _text("repository_url = https://oai.vendor-journals.org/")}, ENDPOINT) == [1]


# -- F: a quoted value before a trailing comment is the quoted text; a repeated character is a key's shape -------


def test_f_a_quoted_password_before_a_trailing_comment_is_read() -> None:
    compose = _text(
        "services:",
        "  web:",
        "    environment:",
        '      DB_PASSWORD: "vendordb" # CHANGEME',
        '      NEXTAUTH_SECRET: "vendorsecret" # CHANGEME',
    )
    assert codes_at({"docker-compose.yml": compose}, CRED) == [4, 5]


def test_f_a_zero_filled_key_a_reference_and_a_bare_salt_stay_quiet() -> None:
    env = _text(
        'ENCRYPTION_KEY="0000000000000000000000000000000000000000000000000000000000000000" # openssl rand -hex 32',
        'DB_PASSWORD="${DB_PASSWORD}" # from the environment',
        "SALT=Eech7co8Ohloopo9Ol6b",
    )
    assert codes_at({".env": env}, CRED) == []


def test_f_a_program_constant_before_a_trailing_comment_stays_quiet() -> None:
    # packages round 4's calibre-web: a module constant under a token name, marked for a linter, is not a secret
    source = _text(
        "import time",
        "gdrive_watch_callback_token = 'target=calibreweb-watch_files'  # nosec",
    )
    assert codes_at({"src/app/cps/gdrive.py": source}, CRED) == []
