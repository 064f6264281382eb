"""Classes the forty-first hold-out set showed (tests/preflight/holdout41: configuration and environment files a
vendor ships: pg_hba.conf, redis.conf, mosquitto.conf, sysctl and sudoers files, env files, properties and YAML),
each as its minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

AUTH = "preflight.authentication_disabled"
KERNEL = "preflight.kernel_settings"
CRED = "preflight.hardcoded_credential"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a Mosquitto broker that lets anonymous clients in beyond the host -----------------------------------------


def test_anonymous_clients_on_a_listener_beyond_the_host_are_reported_at_the_setting() -> None:
    conf = _text("persistence true", "listener 1883 0.0.0.0", "allow_anonymous true")
    assert codes_at({"docker/mosquitto/config/mosquitto.conf": conf}, AUTH) == [3]
    # a listener with no address is on every interface; a fragment under a mosquitto/ folder is the broker's too
    assert codes_at({"etc/mosquitto/conf.d/default.conf": _text("listener 1883", "allow_anonymous true")}, AUTH) == [2]
    # the old default listener (``port``) with the setting before it
    assert codes_at({"mosquitto.conf": _text("allow_anonymous true", "port 1883")}, AUTH) == [1]


def test_anonymous_clients_only_on_loopback_a_socket_or_refused_stay_quiet() -> None:
    for conf in (
        _text("listener 1883 127.0.0.1", "allow_anonymous true"),
        _text("listener 1883 localhost", "allow_anonymous true"),
        _text("listener 0 /run/mosquitto/mqtt.sock", "allow_anonymous true"),
        _text("listener 1883", "bind_interface lo", "allow_anonymous true"),
        _text("listener 1883", "allow_anonymous false", "password_file /mosquitto/config/passwd"),
        _text("listener 1883", "allow_anonymous true", "allow_anonymous false"),
        _text("listener 1883", "#allow_anonymous true"),
        _text("allow_anonymous true"),  # no listener: Mosquitto 2 listens on loopback only
        _text("listener 1883", "allow_anonymous true", "acl_file /mosquitto/config/acl"),  # anonymous may get nothing
    ):
        assert codes_at({"mosquitto/config/mosquitto.conf": conf}, AUTH) == [], conf
    # the same words in a file that is not a Mosquitto configuration
    assert codes_at({"docs/broker.conf": _text("listener 1883", "allow_anonymous true")}, AUTH) == []


def test_per_listener_settings_give_each_listener_its_own_anonymous_switch() -> None:
    conf = _text(
        "per_listener_settings true",
        "listener 1883 127.0.0.1",
        "allow_anonymous true",  # 3: loopback only
        "listener 8883",
        "allow_anonymous false",
        "listener 9001",
        "protocol websockets",
        "allow_anonymous true",  # 8: every interface
    )
    assert codes_at({"mosquitto.conf": conf}, AUTH) == [8]


# -- B: a sysctl file kept outside a sysctl.d path in the source tree ---------------------------------------------


def test_a_sysctl_file_under_a_sysctl_folder_or_named_for_sysctl_is_a_kernel_setting() -> None:
    assert codes_at({"etc/sysctl/90-vendor-osd.conf": _text("fs.aio-max-nr = 1048576")}, KERNEL) == [1]
    conf = _text("# tuning for the broker", "net.core.somaxconn = 4096", "vm.overcommit_memory = 1")
    assert codes_at({"packaging/99-vendor.sysctl.conf": conf}, KERNEL) == [2]


def test_a_file_there_whose_settings_are_not_kernel_keys_stays_quiet() -> None:
    # a product's own settings file that happens to sit in a folder named sysctl
    assert codes_at({"conf/sysctl/app.conf": _text("listen = 8080", "fs.aio-max-nr = 1048576")}, KERNEL) == []
    assert codes_at({"conf/sysctl/empty.conf": _text("# nothing set")}, KERNEL) == []
    # kernel keys in a file with another name and place are another program's settings (not installed as sysctl)
    assert codes_at({"etc/vendor/limits.conf": _text("fs.aio-max-nr = 1048576")}, KERNEL) == []


# -- C: an unquoted value followed by a trailing comment ----------------------------------------------------------


def test_a_password_followed_by_a_trailing_comment_is_still_a_credential() -> None:
    env = _text("POSTGRES_USER=vendor  # user to connect", "POSTGRES_PASSWORD=vendorpw  # database user's password")
    assert codes_at({"docker/.env": env}, CRED) == [2]
    yml = _text("defaultuser:", "  name: admin # the user", "  pass: hunter22 # the password of the default user")
    assert codes_at({"config.example.yml": yml}, CRED) == [3]


def test_a_comment_after_an_empty_reference_or_quoted_value_stays_what_it_was() -> None:
    env = _text(
        "DB_PASSWORD=  # set this before the first start",
        "DB_PASSWORD=${DB_PASSWORD}  # from the environment",
        "SMTP_PASSWORD=change me # a sentence, not a password",
        "API_URL=https://api.vendor.io/#/v2  # no space before the fragment's #",
    )
    assert codes_at({"docker/.env": env}, CRED) == []
    # a quoted value keeps its ``#``: the password is the whole string
    assert codes_at({"docker/.env": _text('REDIS_PASSWORD="pa ss #1"  # quoted')}, CRED) == []


# -- D: an Erlang distribution cookie -----------------------------------------------------------------------------


def test_an_erlang_cookie_is_a_credential() -> None:
    env = _text("RABBITMQ_ERLANG_COOKIE=vendor-erlang-cookie", "RELEASE_COOKIE=elixirrelease")
    assert codes_at({"docker/.env": env}, CRED) == [1, 2]


def test_cookie_settings_that_are_not_erlang_secrets_stay_quiet() -> None:
    env = _text("SESSION_COOKIE_NAME=vendor_session", "COOKIE_DOMAIN=vendor.io", "RABBITMQ_ERLANG_COOKIE=${COOKIE}")
    assert codes_at({"docker/.env": env}, CRED) == []


# -- E: "change me" and how, written as one CamelCase word ---------------------------------------------------------


def test_a_camel_case_change_me_instruction_is_a_placeholder() -> None:
    env = _text("APP_KEY=ChangeMeBy32KeyLengthOrGenerated", "JWT_SECRET=change_me_to_a_random_string")
    assert codes_at({".env.example": env}, CRED) == []


def test_changeme_alone_or_with_digits_is_still_the_password_it_is() -> None:
    env = _text(
        "DB_PASSWORD=changeme",
        "ADMIN_PASSWORD=ChangeMe123",
        "APP_KEY=Xk29ChangeMeLater8f3a",
        "REDIS_PASSWORD=CHANGEME-PASSWORD",  # changeme and a noun: the value Redis enforces as shipped
    )
    assert codes_at({".env.example": env}, CRED) == [1, 2, 3, 4]


# -- F: a mail relay beside a mail transport that sends nothing ---------------------------------------------------


def test_a_mail_host_beside_a_console_or_log_transport_is_not_contacted() -> None:
    django = _text("EMAIL_BACKEND=console  # or smtp", "EMAIL_HOST=smtp.vendor-mail.io  # SMTP server address")
    assert codes_at({"docker/.env": django}, ENDPOINT) == []
    dotted = _text("EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend", "EMAIL_HOST=smtp.vendor-mail.io")
    assert codes_at({"config/app.env": dotted}, ENDPOINT) == []
    laravel = _text("MAIL_MAILER=log", "MAIL_HOST=smtp.vendor-mail.io", "MAIL_PORT=587")
    assert codes_at({".env.example": laravel}, ENDPOINT) == []


def test_a_mail_host_beside_an_smtp_transport_or_none_is_contacted() -> None:
    smtp = _text("MAIL_DRIVER=smtp", "MAIL_HOST=smtp.vendor-mail.io")
    assert codes_at({".env.example": smtp}, ENDPOINT) == [2]
    assert codes_at({".env.example": _text("MAIL_HOST=smtp.vendor-mail.io")}, ENDPOINT) == [1]
    # the last transport wins: console switched back to smtp
    both = _text("EMAIL_BACKEND=console", "EMAIL_BACKEND=smtp", "EMAIL_HOST=smtp.vendor-mail.io")
    assert codes_at({"docker/.env": both}, ENDPOINT) == [3]
    # other hosts of a console-mail file are still contacted
    other = _text("EMAIL_BACKEND=console", "SENTRY_DSN_HOST=https://errors.vendor-mail.io")
    assert codes_at({"docker/.env": other}, ENDPOINT) == [2]
