"""Classes the 264th hold-out set showed (tests/preflight/holdout264: Ansible roles that install or upgrade a
self-hosted product), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, script

EGRESS = "preflight.implicit_egress"
ENDPOINT = "preflight.external_endpoint"
UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: ``n VERSION``, Node's version manager, downloads the release ---------------------------------------------------


def test_a_n_of_a_version_in_a_shell_task_reaches_the_network() -> None:
    tasks = _text(
        "- name: Install the NodeJS environment via n",  # 1
        "  shell: n 0.10.40",  # 2
        "  when: not node_bin.stat.exists|bool",  # 3
    )
    assert codes_at({"tasks/main.yml": tasks}, EGRESS) == [2]


def test_a_n_of_lts_and_n_install_reach_the_network() -> None:
    assert codes_at({"scripts/upgrade.sh": script("n lts", "n install 20.11.1")}, EGRESS) == [3, 4]


def test_a_near_miss_n_listing_or_removing_installed_versions_stays_quiet() -> None:
    assert codes_at({"scripts/upgrade.sh": script("n ls", "n rm 18", "n prune", "n --version")}, EGRESS) == []


def test_a_near_miss_a_bare_n_stays_quiet() -> None:
    assert codes_at({"scripts/upgrade.sh": script("n")}, EGRESS) == []


# -- B: ``get_url``'s older ``sha256sum:`` is the check ``checksum:`` replaced ---------------------------------------


def _fetch_and_unpack(*check: str) -> str:
    return _text(
        "- name: Fetch the tarball",  # 1
        "  get_url:",  # 2
        '    url: "https://dl.example.org/app-{{ app_version }}.tgz"',  # 3
        *check,
        '    dest: "{{ app_path }}/app-{{ app_version }}.tgz"',
        "  become: true",
        "- name: Unpack the tarball",
        "  unarchive:",
        "    copy: false",
        '    src: "{{ app_path }}/app-{{ app_version }}.tgz"',
        '    dest: "{{ app_path }}"',
        "  become: true",
    )


def test_b_a_download_checked_by_sha256sum_is_not_unverified() -> None:
    tasks = _fetch_and_unpack('    sha256sum: "{{ app_sha256 }}"')
    assert codes_at({"tasks/main.yml": tasks}, UNVERIFIED) == []


def test_b_near_miss_the_same_download_with_no_check_is_unverified() -> None:
    assert codes_at({"tasks/main.yml": _fetch_and_unpack()}, UNVERIFIED) == [9]


def test_b_near_miss_a_sha256sum_defaulting_to_omit_is_no_check() -> None:
    tasks = _fetch_and_unpack('    sha256sum: "{{ app_sha256 | default(omit) }}"')
    assert codes_at({"tasks/main.yml": tasks}, UNVERIFIED) == [10]


# -- C: a ``uri`` task with ``dest:`` saves the answer, unchecked ----------------------------------------------------


def _uri(*args: str) -> str:
    return _text(
        "- name: Verify jq exists",  # 1
        "  block:",  # 2
        '    - command: "command -v jq"',  # 3
        "  rescue:",  # 4
        "    - name: Download jq",  # 5
        "      uri:",  # 6
        "        url: https://github.com/stedolan/jq/releases/download/jq-1.6/jq-linux64",  # 7
        *(f"    {a}" for a in args),
    )


def test_c_uri_saving_a_binary_into_a_bin_directory_is_unverified() -> None:
    tasks = _uri("    dest: /usr/bin/jq", "    mode: 0755")
    assert codes_at({"tasks/software.yml": tasks}, UNVERIFIED) == [7]


def test_c_near_miss_uri_with_no_dest_is_a_request_only() -> None:
    tasks = _uri("    method: GET", "    return_content: true")
    assert codes_at({"tasks/software.yml": tasks}, UNVERIFIED) == []
    assert codes_at({"tasks/software.yml": tasks}, ENDPOINT) == [7]


def test_c_near_miss_uri_saving_a_data_file_stays_quiet() -> None:
    tasks = _uri("    dest: /srv/app/releases.json")
    assert codes_at({"tasks/software.yml": tasks}, UNVERIFIED) == []


# -- D: the host a command substitution's own download contacts is not the outer command's -------------------------


def test_d_the_manifest_host_is_contacted_by_the_inner_curl_only() -> None:
    lines = script(
        "curl -o /srv/mc/server.jar \\",  # 3
        "  $(curl -sL https://launchermeta.example.org/manifest.json | jq -r .url)",  # 4
    )
    assert codes_at({"scripts/upgrade.sh": lines}, ENDPOINT) == [4]


def test_d_near_miss_a_url_echoed_into_the_substitution_is_the_outer_contact() -> None:
    lines = script(
        "curl -o /srv/mc/server.jar \\",  # 3
        "  $(echo https://dl.example.org/server.jar)",  # 4
    )
    assert codes_at({"scripts/upgrade.sh": lines}, ENDPOINT) == [3]


def test_d_near_miss_a_url_whose_host_is_written_before_the_substitution_stays_the_outer_contact() -> None:
    lines = script(
        'curl -o /srv/mc/server.jar "https://dl.example.org/$(uname -m)/server.jar"',  # 3
    )
    assert codes_at({"scripts/upgrade.sh": lines}, ENDPOINT) == [3]
