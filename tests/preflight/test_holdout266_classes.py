"""Hold-out set 266's classes (Dockerfiles of self-hosted products, holdout226/234/256's population), each with its
near-misses."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at

_DOWNLOAD = "preflight.unverified_download_exec"
_EGRESS = "preflight.implicit_egress"

_TARBALL = "https://example.org/lib/releases/download/1.0/lib-1.0.tar.gz"


def _dockerfile(*lines: str, image: str = "debian:12") -> dict[str, str | bytes]:
    return {"Dockerfile": "\n".join((f"FROM {image}", *lines)) + "\n"}


# Class A: an instruction whose own line holds only the escape, its flags on the lines below (``RUN \`` then
# ``--mount=type=cache,…`` lines): the flags are the instruction's, the command starts after them.
def test_a_package_steps_after_flags_below_an_escape_only_run_line_are_read() -> None:
    files = _dockerfile(
        "RUN \\",
        "  --mount=type=cache,target=/var/cache/apt,sharing=locked \\",
        "  --mount=type=cache,target=/var/lib/apt,sharing=locked \\",
        "    apt-get update && \\",
        "    apt-get dist-upgrade -y",
    )
    assert codes_at(files, _EGRESS) == [5, 6]


@pytest.mark.parametrize(
    "steps",
    [
        ["RUN \\", "  --mount=type=cache,target=/root/.cache \\", "    make build"],  # a local step after the flags
        ["RUN \\", "    echo ready"],  # no flags at all
        ["RUN --mount=type=secret,id=token \\", "    cat /run/secrets/token > /dev/null"],  # flag on the RUN line
    ],
)
def test_a_local_steps_after_flags_stay_quiet(steps: list[str]) -> None:
    assert codes_at(_dockerfile(*steps), _EGRESS) == []


# Class B: an archive unpacked with no ``-C`` in a stage's default working directory ``/`` keeps its own top
# directory; a step run from there (``cd lib-1.0 && ./configure``) runs what the fetch brought.
def _second_stage(*steps: str) -> dict[str, str | bytes]:
    return _dockerfile("WORKDIR /build", "RUN true", "FROM php:8", *steps, image="golang:1.22")


def test_b_a_source_archive_unpacked_in_the_root_and_configured_is_reported() -> None:
    files = _second_stage(f"RUN curl -Ls {_TARBALL} | tar xvz && \\", "    cd lib-1.0 && \\", "    ./configure")
    assert codes_at(files, _DOWNLOAD) == [7]


@pytest.mark.parametrize(
    "steps",
    [
        [f"RUN curl -Ls {_TARBALL} | tar xz && /usr/local/bin/php -v"],  # a system directory's program
        [f"RUN curl -Ls {_TARBALL} | tar xz", 'ENTRYPOINT ["/entrypoint.sh"]'],  # a file directly in ``/``
        [
            f"RUN curl -Lso /tmp/lib.tgz {_TARBALL} && "
            f'echo "{"a" * 64}  /tmp/lib.tgz" | sha256sum -c - && '
            "tar xzf /tmp/lib.tgz && cd lib-1.0 && ./configure"
        ],  # checked before the unpack
    ],
)
def test_b_root_unpack_near_misses_stay_quiet(steps: list[str]) -> None:
    assert codes_at(_second_stage(*steps), _DOWNLOAD) == []


# Class C: install-php-extensions installs each named extension's libraries through the package manager and PECL's
# extensions from pecl.php.net.
def test_c_install_php_extensions_reaches_the_network() -> None:
    files = _dockerfile("RUN install-php-extensions gd intl redis", image="php:8-fpm")
    assert codes_at(files, _EGRESS) == [2]


@pytest.mark.parametrize(
    "step",
    [
        "RUN docker-php-ext-install mysqli",  # built from the PHP source in the image
        "RUN install-php-extensions",  # no extension named: its usage
        "RUN docker-php-ext-enable opcache",  # an ini file written
    ],
)
def test_c_local_extension_steps_stay_quiet(step: str) -> None:
    assert codes_at(_dockerfile(step, image="php:8-fpm"), _EGRESS) == []
