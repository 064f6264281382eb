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
