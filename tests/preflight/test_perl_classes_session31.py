"""Perl scripts' dead code (session 31; holdout150's UsefulFreeHomeServer installer): the statements after an
unconditional ``exit``/``die`` in the same block never run, and neither does a sub called only from them; a stop
that a condition decides ends nothing. Each construct as a one-file package next to near-misses."""

from __future__ import annotations

from preflight_kit import codes_at

WORLD = "preflight.world_writable"
ENDPOINT = "preflight.external_endpoint"
SCHEDULED = "preflight.scheduled_job"


def _perl(*lines: str) -> dict[str, str | bytes]:
    return {"install.pl": "\n".join(("#!/usr/bin/perl", "use strict;", *lines)) + "\n"}


# -- the stop at the top level ends the script ------------------------------------------------------------------------


def test_a_command_after_a_top_level_exit_is_not_run() -> None:
    assert codes_at(_perl('system("apt-get update");', "exit(1);", 'system("chmod -R 777 /srv/share");'), WORLD) == []


def test_a_command_after_a_top_level_die_is_not_run() -> None:
    assert codes_at(_perl('die "not finished\\n";', 'system("chmod -R 777 /srv/share");'), WORLD) == []


def test_a_command_before_the_exit_still_runs() -> None:
    assert codes_at(_perl('system("chmod -R 777 /srv/share");', "exit 0;"), WORLD) == [3]


def test_a_conditional_exit_ends_nothing() -> None:
    lines = ("exit 1 if $ARGV[0] eq 'stop';", 'system("chmod -R 777 /srv/share");')
    assert codes_at(_perl(*lines), WORLD) == [4]
    lines = ("-d '/srv' or die 'no /srv';", 'system("chmod -R 777 /srv/share");')
    assert codes_at(_perl(*lines), WORLD) == [4]


def test_an_exit_inside_an_if_block_ends_only_that_block() -> None:
    lines = ("if ($ARGV[0]) {", "    exit 0;", "}", 'system("chmod -R 777 /srv/share");')
    assert codes_at(_perl(*lines), WORLD) == [6]


# -- the stop inside sub main: the rest of main and the subs only it calls -------------------------------------------

_MAIN = (
    "main();",
    "sub main {",
    "    prepare();",
    "    exit(1);",
    "    share('/srv/share');",
    "    schedule();",
    "}",
    "sub prepare { print 'ready'; }",
    "sub share {",
    "    my $dir = shift;",
    '    system("chmod -R 777 $dir");',
    "}",
    "sub schedule {",
    "    open my $fh, '>>', '/etc/crontab';",
    '    print $fh "* * * * * root /bin/job\\n";',
    "    close $fh;",
    "    system('wget https://example.org/job -O /bin/job');",
    "}",
)


def test_subs_called_only_after_the_exit_in_main_are_not_run() -> None:
    files = _perl(*_MAIN)
    assert codes_at(files, WORLD) == []
    assert codes_at(files, SCHEDULED) == []
    assert codes_at(files, ENDPOINT) == []


def test_a_sub_called_before_the_exit_still_runs() -> None:
    lines = list(_MAIN)
    lines[2], lines[4] = "    share('/srv/share');", "    prepare();"
    assert codes_at(_perl(*lines), WORLD) == [5]  # the call at 5 (before the exit) gives the sub its directory
    assert codes_at(_perl(*lines), SCHEDULED) == []


def test_a_sub_defined_after_a_top_level_exit_is_still_compiled_and_called() -> None:
    lines = ("schedule();", "exit 0;", *_MAIN[12:])
    assert codes_at(_perl(*lines), SCHEDULED) == [6]


def test_a_sub_never_mentioned_is_still_read() -> None:
    # a helper file's subs, or one a dispatch table or string eval calls: nothing says it does not run
    lines = ("exit 0;", "sub share {", '    system("chmod -R 777 /srv/share");', "}")
    assert codes_at(_perl(*lines), WORLD) == [5]


def test_a_conditional_exit_in_main_ends_nothing() -> None:
    lines = list(_MAIN)
    lines[3] = "    exit(1) unless -d '/srv';"
    assert codes_at(_perl(*lines), WORLD) == [7]
    assert codes_at(_perl(*lines), SCHEDULED) == [16]
