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
