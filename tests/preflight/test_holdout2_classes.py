"""Classes of mistakes the second hold-out set found (tests/preflight/holdout2), each as its minimal construct
next to a near-miss that must stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at, in_script, package, run, script


@pytest.mark.parametrize("path", ["build/package/rpm/postinst-systemd.sh", "pkg/deb/prerm-upstart.sh"])
def test_per_init_system_scriptlets_run_as_root(path: str) -> None:
    body = script("chown -R dten:dten /etc/dten", "systemctl enable dten")
    assert codes_at({path: body}, "preflight.root_assumed") == [1]
    assert codes_at({path: body}, "preflight.implicit_privilege") == []
    # the same name outside a packaging directory is a vendor's own helper
    assert codes_at({"scripts/postinst-helper.sh": body}, "preflight.root_assumed") == []
    assert codes_at({"scripts/postinst-helper.sh": body}, "preflight.implicit_privilege") == [3, 4]


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        ("tdnf install -y dten", "tdnf list installed"),
        ("microdnf install dten", "microdnf repolist"),
        ("xbps-install -y dten", "xbps-install --help"),
        ("emerge --ask=n app-misc/dten", "emerge --search dten"),
        ("setup-apkrepos -c -1", "setup-apkrepos -c"),
        ("cscli hub update", "cscli hub list"),
        ("cscli collections install crowdsecurity/nginx", "cscli collections list"),
    ],
)
def test_more_package_managers_reach_the_network(risky: str, quiet: str) -> None:
    assert in_script("preflight.implicit_egress", risky) == [3]
    assert in_script("preflight.implicit_egress", quiet) == []


@pytest.mark.parametrize(
    "command",
    [
        'rpm --import "https://pkgs.vendor-cloud.com/$TRACK/repo.gpg"',
        "yum-config-manager -y --add-repo https://pkgs.vendor-cloud.com/dten.repo",
        'dnf config-manager addrepo --from-repofile="https://pkgs.vendor-cloud.com/dten.repo"',
        "zypper --non-interactive ar -g -r https://pkgs.vendor-cloud.com/dten.repo",
        "yum install -y https://pkgs.vendor-cloud.com/dten-1.0.rpm",
    ],
)
def test_package_tools_given_a_url_contact_its_host(command: str) -> None:
    assert in_script("preflight.external_endpoint", command) == [3]
    # a local key or repository file is no endpoint
    local = command.replace("https://pkgs.vendor-cloud.com/", "/tmp/").replace("$TRACK/", "")
    assert in_script("preflight.external_endpoint", local) == []


def test_functions_forwarding_to_a_network_function_are_network_calls() -> None:
    risky = (
        "fetch_curl() {",
        "  local_file=$1; source_url=$2",
        '  code=$(curl -w "%{http_code}" -sL -o "$local_file" "$source_url")',
        "}",
        'download() { fetch_curl "$@"; return; }',
        'copy() { download /tmp/out "$1" "$2"; }',
        'download /tmp/x.tgz "https://get.vendor-cloud.com/x.tgz"',
        'copy "https://api.vendor-cloud.com/latest"',
    )
    assert in_script("preflight.external_endpoint", *risky) == [9, 10]
    # forwarding to a function that only prints is no network call
    quiet = ('log() { echo "$@"; }', 'say() { log "$@"; }', 'say "https://get.vendor-cloud.com/x.tgz"')
    assert in_script("preflight.external_endpoint", *quiet) == []


@pytest.mark.parametrize(
    "shebang", ["#!/usr/bin/with-contenv bash", "#!/command/with-contenv sh", "#!/usr/local/bin/dumb-init /bin/bash"]
)
def test_a_shell_started_through_an_init_wrapper_is_a_script(shebang: str) -> None:
    body = f"{shebang}\napt-get install -y jq\n"
    assert codes_at({"root/etc/s6-overlay/s6-rc.d/init-dten/run": body}, "preflight.implicit_egress") == [2]
    # the same wrapper starting another language is not shell
    other = body.replace(shebang.rsplit(" ", 1)[1], "python3")
    assert codes_at({"root/etc/s6-overlay/s6-rc.d/init-dten/run": other}, "preflight.implicit_egress") == []


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        ("php /app/www/artisan migrate --force", "php /app/www/artisan config:cache"),
        ("python3 /srv/dten/manage.py migrate --noinput", "python3 /srv/dten/manage.py collectstatic"),
        ("gitlab-ctl reconfigure", "gitlab-ctl tail"),
    ],
)
def test_migration_clis_by_path_and_gitlab_reconfigure(risky: str, quiet: str) -> None:
    assert in_script("preflight.hidden_migration", risky) == [3]
    assert in_script("preflight.hidden_migration", quiet) == []


@pytest.mark.parametrize(
    ("risky", "quiet"),
    [
        ("a2enmod ssl", "apache2ctl -M"),
        ("a2disconf remoteip", "a2query -c remoteip"),
        ("ssh-keygen -f /etc/dten/ssh_host_rsa_key -N '' -t rsa", "ssh-keygen -l -f /etc/dten/ssh_host_rsa_key"),
        ('sh -c "zstd -d /srv/dump.sql.zst -o /etc/dump/dump.sql"', 'sh -c "zstd -d /srv/dump.sql.zst -o /tmp/d.sql"'),
    ],
)
def test_root_only_helpers_and_output_options(risky: str, quiet: str) -> None:
    assert in_script("preflight.implicit_privilege", risky) == [3]
    assert in_script("preflight.implicit_privilege", quiet) == []


def test_a_command_variable_built_from_sudo_escalates() -> None:
    risky = ('run_as_root() { CMD="$*"; if [ "$(id -u)" -ne 0 ]; then CMD="sudo $CMD"; fi', "  $CMD", "}")
    assert in_script("preflight.sudo_unavailable", *risky) == [4]  # the $CMD line (never called)
    assert in_script("preflight.sudo_unavailable", *risky, "run_as_root cp dten /usr/local/bin/") == [6]  # the call
    # a command variable built from anything else is not escalation
    quiet = ('run_logged() { CMD="nice $*"', "  $CMD", "}", "run_logged cp dten /opt/dten/bin/")
    assert in_script("preflight.sudo_unavailable", *quiet) == []


URL = "https://get.vendor-cloud.com/dten"


def test_an_archive_unpacked_after_cd_lands_in_that_directory() -> None:
    fetch = f"curl -fsSL -o /tmp/dten.tgz {URL}.tgz"
    risky = (fetch, 'cd "$HOME/.dten/bin"', "tar xzf /tmp/dten.tgz", 'chmod +x "$HOME/.dten/bin/dten"')
    # unpacked into a bin directory, the archive's programs are installed there: reported at the unpack (5), the
    # first step that puts them to use, once per fetch (the chmod was the step before unpacks into bin were read)
    assert in_script("preflight.unverified_download_exec", *risky) == [5]
    outside_bin = (fetch, 'cd "$HOME/.dten/lib"', "tar xzf /tmp/dten.tgz", 'chmod +x "$HOME/.dten/lib/dten"')
    assert in_script("preflight.unverified_download_exec", *outside_bin) == [6]
    # unpacked elsewhere: the file made executable is not from the archive
    quiet = (fetch, "cd /tmp/work", "tar xzf /tmp/dten.tgz", 'chmod +x "$HOME/.dten/bin/dten"')
    assert in_script("preflight.unverified_download_exec", *quiet) == []


def test_a_download_through_a_curl_wrapper_saves_its_output_file() -> None:
    wrapper = 'scurl() { curl --proto "=https" --tlsv1.2 --fail "$@"; }'
    assert in_script(
        "preflight.unverified_download_exec", wrapper, f"scurl -sL {URL} -o /tmp/dten", "chmod +x /tmp/dten"
    ) == [5]
    quiet = (wrapper, f"scurl -sL {URL}.sha256 -o /tmp/dten.sha256", "chmod +x /tmp/other")
    assert in_script("preflight.unverified_download_exec", *quiet) == []


def test_a_function_that_runs_its_arguments_is_read_as_the_command() -> None:
    fetch = f"curl -fsSL -o /tmp/dten {URL}"
    risky = ('run_as_root() { CMD="$*"; $CMD; }', fetch, "run_as_root chmod +x /tmp/dten")
    assert in_script("preflight.unverified_download_exec", *risky) == [5]
    # a function that only prints its arguments runs nothing
    quiet = ('log_step() { echo "$@"; }', fetch, "log_step chmod +x /tmp/dten")
    assert in_script("preflight.unverified_download_exec", *quiet) == []


def test_a_service_switched_back_on_later_is_not_disabled() -> None:
    switch = ("update-rc.d dten-agentd remove", "systemctl daemon-reload", "systemctl enable dten-agentd")
    assert in_script("preflight.service_disabled", *switch) == []
    # removed and never enabled again (or another service enabled): it stays off
    assert in_script("preflight.service_disabled", *switch[:2], "systemctl enable postgresql") == [3]
    assert in_script("preflight.service_disabled", "systemctl enable dten-agentd", "systemctl disable dten-agentd") == [
        4
    ]


def test_each_call_of_a_sudo_wrapper_is_an_escalation() -> None:
    wrapper = ('runAsRoot() { if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi; }',)
    calls = ("runAsRoot chmod +x /tmp/dten", "runAsRoot cp /tmp/dten /usr/local/bin/dten")
    assert in_script("preflight.sudo_unavailable", *wrapper, *calls) == [4, 5]
    # never called: the wrapper's own sudo line is reported
    assert in_script("preflight.sudo_unavailable", *wrapper) == [3]


def test_a_fetched_file_sourced_from_a_profile_is_run() -> None:
    fetch = f"curl {URL}/preexec.sh -o ~/.dten-preexec.sh"
    risky = (fetch, "printf '[[ -f ~/.dten-preexec.sh ]] && source ~/.dten-preexec.sh' >> ~/.bashrc")
    assert in_script("preflight.unverified_download_exec", *risky) == [4]
    # a profile line that does not name the fetched file
    quiet = (fetch, "echo 'eval \"$(dten init bash)\"' >> ~/.bashrc")
    assert in_script("preflight.unverified_download_exec", *quiet) == []


def test_a_package_manager_run_in_a_fetched_directory_runs_its_code() -> None:
    fetch = (f"wget -q {URL}.zip -O /srv/dten/versions/dten.zip", "cd /srv/dten/versions", "unzip -o dten.zip")
    live = ("ln -s /srv/dten/versions/dten-2 /srv/dten/current", "cd /srv/dten/current", "yarn install --production")
    assert in_script("preflight.unverified_download_exec", *fetch, *live) == [8]
    # the same install in a directory the fetch did not fill
    quiet = ("cd /srv/dten/source", "yarn install --production")
    assert in_script("preflight.unverified_download_exec", *fetch, *quiet) == []


def test_a_url_written_in_the_command_is_not_said_to_come_from_a_variable() -> None:
    def endpoint(*lines: str) -> dict[str, object]:
        found = run(package({"scripts/upgrade.sh": script(*lines)}))
        return next(f.evidence for f in found if f.code == "preflight.external_endpoint")

    # the host is written on the curl line; only the version comes from line 3
    assert "assigned_line" not in endpoint("VERSION=1.2", f'curl -fsSL "{URL}-$VERSION.tgz" -o /tmp/d.tgz')
    # the whole URL comes from line 3
    assert endpoint(f'DOWNLOAD="{URL}.tgz"', 'curl -fsSL "$DOWNLOAD" -o /tmp/d.tgz')["assigned_line"] == 3
