"""Classes of mistakes the fourth hold-out set found (tests/preflight/holdout4) and the known misses of the first
(tests/preflight/holdout), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at, in_script, script


@pytest.mark.parametrize(
    ("path", "dispatch"),
    [
        ("release_files/post_install.sh", 'if [ "$1" = "configure" ] && [ -n "$2" ]; then action=upgrade; fi'),
        ("tools/packaging/dten-postinstall.sh", 'case "$1" in configure) echo configuring ;; esac'),
    ],
)
def test_scriptlets_spelt_otherwise_that_take_dpkg_actions_run_as_root(path: str, dispatch: str) -> None:
    body = script(dispatch, "mkdir -p /var/lib/dten", "cp dten.conf /usr/lib/tmpfiles.d/dten.conf")
    assert codes_at({path: body}, "preflight.root_assumed") == [1]
    assert codes_at({path: body}, "preflight.implicit_privilege") == []
    # the same name without dpkg's configure action is a vendor's own hook: its root-only steps are reported
    hook = script('if [ "$1" = "--force" ]; then action=upgrade; fi', "cp dten.conf /usr/lib/tmpfiles.d/dten.conf")
    assert codes_at({path: hook}, "preflight.root_assumed") == []
    assert codes_at({path: hook}, "preflight.implicit_privilege") == [4]


def test_a_function_that_appends_to_the_file_its_caller_names_persists_through_a_profile() -> None:
    body = ['add_line() { [ -f "$1" ] || return 1; echo "$line" >> "$1"; }', 'line=". $HOME/.dten/env"']
    found = in_script("preflight.persistence", *body, 'add_line "$HOME/.zshrc" || add_line "$HOME/.bashrc"')
    assert found == [3]  # once, at the write in the body: the calls are alternatives
    # the same writer given the product's own file is no profile change
    assert in_script("preflight.persistence", *body, 'add_line "$HOME/.dten/config"') == []


def test_the_working_directory_is_not_a_secret() -> None:
    assert in_script("preflight.secret_printed", 'echo "Kubernetes binaries at ${PWD}/cluster/"') == []
    assert in_script("preflight.secret_printed", "DB_PWD=$(cat /run/dten/pw)", 'echo "db password: $DB_PWD"') == [4]


def test_a_pull_of_a_checkouts_configured_remote_reaches_the_network() -> None:
    assert in_script("preflight.implicit_egress", "cd /opt/dten", "git pull origin master") == [4]
    assert in_script("preflight.implicit_egress", "git -C /opt/dten fetch --quiet origin") == [3]
    # a pull of the remote the script adds with its URL is that URL's endpoint, not an unknown host
    added = ["cd /opt/dten", "git remote add origin https://github.com/dten/dten.git", "git pull origin master"]
    assert in_script("preflight.implicit_egress", *added) == []
    assert in_script("preflight.external_endpoint", *added) == [4]
    assert in_script("preflight.implicit_egress", "git -C /opt/dten log -1") == []


def test_an_image_is_fetched_once() -> None:
    pulled = ["for image in $cli $jq; do docker pull $image; done", "docker run --rm $cli status", "docker run $jq ."]
    assert in_script("preflight.implicit_egress", "cli=dten/cli:1", "jq=stedolan/jq", *pulled) == [5]
    # a different image run later is fetched then
    assert in_script("preflight.implicit_egress", "docker pull dten/cli:1", "docker run --rm dten/web:1") == [3, 4]


def test_a_chart_installed_from_the_package_fetches_nothing() -> None:
    local = "helm upgrade discoveryserver . --install --atomic --namespace dten --values prod.values.yaml"
    assert in_script("preflight.implicit_egress", local) == []
    assert in_script("preflight.implicit_egress", "helm install dten ./charts/dten -f ./values.yaml") == []
    assert in_script("preflight.implicit_egress", "helm upgrade --install dten dten-repo/dten -f ./values.yaml") == [3]


def test_apt_repository_helpers_are_root_only_and_a_ppa_is_fetched() -> None:
    assert in_script("preflight.implicit_privilege", "add-apt-repository -y ppa:dten/stable") == [3]
    assert in_script("preflight.implicit_egress", "add-apt-repository -y ppa:dten/stable") == [3]
    assert in_script("preflight.implicit_egress", "add-apt-repository --remove ppa:dten/stable") == []


def test_upstart_and_sysv_service_control_is_root_only() -> None:
    assert in_script("preflight.implicit_privilege", "stop dten-reloader", "start dten-reloader") == [3, 4]
    assert in_script("preflight.implicit_privilege", "/etc/init.d/nginx start") == [3]
    assert in_script("preflight.implicit_privilege", "initctl restart dten") == [3]
    # the script's own start() function, and a status query, are not
    assert in_script("preflight.implicit_privilege", 'start() { echo "starting $1"; }', "start worker") == []
    assert in_script("preflight.implicit_privilege", "/etc/init.d/nginx status") == []


def test_a_relative_write_after_cd_into_a_system_directory_is_root_only() -> None:
    assert in_script("preflight.implicit_privilege", "cd /usr/local/bin", "wget https://dten.example.net/dten") == [4]
    assert in_script("preflight.implicit_privilege", "cd /tmp/dten", "wget https://dten.example.net/dten") == []


def test_an_archive_extracted_over_a_system_directory_is_root_only() -> None:
    assert in_script("preflight.implicit_privilege", 'tar -C / -xzf "$backup"') == [3]
    assert in_script("preflight.implicit_privilege", 'tar --directory=/etc/dten -xf "$backup"') == [3]
    assert in_script("preflight.implicit_privilege", 'tar -C /tmp/dten -xzf "$backup"') == []
    assert in_script("preflight.implicit_privilege", "tar -C / -czf /tmp/backup.tgz etc/dten") == []


LIB = '#!/usr/bin/env bash\ndc="docker compose --ansi never"\ndcr="$dc run --rm"\n'
MIGRATE = "#!/usr/bin/env bash\nset -e\n$dcr web python manage.py migrate --noinput\n"


def test_a_command_prefix_set_by_a_library_the_package_sources_is_known() -> None:
    # install.sh sources the library, then the step that uses its $dcr
    main = "#!/usr/bin/env bash\nsource install/_lib.sh\nsource install/migrate.sh\n"
    files = {"install.sh": main, "install/_lib.sh": LIB, "install/migrate.sh": MIGRATE}
    assert codes_at(files, "preflight.hidden_migration") == [3]
    # the step sourcing the library itself, through its own directory
    own = MIGRATE.replace("set -e\n", 'set -e\n. "$(dirname "$0")/_lib.sh"\n')
    assert codes_at({"install/_lib.sh": LIB, "install/migrate.sh": own}, "preflight.hidden_migration") == [4]
    # without the library in the package the prefix stays unknown: nothing is guessed
    assert codes_at({"install.sh": main, "install/migrate.sh": MIGRATE}, "preflight.hidden_migration") == []


def test_a_url_a_function_prints_is_the_endpoint_of_the_command_that_uses_it() -> None:
    body = ['release_url() { echo "https://github.com/dten/dten/releases"; }', 'url="$(release_url)/download/v1.tgz"']
    assert in_script("preflight.external_endpoint", *body, 'curl -fsSLO "$url"') == [5]
    # a function that prints several things (a menu, a log line) is not read as a URL source
    menu = ['release_url() { echo "https://github.com/dten/dten/releases"; echo "mirror list"; }', *body[1:]]
    assert in_script("preflight.external_endpoint", *menu, 'curl -fsSLO "$url"') == []


def test_eval_of_a_string_that_starts_with_sudo_escalates() -> None:
    move = [
        'move="mv -f \\"$(mktemp -d)/dten\\" \\"$1\\""',
        'if [ -w "$1" ]; then eval "$move"; else eval "sudo $move"; fi',
    ]
    assert in_script("preflight.sudo_unavailable", *move) == [4]
    assert in_script("preflight.sudo_unavailable", 'eval "echo run this with sudo: $move"') == []


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        ("sudo -u influxdb /usr/bin/influxd upgrade --config-file=/etc/influxdb/influxdb.conf", "influxd version"),
        ('mysql_upgrade -uroot -p"$ROOT_PW"', "mysql_upgrade --help"),
        ("mariadb-upgrade --force", "mariadb-upgrade --version"),
    ],
)
def test_a_database_servers_own_data_upgrade_is_a_hidden_migration(risky: str, quiet: str) -> None:
    assert in_script("preflight.hidden_migration", risky) == [3]
    assert in_script("preflight.hidden_migration", quiet) == []


def test_a_download_piped_into_the_running_shells_path_runs_it() -> None:
    http = 'http() { curl -fsSL "$1"; }'
    assert in_script("preflight.pipe_to_shell", http, 'http https://dten.example.net/doctor | "$BASH"') == [4]
    assert in_script("preflight.pipe_to_shell", "curl -fsSL https://dten.example.net/i.sh | $SHELL -s") == [3]
    # a variable the script sets to a pager is not the shell
    assert in_script("preflight.pipe_to_shell", "SHELL=less", "curl -fsSL https://dten.example.net/i.sh | $SHELL") == []
    assert in_script("preflight.pipe_to_shell", 'curl -fsSL https://dten.example.net/sums | "$CHECKER"') == []


def test_a_password_written_in_a_json_body_is_hard_coded() -> None:
    login = """curl -s https://127.0.0.1/v3-public/login --data-binary '{"username":"admin","password":"admin"}'"""
    assert in_script("preflight.hardcoded_credential", login) == [3]
    payload = 'payload="{\\"currentPassword\\":\\"admin\\",\\"newPassword\\":\\"$password\\"}"'
    assert in_script("preflight.hardcoded_credential", payload) == [3]
    # references and descriptions are not credentials
    ref = """curl -s https://127.0.0.1/v3-public/login --data-binary '{"username":"admin","password":"$PW"}'"""
    assert in_script("preflight.hardcoded_credential", ref) == []
    assert in_script("preflight.hardcoded_credential", """echo '{"password":"your-password-here"}'""") == []


def test_a_file_of_a_fetched_checkout_copied_into_a_system_directory_is_installed_unverified() -> None:
    clone = ["cd /root", "git clone https://github.com/dten/dten.git", "cd dten"]
    assert in_script("preflight.unverified_download_exec", *clone, "cp dten-reloader.conf /etc/init/dten.conf") == [6]
    # copied into the product's own scratch space it is not installed yet
    assert in_script("preflight.unverified_download_exec", *clone, "cp dten-reloader.conf /tmp/dten.conf") == []


def test_a_write_the_script_checks_it_may_make_is_not_a_silent_root_step() -> None:
    guarded = ['out="${DTEN_OUT:-/etc/dten/conf.d}"', 'if [ ! -w "$out" ]; then echo "not writable"; exit 0; fi']
    assert in_script("preflight.implicit_privilege", *guarded, 'mkdir -p "$out/site"', 'cp a.conf "$out/a.conf"') == []
    conf = 'target="$out/b.conf"'
    assert in_script("preflight.implicit_privilege", *guarded, conf, 'cat b.tmpl > "$target"') == []
    # an unchecked directory next to it still needs root
    assert in_script("preflight.implicit_privilege", *guarded, "cp a.conf /etc/dten/other.conf") == [5]


def test_set_x_traces_the_secrets_the_script_assigns() -> None:
    traced = ["set -x", "password=$1", "TOKEN=$(curl -s https://127.0.0.1/v3/token | jq -r .token)"]
    assert in_script("preflight.secret_printed", *traced) == [3]  # once, at its set -x
    # tracing switched off before the secrets, or a script that never traces
    assert in_script("preflight.secret_printed", "set -x", "set +x", *traced[1:]) == []
    assert in_script("preflight.secret_printed", *traced[1:]) == []


def test_fetched_code_run_inside_a_function_written_above_the_download() -> None:
    body = ["up() { ( cd dten; ./cluster/up.sh ); }", "curl -fL https://dl.dten.example.com/dten.tgz -o dten.tgz"]
    assert in_script("preflight.unverified_download_exec", *body, "tar -xzf dten.tgz", "up") == [6]
    # checked before the call: not reported
    check = 'echo "$SUM  dten.tgz" | sha256sum -c -'
    assert in_script("preflight.unverified_download_exec", *body, check, "tar -xzf dten.tgz", "up") == []


def test_an_archive_unpacked_in_the_working_directory_holds_what_runs_next() -> None:
    fetch = ["curl -fL https://dl.dten.example.com/dten.tgz -o dten.tgz", "tar -xzf dten.tgz"]
    assert in_script("preflight.unverified_download_exec", *fetch, "./install.sh") == [5]
    assert in_script("preflight.unverified_download_exec", *fetch, "/usr/bin/install-info --help") == []


def test_a_directory_filled_by_pulling_a_remote_added_with_its_url_is_a_checkout() -> None:
    pulled = ["mkdir -p ~/.dten", "cd ~/.dten", "git init", "git remote add origin https://github.com/dten/dten.git"]
    assert in_script("preflight.unverified_download_exec", *pulled, "git pull origin master", "src/configure") == [8]
    pin = "git checkout 0123456789abcdef0123456789abcdef01234567"
    assert (
        in_script("preflight.unverified_download_exec", *pulled, "git pull origin master", pin, "src/configure") == []
    )
