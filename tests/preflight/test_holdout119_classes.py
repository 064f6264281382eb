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

