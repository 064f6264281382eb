"""Classes the hundred-and-thirty-first hold-out set showed (tests/preflight/holdout131: configuration files shipped
in upgrade packages, an eighth sample: `.env`, YAML, a Perl settings module, INI, an nginx vhost), each as its minimal
construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
SECRET = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a host setting under the product's own name as prefix ------------------------------------------------------


def _env(app_name: str) -> str:
    return _text(
        f"APP_NAME={app_name}",
        "MAIL_DRIVER=smtp",
        "MAIL_HOST=mail.vendor.com",
        "ANONADDY_HOSTNAME=mail.vendor.com",
        "DB_HOSTNAME=db.vendor.com",
    )


def test_a_a_hostname_under_the_apps_own_prefix_is_its_own_name() -> None:
    assert codes_at({".env.example": _env("AnonAddy")}, ENDPOINT) == [3, 5]


def test_a_the_same_prefix_under_another_app_name_stays_a_host() -> None:
    assert codes_at({".env.example": _env("Relay")}, ENDPOINT) == [3, 4, 5]


# -- B: a Perl hash subscript names the setting ---------------------------------------------------------------------


def _perl(line: str) -> str:
    return _text("package Kernel::Config;", "sub Load {", "    my $Self = shift;", line, "}", "1;")


def test_b_a_pw_key_in_a_perl_hash_subscript_is_a_password() -> None:
    for line in ("    $Self->{DatabasePw} = 'some-pass';", "    $conf{'db_pw'} = 'some-pass';"):
        assert codes_at({"Kernel/Config.pm.dist": _perl(line)}, SECRET) == [4], line


def test_b_a_subscript_not_named_for_a_password_stays_quiet() -> None:
    for line in ("    $Self->{DatabaseUser} = 'otobo';", "    $Self->{DatabasePwPolicy} = 'strict';"):
        assert codes_at({"Kernel/Config.pm.dist": _perl(line)}, SECRET) == [], line
