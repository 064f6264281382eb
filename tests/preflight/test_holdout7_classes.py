"""Classes of mistakes the seventh hold-out set found (tests/preflight/holdout7: non-shell package files, third
round), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import package, run

from shipgate.findings import Severity


def findings(files: dict[str, str | bytes]) -> list[tuple[str, int | None]]:
    """(code, line) of the findings above info, sorted."""
    found = run(package(files))
    return sorted((f.code, f.evidence.get("line")) for f in found if f.severity > Severity.INFO)


# -- A: a URL in an XML comment is text, not a setting ----------------------------------------------------------


def test_a_url_in_an_xml_comment_is_not_contacted() -> None:
    xml = (
        '<?xml version="1.0"?>\n<!--\n  Licensed under the Apache License\n'
        "  http://www.apache.org/licenses/LICENSE-2.0\n-->\n<config><a/><!-- see https://docs.vendor.io --></config>\n"
    )
    assert findings({"conf/app.xml": xml}) == []


def test_a_a_url_setting_beside_an_xml_comment_is_still_contacted() -> None:
    xml = '<?xml version="1.0"?>\n<!-- the upstream -->\n<server url="https://api.vendor.io/v1"/>\n'
    assert findings({"conf/app.xml": xml}) == [("preflight.external_endpoint", 3)]


# -- B: a list of hosts to trust or to reach without a proxy names no host to contact --------------------------


def test_b_trusted_hosts_and_no_proxy_are_not_contacted() -> None:
    conf = "[global]\ntrusted-host = pypi.vendor.io\n"
    assert findings({"pip.conf": conf}) == [("preflight.tls_verification_disabled", 2)]
    assert findings({"app.env": "NO_PROXY=api.vendor.io\n"}) == []


def test_b_the_index_url_beside_them_is_contacted() -> None:
    conf = "[global]\nindex-url = https://pypi.vendor.io/simple\n"
    assert findings({"pip.conf": conf}) == [("preflight.external_endpoint", 2)]


# -- C: a package repository's baseurl is where the package manager downloads from -----------------------------


def test_c_a_repo_files_baseurl_is_contacted() -> None:
    repo = "[vendor]\nname=Vendor\nbaseurl=https://pkgs.vendor.io/el/$releasever/$basearch\ngpgcheck=1\n"
    assert findings({"etc/yum.repos.d/vendor.conf": repo}) == [("preflight.external_endpoint", 3)]
    assert findings({"vendor.repo": "[vendor]\nmirrorlist=https://mirrors.vendor.io/list\n"}) == [
        ("preflight.external_endpoint", 2)
    ]


def test_c_a_web_apps_base_url_stays_its_own_name() -> None:
    assert findings({"config.toml": 'baseurl = "https://www.vendor.io/"\n'}) == []


# -- D: ${SECRET:-literal} in configuration a tool interpolates -------------------------------------------------


def test_d_a_compose_password_with_a_literal_fallback_is_a_default_credential() -> None:
    compose = (
        "services:\n  grafana:\n    environment:\n"
        "      - GF_SECURITY_ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}\n"
        "      - DB_PASS=${DB_PASSWORD-changeme}\n"
    )
    assert findings({"docker-compose.yml": compose}) == [
        ("preflight.default_credential", 4),
        ("preflight.default_credential", 5),
    ]


def test_d_users_references_and_required_values_are_not() -> None:
    compose = (
        "services:\n  grafana:\n    environment:\n"
        "      - GF_SECURITY_ADMIN_USER=${ADMIN_USER:-admin}\n"
        "      - GF_SECURITY_ADMIN_PASSWORD=${ADMIN_PASSWORD}\n"
        "      - DB_PASSWORD=${DB_PASSWORD:?set DB_PASSWORD}\n"
        "      # - OLD_PASSWORD=${OLD_PASSWORD:-admin}\n"
    )
    assert findings({"docker-compose.yml": compose}) == []
