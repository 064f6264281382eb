"""Classes of mistakes the ninety-first hold-out set found (tests/preflight/holdout91: Dockerfiles and
Containerfiles that products ship), each as its minimal construct next to a near miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_EGRESS = "preflight.implicit_egress"
_ENDPOINT = "preflight.external_endpoint"
_UNVERIFIED = "preflight.unverified_download_exec"

# -- A: a URL in the default of an expansion whose variable is unset or set empty --------------------------------


def test_a_the_default_url_of_an_empty_build_arg_is_contacted_and_its_download_followed() -> None:
    dockerfile = (
        "FROM alpine:3.19\n"
        "ARG version=\n"
        "ARG app_url=\n"
        "WORKDIR /opt\n"
        "RUN wget ${app_url:-https://github.com/acme/app/releases/download/v$version/app-$version.zip} && \\\n"
        "  unzip app-*.zip\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _ENDPOINT) == [5]
    assert codes_at({"Dockerfile": dockerfile}, _UNVERIFIED) == [6]


def test_a_the_default_url_of_a_variable_the_script_never_sets() -> None:
    script = "#!/bin/sh\nwget ${APP_URL:-https://downloads.example.org/app/$VERSION/app.tar.gz}\n"
    assert codes_at({"install.sh": script}, _ENDPOINT) == [2]


def test_a_near_miss_a_default_the_variable_overrides_or_one_that_opens_with_an_expansion() -> None:
    # the variable is set to a loopback URL: the default is never used
    script = (
        "#!/bin/sh\n"
        "APP_URL=http://127.0.0.1:8080/app.zip\n"
        "wget ${APP_URL:-https://downloads.example.org/app/$VERSION/app.zip}\n"
    )
    assert codes_at({"install.sh": script}, _ENDPOINT) == []
    # the variable is the caller's argument: the default is not what runs
    argument = 'app() {\n  APP_URL="$1"\n  wget ${APP_URL:-https://downloads.example.org/app/$VERSION/app.zip}\n}\n'
    assert codes_at({"install.sh": "#!/bin/sh\n" + argument + "app http://10.0.0.2/app.zip\n"}, _ENDPOINT) == []
    # a default that opens with an expansion names no host
    opening = "#!/bin/sh\nwget ${APP_URL:-$MIRROR/app/$VERSION/app.zip}\n"
    assert codes_at({"install.sh": opening}, _ENDPOINT) == []


def test_a_near_miss_a_named_download_is_not_taken_for_a_glob_of_the_working_directory() -> None:
    script = (
        "#!/bin/sh\n"
        "cd /opt\n"
        "wget -O /tmp/app.zip ${APP_URL:-https://downloads.example.org/app/$VERSION/app.zip}\n"
        "unzip other-*.zip\n"
    )
    assert codes_at({"install.sh": script}, _UNVERIFIED) == []


# -- B: Yarn 1's global commands ---------------------------------------------------------------------------------


def test_b_yarn_global_add_fetches_from_the_registry() -> None:
    dockerfile = "FROM node:18-alpine\nRUN yarn global add node-gyp\nRUN yarn install\n"
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == [2, 3]


def test_b_near_miss_yarn_global_listing_or_bin_fetches_nothing() -> None:
    dockerfile = "FROM node:18-alpine\nRUN yarn global list\nRUN yarn global bin\nRUN yarn global dir\n"
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == []
