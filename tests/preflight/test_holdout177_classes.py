"""Classes of mistakes the hundred-and-seventy-seventh hold-out set found (tests/preflight/holdout177: shell
installers, update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or
keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _at(path: str, *lines: str) -> list[int | None]:
    """Lines of the download findings in a bash script at ``path`` of ``lines`` (its ``#!`` line is line 1)."""
    return codes_at({path: "\n".join(("#!/bin/bash", *lines)) + "\n"}, UNVERIFIED)


# -- A: an updater that moved to its own directory unpacks the release over the tree it belongs to ------------------

_SELF_UPDATE = (
    'cd "$(dirname "$0")"',  # 2
    "cd ..",  # 3
    "wget https://example.com/releases/download/v2/app.zip",  # 4
    "unzip -o app.zip",  # 5
    "rm -rf app.zip",  # 6
    'echo "Done"',  # 7
)


def test_a_an_updater_anchored_on_its_own_directory_unpacks_over_its_installation() -> None:
    """The working directory is the script's own (``cd "$(dirname "$0")"``, then up to its parent): the archive
    lands over the installation the updater belongs to, whose code runs next; no restart needed (holdout177's
    AltServer ``update.sh``)."""
    assert _at("Test/update.sh", *_SELF_UPDATE) == [5]
    here = tuple(line for line in _SELF_UPDATE if line != "cd ..")
    assert _at("update.sh", *here) == [4]
    one_step = ('cd "$(dirname "$0")/.."', *_SELF_UPDATE[2:])
    assert _at("scripts/upgrade.sh", *one_step) == [4]


def test_a_near_misses_the_callers_directory_a_scratch_place_an_installer_or_a_checked_archive() -> None:
    # the caller's working directory, nothing started after: may be a staging place (unchanged)
    assert _at("Test/update.sh", *_SELF_UPDATE[2:]) == []
    # moved on from its own directory to a scratch place before the unpack
    scratch = (*_SELF_UPDATE[:2], "cd /tmp", *_SELF_UPDATE[2:])
    assert _at("Test/update.sh", *scratch) == []
    # not an updater: an installer unpacking beside itself
    assert _at("scripts/fetch-assets.sh", *_SELF_UPDATE) == []
    # a checksum checked before the unpack
    checked = (*_SELF_UPDATE[:3], 'echo "${SUM}  app.zip" | sha256sum -c - || exit 1', *_SELF_UPDATE[3:])
    assert _at("Test/update.sh", *checked) == []
