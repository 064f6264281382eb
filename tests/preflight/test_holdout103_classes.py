"""Classes the hundred-and-third hold-out set showed (tests/preflight/holdout103: configuration, env and credential
files of server products, a fourth sample of holdout88's population), each as its minimal construct next to a
near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

SECRET = "preflight.hardcoded_credential"
TLS = "preflight.tls_verification_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a secret in a TOML/INI section the same section switches off -----------------------------------------------


def test_a_passwords_of_switched_off_sections_are_not_in_effect() -> None:
    toml = _text(
        "[statsd]",
        "enable = false",
        'user = "root"',
        'password = "Xq7vLp2Rk9"',
        "[monitor]",
        'password = "Xq7vLp2Rk9"',
        "disable = true",
        "[node_exporter]",
        "enabled = false",
        "insecureSkipVerify = true",
    )
    assert codes_at({"etc/adapter/adapter.toml": toml}, SECRET) == []
    assert codes_at({"etc/adapter/adapter.toml": toml}, TLS) == []


def test_a_sections_switched_on_or_another_section_off_stay_reported() -> None:
    toml = _text(
        "[statsd]",
        "enable = true",
        'password = "Xq7vLp2Rk9"',
        "[collectd]",
        "enable = false",
        "[influxdb]",
        'password = "Xq7vLp2Rk9"',
        "insecureSkipVerify = true",
    )
    assert codes_at({"etc/adapter/adapter.toml": toml}, SECRET) == [3, 7]
    assert codes_at({"etc/adapter/adapter.toml": toml}, TLS) == [8]
    # an env file has no sections: a switch pairs with a password by name only (prefix_switches). Since session 32
    # that takes the password out as it took hosts and URL passwords out (holdout146's MiroTalk `RTMP_ENABLED=false`
    # above `RTMP_SECRET`, holdout88's OpenLDAP read-only user: both labelled not in effect); another feature's switch
    # leaves it reported
    env = _text("LDAP_ENABLED=false", "LDAP_PASSWORD=Xq7vLp2Rk9")
    assert codes_at({"deploy/app.env": env}, SECRET) == []
    env = _text("SMTP_ENABLED=false", "LDAP_PASSWORD=Xq7vLp2Rk9")
    assert codes_at({"deploy/app.env": env}, SECRET) == [2]


# -- B: the entries of a section named for a list of accounts -------------------------------------------------------


def test_b_a_users_section_of_name_word_pairs_lists_passwords() -> None:
    ini = _text("[methods]", "allowed=CRAM-MD5", "[users]", "matt=test", "harry = harryssecret")
    assert codes_at({"config/auth_flat_file.ini": ini}, SECRET) == [4, 5]


def test_b_a_users_section_of_settings_stays_quiet() -> None:
    # Grafana-style ``[users]``: flags and words about users, not accounts
    settings = _text("[users]", "allow_sign_up = false", "default_theme = dark", "auto_assign_org_role = Viewer")
    assert codes_at({"conf/defaults.ini": settings}, SECRET) == []
    # another section, and a commented account
    other = _text("[methods]", "matt=test", "[users]", "# matt=test")
    assert codes_at({"config/auth_flat_file.ini": other}, SECRET) == []
    # a product's main settings file: its ``[users]`` holds settings about users (Grafana's ``default_theme = dark``)
    assert codes_at({"conf/grafana.ini": _text("[users]", "default_theme = dark")}, SECRET) == []


# -- C, D: access granted to the anonymous user --------------------------------------------------------------------

AUTH = "preflight.authentication_disabled"


def test_c_a_top_level_block_for_the_unauthorized_user() -> None:
    yml = _text(
        "unauthorized_user:", "  url_map:", "  - src_paths: ['/insert/.*']", "    url_prefix: http://vminsert:8480"
    )
    assert codes_at({"deploy/auth.yml": yml}, AUTH) == [1]


def test_c_named_users_nested_or_empty_stay_quiet() -> None:
    users = _text("users:", "- username: foo", "  password: bar", "  url_prefix: http://vminsert:8480")
    assert codes_at({"deploy/auth.yml": users}, AUTH) == []
    nested = _text("proxy:", "  unauthorized_user:", "    url_prefix: http://vminsert:8480")
    assert codes_at({"deploy/auth.yml": nested}, AUTH) == []
    assert codes_at({"deploy/auth.yml": _text("unauthorized_user:", "users: []")}, AUTH) == []


def test_d_any_user_granted_publish_from_anywhere() -> None:
    yml = _text(
        "authInternalUsers:",
        "- user: any",
        "  pass:",
        "  ips: []",
        "  permissions:",
        "  - action: publish",
        "    path:",
        "  - action: read",
    )
    assert codes_at({"etc/streamer.yml": yml}, AUTH) == [2]


def test_d_any_user_restricted_read_only_or_named_stays_quiet() -> None:
    loopback = _text(
        "authInternalUsers:", "- user: any", "  ips: ['127.0.0.1', '::1']", "  permissions:", "  - action: api"
    )
    assert codes_at({"etc/streamer.yml": loopback}, AUTH) == []
    restricted = _text(
        "authInternalUsers:", "- user: any", "  ips: ['10.0.0.0/8']", "  permissions:", "  - action: publish"
    )
    assert codes_at({"etc/streamer.yml": restricted}, AUTH) == []
    read_only = _text("authInternalUsers:", "- user: any", "  permissions:", "  - action: read", "- user: admin")
    assert codes_at({"etc/streamer.yml": read_only}, AUTH) == []
    named = _text("authInternalUsers:", "- user: alice", "  pass: x", "  permissions:", "  - action: publish")
    assert codes_at({"etc/streamer.yml": named}, AUTH) == []
