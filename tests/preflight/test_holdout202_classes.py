"""Classes the two-hundred-and-second hold-out set showed (tests/preflight/holdout202: provisioning scripts, third
sample: cloud-init user data, Vagrant and Packer provisioners, first-boot scripts), each as its minimal construct
next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_EGRESS = "preflight.implicit_egress"
_DOWNLOAD = "preflight.unverified_download_exec"
_PRIVILEGE = "preflight.implicit_privilege"
_CREDENTIAL = "preflight.hardcoded_credential"


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


# -- C: a SysV init script's own actions (initdb, condrestart, force-reload) ------------------------------------------


def test_c_init_script_actions_are_root_only() -> None:
    script = (
        "#!/bin/sh\n"
        "service postgresql92-postgresql initdb\n"  # 2
        "service httpd condrestart\n"  # 3
        "/etc/init.d/nginx force-reload\n"  # 4
    )
    assert codes_at({"bootstrap.sh": script}, _PRIVILEGE) == [2, 3, 4]


def test_c_reading_an_init_script_status_stays_quiet() -> None:
    script = "#!/bin/sh\nservice postgresql status\nservice --status-all\n/etc/init.d/nginx configtest\n"
    assert codes_at({"bootstrap.sh": script}, _PRIVILEGE) == []


# -- E: the password a hasher is given on the command line is a literal password -------------------------------------


def test_e_a_literal_password_given_to_a_hasher_is_a_credential() -> None:
    script = (
        "#!/bin/bash\n"
        'password="$(openssl passwd -crypt -salt robot robot)"\n'  # 2
        'useradd -p "$password" pi\n'
        "hash=$(mkpasswd -m sha-512 s3cretpw)\n"  # 4
        'echo "admin:$hash" > /boot/userconf\n'
        'usermod -p "$(openssl passwd -6 hunter22)" root\n'  # 6
    )
    assert codes_at({"scripts/user.sh": script}, _CREDENTIAL) == [2, 4, 6]


def test_e_a_hash_only_compared_with_the_shadow_entry_stays_quiet() -> None:
    script = (
        "#!/bin/sh\n"
        "SHADOW=\"$(sudo -n grep -E '^pi:' /etc/shadow)\"\n"
        'HASH=$(mkpasswd -msha-512 raspberry "$SALT")\n'
        'if echo "$SHADOW" | grep -q "$HASH"; then echo "change the default password"; fi\n'
    )
    assert codes_at({"etc/profile.d/sshpasswd.sh": script}, _CREDENTIAL) == []


def test_e_a_hasher_reading_its_password_at_run_time_stays_quiet() -> None:
    script = (
        "#!/bin/bash\n"
        'password="$(openssl passwd -6 -salt "$SALT" "$PI_PASSWORD")"\n'
        "hash=$(openssl passwd -6 -stdin < /run/secrets/pw)\n"
        "openssl passwd -in passwords.txt\n"
        "openssl rand -hex 16\n"
    )
    assert codes_at({"scripts/user.sh": script}, _CREDENTIAL) == []


# -- H: a MySQL client given Debian's maintenance account file reads a root-only file ---------------------------------


def test_h_a_client_given_debians_maintenance_file_runs_as_root() -> None:
    script = (
        "#!/bin/bash\n"
        "mysqladmin --defaults-extra-file=/etc/mysql/debian.cnf create ghiro\n"  # 2
        'mysql --defaults-file=/etc/mysql/debian.cnf -e "SELECT 1"\n'  # 3
    )
    assert codes_at({"scripts/ghiro.sh": script}, _PRIVILEGE) == [2, 3]


def test_h_a_client_given_its_own_options_file_stays_quiet() -> None:
    script = (
        "#!/bin/bash\n"
        "mysqladmin --defaults-extra-file=./client.cnf create ghiro\n"
        'mysql --defaults-file="$HOME/.my.cnf" -e "SELECT 1"\n'
        "cat /etc/mysql/debian.cnf.example\n"
    )
    assert codes_at({"scripts/ghiro.sh": script}, _PRIVILEGE) == []


# -- F: a quoted key of a Python dict or JSON object a heredoc writes is a setting -----------------------------------


def test_f_a_quoted_password_key_in_a_written_settings_file_is_a_credential() -> None:
    script = (
        "#!/bin/bash\n"
        "cat <<EOF > ghiro/local_settings.py\n"  # 2
        "DATABASES = {\n"
        "    'default': {\n"
        "        'USER': 'root',\n"
        "        'PASSWORD': 'ghiromanager',\n"  # 6
        "    }\n"
        "}\n"
        "EOF\n"
        "cat > config.json <<EOF\n"  # 10
        '{"db_password": "s3cr3tpass"}\n'
        "EOF\n"
        "cat > /etc/app.json <<EOF\n"  # 13
        '  "admin_password": "Adm1nPass",\n'  # 14
        "EOF\n"
    )
    assert codes_at({"scripts/ghiro.sh": script}, _CREDENTIAL) == [6, 14]


def test_f_a_quoted_key_with_a_run_time_or_empty_value_stays_quiet() -> None:
    script = (
        "#!/bin/bash\n"
        "cat <<EOF > ghiro/local_settings.py\n"
        "        'PASSWORD': '$DB_PASSWORD',\n"
        "        'PASSWORD': '',\n"
        "        'PASSWORD_HASHERS': 'django.contrib.auth.hashers.Argon2PasswordHasher',\n"
        "EOF\n"
    )
    assert codes_at({"scripts/ghiro.sh": script}, _CREDENTIAL) == []
