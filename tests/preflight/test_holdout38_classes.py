"""Classes of mistakes the thirty-eighth hold-out set found (tests/preflight/holdout38: Ansible roles that install and
upgrade a product), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at, findings, in_script

_PRIV = "preflight.implicit_privilege"
_SUDO = "preflight.sudo_unavailable"

# -- A: become (and sudo: yes) is the escalation wherever the file states it -------------------------------------


def test_a_become_over_module_tasks_is_an_escalation_at_its_line() -> None:
    tasks = (
        "---\n"
        "- name: Install the agent\n"
        "  become: true\n"
        "  ansible.builtin.apt:\n"
        "    deb: /tmp/agent.deb\n"
        "- name: Restart it\n"
        "  ansible.builtin.service:\n"
        "    name: agent\n"
        "    state: restarted\n"
        "  become: yes\n"
    )
    assert codes_at({"roles/agent/tasks/main.yml": tasks}, _SUDO) == [3, 10]


def test_a_become_below_the_command_or_on_a_block_is_reported_there_and_its_commands_run_as_root() -> None:
    handlers = (
        "---\n"
        "- name: reload firewall\n"
        "  ansible.builtin.command: firewall-cmd --reload\n"
        "  become: true\n"
        "- name: repository\n"
        "  block:\n"
        "    - name: drop the old list\n"
        "      ansible.builtin.shell: rm -f /etc/apt/sources.list.d/old.list\n"
        "    - name: refresh\n"
        "      apt:\n"
        "        update_cache: yes\n"
        "  become: true\n"
    )
    found = codes_at({"roles/agent/handlers/main.yml": handlers}, _SUDO)
    assert found == [4, 12]
    assert codes_at({"roles/agent/handlers/main.yml": handlers}, _PRIV) == []


def test_a_a_play_with_sudo_yes_running_roles_escalates() -> None:
    playbook = "---\n- hosts: all\n  sudo: yes\n  roles:\n    - product\n"
    assert codes_at({"upgrade.yml": playbook}, _SUDO) == [3]


def test_a_near_miss_become_false_jinja_or_nested_under_an_escalated_play() -> None:
    tasks = (
        "---\n"
        "- name: local download\n"
        "  become: false\n"
        "  ansible.builtin.package:\n"
        "    name: curl\n"
        "- name: maybe\n"
        '  become: "{{ use_become }}"\n'
        "  ansible.builtin.service:\n"
        "    name: agent\n"
    )
    assert codes_at({"roles/agent/tasks/main.yml": tasks}, _SUDO) == []
    play = (
        "---\n"
        "- hosts: all\n"
        "  become: true\n"
        "  tasks:\n"
        "    - name: inner\n"
        "      become: true\n"
        "      ansible.builtin.command: systemctl restart agent\n"
    )
    assert codes_at({"site.yml": play}, _SUDO) == [3]  # one escalation: the task's is inside the play's
    # a root-only command with no become anywhere is still the connecting user's
    bare = "---\n- name: clean\n  ansible.builtin.command: apt clean\n"
    assert codes_at({"roles/x/tasks/main.yml": bare}, _PRIV) == [3]

# -- B: validate_certs: false on any fetching module turns certificate checks off ---------------------------------

_TLS = "preflight.tls_verification_disabled"


def test_b_validate_certs_false_is_reported_at_the_option_for_any_module() -> None:
    tasks = (
        "---\n"
        "- name: key\n"
        "  apt_key:\n"
        "    url: https://packages.vendor.io/gpg.key\n"
        "    validate_certs: false\n"
        "- name: package\n"
        "  get_url: url=https://dl.vendor.io/agent.deb dest=/tmp/agent.deb validate_certs=no\n"
        "- name: api\n"
        "  ansible.builtin.uri:\n"
        "    url: https://console.vendor.io/api/register\n"
        "    validate_certs: 'no'\n"
    )
    assert codes_at({"roles/agent/tasks/main.yml": tasks}, _TLS) == [5, 7, 11]


def test_b_near_miss_validate_certs_from_a_variable_true_or_in_a_task_name() -> None:
    tasks = (
        "---\n"
        "- name: fetch (validate_certs=no is not used here)\n"
        "  get_url:\n"
        "    url: https://dl.vendor.io/agent.tar.gz\n"
        "    dest: /tmp/agent.tar.gz\n"
        '    validate_certs: "{{ agent_validate_certs | bool }}"\n'
        "- name: key\n"
        "  apt_key:\n"
        "    url: https://packages.vendor.io/gpg.key\n"
        "    validate_certs: true\n"
    )
    assert codes_at({"roles/agent/tasks/main.yml": tasks}, _TLS) == []


def test_b_a_task_file_of_fetching_modules_only_is_read() -> None:
    tasks = (
        "---\n"
        "- name: register the host\n"
        "  uri:\n"
        "    url: https://console.vendor.io/api/hosts\n"
        "    method: POST\n"
        "    validate_certs: no\n"
    )
    assert codes_at({"roles/agent/tasks/register.yml": tasks}, _TLS) == [6]
    # the same mapping in a list that is not tasks (no module among its items) is configuration
    listing = "---\n- url: https://console.vendor.io/api/hosts\n  verify: no\n"
    assert codes_at({"conf/hosts.yml": listing}, _TLS) == []

# -- C: a Jinja expression in a module's arguments is one value, in k=v words and mappings alike --------------------

_UNVERIFIED = "preflight.unverified_download_exec"


def test_c_a_package_fetched_to_a_jinja_path_and_installed_from_it_is_followed() -> None:
    free_form = (
        "---\n"
        "- name: download\n"
        "  get_url: url=https://dl.vendor.io/agent-{{ version }}.deb dest=/tmp/agent-{{ version }}.deb\n"
        "- name: install\n"
        "  become: yes\n"
        "  apt: deb=/tmp/agent-{{ version }}.deb\n"
    )
    assert codes_at({"roles/agent/tasks/Debian.yml": free_form}, _UNVERIFIED) == [6]
    mapping = (
        "---\n"
        "- get_url:\n"
        "    url: https://dl.vendor.io/agent-{{ version }}.rpm\n"
        "    dest: /tmp/agent-{{ version }}.rpm\n"
        "- package:\n"
        "    name: /tmp/agent-{{ version }}.rpm\n"
    )
    assert codes_at({"roles/agent/tasks/RedHat.yml": mapping}, _UNVERIFIED) == [6]


def test_c_near_miss_a_checksum_or_another_path_is_not_reported() -> None:
    checked = (
        "---\n"
        "- get_url: url=https://dl.vendor.io/agent-{{ version }}.deb dest=/tmp/agent-{{ version }}.deb"
        " checksum=sha256:{{ agent_sha256 }}\n"
        "- apt: deb=/tmp/agent-{{ version }}.deb\n"
    )
    assert codes_at({"roles/agent/tasks/Debian.yml": checked}, _UNVERIFIED) == []
    other = (
        "---\n"
        "- get_url: url=https://dl.vendor.io/agent-{{ version }}.deb dest=/tmp/agent-{{ version }}.deb\n"
        "- apt: deb=/opt/vendor/agent.deb\n"
    )
    assert codes_at({"roles/agent/tasks/Debian.yml": other}, _UNVERIFIED) == []

# -- D: a command that is the loop's whole item runs each literal item -------------------------------------------


def test_d_loop_items_are_the_commands_of_a_task_whose_command_is_the_item() -> None:
    tasks = (
        "---\n"
        "- name: back up and upgrade\n"
        "  ansible.builtin.shell:\n"
        '    cmd: "{{ item.cmd }}"\n'
        "  loop:\n"
        "    - cmd: cp -a /etc/product /etc/product.bak\n"
        "    - cmd: curl -fsSL https://get.vendor.io/upgrade.sh | sh\n"
        "- name: plain items\n"
        '  command: "{{ item }}"\n'
        "  with_items:\n"
        "    - useradd -r product\n"
    )
    found = {(c, line) for c, line in findings({"roles/product/tasks/upgrade.yml": tasks})}
    assert (_PRIV, 6) in found and ("preflight.pipe_to_shell", 7) in found and (_PRIV, 11) in found


def test_d_near_miss_an_item_as_an_argument_or_a_loop_over_a_variable() -> None:
    tasks = (
        "---\n"
        "- name: remove old lists\n"
        "  ansible.builtin.command: rm -f {{ item }}\n"
        "  loop:\n"
        "    - useradd -r product\n"
        "- name: steps from a variable\n"
        '  ansible.builtin.shell: "{{ item }}"\n'
        '  loop: "{{ upgrade_steps }}"\n'
    )
    assert codes_at({"roles/product/tasks/cleanup.yml": tasks}, _PRIV) == []

# -- E: a product's database tool (<app>db) given upgrade/migrate upgrades the schema -----------------------------

_HIDDEN = "preflight.hidden_migration"


def test_e_a_vendor_db_tool_upgrading_the_schema_is_a_hidden_migration() -> None:
    assert in_script(_HIDDEN, "onedb upgrade -v", "acmedb migrate --yes") == [3, 4]


def test_e_near_miss_other_verbs_of_the_tool_and_names_that_only_end_in_db() -> None:
    assert in_script(_HIDDEN, "onedb fsck", "onedb backup /var/backups/one.sql", "usermod -aG db user") == []

# -- F: options that make a client trust the server's certificate unverified --------------------------------------


def test_f_trusting_the_server_certificate_unverified_is_tls_off() -> None:
    lines = (
        "cmk-agent-ctl register -H host -s monitor.vendor.io -i site -U automation --trust-cert",
        "svn checkout --trust-server-cert --non-interactive https://svn.vendor.io/repo /opt/repo",
    )
    assert in_script(_TLS, *lines) == [3, 4]


def test_f_near_miss_a_pinned_or_given_ca_is_verification() -> None:
    lines = (
        "cmk-agent-ctl register -H host -s monitor.vendor.io -i site -U automation",
        "curl --cacert /etc/vendor/ca.pem -fsSL https://dl.vendor.io/x -o /tmp/x",
    )
    assert in_script(_TLS, *lines) == []
