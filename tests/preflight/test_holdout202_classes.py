"""Classes the two-hundred-and-second hold-out set showed (tests/preflight/holdout202: provisioning scripts, third
sample: cloud-init user data, Vagrant and Packer provisioners, first-boot scripts), each as its minimal construct
next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_EGRESS = "preflight.implicit_egress"
_DOWNLOAD = "preflight.unverified_download_exec"


# -- A, B: a Vagrantfile whose provisioner heredoc writes a systemd unit is still a Vagrantfile -----------------------

_UNIT_WRITING_VAGRANTFILE = (
    "$provisionScript = <<SCRIPT\n"
    "yum install -y java-1.8.0-openjdk nginx\n"  # 2
    "wget http://mirrors.example.org/app.war\n"  # 3
    "cp app.war /opt/app\n"  # 4
    "cat > /etc/systemd/system/app.service <<EOF\n"  # 5
    "[Unit]\n"
    "Description=App\n"
    "[Service]\n"
    "ExecStart=/usr/bin/java -jar /opt/app/app.war\n"
    "[Install]\n"
    "WantedBy=multi-user.target\n"
    "EOF\n"
    "systemctl start app\n"  # 13
    "SCRIPT\n"
    "\n"
    'Vagrant.configure("2") do |config|\n'
    '  config.vm.box = "centos/7"\n'
    "  config.vm.provision :shell, inline: $provisionScript\n"
    "end\n"
)


def test_a_b_a_vagrantfile_writing_a_unit_is_read_as_its_provisioner_shell() -> None:
    files = {"Vagrantfile": _UNIT_WRITING_VAGRANTFILE}
    assert codes_at(files, _EGRESS) == [2]
    assert codes_at(files, _DOWNLOAD) == [4]


def test_a_b_the_same_text_under_no_ruby_name_stays_a_unit_file() -> None:
    files = {"deploy/app-notes": _UNIT_WRITING_VAGRANTFILE}  # configuration whose text says unit: read as one
    assert codes_at(files, _EGRESS) == []
    assert codes_at(files, _DOWNLOAD) == []
