"""Classes the 244th hold-out set showed (tests/preflight/holdout244: Ansible roles that install or upgrade a
self-hosted product), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a path built from Jinja names one file in a ``command:`` task and in a module argument ------------------------


def _curl_then_deb(deb: str) -> str:
    return _text(
        "- name: download deb",  # 1
        "  ansible.builtin.command: >",  # 2
        "    curl --silent --fail --location",  # 3
        "    {{ download_url }}",  # 4
        "    -o {{ downloads }}/app-{{ version }}-{{ arch_map[ansible_machine] }}.deb",  # 5
        "- name: install deb",  # 6
        "  ansible.builtin.apt:",  # 7
        f'    deb: "{deb}"',  # 8
    )


def test_a_a_deb_curl_saved_under_jinja_names_is_installed_unverified() -> None:
    tasks = _curl_then_deb("{{ downloads }}/app-{{ version }}-{{ arch_map[ansible_machine] }}.deb")
    assert codes_at({"tasks/install.yml": tasks}, UNVERIFIED) == [8]


def test_a_near_miss_another_file_name_is_not_the_download() -> None:
    tasks = _curl_then_deb("{{ downloads }}/other-{{ version }}.deb")
    assert codes_at({"tasks/install.yml": tasks}, UNVERIFIED) == []


def test_a_near_miss_a_checksummed_get_url_then_apt_deb_stays_quiet() -> None:
    tasks = _text(
        "- name: download deb",  # 1
        "  get_url:",  # 2
        '    url: "{{ download_url }}"',  # 3
        '    dest: "{{ downloads }}/app-{{ version }}.deb"',  # 4
        '    checksum: "sha256:{{ app_sha256 }}"',  # 5
        "- name: install deb",  # 6
        "  apt:",  # 7
        '    deb: "{{ downloads }}/app-{{ version }}.deb"',  # 8
    )
    assert codes_at({"tasks/install.yml": tasks}, UNVERIFIED) == []


def test_a_the_same_get_url_with_no_checksum_is_reported_at_the_install() -> None:
    tasks = _text(
        "- name: download deb",  # 1
        "  get_url:",  # 2
        '    url: "{{ download_url }}"',  # 3
        '    dest: "{{ downloads }}/app-{{ version }}.deb"',  # 4
        "- name: install deb",  # 5
        "  apt:",  # 6
        '    deb: "{{ downloads }}/app-{{ version }}.deb"',  # 7
    )
    assert codes_at({"tasks/install.yml": tasks}, UNVERIFIED) == [7]


# -- B: ``copy`` of a file a delegated ``get_url`` saved on the controller ---------------------------------------------


def _fetch_then_copy(*, checksum: bool = False, src: str = "/tmp/{{ release }}") -> str:
    return _text(
        "- name: Download the binary",  # 1
        "  become: false",  # 2
        "  get_url:",  # 3
        '    url: "{{ binary_url }}"',  # 4
        '    dest: "/tmp/{{ release }}"',  # 5
        *(['    checksum: "sha256:{{ binary_sha256 }}"'] if checksum else []),
        "  delegate_to: localhost",
        "- name: Propagate the binary",
        "  copy:",
        f'    src: "{src}"',
        '    dest: "/usr/local/bin/{{ service }}"',
        "    mode: 0750",
    )


def test_b_a_controller_download_copied_into_a_bin_directory_is_installed_unverified() -> None:
    # at the ``copy:`` line (8): the push from the controller is the module's own step
    assert codes_at({"tasks/install.yml": _fetch_then_copy()}, UNVERIFIED) == [8]


def test_b_near_miss_the_download_checked_first_stays_quiet() -> None:
    assert codes_at({"tasks/install.yml": _fetch_then_copy(checksum=True)}, UNVERIFIED) == []


def test_b_near_miss_a_copy_of_the_roles_own_file_stays_quiet() -> None:
    assert codes_at({"tasks/install.yml": _fetch_then_copy(src="files/app")}, UNVERIFIED) == []


def test_b_near_miss_a_copy_of_another_controller_path_stays_quiet() -> None:
    assert codes_at({"tasks/install.yml": _fetch_then_copy(src="/srv/builds/app")}, UNVERIFIED) == []
