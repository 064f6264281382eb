"""Hold-out set 280's classes (Dockerfiles of self-hosted products, holdout234/256/266's population), each with its
near-misses."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at

_DOWNLOAD = "preflight.unverified_download_exec"
_EGRESS = "preflight.implicit_egress"

_ARCHIVE = "https://example.org/app/archive/refs/tags/v1.0.tar.gz"


def _dockerfile(*lines: str, image: str = "alpine:3.19") -> dict[str, str | bytes]:
    return {"Dockerfile": "\n".join((f"FROM {image}", *lines)) + "\n"}


def _fetched_tree(*steps: str, image: str = "alpine:3.19") -> dict[str, str | bytes]:
    """A tag archive ``ADD``ed beside the working directory and unpacked into it (lines 2-4), then ``steps``."""
    return _dockerfile(
        "WORKDIR /tmp/app",
        f"ADD {_ARCHIVE} ../app.tar.gz",
        "RUN tar xf ../app.tar.gz --strip-components=1",
        *steps,
        image=image,
    )


# Class A: the .NET SDK's build verbs restore NuGet packages first (its implicit restore) and run the projects'
# MSBuild targets: ``dotnet publish`` in a fetched tree reaches nuget.org and runs what the fetch brought.
def test_a_dotnet_publish_restores_from_nuget() -> None:
    files = _dockerfile("RUN dotnet publish App.Server --configuration Release --output /server")
    assert codes_at(files, _EGRESS) == [2]


@pytest.mark.parametrize(
    "step",
    [
        "RUN dotnet publish App.Server --no-restore --output /server",  # packages restored earlier, from the cache
        "RUN dotnet test --no-build",  # nothing built, nothing restored
        'CMD ["dotnet", "App.Server.dll"]',  # a built program run, no verb
        "RUN dotnet --info",  # prints the SDK's settings
    ],
)
def test_a_dotnet_steps_that_restore_nothing_stay_quiet(step: str) -> None:
    assert codes_at(_dockerfile(step), _EGRESS) == []


def test_a_dotnet_build_of_a_fetched_tree_is_its_run() -> None:
    files = _fetched_tree("RUN dotnet publish App.Server --output /server")
    assert codes_at(files, _DOWNLOAD) == [5]


@pytest.mark.parametrize(
    "step",
    [
        "RUN dotnet --info",  # the SDK itself, nothing of the tree
        "RUN dotnet",  # a bare dotnet prints its usage
        "RUN cd / && dotnet publish /src/App.Server",  # another directory's project (the build context's)
    ],
)
def test_a_dotnet_near_misses_of_a_fetched_tree_stay_quiet(step: str) -> None:
    assert codes_at(_fetched_tree(step), _DOWNLOAD) == []


# Class B: ``go run FILE`` (also ``go generate``, ``go test``) in a fetched checkout compiles and runs its program.
def test_b_go_run_in_a_tag_checkout_runs_the_clone() -> None:
    files = _dockerfile(
        "RUN git clone https://example.org/app.git && \\",
        "    cd app && \\",
        "    git checkout v1.0 && \\",
        "    go run build.go",
        image="golang:1.22",
    )
    assert codes_at(files, _DOWNLOAD) == [5]


@pytest.mark.parametrize(
    "steps",
    [
        ["    git checkout " + "a" * 40 + " && \\", "    go run build.go"],  # a full commit id: pinned
        ["    go version"],  # the toolchain, nothing of the clone
        ["    go run golang.org/x/tools/cmd/stringer@v0.1.0"],  # a module from the proxy, not the clone
        ["    go"],  # a bare go prints its usage
    ],
)
def test_b_go_near_misses_stay_quiet(steps: list[str]) -> None:
    clone = ("RUN git clone https://example.org/app.git && \\", "    cd app && \\")
    files = _dockerfile(*clone, *steps, image="golang:1.22")
    assert codes_at(files, _DOWNLOAD) == []
