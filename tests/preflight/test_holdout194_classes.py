"""Classes the hundred-and-ninety-fourth hold-out set showed (tests/preflight/holdout194: configuration files shipped
by self-hosted products), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: URLs on the host the file names as the product's own address are its own parts --------------------------------


def test_a_a_hosts_tables_urls_on_the_apps_host_are_the_products_own() -> None:
    text = _text(
        "[hosts]",
        "# Web locations of various services",
        'app = "http://chat.vendor-lab.io"',
        'api = "http://chat.vendor-lab.io/api"',
        'events = "ws://chat.vendor-lab.io/ws"',
        "",
        "[files.s3]",
        'endpoint = "https://s3.storage-vendor.io"',
    )
    assert codes_at({"config/Chat.toml": text}, ENDPOINT) == [8]


def test_a_an_env_files_backend_url_on_its_own_main_url_is_its_own() -> None:
    text = _text(
        "MAIN_URL=https://social.vendor-lab.io",
        "BACKEND_URL=https://social.vendor-lab.io/api",
        "WEBHOOK_RELAY_URL=https://relay.vendor-lab.io/hook",
    )
    assert codes_at({".env": text}, ENDPOINT) == [3]


def test_a_a_compose_list_items_backend_url_on_its_own_frontend_url_is_its_own() -> None:
    text = _text(
        "services:",
        "  app:",
        "    image: vendor/app:1.2",
        "    environment:",
        "      - FRONTEND_URL=https://social.vendor-lab.io",
        "      - BACKEND_URL=https://social.vendor-lab.io/api",
        "      - STORAGE_URL=https://files.storage-vendor.io",
    )
    assert codes_at({"docker-compose.yml": text}, ENDPOINT) == [7]


def test_a_a_hosts_table_of_targets_without_an_own_address_stays_contacted() -> None:
    text = _text(
        "[hosts]",
        'web1 = "http://probe-a.vendor-lab.io"',
        'api = "http://probe-a.vendor-lab.io/api"',
    )
    assert codes_at({"monitor.toml": text}, ENDPOINT) == [2, 3]


def test_a_another_host_and_a_longer_name_stay_contacted() -> None:
    text = _text(
        "[hosts]",
        'app = "https://chat.vendor-lab.io"',
        'api = "https://api.chat.vendor-lab.io"',
        'january = "https://proxy.vendor-lab.io/january"',
    )
    assert codes_at({"Chat.toml": text}, ENDPOINT) == [3, 4]


def test_a_an_api_root_url_does_not_make_its_host_the_products_own() -> None:
    text = _text(
        "cc.api.rooturl=https://api.vendor-lab.io",
        "cc.api.statusurl=https://api.vendor-lab.io/status",
    )
    assert codes_at({"app.properties": text}, ENDPOINT) == [1, 2]


def test_a_a_repository_files_baseurl_is_where_dnf_downloads_from() -> None:
    text = _text(
        "[vendor]",
        "name=Vendor",
        "baseurl=https://packages.vendor-lab.io/el/$releasever",
        "gpgkey=https://packages.vendor-lab.io/gpg.key",
        "enabled=1",
        "gpgcheck=1",
    )
    assert codes_at({"vendor.repo": text}, ENDPOINT) == [3, 4]
