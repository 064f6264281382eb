"""Classes the hundred-and-fourteenth hold-out set showed (tests/preflight/holdout114: configuration, env and
credential files, a sixth sample weighted to `.env`, properties, XML, JSON and web-server formats), each as its
minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
SECRET = "preflight.hardcoded_credential"
TLS = "preflight.tls_verification_disabled"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a connection URL with a password inside an XML comment ----------------------------------------------------


def _server_xml(*realm: str) -> str:
    return _text(
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<Server>",
        '  <Realm url="${DATABASE_URL}" />',
        *realm,
        "</Server>",
    )


def test_a_a_password_url_inside_an_xml_comment_is_no_credential() -> None:
    commented = _server_xml("  <!--", '  <Realm url="mysql://mmonit:s3cretPass@127.0.0.1/mmonit" />', "  -->")
    assert codes_at({"conf/server.xml": commented}, SECRET) == []
    one_line = _server_xml('  <!-- <Realm url="postgresql://app:s3cretPass@127.0.0.1/app" /> -->')
    assert codes_at({"conf/server.xml": one_line}, SECRET) == []


def test_a_a_password_url_outside_the_comment_stays_reported() -> None:
    live = _server_xml("  <!-- the realm -->", '  <Realm url="mysql://mmonit:s3cretPass@127.0.0.1/mmonit" />')
    assert codes_at({"conf/server.xml": live}, SECRET) == [5]
    # a ``<!--`` in a file that is not XML comments nothing out
    env = _text("# <!--", "DATABASE_URL=mysql://app:s3cretPass@db/app", "# -->")
    assert codes_at({"deploy/app.env": env}, SECRET) == [2]


# -- B: a host with a template field in it ------------------------------------------------------------------------


def _settings(endpoint: str) -> str:
    return _text(
        "{", '    "azure": {', f'        "serviceEndpoint": "{endpoint}",', '        "apiKey": ""', "    }", "}"
    )


def test_b_a_host_with_a_template_field_is_no_endpoint() -> None:
    for endpoint in (
        "https://<name>.search.windows.net",
        "https://{tenant}.b2clogin.com/oauth",
        "https://[datacenter].in.applicationinsights.azure.com/",
    ):
        assert codes_at({"src/App/appsettings.json": _settings(endpoint)}, ENDPOINT) == [], endpoint


def test_b_a_real_host_beside_it_stays_reported() -> None:
    assert codes_at({"src/App/appsettings.json": _settings("https://squidex.search.windows.net")}, ENDPOINT) == [3]


# -- C: hosts in a Content-Security-Policy source list ------------------------------------------------------------


def test_c_csp_sources_are_browser_permissions_not_contacts() -> None:
    site = _text(
        "server {",
        "    set $connectSrc \"'self' wss://pad.vendor.io wss://api.pad.vendor.io\";",
        "    add_header Content-Security-Policy \"default-src 'none'; connect-src $connectSrc;\";",
        '    add_header Content-Security-Policy "connect-src https://api.vendor.io; img-src data: *";',
        "}",
    )
    assert codes_at({"etc/nginx/conf.d/pad.conf": site}, ENDPOINT) == []


def test_c_a_proxied_public_host_stays_reported() -> None:
    # an upstream is contacted; ``self`` without its quotes is an ordinary word
    site = _text(
        "server {",
        "    location / { proxy_pass https://upstream.vendor.io; }",
        "    location /self { proxy_pass https://self.vendor.io/self; }",
        "}",
    )
    assert codes_at({"etc/nginx/conf.d/pad.conf": site}, ENDPOINT) == [2, 3]


# -- D: a setting named for the certificate check, under a product's prefix, set false ----------------------------


def test_d_a_prefixed_certificate_check_set_false_is_tls_verification_disabled() -> None:
    env = _text("COLLABORA=:collabora.yml", "COLLABORA_SSL_VERIFICATION=false", "LDAP_TLS_VERIFY=0")
    assert codes_at({"deploy/.env": env}, TLS) == [2, 3]
    assert codes_at({"conf/app.yaml": _text("mail:", '  smtpCertCheck: "false"')}, TLS) == [2]


def test_d_a_check_kept_negated_or_named_otherwise_stays_quiet() -> None:
    env = _text(
        "COLLABORA_SSL_VERIFICATION=true",
        "NGINX_SSL_VERIFY_CLIENT=false",  # a server asking clients for certificates
        "COLLABORA_SSL_ENABLE=false",  # plain transport chosen: no check switched off
        "INSECURE=true",  # plain transport or no check: the name does not say
    )
    assert codes_at({"deploy/.env": env}, TLS) == []
    kept = _text("federation:", "  disable_tls_validation: false", "grpc:", "  insecure: true")
    assert codes_at({"conf/app.yaml": kept}, TLS) == []


# -- E: the root URL of an API the product calls ------------------------------------------------------------------


def test_e_an_apis_root_url_is_a_host_contacted() -> None:
    cfg = _text("cc.api.rooturl = https://api.creativecommons.org/rest/1.5", "geo_api_base_url=https://geo.vendor.io")
    assert codes_at({"config/local.cfg": cfg}, ENDPOINT) == [1, 2]


def test_e_the_products_own_root_url_stays_its_own_name() -> None:
    cfg = _text(
        "ROOT_URL=https://forge.vendor.io/", "dspace.baseUrl = https://repo.vendor.io", "app.rooturl = https://x.io"
    )
    assert codes_at({"config/local.cfg": cfg}, ENDPOINT) == []


# -- F: a page shown to people, its name in CamelCase -------------------------------------------------------------


def test_f_a_privacy_or_terms_page_in_camel_case_is_a_link() -> None:
    settings = _text(
        "{",
        '    "privacyUrl": "https://squidex.io/privacy",',
        '    "termsOfServiceUrl": "https://squidex.io/terms"',
        "}",
    )
    assert codes_at({"src/App/appsettings.json": settings}, ENDPOINT) == []


def test_f_a_camel_case_name_with_the_word_inside_another_stays_a_host() -> None:
    # ``legalHoldUrl`` would be a page; ``termsyncUrl`` is one word, the service the product syncs with
    settings = _text("{", '    "termsyncUrl": "https://sync.vendor.io"', "}")
    assert codes_at({"src/App/appsettings.json": settings}, ENDPOINT) == [2]


# -- G: a canonical address is the product's own public name ------------------------------------------------------


def test_g_a_canonical_prefix_or_url_is_the_products_own_name() -> None:
    cfg = _text("handle.canonical.prefix = http://hdl.handle.net/", "CANONICAL_URL=https://repo.vendor.io")
    assert codes_at({"config/local.cfg": cfg}, ENDPOINT) == []


def test_g_a_host_named_otherwise_stays_reported() -> None:
    cfg = _text("handle.resolver.url = http://hdl.handle.net/", "canonicalizer = https://norm.vendor.io")
    assert codes_at({"config/local.cfg": cfg}, ENDPOINT) == [1, 2]


def test_a_product_name_beginning_with_a_page_word_is_no_page() -> None:
    # near miss (round 3's privacyIDEA): ``"privacyIDEA News"`` names a feed the dashboard fetches, not a privacy page
    feeds = '"privacyIDEA News": "https://privacyidea.org/feed"\n'
    assert codes_at({"app/feeds.yaml": feeds}, ENDPOINT) == [1]
