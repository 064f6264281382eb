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


# -- B: get_url's mode: the file it saves made executable ---------------------------------------------------------

_DOWNLOAD = "preflight.unverified_download_exec"


def _get_url(*extra: str) -> str:
    return (
        "---\n"
        "- name: Download the server\n"
        "  ansible.builtin.get_url:\n"
        '    url: "{{ server_download_url }}"\n'
        '    dest: "{{ server_executable_path }}"\n' + "".join(f"    {line}\n" for line in extra)
    )


def test_b_a_get_url_with_an_executable_mode_and_no_checksum_makes_the_download_executable() -> None:
    # reported at the ``mode:`` line that gives the ``chmod`` (holdout255's class C; holdout125's label lists it)
    assert codes_at({"tasks/install.yml": _get_url('mode: "0750"')}, _DOWNLOAD) == [6]
    assert codes_at({"tasks/install.yml": _get_url("mode: u=rwx,go=rx")}, _DOWNLOAD) == [6]


def test_b_near_miss_a_checksum_a_data_mode_or_a_mode_known_only_when_the_play_runs() -> None:
    checked = _get_url('checksum: "sha256:{{ server_sha256 }}"', 'mode: "0755"')
    assert codes_at({"tasks/install.yml": checked}, _DOWNLOAD) == []
    assert codes_at({"tasks/install.yml": _get_url('mode: "0644"')}, _DOWNLOAD) == []
    assert codes_at({"tasks/install.yml": _get_url('mode: "{{ server_mode }}"')}, _DOWNLOAD) == []


# -- A: a digest piped to grep of the pinned digest ---------------------------------------------------------------


def _image(check: str) -> str:
    return (
        "FROM debian:12\n"
        "ENV APP_VERSION 2.0\n"
        "ENV APP_SHA1 3cab3453c9270c662766417adf16c27806124361\n"
        "RUN cd $HOME \\\n"
        "    && curl -O https://dl.example.org/app/$APP_VERSION/app-$APP_VERSION.tar.gz \\\n"
        f"    && {check} \\\n"
        "    && tar xf app-$APP_VERSION.tar.gz \\\n"
        "    && mv $HOME/app-$APP_VERSION /opt/app\n"
    )


def test_a_a_digest_piped_to_grep_of_the_pinned_digest_checks_the_download() -> None:
    assert codes_at({"Dockerfile": _image("sha1sum app-$APP_VERSION.tar.gz | grep $APP_SHA1")}, _DOWNLOAD) == []
    assert codes_at({"Dockerfile": _image('sha256sum app-$APP_VERSION.tar.gz | grep -q "$APP_SHA1"')}, _DOWNLOAD) == []


def test_a_near_miss_a_digest_only_printed_cut_or_its_grep_failure_ignored() -> None:
    assert codes_at({"Dockerfile": _image("sha1sum app-$APP_VERSION.tar.gz")}, _DOWNLOAD) == [8]
    assert codes_at({"Dockerfile": _image("sha1sum app-$APP_VERSION.tar.gz | cut -d' ' -f1")}, _DOWNLOAD) == [8]
    ignored = _image("sha1sum app-$APP_VERSION.tar.gz | grep $APP_SHA1 || true")
    assert codes_at({"Dockerfile": ignored}, _DOWNLOAD) == [8]


# -- D: a program saved straight into its install directory -------------------------------------------------------


def _saved_at(path: str, *after: str) -> str:
    return (
        "FROM alpine:3\n"
        f'ENV APP_PATH="{path}"\n'
        'RUN wget -O "${APP_PATH}" https://github.com/owner/server/releases/download/1.0/server-linux-amd64'
        + "".join(f" \\\n    && {a}" for a in after)
        + "\n"
    )


def test_d_a_program_fetched_straight_into_its_install_directory_is_installed() -> None:
    assert codes_at({"Dockerfile": _saved_at("/app/server")}, _DOWNLOAD) == [3]
    assert codes_at({"Dockerfile": _saved_at("/opt/server/server")}, _DOWNLOAD) == [3]


def test_d_near_miss_a_data_file_a_deeper_path_or_a_scratch_directory() -> None:
    assert codes_at({"Dockerfile": _saved_at("/app/config.yml")}, _DOWNLOAD) == []
    assert codes_at({"Dockerfile": _saved_at("/opt/server/data/blocklist")}, _DOWNLOAD) == []
    assert codes_at({"Dockerfile": _saved_at("/tmp/server")}, _DOWNLOAD) == []
