"""Classes the sixty-third hold-out set showed (tests/preflight/holdout63: compose files, env files and configs a
vendor ships with a release), each as its minimal construct next to a near-miss that must stay quiet or stay
reported."""

from __future__ import annotations

from preflight_kit import codes_at

CRED = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an example login block in a JSON config -------------------------------------------------------------------


def test_a_an_example_login_object_in_a_tab_indented_json_config_is_neither_credential_nor_endpoint() -> None:
    conf = _text(
        "{",
        '\t"smtp" : {',
        '\t\t"host" : "smtp.example.com:25",',
        '\t\t"user" : "username",',
        '\t\t"pass" : "password"',
        "\t},",
        '\t"db_path" : "vendor.db"',
        "}",
    )
    assert codes_at({"config.json": conf}, CRED) == []
    assert codes_at({"config.json": conf}, ENDPOINT) == []


def test_a_a_json_login_on_a_real_relay_or_with_a_real_user_stays_reported() -> None:
    real_host = _text(
        "{",
        '\t"smtp" : {',
        '\t\t"host" : "smtp.vendor-mail.net:25",',
        '\t\t"user" : "username",',
        '\t\t"pass" : "password"',
        "\t}",
        "}",
    )
    assert codes_at({"config.json": real_host}, CRED) == [5]
    real_user = _text(
        "{",
        '\t"smtp" : {',
        '\t\t"host" : "smtp.example.com:25",',
        '\t\t"user" : "mailer",',
        '\t\t"pass" : "password"',
        "\t}",
        "}",
    )
    assert codes_at({"config.json": real_user}, CRED) == [5]


# -- C: Kafka's host-name check switched off by an empty endpoint identification algorithm ------------------------

TLS = "preflight.tls_verification_disabled"


def test_c_an_empty_ssl_endpoint_identification_algorithm_turns_verification_off() -> None:
    compose = _text(
        "services:",
        "  ui:",
        "    environment:",
        "      KAFKA_CLUSTERS_0_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: '' # no host-name check",
        "  kafka:",
        "    environment:",
        "      - KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=",
    )
    assert codes_at({"docker-compose.yml": compose}, TLS) == [4, 7]
    props = _text("security.protocol=SSL", "ssl.endpoint.identification.algorithm=")
    assert codes_at({"config/client.properties": props}, TLS) == [2]


def test_c_the_https_algorithm_an_unset_key_and_a_comment_stay_quiet() -> None:
    compose = _text(
        "services:",
        "  kafka:",
        "    environment:",
        "      KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM: https",
        "      KAFKA_CLUSTERS_0_PROPERTIES_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM:",
    )
    assert codes_at({"docker-compose.yml": compose}, TLS) == []
    props = _text("# ssl.endpoint.identification.algorithm=", "ssl.endpoint.identification.algorithm=https")
    assert codes_at({"config/client.properties": props}, TLS) == []


# -- E: a password given as a URL's query parameter ---------------------------------------------------------------


def test_e_a_password_query_parameter_of_a_url_is_a_credential() -> None:
    compose = _text(
        "services:",
        "  app:",
        "    environment:",
        '      NC_DB: "pg://root_db:5432?u=postgres&p=vendorpw&d=root_db"',
    )
    assert codes_at({"docker-compose.yml": compose}, CRED) == [4]
    env = _text("DB_URL=jdbc:postgresql://db:5432/app?user=app&password=vendorpw")
    assert codes_at({".env": env}, CRED) == [1]


def test_e_a_reference_a_placeholder_a_lone_p_or_a_commented_url_stays_quiet() -> None:
    env = _text(
        "DB_URL=jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}",
        "DB_URL2=jdbc:postgresql://db:5432/app?user=app&password=<password>",
        "PAGE=https://vendor.example.org/list?p=23456&sort=name",  # a page number, no ``u`` beside it
        "PING=https://ping.vendor.net/ping?h=vendor.com&p=%2Fsupport%2Fping&u=3",  # a web URL's page parameters
        "# DB_URL=jdbc:postgresql://db:5432/app?user=app&password=vendorpw",
        "DB_URL3=jdbc:postgresql://db:5432/app?user=app&passwordFile=/run/secrets/db",
    )
    assert codes_at({".env": env}, CRED) == []


def test_e_a_flag_in_an_escaped_json_string_is_no_password() -> None:
    # packages round 4 (zou's OpenAPI samples): the URL ends at the backslash of ``\"``, so ``false`` is the value
    samples = _text(
        "{",
        '  "source": "curl -X GET \\"http://api.vendor.org/persons?page=1&with_pass_hash=false\\" -H x",',
        '  "other": "curl \\"jdbc:postgresql://db/app?user=app&password=vendorpw\\" x"',
        "}",
    )
    assert codes_at({"config/samples.json": samples}, CRED) == [3]


# -- D: a Go MySQL DSN (no scheme) carries its password between ``:`` and ``@tcp(`` ---------------------------------


def test_d_a_go_mysql_dsn_password_is_a_credential_at_any_length() -> None:
    conf = _text("driverName = mysql", "dataSourceName = root:123@tcp(localhost:3306)/", "dbName = vendor")
    assert codes_at({"conf/app.conf": conf}, CRED) == [2]
    assert codes_at({"config.yaml": _text('dsn: "app:vendorpw@unix(/run/mysqld/mysqld.sock)/app"')}, CRED) == [1]


def test_d_a_go_dsn_of_field_names_a_reference_a_comment_or_no_password_stays_quiet() -> None:
    conf = _text(
        'dsn = "user:password@tcp(127.0.0.1:3306)/db"',
        "dsn2 = root:${DB_PASS}@tcp(db:3306)/app",
        "# dsn = root:vendor@tcp(db:3306)/app",
        "dsn3 = root@tcp(db:3306)/app",
    )
    assert codes_at({"conf/app.conf": conf}, CRED) == []


# -- F: ``secret`` under a key that signs, in configuration ------------------------------------------------------


def test_f_secret_under_a_signing_key_name_in_a_compose_file_is_the_key() -> None:
    compose = _text(
        "services:",
        "  api:",
        "    environment:",
        "      DJANGO_SECRET_KEY: secret",
        "      JWT_SECRET: secret",
    )
    assert codes_at({"docker-compose.yml": compose}, CRED) == [4, 5]


def test_f_secret_naming_a_mount_or_in_program_source_stays_quiet() -> None:
    compose = _text("services:", "  api:", "    environment:", "      secrets_mount: secret", "      VAULT_KV: secret")
    assert codes_at({"docker-compose.yml": compose}, CRED) == []
    assert codes_at({"app/config.py": _text("SECRET_KEY = 'secret'")}, CRED) == []
