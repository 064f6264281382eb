"""Classes the 255th hold-out set showed (tests/preflight/holdout255: Ansible roles that install or upgrade a
self-hosted product), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

SUDO = "preflight.sudo_unavailable"
PERSISTENCE = "preflight.persistence"
UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a task file of modules no other marker names, escalating with ``sudo: yes``/``become: yes`` -------------------


def test_a_sudo_yes_on_template_and_service_tasks_is_read() -> None:
    tasks = _text(
        "---",  # 1
        "- name: add configuration",  # 2
        "  template:",  # 3
        "    src: config.js.j2",  # 4
        "    dest: /srv/app/config.js",  # 5
        "  notify: restart app",  # 6
        "  sudo: yes",  # 7
        "- name: restart",  # 8
        "  service:",  # 9
        "    name: app",  # 10
        "    state: restarted",  # 11
        "  sudo: yes",  # 12
    )
    assert codes_at({"tasks/install.yml": tasks}, SUDO) == [7, 12]


def test_a_become_true_beside_become_user_on_an_npm_task_is_read() -> None:
    tasks = _text(
        "- name: install",  # 1
        "  npm:",  # 2
        "    path: /srv/app",  # 3
        "  become_user: app",  # 4
        "  become: true",  # 5
    )
    assert codes_at({"tasks/install.yml": tasks}, SUDO) == [5]


def test_a_near_miss_a_list_of_accounts_with_sudo_rules_is_no_task_list() -> None:
    accounts = _text(
        "- name: alice",  # 1
        "  sudo: ALL=(ALL) NOPASSWD:ALL",  # 2
        "  groups: [admin]",  # 3
        "- name: bob",  # 4
        "  sudo: false",  # 5
    )
    assert codes_at({"config/users.yml": accounts}, SUDO) == []


def test_a_near_miss_a_yes_no_sudo_with_no_task_keyword_is_no_task_list() -> None:
    accounts = _text(
        "- name: alice",  # 1
        "  sudo: yes",  # 2
        "  shell_name: /bin/bash",  # 3
    )
    assert codes_at({"config/users.yml": accounts}, SUDO) == []


def test_a_near_miss_become_false_stays_quiet() -> None:
    tasks = _text(
        "- name: add configuration",  # 1
        "  template:",  # 2
        "    src: a.j2",  # 3
        "    dest: /srv/app/a",  # 4
        "  notify: restart app",  # 5
        "  become: false",  # 6
    )
    assert codes_at({"tasks/install.yml": tasks}, SUDO) == []


# -- B: ``community.general.sudoers`` writes a sudoers drop-in ---------------------------------------------------------


def _sudoers(*extra: str) -> str:
    return _text(
        "- name: passwordless sudo for the service account",  # 1
        "  community.general.sudoers:",  # 2
        "    name: app-service",  # 3
        "    user: app",  # 4
        "    commands: ALL",  # 5
        *extra,
    )


def test_b_a_sudoers_rule_is_persistence_at_the_account_line() -> None:
    assert codes_at({"tasks/install.yml": _sudoers("    nopassword: true")}, PERSISTENCE) == [4]


def test_b_a_group_rule_with_the_default_nopassword_is_persistence() -> None:
    tasks = _text(
        "- name: ops may restart",  # 1
        "  community.general.sudoers:",  # 2
        "    name: ops",  # 3
        "    group: ops",  # 4
        "    commands: /usr/bin/systemctl restart app",  # 5
    )
    assert codes_at({"tasks/install.yml": tasks}, PERSISTENCE) == [4]


def test_b_near_miss_a_removed_rule_stays_quiet() -> None:
    assert codes_at({"tasks/install.yml": _sudoers("    state: absent")}, PERSISTENCE) == []


def test_b_near_miss_a_rule_with_no_account_stays_quiet() -> None:
    tasks = _text(
        "- name: incomplete",  # 1
        "  community.general.sudoers:",  # 2
        "    name: app-service",  # 3
        "    commands: ALL",  # 4
    )
    assert codes_at({"tasks/install.yml": tasks}, PERSISTENCE) == []


# -- C: the ``chmod`` a ``get_url``'s ``mode:`` gives is at the ``mode:`` line ----------------------------------------


def _get_url(*extra: str) -> str:
    return _text(
        "- name: download jar",  # 1
        "  get_url:",  # 2
        '    url: "{{ download_url }}"',  # 3
        '    dest: "{{ jar_path }}"',  # 4
        *extra,
    )


def test_c_an_unchecked_download_made_executable_is_reported_at_the_mode_line() -> None:
    assert codes_at({"tasks/install.yml": _get_url("    timeout: 120", "    mode: 0755")}, UNVERIFIED) == [6]


def test_c_a_mode_written_before_the_url_stays_with_the_download() -> None:
    tasks = _text(
        "- name: download jar",  # 1
        "  get_url:",  # 2
        "    mode: 0755",  # 3
        '    dest: "{{ jar_path }}"',  # 4
        '    url: "{{ download_url }}"',  # 5
    )
    assert codes_at({"tasks/install.yml": tasks}, UNVERIFIED) == [5]


def test_c_near_miss_a_checksummed_download_made_executable_stays_quiet() -> None:
    tasks = _get_url('    checksum: "sha256:{{ jar_sha256 }}"', "    mode: 0755")
    assert codes_at({"tasks/install.yml": tasks}, UNVERIFIED) == []


def test_c_near_miss_a_download_kept_readable_only_stays_quiet() -> None:
    assert codes_at({"tasks/install.yml": _get_url("    mode: 0644")}, UNVERIFIED) == []


def test_c_the_free_form_mode_stays_on_the_task_line() -> None:
    tasks = _text(
        "- name: download tool",  # 1
        "  get_url: url=https://example.org/tool dest=/usr/local/bin/tool mode=0755",  # 2
    )
    assert codes_at({"tasks/install.yml": tasks}, UNVERIFIED) == [2]
