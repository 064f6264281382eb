"""Classes the ninety-fourth hold-out set showed (tests/preflight/holdout94: Ansible roles and playbooks that install
or upgrade a product), each as its minimal construct next to a near-miss that must stay reported or quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

ENDPOINT = "preflight.external_endpoint"
EGRESS = "preflight.implicit_egress"
UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: ``composer create-project`` fetches the package and its dependencies from Packagist ---------------------------


def test_a_composer_create_project_reaches_packagist() -> None:
    assert in_script(EGRESS, "composer create-project --no-interaction laravel/laravel /srv/app") == [3]


def test_a_the_same_in_an_ansible_shell_task() -> None:
    tasks = _text(
        "- name: install laravel with composer",  # 1
        "  shell: cd {{ http_path }} && composer create-project --no-interaction",  # 2
    )
    assert codes_at({"tasks/deploy.yml": tasks}, EGRESS) == [2]


def test_a_near_miss_composer_subcommands_that_fetch_nothing_stay_quiet() -> None:
    assert in_script(EGRESS, "composer dump-autoload --optimize", "composer validate --strict") == []


# -- B: ``unarchive`` of a URL ``src`` downloads the archive (no checksum) before extracting it ------------------------

UNARCHIVE_URL = _text(
    "- name: Download and unpack re2c",  # 1
    "  unarchive:",  # 2
    '    src: "https://github.com/skvadrik/re2c/archive/{{ re2c_version }}.tar.gz"',  # 3
    '    dest: "{{ compile_source_dir }}"',  # 4
    "    remote_src: yes",  # 5
    "- name: Install the server",  # 6
    "  ansible.builtin.unarchive:",  # 7
    "    src: https://downloads.example.org/server-2.1.tar.gz",  # 8
    "    dest: /opt/server",  # 9
    "    remote_src: true",  # 10
)


def test_b_the_host_of_an_unarchive_url_is_an_endpoint() -> None:
    assert codes_at({"tasks/install.yml": UNARCHIVE_URL}, ENDPOINT) == [3, 8]


def test_b_an_archive_unpacked_from_a_url_into_the_program_tree_is_installed_unverified() -> None:
    # into a build directory (line 3) it is only unpacked; into /opt/server (line 8) it is the product installed
    assert codes_at({"tasks/install.yml": UNARCHIVE_URL}, UNVERIFIED) == [8]


def test_b_near_miss_an_unarchive_of_a_path_downloads_nothing() -> None:
    tasks = _text(
        "- name: Copy consul file to agent.",  # 1
        "  unarchive:",  # 2
        '    src: "{{ consul_file_path }}"',  # 3
        '    dest: "/usr/bin/"',  # 4
        "- name: Extract a fetched archive",  # 5
        "  unarchive:",  # 6
        "    src: /tmp/app.tar.gz",  # 7
        "    dest: /opt/app",  # 8
        "    remote_src: yes",  # 9
        "  become: true",  # 10
    )
    files = {"tasks/install.yml": tasks}
    assert codes_at(files, ENDPOINT) == []
    assert codes_at(files, UNVERIFIED) == []
    assert codes_at(files, EGRESS) == []
