"""Classes the 249th hold-out set showed (tests/preflight/holdout249: configuration files shipped by self-hosted
products), each as its minimal construct next to near-misses."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: the product's own base URL under a hyphenated YAML key ---------------------------------------------------------


def test_b_hyphenated_base_url_is_the_products_own_name() -> None:
    settings = _text(
        'public-addr: ":8080"',  # 1
        'base-url: "https://newsletter.vendor-site.com"',  # 2: the address its links are built from
        'site-url: "https://www.vendor-site.com"',  # 3
    )
    assert codes_at({"config.example.yml": settings}, ENDPOINT) == []


def test_b_hyphenated_service_urls_stay_contacts() -> None:
    settings = _text(
        'api-url: "https://api.vendor-cloud.com"',  # 1: a service the product calls
        'upstream-base-url: "https://mirror.vendor-cloud.com"',  # 2: a base it requests from
        'webhook-url: "https://hooks.vendor-chat.com/x"',  # 3
    )
    assert codes_at({"config.example.yml": settings}, ENDPOINT) == [1, 2, 3]


# -- D: a Go MySQL DSN with the network and address left out -----------------------------------------------------------


def test_d_dsn_without_network_carries_a_password() -> None:
    settings = _text(
        'clickhouse: "tcp://127.0.0.1:9000?database=app"',  # 1
        'mysql: "app:hunter2@/appdb"',  # 2: ``user:password@/dbname``, the driver's default address
    )
    assert codes_at({"config.example.yml": settings}, CREDENTIAL) == [2]


def test_d_dsn_without_network_near_misses_stay_quiet() -> None:
    settings = _text(
        'mysql: "user:password@/dbname"',  # 1: the format's field names
        'mysql_ref: "app:${DB_PASS}@/appdb"',  # 2: a reference
        'mail: "team:ops@/"',  # 3: no database after the slash
        'repo: "https://mirror.local/a:b@/c"',  # 4: inside a URL's path, not a value's start
        "# mysql: app:hunter2@/appdb",  # 5: commented
    )
    assert codes_at({"config.example.yml": settings}, CREDENTIAL) == []
