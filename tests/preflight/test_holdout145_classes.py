"""Classes the hundred-and-forty-fifth hold-out set showed (tests/preflight/holdout145: install, update and deploy
programs in Python, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: aptitude, Debian's other apt front end, installs and fetches packages as apt-get does ---------------------


def test_a_aptitude_install_is_a_root_only_fetch() -> None:
    text = _text("#!/bin/sh", "aptitude update", "aptitude install -y vsftpd")  # 2, 3
    assert codes_at({"install.sh": text}, EGRESS) == [2, 3]
    assert codes_at({"install.sh": text}, PRIVILEGE) == [2, 3]


def test_a_aptitude_run_by_a_perl_installer_is_read_too() -> None:
    text = _text("#!/usr/bin/perl", 'system "aptitude install -y mysql-server";')
    assert codes_at({"install.pl": text}, EGRESS) == [2]


def test_a_aptitude_that_only_searches_or_simulates_changes_nothing() -> None:
    text = _text("#!/bin/sh", "aptitude search vsftpd", "aptitude -s install vsftpd", "aptitude show vsftpd")
    assert codes_at({"install.sh": text}, EGRESS) == []
    assert codes_at({"install.sh": text}, PRIVILEGE) == []


# -- B: ``from fabric.api import *`` brings Fabric 1's run/sudo/local in; a ``%`` template's fields are values -----

WORLD_WRITABLE = "preflight.world_writable"


def _fabfile(header: str, *body: str) -> str:
    return _text(header, "", "", "def deploy():", *body)  # 1-4


def test_b_a_star_import_of_fabric_api_makes_a_fabfile_s_operations_command_lines() -> None:
    text = _fabfile("from fabric.api import *", "    run('git pull')")  # 5
    assert codes_at({"fabfile.py": text}, EGRESS) == [5]


def test_b_a_star_import_of_fabric_2_brings_no_operation() -> None:
    text = _fabfile("from fabric import *", "    run('git pull')")  # Fabric 2's package exports no run()
    assert codes_at({"fabfile.py": text}, EGRESS) == []


def test_b_a_named_percent_field_does_not_hide_the_commands_after_it() -> None:
    text = _fabfile("from fabric.api import run", "    run('mkdir -p %(path)s' % env)", "    run('chmod a+w logs')")
    assert codes_at({"fabfile.py": text}, WORLD_WRITABLE) == [6]


def test_b_a_named_percent_field_is_an_unknown_value_not_a_path() -> None:
    text = _fabfile("from fabric.api import run", "    run('chmod a+w %(path)s/logs' % env)")  # 5
    assert codes_at({"fabfile.py": text}, WORLD_WRITABLE) == [5]
    quiet = _fabfile("from fabric.api import run", "    run('chmod 755 %(path)s/logs' % env)")
    assert codes_at({"fabfile.py": quiet}, WORLD_WRITABLE) == []


def test_b_an_escaped_percent_sign_stays_a_percent_sign() -> None:
    text = _text("import os", "os.system('date +%%s > /etc/stamp' % ())")  # 2: writes /etc, not a %s field
    assert codes_at({"install.py": text}, PRIVILEGE) == [2]


# -- F: a Ruby setting read by a literal key (``config.fetch(:admin_password)``, ``settings[:token]``) is named by it -

SECRET_PRINTED = "preflight.secret_printed"


def _ruby(*lines: str) -> str:
    return _text("#!/usr/bin/env ruby", "config = prompt_for_config", *lines)  # 1, 2


def test_f_a_password_read_by_its_key_and_printed_is_a_printed_secret() -> None:
    text = _ruby('puts "Password: #{config.fetch(:admin_password)}"', 'puts "Token: #{settings[:api_token]}"')
    assert codes_at({"install.rb": text}, SECRET_PRINTED) == [3, 4]


def test_f_a_setting_that_is_no_secret_or_a_key_not_written_stays_quiet() -> None:
    text = _ruby('puts "Email: #{config.fetch(:admin_email)}"', 'puts "Value: #{config.fetch(key)}"')
    assert codes_at({"install.rb": text}, SECRET_PRINTED) == []


# -- G: a Go client of the product's own package runs the command line its ``Run`` method is given ----------------


def _go_update(*body: str) -> str:
    return _text(
        "package cmd",  # 1
        'import "example.com/fleet/internal/remote"',  # 2
        "func update(host, dir string) {",  # 3
        "\tclient, _ := remote.NewClient(host)",  # 4
        *body,
        "}",
    )


def test_g_a_command_line_given_to_an_own_client_s_run_method_is_run() -> None:
    text = _go_update('\tpullCmd := "cd " + dir + " && docker compose pull"', "\tclient.Run(pullCmd)")  # 5, 6
    assert codes_at({"cmd/update.go": text}, EGRESS) == [6]


def test_g_a_line_the_function_assigns_twice_is_not_known() -> None:
    text = _go_update(
        '\tcmdLine := "cd " + dir + " && docker compose pull"',
        "\tif dir == \"\" {",
        '\t\tcmdLine = "true"',
        "\t}",
        "\tclient.Run(cmdLine)",
    )
    assert codes_at({"cmd/update.go": text}, EGRESS) == []


def test_g_a_run_method_of_a_value_of_another_package_is_not_read() -> None:
    text = _text(
        "package cmd",
        'import "github.com/other/remote"',  # not the product's own internal package
        "func update(host string) {",
        "\tclient, _ := remote.NewClient(host)",
        '\tclient.Run("docker compose pull")',
        "}",
    )
    assert codes_at({"cmd/update.go": text}, EGRESS) == []


def test_g_a_client_declared_with_an_own_package_s_type_is_one_too() -> None:
    text = _text(
        "package cmd",
        'import "example.com/fleet/internal/remote"',
        "func update(c *remote.Client) {",
        "\tvar client *remote.Client",  # 4
        "\tclient = c",
        '\tclient.Run("cd /srv/app && docker compose pull")',  # 6
        "}",
    )
    assert codes_at({"cmd/update.go": text}, EGRESS) == [6]


# -- D: bundler/inline's ``gemfile do source URL; gem NAME end`` installs the gems from the source it names -------

ENDPOINT = "preflight.external_endpoint"


def _inline(*block: str) -> str:
    return _text("#!/usr/bin/env ruby", "require 'bundler/inline'", "gemfile do", *block, "end")  # 1-3


def test_d_an_inline_gemfile_s_source_is_a_host_contacted_and_no_other_registry() -> None:
    text = _inline("  source 'https://gems.example.org'", "  gem 'convox_installer'")  # 4, 5
    assert codes_at({"install.rb": text}, ENDPOINT) == [4]
    assert codes_at({"install.rb": text}, EGRESS) == []


def test_d_an_inline_gemfile_without_a_source_asks_rubygems_with_no_url() -> None:
    text = _inline("  gem 'convox_installer'")
    assert codes_at({"install.rb": text}, EGRESS) == [3]


def test_d_a_gemfile_method_without_bundler_inline_is_not_an_install() -> None:
    text = _text("#!/usr/bin/env ruby", "gemfile do", "  source 'https://gems.example.org'", "  gem 'x'", "end")
    assert codes_at({"install.rb": text}, ENDPOINT) == []


def test_d_gem_install_with_an_added_source_still_asks_the_default_one() -> None:
    text = _text("#!/bin/sh", "gem install foo --source https://gems.example.org")
    assert codes_at({"install.sh": text}, ENDPOINT) == [2]
    assert codes_at({"install.sh": text}, EGRESS) == [2]
