"""Classes the fortieth hold-out set showed (tests/preflight/holdout40: vendor install and upgrade shell scripts:
one-line installers, agent installers, upgrade and migration scripts, package post-install hooks), each as its
minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

PERSIST = "preflight.persistence"
SUDO = "preflight.sudo_unavailable"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- B: a function named sudo that wraps the real one: its calls escalate, its body is no step of its own -----------

SUDO_WRAPPER = _text(
    "#!/bin/sh",  # 1
    "sudo() {",  # 2
    '    if [ "$(id -ru)" -ne 0 ]; then',  # 3
    '        command sudo "$@"',  # 4
    "    else",  # 5
    '        "$@"',  # 6
    "    fi",  # 7
    "}",  # 8
    "sudo mkdir -p /opt/agent",  # 9
    "sudo unzip -qo /tmp/agent.zip -d /opt/agent",  # 10
)


def test_b_a_sudo_function_wrapping_command_sudo_is_reported_at_its_calls_only() -> None:
    assert codes_at({"install.sh": SUDO_WRAPPER}, SUDO) == [9, 10]


def test_b_near_miss_a_wrapper_of_another_name_and_a_direct_sudo_in_a_function_stay_reported() -> None:
    # runAsRoot() { sudo "$@"; } is reported at its calls as before; a function that runs sudo itself is a step
    renamed = SUDO_WRAPPER.replace("sudo() {", "as_root() {").replace("sudo mkdir", "as_root mkdir")
    renamed = renamed.replace("sudo unzip", "as_root unzip")
    assert codes_at({"install.sh": renamed}, SUDO) == [9, 10]
    direct = _text("#!/bin/sh", "setup() {", "    sudo mkdir -p /opt/agent", "}", "setup")
    assert codes_at({"install.sh": direct}, SUDO) == [3]


# -- D: usermod's login is not a group: only the -G value names the groups the account joins ------------------------

AGENT_GROUP = _text(
    "#!/bin/sh",  # 1
    'AGENT_GROUP="nginx-agent"',  # 2
    "AGENT_USER=$(id -nu)",  # 3
    'if [ -z "${AGENT_USER}" ]; then',  # 4
    "    AGENT_USER=root",  # 5
    "fi",  # 6
    'usermod -a -G "${AGENT_GROUP}" "${AGENT_USER}"',  # 7
)


def test_d_an_account_named_root_joining_the_products_own_group_is_not_persistence() -> None:
    assert codes_at({"scripts/setup-agent.sh": AGENT_GROUP}, PERSIST) == []
    # the groups are the option's value, also written --groups=…
    assert codes_at({"scripts/setup-agent.sh": _text("#!/bin/sh", "usermod --groups=wheel -a ops")}, PERSIST) == [2]


def test_d_near_miss_joining_an_admin_group_is_still_persistence() -> None:
    for line in ('usermod -aG docker "$(whoami)"', "usermod -a -G sudo,adm deploy", "usermod -G wheel -a ops"):
        script = _text("#!/bin/sh", line)
        assert codes_at({"scripts/setup-agent.sh": script}, PERSIST) == [2], line


# -- E: gdebi installs a local .deb (fetching its dependencies): an install step and a package fetch -----------------

EGRESS = "preflight.implicit_egress"
UNVERIFIED = "preflight.unverified_download_exec"

GDEBI = _text(
    "#!/bin/bash",  # 1
    "url=https://files.acme-software.io/tool_1.0_amd64.deb",  # 2
    "wget $url",  # 3
    "gdebi --n `basename $url`",  # 4
)


def test_e_gdebi_of_a_fetched_deb_installs_it_unverified_and_fetches_its_dependencies() -> None:
    assert codes_at({"install.sh": GDEBI}, UNVERIFIED) == [4]
    assert codes_at({"install.sh": GDEBI}, EGRESS) == [4]


def test_e_near_miss_a_checked_deb_and_gdebi_help_stay_quiet() -> None:
    checked = GDEBI.replace("gdebi --n", "echo 'abc  tool_1.0_amd64.deb' | sha256sum -c - && gdebi --n")
    assert codes_at({"install.sh": checked}, UNVERIFIED) == []
    assert codes_at({"install.sh": _text("#!/bin/bash", "gdebi --help")}, EGRESS) == []


# -- F: pip install -r URL fetches the requirements file from that host -------------------------------------------

ENDPOINT = "preflight.external_endpoint"


def test_f_pip_install_of_a_requirements_url_contacts_its_host() -> None:
    script = _text("#!/bin/bash", "sudo -H pip3 install -r https://files.acme-software.io/13.0/requirements.txt")
    assert codes_at({"install.sh": script}, ENDPOINT) == [2]


def test_f_near_miss_a_local_requirements_file_names_no_host() -> None:
    script = _text("#!/bin/bash", "pip3 install -r requirements.txt")
    assert codes_at({"install.sh": script}, ENDPOINT) == []
    assert codes_at({"install.sh": script}, EGRESS) == [2]


# -- G: source <($DOWNLOADER URL), the fetcher named by a variable the script sets to wget or curl -------------------

PIPE = "preflight.pipe_to_shell"

SOURCED_FETCH = _text(
    "#!/bin/bash",  # 1
    'ORIGIN="https://github.com/acme-software/updater"',  # 2
    "if hash wget 2>/dev/null; then",  # 3
    '    DOWNLOADER="wget -qO -"',  # 4
    "elif hash curl 2>/dev/null; then",  # 5
    '    DOWNLOADER="curl -fsSL"',  # 6
    "fi",  # 7
    'source <($DOWNLOADER "${ORIGIN}/master/core")',  # 8
)


def test_g_sourcing_the_output_of_a_fetcher_named_by_a_variable_runs_downloaded_code() -> None:
    assert codes_at({"install.sh": SOURCED_FETCH}, PIPE) == [8]


def test_g_near_miss_a_variable_naming_a_local_reader_runs_no_download() -> None:
    local = SOURCED_FETCH.replace('"wget -qO -"', '"cat"').replace('"curl -fsSL"', '"head -n 50"')
    local = local.replace('"${ORIGIN}/master/core"', "/etc/updater/core")
    assert codes_at({"install.sh": local}, PIPE) == []


# -- I: removing the tree an archive the script unpacks makes is cleanup of its own build copy, not data ------------

DELETE = "preflight.destructive_delete"

BUILD_TREE = _text(
    "#!/bin/sh",  # 1
    "ver=3.17",  # 2
    'file="libreswan-$ver.tar.gz"',  # 3
    "cd /opt/src",  # 4
    'wget -O "$file" "https://download.libreswan.org/$file"',  # 5
    '/bin/rm -rf "/opt/src/libreswan-$ver"',  # 6
    'tar xzf "$file" && /bin/rm -f "$file"',  # 7
    'cd "libreswan-$ver" && make install',  # 8
    'cd /opt/src && /bin/rm -rf "/opt/src/libreswan-$ver"',  # 9
)


def test_i_the_unpacked_tree_of_an_archive_the_script_unpacks_is_not_data() -> None:
    assert codes_at({"extras/upgrade.sh": BUILD_TREE}, DELETE) == []


def test_i_near_miss_a_data_directory_of_another_name_is_still_data() -> None:
    data = BUILD_TREE.replace('/bin/rm -rf "/opt/src/libreswan-$ver"', 'rm -rf "/var/lib/ipsec/nss"')
    assert codes_at({"extras/upgrade.sh": data}, DELETE) == [6, 9]


# -- J: a file the script writes itself into a fetched tree is its own content, not the download's ------------------

WRITTEN_START = _text(
    "#!/bin/bash",  # 1
    'HOME_EXT="/odoo/odoo-server"',  # 2
    "git clone --depth 1 --branch 13.0 https://github.com/acme-software/erp $HOME_EXT/",  # 3
    "sudo su root -c \"echo '#!/bin/sh' >> $HOME_EXT/start.sh\"",  # 4
    "sudo su root -c \"echo 'exec $HOME_EXT/erp-bin' >> $HOME_EXT/start.sh\"",  # 5
    "sudo chmod 755 $HOME_EXT/start.sh",  # 6
)


def test_j_making_a_script_written_start_file_executable_runs_no_download() -> None:
    assert codes_at({"install.sh": WRITTEN_START}, UNVERIFIED) == []


def test_j_near_miss_a_file_of_the_fetched_tree_made_executable_is_still_reported() -> None:
    fetched = WRITTEN_START.replace("chmod 755 $HOME_EXT/start.sh", "chmod 755 $HOME_EXT/erp-bin")
    assert codes_at({"install.sh": fetched}, UNVERIFIED) == [6]
    # a file written before the fetch is overwritten by it: still the download's
    before = _text("#!/bin/bash", "echo x > run.sh", "curl -fsSL -o run.sh https://get.acme-software.io/run.sh",
                   "chmod +x run.sh")
    assert codes_at({"install.sh": before}, UNVERIFIED) == [4]


# -- H: an append to a variable the script sets to a shell profile in the branches of a case ------------------------

PROFILE_BY_SHELL = _text(
    "#!/bin/sh",  # 1
    'PROFILE_FILE=""',  # 2
    'case "$(basename "$SHELL")" in',  # 3
    '    bash) PROFILE_FILE="${HOME}/.bashrc" ;;',  # 4
    '    zsh) PROFILE_FILE="${HOME}/.zshrc" ;;',  # 5
    "esac",  # 6
    'if [ -n "${PROFILE_FILE}" ]; then',  # 7
    '    printf "\\nexport PATH=\\$PATH:\\$HOME/.tool/bin\\n" >> "${PROFILE_FILE}"',  # 8
    "fi",  # 9
)


def test_h_an_append_to_a_profile_chosen_by_the_login_shell_persists() -> None:
    assert codes_at({"install.sh": PROFILE_BY_SHELL}, PERSIST) == [8]


def test_h_near_miss_a_variable_naming_a_log_or_config_file_is_no_profile() -> None:
    log = PROFILE_BY_SHELL.replace("/.bashrc", "/.tool/install.log").replace("/.zshrc", "/.tool/tool.conf")
    assert codes_at({"install.sh": log}, PERSIST) == []


# -- K: a package tool pointed at a registry host: npm config set …registry, pip config set …index-url --------------


def test_k_configuring_a_registry_or_an_extra_index_names_the_host_later_installs_contact() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "npm config set @acme:registry=https://npm.acme-software.io/",  # 2
        "pip config set global.extra-index-url https://pypi.acme-software.io/simple",  # 3
    )
    assert codes_at({"install.sh": script}, ENDPOINT) == [2, 3]


def test_k_near_miss_other_settings_name_no_host() -> None:
    script = _text("#!/bin/sh", "npm config set loglevel warn", "pip config set global.timeout 60")
    assert codes_at({"install.sh": script}, ENDPOINT) == []


# -- L: the installer's uninstall mode chosen by the operator: its disable stays, its delete is the operator's ------

DISABLED = "preflight.service_disabled"

UNINSTALL_MODE = _text(
    "#!/bin/bash",  # 1
    'while getopts ":uh" opt; do',  # 2
    "  case $opt in",  # 3
    '    u) UNINSTALL="true";;',  # 4
    "  esac",  # 5
    "done",  # 6
    'if [ "$UNINSTALL" = "true" ]; then',  # 7
    "  sudo systemctl disable hub.service",  # 8
    "  sudo rm -rf /opt/hub",  # 9
    "else",  # 10
    "  sudo mkdir -p /opt/hub/data",  # 11
    "  sudo systemctl enable hub.service",  # 12
    "fi",  # 13
)


def test_l_an_uninstall_mode_disables_its_service_and_deletes_at_the_operators_request() -> None:
    files = {"install-hub.sh": UNINSTALL_MODE}
    assert codes_at(files, DISABLED) == [8]  # the enable is in the other branch: it does not run in an uninstall
    assert codes_at(files, DELETE) == []
    assert codes_at(files, SUDO) == [8, 9, 11, 12]  # the steps still need sudo
    by_argument = _text("#!/bin/sh", 'if [ "$1" = "uninstall" ]; then', "  rm -rf /opt/hub", "  exit", "fi")
    assert codes_at({"install-hub.sh": by_argument}, DELETE) == []


def test_l_near_miss_another_flag_is_an_install_step_and_a_later_enable_switches_it_back_on() -> None:
    other = UNINSTALL_MODE.replace("UNINSTALL", "REINSTALL")
    assert codes_at({"install-hub.sh": other}, DELETE) == [9]
    assert codes_at({"install-hub.sh": other}, DISABLED) == []


# -- M: the unpacked bin directory of a fetched tarball moved into place becomes the product's bin directory --------

BIN_DIR_MOVED = _text(
    "#!/bin/sh",  # 1
    'URL="https://get.acme-software.io/releases/tool-v1-linux-x64.tar.gz"',  # 2
    "DEST=$(mktemp -t tool.tar.gz.XXXXXXXXXX)",  # 3
    'if curl --fail -L -o "${DEST}" "${URL}"; then',  # 4
    '    mkdir -p "${HOME}/.tool"',  # 5
    "    EXTRACT_DIR=$(mktemp -d tool.XXXXXXXXXX)",  # 6
    '    tar zxf "${DEST}" -C "${EXTRACT_DIR}"',  # 7
    '    mv "${EXTRACT_DIR}/tool/bin" "${HOME}/.tool/"',  # 8
    "fi",  # 9
)


def test_m_moving_the_unpacked_bin_directory_into_place_installs_unverified_code() -> None:
    assert codes_at({"install.sh": BIN_DIR_MOVED}, UNVERIFIED) == [8]


def test_m_near_miss_moving_the_unpacked_docs_is_no_install() -> None:
    docs = BIN_DIR_MOVED.replace('/tool/bin" "${HOME}/.tool/"', '/tool/share" "${HOME}/.tool/"')
    assert codes_at({"install.sh": docs}, UNVERIFIED) == []


# -- N: a $(…) in a pipeline stage's word is not a stage: curl "…_$(uname -s).tar.gz" | tar -xz -O x | tee x -------

STREAMED = _text(
    "#!/bin/bash",  # 1
    'curl -sL "https://github.com/acme-software/hub/releases/latest/download/hub_$(uname -s).tar.gz"'
    " | tar -xz -O hub | tee ./hub >/dev/null && chmod +x hub",  # 2
)


def test_n_a_fetch_with_a_substitution_in_its_url_still_feeds_the_pipeline() -> None:
    assert codes_at({"install-hub.sh": STREAMED}, UNVERIFIED) == [2]


def test_n_near_miss_a_local_archive_streamed_the_same_way_runs_no_download() -> None:
    local = STREAMED.replace(
        'curl -sL "https://github.com/acme-software/hub/releases/latest/download/hub_$(uname -s).tar.gz"',
        'cat "dist/hub_$(uname -s).tar.gz"',
    )
    assert codes_at({"install-hub.sh": local}, UNVERIFIED) == []


# -- O: a variable the script writes as the value of a secret-named setting holds a secret -------------------------

HARDCODED = "preflight.hardcoded_credential"
PRINTED = "preflight.secret_printed"

ADMIN_BY_USE = _text(
    "#!/bin/bash",  # 1
    'OE_SUPERADMIN="admin"',  # 2
    'OE_PORT="8069"',  # 3
    "sudo su root -c \"printf 'admin_passwd = ${OE_SUPERADMIN}\\n' >> /etc/erp-server.conf\"",  # 4
    "sudo su root -c \"printf 'http_port = ${OE_PORT}\\n' >> /etc/erp-server.conf\"",  # 5
    'echo "Password superadmin (database): $OE_SUPERADMIN"',  # 6
    'echo "Port: $OE_PORT"',  # 7
)


def test_o_a_literal_written_as_a_password_setting_is_a_credential_and_printing_it_leaks_it() -> None:
    assert codes_at({"install.sh": ADMIN_BY_USE}, HARDCODED) == [2]
    assert codes_at({"install.sh": ADMIN_BY_USE}, PRINTED) == [6]


def test_o_near_miss_a_variable_written_under_a_setting_that_is_no_secret_stays_quiet() -> None:
    plain = ADMIN_BY_USE.replace("admin_passwd = ", "admin_name = ")
    assert codes_at({"install.sh": plain}, HARDCODED) == []
    assert codes_at({"install.sh": plain}, PRINTED) == []


# -- P: a command word from a variable another function sets to one of several installers --------------------------

INSTALLER_VARIABLE = _text(
    "#!/bin/bash",  # 1
    "install() {",  # 2
    '    [ -z "$DISTRO_INSTALL" ] && check_distro',  # 3
    "    $DISTRO_INSTALL $1",  # 4
    "}",  # 5
    "check_distro() {",  # 6
    "    if hash dnf 2>/dev/null; then",  # 7
    '        DISTRO_INSTALL="dnf -y install"',  # 8
    "    else",  # 9
    '        DISTRO_INSTALL="apt-get install"',  # 10
    "    fi",  # 11
    "}",  # 12
    "install git",  # 13
)


def test_p_a_variable_set_to_installers_in_another_function_installs_packages() -> None:
    assert codes_at({"install.sh": INSTALLER_VARIABLE}, EGRESS) == [4]


def test_p_near_miss_a_variable_set_to_local_commands_fetches_nothing() -> None:
    local = INSTALLER_VARIABLE.replace('"dnf -y install"', '"rpm -q"').replace('"apt-get install"', '"dpkg -s"')
    assert codes_at({"install.sh": local}, EGRESS) == []


# -- Q: a check behind a switch the file sets once to "off" is never made ------------------------------------------

SWITCHED_OFF_CHECK = _text(
    "#!/usr/bin/env bash",  # 1
    "export VERIFY_CHECKSUM=0",  # 2
    "checkHash() {",  # 3
    '    (cd "$dir" && curl -sSL $url.sha256 | sha256sum -c >/dev/null) || exit 1',  # 4
    "}",  # 5
    "dir=/tmp",  # 6
    "url=https://github.com/acme-software/tool/releases/download/1.0/tool",  # 7
    'curl -sSL $url --output "/tmp/tool"',  # 8
    'if [ "$VERIFY_CHECKSUM" = "1" ]; then',  # 9
    "    checkHash",  # 10
    "fi",  # 11
    'chmod +x "/tmp/tool"',  # 12
)


def test_q_a_checksum_behind_a_switch_set_off_in_the_file_leaves_the_download_unverified() -> None:
    assert codes_at({"get.sh": SWITCHED_OFF_CHECK}, UNVERIFIED) == [12]


def test_q_near_miss_a_switch_set_on_or_left_to_the_caller_keeps_the_check() -> None:
    on = SWITCHED_OFF_CHECK.replace("VERIFY_CHECKSUM=0", "VERIFY_CHECKSUM=1")
    assert codes_at({"get.sh": on}, UNVERIFIED) == []
    caller = SWITCHED_OFF_CHECK.replace("export VERIFY_CHECKSUM=0", 'VERIFY_CHECKSUM="${VERIFY_CHECKSUM:-1}"')
    assert codes_at({"get.sh": caller}, UNVERIFIED) == []


def test_k_writing_an_index_url_into_pip_conf_names_the_host_too() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'PIP_CONFIG_FILE="${HOME}/.config/pip/pip.conf"',  # 2
        'printf "[global]\\\\nextra-index-url=https://pypi.acme-software.io/simple\\\\n" > "${PIP_CONFIG_FILE}"',  # 3
    )
    assert codes_at({"install.sh": script}, ENDPOINT) == [3]


def test_k_near_miss_the_same_url_written_to_a_notes_file_is_a_mention() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'printf "extra-index-url=https://pypi.acme-software.io/simple\\\\n" > "${HOME}/tool-notes.txt"',  # 2
    )
    assert codes_at({"install.sh": script}, ENDPOINT) == []
