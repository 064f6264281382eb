"""Classes the thirtieth hold-out set showed (tests/preflight/holdout30: vendor install and upgrade shell scripts),
each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

_RA = "preflight.root_assumed"
_IP = "preflight.implicit_privilege"
_SU = "preflight.sudo_unavailable"
_EP = "preflight.external_endpoint"
_IE = "preflight.implicit_egress"
_UDE = "preflight.unverified_download_exec"
_PTS = "preflight.pipe_to_shell"
_SVD = "preflight.signature_verification_disabled"
_CHA = "preflight.container_host_access"
_RM = "preflight.rm_rf_variable"


def _sh(*lines: str) -> str:
    return "\n".join(("#!/bin/bash", *lines)) + "\n"


# -- A: uid checks written the old way, or in a function whose failure ends the caller --


def test_a_uid_check_with_the_x_prefix_guard_requires_root() -> None:
    text = _sh("if [ \"x$(id -u)\" != 'x0' ]; then", "  echo 'run as root'", "  exit 1", "fi", "locale-gen C.UTF-8")
    assert codes_at({"install.sh": text}, _RA) == [2]
    assert codes_at({"install.sh": text}, _IP) == []


def test_a_root_predicate_whose_failure_returns_from_main_requires_root() -> None:
    text = _sh(
        "check_root() {",
        '  if [ "$(id -u)" -eq 0 ]; then',
        "    return 0",
        "  else",
        "    echo 'must be root'",
        "    return 1",
        "  fi",
        "}",
        "main() {",
        "  check_root || return 1",
        "  install -m 755 ./xray /usr/local/bin/xray",
        "}",
        "main",
    )
    assert codes_at({"install-release.sh": text}, _RA) == [3]
    assert codes_at({"install-release.sh": text}, _IP) == []


def test_a_near_miss_other_prefixed_values_and_a_predicate_that_only_warns_stay_as_they_were() -> None:
    # the same prefix trick on another variable is no uid test: the write stays a root-only step
    other = _sh("if [ \"x$MODE\" != 'x0' ]; then", "  exit 1", "fi", "cp app.conf /etc/app.conf")
    assert codes_at({"install.sh": other}, _RA) == []
    assert codes_at({"install.sh": other}, _IP) == [5]
    warns = _sh(
        "is_root() {",
        '  if [ "$(id -u)" -eq 0 ]; then',
        "    return 0",
        "  fi",
        "  return 1",
        "}",
        "is_root || echo 'not root: some steps may fail'",
        "cp app.conf /etc/app.conf",
    )
    assert codes_at({"install.sh": warns}, _RA) == []
    assert codes_at({"install.sh": warns}, _IP) == [9]


# -- B: a branch for other users that escalates before it stops handles them --


def test_b_a_not_root_branch_that_runs_sudo_then_exits_does_not_require_root() -> None:
    text = _sh(
        "install() {",
        "  if [[ $EUID -ne 0 ]]; then",
        '    sudo usermod -aG docker "$(whoami)"',
        "    echo 'log out and back in, then run this again'",
        "    exit",
        "  fi",
        "  apt-get install -y docker-compose",
        "}",
        "install",
    )
    assert codes_at({"docker.sh": text}, _RA) == []
    assert codes_at({"docker.sh": text}, _SU) == [4]
    assert codes_at({"docker.sh": text}, _IP) == [8]


def test_b_near_miss_a_not_root_branch_that_only_exits_requires_root() -> None:
    text = _sh("if [[ $EUID -ne 0 ]]; then", "  echo 'run me with sudo'", "  exit 1", "fi", "apt-get install -y x")
    assert codes_at({"install.sh": text}, _RA) == [2]
    assert codes_at({"install.sh": text}, _IP) == []


# -- C: a function nothing calls does not run --


def test_c_a_function_nothing_calls_reports_nothing() -> None:
    text = _sh(
        "install_docker_machine() {",
        "  curl -sL https://github.com/docker/machine/releases/download/v0.16.2/dm >/usr/local/bin/docker-machine",
        "  chmod +x /usr/local/bin/docker-machine",
        "}",
        "start() {",
        "  systemctl start docker",
        "}",
        "start",
    )
    assert codes_at({"install.sh": text}, _EP) == []
    assert codes_at({"install.sh": text}, _UDE) == []
    assert codes_at({"install.sh": text}, _IP) == [7]


def test_c_near_miss_functions_named_as_words_or_run_by_name_at_run_time_and_libraries_keep_their_steps() -> None:
    by_word = _sh(
        "run_step() { shift; \"$@\"; }",
        "install_docker() {",
        "  systemctl enable --now docker",
        "}",
        'run_step "Installing Docker" install_docker',
    )
    assert codes_at({"install.sh": by_word}, _IP) == [4]
    dispatch = _sh(
        "update() {", "  systemctl restart app", "}", "backup() {", "  cp app.conf /etc/app.conf", "}", '"$@"'
    )
    assert codes_at({"docker.sh": dispatch}, _IP) == [3, 6]
    library = _sh("remove_sources() {", "  rm -f /etc/apt/sources.list.d/vendor.list", "}")
    assert codes_at({"build/sources.sh": library}, _IP) == [3]


# -- D: distribution tools that fetch, dnf module streams, apt's --force-yes --


def test_d_distribution_registration_extras_and_module_installs_reach_the_network() -> None:
    text = _sh(
        "SUSEConnect -p sle-module-containers/15.5/x86_64",
        "amazon-linux-extras install docker",
        "dnf module install -y nodejs:14/default",
        "yum module install -y nodejs:18",
    )
    assert codes_at({"install.sh": text}, _IE) == [2, 3, 4, 5]


def test_d_near_miss_local_subcommands_of_the_same_tools_stay_quiet() -> None:
    text = _sh("SUSEConnect --help", "amazon-linux-extras list", "dnf module reset -y nodejs", "dnf module list")
    assert codes_at({"install.sh": text}, _IE) == []


def test_d_apt_force_yes_installs_unauthenticated_packages() -> None:
    assert codes_at({"install.sh": _sh("apt-get -y --force-yes install nodejs")}, _SVD) == [2]
    assert codes_at({"install.sh": _sh("apt-get -y --allow-downgrades install nodejs")}, _SVD) == []
    assert codes_at({"install.sh": _sh("apt-get --simulate --force-yes install nodejs")}, _SVD) == []


# -- E: every compose pull asks the registry; an up after a pull or a build of the same stack does not --


def test_e_each_compose_pull_is_reported() -> None:
    text = _sh(
        "install() {",
        "  docker-compose pull",
        "  docker-compose up -d",
        "}",
        "update() {",
        "  docker-compose pull",
        "  docker-compose down",
        "  docker-compose up -d",
        "}",
        '"$@"',
    )
    assert codes_at({"docker.sh": text}, _IE) == [3, 7]


def test_e_an_up_of_a_stack_built_before_is_quiet_and_one_of_another_stack_is_not() -> None:
    built = _sh("docker-compose -f a.yml -f t.yml build web", "docker-compose -f a.yml -f t.yml run --rm web true")
    assert codes_at({"dev.sh": built}, _IE) == []
    other = _sh("docker-compose -f a.yml pull", "docker-compose -f a.yml up -d", "docker-compose -f b.yml up -d")
    assert codes_at({"dev.sh": other}, _IE) == [2, 4]


def test_e_near_miss_an_up_after_a_pull_of_the_same_stack_stays_quiet() -> None:
    text = _sh("docker-compose pull", "docker-compose up -d", "docker-compose restart")
    assert codes_at({"docker.sh": text}, _IE) == [2]


# -- F: a pipeline whose middle stage carries a redirection is still one pipeline --


def test_f_a_download_piped_to_a_shell_whose_output_is_logged_is_pipe_to_shell() -> None:
    text = _sh(
        "if curl -fsSL https://rpm.nodesource.com/setup_14.x | bash - 2>&1 | tee -a /var/log/i.log >/dev/null; then",
        "  echo ok",
        "fi",
    )
    assert codes_at({"install.sh": text}, _PTS) == [2]


def test_f_near_miss_a_download_piped_to_a_logger_only_is_no_pipe_to_shell() -> None:
    text = _sh("curl -fsSL https://rpm.nodesource.com/setup_14.x 2>&1 | tee -a /var/log/i.log | grep -c x")
    assert codes_at({"install.sh": text}, _PTS) == []


# -- G: an assignment the grammar joins to the next line's command still runs its $(…) --


def test_g_a_substitution_in_an_assignment_joined_with_the_next_line_is_read() -> None:
    text = _sh(
        "case $yn in",
        "  [Yy]*)",
        "    nrv=$(npm -g ls node-red | sudo tee -a /var/log/nodered-install.log) >>/dev/null 2>&1",
        '    echo "installed $nrv"',
        "  ;;",
        "esac",
    )
    assert codes_at({"install.sh": text}, _SU) == [4]


def test_g_near_miss_an_assignment_of_a_local_command_stays_quiet() -> None:
    text = _sh(
        "case $yn in", "  [Yy]*)", "    nrv=$(npm -g ls node-red) >>/dev/null 2>&1", "    echo $nrv", "  ;;", "esac"
    )
    assert codes_at({"install.sh": text}, _SU) == []


# -- H: a fetched archive unpacked under /etc, or its directory moved and run from there --


def test_h_an_archive_unpacked_into_a_directory_under_etc_is_installed_there() -> None:
    text = _sh(
        "mkdir -p /etc/dns",
        "curl -o /etc/dns/DnsServerPortable.tar.gz --fail https://download.vendor.io/dns/DnsServerPortable.tar.gz",
        "tar -zxf /etc/dns/DnsServerPortable.tar.gz -C /etc/dns",
        "cp /etc/dns/systemd.service /etc/systemd/system/dns.service",
    )
    assert codes_at({"install.sh": text}, _UDE) == [4]


def test_h_a_fetched_directory_moved_with_its_slash_into_etc_is_installed_there_once() -> None:
    text = _sh(
        "wget -O ~/easyrsa.tgz https://github.com/OpenVPN/easy-rsa/releases/download/v3.0.7/EasyRSA-3.0.7.tgz",
        "tar xzf ~/easyrsa.tgz -C ~/",
        "mv ~/EasyRSA-3.0.7/ /etc/openvpn/server/",
        "mv /etc/openvpn/server/EasyRSA-3.0.7/ /etc/openvpn/server/easy-rsa/",
        "cd /etc/openvpn/server/easy-rsa/",
        "./easyrsa init-pki",
        "cp pki/ca.crt /etc/openvpn/server",
    )
    assert codes_at({"install.sh": text}, _UDE) == [4]


def test_h_near_miss_a_checked_archive_and_a_moved_data_file_stay_quiet() -> None:
    checked = _sh(
        "curl -o /tmp/app.tgz https://download.vendor.io/app.tgz",
        "echo '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  /tmp/app.tgz' | sha256sum -c -"
        " || exit 1",
        "tar -zxf /tmp/app.tgz -C /etc/app",
    )
    assert codes_at({"install.sh": checked}, _UDE) == []
    data = _sh("curl -o ~/GeoLite2.mmdb https://download.vendor.io/GeoLite2.mmdb", "mv ~/GeoLite2.mmdb ~/data/")
    assert codes_at({"install.sh": data}, _UDE) == []


# -- I: an array's elements are the words a command gets, and a loop over an array contacts each element --


def test_i_container_grants_given_through_an_array_are_reported_at_their_element() -> None:
    text = _sh(
        "start() {",
        "  local -ar flags=(",
        "    --name box --restart always --net host",
        "    -v /var/run/docker.sock:/var/run/docker.sock",
        "  )",
        '  docker run -d "${flags[@]}" quay.io/vendor/box:stable',
        "}",
        "start",
    )
    assert codes_at({"install.sh": text}, _CHA) == [4, 5]


def test_i_a_loop_over_an_array_of_urls_contacts_each_host() -> None:
    text = _sh(
        "fetch() { curl --silent --fail \"$@\"; }",
        "urls=(",
        "  'https://icanhazip.com/'",
        "  'https://ipinfo.io/ip'",
        ")",
        'for url in "${urls[@]}"; do',
        '  IP="$(fetch --ipv4 "${url}")" && break',
        "done",
    )
    hosts = codes_at({"install.sh": text}, _EP)
    assert hosts == [8, 8]


def test_i_near_miss_an_array_of_local_paths_and_a_loop_over_loopback_stay_quiet() -> None:
    paths = _sh("flags=(--name box -v /srv/box:/data -p 8080:80)", 'docker run -d "${flags[@]}" box:1')
    assert codes_at({"install.sh": paths}, _CHA) == []
    local = _sh(
        "urls=('http://127.0.0.1:9000/health' 'http://localhost:9001/')", 'for u in "${urls[@]}"; do curl -s "$u"; done'
    )
    assert codes_at({"install.sh": local}, _EP) == []


# -- J: removing a whole mktemp directory variable can never reach / --


def test_j_rm_of_a_mktemp_directory_variable_without_set_e_is_safe() -> None:
    text = _sh('TMP_DIRECTORY="$(mktemp -d)"', 'tar -zxf "$1" -C "$TMP_DIRECTORY"', '"rm" -r "$TMP_DIRECTORY"')
    assert codes_at({"install.sh": text}, _RM) == []


def test_j_near_miss_a_mktemp_variable_with_a_glob_and_an_unknown_variable_stay_reported() -> None:
    text = _sh('TMP_DIRECTORY="$(mktemp -d)"', 'rm -rf "$TMP_DIRECTORY"/*', 'rm -rf $INSTALL_DIR')
    assert codes_at({"install.sh": text}, _RM) == [3, 4]


# -- K: a fetch command kept in a variable built from a program lookup --


def test_k_a_fetch_command_in_a_variable_built_from_which_contacts_its_url() -> None:
    text = _sh(
        'GPG_KEY_URL="https://repo.vendor.io/vendor_team.gpg.key"',
        "CURL=$( which curl )",
        "WGET=$( which wget )",
        "if [[ -n ${CURL} ]]; then",
        '  FETCH="${CURL} -fsSL"',
        "else",
        '  FETCH="${WGET} -O-"',
        "fi",
        "$FETCH ${GPG_KEY_URL} | gpg --dearmor --yes --output /tmp/vendor.gpg",
    )
    assert codes_at({"install.sh": text}, _EP) == [10]


def test_k_near_miss_a_variable_built_from_a_local_program_lookup_contacts_nothing() -> None:
    text = _sh(
        'CONF="https://repo.vendor.io/x.conf"', "LINT=$( which yamllint )", 'CHECK="${LINT} -s"', "$CHECK ${CONF}"
    )
    assert codes_at({"install.sh": text}, _EP) == []


# -- L: composer's installer: its hash_file check is a check, and the composer.phar it leaves installs packages --


def test_l_composer_phar_install_reaches_packagist_and_the_hash_file_check_counts() -> None:
    text = _sh(
        "EXPECTED=$(wget -O - https://composer.github.io/installer.sig)",
        "wget -O composer-setup.php https://getcomposer.org/installer",
        "ACTUAL=$(php -r \"echo hash_file('SHA384', 'composer-setup.php');\")",
        'if [ "$EXPECTED" != "$ACTUAL" ]; then rm composer-setup.php; exit 1; fi',
        "php composer-setup.php --install-dir=/opt/app",
        'su -c "cd /srv/app; composer.phar install --no-dev -n" -s /bin/bash nobody',
    )
    assert codes_at({"install.sh": text}, _UDE) == []
    assert codes_at({"install.sh": text}, _IE) == [7]


def test_l_near_miss_an_unchecked_installer_and_a_phar_that_only_prints_stay_as_they_were() -> None:
    text = _sh(
        "wget -O composer-setup.php https://getcomposer.org/installer",
        "php composer-setup.php --install-dir=/opt/app",
        "php composer.phar --version",
    )
    assert codes_at({"install.sh": text}, _UDE) == [3]
    assert codes_at({"install.sh": text}, _IE) == []


# -- M: a double-quoted string run by sh -c is read as written, the outer variables substituted --


def test_m_sudo_sh_c_with_a_command_substitution_in_its_string_is_read() -> None:
    text = _sh(
        "COMPOSE_VERSION=1.25.3",
        'sudo sh -c "curl -fsSL https://github.com/docker/compose/releases/download/${COMPOSE_VERSION}/dc-$(uname -s)'
        ' -o /usr/local/bin/docker-compose"',
    )
    assert codes_at({"install.sh": text}, _SU) == [3]
    assert codes_at({"install.sh": text}, _EP) == [3]


def test_m_a_string_passed_in_is_not_read_but_its_sudo_still_counts() -> None:
    text = _sh('SCRIPT="$1"', 'sudo sh -c "$SCRIPT"')
    assert codes_at({"install.sh": text}, _SU) == [3]
    assert codes_at({"install.sh": text}, _EP) == []


def test_m_near_miss_a_shell_string_without_sudo_gains_nothing() -> None:
    text = _sh('SCRIPT="$1"', 'sh -c "$SCRIPT"', "sh -c 'echo done'")
    assert codes_at({"install.sh": text}, _SU) == []


# -- N: the same file from the same URL in two alternative branches is one fetched file --


def test_n_a_download_run_in_either_of_two_branches_is_reported_once() -> None:
    text = _sh(
        "if [ -e /usr/bin/wget ]; then",
        "  wget -q https://raw.githubusercontent.com/vendor/app/release/install/setup.sh -O setup.sh",
        "  bash setup.sh",
        "  exit",
        "fi",
        "curl -s -O https://raw.githubusercontent.com/vendor/app/release/install/setup.sh",
        "bash setup.sh",
    )
    assert codes_at({"install.sh": text}, _UDE) == [4]


def test_n_near_miss_two_different_downloads_are_two() -> None:
    text = _sh(
        "wget -q https://get.vendor.io/a.sh -O a.sh",
        "bash a.sh",
        "wget -q https://get.vendor.io/b.sh -O b.sh",
        "bash b.sh",
    )
    assert codes_at({"install.sh": text}, _UDE) == [3, 5]


# -- O: ping's option values are not its host --


def test_o_ping_with_a_count_contacts_its_host() -> None:
    text = _sh("if ping -c 1 google.com >> /dev/null 2>&1; then", "  echo online", "fi")
    assert codes_at({"upgrade.sh": text}, _EP) == [2]


def test_o_near_miss_ping_of_loopback_with_options_stays_quiet() -> None:
    assert codes_at({"upgrade.sh": _sh("ping -c 3 -W 2 -i 0.5 127.0.0.1")}, _EP) == []


# -- P: a URL variable assigned in either branch of a test may hold either host --


def test_p_each_url_a_branch_assigns_to_the_fetched_variable_is_contacted() -> None:
    text = _sh(
        'if [ -z "${install_beta}" ]; then',
        '    download_link="https://downloads.vendor.io/app-current-linux-amd64.zip"',
        "else",
        '    download_link="https://beta.vendor.io/app-beta-latest-linux-amd64.zip"',
        "fi",
        "curl -O $download_link",
    )
    assert codes_at({"install.sh": text}, _EP) == [7, 7]


def test_p_near_miss_a_url_assigned_after_the_fetch_or_in_another_function_is_not_contacted_there() -> None:
    text = _sh(
        'link="https://downloads.vendor.io/app.zip"',
        "curl -O $link",
        'link="https://mirror.vendor.io/app.zip"',
        'other() { link="https://elsewhere.vendor.io/app.zip"; }',
    )
    assert codes_at({"install.sh": text}, _EP) == [3]


# -- Q: an installer's --install-dir is where it writes --


def test_q_an_installer_told_to_install_under_usr_needs_root() -> None:
    assert codes_at({"setup_composer.sh": _sh("php composer-setup.php --install-dir=/usr/bin")}, _IP) == [2]


def test_q_near_miss_an_install_dir_in_the_home_directory_needs_nothing() -> None:
    assert codes_at({"setup_composer.sh": _sh("php composer-setup.php --install-dir=$HOME/bin")}, _IP) == []


def test_p_near_miss_a_literal_replaced_by_a_command_output_is_not_contacted() -> None:
    text = _sh(
        'BASE="https://get.vendor.io/app"', 'BASE="$(cat /etc/app/mirror)"', 'curl -fsSL "$BASE/x.tgz" -o /tmp/x'
    )
    assert codes_at({"install.sh": text}, _EP) == []


# -- R: variables inside a double-quoted string hold the outer value when the inner shell reads them --


def test_r_near_miss_an_options_variable_handed_into_a_nohup_string_is_not_the_image() -> None:
    text = _sh(
        'HELPER="docker.io/vendor/helper:1.2"',
        'MOUNT=""',
        'docker pull "$HELPER"',
        'nohup bash -c "',
        "    MOUNT='$MOUNT'",
        '    docker run -v /srv/app:/srv/app \\${MOUNT} --rm docker.io/vendor/helper:1.2 up',
        '" >/dev/null 2>&1 &',
    )
    assert codes_at({"upgrade.sh": text}, _IE) == [4]


def test_r_an_image_never_pulled_inside_the_string_pulls_at_its_own_line() -> None:
    text = _sh(
        'MOUNT=""',
        'nohup bash -c "',
        "    MOUNT='$MOUNT'",
        "    docker run \\${MOUNT} --rm docker.io/vendor/other:2",
        '" &',
    )
    assert codes_at({"upgrade.sh": text}, _IE) == [5]
