"""Classes the hundred-and-thirty-sixth hold-out set showed (tests/preflight/holdout136: configuration files shipped
by self-hosted products, a ninth sample: an INI-style `.conf`, `.env` files, Spring properties, TOML, compose files,
an `appsettings.json`, Helm values), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
SECRET = "preflight.hardcoded_credential"
TLS = "preflight.tls_verification_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: a compose file kept in a documentation folder is a deployment -----------------------------------------------

_COMPOSE = _text(
    "services:",
    "  db:",
    "    image: mariadb:10.8",
    "    environment:",
    "      - MYSQL_PASSWORD=spug.cc",
)


def test_b_a_compose_file_under_docs_keeps_its_passwords() -> None:
    assert codes_at({"docs/docker/docker-compose.yml": _COMPOSE}, SECRET) == [5]


def test_b_the_same_settings_in_a_docs_page_stay_an_example() -> None:
    assert codes_at({"docs/docker/install.yml": _COMPOSE}, SECRET) == []
