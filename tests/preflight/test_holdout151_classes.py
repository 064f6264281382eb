"""Classes the hundred-and-fifty-first hold-out set showed (tests/preflight/holdout151: configuration files shipped
by self-hosted products), each as its minimal construct next to a near-miss that must stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: beside ``existingSecret: <name>`` the block's values name keys inside that Secret, not secrets -------------


def test_a_key_names_beside_an_existing_secret_are_not_credentials() -> None:
    text = _text(
        "envSecrets:",
        "  authOidcCredentials:",
        '    existingSecret: "auth-oidc-secret"',
        '    oidcClientId: "oidc-client-id"',
        '    oidcClientSecret: "oidc-client-secret"',
        "  authLdapCredentials:",
        "    # -- Name of existing secret containing LDAP credentials",
        '    existingSecret: "auth-ldap-secret"',
        "    # -- Password for bind user secret key",
        '    ldapBindingPassword: "bind-password"',
    )
    assert codes_at({"charts/app/values.yaml": text}, CREDENTIAL) == []


def test_a_passwords_beside_an_empty_or_absent_existing_secret_stay_credentials() -> None:
    text = _text(
        "auth:",
        '  existingSecret: ""',
        '  ldapBindingPassword: "bind-password"',
        "ldap:",
        '  bindPassword: "bind-password"',
        "db:",
        "  existingSecret: db-secret",
        "  password: hunter2",
    )
    assert codes_at({"charts/app/values.yaml": text}, CREDENTIAL) == [3, 5, 8]


# -- B: the grafana image told to let anonymous visitors in as an admin or editor, on a published port ------------

AUTHENTICATION = "preflight.authentication_disabled"


def _grafana(role: str, ports: str = '    ports:\n      - "3000:3000"\n') -> str:
    return (
        "services:\n  grafana:\n    image: grafana/grafana:latest\n    environment:\n"
        f"      - GF_AUTH_ANONYMOUS_ENABLED=true\n{role}{ports}"
    )


def test_b_anonymous_grafana_admin_published_is_authentication_disabled() -> None:
    text = _grafana("      - GF_AUTH_ANONYMOUS_ORG_ROLE=Admin\n")
    assert codes_at({"docker-compose.yml": text}, AUTHENTICATION) == [5]
    assert codes_at(
        {"docker-compose.yml": _grafana("      - GF_AUTH_ANONYMOUS_ORG_ROLE=Editor\n")}, AUTHENTICATION
    ) == [5]


def test_b_anonymous_viewers_or_an_unpublished_grafana_stay_quiet() -> None:
    assert codes_at({"docker-compose.yml": _grafana("")}, AUTHENTICATION) == []
    assert (
        codes_at({"docker-compose.yml": _grafana("      - GF_AUTH_ANONYMOUS_ORG_ROLE=Viewer\n")}, AUTHENTICATION) == []
    )
    loopback = '    ports:\n      - "127.0.0.1:3000:3000"\n'
    text = _grafana("      - GF_AUTH_ANONYMOUS_ORG_ROLE=Admin\n", loopback)
    assert codes_at({"docker-compose.yml": text}, AUTHENTICATION) == []
