"""Classes the ninetieth hold-out set showed (tests/preflight/holdout90: upgrade and update scripts of self-hosted
products, long files), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

ENDPOINT = "preflight.external_endpoint"
MIGRATION = "preflight.hidden_migration"
SUDO = "preflight.sudo_unavailable"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: sudo -u ACCOUNT that only root runs -------------------------------------------------------------------------


def test_a_sudo_to_an_account_assigned_or_written_in_a_root_branch_is_a_drop() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        'me="$(whoami)"',  # 2
        'htuser="$(stat --printf=%U config.php)"',  # 3
        'if [[ "${me}" == "root" ]]; then',  # 4
        '  php_command="sudo -u ${htuser}"',  # 5
        'elif [[ "${me}" == "${htuser}" ]]; then',  # 6
        '  php_command=""',  # 7
        "else",  # 8
        "  exit 1",  # 9
        "fi",  # 10
        '${php_command} php "/var/www/nextcloud/occ" maintenance:mode --on',  # 11
        'if [ "$(id -u)" -eq 0 ]; then',  # 12
        "  sudo -E -u www-data php /var/www/nextcloud/occ status",  # 13
        "fi",  # 14
    )
    assert codes_at({"ncupgrade": upgrade}, SUDO) == []


def test_near_miss_a_sudo_assigned_outside_a_root_branch_or_to_root_is_still_escalation() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        'if [[ "$(whoami)" != "root" ]]; then',  # 2
        '  run="sudo -u www-data"',  # 3
        "fi",  # 4
        "${run} php /var/www/nextcloud/occ status",  # 5
        'if [[ "$(whoami)" == "root" ]]; then',  # 6
        '  as_admin="sudo -u root"',  # 7
        "fi",  # 8
        "${as_admin} systemctl restart nginx",  # 9
        "sudo -u www-data php /var/www/nextcloud/occ status",  # 10
    )
    assert codes_at({"upgrade.sh": upgrade}, SUDO) == [5, 9, 10]


# -- B: a program path whose directory variable holds a command's output --------------------------------------------


def test_b_a_console_under_a_directory_from_a_command_substitution_is_read_by_its_name() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        'nextcloud_dir="${1}"',  # 2
        'nextcloud_dir="$(readlink -f "${nextcloud_dir}")"',  # 3
        'php "${nextcloud_dir}/occ" upgrade',  # 4
        "php $nextcloud_dir/occ upgrade",  # 5
    )
    assert codes_at({"upgrade.sh": upgrade}, MIGRATION) == [4, 5]


def test_near_miss_b_other_console_verbs_and_a_substituted_path_stay_quiet() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        'nextcloud_dir="$(readlink -f "${1}")"',  # 2
        'php "${nextcloud_dir}/occ" status',  # 3
        'php "${nextcloud_dir}/occ" maintenance:mode --off',  # 4
        'php "${nextcloud_dir}/occ.php" upgrade',  # 5
    )
    assert codes_at({"upgrade.sh": upgrade}, MIGRATION) == []


# -- C: a network command in a loop's here-string ------------------------------------------------------------------


def test_c_a_fetch_in_a_loops_here_string_is_read() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        "while read line; do",  # 2
        '  latest="${line##*nextcloud-}"',  # 3
        'done <<<"$(curl -sS "https://download.nextcloud.com/server/releases/" | grep -E "tar")"',  # 4
    )
    assert codes_at({"upgrade.sh": upgrade}, ENDPOINT) == [4]


def test_near_miss_c_a_here_string_of_text_or_a_variable_contacts_nothing() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        'list="$1"',  # 2
        "while read line; do",  # 3
        '  echo "$line"',  # 4
        'done <<<"$list"',  # 5
        "while read url; do",  # 6
        '  echo "$url"',  # 7
        'done <<<"$(echo https://download.nextcloud.com/server/releases/)"',  # 8
    )
    assert codes_at({"upgrade.sh": upgrade}, ENDPOINT) == []


# -- D: rpm given a package by URL -------------------------------------------------------------------------------

UNVERIFIED = "preflight.unverified_download_exec"


def test_d_rpm_installing_a_package_by_url_is_an_unverified_install() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        "sudo rpm -Uvh https://repo.zabbix.com/zabbix/6.0/rhel/$(rpm -E %{rhel})/x86_64/zabbix-release.noarch.rpm",
        "rpm -i --nodeps http://mirror.example.org/pub/tool-1.0.rpm",  # 3
        "rpm --upgrade https://repo.example.com/x-release.rpm",  # 4
    )
    assert codes_at({"upgrade.sh": upgrade}, UNVERIFIED) == [2, 3, 4]


def test_near_miss_d_queries_checks_dry_runs_and_local_files_install_nothing_fetched() -> None:
    upgrade = _text(
        "#!/bin/bash",  # 1
        "rpm -qip https://repo.example.com/x-release.rpm",  # 2
        "rpm -K https://repo.example.com/x-release.rpm",  # 3
        "rpm -Uvh --test https://repo.example.com/x-release.rpm",  # 4
        "rpm -Uvh /tmp/x-release.rpm",  # 5
        "rpm -e x-release",  # 6
    )
    assert codes_at({"upgrade.sh": upgrade}, UNVERIFIED) == []
