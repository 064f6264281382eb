"""Hold-out set 234's classes (Dockerfiles of self-hosted products, holdout163/192/226's population), each with its
near-misses."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at

_DOWNLOAD = "preflight.unverified_download_exec"
_ENDPOINT = "preflight.external_endpoint"
_CREDENTIAL = "preflight.hardcoded_credential"

_GOSU = "https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64"


def _dockerfile(*lines: str) -> dict[str, str | bytes]:
    return {"Dockerfile": "\n".join(("FROM debian:12", *lines)) + "\n"}


def _gosu(*steps: str) -> dict[str, str | bytes]:
    """gosu saved straight into /usr/local/bin (line 2), then ``steps`` on the continued lines after it."""
    lines = [
        f"RUN curl -o /usr/local/bin/gosu -SL {_GOSU} \\",
        f"    && curl -o /usr/local/bin/gosu.asc -SL {_GOSU}.asc \\",
    ]
    lines += [f"    && {step} \\" for step in steps[:-1]] + [f"    && {steps[-1]}"]
    return _dockerfile(*lines)


# Class A: a program saved straight into a bin directory is checked when a signature or checksum check of it follows
# before anything runs it (gosu's INSTALL.md: ``gpg --verify`` of the ``.asc``, then ``chmod +x``; Horizen's base).
@pytest.mark.parametrize(
    "keys",
    [
        "gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4",
        # the key server's fallbacks joined by ``||`` before the check (Horizen's three key servers)
        "gpg --keyserver hkp://p80.pool.sks-keyservers.net:80 --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4"
        " || gpg --keyserver hkp://pgp.mit.edu:80 --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4",
    ],
)
def test_a_program_in_a_bin_directory_verified_before_its_chmod_is_checked(keys: str) -> None:
    files = _gosu(
        keys, "gpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu", "chmod +x /usr/local/bin/gosu"
    )
    assert codes_at(files, _DOWNLOAD) == []


def test_a_program_in_a_bin_directory_with_no_check_is_still_reported_at_its_save() -> None:
    files = _gosu("chmod +x /usr/local/bin/gosu", "gosu nobody true")
    assert codes_at(files, _DOWNLOAD) == [2]


def test_a_program_run_before_its_check_is_reported_at_the_run() -> None:
    files = _gosu(
        "chmod +x /usr/local/bin/gosu",
        "gosu nobody true",
        "gpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu",
    )
    assert codes_at(files, _DOWNLOAD) == [4]


def test_a_check_of_another_file_does_not_check_the_program() -> None:
    files = _dockerfile(
        f"RUN curl -o /usr/local/bin/gosu -SL {_GOSU} \\",
        "    && curl -o /tmp/tool.tgz -SL https://example.org/tool.tgz \\",
        "    && gpg --batch --verify /tmp/tool.tgz.asc /tmp/tool.tgz \\",
        "    && chmod +x /usr/local/bin/gosu",
    )
    assert 2 in codes_at(files, _DOWNLOAD)


# Class B: ``ADD`` of a build variable whose value is a URL is a download as ``ADD`` of the URL itself (TundraSoft's
# ``ARG S6_OVERLAY_RELEASE=https://…`` then ``ADD ${S6_OVERLAY_RELEASE} /tmp/s6overlay.tar.gz``).
_S6 = "https://github.com/just-containers/s6-overlay/releases/latest/download/s6-overlay-amd64.tar.gz"


@pytest.mark.parametrize(
    ("declared", "source"),
    [
        ([f"ARG S6_OVERLAY_RELEASE={_S6}", "ENV S6_OVERLAY_RELEASE=${S6_OVERLAY_RELEASE}"], "${S6_OVERLAY_RELEASE}"),
        ([f"ENV S6_URL {_S6}", "ENV UNUSED=1"], "$S6_URL"),
    ],
)
def test_b_add_of_a_variable_holding_a_url_is_a_download(declared: list[str], source: str) -> None:
    files = _dockerfile(*declared, f"ADD {source} /tmp/s6overlay.tar.gz", "RUN tar xzf /tmp/s6overlay.tar.gz -C /")
    assert codes_at(files, _ENDPOINT) == [4]
    assert codes_at(files, _DOWNLOAD) == [5]


def test_b_add_of_a_variable_holding_a_url_with_its_checksum_is_checked() -> None:
    digest = "sha256:" + "a" * 64
    files = _dockerfile(
        f"ARG S6={_S6}", f"ADD --checksum={digest} ${{S6}} /tmp/s6.tar.gz", "RUN tar xzf /tmp/s6.tar.gz -C /"
    )
    assert codes_at(files, _DOWNLOAD) == []


@pytest.mark.parametrize(
    "declared",
    [
        # a local archive from the build context: ``ADD`` unpacks it, nothing is fetched
        "ARG S6_OVERLAY_RELEASE=dist/s6-overlay-amd64.tar.gz",
        # a variable with no value in the file (given by ``--build-arg``): no URL known
        "ARG S6_OVERLAY_RELEASE",
    ],
)
def test_b_add_of_a_variable_with_no_url_reads_nothing(declared: str) -> None:
    files = _dockerfile(
        declared, "ADD ${S6_OVERLAY_RELEASE} /tmp/s6overlay.tar.gz", "RUN tar xzf /tmp/s6overlay.tar.gz -C /"
    )
    assert codes_at(files, _ENDPOINT) == []
    assert codes_at(files, _DOWNLOAD) == []


# Class C: a generated key pasted into a double-quoted echo that writes it into a settings file; the shell reads the
# key's ``$`` characters as parameters and writes the rest, a literal key all the same (Django_study's SECRET_KEY).
_PASTED = "django-insecure-$31-6mesxgo6$3)kwb@)dq3nlh&dv&sjtmx$h^-0zl%939@xt@"


@pytest.mark.parametrize(
    "line",
    [
        f'RUN echo "SECRET_KEY={_PASTED}" > .env',
        "RUN printf \"API_TOKEN=Zq8$1rT4vWx9kLm2Np7Qs3Yb6Hj0Xc5\" >> /etc/app/app.env",
    ],
)
def test_c_a_key_pasted_into_a_double_quoted_echo_is_a_credential(line: str) -> None:
    assert codes_at(_dockerfile(line), _CREDENTIAL) == [2]


@pytest.mark.parametrize(
    "line",
    [
        'RUN echo "SECRET_KEY=$SECRET_KEY" > .env',  # the whole value a variable's: reported where it is assigned
        'RUN echo "SECRET_KEY=$(openssl rand -hex 32)" > .env',  # generated at run time
        'RUN echo "API_TOKEN=${TOKEN_PREFIX}_live" > .env',  # a short literal beside the variable
        'RUN echo "APP_URL=https://$HOST/api/v1/endpoints/webhooks/callback" > .env',  # no secret's name
        f'RUN echo "SECRET_KEY={_PASTED}"',  # printed to the build output, written to no file
    ],
)
def test_c_an_echo_whose_value_is_mostly_expansions_or_no_secret_stays_quiet(line: str) -> None:
    assert codes_at(_dockerfile(line), _CREDENTIAL) == []
