"""Classes the hundred-and-eightieth hold-out set showed (tests/preflight/holdout180: provisioning scripts, second
sample: cloud-init user data, Vagrant and Packer provisioners, first-boot scripts), each as its minimal construct
next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_PRIVILEGE = "preflight.implicit_privilege"
_EGRESS = "preflight.implicit_egress"
_ENDPOINT = "preflight.external_endpoint"


# -- I: partitioning and file-system tools given a storage device -----------------------------------------------------


def test_i_disk_tools_on_a_storage_device_are_root_only() -> None:
    script = (
        "#!/bin/sh\n"
        'echo "- +" | sfdisk -N 2 /dev/mmcblk0 --force\n'  # 2
        "partprobe\n"  # 3
        "resize2fs /dev/mmcblk0p2\n"  # 4
        "growpart /dev/sda 1\n"  # 5
    )
    assert codes_at({"firstboot.sh": script}, _PRIVILEGE) == [2, 3, 4, 5]


def test_i_disk_tools_on_an_image_file_stay_quiet() -> None:
    script = "#!/bin/sh\nresize2fs build/rootfs.img 2G\nsfdisk -l disk.img\nsudo resize2fs /dev/sda1\n"
    assert codes_at({"build-image.sh": script}, _PRIVILEGE) == []


# -- H, K: rosdep init and ssh-keygen -A write under /etc -------------------------------------------------------------


def test_h_k_rosdep_init_and_host_key_generation_are_root_only() -> None:
    script = "#!/bin/bash\nrosdep init\nssh-keygen -A\n"
    assert codes_at({"provision.sh": script}, _PRIVILEGE) == [2, 3]


def test_h_k_rosdep_update_and_a_user_key_stay_quiet() -> None:
    script = '#!/bin/bash\nrosdep update\nssh-keygen -t ed25519 -f "$HOME/.ssh/id_ed25519" -N ""\n'
    assert codes_at({"provision.sh": script}, _PRIVILEGE) == []


# -- H, C: rosdep and Tailscale's client reach the network with no host written -------------------------------------


def test_h_c_rosdep_and_tailscale_up_reach_the_network() -> None:
    script = "#!/bin/bash\nrosdep init\nrosdep update\ntailscale up --hostname=node1\n"
    assert codes_at({"provision.sh": script}, _EGRESS) == [2, 3, 4]


def test_h_c_local_rosdep_and_tailscale_commands_stay_quiet() -> None:
    script = "#!/bin/bash\nrosdep check --from-paths src\ntailscale status\ntailscale ip -4\n"
    assert codes_at({"provision.sh": script}, _EGRESS) == []


# -- B: a one-shot time client contacts the servers it is given ------------------------------------------------------


def test_b_ntpdate_contacts_its_server() -> None:
    script = "#!/bin/bash\nntpdate 0.debian.pool.ntp.org\nntpdate -q -t 2 time.example.org\n"
    assert codes_at({"firstboot.sh": script}, _ENDPOINT) == [2, 3]


def test_b_ntpdate_of_a_private_server_stays_quiet() -> None:
    script = "#!/bin/bash\nntpdate 192.168.1.1\nntpdate -q localhost\n"
    assert codes_at({"firstboot.sh": script}, _ENDPOINT) == []


# -- A: name servers written into the resolver's configuration -------------------------------------------------------


def test_a_public_name_servers_written_to_resolv_conf_are_contacts() -> None:
    script = (
        "#!/bin/bash\n"
        'echo "nameserver 4.2.2.1" > /etc/resolv.conf\n'  # 2
        'echo "nameserver 8.8.8.8" | tee -a /etc/resolv.conf\n'  # 3
        "cat > /etc/resolvconf/resolv.conf.d/head <<EOF\n"
        "nameserver 1.1.1.1\n"  # 5
        "search example.org\n"
        "EOF\n"
    )
    assert codes_at({"firstboot.sh": script}, _ENDPOINT) == [2, 3, 5]
    user_data = '#cloud-config\nruncmd:\n  - echo "nameserver 8.8.8.8" >> /etc/resolv.conf\n'
    assert codes_at({"user-data": user_data}, _ENDPOINT) == [3]


def test_a_local_variable_or_other_files_name_servers_stay_quiet() -> None:
    script = (
        "#!/bin/bash\n"
        'echo "nameserver 127.0.0.53" > /etc/resolv.conf\n'
        'echo "nameserver 10.0.0.2" >> /etc/resolv.conf\n'
        'echo "nameserver $DNS" >> /etc/resolv.conf\n'
        'echo "nameserver 9.9.9.9" > /etc/app/upstreams.conf\n'
        'echo "nameserver 8.8.4.4"\n'
    )
    assert codes_at({"firstboot.sh": script}, _ENDPOINT) == []


# -- D: an authorized key the file leaves to the operator (a placeholder, a template variable) ----------------------

_PERSISTENCE = "preflight.persistence"


def test_d_a_written_public_key_in_user_data_is_persistence() -> None:
    config = "#cloud-config\nssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIB vendor@laptop\n"
    assert codes_at({"cloud-config.yaml": config}, _PERSISTENCE) == [3]


def test_d_placeholder_and_template_keys_stay_quiet() -> None:
    placeholder = "#cloud-config\nssh_authorized_keys:\n  - SET_YOUR_PUBLIC_SSH_KEY\n"
    variable = "#cloud-config\nusers:\n  - name: ops\n    ssh_authorized_keys:\n      - ${ssh_authorized_key}\n"
    assert codes_at({"cloud-config.yaml": placeholder}, _PERSISTENCE) == []
    assert codes_at({"user_data.yaml.tpl": variable}, _PERSISTENCE) == []
