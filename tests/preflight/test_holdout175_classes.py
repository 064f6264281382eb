"""Classes the hundred-and-seventy-fifth hold-out set showed (tests/preflight/holdout175: install, update and deploy
programs in Python, JavaScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a near-miss that must
stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

MIGRATION = "preflight.hidden_migration"


def _sh(*lines: str) -> dict[str, str]:
    return {"deploy.sh": "\n".join(("#!/bin/sh", "set -e", *lines)) + "\n"}  # 1, 2


# -- D: Django's ``syncdb`` applies the apps' schema as ``migrate`` does ----------------------------------------------


def test_d_django_admin_syncdb_is_a_hidden_migration() -> None:
    assert codes_at(_sh("django-admin syncdb"), MIGRATION) == [3]
    assert codes_at(_sh("python manage.py syncdb --noinput"), MIGRATION) == [3]
    assert codes_at(_sh("./manage.py syncdb"), MIGRATION) == [3]


def test_d_a_fabfile_run_of_django_admin_syncdb_is_a_hidden_migration() -> None:
    lines = ("from fabric.api import *", "", "@task", "def syncdb():", "    run('django-admin syncdb')")
    text = "\n".join(lines) + "\n"
    assert codes_at({"fabfile.py": text}, MIGRATION) == [5]


def test_d_other_django_admin_commands_stay_quiet() -> None:
    assert codes_at(_sh("django-admin collectstatic --noinput"), MIGRATION) == []
    assert codes_at(_sh("python manage.py sqlmigrate app 0001"), MIGRATION) == []
    assert codes_at(_sh("echo 'run django-admin syncdb'"), MIGRATION) == []


# -- C: a Perl scalar joined from a list of literal command lines, run by ``qx``/``system`` ----------------------------

EGRESS = "preflight.implicit_egress"


def _perl(*lines: str) -> dict[str, str]:
    return {"bin/deploy.pl": "\n".join(("#!/usr/bin/env perl", "use strict;", *lines)) + "\n"}  # 1, 2


def test_c_lines_joined_with_a_newline_and_run_by_qx_are_read_at_their_lines() -> None:
    files = _perl(
        "push my @commands, (",
        "\t'git checkout master',",
        "\t'git pull',",
        ");",
        "my $command = join( ' 2>&1'.\"\\n\", @commands );",
        "my $result = qx( $command );",
    )
    assert codes_at(files, EGRESS) == [5]


def test_c_lines_joined_with_and_and_run_by_system_are_one_line_at_the_run() -> None:
    files = _perl(
        "my @steps = ('apt-get update', 'apt-get install -y nginx');",
        "my $cmd = join(' && ', @steps);",
        "system($cmd);",
    )
    assert codes_at(files, EGRESS) == [5]


def test_c_a_list_with_a_value_pushed_or_a_joined_text_only_printed_stays_quiet() -> None:
    pushed = _perl(
        "my @steps = ('git pull');",
        "push @steps, $extra;",
        "my $cmd = join(' && ', @steps);",
        "system($cmd);",
    )
    assert codes_at(pushed, EGRESS) == []
    printed = _perl("my @steps = ('git pull', 'make');", "my $text = join(\"\\n\", @steps);", "print $text;")
    assert codes_at(printed, EGRESS) == []


# -- B: a bare ``shell "…"`` of a module the Ruby script includes runs that command line -------------------------------

SUDO = "preflight.sudo_unavailable"


def _ruby(*lines: str) -> dict[str, str]:
    return {"script/system_setup.rb": "\n".join(("#!/usr/bin/env ruby", "require 'terraform_dsl'", *lines)) + "\n"}


def test_b_a_runner_of_an_included_module_runs_its_command_line() -> None:
    files = _ruby(
        "include Terraform::DSL",
        'ensure_run_once("nginx permissions") do',
        '  shell "sudo chgrp admin -R /etc/nginx/sites-enabled", :silent => true',
        "end",
        'run_command "sudo rm /etc/nginx/sites-enabled/default"',
    )
    assert codes_at(files, SUDO) == [5, 7]


def test_b_it_is_read_where_written_inside_a_method_of_the_file() -> None:
    files = _ruby(
        "include Terraform::DSL",
        "def fix_nginx(site)",
        '  shell "sudo rm /etc/nginx/sites-enabled/#{site}"',
        "end",
        'fix_nginx("default")',
    )
    assert codes_at(files, SUDO) == [5]


def test_b_without_an_include_or_when_the_file_defines_it_or_on_a_receiver_it_stays_quiet() -> None:
    assert codes_at(_ruby('shell "sudo rm /etc/nginx/sites-enabled/default"'), SUDO) == []
    defined = _ruby(
        "include Terraform::DSL",
        "def shell(text) puts text end",
        'shell "sudo rm /etc/nginx/sites-enabled/default"',
    )
    assert codes_at(defined, SUDO) == []
    receiver = _ruby("include Terraform::DSL", 'session.shell "sudo rm /etc/nginx/sites-enabled/default"')
    assert codes_at(receiver, SUDO) == []
    other = _ruby("include Terraform::DSL", 'ensure_file "sudo rm /etc/nginx/sites-enabled/default"')
    assert codes_at(other, SUDO) == []


# -- B2: Ruby and Python version managers download the version they install -------------------------------------------


def test_b2_rbenv_and_pyenv_install_reach_the_network() -> None:
    assert codes_at(_sh("rbenv install 3.2.2"), EGRESS) == [3]
    assert codes_at(_sh('pyenv install "$PYTHON_VERSION"'), EGRESS) == [3]


def test_b2_their_local_commands_stay_quiet() -> None:
    assert codes_at(_sh("rbenv rehash", "rbenv global 3.2.2", "pyenv versions", "pyenv local 3.12"), EGRESS) == []


# -- A: ``pathlib.Path.mkdir`` of a path value is ``mkdir`` ------------------------------------------------------------

IMPLICIT = "preflight.implicit_privilege"


def _py(*lines: str) -> dict[str, str]:
    head = ("#!/usr/bin/env python3", "from pathlib import Path")
    return {"install.py": "\n".join((*head, *lines, "", "if __name__ == '__main__':", "    main()")) + "\n"}


def test_a_path_mkdir_under_etc_is_a_root_only_step() -> None:
    files = _py("ETC = Path('/etc/routekit')", "def main():", "    ETC.mkdir(parents=True, exist_ok=True)")
    assert codes_at(files, IMPLICIT) == [5]
    nested = _py("VAR = Path('/var/lib/routekit')", "def main():", "    (VAR / 'modules').mkdir(parents=True)")
    assert codes_at(nested, IMPLICIT) == [5]


def test_a_path_mkdir_in_the_home_or_of_a_client_object_stays_quiet() -> None:
    home = _py("def main():", "    (Path.home() / '.config' / 'app').mkdir(parents=True, exist_ok=True)")
    assert codes_at(home, IMPLICIT) == []
    client = _py(
        "import paramiko",
        "def main():",
        "    sftp = paramiko.SFTPClient.from_transport(t)",
        "    sftp.mkdir('/etc/app')",
    )
    assert codes_at(client, IMPLICIT) == []


# -- F: URLs from two literals handed to one Go download helper are contacted at its one request line --------------

ENDPOINT = "preflight.external_endpoint"


def _go(*lines: str) -> dict[str, str]:
    head = ("package cmd", "", 'import "net/http"', "")
    return {"cmd/selfupdate.go": "\n".join((*head, *lines)) + "\n"}  # the first of ``lines`` is line 5


def test_f_two_literals_through_a_helper_parameter_are_one_contact_at_its_request() -> None:
    files = _go(
        "func performUpdate(version string) error {",
        '\tbinaryURL := fmt.Sprintf("https://github.com/acme/app/releases/download/%s/app", version)',
        '\tchecksumURL := fmt.Sprintf("https://github.com/acme/app/releases/download/%s/sums", version)',
        "\tif err := download(checksumURL); err != nil {",
        "\t\treturn err",
        "\t}",
        "\treturn download(binaryURL)",
        "}",
        "",
        "func download(url string) error {",
        "\tresp, err := http.Get(url)",
        "\tif err != nil {",
        "\t\treturn err",
        "\t}",
        "\treturn resp.Body.Close()",
        "}",
    )
    assert codes_at(files, ENDPOINT) == [15]


def test_f_one_literal_through_a_helper_stays_where_it_is_written() -> None:
    files = _go(
        "func performUpdate() error {",
        '\treturn download("https://github.com/acme/app/releases/latest/download/app")',
        "}",
        "",
        "func download(url string) error {",
        "\tresp, err := http.Get(url)",
        "\tif err != nil {",
        "\t\treturn err",
        "\t}",
        "\treturn resp.Body.Close()",
        "}",
    )
    assert codes_at(files, ENDPOINT) == [6]
