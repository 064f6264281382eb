"""Classes of mistakes the hundred-and-sixty-third hold-out set found (tests/preflight/holdout163: Dockerfiles,
compose files, Ansible task files and a Helm template that install or upgrade a product, fifth sample), each as its
minimal construct next to a near miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_EGRESS = "preflight.implicit_egress"

# -- A: SwiftPM's build clones the package's dependencies ----------------------------------------------------------


def test_a_swift_build_of_a_cloned_package_reaches_its_dependencies_hosts() -> None:
    dockerfile = "FROM swift:5.9 AS builder\nWORKDIR /project\nCOPY . /project\nRUN swift build -c release\n"
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == [4]
    script = "#!/bin/sh\nset -e\ncd /opt/tool\nswift package resolve\n"
    assert codes_at({"install.sh": script}, _EGRESS) == [4]


def test_a_update_asks_the_remotes_every_time_and_a_build_after_resolve_finds_the_checkouts() -> None:
    script = (
        "#!/bin/sh\nset -e\ncd /opt/tool\n"
        "swift package resolve\n"
        "swift build -c release --product tool\n"
        "swift package update\n"
    )
    assert codes_at({"install.sh": script}, _EGRESS) == [4, 6]


def test_a_near_miss_swift_steps_that_neither_build_nor_resolve_stay_quiet() -> None:
    script = (
        "#!/bin/sh\nset -e\n"
        "swift --version\n"
        "swift package init --type executable\n"
        "swift package describe\n"
        "swift -c release script.swift\n"
    )
    assert codes_at({"install.sh": script}, _EGRESS) == []
