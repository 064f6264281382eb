"""Classes the two-hundred-and-seventy-seventh hold-out set showed (tests/preflight/holdout277: other platforms'
packaging hooks and service definitions, second sample), each as its minimal construct next to near-misses that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

DEFAULT = "preflight.default_credential"
HOOK = "snap/hooks/configure"

# -- A: a snap option holding a secret falls back to a literal when it comes back empty ---------------------------


def _hook(getter: str, fallback: str, constants: str = 'DEFAULT_DB_USER="vendor"\n') -> str:
    return (
        "#!/bin/sh\n"
        f"{constants}"
        "option_value()\n"
        "{\n"
        f'\tport="$(snapctl get {getter})"\n'
        '\tif [ -z "$port" ]; then\n'
        f"\t\tport={fallback}\n"
        f'\t\tsnapctl set {getter}="$port"\n'
        "\tfi\n"
        '\techo "$port"\n'
        "}\n"
        "option_value\n"
    )


def test_a_a_secret_option_given_a_constant() -> None:
    # the variable's own name says nothing; the option's name says it is a password
    assert codes_at({HOOK: _hook("app.db-pwd", '"$DEFAULT_DB_USER"')}, DEFAULT) == [7]
    assert codes_at({HOOK: _hook("db-password", "${DEFAULT_DB_USER}")}, DEFAULT) == [7]


def test_a_a_secret_option_given_a_literal() -> None:
    assert codes_at({HOOK: _hook("admin-password", '"changeme"', constants="")}, DEFAULT) == [6]


def test_a_an_option_that_is_no_secret_stays_quiet() -> None:
    # the same fallback for a port, a host or a user name: a setting's default, no credential
    assert codes_at({HOOK: _hook("app.db-port", '"$DEFAULT_DB_USER"')}, DEFAULT) == []
    assert codes_at({HOOK: _hook("app.db-user", '"$DEFAULT_DB_USER"')}, DEFAULT) == []


def test_a_a_copy_of_a_value_the_environment_may_give_stays_quiet() -> None:
    # DEFAULT_DB_USER is never set in the script (the environment's, or empty): not a literal every copy shares
    assert codes_at({HOOK: _hook("app.db-pwd", '"$DEFAULT_DB_USER"', constants="")}, DEFAULT) == []
    # set from a command's output: generated, not shared
    generated = 'DEFAULT_DB_USER="$(openssl rand -hex 16)"\n'
    assert codes_at({HOOK: _hook("app.db-pwd", '"$DEFAULT_DB_USER"', constants=generated)}, DEFAULT) == []


def test_a_a_generated_fallback_stays_quiet() -> None:
    assert codes_at({HOOK: _hook("app.db-pwd", '"$(openssl rand -hex 16)"', constants="")}, DEFAULT) == []


def test_a_a_variable_reading_several_options_stays_quiet() -> None:
    # which option the fallback stands for is not known when one function reads two into the same variable
    mixed = _hook("app.db-pwd", '"$DEFAULT_DB_USER"').replace(
        '\techo "$port"\n', '\techo "$port"\n\tport="$(snapctl get app.db-port)"\n'
    )
    assert codes_at({HOOK: mixed}, DEFAULT) == []
