"""Hold-out set 226's classes (Dockerfiles of self-hosted products, holdout163/192's population), each with its
near-misses."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at, findings

_EGRESS = "preflight.implicit_egress"
_DOWNLOAD = "preflight.unverified_download_exec"
_ENDPOINT = "preflight.external_endpoint"


def _dockerfile(*lines: str) -> dict[str, str | bytes]:
    return {"Dockerfile": "\n".join(("FROM alpine", *lines)) + "\n"}


# Class A: Caddy's ``upgrade`` (and ``add-package``/``remove-package``) fetches a build from Caddy's download
# service and writes it over the installed executable, checking nothing (Tieba-Cloud-Sign's image).
@pytest.mark.parametrize(
    "command",
    ["caddy upgrade", "/usr/bin/caddy upgrade --keep-backup", "caddy add-package github.com/caddy-dns/cloudflare"],
)
def test_a_caddy_build_written_over_its_executable_is_a_fetch_and_an_unchecked_install(command: str) -> None:
    files = _dockerfile("RUN apk add --no-cache caddy \\", f"    && {command}")
    assert codes_at(files, _DOWNLOAD) == [3]
    assert codes_at(files, _EGRESS) == [2, 3]


@pytest.mark.parametrize("command", ["caddy version", "caddy list-modules", "caddy run --config /etc/caddy/Caddyfile"])
def test_a_caddy_command_that_replaces_nothing_stays_quiet(command: str) -> None:
    files = _dockerfile(f"RUN {command}")
    assert [code for code, _ in findings(files) if code in (_DOWNLOAD, _EGRESS)] == []


def test_caddy_named_only_as_a_package_is_no_self_replacement() -> None:
    files = _dockerfile("RUN apk add --no-cache caddy upgrade")
    assert codes_at(files, _DOWNLOAD) == []


# Class B: a URL whose user part holds an expansion (``https://maodd:${GITHUB_TOKEN}@github.com/…``): the known
# beginning ends inside the user part, so the host is read after the ``@`` (skydidi-cloudcode's clone).
@pytest.mark.parametrize(
    "command",
    [
        "git clone https://maodd:${GITHUB_TOKEN}@github.com/parsegroundapps/app.git /parse",
        'git clone "https://oauth2:$TOKEN@github.com/acme/app.git" /srv/app',
        "curl -fsSL -o /tmp/app.tgz https://deploy:${PASS}@github.com/acme/app.tgz",
    ],
)
def test_a_url_with_an_expanded_password_names_its_host(command: str) -> None:
    files = _dockerfile("ARG GITHUB_TOKEN", f"RUN {command}")
    assert codes_at(files, _ENDPOINT) == [3]


@pytest.mark.parametrize(
    "command",
    [
        # the host itself comes from a variable: no literal host to name
        "git clone https://maodd:${GITHUB_TOKEN}@${GIT_HOST}/app.git /parse",
        # a private address after the user part: internal, no endpoint
        "git clone https://maodd:${GITHUB_TOKEN}@10.0.0.5/app.git /parse",
        # a loopback host with a port from a variable (the beginning holds the whole host): internal
        "curl -fsS http://localhost:${PORT}/health",
    ],
)
def test_a_url_whose_host_is_not_a_public_literal_stays_quiet(command: str) -> None:
    files = _dockerfile("ARG GITHUB_TOKEN", f"RUN {command}")
    assert codes_at(files, _ENDPOINT) == []


def test_a_port_from_a_variable_keeps_the_literal_host() -> None:
    files = _dockerfile("RUN curl -fsSL -o /tmp/x.txt https://downloads.example.org:${PORT}/x.txt")
    assert codes_at(files, _ENDPOINT) == [2]
