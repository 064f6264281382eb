"""PHP settings read from tree-sitter-php's tree (``php_settings``): entries, element settings, block comments and
string text by the parse, not by what a line starts with."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.php_settings import read

CODE = "preflight.hardcoded_credential"


def test_entries_at_any_depth_defines_and_element_settings_by_line() -> None:
    source = (
        "<?php\n"  # 1
        "return [\n"  # 2
        "    'db' => [\n"  # 3
        "        'password' => 'x',\n"  # 4
        "    ],\n"  # 5
        "];\n"  # 6
        "define('DB_PASSWORD', 'x');\n"  # 7
        "$conf['db']['password'] = 'x';\n"  # 8
        "$conf[$key] = 'x';\n"  # 9
    )
    found = read("config/config.php", source)
    assert found is not None
    assert found.entries == {3, 4, 7}
    assert found.elements == {8}
    assert found.setting(8) and not found.setting(9)
    assert found.constants == {7: ("DB_PASSWORD", len("define('DB_PASSWORD', "))}
    assert read("README.md", source) is None


def test_a_block_comment_opener_inside_a_string_hides_no_setting() -> None:
    """``/*`` at the start of a string's line opens no comment: the password below it is read (a line scan took
    everything after it as commented out)."""
    text = "<?php\n$css = '\n/* header';\n$config = [\n    'password' => 'Xk29fjs8Lq',\n];\n"
    assert codes_at({"config/config.php": text}, CODE) == [5]


def test_near_miss_a_real_block_comment_and_a_string_holding_an_entry_stay_quiet() -> None:
    commented = "<?php\n$config = [\n    /* the database\n    'password' => 'Xk29fjs8Lq',\n    */\n];\n"
    assert codes_at({"config/config.php": commented}, CODE) == []
    help_text = "<?php\n$help = \"Write it as\n'password' => 'Xk29fjs8Lq',\nin config.php\";\n"
    assert codes_at({"config/config.php": help_text}, CODE) == []


def test_a_constant_is_read_from_the_call_and_a_computed_name_is_not_one() -> None:
    spaced = "<?php\ndefine (  'DB_PASSWORD' ,  'Xk29fjs8Lq'  );\n"
    assert codes_at({"config/config.php": spaced}, CODE) == [2]
    computed = "<?php\ndefine($prefix . 'DB_PASSWORD', 'Xk29fjs8Lq');\n"
    assert codes_at({"config/config.php": computed}, CODE) == []
