"""Classes of the small codes' false findings in the hold-out guard (session 32): each as its minimal construct next
to near-misses that must stay reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

RM_VAR = "preflight.rm_rf_variable"
TLS = "preflight.tls_verification_disabled"
DEFAULT = "preflight.default_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: ``rm -rf "$dir"`` of a whole quoted variable is never / (hold-out sets 46, 130, 238) --------------------------


def test_a_a_quoted_whole_variable_from_the_environment_or_a_literal_is_no_rm_rf_variable() -> None:
    # empty or unset, rm is given the empty name "" and removes nothing
    assert in_script(RM_VAR, 'rm -rf "$GAMESAVESDIR"') == []
    assert in_script(RM_VAR, 'BACKUP_DIR=""', 'BACKUP_DIR="./backups/$TS"', 'rm -rf "${BACKUP_DIR}"') == []
    # a loop's read of a listing, with another function's ``local f="$1"`` elsewhere
    prune = (
        'digest() { local f="$1"; sha256sum "$f"; }',
        "prune() {",
        "  local f",
        '  while IFS= read -r f; do rm -rf "$f"; done < <(ls -1dt backups/*)',
        "}",
        "prune",
    )
    assert in_script(RM_VAR, *prune) == []


def test_a_near_misses_unquoted_a_glob_or_a_value_built_on_another_variable_stay_reported() -> None:
    assert in_script(RM_VAR, "rm -rf $GAMESAVESDIR") == [3]
    assert in_script(RM_VAR, 'rm -rf "$GAMESAVESDIR"/*') == [3]
    # empty SDK makes it /bin; a slash then an empty command output makes it /
    assert in_script(RM_VAR, 'bin="${SDK}/bin"', 'rm -rf "$bin"') == [4]
    assert in_script(RM_VAR, 'WORK="/$(basename "$1")"', 'rm -rf "$WORK"') == [4]
    # the function's own local value taken from its argument
    assert in_script(RM_VAR, "wipe() {", '  local d="$1"', '  rm -rf "$d"', "}", "wipe") == [5]


# -- B: a TLS verification switch in an INI section whose server is this host (hold-out sets 211, 249) ----------------


def test_b_a_verify_switch_in_a_section_whose_host_is_local_is_quiet() -> None:
    unspecified = _text("[influx]", "host = 0.0.0.0", "port = 8086", "verify_ssl = False", "timeout = 5")
    assert codes_at({"config/config.ini": unspecified}, TLS) == []
    loopback = _text("[api]", "url = https://127.0.0.1:9080/api", "verify_ssl = false")
    assert codes_at({"config/app.ini": loopback}, TLS) == []


def test_b_near_misses_a_remote_host_another_section_or_no_section_stay_reported() -> None:
    remote = _text("[influx]", "host = influx.vendor-metrics.net", "verify_ssl = False")
    assert codes_at({"config/config.ini": remote}, TLS) == [3]
    other_section = _text("[influx]", "host = 0.0.0.0", "[upload]", "host = api.vendor.net", "verify_ssl = False")
    assert codes_at({"config/config.ini": other_section}, TLS) == [5]
    no_host = _text("[influx]", "verify_ssl = False")
    assert codes_at({"config/config.ini": no_host}, TLS) == [2]
    no_section = _text("host = 0.0.0.0", "verify_ssl = False")
    assert codes_at({"config/config.ini": no_section}, TLS) == [2]


# -- C: a table of defaults, ``declare -A DEFAULTS=( ['ADMIN_PASSWORD']='password' )`` (hold-out set 45) -------------

_APPLY = (
    'for name in "${!DEFAULTS[@]}"; do',
    '  if [ -z "${!name:-}" ]; then export "$name=${DEFAULTS[$name]}"; fi',
    "done",
)


def test_c_a_secret_variables_element_in_a_table_of_defaults_is_a_default_credential() -> None:
    table = ("declare -A DEFAULTS=(", "    ['DB_HOST']='mysql'", "    ['ADMIN_PASSWORD']='password'", ")", *_APPLY)
    assert in_script(DEFAULT, *table) == [5]


def test_c_near_misses_another_tables_name_a_plain_setting_or_an_empty_default_stay_quiet() -> None:
    names = ("declare -A OPTIONAL_PARAMS=(", "    ['adminPassword']='ADMIN_PASSWORD'", ")")
    assert in_script(DEFAULT, *names) == []
    plain = ("declare -A DEFAULTS=(", "    ['ADMIN_USERNAME']='admin'", "    ['LANGUAGE']='en_US'", ")", *_APPLY)
    assert in_script(DEFAULT, *plain) == []
    empty = ("declare -A DEFAULTS=(", "    ['ADMIN_PASSWORD']=''", ")", *_APPLY)
    assert in_script(DEFAULT, *empty) == []


# -- D: a password question whose bracketed default is handed to the prompt helper (hold-out set 193) --------------

_PERL_ASK = _text(
    "#!/usr/bin/perl",
    "sub ask { my ($q, $default) = @_; print $q; my $a = <STDIN>; chomp $a; return $a eq '' ? $default : $a; }",
    "my $user = ask('Site user [admin]:', 'admin');",
    "my $pass = ask(\"Enter $user passwd [123site123]:\", '123site123');",
)


def test_d_a_password_questions_bracketed_default_passed_to_the_helper_is_a_default_credential() -> None:
    assert codes_at({"install.pl": _PERL_ASK}, DEFAULT) == [4]


def test_d_near_misses_no_default_passed_a_shown_hint_or_a_non_password_question_stay_quiet() -> None:
    no_default = _PERL_ASK.replace(", '123site123')", ")")
    assert codes_at({"install.pl": no_default}, DEFAULT) == []
    other_literal = _PERL_ASK.replace(", '123site123')", ", '')")
    assert codes_at({"install.pl": other_literal}, DEFAULT) == []
    placeholder = _PERL_ASK.replace("123site123", "your-password")
    assert codes_at({"install.pl": placeholder}, DEFAULT) == []


# -- E: an install command's account given a literal raw password (hold-out set 56's Sylius setup) -----------------


def _setup_command(password: str) -> str:
    return _text(
        "<?php",
        "final class SetupCommand extends Command",
        "{",
        "    protected static $defaultName = 'shop:install:setup';",
        "    private function configureNewUser(AdminUserInterface $user): AdminUserInterface",
        "    {",
        "        $user->setEmail('admin@example.com');",
        f"        $user->setPlainPassword({password});",
        "        return $user;",
        "    }",
        "}",
    )


def test_e_a_literal_plain_password_set_on_the_new_account_is_a_default_credential() -> None:
    assert codes_at({"src/Command/SetupCommand.php": _setup_command("'sylius'")}, DEFAULT) == [8]


def test_e_near_misses_a_password_read_or_generated_is_quiet() -> None:
    asked = _setup_command("$this->askPassword($input, $output)")
    assert codes_at({"src/Command/SetupCommand.php": asked}, DEFAULT) == []
    variable = _setup_command("$password")
    assert codes_at({"src/Command/SetupCommand.php": variable}, DEFAULT) == []
    built = _setup_command('"{$prefix}-admin"')
    assert codes_at({"src/Command/SetupCommand.php": built}, DEFAULT) == []
