"""Download-then-run shapes other than ``curl | sh`` (shipgate.preflight.downloads, fetched): a download evaluated
as the shell's own command (``eval "$(curl …)"``), a file a wrapper saves under the name the URL gives it and the
script then runs. Each as a construct next to its near-miss (the download only read as data, or verified first)."""

from __future__ import annotations

from preflight_kit import in_script

PIPE = "preflight.pipe_to_shell"
FETCHED = "preflight.unverified_download_exec"


def test_a_download_evaluated_as_the_shells_command_is_run_unverified() -> None:
    assert in_script(PIPE, 'eval "$(curl -fsSL https://get.vendor.io/env.sh)"') == [3]
    assert in_script(PIPE, "eval \"$(wget -qO- https://get.vendor.io/env.sh | sed 's/^/export /')\"") == [3]


def test_evaluating_a_local_programs_output_or_keeping_a_download_as_data_is_not() -> None:
    assert in_script(PIPE, 'eval "$(ssh-agent -s)"', 'eval "$(/opt/homebrew/bin/brew shellenv)"') == []
    assert in_script(PIPE, 'LATEST="$(curl -fsSL https://get.vendor.io/latest)"', 'echo "$LATEST"') == []


def test_a_wrapper_that_saves_under_the_urls_name_then_the_saved_script_runs() -> None:
    lines = ('get() { wget -q "$1"; }', "get https://get.vendor.io/tool.sh", "sh tool.sh")
    assert in_script(FETCHED, *lines) == [5]


def test_the_same_download_checked_first_or_only_read_is_not_reported() -> None:
    checked = (
        'get() { wget -q "$1"; }',
        "get https://get.vendor.io/tool.sh",
        "get https://get.vendor.io/tool.sh.sha256",
        "sha256sum -c tool.sh.sha256",
        "sh tool.sh",
    )
    assert in_script(FETCHED, *checked) == []
    read = ('get() { wget -q "$1"; }', "get https://get.vendor.io/tool.sh", "grep -q VERSION tool.sh")
    assert in_script(FETCHED, *read) == []


def test_an_output_file_written_last_in_a_cluster_of_switches_is_the_saved_file() -> None:
    lines = (
        "curl -fLo /tmp/motion.deb https://github.com/vendor/motion/releases/download/v1/motion.deb",
        "wget -qO /tmp/tool.sh https://get.vendor.io/tool.sh",
        "apt-get -y install /tmp/motion.deb",
        "sh /tmp/tool.sh",
    )
    assert in_script(FETCHED, *lines) == [5, 6]


def test_a_cluster_that_writes_to_standard_output_or_whose_letter_takes_a_value_saves_nothing_there() -> None:
    lines = (
        "wget -qO- https://get.vendor.io/tool.sh > /dev/null",
        "curl -fsSAo https://get.vendor.io/motion.deb",  # -A takes the value "o": nothing is saved to a file
        "apt-get -y install ./motion.deb",
        "sh ./tool.sh",
    )
    assert in_script(FETCHED, *lines) == []
