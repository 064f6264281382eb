"""Secrets of PHP settings written as array elements (``'db_password' => 'x'``) and constants (``define('DB_PASSWORD',
'x')``), and the sample logins that spell their fields (secrets.keyword_secrets)."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at

CODE = "preflight.hardcoded_credential"


def _php(*lines: str) -> str:
    return "\n".join(("<?php", *lines)) + "\n"


@pytest.mark.parametrize(
    "line",
    [
        "    'db_password' => 'Xk29fjs8Lq',",
        "    'password' => 'mailpass123',",
        "define('DB_PASSWORD', 'hunter2secret');",
        "define( 'AUTH_KEY', 'q8#Lr!2vZ@9kPw1x' );",
    ],
)
def test_a_php_setting_or_constant_holding_a_password(line: str) -> None:
    assert codes_at({"config/config.php": _php(line)}, CODE) == [2]


@pytest.mark.parametrize(
    "lines",
    [
        ("define('DB_PASSWORD', 'yourpasswordhere');",),  # says what goes there
        ("define('DB_USER', 'username');", "define('DB_PASSWORD', 'password');"),  # fields spelled, to fill in
        ("'password' => getenv('DB_PASSWORD'),",),  # read at run time
        ("define('DB_PASSWORD', '');",),
    ],
)
def test_placeholders_and_values_read_at_run_time_stay_quiet(lines: tuple[str, ...]) -> None:
    assert codes_at({"config/config.php": _php(*lines)}, CODE) == []


def test_a_password_spelling_its_field_beside_a_real_user_is_a_weak_password() -> None:
    text = _php("define('DB_USER', 'lb_user');", "define('DB_PASSWORD', 'password');")
    assert codes_at({"config/config.php": text}, CODE) == [3]


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("src/Form/LegacyForm.php", "    'password' => 'passwordfield',"),  # a form's field types, in a class
        ("include/class_location.inc", '    "passwordMethod" => "include/password-methods/class_password.inc",'),
        ("config/config.php.example", "    'userPassword' => 'Password',"),  # the label a form shows
        ("etc/app/mysql.conf.php", """$conf['UpdatePass'] = "pass='%{pass}'";"""),  # an SQL template's field
    ],
)
def test_field_maps_labels_and_templates_are_no_credentials(path: str, line: str) -> None:
    assert codes_at({path: _php(line)}, CODE) == []


def test_a_settings_file_under_config_keeps_its_array_entries() -> None:
    assert codes_at({"app/config/database.php": _php("    'password' => 'Xk29fjs8Lq',")}, CODE) == [2]


def test_an_entry_inside_a_block_comment_or_a_default_copy_is_not_read() -> None:
    commented = _php("$config = [", "    /*", "    'password' => 'Xk29fjs8Lq',", "    */", "];")
    assert codes_at({"config/config.php": commented}, CODE) == []
    default_copy = _php("    'password' => 'Xk29fjs8Lq',")
    assert codes_at({"app/Config/database.php.default": default_copy}, CODE) == []


def test_a_map_entry_naming_another_field_and_a_disabled_account_are_no_passwords() -> None:
    aliases = "#!/usr/bin/perl\nmy %alias = (\n    'pass'     => 'dbpass',\n    'password' => 'dbpass',\n);\n"
    assert codes_at({"usr/bin/tool": aliases}, CODE) == []
    assert codes_at({"etc/app/auth.conf": "[xmlrpc_service_users]\nadmin = DISABLED\n"}, CODE) == []
    weak = "#!/usr/bin/perl\nmy %db = (\n    'user'     => 'app',\n    'password' => 'secret',\n);\n"
    assert codes_at({"usr/bin/tool": weak}, CODE) == [4]


def test_a_column_type_map_names_types() -> None:
    types = "#!/usr/bin/perl\nmy %columns = (\n    Name     => 'utf8',\n    Password => 'binary',\n);\n"
    assert codes_at({"usr/bin/tool": types}, CODE) == []
