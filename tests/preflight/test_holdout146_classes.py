"""Classes the hundred-and-forty-sixth hold-out set showed (tests/preflight/holdout146: configuration files shipped
by self-hosted products), each as its minimal construct next to a near-miss that must stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: a Quarkus ``%dev.``/``%test.`` profile key is in effect only in development mode or the test run -----------


def test_b_dev_and_test_profile_secrets_are_not_deployed() -> None:
    text = _text(
        "quarkus.http.port=8082",
        "%dev.quarkus.http.auth.session.encryption-key=123456789012345678901234567890",
        "%test.app.smtp.password=pass",
    )
    assert codes_at({"src/main/resources/application.properties": text}, CREDENTIAL) == []


def test_b_prod_and_unprefixed_secrets_stay_credentials() -> None:
    text = _text(
        "%prod.quarkus.datasource.password=s3cret9",
        "quarkus.datasource.password=s3cret9",
        "%staging.quarkus.datasource.password=s3cret9",
    )
    assert codes_at({"src/main/resources/application.properties": text}, CREDENTIAL) == [1, 2, 3]


# -- C: ``changethis`` is the instruction ``change-this`` run together; ``changeme`` stays a password -------------


def test_c_changethis_is_an_instruction() -> None:
    text = _text("POSTGRES_USER=app", "POSTGRES_PASSWORD=changethis", "APP_SECRET_KEY_BASE=changethis")
    assert codes_at({".env.template": text}, CREDENTIAL) == []


def test_c_changeme_stays_a_password() -> None:
    text = _text("POSTGRES_USER=app", "POSTGRES_PASSWORD=changeme", "APP_SECRET_KEY_BASE=changeme")
    assert codes_at({".env.template": text}, CREDENTIAL) == [2, 3]


# -- D: a CamelCase ``Your…`` field and a run-together ``put … here`` instruction are placeholders ----------------


def test_d_your_camelcase_and_put_here_are_placeholders() -> None:
    text = _text(
        "MATTERMOST_PASSWORD=YourMattermostPassword",
        "MATTERMOST_TOKEN=YourMattermostToken",
        "MYSQL_ROOT_PASSWORD=putsomethinginherethatyouwouldlikeasthepassword",
    )
    assert codes_at({".env": text}, CREDENTIAL) == []


def test_d_words_that_only_begin_so_stay_passwords() -> None:
    text = _text("MATTERMOST_PASSWORD=Yours1234", "MYSQL_PASSWORD=putty-lane-9", "DB_PASSWORD=YOURSHOP2022")
    assert codes_at({".env": text}, CREDENTIAL) == [1, 2, 3]


ENDPOINT = "preflight.external_endpoint"

# -- G: a sentence inside a TOML multi-line string links to its URL; a URL alone on such a line is still read -------


def test_g_urls_in_a_toml_text_page_are_links() -> None:
    text = _text(
        "[landing_page]",
        'text = """',
        "Submit files via HTTP POST here.",
        "Check out the repository at https://github.com/orhun/rustypaste",
        '"""',
    )
    assert codes_at({"config.toml": text}, ENDPOINT) == []


def test_g_a_url_alone_in_a_toml_string_and_a_setting_stay_contacts() -> None:
    text = _text(
        "[upstream]",
        'servers = """',
        "https://mirror.vendor-cdn.io/pkgs",
        '"""',
        'feed = "https://feeds.vendor-cdn.io/list"',
        'note = """see https://docs.vendor-cdn.io"""',
    )
    assert codes_at({"config.toml": text}, ENDPOINT) == [3, 5]


# -- H: the address the product's pages are served at is its own name ------------------------------------------


def test_h_main_and_frontend_urls_are_own_names() -> None:
    text = _text("MAIN_URL=https://social.vendor-app.io", "FRONTEND_URL=https://social.vendor-app.io")
    assert codes_at({".env": text}, ENDPOINT) == []


def test_h_a_backend_or_mainnet_url_stays_a_contact() -> None:
    text = _text("BACKEND_URL=https://api.vendor-app.io", "MAINNET_URL=https://rpc.vendor-chain.io")
    assert codes_at({".env": text}, ENDPOINT) == [1, 2]


# -- I: a logo image and Open Graph tags are what browsers and crawlers fetch --------------------------------------


def test_i_logo_and_open_graph_urls_are_mentions() -> None:
    text = _text(
        "OAUTH_LOGO_URL=https://bucket.s3.us-east-2.amazonaws.com/logo.webp",
        "OG_URL=https://sfu.vendor-app.io",
        "OG_IMAGE_URL=https://sfu.vendor-app.io/images/card.png",
        "siteLogo=https://cdn.vendor-app.io/logo.png",
    )
    assert codes_at({".env": text}, ENDPOINT) == []


def test_i_logout_catalog_and_blog_urls_stay_contacts() -> None:
    text = _text(
        "LOGOUT_URL=https://sso.vendor-app.io/logout",
        "CATALOGO_URL=https://catalog.vendor-app.io",
        "BLOG_URL=https://blog.vendor-app.io/feed",
    )
    assert codes_at({".env": text}, ENDPOINT) == [1, 2, 3]


# -- L: a signing key given the product's name before the field's is the key every unedited copy signs with --------


def test_l_product_named_signing_key_is_a_credential() -> None:
    text = _text("JWT_SECRET=mirotalksfu_jwt_secret", "SESSION_SECRET=myapp-session_secret")
    assert codes_at({".env": text}, CREDENTIAL) == [1, 2]


def test_l_a_provider_field_named_where_its_value_goes_stays_quiet() -> None:
    text = _text("oidc.fedora.client_secret = oidc-client_secret", "JWT_SECRET=jwt_secret")
    assert codes_at({"app.ini": text}, CREDENTIAL) == []


# -- J: an integration whose client id and secret are empty is not configured: its server is not contacted ---------


def test_j_provider_url_beside_empty_login_is_not_contacted() -> None:
    compose = _text(
        "services:",
        "  app:",
        "    environment:",
        '      MASTODON_URL: "https://mastodon.social"',
        '      MASTODON_CLIENT_ID: ""',
        '      MASTODON_CLIENT_SECRET: ""',
    )
    config = _text("gitea.client-key:", "gitea.secret:", "gitea.url: https://gitea.com/")
    assert codes_at({"docker-compose.yml": compose}, ENDPOINT) == []
    assert codes_at({"config.yml": config}, ENDPOINT) == []


def test_j_provider_url_with_a_login_or_none_beside_stays_a_contact() -> None:
    compose = _text(
        "services:",
        "  app:",
        "    environment:",
        '      MASTODON_URL: "https://mastodon.social"',
        '      MASTODON_CLIENT_ID: "abc123"',
        '      MASTODON_CLIENT_SECRET: ""',
        '      GITEA_URL: "https://gitea.com/"',
    )
    assert codes_at({"docker-compose.yml": compose}, ENDPOINT) == [4, 7]


# -- M: a long option named for a password is one whatever its letters' case ---------------------------------------


def _compose(command: str) -> str:
    return _text("services:", "  app:", "    image: vendor/app:1", f"    command: {command}")


def test_m_capitalised_password_option_in_a_compose_command() -> None:
    text = _compose("sh -c 'bin/wait-for db:3306 -- --Server-Database-mysql-password=pigallery2_pass'")
    assert codes_at({"docker-compose.yml": text}, CREDENTIAL) == [4]


def test_m_capitalised_switches_about_a_password_take_no_value() -> None:
    text = _compose("app --No-Password --Server-Database-mysql-password=${DB_PASSWORD}")
    assert codes_at({"docker-compose.yml": text}, CREDENTIAL) == []
