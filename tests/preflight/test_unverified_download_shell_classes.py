"""Classes of ``unverified_download_exec`` in shell the 227 hold-out sets missed (coordinator's brief h325, session 30):
where a fetched archive or checkout lands when the script names the directory indirectly. Each as its minimal
construct next to the nearest inputs that must stay quiet (a verified checksum, a pinned commit, a download only
stored)."""

from __future__ import annotations

from preflight_kit import codes_at

CODE = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _found(text: str) -> list[int | None]:
    return codes_at({"install.sh": text}, CODE)


# -- A: an archive unpacked into a directory named by a variable of no known value (``-C $version/``) from a known
# working directory: the tree may be below that directory, and a path spelled through it is the fetched tree's -------

UNPACKED_UNDER_VARIABLE = _text(
    "#!/bin/bash",  # 1
    "read version",  # 2
    "cd /srv/install",  # 3
    "wget https://cdn.example.com/build/app-$version.tgz",  # 4
    "mkdir -p /srv/install/$version",  # 5
    "tar xpf app-$version.tgz -C $version/",  # 6
    "mv /srv/install/$version/bundle/* /home/app/live/",  # 7
    "cd /home/app/live/server",  # 8
    "npm install",  # 9
)


def test_a_tree_unpacked_into_a_variable_directory_is_followed_from_the_working_directory() -> None:
    assert _found(UNPACKED_UNDER_VARIABLE) == [9]


def test_a_near_miss_checked_archive_stays_quiet() -> None:
    checked = UNPACKED_UNDER_VARIABLE.replace("mkdir -p", "sha256sum -c app-$version.tgz.sha256 || exit 1\nmkdir -p", 1)
    assert _found(checked) == []


def test_a_near_miss_tree_only_stored_stays_quiet() -> None:
    stored = _text(*UNPACKED_UNDER_VARIABLE.splitlines()[:7])
    assert _found(stored) == []


def test_a_near_miss_the_environments_home_is_not_a_relative_name() -> None:
    # ``-C $HOME`` is the home directory, not a name below the working directory
    home = UNPACKED_UNDER_VARIABLE.replace("-C $version/", "-C $HOME/").replace(
        "mv /srv/install/$version/bundle/*", "mv /srv/install/$HOME/bundle/*"
    )
    assert _found(home) == []


# -- B: ``cd`` into the directory a listing of the unpacked tree names (the archive's versioned top directory):
# what the script then copies from there is the fetched tree's --------------------------------------------------------

LISTED_DIRECTORY = _text(
    "#!/bin/bash",  # 1
    "url=$(curl -s https://api.example.com/releases/latest | grep browser_download_url | cut -d'\"' -f4)",  # 2
    "cd /root/installs",  # 3
    "wget $url; tar -xvf $(ls exporter*.tar.gz)",  # 4
    "cd `ls -l | grep '.linux-amd[0-9]*$' | awk '{print $9}'`",  # 5
    "cp exporter /usr/local/bin",  # 6
)


def test_b_a_listed_directory_of_the_unpacked_tree_is_the_trees() -> None:
    assert _found(LISTED_DIRECTORY) == [6]


def test_b_near_miss_checked_archive_stays_quiet() -> None:
    checked = LISTED_DIRECTORY.replace("cd `ls", "sha256sum -c exporter.sha256 || exit 1\ncd `ls")
    assert _found(checked) == []


def test_b_near_miss_listing_of_another_directory_stays_quiet() -> None:
    # the listing names a directory elsewhere (an absolute path), not one of the unpacked tree's
    elsewhere = LISTED_DIRECTORY.replace("cd `ls -l |", "cd `ls -l /opt/builds |")
    assert _found(elsewhere) == []


def test_b_near_miss_nothing_unpacked_in_the_working_directory_stays_quiet() -> None:
    stored = LISTED_DIRECTORY.replace("wget $url; tar -xvf $(ls exporter*.tar.gz)", "wget -P /var/cache $url")
    assert _found(stored) == []


# -- C: ``cd ..`` from a known absolute directory is its parent: a checkout cloned from there lands beside it, and a
# tool run in the clone's subdirectory runs the fetched branch --------------------------------------------------------

RECLONED = _text(
    "#!/bin/bash",  # 1
    "cd /opt/panel || exit 1",  # 2
    "if [ -d .git ]; then",  # 3
    "    git pull origin main",  # 4
    "else",  # 5
    "    cd ..",  # 6
    "    rm -rf panel",  # 7
    "    git clone --depth 1 https://github.com/example/panel.git panel",  # 8
    "    cd panel",  # 9
    "fi",  # 10
    "cd frontend",  # 11
    "npm install",  # 12
)


def test_c_a_clone_made_after_cd_dotdot_is_followed_into_its_subdirectory() -> None:
    assert _found(RECLONED) == [12]


def test_c_near_miss_a_pinned_commit_stays_quiet() -> None:
    pinned = RECLONED.replace("    git pull origin main", "    git fetch origin && git checkout " + "a" * 40).replace(
        "    cd panel", "    cd panel && git checkout " + "b" * 40
    )
    assert _found(pinned) == []


def test_c_near_miss_a_clone_only_stored_stays_quiet() -> None:
    stored = _text(*RECLONED.splitlines()[:10])
    assert _found(stored) == []


# -- D: a download helper called once, given the install directory, and another function called once with the same
# directory that runs a file there: each body is read with its one call's arguments ----------------------------------

INSTALLED_BY_HELPERS = _text(
    "#!/bin/bash",  # 1
    "install_app() {",  # 2
    "    local version=$1",  # 3
    "    local app_path=$2",  # 4
    "    cd /tmp/work",  # 5
    '    curl -L "https://github.com/example/app/archive/v${version}.tar.gz" -o "app-${version}.tar.gz"',  # 6
    '    tar -xzf "app-${version}.tar.gz"',  # 7
    '    cp -r "app-${version}/"* "$app_path/"',  # 8
    "}",  # 9
    "run_upgrade() {",  # 10
    "    local app_path=$1",  # 11
    '    cd "$app_path"',  # 12
    "    php admin/cli/upgrade.php --non-interactive",  # 13
    "}",  # 14
    "main() {",  # 15
    '    local app_path="$1"',  # 16
    '    install_app "$2" "$app_path"',  # 17
    '    run_upgrade "$app_path"',  # 18
    "}",  # 19
    'main "$@"',  # 20
)


def test_d_helpers_called_once_share_their_callers_directory() -> None:
    assert _found(INSTALLED_BY_HELPERS) == [13]


def test_d_near_miss_checked_archive_stays_quiet() -> None:
    checked = INSTALLED_BY_HELPERS.replace(
        '    tar -xzf "app-${version}.tar.gz"',
        '    sha256sum -c "app-${version}.tar.gz.sha256" || exit 1\n    tar -xzf "app-${version}.tar.gz"',
    )
    assert _found(checked) == []


def test_d_near_miss_another_directory_run_stays_quiet() -> None:
    # the upgrade runs in a directory the caller names otherwise: not where the helper copied the tree
    other = INSTALLED_BY_HELPERS.replace('    run_upgrade "$app_path"', '    run_upgrade "$3"')
    assert _found(other) == []


def test_d_near_miss_tree_only_stored_stays_quiet() -> None:
    stored = INSTALLED_BY_HELPERS.replace('    run_upgrade "$app_path"', '    echo "installed"')
    assert _found(stored) == []


# -- E: a file fetched before a branch, run in one arm, and fetched again and run in the other arm: two fetches, each
# run (not one file's alternatives, as a wget arm and a curl arm of one download are) ----------------------------------

REFETCHED = _text(
    "#!/bin/bash",  # 1
    "curl -sSL https://raw.githubusercontent.com/example/app/main/init.sql -o init.sql",  # 2
    'if [ -f "init.sql" ]; then',  # 3
    "    docker exec -i app_db mariadb -u root app < init.sql",  # 4
    "else",  # 5
    "    curl -sSL https://raw.githubusercontent.com/example/app/main/init.sql -o init.sql",  # 6
    "    docker exec -i app_db mariadb -u root app < init.sql",  # 7
    "fi",  # 8
)


def test_e_a_file_fetched_again_in_the_other_branch_is_a_second_run() -> None:
    assert _found(REFETCHED) == [4, 7]


def test_e_near_miss_wget_and_curl_arms_of_one_download_are_one() -> None:
    alternatives = _text(
        "#!/bin/bash",  # 1
        "if command -v curl >/dev/null; then",  # 2
        "    curl -sSL https://raw.githubusercontent.com/example/app/main/init.sql -o init.sql",  # 3
        "    docker exec -i app_db mariadb -u root app < init.sql",  # 4
        "else",  # 5
        "    wget -q https://raw.githubusercontent.com/example/app/main/init.sql -O init.sql",  # 6
        "    docker exec -i app_db mariadb -u root app < init.sql",  # 7
        "fi",  # 8
    )
    assert _found(alternatives) == [4]


def test_e_near_miss_the_second_fetch_checked_stays_quiet() -> None:
    checked = REFETCHED.replace(
        "    docker exec -i app_db mariadb -u root app < init.sql\nfi",
        "    sha256sum -c init.sql.sha256 || exit 1\n    docker exec -i app_db mariadb -u root app < init.sql\nfi",
    )
    assert _found(checked) == [4]


def _long_menu(*upgrade: str) -> str:
    """A menu-driven script whose many calls of a chatty function use up the call walk's budget before the last
    call, of a function that fetches and runs (holdout106's concrete5 upgrader)."""
    chatty = ["banner() {", *(f'    echo "line {n}"' for n in range(12)), "}"]
    body = ["do_upgrade() {", *(f"    {line}" for line in upgrade), "}"]
    return _text("#!/bin/bash", *chatty, *body, *(["banner"] * 80), "do_upgrade")


_UPGRADE = (
    "cd /var/www/site",
    "curl -L -o /var/www/site/core.zip https://downloads.example.com/core-9.zip",
    "unzip -q /var/www/site/core.zip",
    "chmod u+x /var/www/site/concrete/bin/concrete5",
)


def test_f_a_body_past_the_walks_budget_is_still_read() -> None:
    text = _long_menu(*_UPGRADE)
    assert _found(text) == [text.splitlines().index("    unzip -q /var/www/site/core.zip") + 1]


def test_f_near_miss_checked_archive_stays_quiet() -> None:
    checked = (*_UPGRADE[:2], "sha256sum -c /var/www/site/core.zip.sha256 || exit 1", *_UPGRADE[2:])
    assert _found(_long_menu(*checked)) == []


def test_f_near_miss_download_only_stored_stays_quiet() -> None:
    stored = ("curl -L -o /var/backups/core.zip https://downloads.example.com/core-9.zip",)
    assert _found(_long_menu(*stored)) == []


def test_e_near_miss_the_second_fetch_only_stored_stays_quiet() -> None:
    stored = REFETCHED.replace("    docker exec -i app_db mariadb -u root app < init.sql\nfi", "    echo saved\nfi")
    assert _found(stored) == [4]
