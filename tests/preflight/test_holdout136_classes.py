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


# -- A: an ADO.NET connection string: its server, its password, its certificate switch ------------------------------


def _appsettings(connection: str) -> dict[str, str]:
    return {"appsettings.json": _text("{", '  "ConnectionStrings": {', f'    "Default": "{connection}"', "  }", "}")}


_SHOP = "Data Source=203.0.114.15;Initial Catalog=shop;User ID=shop;Password=India@2022;Trust Server Certificate=True"


def test_a_a_connection_strings_server_password_and_trust_switch_are_read() -> None:
    files = _appsettings(_SHOP)
    assert (codes_at(files, ENDPOINT), codes_at(files, SECRET), codes_at(files, TLS)) == ([3], [3], [3])


def test_a_the_same_string_in_an_environment_variable_is_read() -> None:
    env = {".env": "ConnectionStrings__Default=Server=tcp:db.vendor.com,1433;Database=shop;Pwd=S3cr=t\n"}
    assert (codes_at(env, ENDPOINT), codes_at(env, SECRET)) == ([1], [1])


def test_a_a_local_server_a_referenced_password_and_a_kept_check_stay_quiet() -> None:
    local = "Server=127.0.0.1;Database=shop;User ID=shop;Password=${DB_PASSWORD};TrustServerCertificate=False"
    files = _appsettings(local)
    assert (codes_at(files, ENDPOINT), codes_at(files, SECRET), codes_at(files, TLS)) == ([], [], [])


def test_a_pairs_with_no_server_or_no_companion_are_no_connection_string() -> None:
    files = _appsettings("Host=cache.vendor.com;Timeout=5;Password=Sh0pPass!")
    assert codes_at(files, SECRET) == [3]  # a server and a password: a connection string
    files = _appsettings("Host=cache.vendor.com;Timeout=5;Secure=True")
    assert (codes_at(files, ENDPOINT), codes_at(files, SECRET)) == ([], [])


# -- C: a dotted path set false in a .properties file switches off the settings under it ----------------------------


def _properties(switch: str) -> dict[str, str]:
    filler = [f"app.option{n}=value{n}" for n in range(60)]  # the switch far above its group, as MaxKey's is
    return {
        "src/main/resources/application.properties": _text(
            switch, *filler, "app.login.wsfederation.url=https://adfs.vendor.top/adfs/ls/"
        )
    }


def test_c_a_group_switched_off_by_its_own_path_contacts_nothing() -> None:
    assert codes_at(_properties("app.login.wsfederation=false"), ENDPOINT) == []


def test_c_another_paths_switch_or_a_switch_on_leaves_the_host() -> None:
    for switch in ("app.login.wsfed=false", "app.login.wsfederation=true", "app.login=false.x"):
        assert codes_at(_properties(switch), ENDPOINT) == [62], switch


# -- D: the name of the password-hashing scheme is no password ------------------------------------------------------


def test_d_a_password_encoder_setting_names_a_scheme() -> None:
    files = {"application.properties": _text("app.crypto.password.encoder=bcrypt", "app.crypto.password=bcrypt1x")}
    assert codes_at(files, SECRET) == [2]


# -- E: a Spring placeholder's fallback host ------------------------------------------------------------------------


def test_e_a_placeholders_fallback_host_is_contacted_while_the_variable_is_unset() -> None:
    files = {"application.properties": _text("spring.mail.host=${MAIL_HOST:smtp.vendor-mail.com}")}
    assert codes_at(files, ENDPOINT) == [1]


def test_e_a_loopback_fallback_or_no_fallback_stays_quiet() -> None:
    for value in ("${REDIS_HOST:127.0.0.1}", "${MAIL_HOST}", "${MAIL_HOST:}"):
        files = {"application.properties": _text(f"spring.mail.host={value}")}
        assert codes_at(files, ENDPOINT) == [], value


def test_e_a_yaml_modules_fallback_stays_unread() -> None:
    files = {"application.yml": _text("consul:", "  hostAndPorts: ${CONSUL_HOSTS:consul.vendor-mail.com:8500}")}
    assert codes_at(files, ENDPOINT) == []


# -- I: actuator endpoints exposed with management security off -----------------------------------------------------

AUTH = "preflight.authentication_disabled"


def _actuator(*lines: str) -> dict[str, str]:
    return {"src/main/resources/application.properties": _text("server.port=9527", *lines)}


def test_i_every_actuator_endpoint_exposed_with_security_off_is_reported() -> None:
    files = _actuator("management.security.enabled=false", "management.endpoints.web.exposure.include=*")
    assert codes_at(files, AUTH) == [3]


def test_i_harmless_endpoints_or_no_security_switch_stay_quiet() -> None:
    harmless = _actuator("management.security.enabled=false", "management.endpoints.web.exposure.include=health,info")
    unguarded_unknown = _actuator("management.endpoints.web.exposure.include=*")
    commented = _actuator("management.security.enabled=false", "#management.endpoints.web.exposure.include=*")
    assert [codes_at(f, AUTH) for f in (harmless, unguarded_unknown, commented)] == [[], [], []]


# -- G: a [server] section's bare hostname is the server's own name -------------------------------------------------


def _conf(section: str) -> dict[str, str]:
    return {"nitter.example.conf": _text(f"[{section}]", 'hostname = "front.vendor.net"', "port = 8080")}


def test_g_a_server_sections_hostname_is_its_own_name() -> None:
    assert codes_at(_conf("Server"), ENDPOINT) == []


def test_g_another_sections_hostname_stays_a_host() -> None:
    for section in ("Database", "upstream"):
        assert codes_at(_conf(section), ENDPOINT) == [2], section


# -- H: an OpenID Connect authorisation endpoint is the browser's page ----------------------------------------------

_REALM = "https://sso.vendor-id.ca/auth/realms/master/protocol/openid-connect"


def test_h_the_authorisation_endpoint_is_a_page_the_token_endpoint_a_host() -> None:
    files = {"conf.toml": _text("[Oidc]", f'AuthUrl = "{_REALM}/auth"', f'TokenUrl = "{_REALM}/token"')}
    assert codes_at(files, ENDPOINT) == [3]
