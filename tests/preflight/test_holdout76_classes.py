"""Classes of mistakes the seventy-sixth hold-out set found (tests/preflight/holdout76: Dockerfiles and
Containerfiles that products ship), each as its minimal construct next to a near miss that must stay quiet or keep
being reported."""

from __future__ import annotations

from preflight_kit import codes_at

_EGRESS = "preflight.implicit_egress"

# -- A: what a tool's operation fetches: a Go build fetches what the module cache lacks, uv's pip interface --------


def test_a_the_first_go_build_fetches_the_modules_and_later_ones_find_them_in_the_cache() -> None:
    dockerfile = (
        "FROM golang:1.22 AS build\n"
        "COPY . /src\n"
        'RUN CGO_ENABLED=0 go build -ldflags "-X github.com/vendor/app/version.Commit=abc" -o /app .\n'
        "RUN go test ./...\n"
        "RUN go install golang.org/x/tools/cmd/stringer@v0.20.0\n"
    )
    # the build resolves go.mod's dependencies from the module proxy (3); the tests find them cached (4); a module
    # named at a version is fetched wherever it runs (5)
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == [3, 5]


def test_a_near_miss_go_steps_after_a_download_or_from_a_vendor_directory_fetch_nothing() -> None:
    dockerfile = (
        "FROM golang:1.22\n"
        "COPY go.mod go.sum /app/\n"
        "RUN go mod download\n"
        "RUN go install github.com/mattn/go-sqlite3\n"
        "RUN go build -v -o photo .\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == [3]
    vendored = (
        "FROM golang:1.22\n"
        "RUN go build -mod=vendor -o /app .\n"
        "RUN GOFLAGS=-mod=vendor go test ./...\n"
        "RUN GOPROXY=off go build ./cmd/tool\n"
        "RUN go version\n"
    )
    assert codes_at({"Dockerfile": vendored}, _EGRESS) == []


def test_a_uv_pip_install_resolves_against_the_index() -> None:
    dockerfile = (
        "FROM python:3.12-slim\n"
        "RUN pip3 install uv && \\\n"
        "    uv pip install --system -r requirements.txt --no-cache-dir\n"
        "RUN uv tool install ruff\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == [2, 3, 4]


def test_a_near_miss_uv_pip_offline_or_listing_fetches_nothing() -> None:
    dockerfile = (
        "FROM python:3.12-slim\n"
        "RUN uv pip install --offline --system -r requirements.txt\n"
        "RUN uv pip install --no-index --find-links /wheels app\n"
        "RUN uv pip list && uv pip freeze\n"
        "RUN uv venv /opt/venv\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == []


# -- B: a build's stages are one script: what one stage fetched reaches another through COPY --from --------------

_UNVERIFIED = "preflight.unverified_download_exec"


def test_b_a_library_a_stage_fetched_is_installed_by_copy_from() -> None:
    dockerfile = (
        "FROM alpine:3.20 AS download\n"
        "RUN wget -O lib.tgz https://github.com/vendor/libs/releases/latest/download/lib-linux.tgz && \\\n"
        "    mkdir -p /lib-linux && tar -xzf lib.tgz -C /lib-linux\n"
        "FROM alpine:3.20\n"
        "COPY --from=download /lib-linux/lib/libvendor.so /usr/lib/libvendor.so\n"
        "COPY --from=0 --chown=app:app [\"/lib-linux/bin/tool\", \"/usr/local/bin/tool\"]\n"
    )
    # the first install of the fetched tree is the COPY into /usr/lib (5): one label per fetch
    assert codes_at({"Dockerfile": dockerfile}, _UNVERIFIED) == [5]


def test_b_near_miss_copy_from_the_context_or_another_image_and_fonts_put_in_place_are_not_installs() -> None:
    dockerfile = (
        "FROM ruby:3.3-alpine AS download\n"
        "WORKDIR /fonts\n"
        "RUN wget https://github.com/vendor/fonts/releases/download/v7.0/Sans-Regular.ttf\n"
        "FROM ruby:3.3-alpine\n"
        "COPY --from=download /fonts/Sans-Regular.ttf /fonts/\n"
        "RUN mkdir -p /usr/share/fonts/sans && ln -s /fonts/Sans-Regular.ttf /usr/share/fonts/sans/\n"
        "COPY ./bin/lib.tgz /usr/lib/\n"
        "COPY --from=golang:1.22 /usr/local/go /usr/local/go\n"
    )
    # a font linked into the font directory is read by the font cache, never run; the context's files are the
    # package's own, another image's are that image's
    assert codes_at({"Dockerfile": dockerfile}, _UNVERIFIED) == []


# -- C: an image build deletes only in the image it makes ---------------------------------------------------------

_DELETE = "preflight.destructive_delete"


def test_c_a_recursive_delete_in_a_run_step_deletes_no_data() -> None:
    dockerfile = (
        "FROM alpine:3.20\n"
        "RUN apk add zoneminder && apk del apk-tools && \\\n"
        "    rm -rf /etc/apk /lib/apk /var/lib/apk /var/cache/apk/* /tmp/* /run/*\n"
    )
    assert codes_at({"Containerfile": dockerfile}, _DELETE) == []


def test_c_near_miss_the_same_delete_in_a_shell_script_and_a_dropdb_in_a_build_stay_reported() -> None:
    script = "#!/bin/sh\nset -e\nrm -rf /var/lib/zoneminder\n"
    assert codes_at({"upgrade.sh": script}, _DELETE) == [3]
    dockerfile = "FROM postgres:16\nRUN dropdb -h db.internal app\n"
    assert codes_at({"Dockerfile": dockerfile}, _DELETE) == [2]

