"""Classes of mistakes the sixth hold-out set found (tests/preflight/holdout6), each as its minimal construct next to
a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script


def test_a_prefix_variable_the_file_never_sets_runs_the_command_after_it() -> None:
    # ``STD`` comes from a sourced library (community-scripts' ``$STD apt-get``): apt-get is what runs
    assert in_script("preflight.implicit_egress", "$STD apt-get install -y curl") == [3]
    assert in_script("preflight.implicit_privilege", "$STD apt-get install -y curl") == [3]
    assert in_script("preflight.implicit_egress", 'PREFIX="${DTEN_PREFIX:-}"', "$PREFIX yum -y install dten") == [4]
    # a variable that is itself the program (its value unknown) is not skipped: ``$DTEN install`` is dten's own verb
    assert in_script("preflight.implicit_privilege", "$DTEN install /usr/local/bin/dten") == []


def test_a_heredoc_read_by_an_escalated_shell_escalates_once_on_its_line() -> None:
    body = ["SUDO=sudo", '[ "$(id -u)" -eq 0 ] && SUDO=""', "$SUDO sh <<SCRIPT", "apt-get -y update", "SCRIPT"]
    assert in_script("preflight.sudo_unavailable", *body) == [5]
    # a sudo written inside a heredoc that a plain shell reads is that line's own escalation
    plain = ["sh <<SCRIPT", "echo preparing", "sudo apt-get -y update", "SCRIPT"]
    assert in_script("preflight.sudo_unavailable", *plain) == [5]


def test_sudo_that_only_forgets_or_lists_credentials_runs_nothing_as_root() -> None:
    assert in_script("preflight.sudo_unavailable", "sudo -k") == []
    assert in_script("preflight.sudo_unavailable", "sudo -l") == []
    assert in_script("preflight.sudo_unavailable", "sudo -v") == [3]  # asks for the password: sudo is needed
    assert in_script("preflight.sudo_unavailable", "sudo -k apt-get update") == [3]


def test_a_heredoc_read_as_a_script_sees_the_scripts_variables_and_defaults_built_from_them() -> None:
    body = [
        "BASE=${DTEN_PACKAGES_URL:-https://packages.dten.io}",
        "KEY=${DTEN_PACKAGES_KEY:-$BASE/dten.key}",
        "sh <<SCRIPT",
        "rpm --import $KEY",
        "SCRIPT",
    ]
    assert in_script("preflight.external_endpoint", *body) == [6]
    # a default built from a variable the file never sets names no host
    unknown = ["KEY=${DTEN_PACKAGES_KEY:-$DTEN_BASE/dten.key}", "sh <<SCRIPT", "rpm --import $KEY", "SCRIPT"]
    assert in_script("preflight.external_endpoint", *unknown) == []


def test_a_call_of_a_function_that_runs_its_arguments_is_the_command_it_runs() -> None:
    wrapper = ['installPackages() { if ! "$@"; then echo "install failed"; exit 1; fi; }']
    assert in_script("preflight.implicit_egress", *wrapper, "installPackages apt-get install -y wireguard") == [4]
    assert in_script("preflight.implicit_privilege", *wrapper, "installPackages apt-get install -y wireguard") == [4]
    # a runner that escalates: the call runs with sudo, so it is no implicit privilege
    as_root = ['runAsRoot() { sudo "$@"; }', "runAsRoot apt-get install -y wireguard"]
    assert in_script("preflight.implicit_privilege", *as_root) == []
    assert in_script("preflight.implicit_egress", *as_root) == [4]
    # a function that only prints its arguments runs nothing
    printer = ['say() { echo "$@"; }', "say apt-get install -y wireguard"]
    assert in_script("preflight.implicit_egress", *printer) == []


def test_an_unquoted_expansion_of_an_empty_value_is_no_word() -> None:
    body = ['EXTRA="${DTEN_YUM_OPTIONS:-}"', "yum -y $EXTRA install dten"]
    assert in_script("preflight.implicit_egress", *body) == [4]
    # quoted, the empty value stays an (empty) argument: yum's command is "", it installs nothing
    assert in_script("preflight.implicit_egress", 'EXTRA=""', 'yum -y "$EXTRA" install dten') == []


def test_a_script_that_runs_as_its_service_account_by_design_writes_that_accounts_paths() -> None:
    drop = ['if [ "$(id -u)" = 0 ]; then chown -R dten /var/lib/dten; exec gosu dten "$BASH_SOURCE" "$@"; fi']
    write = 'echo "$CONFIG" > /etc/dten/dten.conf'
    assert in_script("preflight.implicit_privilege", *drop, write) == []
    refuses = ['if [ "$(id -u)" = 0 ]; then echo "cannot run as root"; exit 1; fi']
    assert in_script("preflight.implicit_privilege", *refuses, "dten-agent > /usr/share/dten/logs/agent.log") == []
    # accounts, packages and services still need root after the drop
    assert in_script("preflight.implicit_privilege", *drop, "useradd dten-worker") == [4]
    # exec of another program as the account is no drop of this script: what precedes it is root's
    tail = ["chown dten /var/lib/dten/cookie", 'exec gosu dten dten-server "$@"']
    assert in_script("preflight.implicit_privilege", write, *tail) == [3, 4]


def test_a_secret_echoed_into_a_program_that_reads_it_is_not_printed() -> None:
    assert in_script("preflight.secret_printed", "PRIV_KEY=$(wg genkey)", 'PUB=$(echo "$PRIV_KEY" | wg pubkey)') == []
    assert in_script("preflight.secret_printed", 'echo "$REGISTRY_PASSWORD" | docker login --password-stdin') == []
    # through a filter whose output is the script's output, it is printed
    assert in_script("preflight.secret_printed", 'echo "token: $API_TOKEN" | tee -a install.log') == [3]


def test_debconf_answers_and_apt_cache_cleaning_need_root() -> None:
    answer = "debconf-set-selections <<< 'dten dten/mode select standalone'"
    assert codes_at({"scripts/upgrade.sh": f"#!/bin/bash\n{answer}\n"}, "preflight.implicit_privilege") == [2]
    assert in_script("preflight.implicit_privilege", "apt-get -y autoclean") == [3]
    # checking the answers' syntax writes nothing; reading the package cache neither
    checked = "debconf-set-selections --checkonly answers.txt"
    assert in_script("preflight.implicit_privilege", checked, "apt-cache policy dten") == []


def test_environment_switches_that_turn_off_tls_verification_for_the_tools_called() -> None:
    hook = ["export _HTTPS_INSECURE=1", 'export _H1="Authorization: PVEAPIToken=$TOKEN"', '_post "$payload" "$url"']
    assert in_script("preflight.tls_verification_disabled", *hook) == [3]
    assert in_script("preflight.tls_verification_disabled", "export NPM_CONFIG_STRICT_SSL=false", "npm ci") == [3]
    # switched on, or cleared, they leave verification on
    assert (
        in_script("preflight.tls_verification_disabled", "export _HTTPS_INSECURE=", "export NPM_CONFIG_STRICT_SSL=true")
        == []
    )


def test_enabling_a_copr_repository_fetches_it() -> None:
    assert in_script("preflight.implicit_egress", "dnf copr enable -y jdoss/wireguard") == [3]
    # disabling or listing one fetches nothing
    assert in_script("preflight.implicit_egress", "dnf copr disable -y jdoss/wireguard", "dnf copr list") == []


def test_a_fetched_file_moved_into_a_bin_directory_is_installed_there() -> None:
    fetch = [
        "curl -L https://github.com/dten/dten/releases/download/v1/dten_linux.tar.gz -O",
        "tar xvf dten_linux.tar.gz",
    ]
    assert in_script(
        "preflight.unverified_download_exec", *fetch, "mv dten /usr/local/bin/dten", "chmod u+x /usr/local/bin/dten"
    ) == [5]
    assert in_script("preflight.unverified_download_exec", *fetch, 'mv dten "$HOME/.local/bin/"') == [5]
    # moved into the product's data directory it is not run or put on the PATH
    assert in_script("preflight.unverified_download_exec", *fetch, "mv dten /var/lib/dten/archive/") == []


def test_a_pull_in_a_directory_the_script_cloned_uses_the_cloned_url() -> None:
    cloned = ["git clone https://github.com/dten/dten.git /etc/.dten", "git -C /etc/.dten pull origin test"]
    assert in_script("preflight.implicit_egress", *cloned) == []
    assert (
        in_script("preflight.implicit_egress", "git clone https://github.com/dten/dten.git", "cd dten", "git pull")
        == []
    )
    # a pull in another checkout reaches the remote configured there
    assert in_script("preflight.implicit_egress", *cloned[:1], "git -C /opt/other pull origin") == [4]


def test_printing_a_variable_built_from_a_secret_prints_the_secret() -> None:
    built = 'START="dten-agent start --token $AGENT_TOKEN"'
    assert in_script("preflight.secret_printed", built, 'echo "Run it like so: $START"') == [4]
    # built from names that are not secrets, it prints nothing secret
    plain = 'START="dten-agent start --name $AGENT_NAME"'
    assert in_script("preflight.secret_printed", plain, 'echo "Run it like so: $START"') == []
