"""Classes found by hold-out set 143 (upgrade, backup and restore scripts of self-hosted products, second long
sample): composer's self-update, and a URL variable given a different host in each branch of an ``if``."""

from __future__ import annotations

import pytest
from preflight_kit import in_script, package, run, script

EGRESS = "preflight.implicit_egress"


@pytest.mark.parametrize("verb", ["self-update", "selfupdate"])
def test_composer_self_update_fetches_composer(verb: str) -> None:
    assert in_script(EGRESS, f"composer {verb}") == [3]


def test_composer_self_update_names_getcomposer() -> None:
    files = {"scripts/upgrade.sh": script("composer self-update --2")}
    [finding] = [f for f in run(package(files)) if f.code == EGRESS]
    assert "getcomposer.org" in finding.message


@pytest.mark.parametrize(
    "line",
    [
        "composer dump-autoload --optimize",  # regenerates the autoloader from what is installed
        "composer --version",
        "composer self-update --rollback",  # back to the previous composer.phar kept on disk
    ],
)
def test_local_composer_commands_stay_quiet(line: str) -> None:
    assert in_script(EGRESS, line) == []


ENDPOINT = "preflight.external_endpoint"


def _hosts(*lines: str) -> list[tuple[int | None, str]]:
    files = {"scripts/upgrade.sh": script(*lines)}
    return sorted(
        (f.evidence.get("line"), str(f.evidence.get("host"))) for f in run(package(files)) if f.code == ENDPOINT
    )


def test_a_url_built_on_a_base_chosen_in_each_branch_reaches_both_hosts() -> None:
    hosts = _hosts(
        "if [ -f /etc/cn ]; then",
        '    base_url="https://mirror.example.cn/releases"',
        "else",
        '    base_url="https://downloads.example.org/releases"',
        "fi",
        'download_url="$base_url/v$1/app.zip"',
        'curl -L -o app.zip "$download_url"',
    )
    assert hosts == [(9, "downloads.example.org"), (9, "mirror.example.cn")]


def test_a_base_set_once_gives_one_host() -> None:
    hosts = _hosts(
        'base_url="https://downloads.example.org/releases"',
        'download_url="$base_url/v$1/app.zip"',
        'curl -L -o app.zip "$download_url"',
    )
    assert hosts == [(5, "downloads.example.org")]


def test_a_base_overwritten_on_every_path_gives_the_last_host() -> None:
    hosts = _hosts(
        'base_url="https://old.example.org/releases"',
        'base_url="https://downloads.example.org/releases"',
        'download_url="$base_url/v$1/app.zip"',
        'curl -L -o app.zip "$download_url"',
    )
    assert hosts == [(6, "downloads.example.org")]
