"""Classes of mistakes the hundred-and-sixth hold-out set found (tests/preflight/holdout106: shell installers, update
and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being reported."""

from __future__ import annotations

import pytest
from preflight_kit import codes_at, in_script, script

DELETE = "preflight.destructive_delete"
LOCK = "preflight.migration_outside_lock"
UNVERIFIED = "preflight.unverified_download_exec"

# -- A: ``docker volume prune`` deletes every volume no container uses ------------------------------------------


def test_a_volume_prune_deletes_unnamed_data() -> None:
    assert in_script(DELETE, "docker-compose pull", "docker-compose up -d", "docker volume prune -f") == [5]
    assert in_script(DELETE, "sudo docker volume prune --force --all") == [3]
    assert in_script(DELETE, "podman volume prune -f") == [3]
    # ``system prune --volumes`` prunes the same volumes along with images and containers
    assert in_script(DELETE, "docker system prune -af --volumes") == [3]
    # a backup the script takes does not cover volumes it never names
    assert in_script(DELETE, "tar czf /backup/app.tgz /srv/app", "docker volume prune -f") == [4]


def test_a_volume_prune_near_misses() -> None:
    # images, containers, networks: re-creatable, not data
    assert in_script(DELETE, "docker system prune -af", "docker image prune -f", "docker volume ls") == []
    assert in_script(DELETE, "docker system df --volumes", "docker system prune --filter until=24h -f") == []
    assert in_script(DELETE, "echo 'run docker volume prune -f to reclaim space'") == []
    # the operator's own uninstall mode
    assert in_script(DELETE, "uninstall() {", "  docker volume prune -f", "}", "uninstall") == []


# A script the operator runs to take the product away: what it deletes is asked for (holdout39's wipe_server.sh).
@pytest.mark.parametrize("name", ["uninstall.sh", "scripts/wipe_server.sh", "docker-uninstall.sh", "teardown"])
def test_a_removal_script_deletes_what_the_operator_asked_for(name: str) -> None:
    lines = ["docker system prune -a --volumes", "rm -rf /var/lib/app", "dropdb app"]
    assert codes_at({name: script(*lines)}, DELETE) == []


@pytest.mark.parametrize("name", ["install.sh", "debian/prerm", "before-remove.sh", "remove_old_logs_then_upgrade.sh"])
def test_a_removal_script_near_misses(name: str) -> None:
    # an installer, and the package manager's removal-side scriptlets (they run on upgrades too)
    lines = ["docker system prune -a --volumes", "rm -rf /var/lib/app", "dropdb app"]
    assert codes_at({name: script(*lines)}, DELETE) == [3, 4, 5]


# -- B: a dump the script wrote, loaded again through the same words, is a restore ------------------------------


def test_b_a_dump_loaded_through_the_same_variables_is_a_restore() -> None:
    lines = [
        "backup() {",
        '  SQL_FILE="${PROJECT}_prod_$(date +%s).sql"',
        '  mysqldump -u "$U" "$DB" > "$DIR"/"$SQL_FILE"',
        "}",
        "restore() {",
        '  SQL_FILE="${PROJECT}_$(date +%s).sql"',
        "  backup",
        '  mysql -u "$U" "$STAGING" < "$DIR"/"$SQL_FILE"',
        "}",
        "restore",
    ]
    assert in_script(LOCK, *lines) == []


def test_b_a_migration_file_loaded_by_a_client_is_still_reported() -> None:
    # no dump wrote it: a schema change of the package
    assert in_script(LOCK, 'mysql -u "$U" "$DB" < "$DIR"/migrations/002_add_index.sql') == [3]
    # a dump to another file does not make the load a restore
    assert in_script(LOCK, 'mysqldump "$DB" > "$DIR"/backup.sql', 'mysql "$DB" < "$DIR"/"$MIGRATION".sql') == [4]


# -- C: ``git fetch`` then ``git reset --hard origin/main`` is a pull ---------------------------------------------


def test_c_a_fetch_and_hard_reset_to_the_remote_branch_is_a_pull() -> None:
    assert in_script(
        UNVERIFIED, "cd /srv/app", "git fetch --all", "git reset --hard origin/main", "composer install -n"
    ) == [6]
    assert in_script(UNVERIFIED, "cd /srv/app", "git fetch origin", "git merge origin/master", "npm ci") == [6]


def test_c_resets_that_bring_no_fetched_commits_stay_quiet() -> None:
    # a full commit id is pinned (verified by its hash)
    pinned = "git reset --hard 0123456789abcdef0123456789abcdef01234567"
    assert in_script(UNVERIFIED, "cd /srv/app", "git fetch origin", pinned, "composer install -n") == []
    # a soft reset of a path unstages a file; it brings nothing in
    assert in_script(UNVERIFIED, "cd /srv/app", "git reset config/app.php", "composer install -n") == []


# -- D: ``rsync -a tree/ DIR`` copies what the unpacked tree holds into DIR ---------------------------------------

_FETCH_AND_UNPACK = ["cd /tmp/up", "curl https://download.example.org/app-${1}.tar.bz2 | tar -xj"]


def test_d_an_rsync_of_the_trees_contents_puts_the_download_in_the_target() -> None:
    lines = [*_FETCH_AND_UNPACK, "rsync -a app/ /srv/http/app/", "sudo -u www-data php /srv/http/app/occ upgrade"]
    assert in_script(UNVERIFIED, *lines) == [6]


def test_d_an_rsync_of_the_tree_by_name_lands_below_the_target() -> None:
    # without the slash the tree lands at /srv/http/app/app: /srv/http/app/occ is not from the download
    lines = [*_FETCH_AND_UNPACK, "rsync -a app /srv/http/app/", "sudo -u www-data php /srv/http/app/occ upgrade"]
    assert in_script(UNVERIFIED, *lines) == []
