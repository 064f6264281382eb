"""Classes of mistakes the hundred-and-twenty-fifth hold-out set found (tests/preflight/holdout125: Dockerfiles and
Ansible task files that install or upgrade a product, third sample), each as its minimal construct next to a near
miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_ENDPOINT = "preflight.external_endpoint"

# -- C: a Dockerfile with CRLF line ends --------------------------------------------------------------------------


def test_c_a_crlf_dockerfile_continues_its_run_over_the_next_line() -> None:
    dockerfile = (
        'FROM alpine:3\nENV APP="/app/server"\nRUN \\\n\twget -O "${APP}" \\\n'
        "\t\thttps://github.com/owner/server/releases/download/1.0/server-linux\n"
    )
    assert codes_at({"Dockerfile": dockerfile.replace("\n", "\r\n")}, _ENDPOINT) == [4]


def test_c_near_miss_a_crlf_dockerfile_names_a_host_only_in_a_comment_and_a_label() -> None:
    dockerfile = (
        "FROM alpine:3\n"
        "RUN apk add --no-cache tzdata && \\\n"
        "# from https://github.com/owner/server\n"
        "    echo done\n"
        'LABEL source="https://github.com/owner/server"\n'
    )
    assert codes_at({"Dockerfile": dockerfile.replace("\n", "\r\n")}, _ENDPOINT) == []
