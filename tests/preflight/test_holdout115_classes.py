"""Classes the hundred-and-fifteenth hold-out set showed (tests/preflight/holdout115: install, update and migrate
programs in Python, JavaScript, Go, PHP and Ruby), each as its minimal construct next to a near-miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
DELETE = "preflight.destructive_delete"
ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a Ruby local holding a command line (an array of literal lines joined) is run by ``system(name)`` ------------


def _ruby_setup(value: str, *more: str) -> str:
    return _text(
        "#!/usr/bin/env ruby",  # 1
        f"setup = {value}",  # 2
        *more,
        "system(setup)",  # 3, or after ``more``
    )


def test_a_a_joined_array_of_literal_lines_is_the_command_line() -> None:
    text = _ruby_setup("['cp a.yml b.yml', 'bundle install', 'rake db:migrate'].join(\" && \")")
    assert codes_at({"setup.rb": text}, EGRESS) == [3]


def test_a_a_local_bound_to_one_literal_line_too() -> None:
    assert codes_at({"setup.rb": _ruby_setup("'bundle install'")}, EGRESS) == [3]


def test_a_near_miss_a_local_assigned_twice_is_not_known() -> None:
    text = _ruby_setup("'bundle install'", "setup = ENV.fetch('SETUP_COMMAND')")
    assert codes_at({"setup.rb": text}, EGRESS) == []


def test_a_near_miss_an_array_with_a_value_not_literal_is_not_known() -> None:
    text = _ruby_setup("['bundle install', extra].join(' && ')")
    assert codes_at({"setup.rb": text}, EGRESS) == []


def test_a_near_miss_a_local_never_run_is_only_text() -> None:
    text = _text("#!/usr/bin/env ruby", "setup = ['bundle install'].join(' && ')", "puts setup")
    assert codes_at({"setup.rb": text}, EGRESS) == []


# -- B: ``rake db:setup`` loads the schema over the tables of a database that exists --------------------------------


def test_b_rake_db_setup_drops_existing_tables() -> None:
    assert codes_at({"bin/setup": _text("#!/bin/sh", "bundle exec rake db:setup")}, DELETE) == [2]


def test_b_near_miss_db_migrate_keeps_the_data() -> None:
    assert codes_at({"bin/setup": _text("#!/bin/sh", "bundle exec rake db:migrate")}, DELETE) == []


# -- C: a PHP URL whose host is literal and whose path holds a value is still that host, also read into memory ---------


def _php_updater(url: str) -> str:
    return _text(
        "<?php",  # 1
        f"$zip_url = {url};",  # 2
        "$zip_file = 'update.zip';",  # 3
        "$probe = @file_get_contents($zip_url);",  # 4
        "file_put_contents($zip_file, file_get_contents($zip_url));",  # 5
    )


def test_c_a_templated_path_keeps_the_host_at_both_requests() -> None:
    text = _php_updater('"https://github.com/example/site/archive/refs/tags/" . $next . ".zip"')
    assert codes_at({"update.php": text}, ENDPOINT) == [4, 5]


def test_c_a_literal_url_read_into_memory_is_a_request() -> None:
    text = _php_updater("'https://github.com/example/site/archive/master.zip'")
    assert codes_at({"update.php": text}, ENDPOINT) == [4, 5]


def test_c_near_miss_a_host_not_literal_is_not_known() -> None:
    assert codes_at({"update.php": _php_updater('"https://" . $mirror . "/site.zip"')}, ENDPOINT) == []


def test_c_near_miss_a_url_variable_never_fetched_stays_at_its_literal() -> None:
    text = _text("<?php", "$url = 'https://github.com/example/site/archive/master.zip';", "echo 'see ' . $url;")
    assert codes_at({"update.php": text}, ENDPOINT) == [2]
