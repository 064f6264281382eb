"""Classes of ``external_endpoint`` (and the ``hardcoded_credential`` beside it) the hold-out guard showed in session
32, each as its minimal construct next to near-misses that must stay quiet: an address option given to the product's
own command through a variable (holdout138's ``--api-url "$API_URL"``, holdout83's ``docker run -e SSM_URL=…``), and
an example login whose user is a mailbox under a domain reserved for examples (holdout249's 5000mails, holdout257's
devscript), and the secrets of a feature an env file switches off by name (holdout146's MiroTalk)."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

ENDPOINT = "preflight.external_endpoint"
CREDENTIAL = "preflight.hardcoded_credential"

# -- A: an option naming the address the product connects to, also through a variable --------------------------------


def test_a_api_url_option_through_a_defaulted_variable_is_a_contact() -> None:
    lines = (
        'API_URL="${2:-https://api.vendor-cloud.io}"',
        "/opt/agent/bin/agent setup --token x \\",
        '  --api-url "$API_URL"',
    )
    assert in_script(ENDPOINT, *lines) == [5]


def test_a_container_env_setting_naming_the_service_url_is_a_contact() -> None:
    lines = ('SSMURL="https://api.vendor-cloud.io"', 'docker run -d -e SSM_URL="${SSMURL}" vendor/agent:latest')
    assert in_script(ENDPOINT, *lines) == [4]


def test_a_literal_option_value_is_a_contact() -> None:
    assert in_script(ENDPOINT, "/opt/agent/bin/agent register --manager-server=https://manage.vendor-cloud.io") == [3]


def test_a_the_products_own_address_option_is_quiet() -> None:
    lines = ('SITE="https://wiki.vendor-cloud.io"', 'wp core install --site-url="$SITE" --title=Wiki')
    assert in_script(ENDPOINT, *lines) == []
    assert in_script(ENDPOINT, 'DOCS="https://docs.vendor-cloud.io"', 'tool init --docs-url "$DOCS"') == []


def test_a_an_unqualified_or_host_only_option_is_quiet() -> None:
    assert in_script(ENDPOINT, 'U="https://api.vendor-cloud.io"', 'tool init --url "$U"') == []
    assert in_script(ENDPOINT, 'H="db.vendor-cloud.io"', 'tool init --db-host "$H"') == []
    assert in_script(ENDPOINT, "docker run -d -e APP_HOST=db.vendor-cloud.io vendor/app") == []


def test_a_a_loopback_address_option_is_quiet() -> None:
    assert in_script(ENDPOINT, 'API="http://127.0.0.1:8080"', 'agent setup --api-url "$API"') == []


# -- B: an example login whose user is a mailbox under a domain reserved for examples --------------------------------

_YAML_LOGIN = (
    'smtp:\n  host: "smtp.example.com"\n  port: 587\n  username: "you@example.com"\n  password: "{password}"\n'
)


def test_b_example_mailbox_user_makes_the_host_the_examples() -> None:
    files = {"config.example.yml": _YAML_LOGIN.format(password="your-password")}
    assert codes_at(files, ENDPOINT) == []


def test_b_the_password_beside_it_is_still_judged_on_its_own() -> None:
    files = {"config.example.yml": _YAML_LOGIN.format(password="secret")}
    assert codes_at(files, ENDPOINT) == []
    assert codes_at(files, CREDENTIAL) == [5]


def test_b_flat_env_block_with_an_example_mailbox_user() -> None:
    text = 'SMTP_HOST="smtp.example.com"\nSMTP_PORT=587\nSMTP_USER="hello@example.com"\nSMTP_PASSWORD="your-password"\n'
    assert codes_at({".env.example": text}, ENDPOINT) == []


def test_b_a_real_mailbox_on_an_example_host_is_still_reported() -> None:
    files = {"config.yml": _YAML_LOGIN.replace("you@example.com", "news@vendor-mail.io").format(password="x")}
    assert codes_at(files, ENDPOINT) == [2]


def test_b_an_example_mailbox_beside_a_real_relay_is_still_reported() -> None:
    files = {"config.yml": _YAML_LOGIN.replace("smtp.example.com", "smtp.vendor-mail.io").format(password="x")}
    assert codes_at(files, ENDPOINT) == [2]


def test_b_an_example_host_without_a_login_is_reported_like_any_name() -> None:
    files = {"config.yml": 'monitors:\n  - url: "https://git.example.com"\n    enabled: true\n'}
    assert codes_at(files, ENDPOINT) == [2]


# -- C: the secrets of a feature an env file switches off by name (holdout146's MiroTalk RTMP and OIDC) -------------

_RTMP = "RTMP_ENABLED={on}\nRTMP_MAX_STREAMS=1\nRTMP_SECRET=vendorRtmpSecret\nRTMP_API_SECRET=vendorRtmpApiSecret\n"


def test_c_secrets_of_a_switched_off_feature_are_not_in_effect() -> None:
    assert codes_at({".env.template": _RTMP.format(on="false")}, CREDENTIAL) == []
    assert codes_at({".env": _RTMP.format(on="false")}, CREDENTIAL) == []


def test_c_the_same_secrets_with_the_feature_on_are_reported() -> None:
    assert codes_at({".env.template": _RTMP.format(on="true")}, CREDENTIAL) == [3, 4]


def test_c_a_check_switched_off_keeps_its_secret() -> None:
    text = "AUTH_ENABLED=false\nAUTH_SECRET=vendorAuthSecret\n"  # a requirement switched off, not a feature
    assert codes_at({".env": text}, CREDENTIAL) == [2]


def test_c_another_features_switch_leaves_the_secret() -> None:
    text = "RTMP_ENABLED=false\nOIDC_CLIENT_SECRET=vendorOidcSecret\n"
    assert codes_at({".env": text}, CREDENTIAL) == [2]


# -- D: a feature switched off by its own name (holdout88's osixia/openldap ``LDAP_READONLY_USER: false``) ----------

_LDAP = (
    "LDAP_READONLY_USER: {on}\n"
    "LDAP_READONLY_USER_USERNAME: readonly\n"
    "LDAP_READONLY_USER_PASSWORD: roPassw0rd\n"
    "LDAP_REPLICATION: {on}\n"
    "LDAP_REPLICATION_HOSTS:\n"
    "  - ldap://ldap1.vendor-cloud.io\n"
    "  - ldap://ldap2.vendor-cloud.io\n"
    "LDAP_LOG_LEVEL: 256\n"
)


def test_d_settings_of_a_feature_its_own_name_switches_off_are_not_in_effect() -> None:
    files = {"environment/default.startup.yaml": _LDAP.format(on="false")}
    assert codes_at(files, CREDENTIAL) == []
    assert codes_at(files, ENDPOINT) == []


def test_d_the_feature_switched_on_keeps_its_settings() -> None:
    files = {"environment/default.startup.yaml": _LDAP.format(on="true")}
    assert codes_at(files, CREDENTIAL) == [3]
    assert codes_at(files, ENDPOINT) == [6, 7]


def test_d_a_negated_or_check_name_set_false_switches_nothing_off() -> None:
    text = (
        "LDAP_TLS_DISABLED: false\nLDAP_TLS_DISABLED_PASSWORD: tlsPassw0rd\n"
        "SMTP_USE_TLS=false\nSMTP_USE_TLS_KEY_PASSWORD=k3yPassw0rd\n"
    )
    assert codes_at({"environment/default.startup.yaml": text}, CREDENTIAL) == [2, 4]


def test_d_a_setting_of_another_prefix_stays_read() -> None:
    text = "LDAP_REPLICATION: false\nLDAP_ADMIN_PASSWORD: adminPassw0rd\n"
    assert codes_at({"environment/default.startup.yaml": text}, CREDENTIAL) == [2]
