"""Fetchers with no URL in the script: npx and dlx of a package named at a version, easy_install, git submodule
and LFS updates (egress)."""

from __future__ import annotations

import pytest
from preflight_kit import in_script

CODE = "preflight.implicit_egress"


@pytest.mark.parametrize(
    "line",
    [
        "npx @tailwindcss/upgrade@next --force",
        "npx create-foo@latest my-app",
        "npx -y serve dist",
        "npx --package=@acme/cli acme init",
        "pnpm dlx create-vite app",
        "yarn dlx @acme/migrate",
        "easy_install zc.buildout",
        "git submodule update --init --recursive",
        "git lfs pull",
    ],
)
def test_a_fetch_whose_host_is_not_written(line: str) -> None:
    assert in_script(CODE, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "npx prisma migrate deploy",  # the project's own dependency, by its bare name
        "npx @acme/cli build",  # a scope is no version
        "easy_install ./dist/app-1.0.egg",  # a distribution on disk
        "easy_install --help",
        "git submodule status",
    ],
)
def test_local_runs_stay_quiet(line: str) -> None:
    assert in_script(CODE, line) == []


def test_a_submodule_update_after_a_pull_counts_with_it() -> None:
    assert in_script(CODE, "git pull", "git submodule update --init") == [3]


def _egress_messages(*lines: str) -> list[str]:
    from preflight_kit import package, run, script

    found = run(package({"scripts/upgrade.sh": script(*lines)}))
    return [f.message for f in found if f.code == CODE]


def test_an_update_names_the_hosts_of_the_sources_written_before_it() -> None:
    (message,) = _egress_messages(
        'echo "deb https://download.docker.com/linux/debian bookworm stable" | tee /etc/apt/sources.list.d/docker.list',
        "apt-get update",
    )
    assert "download.docker.com (the source written on line 3)" in message


def test_a_commented_source_or_an_install_names_no_written_host() -> None:
    messages = _egress_messages(
        'echo "# deb https://download.docker.com/linux/debian bookworm stable" > /etc/apt/sources.list.d/docker.list',
        "apt-get install -y curl",
        "apt-get update",
    )
    assert len(messages) == 2 and not any("download.docker.com" in m for m in messages)
