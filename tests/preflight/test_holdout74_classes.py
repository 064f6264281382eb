"""Classes the seventy-fourth hold-out set showed (tests/preflight/holdout74: configuration files of server products in
formats other than ``.env``: Java properties and XML, YAML, a Shiro INI, PHP defines, Django settings), each as its
minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

CRED = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: an Apache Shiro INI [users] section holds ``name = password, role…`` accounts ------------------------------


def test_a_shiro_users_are_passwords() -> None:
    ini = _text(
        "[users]",
        "# name = password, roles",
        "#admin = vendoradmin, admin",
        "analyst = vendorpass1, reader, writer",
        "viewer = vendorpass2",
        "",
        "[main]",
        "sessionManager = org.apache.shiro.web.session.mgt.DefaultWebSessionManager",
        "",
        "[roles]",
        "reader = *",
    )
    assert codes_at({"conf/shiro.ini.template": ini}, CRED) == [4, 5]
    assert codes_at({"etc/security.ini": ini}, CRED) == [4, 5]


def test_a_a_users_section_outside_shiro_or_with_a_hash_matcher_stays_quiet() -> None:
    other = _text("[users]", "default_theme = dark", "allow_sign_up = false", "", "[server]", "http_port = 3000")
    assert codes_at({"conf/defaults.ini": other}, CRED) == []
    with_main = _text("[main]", "cachedir = /var/cache/vendor", "", "[users]", "default_role = viewer")
    assert codes_at({"etc/vendor.conf": with_main}, CRED) == []
    shiro_main = _text("[main]", "securityManager.sessionManager = $sessionManager", "[users]", "ops = vendorops1, ops")
    assert codes_at({"conf/auth.ini": shiro_main}, CRED) == [4]
    hashed = _text(
        "[main]",
        "sha256Matcher = org.apache.shiro.authc.credential.Sha256CredentialsMatcher",
        "iniRealm.credentialsMatcher = $sha256Matcher",
        "",
        "[users]",
        "admin = 5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8, admin",
        "",
        "[urls]",
        "/** = authc",
    )
    assert codes_at({"conf/shiro.ini": hashed}, CRED) == []
    placeholder = _text("[users]", "admin = ${ADMIN_PASSWORD}, admin", "[roles]", "admin = *")
    assert codes_at({"conf/shiro.ini": placeholder}, CRED) == []


# -- B: an XML element named for a secret holds one (a keystore's ``<secret>``) ----------------------------------


def test_b_a_secret_element_is_a_password() -> None:
    xml = _text(
        '<?xml version="1.0"?>',
        "<servers>",
        '  <tls socketTLS="false" startTLS="true">',
        "    <keystore>file://conf/keystore</keystore>",
        "    <secret>vendorKeystore42</secret>",
        "  </tls>",
        "  <oauth><clientSecret>vendorclientsecret</clientSecret></oauth>",
        "</servers>",
    )
    assert codes_at({"conf/imapserver.xml": xml}, CRED) == [5]
    one_line = _text(
        '<?xml version="1.0"?>', "<oauth>", "  <clientSecret>vendorclientsecret</clientSecret>", "</oauth>"
    )
    assert codes_at({"conf/oauth.xml": one_line}, CRED) == [3]


def test_b_ciphertext_references_and_non_secret_elements_stay_quiet() -> None:
    xml = _text(
        '<?xml version="1.0"?>',
        "<config>",
        "  <secret>{AQAAABAAAAAQ2mFrEn7e4nVXbDmGzLZ1V0kqXy3l9b1m}</secret>",
        "  <secret>${KEYSTORE_SECRET}</secret>",
        "  <!-- <secret>vendorKeystore42</secret> -->",
        "  <secretFile>/etc/vendor/keystore.secret</secretFile>",
        "  <secretsEnabled>true</secretsEnabled>",
        "</config>",
    )
    assert codes_at({"conf/server.xml": xml}, CRED) == []
