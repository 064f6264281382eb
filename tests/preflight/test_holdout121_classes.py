"""Classes the hundred-and-twenty-first hold-out set showed (tests/preflight/holdout121: configuration files shipped
in upgrade packages, a seventh sample: Spring YAML, TOML, PHP settings, INI, `.conf` directives, `.env`, vhosts,
`my.cnf`), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
SECRET = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a redirect or callback setting written with a hyphen ------------------------------------------------------


def _oauth(key: str) -> str:
    return _text(
        "justauth:", "  type:", "    GITHUB:", "      client-id: abc", f"      {key}: http://sso.vendor.com/cb"
    )


def test_a_a_hyphenated_redirect_uri_is_the_products_own_address() -> None:
    for key in ("redirect-uri", "callback-url", "redirect.uri"):
        assert codes_at({"src/main/resources/application.yml": _oauth(key)}, ENDPOINT) == [], key


def test_a_a_hyphenated_host_setting_stays_reported() -> None:
    assert codes_at({"src/main/resources/application.yml": _oauth("token-uri")}, ENDPOINT) == [5]


# -- B: a commented example line of a configuration file ----------------------------------------------------------


def test_b_a_password_url_on_a_commented_env_line_is_an_example() -> None:
    env = _text("# Examples:", "#  DATABASE_URL=postgresql://funkwhale:passw0rd@localhost:5432/app", "DEBUG=false")
    assert codes_at({"deploy/env.prod.sample": env}, SECRET) == []
    ini = _text("[db]", ";dsn = mysql://app:Z3r0P4ss@localhost/app", "name = app")
    assert codes_at({"cfg/app.ini": ini}, SECRET) == []


def test_b_the_same_url_as_a_setting_stays_reported() -> None:
    env = _text("# Examples:", "DATABASE_URL=postgresql://funkwhale:passw0rd@localhost:5432/app", "DEBUG=false")
    assert codes_at({"deploy/env.prod.sample": env}, SECRET) == [2]
    # in a shell script a commented line is still read as before (not a configuration file)
    script = _text("#!/bin/sh", "# psql postgresql://app:passw0rd@db.vendor.io/app", "psql -c 'select 1'")
    assert codes_at({"scripts/db.sh": script}, SECRET) == [2]


# -- C: a flat feature switch turns off the settings named after it -----------------------------------------------


_DSN = "https://44332e9fdd3d42879c7d35bf8562c6a4:0062dc16a22b41679cd5765e5342f716@sentry.vendor.com/5"


def test_c_settings_of_a_feature_switched_off_by_name_are_not_in_effect() -> None:
    env = _text("DEBUG=false", "RAVEN_ENABLED=false", f"RAVEN_DSN={_DSN}")
    assert codes_at({"deploy/env.prod.sample": env}, ENDPOINT) == []
    assert codes_at({"deploy/env.prod.sample": env}, SECRET) == []
    php = _text(
        "<?php",
        "$proxy_enabled  = false;                  // Enable/Disable usage of the Proxy server",
        "$proxy_server   = 'myproxy.vendor.com';   // Proxy server FQDN or IP",
    )
    assert codes_at({"config.dist.php": php}, ENDPOINT) == []


def test_c_a_switched_on_feature_or_another_prefix_stays_reported() -> None:
    on = _text("RAVEN_ENABLED=true", f"RAVEN_DSN={_DSN}")
    assert codes_at({"deploy/env.prod.sample": on}, ENDPOINT) == [2]
    other = _text("METRICS_ENABLED=false", f"RAVEN_DSN={_DSN}")
    assert codes_at({"deploy/env.prod.sample": other}, ENDPOINT) == [2]
    # a check switched off is a requirement, not a feature: the settings stay in effect
    check = _text("LDAP_AUTH_ENABLED=false", "LDAP_AUTH_PASSWORD=s3cretBind42")
    assert codes_at({"deploy/app.env": check}, SECRET) == [2]


# -- D: a password directive of a space-separated directive file --------------------------------------------------


def _directives(*extra: str) -> str:
    base = [f"option{i} {i}" for i in range(10)]
    return _text("# server settings", "dbengine mysql", "dbuser app", *extra, *base)


def test_d_a_password_directive_is_a_credential() -> None:
    conf = _directives("dbpass s3cretDb", "console_pass pandora")
    assert codes_at({"conf/app_server.conf.new": conf}, SECRET) == [4, 5]


def test_d_directives_elsewhere_stay_quiet() -> None:
    # a commented directive, a bypass switch, a file of few directives, nginx's ``proxy_pass``
    assert codes_at({"conf/app_server.conf": _directives("#dbpass s3cretDb", "bypass yes")}, SECRET) == []
    assert codes_at({"conf/small.conf": _text("dbuser app", "dbpass s3cretDb")}, SECRET) == []
    nginx = _text(
        "server {", "    listen 80;", "    location / {", "        proxy_pass http://127.0.0.1:4000;", "    }", "}"
    )
    assert codes_at({"conf/site.conf": nginx}, SECRET) == []


# -- E: a host-named variable or constant of a PHP settings file --------------------------------------------------


def test_e_php_settings_hosts_are_endpoints() -> None:
    php = _text(
        "<?php",
        "// what is your Mysql database server hostname",
        "$database_host = 'db01.vendor.it';",
        "define('PHPMAILERHOST', 'mail.vendor.it');",
        "define('HTTP_PROXY_HOST', 'proxy.vendor.it');",
    )
    assert codes_at({"lists/config/config.php": php}, ENDPOINT) == [3, 4, 5]


def test_e_other_php_values_stay_quiet() -> None:
    php = _text(
        "<?php",
        "$site_url = 'www.vendor.it';",  # the product's own name
        "$database_host = 'localhost';",  # loopback
        "//define('PHPMAILERHOST', 'mail.vendor.it');",  # commented
        "define('TEST', 0);",
    )
    assert codes_at({"lists/config/config.php": php}, ENDPOINT) == []
    # a PHP file that is no settings file: a class's constant stays program source
    source = _text("<?php", "$database_host = 'db01.vendor.it';")
    assert codes_at({"lib/Mailer.php": source}, ENDPOINT) == []


# -- F: object-storage blocks beside a local storage choice -------------------------------------------------------


def _uploads(choice: str) -> str:
    return _text(
        "jeecg:",
        f"  uploadType: {choice}",
        "  oss:",
        "    accessKey: ??",
        "    endpoint: oss-cn-beijing.aliyuncs.com",
        "  minio:",
        "    minio_url: http://minio.vendor.com",
        "  ai-chat:",
        "    apiHost: https://api.vendor-ai.com/v1",
    )


def test_f_object_stores_beside_a_local_choice_are_not_contacted() -> None:
    assert codes_at({"src/main/resources/application-dev.yml": _uploads("local")}, ENDPOINT) == [9]


def test_f_the_chosen_store_stays_reported() -> None:
    assert codes_at({"src/main/resources/application-dev.yml": _uploads("minio")}, ENDPOINT) == [5, 7, 9]
    assert codes_at({"src/main/resources/application-dev.yml": _uploads("alioss")}, ENDPOINT) == [5, 7, 9]
