"""Classes the two-hundred-and-twenty-seventh hold-out set showed (tests/preflight/holdout227: cloud-init user data,
Vagrant and Packer provisioner scripts), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

PERSISTENCE = "preflight.persistence"
CREDENTIAL = "preflight.hardcoded_credential"

# -- B: system_info: default_user: sudo: is the default account's sudoers rule -----------------------------------------

_DEFAULT_USER = "#cloud-config\nsystem_info:\n  default_user:\n    name: agent\n    sudo: ALL=(ALL) NOPASSWD:ALL\n"


def test_b_default_user_passwordless_sudo_is_persistence() -> None:
    assert codes_at({"cloud-init/user-data": _DEFAULT_USER}, PERSISTENCE) == [5]


def test_b_default_user_without_a_sudo_rule_is_quiet() -> None:
    text = "#cloud-config\nsystem_info:\n  default_user:\n    name: agent\n    shell: /bin/bash\n"
    assert codes_at({"cloud-init/user-data": text}, PERSISTENCE) == []


def test_b_default_user_sudo_false_is_quiet() -> None:
    text = "#cloud-config\nsystem_info:\n  default_user:\n    name: agent\n    sudo: false\n"
    assert codes_at({"cloud-init/user-data": text}, PERSISTENCE) == []


# -- C: chpasswd: list:/users: give accounts their passwords -----------------------------------------------------------


def test_c_chpasswd_list_literal_password_is_a_credential() -> None:
    text = "#cloud-config\nchpasswd:\n  expire: false\n  list:\n  - agent:s3cretPass\n"
    assert codes_at({"cloud-init/user-data": text}, CREDENTIAL) == [5]


def test_c_chpasswd_block_list_and_users_form() -> None:
    block = "#cloud-config\nchpasswd:\n  list: |\n    root:Tr0ub4dor\n    pi:RANDOM\n"
    assert codes_at({"cloud-init/user-data": block}, CREDENTIAL) == [4]
    users = "#cloud-config\nchpasswd:\n  users:\n    - name: ops\n      password: hunter2x\n      type: text\n"
    assert codes_at({"cloud-init/user-data": users}, CREDENTIAL) == [5]


def test_c_random_hashed_and_placeholder_passwords_are_quiet() -> None:
    text = (
        "#cloud-config\nchpasswd:\n  list:\n  - pi:RANDOM\n  - ops:R\n"
        "  - web:$6$rounds=4096$salt$abcdefghijklmnop\n  users:\n    - name: db\n      password: $6$x$y\n"
        "      type: hash\n    - name: app\n      type: RANDOM\n"
    )
    assert codes_at({"cloud-init/user-data": text}, CREDENTIAL) == []


# -- E: dd of= a file right in / (an image zero-filled through /EMPTY) needs root ------------------------------------

PRIVILEGE = "preflight.implicit_privilege"


def test_e_dd_into_the_root_directory_is_root_only() -> None:
    assert in_script(PRIVILEGE, "dd if=/dev/zero of=/EMPTY bs=1M || true") == [3]
    assert in_script(PRIVILEGE, "dd if=/dev/zero of=/ZERO bs=4k count=1") == [3]


def test_e_writes_under_tmp_home_and_into_opt_are_quiet() -> None:
    assert in_script(PRIVILEGE, "dd if=/dev/zero of=/tmp/EMPTY bs=1M") == []
    assert in_script(PRIVILEGE, 'echo done > "$HOME/firstboot.done"') == []
    assert in_script(PRIVILEGE, "tar -C /opt -xzf app.tar.gz") == []
    assert in_script(PRIVILEGE, "dd if=image.img of=/dev/null") == []
    assert in_script(PRIVILEGE, "echo done > /version.txt") == []  # a marker in an image's / (holdout30)
