"""Classes of mistakes the hundred-and-forty-fourth hold-out set found (tests/preflight/holdout144: Dockerfiles,
compose files, Ansible task files and Helm values that install or upgrade a product, fourth sample), each as its
minimal construct next to a near miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_DOWNLOAD = "preflight.unverified_download_exec"

# -- A: an archive unpacked over the root directory ---------------------------------------------------------------

_OVERLAY = "https://github.com/owner/overlay/releases/download/v3/overlay-x86_64.tar.xz"


def test_a_an_archive_fetched_with_no_check_and_unpacked_over_root_is_installed() -> None:
    dockerfile = (
        f"FROM debian:12\nRUN wget {_OVERLAY} -O /tmp/overlay.tar.xz \\\n    && tar -C / -Jxpf /tmp/overlay.tar.xz\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _DOWNLOAD) == [3]


def test_a_the_tree_over_root_does_not_claim_every_later_file_and_each_unpack_is_its_own() -> None:
    dockerfile = (
        "FROM debian:12\n"
        f"RUN wget {_OVERLAY} -O /tmp/one.tar.xz && tar -C / -Jxpf /tmp/one.tar.xz\n"
        f"RUN wget {_OVERLAY}.2 -O /tmp/two.tar.xz \\\n    && tar -C / -Jxpf /tmp/two.tar.xz\n"
        "RUN cp /usr/local/cargo/bin/monolith /usr/local/bin/monolith\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _DOWNLOAD) == [2, 4]


def test_a_near_miss_a_checked_archive_over_root_or_an_unchecked_one_unpacked_in_tmp() -> None:
    checked = (
        "FROM debian:12\n"
        f"RUN wget {_OVERLAY} -O /tmp/overlay.tar.xz \\\n"
        '    && echo "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef  /tmp/overlay.tar.xz"'
        " | sha256sum -c - \\\n"
        "    && tar -C / -Jxpf /tmp/overlay.tar.xz\n"
    )
    assert codes_at({"Dockerfile": checked}, _DOWNLOAD) == []
    in_tmp = f"FROM debian:12\nRUN wget {_OVERLAY} -O /tmp/overlay.tar.xz && tar -C /tmp -Jxpf /tmp/overlay.tar.xz\n"
    assert codes_at({"Dockerfile": in_tmp}, _DOWNLOAD) == []


# -- B: a download given a directory as its destination -----------------------------------------------------------


def test_b_add_of_a_url_into_a_directory_saves_the_url_s_name_there() -> None:
    dockerfile = f"FROM debian:12\nADD {_OVERLAY} /tmp\nRUN tar -C / -Jxpf /tmp/overlay-x86_64.tar.xz\n"
    assert codes_at({"Dockerfile": dockerfile}, _DOWNLOAD) == [3]
    slash = (
        f"FROM debian:12\nADD {_OVERLAY} /downloads/\nRUN tar -C /usr/local -Jxpf /downloads/overlay-x86_64.tar.xz\n"
    )
    assert codes_at({"Dockerfile": slash}, _DOWNLOAD) == [3]


def _traefik(dest: str, src: str) -> str:
    return (
        "---\n"
        "- name: Download\n"
        "  get_url:\n"
        '    url: "https://github.com/owner/proxy/releases/download/v{{ v }}/proxy_v{{ v }}_linux_amd64.tar.gz"\n'
        f"    dest: {dest}\n"
        "- name: Install\n"
        "  unarchive:\n"
        f'    src: "{src}"\n'
        "    dest: /usr/local/bin\n"
        "    remote_src: yes\n"
    )


def test_b_get_url_into_a_directory_is_followed_to_the_unarchive_of_the_file_it_saved() -> None:
    tasks = _traefik("/tmp", "/tmp/proxy_v{{ v }}_linux_amd64.tar.gz")
    assert codes_at({"tasks/install.yml": tasks}, _DOWNLOAD) == [8]


def test_b_near_miss_a_destination_that_is_a_file_and_an_archive_of_another_name() -> None:
    # ``dest: /srv/proxy.tgz`` is the file itself: the unarchive of another path is not the download
    assert codes_at({"tasks/install.yml": _traefik("/srv/proxy.tgz", "/tmp/other.tar.gz")}, _DOWNLOAD) == []
    assert codes_at({"tasks/install.yml": _traefik("/tmp", "/tmp/other.tar.gz")}, _DOWNLOAD) == []
    added = f"FROM debian:12\nADD {_OVERLAY} /opt/overlay.tar.xz\nRUN tar -C /tmp -Jxpf /opt/overlay.tar.xz\n"
    assert codes_at({"Dockerfile": added}, _DOWNLOAD) == []


# -- D: a package module given a package file by URL --------------------------------------------------------------


def _yum(*names: str) -> str:
    return (
        "---\n"
        "- name: Install the server\n"
        "  yum:\n"
        "    name:\n" + "".join(f"      - {n}\n" for n in names) + "    state: present\n"
        "  become: yes\n"
    )


def test_d_yum_given_an_rpm_by_url_downloads_and_installs_it_unchecked() -> None:
    url = "https://repo.example.org/releases/server-{{ server_version }}-1.el7.x86_64.rpm"
    assert codes_at({"tasks/install.yml": _yum(url, "nginx")}, _DOWNLOAD) == [5]
    deb = "---\n- name: Install\n  apt:\n    deb: https://dl.example.org/server_1.2_amd64.deb\n"
    assert codes_at({"tasks/install.yml": deb}, _DOWNLOAD) == [4]


def test_d_near_miss_repository_packages_and_a_url_known_only_when_the_play_runs() -> None:
    assert codes_at({"tasks/install.yml": _yum("nginx", "server")}, _DOWNLOAD) == []
    assert codes_at({"tasks/install.yml": _yum('"{{ server_package_url }}"')}, _DOWNLOAD) == []
    assert codes_at({"tasks/install.yml": _yum("https://repo.example.org/server/")}, _DOWNLOAD) == []


# -- C: a checksum that defaults to omit, and copy of a file on the target ----------------------------------------


def _rest_server(checksum: str, mode: str = "0755") -> str:
    return (
        "---\n"
        "- name: Install\n"
        "  block:\n"
        "    - name: Download\n"
        "      get_url:\n"
        '        url: "{{ server_url }}"\n'
        f"        checksum: {checksum}\n"
        '        dest: "/tmp/{{ server_dir }}.tar.gz"\n'
        "    - name: Unarchive\n"
        "      unarchive:\n"
        '        src: "/tmp/{{ server_dir }}.tar.gz"\n'
        '        dest: "/tmp"\n'
        "        remote_src: true\n"
        "    - name: Install\n"
        "      copy:\n"
        '        src: "/tmp/{{ server_dir }}/server"\n'
        '        dest: "{{ server_path }}"\n'
        f"        mode: {mode}\n"
        "        remote_src: true\n"
        "  become: true\n"
    )


def test_c_a_checksum_that_defaults_to_omit_is_no_check_and_the_copy_made_executable_installs() -> None:
    tasks = _rest_server('"{{ server_checksum | default(omit) }}"')
    assert codes_at({"tasks/install.yml": tasks}, _DOWNLOAD) == [16]


def test_c_near_miss_a_checksum_always_given_or_a_copy_with_a_data_mode() -> None:
    assert codes_at({"tasks/install.yml": _rest_server('"sha256:{{ server_sha256 }}"')}, _DOWNLOAD) == []
    data = _rest_server('"{{ server_checksum | default(omit) }}"', mode="0644")
    assert codes_at({"tasks/install.yml": data}, _DOWNLOAD) == []
