"""Classes the hundred-and-tenth hold-out set showed (tests/preflight/holdout110: configuration, env and credential
files of server products, a fifth sample of holdout88's population), each as its minimal construct next to a
near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

AUTH = "preflight.authentication_disabled"
ENDPOINT = "preflight.external_endpoint"
SECRET = "preflight.hardcoded_credential"
DEFAULT = "preflight.default_credential"
KEY = "nANiZ1De4v6WnltCHN2H7Q"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a FHEM command file's interfaces opened on every interface with no login ----------------------------------


def _fhem(*extra: str) -> str:
    return _text(
        "attr global modpath .",
        "attr global statefile ./log/fhem.save",
        "",
        "define telnetPort telnet 7072 global   # our TCP/IP port",
        "define WEB FHEMWEB 8083 global",
        "attr WEB stylesheetPrefix smallscreen",
        *extra,
    )


def test_a_fhem_interfaces_on_every_interface_with_no_login_are_reported() -> None:
    assert codes_at({"fhem/fhem.cfg": _fhem()}, AUTH) == [4, 5]
    # an address beyond the host written out opens it as well
    assert codes_at({"opt/fhem/fhem.cfg": _fhem("define WEB2 FHEMWEB 8084 0.0.0.0")}, AUTH) == [4, 5, 7]
    # an allowed device valid for WEB only leaves telnetPort open
    partly = _fhem("define allowedWEB allowed", "attr allowedWEB validFor WEB", "attr allowedWEB basicAuth x")
    assert codes_at({"fhem/fhem.cfg": partly}, AUTH) == [4]


def test_a_fhem_interfaces_on_the_host_or_guarded_stay_quiet() -> None:
    local = _text("attr global modpath .", "define telnetPort telnet 7072", "define WEB FHEMWEB 8083 127.0.0.1")
    assert codes_at({"fhem/fhem.cfg": local}, AUTH) == []
    # an allowed device with no validFor guards every listener; one valid for WEB only leaves telnetPort open
    guarded = _fhem("define allowedAll allowed", "attr allowedAll basicAuth {'secret'}")
    assert codes_at({"fhem/fhem.cfg": guarded}, AUTH) == []
    assert codes_at({"fhem/fhem.cfg": _fhem("attr telnetPort password x", "attr WEB allowfrom 192.168.")}, AUTH) == []
    # a file that includes another is not judged; a file of other lines is no FHEM configuration
    assert codes_at({"fhem/fhem.cfg": _fhem("include ./more.cfg")}, AUTH) == []
    assert codes_at({"etc/app.cfg": _text("listen 0.0.0.0", "define WEB FHEMWEB 8083 global")}, AUTH) == []
    # no ``attr global`` line: not a FHEM configuration
    assert codes_at({"etc/app.cfg": _text("define WEB FHEMWEB 8083 global")}, AUTH) == []


# -- C: the keys of a list inside a block its own ``enabled: false`` switches off ---------------------------------


def test_c_listed_keys_under_a_switched_off_login_method_are_not_in_effect() -> None:
    yaml = _text(
        "accounts:",
        "    jwt-auth:",
        "        enabled: false",
        "        tokens:",
        "            -",
        '                algorithm: "hmac"',
        f'                key: "{KEY}"',
    )
    assert codes_at({"etc/ircd.yaml": yaml}, SECRET) == []


def test_c_listed_keys_of_a_switched_on_method_or_a_deeper_password_stay_reported() -> None:
    on = _text(
        "accounts:",
        "    jwt-auth:",
        "        enabled: true",
        "        tokens:",
        "            -",
        f'                key: "{KEY}"',
    )
    assert codes_at({"etc/ircd.yaml": on}, SECRET) == [6]
    # a password one block deeper than the switch (``metrics:`` → ``basic_auth:``) stays read, as the sets label it
    deeper = _text("global:", "  metrics:", "    enabled: false", "    basic_auth:", "      password: metrics")
    assert codes_at({"etc/server.yaml": deeper}, SECRET) == [5]


# -- D: a virtual host setting names what the product serves, not a host it contacts --------------------------------


def test_d_virtual_host_settings_are_not_endpoints() -> None:
    yaml = _text("server:", "    tor-listeners:", '        vhost: "tor-network.onion"')
    assert codes_at({"etc/ircd.yaml": yaml}, ENDPOINT) == []
    assert codes_at({"deploy/app.env": _text("VIRTUAL_HOST=wiki.vendor.io")}, ENDPOINT) == []


def test_d_hosts_the_product_contacts_stay_reported() -> None:
    yaml = _text("server:", "    upstream_host: relay.vendor.io", "    vhost_upstream: relay.vendor.io")
    assert codes_at({"etc/ircd.yaml": yaml}, ENDPOINT) == [2, 3]


# -- E: a ``/* … */`` block of a PHP settings template is commented out --------------------------------------------


def _php(*body: str) -> str:
    return _text("<?php", "$configValues['CONFIG_DB_USER'] = 'raduser';", *body)


def test_e_a_php_templates_block_comment_holds_no_secret() -> None:
    php = _php("/*", "$configValues['CONFIG_LOCATIONS'] = array(", '    "Password" => "db_passtest",', ");", "*/")
    assert codes_at({"app/includes/app.conf.php.sample": php}, SECRET) == []


def test_e_the_templates_own_settings_and_other_files_blocks_stay_reported() -> None:
    php = _php("$configValues['CONFIG_DB_PASS'] = 'radpass';", "/* a note */", "$g_db_password = 'db_passtest';")
    assert codes_at({"app/includes/app.conf.php.sample": php}, SECRET) == [3, 5]
    # not PHP (no ``<?php``): a template of another language keeps its lines
    conf = _text("/*", 'password = "db_passtest"', "*/")
    assert codes_at({"etc/app.conf.sample": conf}, SECRET) == [2]


# -- B: a DNS proxy's resolvers written ``transport:host:port`` in a YAML block list ------------------------------


def test_b_resolvers_with_a_transport_prefix_are_endpoints() -> None:
    yaml = _text("upstream:", "  externalResolvers:", "    - tcp-tls:1.1.1.1:853", "    - udp:dns.vendor.io")
    assert codes_at({"etc/dns/config.yml": yaml}, ENDPOINT) == [3, 4]


def test_b_private_resolvers_and_other_lists_stay_quiet() -> None:
    yaml = _text(
        "upstream:",
        "  externalResolvers:",
        "    - udp:192.168.178.1",
        "  clientGroups:",
        "    - tcp-tls:dns.vendor.io:853",
    )
    assert codes_at({"etc/dns/config.yml": yaml}, ENDPOINT) == []


# -- F: a HOCON literal followed by its optional override from the environment ------------------------------------


def test_f_a_hocon_literal_an_optional_substitution_may_override_is_a_default() -> None:
    conf = _text("db {", '  user = "sa"', '  password = "sa"', "  password =  ${?APP_DB_PW}", "}")
    assert codes_at({"src/main/resources/database.conf": conf}, DEFAULT) == [3]
    assert codes_at({"src/main/resources/database.conf": conf}, SECRET) == []


def test_f_other_keys_overrides_alone_and_other_formats_are_no_default() -> None:
    conf = _text(
        "db {",
        '  url = "jdbc:h2:${DatabaseHome}"',
        "  url =  ${?APP_DB_URL}",
        "  password =  ${?APP_DB_PW}",
        '  password2 = "sa"',
        "  other = ${?APP_DB_PW}",
        "}",
    )
    assert codes_at({"src/main/resources/database.conf": conf}, DEFAULT) == []
    yaml = _text("db:", '  password: "Kx9vTq2Lm"', "  password: ${?APP_DB_PW}")
    assert codes_at({"config/app.yaml": yaml}, DEFAULT) == []
