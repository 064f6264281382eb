"""Classes the 119th hold-out set showed (tests/preflight/holdout119: Kubernetes manifests, Helm charts and compose
files), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a secret word qualified by what the secret is checked against names no secret -----------------------------


def _proxy(*args: str) -> str:
    return _text(
        "apiVersion: apps/v1",  # 1
        "kind: DaemonSet",  # 2
        "metadata:",  # 3
        "  name: exporter",  # 4
        "spec:",  # 5
        "  template:",  # 6
        "    spec:",  # 7
        "      containers:",  # 8
        "        - name: kube-rbac-proxy",  # 9
        "          image: quay.io/brancz/kube-rbac-proxy:v0.19.0",  # 10
        "          args:",  # 11
        *(f"            - {arg}" for arg in args),  # 12 …
    )


def test_a_token_audiences_issuer_and_scopes_options_are_not_secrets() -> None:
    manifest = _proxy(
        "--auth-token-audiences=power-monitor.power-monitor.svc",  # 12
        "--oidc-token-issuer=https://issuer.example.org/realms/main",  # 13
        "--token-scopes=metrics.read",  # 14
    )
    assert codes_at({"deploy/daemonset.yaml": manifest}, CREDENTIAL) == []


def test_a_near_miss_a_token_or_password_option_with_a_literal_is_still_reported() -> None:
    manifest = _proxy(
        "--auth-token=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",  # 12
        "--audiences-password=hunter2hunter2",  # 13
    )
    assert codes_at({"deploy/daemonset.yaml": manifest}, CREDENTIAL) == [12, 13]


# -- B: a YAML block list under a setting named for passwords lists passwords ------------------------------------


def test_b_scalar_items_under_a_passwords_setting_are_passwords() -> None:
    values = _text(
        "mongodb:",  # 1
        "  auth:",  # 2
        "    rootUser: root",  # 3
        "    usernames:",  # 4
        "      - lowcoder",  # 5
        "    passwords:",  # 6
        "      - supersecret",  # 7
        '      - "An0therPass"',  # 8
        "    databases:",  # 9
        "      - lowcoder",  # 10
        "postgresql:",  # 11
        "  userPasswords:",  # 12
        "  - tr0ub4dor",  # 13
    )
    assert codes_at({"deploy/helm/values.yaml": values}, CREDENTIAL) == [7, 8, 13]


def test_b_near_miss_references_maps_empty_items_and_other_lists_stay_quiet() -> None:
    values = _text(
        "auth:",  # 1
        "  usernames:",  # 2
        "    - admin",  # 3
        "  passwords:",  # 4
        '    - "${DB_PASSWORD}"',  # 5
        '    - ""',  # 6
        "  passwordPolicies:",  # 7
        "    - minlength",  # 8
        "  passwords:",  # 9
        "    - name: app",  # 10
        "      existingSecret: app-db",  # 11
        "  databases:",  # 12
        "    - supersecret",  # 13
    )
    assert codes_at({"deploy/helm/values.yaml": values}, CREDENTIAL) == []


# -- C: Helm values installing a bundled Redis with its authentication off -----------------------------------------

AUTH = "preflight.authentication_disabled"


def test_c_a_bundled_redis_or_valkey_with_auth_off_answers_the_cluster_with_no_password() -> None:
    values = _text(
        "redis:",  # 1
        "  enabled: true",  # 2
        "  architecture: standalone",  # 3
        "  auth:",  # 4
        "    enabled: false",  # 5
        "cache-valkey:",  # 6
        "  usePassword: false",  # 7
    )
    assert codes_at({"deploy/helm/values.yaml": values}, AUTH) == [5, 7]
    assert codes_at({"chart/values-prod.yaml": values}, AUTH) == [5, 7]


def test_c_near_miss_external_redis_auth_on_nested_clients_and_other_files_stay_quiet() -> None:
    values = _text(
        "redis:",  # 1
        "  enabled: false",  # 2
        "  auth:",  # 3
        "    enabled: false",  # 4
        "valkey:",  # 5
        "  auth:",  # 6
        "    enabled: true",  # 7
        "app:",  # 8
        "  redis:",  # 9
        "    auth:",  # 10
        "      enabled: false",  # 11
        "mongodb:",  # 12
        "  auth:",  # 13
        "    enabled: false",  # 14
    )
    assert codes_at({"deploy/helm/values.yaml": values}, AUTH) == []
    on = _text("redis:", "  auth:", "    enabled: false")
    assert codes_at({"config/settings.yaml": on}, AUTH) == []
    assert codes_at({"chart/templates/values.yaml": on}, AUTH) == []
