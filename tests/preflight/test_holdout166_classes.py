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

