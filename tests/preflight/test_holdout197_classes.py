"""Classes the hundred-and-ninety-seventh hold-out set showed (tests/preflight/holdout197: systemd units, timers,
drop-ins, cron files and the jobs they start, against a Debian 12 unit list), each as its minimal construct next to
a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

from shipgate.preflight.shell.call_order import in_call_order
from shipgate.preflight.shell.reader import parse_script

UNVERIFIED = "preflight.unverified_download_exec"

# -- B: a fetch inside a function the reader treats as a tool happens at the function's call -------------------------

_SYNC = (
    "sync() {",
    "    git add -u && git commit -m 'update'",
    '    git pull "$1" master && git push "$1" master',
    "}",
)


def test_b_a_pull_in_a_function_called_after_the_run_is_not_before_it() -> None:
    # the pull (line 5) is written above ./merge.py but runs at the calls below it
    assert in_script(UNVERIFIED, *_SYNC, "./merge.py certs", "sync origin", "sync mirror") == []


def test_b_a_pull_in_a_function_called_before_the_run_still_precedes_it() -> None:
    assert in_script(UNVERIFIED, *_SYNC, "sync origin", "./merge.py certs") == [8]


def test_b_a_tool_functions_body_runs_once_before_its_first_call() -> None:
    text = "\n".join(("#!/bin/sh", *_SYNC, "echo start", "sync origin", "echo between", "sync mirror", ""))
    order = [(c.name, c.line) for c in in_call_order(parse_script(text, path="x.sh"), frozenset({"sync"}))]
    # the definition's place holds nothing; the body once, just before the first call (not once per call)
    assert [name for name, _ in order] == ["echo", "git", "git", "git", "git", "sync", "echo", "sync"]
    assert order[5] == ("sync", 7)


def test_b_a_wrapper_call_piped_into_tar_is_still_the_fetch_tar_reads() -> None:
    # the wrapper's body comes before its call, so the pipe's reader still follows the call (starship's installer)
    fetch = ("fetch() {", '  curl --fail --location "$1" || exit 1', "}")
    install = ("install() {", '  fetch "$URL" | tar xzf - -C /usr/local/bin', "}")
    assert in_script(UNVERIFIED, *fetch, *install, "URL=https://example.org/tool.tar.gz", "install") == [7]


def test_b_a_tool_function_no_call_reaches_keeps_its_place() -> None:
    text = "\n".join(("#!/bin/sh", *_SYNC, "echo start", ""))
    order = [(c.name, c.line) for c in in_call_order(parse_script(text, path="x.sh"), frozenset({"sync"}))]
    assert [name for name, _ in order] == ["git", "git", "git", "git", "echo"]
