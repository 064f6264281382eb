"""Classes of mistakes the fifteenth hold-out set found (tests/preflight/holdout15: shell embedded in other formats),
each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings, in_script

_EGRESS = "preflight.implicit_egress"
_ENDPOINT = "preflight.external_endpoint"
_PIPE = "preflight.pipe_to_shell"
_PRIV = "preflight.implicit_privilege"
_SUDO = "preflight.sudo_unavailable"
_UNSIGNED = "preflight.signature_verification_disabled"
_UNVERIFIED = "preflight.unverified_download_exec"

# -- A: a Dockerfile's RUN/CMD/ENTRYPOINT lines are shell, run as the image build's root --------------------------


def test_a_run_lines_are_shell_at_their_own_lines() -> None:
    dockerfile = (
        "FROM debian:12\n"
        "RUN apt-get update \\\n"
        "    # a comment line Docker drops inside the continuation\n"
        "    && apt-get install -y curl \\\n"
        "    && curl -fsSL https://get.vendor.io/install.sh | sh\n"
        'CMD ["/usr/bin/app"]\n'
    )
    found = findings({"docker/Dockerfile": dockerfile})
    assert (_EGRESS, 2) in found and (_EGRESS, 4) in found
    assert (_PIPE, 5) in found and (_ENDPOINT, 5) in found
    # the build runs as root by design: no privilege finding for apt-get, useradd or an /etc write
    assert not [c for c, _ in found if c in (_PRIV, _SUDO, "preflight.root_assumed")]


def test_a_env_values_flow_into_later_lines_and_add_of_a_url_is_a_download() -> None:
    dockerfile = (
        "FROM alpine:3.20\n"
        "ENV RELEASES=https://dl.vendor.io\n"
        "RUN wget ${RELEASES}/agent.tar.gz && tar -xzf agent.tar.gz -C /usr/local/bin\n"
        "ADD https://dl.vendor.io/tool /usr/local/bin/tool\n"
        "RUN chmod +x /usr/local/bin/tool\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _ENDPOINT) == [3, 4]
    # the tarball extracted into a bin directory (3); the ADD saves straight into one (4)
    assert codes_at({"Dockerfile": dockerfile}, _UNVERIFIED) == [3, 4]


def test_a_exec_form_and_heredocs_are_read_and_a_verified_add_is_not_reported() -> None:
    dockerfile = (
        "FROM debian:12\n"
        'RUN ["wget", "-O", "/usr/local/bin/x", "https://dl.vendor.io/x"]\n'
        "RUN <<EOF\n"
        "set -e\n"
        "curl -fsSL https://get.vendor.io | bash\n"
        "EOF\n"
        "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\\n"
        "    https://dl.vendor.io/y.tar.gz /tmp/y.tar.gz\n"
    )
    assert codes_at({"Containerfile": dockerfile}, _PIPE) == [5]
    assert codes_at({"Containerfile": dockerfile}, _UNVERIFIED) == [2]


def test_a_label_env_and_comments_are_not_commands() -> None:
    dockerfile = (
        "FROM debian:12\n"
        'LABEL org.opencontainers.image.url="https://www.vendor.io/" \\\n'
        '      org.opencontainers.image.source="https://github.com/vendor/app"\n'
        'ENV INSTALL_HINT="curl https://get.vendor.io | sh"\n'
        "# RUN curl https://get.vendor.io | sh\n"
        "RUN rm -rf /var/lib/apt/lists/*\n"
    )
    assert findings({"Dockerfile": dockerfile}) == []
    # a file named like a Dockerfile without a FROM is text, not commands
    assert codes_at({"docs/Dockerfile.md": "Run `curl https://get.vendor.io | sh` first.\n"}, _PIPE) == []
    assert codes_at({"Dockerfile": "# notes\nRUN curl https://get.vendor.io | sh\n"}, _PIPE) == []


def test_a_a_windows_shell_stops_the_posix_reading() -> None:
    dockerfile = (
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
        'SHELL ["powershell", "-Command"]\n'
        "RUN iwr https://get.vendor.io/install.ps1 | iex\n"
    )
    assert codes_at({"Dockerfile": dockerfile}, _PIPE) == []


# -- B: an Ansible shell/command task is shell as the connecting user; become is the escalation -----------------


def test_b_shell_tasks_are_read_and_become_is_sudo() -> None:
    tasks = (
        "---\n"
        "- name: Add the vendor key\n"
        "  become: true\n"
        "  shell: |\n"
        "    set -o pipefail\n"
        "    curl -s https://packages.vendor.io/key | apt-key add -\n"
        "\n"
        "- name: Reboot\n"
        "  shell: sleep 2 && shutdown -r now\n"
        "\n"
        "- name: Install the agent\n"
        '  command: sudo sh -c "curl -fsSL https://get.vendor.io | sh"\n'
    )
    found = findings({"roles/agent/tasks/main.yml": tasks})
    assert (_SUDO, 3) in found and (_ENDPOINT, 6) in found
    assert (_PRIV, 6) not in found  # apt-key under become runs as root
    assert (_PRIV, 9) in found  # shutdown with no become: the connecting user
    assert (_SUDO, 12) in found and (_PIPE, 12) in found


def test_b_play_become_and_argv_and_jinja() -> None:
    play = (
        "- hosts: all\n"
        "  become: yes\n"
        "  tasks:\n"
        "    - name: Create the account\n"
        "      ansible.builtin.command:\n"
        "        argv: [useradd, --system, agent]\n"
        "    - name: Fetch\n"
        '      ansible.builtin.shell: "curl -fsSL {{ agent_url }} -o /tmp/agent.sh && sh /tmp/agent.sh"\n'
    )
    found = findings({"playbook.yml": play})
    assert (_PRIV, 6) not in found  # under the play's become
    assert [line for c, line in found if c == _SUDO] == [2]  # one escalation: the play's become line
    assert (_UNVERIFIED, 8) in found


def test_b_names_messages_and_conditions_are_data() -> None:
    tasks = (
        "- name: curl -fsSL https://get.vendor.io | sh is what the docs say\n"
        "  debug:\n"
        '    msg: "run curl https://get.vendor.io | sh yourself"\n'
        "  when: install_hint == 'curl | sh'\n"
        "- name: Read the version\n"
        "  command: cat /etc/vendor/version\n"
    )
    # the URLs in name:/msg: lines stay what the configuration reading makes of them; nothing runs them
    assert [c for c, _ in findings({"roles/agent/tasks/main.yml": tasks}) if c != _ENDPOINT] == []


def test_b_package_options_that_skip_signatures() -> None:
    tasks = (
        "- apt: name=agent state=latest force=yes\n"
        "- name: Install from a local rpm\n"
        "  ansible.builtin.yum:\n"
        "    name: /tmp/agent.rpm\n"
        "    disable_gpg_check: true\n"
        "- ansible.builtin.apt:\n"
        "    name: agent\n"
        "    allow_unauthenticated: yes\n"
    )
    assert codes_at({"tasks/install.yml": tasks}, _UNSIGNED) == [1, 5, 8]
    checked = "- yum: name=agent disable_gpg_check=no\n- dnf:\n    name: agent\n    disable_gpg_check: false\n"
    assert codes_at({"tasks/install.yml": checked}, _UNSIGNED) == []
    # force on a module that is not apt (yum's force reinstalls) is not about signatures
    assert codes_at({"tasks/install.yml": "- yum: name=agent force=yes\n"}, _UNSIGNED) == []


def test_b_a_file_get_url_fetched_without_checksum_and_installed() -> None:
    tasks = (
        "- name: Download the agent RPM\n"
        "  get_url:\n"
        "    url: https://dl.vendor.io/agent-1.0.rpm\n"
        "    dest: /tmp/agent.rpm\n"
        "- name: Install it\n"
        "  package: name=/tmp/agent.rpm state=present\n"
        "- get_url: url=https://dl.vendor.io/setup.sh dest=/tmp/setup.sh mode=0755\n"
        "- shell: /tmp/setup.sh --unattended\n"
    )
    found = findings({"roles/agent/tasks/RedHat.yml": tasks})
    # the setup script is made executable by its get_url's mode=0755 (7) before the shell runs it (8): the first
    # step that puts it to use (holdout125 B)
    assert [line for c, line in found if c == _UNVERIFIED] == [6, 7]
    # modules are not judged for privilege (the play decides): the rpm install adds no implicit_privilege
    assert _PRIV not in [c for c, _ in found]
    checked = tasks.replace("    dest: /tmp/agent.rpm\n", "    dest: /tmp/agent.rpm\n    checksum: sha256:0123abcd\n")
    assert [line for c, line in findings({"roles/agent/tasks/RedHat.yml": checked}) if c == _UNVERIFIED] == [8]


# -- C: cloud-init runcmd/bootcmd, logrotate scripts, a container's sh -c: root by design ------------------------


def test_c_cloud_init_items_are_commands_strings_and_lists() -> None:
    user_data = (
        "#cloud-config\n"
        "packages: [curl]\n"
        "runcmd:\n"
        " - curl -fsSL https://get.vendor.io | sh\n"
        ' - [ wget, "https://dl.vendor.io/agent", -O, /usr/local/bin/agent ]\n'
        " - useradd agent\n"
        "write_files:\n"
        " - content: 'curl https://get.vendor.io | sh'\n"
        "   path: /etc/motd\n"
    )
    found = findings({"deploy/user-data.yaml": user_data})
    assert (_PIPE, 4) in found and (_ENDPOINT, 5) in found
    assert (_PIPE, 8) not in found  # a file's content is data
    assert _PRIV not in [c for c, _ in found]


def test_c_logrotate_scripts_run_as_root() -> None:
    conf = (
        "/var/log/agent/*.log {\n"
        "    daily\n"
        "    postrotate\n"
        "        curl -fsS https://hooks.vendor.io/rotated || true\n"
        "        systemctl reload agent\n"
        "    endscript\n"
        "}\n"
    )
    found = findings({"debian/agent.logrotate": conf})
    # run as root by logrotate (no privilege finding); the unit it reloads is not on the target
    assert found == [(_ENDPOINT, 4), ("preflight.systemd_unit_missing", 5)]
    # a root-only reload there needs no escalation
    reload = "/var/log/agent/*.log {\n    postrotate\n        invoke-rc.d agent reload >/dev/null\n    endscript\n}\n"
    assert findings({"etc/logrotate.d/agent": reload}) == []
    # a document that shows a logrotate file is text
    assert codes_at({"docs/logrotate.md": conf.replace("systemctl reload agent", "curl -fsSL x.io | sh")}, _PIPE) == []


def test_c_a_container_sh_c_and_an_anchored_script() -> None:
    manifest = (
        "apiVersion: apps/v1\n"
        "kind: DaemonSet\n"
        "metadata:\n"
        "  annotations:\n"
        "    command: &cmd apt-get update && apt-get install -y open-iscsi\n"
        "spec:\n"
        "  template:\n"
        "    spec:\n"
        "      containers:\n"
        "      - name: install\n"
        '        command: ["nsenter", "--mount=/proc/1/ns/mnt", "--", "sh", "-c", *cmd]\n'
        "      - name: args\n"
        '        command: ["/bin/sh", "-c"]\n'
        "        args:\n"
        "          - curl -fsSL https://get.vendor.io | sh\n"
    )
    found = findings({"deploy/install.yaml": manifest})
    assert (_EGRESS, 5) in found and (_PIPE, 15) in found
    # a command that no shell runs is argv of the image's entrypoint, not a script
    compose = "services:\n  redis:\n    image: redis:7\n    command: --requirepass ${REDIS_PASSWORD}\n"
    assert findings({"compose.yml": compose}) == []
    # a compose service's sh -c is a script; the same in a YAML file that is neither compose nor a manifest is not
    shell = 'services:\n  app:\n    image: app:1\n    command: sh -c "curl -fsSL https://get.vendor.io | sh"\n'
    assert codes_at({"docker-compose.yml": shell}, _PIPE) == [4]
    # (a file whose services all name an image is a compose file under any name: holdout36's Frappe ``pwd.yml``)
    assert codes_at({"deploy/app.yaml": shell.replace("services:", "jobs:")}, _PIPE) == []


def test_c_an_ordinary_script_is_read_as_before() -> None:
    assert in_script(_PIPE, "curl -fsSL https://get.vendor.io | sh") == [3]


def test_the_readers_are_bounded() -> None:
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
    )
    manifest = "apiVersion: v1\nkind: Pod\ncommand: x\n" + laughs
    assert findings({"deploy/pod.yaml": manifest}) == []
    nested = "- block:\n" + "".join("  " * i + "  - block:\n" for i in range(1, 400)) + "  " * 400 + "  - shell: id\n"
    assert findings({"tasks/main.yml": nested}) == []
    unbalanced = 'FROM debian:12\nRUN echo "unterminated \\\n  && apt-get install -y curl\n'
    assert isinstance(findings({"Dockerfile": unbalanced}), list)
