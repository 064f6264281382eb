"""Classes the 211th hold-out set showed (tests/preflight/holdout211: configuration files shipped by self-hosted
products), each as its minimal construct next to a near-miss that must stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an installer's ``#dotted.name#`` field marker is no password ---------------------------------------------------


def test_a_field_marker_is_not_a_password() -> None:
    conf = _text(
        "[db]",  # 1
        'host="#db.host#"',  # 2
        'pass="#db.pass#"',  # 3
    )
    assert codes_at({"conf/app.conf": conf}, CREDENTIAL) == []


def test_a_a_password_between_hashes_stays_reported() -> None:
    conf = _text(
        "[db]",  # 1
        'host="db"',  # 2
        'pass="#Tr0ub4dor#"',  # 3: no dotted name, a password that starts and ends with '#'
    )
    assert codes_at({"conf/app.conf": conf}, CREDENTIAL) == [3]


# -- B: a network block (ADDR/prefix) is no host contacted -------------------------------------------------------------


def test_b_network_blocks_are_not_endpoints() -> None:
    conf = _text(
        "[policy]",  # 1
        "empty_sender_hosts = 3.2.1.0/24, 6.6.6.0/24",  # 2
        "trusted = 2001:db8::/32",  # 3
    )
    assert codes_at({"etc/app.conf": conf}, ENDPOINT) == []


def test_b_a_public_address_with_a_path_stays_a_host() -> None:
    conf = _text(
        "[upstream]",  # 1
        "relay_hosts = 3.2.1.7, 6.6.6.6",  # 2: addresses, no prefix
    )
    assert codes_at({"etc/app.conf": conf}, ENDPOINT) == [2]


# -- C: the sender of password mails is an address ---------------------------------------------------------------------


def test_c_password_sender_is_not_a_password() -> None:
    env = _text(
        "MW_PASSWORD_SENDER=apache@invalid",  # 1
        "MAIL_SENDER=noreply@corp-mail.net",  # 2
    )
    assert codes_at({".env.example": env}, CREDENTIAL) == []


def test_c_the_senders_password_stays_reported() -> None:
    env = _text(
        "MAIL_SENDER=noreply@corp-mail.net",  # 1
        "SENDER_PASSWORD=Kq7vX2pLm9",  # 2
    )
    assert codes_at({".env.example": env}, CREDENTIAL) == [2]


# -- D: the site's own server URL is not a host contacted --------------------------------------------------------------


def test_d_site_server_is_the_instance_own_url() -> None:
    env = _text(
        "PORT=80",  # 1
        "MW_SITE_SERVER=https://mywiki.com",  # 2
    )
    assert codes_at({".env.example": env}, ENDPOINT) == []


def test_d_a_smtp_server_stays_a_host_contacted() -> None:
    env = _text(
        "PORT=80",  # 1
        "SMTP_SERVER=https://mail.corp-mail.net",  # 2
    )
    assert codes_at({".env.example": env}, ENDPOINT) == [2]
