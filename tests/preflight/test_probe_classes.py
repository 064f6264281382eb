"""Classes found by probing the readers with constructs every installer uses (not from a hold-out set): each as its
minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at, findings, in_script

TLS = "preflight.tls_verification_disabled"


# -- git told to skip certificate checks for good: ``git config [--global] http.sslVerify false`` --------------


@pytest.mark.parametrize(
    "line",
    [
        "git config --global http.sslVerify false",
        "git config http.sslVerify false",
        "sudo git config --system http.sslverify no",
        "git config --global http.https://git.corp.org/.sslVerify 0",
        "git -c http.sslVerify=false clone https://git.corp.org/a.git",
    ],
)
def test_git_told_to_skip_certificate_checks(line: str) -> None:
    assert in_script(TLS, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "git config --global http.sslVerify true",
        "git config --global --unset http.sslVerify",
        "git config --get http.sslVerify",
        "git config --global http.sslCAInfo /etc/ssl/corp.pem",
        'echo "git config --global http.sslVerify false"',
    ],
)
def test_git_certificate_settings_near_misses(line: str) -> None:
    assert in_script(TLS, line) == []


# -- a database image told to let clients in with no password, on a published port ------------------------------

AUTH = "preflight.authentication_disabled"


def _compose(environment: str, ports: str = '    ports: ["5432:5432"]') -> str:
    return f"services:\n  db:\n    image: postgres:16\n{ports}\n    environment:\n{environment}\n"


@pytest.mark.parametrize(
    "environment",
    [
        "      POSTGRES_HOST_AUTH_METHOD: trust",
        "      - POSTGRES_HOST_AUTH_METHOD=trust",
        "      MYSQL_ALLOW_EMPTY_PASSWORD: 'yes'",
        "      - MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1",
        "      ALLOW_EMPTY_PASSWORD: 'yes'",
    ],
)
def test_a_database_image_without_a_password_on_a_published_port(environment: str) -> None:
    assert codes_at({"docker-compose.yml": _compose(environment)}, AUTH) == [6]


@pytest.mark.parametrize(
    "ports",
    [
        '    ports: ["5432"]',  # a random host port, on every address
        "    network_mode: host",
        "    ports:\n      - target: 5432\n        published: 5432",
    ],
)
def test_published_beyond_loopback(ports: str) -> None:
    files = {"compose.yaml": _compose("      POSTGRES_HOST_AUTH_METHOD: trust", ports)}
    assert len(codes_at(files, AUTH)) == 1


@pytest.mark.parametrize(
    ("environment", "ports"),
    [
        ("      POSTGRES_HOST_AUTH_METHOD: trust", "    expose: [5432]"),  # the compose network only
        ("      POSTGRES_HOST_AUTH_METHOD: trust", '    ports: ["127.0.0.1:5432:5432"]'),
        ("      POSTGRES_HOST_AUTH_METHOD: trust", "    ports:\n      - target: 5432\n        host_ip: 127.0.0.1"),
        ("      POSTGRES_HOST_AUTH_METHOD: scram-sha-256", '    ports: ["5432:5432"]'),
        ("      MYSQL_ALLOW_EMPTY_PASSWORD: ''", '    ports: ["3306:3306"]'),  # empty is unset
        ("      ALLOW_EMPTY_PASSWORD: 'no'", '    ports: ["6379:6379"]'),
    ],
)
def test_database_image_authentication_near_misses(environment: str, ports: str) -> None:
    assert codes_at({"docker-compose.yml": _compose(environment, ports)}, AUTH) == []


# -- an Ansible service task that stops or disables a protection ----------------------------------------------

PROTECTION = "preflight.protection_disabled"


@pytest.mark.parametrize(
    "task",
    [
        "- name: stop the firewall\n  service:\n    name: ufw\n    state: stopped\n",
        "- name: disable the firewall\n  ansible.builtin.systemd:\n    name: firewalld\n    enabled: false\n",
        "- name: both\n  ansible.builtin.service:\n    name: auditd\n    state: stopped\n    enabled: no\n",
    ],
)
def test_an_ansible_service_task_switching_a_protection_off(task: str) -> None:
    # a file whose only tasks are short-named ``service:`` tasks is not told from other YAML lists: a task beside
    first = "- name: install\n  ansible.builtin.apt:\n    name: app\n"
    assert codes_at({"roles/app/tasks/main.yml": first + task}, PROTECTION) == [6]


@pytest.mark.parametrize(
    "task",
    [
        "- name: start the firewall\n  service:\n    name: ufw\n    state: started\n    enabled: yes\n",
        "- name: restart the app\n  ansible.builtin.systemd:\n    name: app\n    state: restarted\n",
        "- name: stop the app\n  service:\n    name: app\n    state: stopped\n",  # no protection
    ],
)
def test_ansible_service_task_near_misses(task: str) -> None:
    first = "- name: install\n  ansible.builtin.apt:\n    name: app\n"
    assert codes_at({"roles/app/tasks/main.yml": first + task}, PROTECTION) == []


# -- a literal setting written into a file by echo/printf or sed -i; a literal password given to chpasswd ------

CREDENTIAL = "preflight.hardcoded_credential"


@pytest.mark.parametrize(
    "line",
    [
        'echo "admin_password=Xk29fjq8Lm" >> /etc/acme/acme.conf',
        'echo "DB_PASSWORD=Xk29fjq8Lm" > .env',
        "echo 'api_token: Xk29fjq8LmQ7rT2wZp9' | sudo tee -a /etc/acme/acme.yml",
        "printf 'user=app\\npassword=Xk29fjq8Lm\\n' > /etc/acme/client.cnf",
        "sed -i 's/^password=.*/password=Xk29fjq8Lm/' /etc/acme/acme.conf",
        "sed -i -e 's|#secret_key = .*|secret_key = Xk29fjq8Lm|' /etc/acme/acme.ini",
        'echo "admin:Xk29fjq8Lm" | chpasswd',
        "printf 'Xk29fjq8Lm\\nXk29fjq8Lm\\n' | passwd app",
    ],
)
def test_a_literal_secret_written_or_given_to_an_account(line: str) -> None:
    assert in_script(CREDENTIAL, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        'echo "admin_password=Xk29fjq8Lm"',  # printed, not written (secret_printed's concern)
        'echo "DB_PASSWORD=$DB_PASSWORD" >> .env',  # filled in at run time
        "echo 'password_file=/etc/acme/pw' >> /etc/acme/acme.conf",  # a path
        "sed 's/^password=.*/password=Xk29fjq8Lm/' acme.conf.in",  # no -i: printed
        "sed -i 's/password=Xk29fjq8Lm//' /etc/acme/acme.conf",  # the pattern, not what is written
        "sed -i 's/^password=.*/password=${ADMIN_PW}/' /etc/acme/acme.conf",
        'echo "$USER_NAME:$USER_PW" | chpasswd',
        'echo "admin:Xk29fjq8Lm" | tee /dev/null',
    ],
)
def test_written_secret_near_misses(line: str) -> None:
    assert in_script(CREDENTIAL, line) == []


# -- the product's own CLI, run by its path, given ``migrate`` ---------------------------------------------------

HIDDEN = "preflight.hidden_migration"


@pytest.mark.parametrize(
    "line",
    [
        "/opt/acme/bin/acme migrate",
        "./acme migrate --yes",
        "sudo -u acme /opt/acme/bin/acme-server migrate",
        '"$APP_DIR/bin/acme" migrate',
    ],
)
def test_the_products_cli_by_its_path_migrates(line: str) -> None:
    assert in_script(HIDDEN, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "virsh migrate --live vm1 qemu+ssh://dst/system",  # a bare name: a VM's migration
        "/usr/bin/virsh migrate vm1 qemu+ssh://dst/system",  # the system's own tool
        "/opt/acme/bin/acme migrate --check",
        "/opt/acme/bin/acme migrate status",
        "/opt/acme/bin/acme serve --migrate-later",
        'echo "/opt/acme/bin/acme migrate"',
    ],
)
def test_the_products_cli_migrate_near_misses(line: str) -> None:
    assert in_script(HIDDEN, line) == []


# -- PowerShell: a secret-named variable's literal is reported where it is assigned, once --------------------------


def test_a_secure_string_of_a_secret_named_variable_is_reported_once() -> None:
    source = (
        '$password = "P@ssw0rd123"\n'
        "New-LocalUser -Name app -Password (ConvertTo-SecureString $password -AsPlainText -Force)\n"
    )
    assert codes_at({"install.ps1": source}, CREDENTIAL) == [1]
    # a literal written there, or carried by a variable whose name says nothing, is reported at the call
    assert codes_at(
        {"install.ps1": '$c = ConvertTo-SecureString "Hunter2Secret!" -AsPlainText -Force\n'}, CREDENTIAL
    ) == [1]
    assert codes_at(
        {"install.ps1": '$x = "Hunter2Secret!"\n$c = ConvertTo-SecureString $x -AsPlainText -Force\n'}, CREDENTIAL
    ) == [2]


# -- a shipped unit's hard dependencies and a timer's unit, resolved against the package and the target ------------

MISSING_UNIT = "preflight.systemd_unit_missing"
_WORKER = "[Unit]\nDescription=worker\n{dep}\n[Service]\nExecStart=/opt/acme/bin/acme worker\n"


@pytest.mark.parametrize("dep", ["Requires=acme-db.service", "BindsTo=acme-db.service", "Requisite=acme-db"])
def test_a_unit_requiring_a_unit_nobody_has(dep: str) -> None:
    files = {"lib/systemd/system/acme-worker.service": _WORKER.format(dep=dep)}
    assert codes_at(files, MISSING_UNIT) == [3]


@pytest.mark.parametrize(
    "dep",
    [
        "Requires=postgresql.service",  # on the target (the inventory lists it)
        "Requires=acme.service",  # shipped beside it
        "Wants=acme-db.service",  # a soft dependency tolerates a missing unit
        "After=acme-db.service",
        "Requires=network-online.target",  # systemd's own units
        "BindsTo=systemd-networkd.service",
    ],
)
def test_unit_dependency_near_misses(dep: str) -> None:
    files = {
        "lib/systemd/system/acme-worker.service": _WORKER.format(dep=dep),
        "lib/systemd/system/acme.service": "[Service]\nExecStart=/opt/acme/bin/acme\n",
    }
    assert codes_at(files, MISSING_UNIT) == []


def test_a_timer_activating_a_unit_nobody_has() -> None:
    timer = "[Timer]\nOnCalendar=daily\nUnit=acme-backup.service\n"
    assert codes_at({"lib/systemd/system/acme-nightly.timer": timer}, MISSING_UNIT) == [3]
    # without Unit= a timer activates the service of its own name
    assert codes_at({"lib/systemd/system/acme-backup.timer": "[Timer]\nOnCalendar=daily\n"}, MISSING_UNIT) == [1]
    shipped = {
        "lib/systemd/system/acme-backup.timer": "[Timer]\nOnCalendar=daily\n",
        "lib/systemd/system/acme-backup.service": "[Service]\nType=oneshot\nExecStart=/opt/acme/bin/backup\n",
    }
    assert codes_at(shipped, MISSING_UNIT) == []


# -- a file named for a secret: its one value, and a .txt of settings --------------------------------------------


@pytest.mark.parametrize(
    "name", ["secrets/db_password.txt", ".db_password", "config/.admin_password", "secrets/api-token", ".secret_key"]
)
def test_a_file_named_for_a_secret_holding_one_value(name: str) -> None:
    assert codes_at({name: "Tr0ub4dor&3xQ\n"}, CREDENTIAL) == [1]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("secrets/db_password.txt", "${DB_PASSWORD}\n"),  # a reference
        ("secrets/db_password.txt", "\n"),  # empty: filled in on the target
        ("secrets/db_password.txt.example", "Tr0ub4dor&3xQ\n"),
        ("docs/db_password.txt", "Tr0ub4dor&3xQ\n"),  # documentation
        ("tests/fixtures/api_token", "Tr0ub4dor&3xQ\n"),  # test data
        (".htpasswd", "admin:Tr0ub4dor&3xQ\n"),  # an htpasswd file holds hashes
        ("notes.txt", "Tr0ub4dor&3xQ\n"),  # a name that says nothing
        ("keys/signing_key.pub", "Tr0ub4dor&3xQ\n"),
        ("secrets/db_password", "first line\nsecond line\n"),  # not one value
    ],
)
def test_secret_file_near_misses(name: str, content: str) -> None:
    assert codes_at({name: content}, CREDENTIAL) == []


def test_a_txt_named_for_credentials_is_read_as_settings() -> None:
    assert codes_at({"credentials.txt": "username: admin\npassword: Tr0ub4dor&3\n"}, CREDENTIAL) == [2]
    assert codes_at({"docs/credentials.txt": "username: admin\npassword: Tr0ub4dor&3\n"}, CREDENTIAL) == []


# -- a Python program's archive unpacked from memory, and a digest of the fetched body compared ----------------------

UNVERIFIED = "preflight.unverified_download_exec"
_MEMORY = """import hashlib, io, subprocess, tarfile, zipfile
import requests

URL = "https://downloads.acme.io/agent/latest/agent-linux.tar.gz"
SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def install():
    r = requests.get(URL, timeout=30)
{check}    with tarfile.open(fileobj=io.BytesIO(r.content)) as t:
        t.extractall("/opt/acme")
    subprocess.check_call(["/opt/acme/agent", "--register"])


if __name__ == "__main__":
    install()
"""


def test_an_archive_unpacked_from_a_fetched_body_in_memory() -> None:
    assert codes_at({"scripts/install.py": _MEMORY.format(check="")}, UNVERIFIED) == [11]
    zipped = _MEMORY.format(check="").replace(
        "    with tarfile.open(fileobj=io.BytesIO(r.content)) as t:\n        t.extractall",
        "    zipfile.ZipFile(io.BytesIO(r.content)).extractall",
    )
    assert codes_at({"scripts/install.py": zipped}, UNVERIFIED) == [10]
    # a digest printed checks nothing
    printed = "    print(hashlib.sha256(r.content).hexdigest())\n"
    assert codes_at({"scripts/install.py": _MEMORY.format(check=printed)}, UNVERIFIED) == [12]


@pytest.mark.parametrize(
    "check",
    [
        "    if hashlib.sha256(r.content).hexdigest() != SHA256:\n        raise SystemExit('bad checksum')\n",
        "    data = r.content\n    assert hmac.compare_digest(hashlib.sha256(data).hexdigest(), SHA256)\n",
    ],
)
def test_a_fetched_body_compared_with_its_digest_is_checked(check: str) -> None:
    assert codes_at({"scripts/install.py": _MEMORY.format(check=check)}, UNVERIFIED) == []


# -- a JavaScript postinstall: a response piped into a named write stream, a template's path, a profile by homedir --

PERSISTENCE = "preflight.persistence"
_POSTINSTALL = """const { execSync } = require('child_process');
const fs = require('fs');
const https = require('https');
const path = require('path');

const url = 'https://github.com/acme/tool/releases/download/v1.2.3/tool-linux.tar.gz';
const dest = path.join(__dirname, 'bin');

https.get(url, (res) => {
  const file = fs.createWriteStream(path.join(dest, 'tool.tgz'));
  res.pipe(file);
  file.on('finish', () => {
    execSync(`tar -xzf ${path.join(dest, 'tool.tgz')} -C ${dest}`);
  });
});
"""


def test_a_response_piped_into_a_named_stream_then_unpacked_by_a_template_command() -> None:
    assert codes_at({"scripts/postinstall.js": _POSTINSTALL}, UNVERIFIED) == [13]
    # a local archive unpacked the same way is no download
    local = _POSTINSTALL.replace("res.pipe(file);", "fs.createReadStream('bundle.tgz').pipe(file);")
    assert codes_at({"scripts/postinstall.js": local}, UNVERIFIED) == []


def test_a_profile_reached_through_require_os_homedir() -> None:
    line = "fs.appendFileSync(require('os').homedir() + '/.bashrc', 'export PATH=$PATH:/opt/acme/bin\\n');\n"
    assert codes_at({"scripts/postinstall.js": "const fs = require('fs');\n" + line}, PERSISTENCE) == [2]
    other = line.replace("/.bashrc", "/.acme/config.json")
    assert codes_at({"scripts/postinstall.js": "const fs = require('fs');\n" + other}, PERSISTENCE) == []


def test_a_txt_that_only_mentions_a_secret_is_documentation() -> None:
    # keystone's api-ref samples: a sample response, named for what it answers, not a token file
    sample = "HTTP/1.1 201 Created\noauth_token=29971f&oauth_token_secret=238eb8\n"
    assert codes_at({"api-ref/samples/access-token-create-response.txt": sample}, CREDENTIAL) == []
    assert codes_at({"password-policy.txt": "password: Tr0ub4dor&3\n"}, CREDENTIAL) == []


@pytest.mark.parametrize(
    "install",
    ["apt-get install -y nginx", "sudo dnf -y install nginx-core", "apk add --no-cache nginx", "pacman -Syu nginx"],
)
def test_a_unit_the_scripts_own_install_brings(install: str) -> None:
    assert in_script(MISSING_UNIT, install, "systemctl restart nginx") == []


def test_units_no_install_brings() -> None:
    # restarted before the install, an install of another package, and a package named otherwise than its unit
    assert in_script(MISSING_UNIT, "systemctl restart nginx", "apt-get install -y nginx") == [3]
    assert in_script(MISSING_UNIT, "apt-get install -y curl", "systemctl restart nginx") == [4]
    assert in_script(MISSING_UNIT, "apt-get install -y openssh-server", "systemctl restart ssh") == [4]
    assert in_script(MISSING_UNIT, "apt-cache show nginx", "systemctl restart nginx") == [4]


# -- a Go program's own download function, read at its call with the path the call gives --------------------------

_GO_UPDATER = """package main

import (
	"archive/zip"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

func download(dst string) error {
	resp, err := http.Get("https://downloads.acme.io/tool/latest/tool.zip")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, _ := os.Create(dst)
	defer f.Close()
	_, err = io.Copy(f, resp.Body)
	return err
}

func main() {
	tmp := filepath.Join(os.TempDir(), "tool.zip")
	download(tmp)
	r, _ := zip.OpenReader({archive})
	for _, f := range r.File {
		rc, _ := f.Open()
		out, _ := os.Create(filepath.Join("/opt/tool", f.Name))
		io.Copy(out, rc)
	}
}
"""


def test_a_go_download_function_saves_at_the_path_its_call_gives() -> None:
    assert codes_at({"cmd/update/main.go": _GO_UPDATER.replace("{archive}", "tmp")}, UNVERIFIED) == [29]
    # another archive than the one the call downloads
    local = _GO_UPDATER.replace("{archive}", '"bundle.zip"')
    assert codes_at({"cmd/update/main.go": local}, UNVERIFIED) == []


# -- PowerShell: a secret-named variable printed to the install log ------------------------------------------------

PRINTED = "preflight.secret_printed"


@pytest.mark.parametrize(
    "line",
    [
        'Write-Host "Admin password: $adminPassword"',
        'Write-Output "token=$ApiToken"',
        'echo "DB: $env:DB_PASSWORD"',
    ],
)
def test_powershell_prints_a_secret(line: str) -> None:
    source = "$adminPassword = Read-Host\n$ApiToken = Get-Content t.txt\n" + line + "\n"
    assert codes_at({"install.ps1": source}, PRINTED) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "Write-Host 'Admin password: $adminPassword'",  # single quotes: not expanded
        'Write-Host "Installed in $PWD"',  # PowerShell's own variable
        'Write-Host "Secure: $securePassword"',  # a SecureString prints its type name
        'Write-Host "Password file: $passwordFile"',
        'Write-Host "Welcome, $adminUser"',
        'function Get-Pw { Write-Output "$adminPassword" }',  # a function's return value
        '$x = Write-Output "$adminPassword"',  # stored, not printed
    ],
)
def test_powershell_printing_near_misses(line: str) -> None:
    source = "$adminPassword = Read-Host\n$ApiToken = Get-Content t.txt\n" + line + "\n"
    assert codes_at({"install.ps1": source}, PRINTED) == []


# -- an Ansible lineinfile task writes its line into the file, as a script's echo >> FILE does ---------------------

_LINEINFILE = (
    "- name: install\n  ansible.builtin.apt:\n    name: app\n"  # 1-3: a task that marks the file a task list
    "- name: set\n  lineinfile:\n    path: /etc/app.conf\n"  # 4-6
)


@pytest.mark.parametrize("line", ['    line: "admin_password=Xk29fjq8Lm"\n', "    line: TLS_REQCERT never\n"])
def test_an_ansible_lineinfile_line_is_a_written_setting(line: str) -> None:
    found = codes_at({"roles/app/tasks/main.yml": _LINEINFILE + line}, CREDENTIAL) + codes_at(
        {"roles/app/tasks/main.yml": _LINEINFILE + line}, TLS
    )
    assert found == [7]


@pytest.mark.parametrize(
    "line",
    [
        '    line: "admin_password={{ app_admin_password }}"\n',  # filled in when the play runs
        '    line: "listen_port=8080"\n',
        '    line: "admin_password=Xk29fjq8Lm"\n    state: absent\n',  # the line removed
    ],
)
def test_ansible_lineinfile_near_misses(line: str) -> None:
    files = {"roles/app/tasks/main.yml": _LINEINFILE + line}
    assert codes_at(files, CREDENTIAL) == [] and codes_at(files, TLS) == []


# -- a package manager's check switched off by a setting the script writes or passes ---------------------------

UNSIGNED = "preflight.signature_verification_disabled"


@pytest.mark.parametrize(
    ("code", "lines", "expected"),
    [
        (UNSIGNED, ["sed -i 's/^gpgcheck=1/gpgcheck=0/' /etc/yum.repos.d/acme.repo"], [3]),
        (UNSIGNED, ["sed -i -e 's/^SigLevel.*/SigLevel = Never/' /etc/pacman.conf"], [3]),
        (UNSIGNED, ["echo 'APT::Get::AllowUnauthenticated \"true\";' | tee /etc/apt/apt.conf.d/99acme"], [3]),
        (UNSIGNED, ["cat > /etc/yum.repos.d/acme.repo <<EOF", "[acme]", "baseurl=https://rpm.acme.io",
                    "gpgcheck=0", "EOF"], [6]),
        (UNSIGNED, ["yum-config-manager --save --setopt=acme.gpgcheck=0"], [3]),
        (TLS, ["sed -i 's/sslverify=1/sslverify=0/' /etc/yum.repos.d/acme.repo"], [3]),
        (TLS, ["apt-get -o Acquire::https::Verify-Peer=false update"], [3]),
        (TLS, ["apt-get -oAcquire::https::apt.acme.io::Verify-Host=false install -y acme"], [3]),
        (TLS, ["yum --setopt=acme.sslverify=0 install -y acme"], [3]),
        (TLS, ["yum-config-manager --save --setopt=sslverify=false"], [3]),
        (TLS, ["pip config set global.trusted-host pypi.acme.io"], [3]),
    ],
)  # fmt: skip
def test_a_package_managers_check_switched_off_by_a_setting(code: str, lines: list[str], expected: list[int]) -> None:
    assert in_script(code, *lines) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["sed -i 's/^gpgcheck=0/gpgcheck=1/' /etc/yum.repos.d/acme.repo"],
        ['sed -i "s/^gpgcheck=.*/gpgcheck=$CHECK/" /etc/yum.repos.d/acme.repo'],
        ["sed -i 's/gpgcheck=0/gpgcheck=0/' notes.txt"],
        ["cat > /etc/yum.repos.d/acme.repo <<EOF", "[acme]", "gpgcheck=0", "repo_gpgcheck=1", "EOF"],
        ["sed -i 's/sslverify=0/sslverify=1/' /etc/yum.repos.d/acme.repo"],
        ["apt-get -o Acquire::https::Verify-Peer=true update"],
        ["apt-get -o Acquire::Check-Valid-Until=false update"],
        ["yum --setopt=sslverify=1 install -y acme"],
        ["pip config set global.index-url https://pypi.acme.io/simple"],
        ["echo 'deb [signed-by=/usr/share/keyrings/acme.gpg] https://apt.acme.io stable main'"
         " | tee /etc/apt/sources.list.d/acme.list"],
    ],
)  # fmt: skip
def test_package_manager_settings_near_misses(lines: list[str]) -> None:
    assert in_script(UNSIGNED, *lines) == [] and in_script(TLS, *lines) == []


# -- a client's check switched off by a variable a container or process is started with --------------------------


@pytest.mark.parametrize(
    ("path", "lines", "expected"),
    [
        ("docker-compose.yml", ["services:", "  app:", "    image: acme/app", "    environment:",
                                "      - NODE_TLS_REJECT_UNAUTHORIZED=0", "      - GIT_SSL_NO_VERIFY=1"], [5, 6]),
        ("docker-compose.yml", ["services:", "  app:", "    image: acme/app", "    environment:",
                                "      PYTHONHTTPSVERIFY: '0'"], [5]),
        ("deploy/agent.yaml", ["apiVersion: v1", "kind: Pod", "spec:", "  containers:", "  - name: agent",
                               "    env:", "    - name: TLS_SKIP_VERIFY", "      value: 'true'"], [8]),
        (".env.production", ["APP_URL=https://acme.io", "GIT_SSL_NO_VERIFY=1", "export CURL_INSECURE=1"], [2, 3]),
    ],
)  # fmt: skip
def test_a_process_started_with_a_variable_that_switches_tls_checks_off(
    path: str, lines: list[str], expected: list[int]
) -> None:
    assert codes_at({path: "\n".join(lines) + "\n"}, TLS) == expected


@pytest.mark.parametrize(
    ("path", "lines"),
    [
        ("docker-compose.yml", ["services:", "  app:", "    image: acme/app", "    environment:",
                                "      - PYTHONHTTPSVERIFY=1", "      - GIT_SSL_NO_VERIFY=",
                                "      - LDAP_TLS_VERIFY=true"]),
        ("docker-compose.yml", ["services:", "  app:", "    image: acme/app", "    environment:",
                                "      GIT_SSL_NO_VERIFY:", "      NODE_TLS_REJECT_UNAUTHORIZED: '1'"]),
        ("deploy/agent.yaml", ["apiVersion: v1", "kind: Pod", "spec:", "  containers:", "  - name: agent",
                               "    env:", "    - name: TLS_SKIP_VERIFY", "      value: 'false'"]),
        (".env", ["GIT_SSL_NO_VERIFY=", "PYTHONHTTPSVERIFY=1"]),
        ("docs/notes.txt", ["GIT_SSL_NO_VERIFY=1"]),
    ],
)  # fmt: skip
def test_process_variable_near_misses(path: str, lines: list[str]) -> None:
    assert codes_at({path: "\n".join(lines) + "\n"}, TLS) == []


# -- installers and version managers that fetch without a URL in the script ---------------------------------------

EGRESS = "preflight.implicit_egress"


@pytest.mark.parametrize(
    "line",
    [
        "composer global require acme/cli",
        "pipx install acme",
        "pipx upgrade-all",
        "terraform init",
        "tofu init -upgrade",
        "ansible-galaxy install -r requirements.yml",
        "ansible-galaxy collection install community.general",
        "rustup update stable",
        "rustup target add wasm32-unknown-unknown",
        "nvm install 20",
        "sdk install java 21-tem",
    ],
)
def test_an_installer_or_version_manager_fetches(line: str) -> None:
    assert in_script(EGRESS, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "composer global show",
        "pipx list",
        "terraform plan -out tfplan",
        "ansible-galaxy collection list",
        "ansible-galaxy role init myrole",
        "rustup show",
        "rustup toolchain list",
        "nvm use 20",
        "sdk list java",
    ],
)
def test_installer_and_version_manager_near_misses(line: str) -> None:
    assert in_script(EGRESS, line) == []


# -- another account's crontab, password or ageing changed by name: root only --------------------------------------

PRIVILEGE = "preflight.implicit_privilege"


@pytest.mark.parametrize(
    "line",
    ["crontab -u acme /tmp/acme.cron", "passwd -l acme", "passwd acme", "chage -M 90 acme", "crontab -u acme -r"],
)
def test_another_accounts_settings_need_root(line: str) -> None:
    assert in_script(PRIVILEGE, line) == [3]


@pytest.mark.parametrize(
    "line", ["crontab -l", "crontab /tmp/my.cron", "passwd", "chage -l acme", "sudo crontab -u acme /tmp/acme.cron"]
)
def test_own_account_settings_near_misses(line: str) -> None:
    assert in_script(PRIVILEGE, line) == []


# -- a trust record a script writes into pg_hba.conf ---------------------------------------------------------------

AUTH_OFF = "preflight.authentication_disabled"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (['echo "host all all 0.0.0.0/0 trust" >> /etc/postgresql/15/main/pg_hba.conf'], [3]),
        (['echo "host all all all trust" | tee -a "$PGDATA/pg_hba.conf"'], [3]),
        (['cat >> "$PGDATA/pg_hba.conf" <<EOF', "local all all peer", "host all all 10.0.0.0/8 trust", "EOF"], [5]),
    ],
)
def test_a_trust_record_written_into_pg_hba(lines: list[str], expected: list[int]) -> None:
    assert in_script(AUTH_OFF, *lines) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ['echo "host all all 127.0.0.1/32 trust" >> /etc/postgresql/15/main/pg_hba.conf'],
        ['echo "host all all 0.0.0.0/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"'],
        ["authMethod=trust", 'echo "host all all all $authMethod" >> "$PGDATA/pg_hba.conf"'],
        ['echo "host all all 0.0.0.0/0 trust"'],
        ['echo "host all all 0.0.0.0/0 trust" >> /tmp/notes.txt'],
    ],
)
def test_pg_hba_writes_near_misses(lines: list[str]) -> None:
    assert [line for line in in_script(AUTH_OFF, *lines) if line is not None] == []


# -- a secret in the Environment= of a unit an installer writes with a heredoc ------------------------------------

CRED = "preflight.hardcoded_credential"


def test_a_secret_in_a_written_units_environment() -> None:
    unit = [
        "cat > /etc/systemd/system/acme.service <<EOF",
        "[Service]",
        'Environment=ACME_HOME=/opt/acme "ACME_DB_PASSWORD=Sup3rS3cretPw"',
        "ExecStart=/opt/acme/bin/acme",
        "EOF",
    ]
    assert in_script(CRED, *unit) == [5]


@pytest.mark.parametrize(
    "environment",
    ["Environment=ACME_DB_PASSWORD=${DB_PASSWORD}", "Environment=ACME_HOME=/opt/acme ACME_PORT=8080",
     "EnvironmentFile=/etc/default/acme", 'Environment="ACME_DB_PASSWORD_FILE=/run/secrets/db"'],
)  # fmt: skip
def test_written_unit_environment_near_misses(environment: str) -> None:
    unit = ["cat > /etc/systemd/system/acme.service <<'EOF'", "[Service]", environment, "EOF"]
    assert in_script(CRED, *unit) == []


# -- a password a well-known tool takes on its command line, by the tool's grammar --------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "docker login -u deploy -p Xk29fjs93LmQ registry.acme.io",
        "mysqladmin -u root password 'Adm1nPassw0rd'",
        "htpasswd -b -c /etc/nginx/.htpasswd admin Adm1nPassw0rd",
        "htpasswd -bc /etc/nginx/.htpasswd admin Adm1nPassw0rd",
        "redis-cli -a R3disPassw0rd ping",
        "rabbitmqctl add_user acme Rabb1tPw",
        "wp core install --url=acme.io --admin_user=admin --admin_password=WpAdm1nPw --admin_email=a@acme.io",
        "keytool -genkeypair -alias acme -keystore /opt/acme/acme.jks -storepass St0reP4ssw0rd",
        "openssl pkcs12 -export -in c.pem -inkey k.pem -out c.p12 -passout pass:P12Passw0rd",
    ],
)
def test_a_password_on_a_tools_command_line(line: str) -> None:
    assert in_script(CRED, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        'docker login -u deploy -p "$REGISTRY_TOKEN" registry.acme.io',
        "docker login -u deploy --password-stdin registry.acme.io",
        "docker run -p 8080:80 acme/web",
        "mysqladmin -u root status",
        "htpasswd -c /etc/nginx/.htpasswd admin",
        'redis-cli -a "$REDIS_PASSWORD" ping',
        "rabbitmqctl list_users",
        "keytool -importcert -cacerts -storepass changeit -alias acme -file ca.pem -noprompt",
        "keytool -import -keystore $JAVA_HOME/lib/security/cacerts -storepass changeit -file ca.pem",
        "openssl pkcs12 -export -in c.pem -inkey k.pem -out c.p12 -passout env:P12_PASSWORD",
        "wp user create bob bob@acme.io --role=author",
    ],
)
def test_tool_password_near_misses(line: str) -> None:
    assert in_script(CRED, line) == []


# -- a stack's data deleted by the stack's teardown, and find deleting a whole data tree --------------------------

DELETE = "preflight.destructive_delete"


@pytest.mark.parametrize(
    "line",
    [
        "docker compose down -v",
        "docker-compose -f docker-compose.yml down --volumes",
        "kubectl delete pvc acme-data",
        "kubectl -n acme delete persistentvolumeclaim/acme-data",
        "find /var/lib/acme -mindepth 1 -delete",
        "find /var/lib/acme -mindepth 1 -maxdepth 1 -exec rm -rf {} +",
    ],
)
def test_a_stacks_data_deleted_without_a_backup(line: str) -> None:
    assert in_script(DELETE, line) == [3]


@pytest.mark.parametrize(
    "lines",
    [
        ["docker compose down"],
        ["docker compose down --remove-orphans"],
        ["kubectl delete pod acme-0"],
        ["kubectl get pvc"],
        ["find /var/lib/acme -name '*.log' -mtime +7 -delete"],
        ["find /tmp/acme-build -delete"],
        ["docker compose exec -T db pg_dumpall -U postgres > backup.sql", "docker compose down -v"],
    ],
)
def test_stack_teardown_near_misses(lines: list[str]) -> None:
    assert in_script(DELETE, *lines) == []


# -- an Ansible copy task's content, written into its dest as a script's heredoc would be -------------------------


def _copy_task(dest: str, content: list[str]) -> str:
    head = ["- name: write it", "  ansible.builtin.copy:", f"    dest: {dest}", "    content: |"]
    return "\n".join([*head, *(f"      {line}" for line in content)]) + "\n"


def test_an_ansible_copy_content_is_a_written_file() -> None:
    tasks = {"roles/acme/tasks/main.yml": _copy_task("/etc/sudoers.d/acme", ["acme ALL=(ALL) NOPASSWD: ALL"])}
    assert codes_at(tasks, "preflight.persistence") == [5]
    tasks = {"roles/acme/tasks/main.yml": _copy_task("/etc/acme/client.cnf", ["[client]", "password=Acm3ClientPw9"])}
    assert codes_at(tasks, CRED) == [6]
    source = "content: 'deb [trusted=yes] https://apt.acme.io s'"
    one_line = f"- ansible.builtin.copy:\n    dest: /etc/apt/sources.list.d/acme.list\n    {source}\n"
    assert codes_at({"roles/acme/tasks/main.yml": one_line}, UNSIGNED) == [3]


@pytest.mark.parametrize(
    ("dest", "content"),
    [
        ("/etc/acme/db.cnf", ["password={{ acme_db_password }}"]),
        (
            "/etc/apt/sources.list.d/acme.list",
            ["deb [signed-by=/usr/share/keyrings/acme.gpg] https://apt.acme.io s main"],
        ),
    ],
)
def test_ansible_copy_content_near_misses(dest: str, content: list[str]) -> None:
    tasks = {"roles/acme/tasks/main.yml": _copy_task(dest, content)}
    assert [c for c, _ in findings(tasks) if c in (CRED, UNSIGNED, "preflight.persistence")] == []


# -- an icon font's code point table is not a directive file (packages round 3's gosa) ----------------------------


def test_a_code_point_table_is_not_a_directive_file() -> None:
    names = ["lock", "password", "home", "menu", "search", "star", "close", "check", "add", "remove", "edit", "key"]
    table = "".join(f"{name} e{index:03x}\n" for index, name in enumerate(names))
    assert codes_at({"usr/share/app/fonts/MaterialIcons-Regular.codepoints": table}, CRED) == []
    settings = "".join(f"{name} value{index}\n" for index, name in enumerate(names)).replace("value1\n", "Pandora9x\n")
    assert codes_at({"etc/pandora/pandora_server.conf": settings}, CRED) == [2]


# -- a preprocessor directive is not a comment; a system package's test-cluster tool is not a step ---------------


def test_a_preprocessor_directive_line_is_in_effect() -> None:
    cfg = '#!ifdef WITH_MYSQL\n#!trydef DBURL "mysql://kamailio:kamailiorw@localhost/kamailio"\n#!endif\n'
    assert codes_at({"etc/kamailio/kamailio.cfg": cfg}, CRED) == [2]
    assert codes_at({"etc/kamailio/kamailio.cfg": cfg.replace("#!trydef", "# trydef")}, CRED) == []


def test_a_trust_record_a_system_packages_tool_writes_is_not_a_step() -> None:
    tool = '#!/bin/sh\nPGHBA=$PGDATA/pg_hba.conf\necho "host all all all trust" >> $PGHBA\n'
    package = {"DEBIAN/postinst": "#!/bin/sh\nset -e\nexit 0\n", "usr/sbin/pg_test_setup": tool}
    assert codes_at(package, AUTH_OFF) == []
    assert codes_at({"scripts/setup.sh": tool}, AUTH_OFF) == [3]
