"""Classes the two-hundred-and-thirty-ninth hold-out set showed (tests/preflight/holdout239: cloud-init and autoinstall
user data, Vagrant and Packer provisioner scripts), each as its minimal construct next to near-misses that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

PRIVILEGE = "preflight.implicit_privilege"
EGRESS = "preflight.implicit_egress"
PERSISTENCE = "preflight.persistence"
DOWNLOAD = "preflight.unverified_download_exec"
PROTECTION = "preflight.protection_disabled"

# -- B: swapoff needs root as swapon does ------------------------------------------------------------------------------


def test_b_swapoff_is_root_only() -> None:
    assert in_script(PRIVILEGE, "swapoff -a") == [3]


def test_b_swapoff_under_a_root_check_or_sudo_is_quiet() -> None:
    assert in_script(PRIVILEGE, '[ "$(id -u)" -eq 0 ] || exit 1', "swapoff -a") == []
    assert in_script(PRIVILEGE, "free -m") == []


# -- C: kubeadm's image pull and node set-up ---------------------------------------------------------------------------


def test_c_kubeadm_image_pull_is_egress_and_root_only() -> None:
    assert in_script(EGRESS, "kubeadm config images pull") == [3]
    assert in_script(PRIVILEGE, "kubeadm config images pull") == [3]
    assert in_script(EGRESS, "kubeadm init --config /tmp/kubeadm.yaml") == [3]
    assert in_script(PRIVILEGE, "kubeadm join 10.0.0.1:6443 --token abc.def") == [3]


def test_c_kubeadm_listings_and_printouts_are_quiet() -> None:
    for line in ("kubeadm config images list", "kubeadm version", "kubeadm config print init-defaults"):
        assert in_script(EGRESS, line) == []
        assert in_script(PRIVILEGE, line) == []
    assert in_script(EGRESS, "kubeadm join 10.0.0.1:6443 --token abc.def") == []  # the images come with init


# -- E: a download from the host itself is no fetch from outside ------------------------------------------------------


def test_e_a_jar_fetched_from_outside_and_run_is_reported() -> None:
    lines = ("curl -L https://example.org/cli.jar -o /tmp/cli.jar", "java -jar /tmp/cli.jar install-plugin git")
    assert in_script(DOWNLOAD, *lines) == [4]


def test_e_a_jar_fetched_from_the_local_service_and_run_is_quiet() -> None:
    lines = (
        "url=http://localhost:8080",
        "curl -L $url/jnlpJars/jenkins-cli.jar -o /tmp/cli.jar",
        "java -jar /tmp/cli.jar -s $url install-plugin git",
    )
    assert in_script(DOWNLOAD, *lines) == []
    assert in_script(DOWNLOAD, "curl -o /tmp/x.sh http://127.0.0.1:9000/x.sh", "sh /tmp/x.sh") == []


# -- F: ufw disabled and then enabled again by the same script ---------------------------------------------------------


def test_f_ufw_disable_left_off_is_reported() -> None:
    assert in_script(PROTECTION, "sudo ufw disable", "ufw allow ssh") == [3]
    # an enable in another arm of a test does not switch it back on in this one
    assert in_script(PROTECTION, 'if [ "$1" = off ]; then ufw disable; else ufw enable; fi') == [3]


def test_f_ufw_disable_then_enable_is_quiet() -> None:
    assert in_script(PROTECTION, "sudo ufw disable", "ufw default deny", "yes | ufw enable") == []
    assert in_script(PROTECTION, "ufw disable", "ufw --force enable") == []


# -- G: a placeholder shaped like an ssh key grants nobody's key -------------------------------------------------------

_KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIHk8Vq0aX9Y2pA1TnqJc0O8w3rCq4uH2a0nq7lS1b2Zr"


def _user_keys(key: str) -> str:
    return f"#cloud-config\nusers:\n  - name: ops\n    ssh_authorized_keys:\n      - {key}\n"


def test_g_a_written_key_is_persistence() -> None:
    assert codes_at({"cloud-init/user-data": _user_keys(f"ssh-ed25519 {_KEY} ops@lab")}, PERSISTENCE) == [5]


def test_g_a_key_shaped_placeholder_is_quiet() -> None:
    text = _user_keys("ssh-ed25519 AAAArandom-characters-here ops@lab")
    assert codes_at({"cloud-init/user-data": text}, PERSISTENCE) == []
    # the body of another key type than the one written before it
    text = _user_keys(f"ssh-rsa {_KEY} ops@lab")
    assert codes_at({"cloud-init/user-data": text}, PERSISTENCE) == []


# -- H: rvm install fetches a Ruby -------------------------------------------------------------------------------------


def test_h_rvm_install_is_egress() -> None:
    assert in_script(EGRESS, "rvm install 3.2.2") == [3]
    assert in_script(EGRESS, "rvm get stable") == [3]


def test_h_rvm_use_and_list_are_quiet() -> None:
    assert in_script(EGRESS, "rvm --default use 3.2.2") == []
    assert in_script(EGRESS, "rvm list") == []


# -- I: the installed system's /etc under /target ----------------------------------------------------------------------

_AUTOINSTALL = "#cloud-config\nautoinstall:\n  version: 1\n  late-commands:\n    - {command}\n"


def test_i_late_command_sudoers_in_the_target_is_persistence() -> None:
    command = "echo 'ubuntu ALL=(ALL) NOPASSWD:ALL' > /target/etc/sudoers.d/ubuntu"
    assert codes_at({"user-data": _AUTOINSTALL.format(command=command)}, PERSISTENCE) == [5]


def test_i_other_target_writes_and_look_alike_paths_are_quiet() -> None:
    command = "echo 'UseDNS no' >> /target/etc/ssh/sshd_config"
    assert codes_at({"user-data": _AUTOINSTALL.format(command=command)}, PERSISTENCE) == []
    assert in_script(PERSISTENCE, "echo 'x ALL=(ALL) ALL' > /srv/target/etc/sudoers.d/x") == []
