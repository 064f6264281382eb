"""Classes the ninety-seventh hold-out set showed (tests/preflight/holdout97: configuration, env and credential files
shipped with a release, a second sample of holdout88's population), each as its minimal construct next to a
near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

SECRET = "preflight.hardcoded_credential"
TLS = "preflight.tls_verification_disabled"
AUTH = "preflight.authentication_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an account's ``credential`` is its password, a word included ------------------------------------------------


def test_a_account_credentials_are_passwords() -> None:
    accounts = _text(
        "account:",
        "  - appId: admin",
        "    credential: admin",
        "    role: [admin]",
        "  - appId: tom",
        "    credential: tom@123",
    )
    assert codes_at({"conf/sureness.yml": accounts}, SECRET) == [3, 6]
    assert codes_at({"etc/vendor.properties": _text("admin_credential=letmein")}, SECRET) == [1]


def test_a_credential_files_references_and_placeholders_stay_quiet() -> None:
    quiet = _text(
        "KAFKA_SSL_KEYSTORE_CREDENTIALS: creds",
        "credential_id: github-deploy",
        "credential: ${VENDOR_CREDENTIAL}",
        "credential: REPLACE_ME",
        "# credential: admin",
    )
    assert codes_at({"conf/vendor.yml": quiet}, SECRET) == []


# -- B: a setting that turns the host-name check on, set false ------------------------------------------------------


def test_b_hostname_verification_switched_off() -> None:
    conf = _text("webServiceUrl=http://localhost:8080/", "tlsEnableHostnameVerification=false")
    assert codes_at({"conf/client.conf": conf}, TLS) == [2]
    yaml = _text("client:", "  ssl.hostname.verification.enable: false", "  verify_hostname: no")
    assert codes_at({"etc/vendor/client.yml": yaml}, TLS) == [2, 3]


def test_b_hostname_checks_kept_or_double_negatives_stay_quiet() -> None:
    quiet = _text(
        "tlsEnableHostnameVerification=true",
        "tlsAllowInsecureConnection=false",
        "skip_hostname_verification=false",
        "hostname_verification_disabled=false",
        "# tlsEnableHostnameVerification=false",
        "hostname=false",
    )
    assert codes_at({"conf/client.conf": quiet}, TLS) == []


# -- C: a server's login switch, nested under the product's own section -------------------------------------------


def test_c_nested_login_switch_off() -> None:
    yaml = _text(
        "server:", "  port: 8080", "rocketmq:", "  config:", "    dataPath: /tmp/data", "    loginRequired: false"
    )
    assert codes_at({"src/main/resources/application.yml": yaml}, AUTH) == [6]
    props = _text("server.port=8080", "security.require-login=false")
    assert codes_at({"conf/application.properties": props}, AUTH) == [2]
    ini = _text("[web]", "port = 8080", "login_required = false")
    assert codes_at({"etc/vendor.ini": ini}, AUTH) == [3]


def test_c_login_switch_on_commented_loopback_or_in_source_stays_quiet() -> None:
    on = _text("rocketmq:", "  config:", "    loginRequired: true", "    # loginRequired: false")
    assert codes_at({"src/main/resources/application.yml": on}, AUTH) == []
    loopback = _text("server:", "  bind_address: 127.0.0.1", "console:", "  loginRequired: false")
    assert codes_at({"config/config.yaml": loopback}, AUTH) == []
    nested_auth = _text("smtp:", "  host: mail.vendor.io", "  auth_enabled: false")
    assert codes_at({"config/config.yaml": nested_auth}, AUTH) == []
    source = _text("LOGIN_REQUIRED = False", "def main() -> None:", "    pass")
    assert codes_at({"vendor/settings.py": source}, AUTH) == []


# -- D: a password's hex digest beside its salt -------------------------------------------------------------------


def test_d_salted_digest_is_not_the_password() -> None:
    accounts = _text(
        "account:",
        "  - appId: lili",
        "    credential: 1A676730B0C7F54654B0E09184448289",
        "    salt: 123",
        "    role: [guest]",
    )
    assert codes_at({"conf/sureness.yml": accounts}, SECRET) == []
    props = _text("admin.password=8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918", "admin.salt=x1")
    assert codes_at({"conf/users.properties": props}, SECRET) == []


def test_d_hex_password_without_salt_or_salt_elsewhere_is_reported() -> None:
    alone = _text("DB_USER=app", "DB_PASSWORD=3f2a9c41d07be85a6c1f2e9d4b7a0c53")
    assert codes_at({".env.example": alone}, SECRET) == [2]
    elsewhere = _text(
        "database:",
        "  password: 3f2a9c41d07be85a6c1f2e9d4b7a0c53",
        "hashing:",
        "  salt: pepper",
    )
    assert codes_at({"config/config.yml": elsewhere}, SECRET) == [2]
    word = _text("account:", "  - appId: admin", "    password: admin", "    salt: 123")
    assert codes_at({"conf/sureness.yml": word}, SECRET) == [3]


# -- E: a placeholder written as one run of capitals ---------------------------------------------------------------


def test_e_instruction_run_together_is_a_placeholder() -> None:
    yaml = _text("cookie_secret: REPLACEMEWITHARANDOMKEY", "shared_secret: ReplaceMeWithYourSecret")
    assert codes_at({"examples/config/config.docker.yaml": yaml}, SECRET) == []


def test_e_replaceme_words_deployments_run_with_are_reported() -> None:
    yaml = _text("db_password: changeme", "admin_password: replacement")
    assert codes_at({"config/config.yaml": yaml}, SECRET) == [1, 2]


# -- G: a password inside a YAML block the same block switches off -------------------------------------------------


def test_g_password_of_a_switched_off_block_is_not_in_effect() -> None:
    yaml = _text(
        "ldap:",
        "    base-dn: dc=vendor,dc=com",
        "    enable: false  # ldap enabled",
        "    username: cn=Manager,dc=vendor,dc=com",
        "    password: vendorpass",
        "    urls: ldap://ldap.vendor.internal:389",
    )
    assert codes_at({"conf/config.yaml": yaml}, SECRET) == []


def test_g_switched_on_other_blocks_and_flat_files_stay_reported() -> None:
    on = _text("ldap:", "    enable: true", "    password: vendorpass")
    assert codes_at({"conf/config.yaml": on}, SECRET) == [3]
    other = _text("sso:", "    enabled: false", "ldap:", "    password: vendorpass")
    assert codes_at({"conf/config.yaml": other}, SECRET) == [4]
    deeper = _text("ldap:", "    enabled: false", "    bind:", "        password: vendorpass")
    assert codes_at({"conf/config.yaml": deeper}, SECRET) == [4]
    top = _text("enabled: false", "password: vendorpass")
    assert codes_at({"conf/config.yaml": top}, SECRET) == [2]
    # a flat file pairs a switch with a password by name (prefix_switches): since session 32 the password is out too,
    # as its host and a URL password were (holdout146's MiroTalk, holdout88's OpenLDAP); another feature's is not
    env = _text("SMTP_ENABLED=false", "LDAP_PASSWORD=vendorpass")
    assert codes_at({".env.example": env}, SECRET) == [2]


def test_b_program_source_assignment_is_left_to_the_code_readers() -> None:
    source = _text("import ssl", "ctx = ssl.create_default_context()", "ctx.check_hostname = False")
    assert codes_at({"vendor/wallets/rest.py": source}, TLS) == []
