"""Hold-out set 256's classes (Dockerfiles of self-hosted products, holdout192/226/234's population), each with its
near-misses."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at

_DOWNLOAD = "preflight.unverified_download_exec"
_CREDENTIAL = "preflight.hardcoded_credential"

_DUMP = "https://example.org/dump/db-latest.sql.gz"


def _dockerfile(*lines: str, image: str = "debian:12") -> dict[str, str | bytes]:
    return {"Dockerfile": "\n".join((f"FROM {image}", *lines)) + "\n"}


# Class B: a fetched file put into the database images' init directory, whose files their entrypoint runs at first
# start (rowa78's EVE dump: ``ADD`` in a builder stage, unpacked, ``COPY --from=builder`` into the init directory).
def test_b_a_fetched_dump_copied_from_a_stage_into_the_init_directory_is_reported() -> None:
    files = _dockerfile(
        "RUN true",
        "FROM alpine AS builder",
        f"ADD {_DUMP} /tmp/",
        "RUN gunzip /tmp/db-latest.sql.gz",
        "FROM mariadb:11",
        "COPY --from=builder /tmp/db-latest.sql /docker-entrypoint-initdb.d",
        image="alpine:3",
    )
    assert codes_at(files, _DOWNLOAD) == [7]


@pytest.mark.parametrize(
    "step",
    [f"ADD {_DUMP} /docker-entrypoint-initdb.d/", f"RUN curl -fsSL -o /docker-entrypoint-initdb.d/db.sql.gz {_DUMP}"],
)
def test_b_a_dump_fetched_straight_into_the_init_directory_is_reported(step: str) -> None:
    assert codes_at(_dockerfile(step, image="mariadb:11"), _DOWNLOAD) == [2]


@pytest.mark.parametrize(
    "steps",
    [
        [f"ADD --checksum=sha256:{'a' * 64} {_DUMP} /docker-entrypoint-initdb.d/"],  # checked by ADD
        ["COPY schema.sql /docker-entrypoint-initdb.d/"],  # the package's own file
        [f"RUN curl -fsSL -o /tmp/db.sql.gz {_DUMP}"],  # fetched, never put where it runs
        [f"RUN curl -fsSL -o /docker-entrypoint-initdb.d/README.txt {_DUMP}"],  # a document, which it skips
        [
            f'RUN curl -fsSL -o /tmp/db.sql {_DUMP} && echo "{"a" * 64}  /tmp/db.sql" | sha256sum -c - '
            "&& cp /tmp/db.sql /docker-entrypoint-initdb.d/"
        ],  # checked before the copy
    ],
)
def test_b_init_directory_near_misses_stay_quiet(steps: list[str]) -> None:
    assert codes_at(_dockerfile(*steps, image="mariadb:11"), _DOWNLOAD) == []


# Class C: an image's ``ENV`` (a script's assignment) is judged as configuration is: three letters and digits under a
# password's name are the password (``MARIADB_PASSWORD=eve``, as holdout67's ``password = ojs``).
@pytest.mark.parametrize("line", ["ENV MARIADB_ROOT_PASSWORD=eve", "ENV MYSQL_PASSWORD=ab1", "ENV DB_PASS=dev"])
def test_c_a_three_letter_password_is_a_credential(line: str) -> None:
    assert codes_at(_dockerfile(line, image="mariadb:11"), _CREDENTIAL) == [2]


@pytest.mark.parametrize(
    "line",
    [
        "ENV MARIADB_USER=eve",  # a name, not a password
        "ENV MYSQL_PASSWORD=no",  # a switch's word
        "ENV MYSQL_PASSWORD=ab",  # two characters
        "ENV MYSQL_PASSWORD=123",  # digits alone (holdout67 keeps them quiet)
        "ENV PASSWORD_ENCRYPTION=md5",  # a technical word under a password's name
        "ENV MYSQL_PASSWORD=foo",  # a metasyntactic placeholder
        "ENV MYSQL_PASSWORD=***",  # a mask
    ],
)
def test_c_short_values_that_are_no_password_stay_quiet(line: str) -> None:
    assert codes_at(_dockerfile(line, image="mariadb:11"), _CREDENTIAL) == []
