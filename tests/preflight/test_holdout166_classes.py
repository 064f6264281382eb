"""Classes the hundred-and-sixty-sixth hold-out set showed (tests/preflight/holdout166: install, update and deploy
programs in Python, JavaScript/TypeScript, Go, PHP, Ruby and Perl), each as its minimal construct next to a
near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PIPE = "preflight.pipe_to_shell"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: a Perl scalar built from other scalars names the interpreter a download is piped into -------------------------


def _perl(*lines: str) -> str:
    return _text("#!/usr/bin/perl", "use strict;", *lines)  # 1, 2


def test_b_a_download_piped_into_a_perl_named_by_a_built_path_is_piped_to_a_shell() -> None:
    text = _perl(
        'my $path = "/home/vagrant/localperl";',
        'my $perl = "$path/bin/perl";',
        'system "curl -L https://cpanmin.us | $perl - App::cpanminus";',
    )
    assert codes_at({"install.pl": text}, PIPE) == [5]


def test_b_braced_references_are_read_too() -> None:
    text = _perl('my $root = "/opt/x";', 'my $sh = "${root}/bin/sh";', 'system "curl -fsSL https://x.io/i | $sh";')
    assert codes_at({"install.pl": text}, PIPE) == [5]


def test_b_a_scalar_built_from_one_assigned_twice_stays_unknown() -> None:
    text = _perl(
        'my $path = "/usr/local";',
        '$path = "/opt";',
        'my $perl = "$path/bin/perl";',
        'system "curl -L https://cpanmin.us | $perl - App::cpanminus";',
    )
    assert codes_at({"install.pl": text}, PIPE) == []


def test_b_a_download_piped_into_a_built_path_that_is_no_interpreter_stays_quiet() -> None:
    text = _perl(
        'my $path = "/home/vagrant/localperl";',
        'my $tool = "$path/bin/cpanm";',
        'system "curl -L https://cpanmin.us | $tool --self-upgrade";',
    )
    assert codes_at({"install.pl": text}, PIPE) == []


# -- A: a Ruby heredoc handed to abort/puts is text shown to people ----------------------------------------------------

ENDPOINT = "preflight.external_endpoint"


def _ruby(*lines: str) -> str:
    return _text("#!/usr/bin/env ruby", *lines)  # 1


def test_a_a_heredoc_given_to_abort_names_no_contacted_host() -> None:
    text = _ruby(
        "abort <<-EOABORT unless File.exist?('/usr/local/bin/brew')",
        "Get it from http://brew.sh",
        'or run: ruby -e "$(curl -fsSL https://raw.githubusercontent.com/Homebrew/install/master/install)"',
        "EOABORT",
        'system "brew install redis"',
    )
    assert codes_at({"install.rb": text}, ENDPOINT) == []


def test_a_a_squiggly_heredoc_given_to_puts_is_text_too() -> None:
    text = _ruby("puts <<~EOS", "  Then register this host at https://portal.vendor.io/hosts", "EOS")
    assert codes_at({"install.rb": text}, ENDPOINT) == []


def test_a_a_heredoc_run_as_a_command_still_contacts_its_host() -> None:
    text = _ruby("system <<~EOS", "  curl -fsSL https://get.vendor.io/agent -o /tmp/agent", "EOS")
    assert codes_at({"install.rb": text}, ENDPOINT) == [3]


def test_a_a_heredoc_assigned_to_a_constant_is_not_shown() -> None:
    text = _ruby("SERVICE_URL = <<~EOS.strip", "  https://api.vendor.io/v1", "EOS", "Net::HTTP.get(URI(SERVICE_URL))")
    assert codes_at({"install.rb": text}, ENDPOINT) != []
