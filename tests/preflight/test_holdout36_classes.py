"""Classes the thirty-sixth hold-out set showed (tests/preflight/holdout36: build and provisioning files vendors ship:
Vagrantfiles, Packer templates, cloud-init user data, Terraform user-data scripts, compose files, Makefile install
targets), each as its minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at, in_script, script

EGRESS = "preflight.implicit_egress"
PRIV = "preflight.implicit_privilege"
SUDO = "preflight.sudo_unavailable"
PERSIST = "preflight.persistence"
KERNEL = "preflight.kernel_settings"
ENDPOINT = "preflight.external_endpoint"
CRED = "preflight.hardcoded_credential"
SETUID = "preflight.privileged_binary"
UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a Vagrantfile's shell provisioners -------------------------------------------------------------------------

VAGRANTFILE = _text(
    "$script = <<SCRIPT",  # 1
    "sudo apt-get update",  # 2
    "SCRIPT",  # 3
    "$unused = <<NOTES",  # 4
    "apt-get install -y notes",  # 5
    "NOTES",  # 6
    "Vagrant.configure('2') do |config|",  # 7
    '  config.vm.provision "shell", inline: $script, privileged: false',  # 8
    '  config.vm.provision "shell", inline: "apt-get -y install jq"',  # 9
    "  config.vm.provision :shell, inline: <<-SHELL",  # 10
    "    yum -y install git",  # 11
    "  SHELL",  # 12
    '  config.vm.provision "shell", path: "scripts/apt-get-update.sh"',  # 13
    '  config.vm.provision "file", source: "apt-get", destination: "/tmp/x"',  # 14
    "end",  # 15
)


def test_a_vagrant_shell_provisioners_are_read_as_the_guests_shell() -> None:
    # Nomad's heredoc assigned to $script, an inline string, a heredoc written at the provisioner
    assert codes_at({"Vagrantfile": VAGRANTFILE}, EGRESS) == [2, 9, 11]
    # the box's own sudo in the guest is not the target installer's escalation
    assert codes_at({"Vagrantfile": VAGRANTFILE}, SUDO) == []


def test_a_near_miss_heredocs_no_shell_provisioner_names_and_other_files_stay_unread() -> None:
    # $unused (line 5) is given to no provisioner; a path: script is a file of its own; the text is not a Vagrantfile
    assert 5 not in codes_at({"Vagrantfile": VAGRANTFILE}, EGRESS)
    assert codes_at({"docs/Vagrantfile.md": VAGRANTFILE}, EGRESS) == []


# -- B: Packer templates' inline shell provisioners ---------------------------------------------------------------

PACKER_JSON = _text(
    "{",
    '  "builders": [{"type": "digitalocean"}],',
    '  "provisioners": [',
    '    {"type": "shell-local", "inline": ["apt-get update"]},',  # 4: runs on the machine running Packer
    '    {"type": "file", "source": "a", "destination": "/b"},',
    '    {"type": "shell", "inline": [',
    '      "apt -qqy update",',  # 7
    '      "echo \\"]\\"",',  # 8
    '      "apt-get -qqy clean"',  # 9
    "    ]}",
    "  ]",
    "}",
)
PACKER_HCL = _text(
    "build {",
    '  provisioner "shell" {',
    '    # inline = ["apt-get update"]',  # 3: a comment
    '    inline_shebang = "/bin/sh -ex"',
    "    inline = [",
    '      "sudo dnf update -y --releasever=latest",',  # 6
    '      "echo \\"} ]\\"",',  # 7
    '      "sudo dnf swap -y gnupg2-minimal gnupg2-full"',  # 8
    "    ]",
    "  }",
    '  provisioner "shell-local" {',
    '    inline = ["apt-get update"]',  # 12
    "  }",
    "}",
)


def test_b_packer_inline_commands_are_read_at_their_lines() -> None:
    assert codes_at({"docker-22-04/template.json": PACKER_JSON}, EGRESS) == [7]
    assert codes_at({"al2023.pkr.hcl": PACKER_HCL}, EGRESS) == [6, 8]  # dnf swap downloads too
    assert codes_at({"al2023.pkr.hcl": PACKER_HCL}, SUDO) == []  # the build instance's own sudo


def test_b_near_miss_shell_local_and_json_that_is_no_template_stay_unread() -> None:
    plain = PACKER_JSON.replace('"builders"', '"stages"')
    assert codes_at({"config/template.json": plain}, EGRESS) == []
    assert in_script(EGRESS, "dnf list installed") == []


# -- C: cloud-init modules read as what they do --------------------------------------------------------------------

CLOUD_CONFIG = _text(
    "#cloud-config",
    "ssh_authorized_keys:",
    "  - ssh-rsa AAAAB3NzaC1yc2E vendor@laptop",  # 3
    "users:",
    "  - name: deploy",
    "    sudo: ALL=(ALL) NOPASSWD:ALL",  # 6
    "write_files:",
    "  - path: /etc/sysctl.d/99-forward.conf",  # 8
    "    content: |",
    "      net.ipv4.ip_forward = 1",
    "  - path: /opt/app/config.yml",  # 11
    "    content: 'url: https://updates.vendor.io'",
    "apt:",
    "  sources:",
    "    vendor:",
    "      source: deb https://apt.vendor.io stable main",  # 16
    "snap:",
    "  commands:",
    "    - snap install yq",  # 19
    "runcmd:",
    "  - curl -fsSL https://get.vendor.io/agent -o /usr/local/bin/agent",  # 21
)


def test_c_cloud_init_keys_users_files_and_snaps_are_read() -> None:
    files = {"cloud-config.txt": CLOUD_CONFIG}
    assert codes_at(files, PERSIST) == [3, 6]  # a vendor key authorised; a passwordless sudo rule
    assert codes_at(files, KERNEL) == [8]  # a sysctl.d file written
    assert codes_at(files, EGRESS) == [19]  # the snap store
    # the apt source line is where apt reads it, not a contact; the runcmd fetch stays one
    assert 16 not in codes_at(files, ENDPOINT) and 21 in codes_at(files, ENDPOINT)


def test_c_near_miss_a_plain_file_written_and_modules_outside_cloud_config_stay_quiet() -> None:
    files = {"cloud-config.txt": CLOUD_CONFIG}
    assert 11 not in codes_at(files, PRIV) + codes_at(files, PERSIST)
    # the same keys in a YAML file that is not user data are settings, not what cloud-init does
    other = CLOUD_CONFIG.replace("#cloud-config\n", "")
    assert codes_at({"config/settings.yml": other}, PERSIST) == []


# -- D: cloud-init user data inside another YAML file --------------------------------------------------------------

BLUEPRINT = _text(
    "instances:",
    "  docker:",
    "    cloud-init:",
    "      vendor-data: |",
    "        runcmd:",
    "          - sysctl vm.swappiness=0",  # 6
    "          - systemctl disable unattended-upgrades.service --now",  # 7
    "notes:",
    "  user-data: |",
    "    runcmd:",
    "      - sysctl vm.swappiness=10",  # 11: not cloud-init, not #cloud-config
)


def test_d_vendor_data_in_a_blueprint_is_read_at_the_blueprints_lines() -> None:
    files = {"v1/docker.yaml": BLUEPRINT}
    assert codes_at(files, KERNEL) == [6]
    assert codes_at(files, "preflight.service_disabled") == [7]
    hashed = BLUEPRINT.replace("  user-data: |\n    runcmd:", "  user-data: |\n    #cloud-config\n    runcmd:")
    assert codes_at({"v1/docker.yaml": hashed}, KERNEL) == [6, 12]  # a block that reads as #cloud-config


def test_d_near_miss_a_user_data_block_that_is_no_cloud_config_stays_text() -> None:
    assert 11 not in codes_at({"v1/docker.yaml": BLUEPRINT}, KERNEL)


# -- E: a script named as instance user data runs as root -----------------------------------------------------------

USER_DATA = script("apt-get update", "useradd -m runners", 'su -l runners -c "/opt/rootless.sh"')


def test_e_user_data_scripts_are_root_by_design() -> None:
    for name in ("templates/user-data.sh", "templates/userdata.sh.tpl", "user_data.sh.tftpl"):
        assert codes_at({name: USER_DATA}, PRIV) == [], name
        assert codes_at({name: USER_DATA}, SUDO) == [], name


def test_e_near_miss_other_scripts_still_ask_for_root() -> None:
    assert codes_at({"templates/install-runner.sh": USER_DATA}, PRIV) == [3, 4]
    assert codes_at({"scripts/user-data-export.sh": USER_DATA}, PRIV) == [3, 4]  # a script about user data


# -- F: persistence: a product's profile.d drop-in, the image's default account ----------------------------------


def test_f_own_profile_drop_in_and_default_accounts_are_not_persistence() -> None:
    assert (
        in_script(
            PERSIST,
            'echo "export PATH=/opt/app/bin:$PATH" >> /etc/profile.d/app.sh',
            "usermod -aG docker vagrant",
            "adduser ubuntu docker",
        )
        == []
    )


def test_f_near_miss_shared_profiles_and_other_accounts_stay_reported() -> None:
    assert in_script(
        PERSIST,
        'echo "export PATH=/opt/app/bin:$PATH" >> /etc/profile',
        'echo "cd /opt/app" >> ~/.profile',
        'usermod -aG docker "$USER"',
        "usermod -aG sudo deploy",
    ) == [3, 4, 5, 6]


# -- G: a compose file under another name; health checks; folded scripts keep their lines ------------------------

COMPOSE = _text(
    "services:",
    "  create-site:",
    "    image: frappe/erpnext:v15",
    "    entrypoint: [bash, -c]",
    "    command:",
    "      - >",
    "        wait-for-it -t 120 db:5432;",  # 7
    "        echo starting;",  # 8
    "        bench new-site --db-password=s3cret1 --admin-password=s3cret2 frontend;",  # 9
    "  db:",
    "    image: postgres",
    "    healthcheck:",
    "      test: mysqladmin ping -h localhost --password=admin1",  # 13
)


def test_g_compose_shaped_files_have_their_scripts_and_health_checks_read() -> None:
    assert codes_at({"pwd.yml": COMPOSE}, CRED) == [9, 13]
    listed = COMPOSE.replace(
        "test: mysqladmin ping -h localhost --password=admin1",
        'test: ["CMD-SHELL", "mysqladmin ping --password=admin1"]',
    )
    assert codes_at({"pwd.yml": listed}, CRED) == [9, 13]
    argv = COMPOSE.replace(
        "test: mysqladmin ping -h localhost --password=admin1", 'test: ["CMD", "pg_isready", "-U", "postgres"]'
    )
    assert codes_at({"pwd.yml": argv}, CRED) == [9]  # an argv health check with no secret adds nothing


def test_g_near_miss_services_without_images_stay_settings() -> None:
    no_images = COMPOSE.replace("    image: frappe/erpnext:v15\n", "").replace("    image: postgres\n", "")
    assert codes_at({"pwd.yml": no_images}, CRED) == []


# -- H: install(1) modes, directories and SELinux contexts -----------------------------------------------------------


def test_h_install_mode_into_a_directory_is_the_installed_programs() -> None:
    # rc_pilot: INSTALLDIR := install -d -m 755, INSTALL := install -m 4755, both into $(prefix)/bin
    assert in_script(SETUID, "install -d -m 755 /usr/bin", "install -m 4755 bin/rc_pilot /usr/bin") == [4]
    assert in_script(SETUID, "install -m 4755 a b /opt/app/bin/") == [3]


def test_h_near_miss_directory_modes_and_plain_modes_stay_quiet() -> None:
    assert in_script(SETUID, "install -d -m 2775 /var/lib/app", "install -m 0755 bin/x /usr/bin") == []


def test_h_install_d_writes_directories_but_not_the_ones_debian_ships() -> None:
    assert in_script(PRIV, "install -d /etc/nohang", "chcon -t systemd_unit_file_t /etc/systemd/system/x.service") == [
        3,
        4,
    ]
    assert in_script(PRIV, "install -d -m 755 /usr/bin", "install -d /etc/logrotate.d /usr/share/man/man1") == []


# -- I: a fetch saved by tee from its output -----------------------------------------------------------------------


def test_i_a_fetch_tee_d_into_a_bin_directory_is_an_unverified_install() -> None:
    assert in_script(UNVERIFIED, "curl -fsSL https://get.vendor.io/agent | tee /usr/local/bin/agent") == [3]
    assert in_script(UNVERIFIED, "wget -qO- https://get.vendor.io/agent | sudo tee /usr/local/bin/agent") == [3]


def test_i_near_miss_a_fetched_unit_file_or_a_file_in_tmp() -> None:
    # a unit file fetched into /etc/systemd/system is configuration (holdout20's call for pterodactyl's Wings unit)
    assert (
        in_script(
            UNVERIFIED,
            "curl -SLfs https://raw.githubusercontent.com/v/p/v1/x.service | tee /etc/systemd/system/x.service",
            "curl -SLfs https://raw.githubusercontent.com/v/p/v1/x.sh | tee /tmp/x.sh",
        )
        == []
    )
