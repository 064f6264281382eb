"""Classes of mistakes the hundred-and-fifth hold-out set found (tests/preflight/holdout105: Dockerfiles and Ansible
task files that install or upgrade a product), each as its minimal construct next to a near miss that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_EGRESS = "preflight.implicit_egress"

# -- A: apk's options that take a value, before its applet --------------------------------------------------------


def test_a_apk_add_after_a_virtual_package_name_fetches() -> None:
    dockerfile = (
        "FROM alpine:3.19\n"
        "RUN apk --update --no-cache --virtual build-deps add python3 build-base && \\\n"
        "    apk -t other-deps add git\n"
        "RUN apk -X https://dl-cdn.alpinelinux.org/alpine/edge/testing add foo\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == [2, 3, 4]


def test_a_near_miss_a_virtual_package_removed_or_listed_fetches_nothing() -> None:
    dockerfile = (
        "FROM alpine:3.19\n"
        "RUN apk --virtual build-deps del python3\n"
        "RUN apk --root /mnt info\n"
        "RUN apk del --purge build-deps\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == []

