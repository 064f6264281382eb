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


# -- C: a check in a group of statements whose failure does not stop the next one ----------------------------------


def test_c_a_checksum_in_a_run_heredoc_without_errexit_does_not_stop_the_unpack() -> None:
    dockerfile = (
        "FROM ubuntu:24.04\n"
        "RUN <<EOR\n"
        "set -o xtrace\n"
        'wget "https://nodejs.example.org/dist/node-v20.tar.gz"\n'
        'wget "https://nodejs.example.org/dist/SHASUMS256.txt"\n'
        'grep "node-v20.tar.gz" SHASUMS256.txt | shasum -a 256 -c -\n'
        'tar xzf "node-v20.tar.gz" -C /usr/local --strip-components=1\n'
        "EOR\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _UNVERIFIED) == [7]
    group = (
        "#!/bin/sh\n"
        "{\n"
        "  curl -fsSLO https://nodejs.example.org/dist/node-v20.tar.gz\n"
        "  sha256sum -c node.sha256\n"
        "  tar xzf node-v20.tar.gz -C /usr/local\n"
        "}\n"
    )
    assert codes_at({"install.sh": group}, _UNVERIFIED) == [5]


def test_c_near_miss_errexit_a_chained_check_or_a_run_of_its_own_stops_the_build() -> None:
    errexit = (
        "FROM ubuntu:24.04\n"
        "RUN <<EOR\n"
        "set -eu\n"
        'wget "https://nodejs.example.org/dist/node-v20.tar.gz"\n'
        'echo "abc123  node-v20.tar.gz" | sha256sum -c -\n'
        'tar xzf "node-v20.tar.gz" -C /usr/local\n'
        "EOR\n"
    )
    assert codes_at({"Dockerfile": errexit}, _UNVERIFIED) == []
    chained = (
        "FROM ubuntu:24.04\n"
        "RUN <<EOR\n"
        'wget "https://nodejs.example.org/dist/node-v20.tar.gz"\n'
        'echo "abc123  node-v20.tar.gz" | sha256sum -c - && tar xzf "node-v20.tar.gz" -C /usr/local\n'
        "EOR\n"
    )
    assert codes_at({"Dockerfile": chained}, _UNVERIFIED) == []
    # each RUN is its own shell: a failed check fails the build before the next RUN
    separate = (
        "FROM ubuntu:24.04\n"
        'RUN wget "https://nodejs.example.org/dist/node-v20.tar.gz"\n'
        'RUN echo "abc123  node-v20.tar.gz" | sha256sum -c -\n'
        'RUN tar xzf "node-v20.tar.gz" -C /usr/local\n'
    )
    assert codes_at({"Dockerfile": separate}, _UNVERIFIED) == []
    # a function whose last statement is the check: its caller decides
    last = (
        "#!/bin/sh\n"
        "fetch_node() {\n"
        "  curl -fsSLO https://nodejs.example.org/dist/node-v20.tar.gz\n"
        "  sha256sum -c node.sha256\n"
        "}\n"
        "fetch_node && tar xzf node-v20.tar.gz -C /usr/local\n"
    )
    assert codes_at({"install.sh": last}, _UNVERIFIED) == []


# -- D: a product's setting of Node's rejectUnauthorized; an ENV that opens with a continuation -------------------

_TLS = "preflight.tls_verification_disabled"


def test_d_a_products_reject_unauthorized_set_false_in_an_env_block_that_opens_with_a_continuation() -> None:
    dockerfile = (
        "FROM ubuntu:24.04\n"
        'ENV BUILD_DEPS="curl unzip"\n'
        "\n"
        "ENV \\\n"
        "    LDAP_ENABLE=false \\\n"
        "    LDAP_REJECT_UNAUTHORIZED=false \\\n"
        '    LDAP_CA_CERT=""\n'
    )
    assert codes_at({"Dockerfile": dockerfile}, _TLS) == [6]
    assert codes_at({"start.sh": "#!/bin/sh\nexport SMTP_REJECT_UNAUTHORIZED=0\nexec node server.js\n"}, _TLS) == [2]


def test_d_near_miss_a_setting_that_keeps_the_check_or_only_shares_the_words() -> None:
    dockerfile = (
        "FROM ubuntu:24.04\n"
        "ENV \\\n"
        "    MAILER_TLS_REJECT_UNAUTHORIZED=true \\\n"
        "    LDAP_REJECT_UNAUTHORIZED_COUNT=0 \\\n"
        "    REJECT_UNAUTHORIZED_LOG=false\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _TLS) == []


def test_d_an_env_block_that_opens_with_a_continuation_keeps_each_settings_line() -> None:
    dockerfile = (
        "FROM alpine:3.19\n"
        "ENV \\\n"
        "    APP_HOME=/srv/app \\\n"
        "    DB_PASSWORD=Sup3rS3cret!\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, "preflight.hardcoded_credential") == [4]
