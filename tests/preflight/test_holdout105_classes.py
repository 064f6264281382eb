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


# -- B: a task file whose only reading is an unarchive task ---------------------------------

_ENDPOINT = "preflight.external_endpoint"
_UNVERIFIED = "preflight.unverified_download_exec"


def test_b_a_task_file_with_only_module_tasks_is_read_for_its_unarchive_of_a_url() -> None:
    tasks = (
        "---\n"
        "- name: fetch and unpack\n"
        "  unarchive:\n"
        "    src: 'https://releases.example.com/{{ v }}/app-{{ v }}.tar.gz'\n"
        "    dest: '/opt'\n"
        "    remote_src: yes\n"
        "- name: account\n"
        "  user:\n"
        "    name: app\n"
    )
    assert codes_at({"tasks/install.yml": tasks}, _ENDPOINT) == [4]
    assert codes_at({"tasks/install.yml": tasks}, _UNVERIFIED) == [4]


def test_b_near_miss_plain_yaml_settings_that_name_no_module_stay_unread() -> None:
    settings = "---\n- name: app\n  src: 'https://releases.example.com/app.tar.gz'\n  dest: /opt\n"
    assert codes_at({"settings.yml": settings}, _ENDPOINT) == []
    controller = "---\n- unarchive:\n    src: files/app.tar.gz\n    dest: /opt/app\n"
    assert codes_at({"tasks/main.yml": controller}, _UNVERIFIED) == []


# -- C: unarchive of a path on the target (remote_src: yes, or the older copy: no) --------------------------------


def _fetch_then_unpack(option: str) -> str:
    return (
        "---\n"
        "- get_url:\n"
        "    url: 'https://download.example.com/app-{{ v }}.zip'\n"
        "    dest: '/tmp/app-{{ v }}.zip'\n"
        "- unarchive:\n"
        "    src: '/tmp/app-{{ v }}.zip'\n"
        "    dest: /opt/app\n"
        f"    {option}\n"
    )


def test_c_a_file_get_url_saved_unpacked_on_the_target_into_opt_is_an_unverified_install() -> None:
    assert codes_at({"tasks/main.yml": _fetch_then_unpack('copy: "no"')}, _UNVERIFIED) == [6]
    assert codes_at({"tasks/main.yml": _fetch_then_unpack("remote_src: true")}, _UNVERIFIED) == [6]


def test_c_near_miss_a_controller_file_or_a_checked_download() -> None:
    # without remote_src (or with copy: yes) the src is the controller's file, copied over: not the fetched one
    assert codes_at({"tasks/main.yml": _fetch_then_unpack("copy: yes")}, _UNVERIFIED) == []
    checked = _fetch_then_unpack("remote_src: true").replace(
        "    dest: '/tmp/app-{{ v }}.zip'\n", "    dest: '/tmp/app-{{ v }}.zip'\n    checksum: 'sha256:{{ sum }}'\n"
    )
    assert codes_at({"tasks/main.yml": checked}, _UNVERIFIED) == []


# -- H: a shell profile an image build writes ---------------------------------------------------------------------

_PERSISTENCE = "preflight.persistence"


def test_h_a_profile_an_image_build_writes_is_the_images_own() -> None:
    dockerfile = (
        "FROM ubuntu:22.04\n"
        "RUN adduser --disabled-password app \\\n"
        "    && echo 'PATH=$PATH:$HOME/tools/bin' >> /home/app/.bashrc\n"
        "RUN echo 'export APP_HOME=/opt/app' >> /etc/profile\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _PERSISTENCE) == []


def test_h_near_miss_an_installer_script_or_an_image_that_grants_access() -> None:
    script = "#!/bin/sh\necho 'PATH=$PATH:$HOME/tools/bin' >> /home/app/.bashrc\n"
    assert codes_at({"install.sh": script}, _PERSISTENCE) == [2]
    keys = "FROM ubuntu:22.04\nRUN echo 'ssh-ed25519 AAAA… ops' >> /root/.ssh/authorized_keys\n"
    assert codes_at({"Dockerfile": keys}, _PERSISTENCE) == [2]


# -- E: corepack's download of a package manager -----------------------------------------------------------------


def test_e_corepack_prepare_install_and_use_download_the_package_manager() -> None:
    dockerfile = (
        "FROM node:lts-alpine\n"
        "RUN corepack enable && corepack prepare pnpm --activate\n"
        "RUN corepack install\n"
        "RUN corepack use pnpm@9.1.0\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == [2, 3, 4]


def test_e_near_miss_corepack_shims_and_a_tarball_on_disk() -> None:
    dockerfile = (
        "FROM node:lts-alpine\n"
        "RUN corepack enable\n"
        "RUN corepack disable yarn\n"
        "RUN corepack hydrate /tmp/corepack.tgz --activate\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _EGRESS) == []
