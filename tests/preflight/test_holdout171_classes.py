"""Classes of mistakes the hundred-and-seventy-first hold-out set found (tests/preflight/holdout171: shell
installers, update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or
keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

PRINTED = "preflight.secret_printed"


def _in(code: str, *lines: str) -> list[int | None]:
    """Lines of the ``code`` findings in a bash script of ``lines`` (its ``#!`` line is line 1; no ``set -e``)."""
    return codes_at({"scripts/install.sh": "\n".join(("#!/bin/bash", *lines)) + "\n"}, code)


# -- A: a short piece of a secret printed as a mask ------------------------------------------------------------------


def test_a_a_short_substring_of_a_secret_is_a_mask_not_the_secret() -> None:
    assert _in(PRINTED, 'echo "API Key: ${API_KEY:0:8}..."') == []
    assert _in(PRINTED, 'echo "token ends in ${API_TOKEN: -4}"', 'echo "or ${API_TOKEN:(-4)}"') == []
    say = ('log_info() { echo "[INFO] $1"; }', 'log_info "  API Key: ${API_KEY:0:8}..."')
    assert _in(PRINTED, *say) == []


def test_a_near_misses_the_whole_secret_a_long_piece_or_a_default_are_still_printed() -> None:
    assert _in(PRINTED, 'echo "API Key: ${API_KEY:0:8}... (full: $API_KEY)"') == [2]
    assert _in(PRINTED, 'echo "token: ${API_TOKEN:0:40}"') == [2]
    assert _in(PRINTED, 'echo "token: ${API_TOKEN:4}"') == [2]
    assert _in(PRINTED, 'echo "password: ${DB_PASSWORD:-changeme}"') == [2]
    assert _in(PRINTED, 'echo "DEBUG: Set API_KEY to: $API_KEY" >&2') == [2]


# -- B: a local file copied over the download's own place is not the download ---------------------------------------

UNVERIFIED = "preflight.unverified_download_exec"


def test_b_a_local_fallback_copied_onto_the_downloaded_path_is_not_the_download() -> None:
    lines = (
        'DIR="/opt/agent"',
        'if ! curl -fsSL https://example.com/agent -o "$DIR/agent"; then',
        '    cp agent "$DIR/"',
        "fi",
        'chmod 755 "$DIR/agent"',
    )
    assert _in(UNVERIFIED, *lines) == [6]


def test_b_near_misses_the_download_itself_copied_into_a_bin_directory_is_still_reported() -> None:
    lines = ("cd /tmp", "curl -fsSLO https://example.com/agent", "cp agent /usr/local/bin/")
    assert _in(UNVERIFIED, *lines) == [4]
    elsewhere = ('curl -fsSL https://example.com/agent -o "/opt/agent/agent"', "cp agent /usr/local/bin/agent")
    assert _in(UNVERIFIED, *elsewhere) != []  # a copy elsewhere is not over the download: still read as it
