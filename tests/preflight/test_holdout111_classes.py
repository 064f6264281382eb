"""Classes of mistakes the hundred-and-eleventh hold-out set found (tests/preflight/holdout111: shell installers,
update and upgrade scripts), each as its minimal construct next to a near-miss that must stay quiet or keep being
reported."""

from __future__ import annotations

from preflight_kit import in_script

EGRESS = "preflight.implicit_egress"

# -- A: a fetching tool run inside a container reaches the same registry ------------------------------------------


def test_a_package_manager_in_a_container_fetches() -> None:
    assert in_script(EGRESS, "docker compose exec -T web composer install --no-interaction") == [3]
    assert in_script(EGRESS, "docker-compose exec web composer install") == [3]
    assert in_script(EGRESS, "docker exec app pip install -r requirements.txt") == [3]
    # the compose command word held in a variable the script sets to a literal
    assert in_script(EGRESS, 'DC="docker compose"', "$DC exec -T web composer install") == [4]


def test_a_container_near_misses() -> None:
    # a command in the container that fetches nothing
    assert in_script(EGRESS, "docker compose exec -T web php artisan cache:clear") == []
    assert in_script(EGRESS, "docker exec app composer dump-autoload") == []
    # ``exec`` of a running container pulls no image
    assert in_script(EGRESS, "docker compose exec -T db mysqladmin ping") == []


# -- B: each migration file of a loop fed to the client by ``cat`` or in a container --------------------------------

LOCK = "preflight.migration_outside_lock"


def test_b_loop_feeds_migrations_through_cat_or_a_container() -> None:
    assert in_script(LOCK, "for m in migrations/*.sql; do", '  cat "$m" | mysql -uroot app', "done") == [4]
    assert in_script(LOCK, "for m in db/*.sql; do", '  docker compose exec -T db mysql app < "$m"', "done") == [4]
    # the list made by a listing, the client behind a compose variable
    lines = ['DC="docker compose"', "M=$(ls migrations/*.sql | sort)", "for m in $M; do"]
    assert in_script(LOCK, *lines, '  cat "$m" | $DC exec -T db mysql -uroot app', "done") == [6]


def test_b_near_misses() -> None:
    # a lone file piped in: not read (ZoneMinder's first schema load, holdout12)
    assert in_script(LOCK, "cat /usr/share/app/db/create.sql | mysql app") == []
    # not SQL, and the script's own dump restored
    assert in_script(LOCK, "for f in notes/*.txt; do", '  cat "$f" | mysql app', "done") == []
    restore = ['mysqldump app > "$D/app.sql"', 'for f in "$D/app.sql"; do', '  cat "$f" | mysql app', "done"]
    assert in_script(LOCK, "D=/var/backups", *restore) == []
    # the client asked for a listing, not fed a file
    assert in_script(LOCK, "for m in migrations/*.sql; do", '  cat "$m" | wc -l', "done") == []


# -- C: an unpacked release renamed to the ``bin`` directory beside the script ---------------------------------------

UNVERIFIED = "preflight.unverified_download_exec"
FETCH = ["wget https://example.org/releases/app-v1.tar.gz", "tar xzf app-v1.tar.gz"]


def test_c_release_renamed_to_bin() -> None:
    # reported where the tree becomes ``bin``, not at a later copy of the script's own file into it
    assert in_script(UNVERIFIED, *FETCH, "mv app-v1 bin", "cp .env bin/.env", "sudo supervisorctl restart app") == [5]
    assert in_script(UNVERIFIED, *FETCH, "mv app-v1 ./sbin/") == [5]


def test_c_near_misses() -> None:
    # nothing fetched: the script's own build renamed
    assert in_script(UNVERIFIED, "make", "mv build bin") == []
    # a directory whose name only holds ``bin``
    assert in_script(UNVERIFIED, *FETCH, "mv app-v1 binaries") == []
    # checked before it is put in place
    checked = ["sha256sum -c app-v1.tar.gz.sha256", "tar xzf app-v1.tar.gz", "mv app-v1 bin"]
    assert in_script(UNVERIFIED, "wget https://example.org/releases/app-v1.tar.gz", *checked) == []


# -- D: a pulled project's compose service runs its package manager ---------------------------------------------------


def test_d_compose_service_builds_the_pulled_project() -> None:
    assert in_script(UNVERIFIED, "git pull origin main", "docker compose exec -T web composer install") == [4]
    assert in_script(UNVERIFIED, "git pull", "docker-compose run --rm app npm ci") == [4]


def test_d_near_misses() -> None:
    # a compose file of another project, a container named alone, a tool that builds nothing
    assert in_script(UNVERIFIED, "git pull", "docker compose -f /srv/x/compose.yml exec web composer install") == []
    assert in_script(UNVERIFIED, "git pull", "docker exec app composer install") == []
    assert in_script(UNVERIFIED, "git pull", "docker compose exec -T web php artisan cache:clear") == []
    # nothing pulled
    assert in_script(UNVERIFIED, "docker compose exec -T web composer install") == []


# -- E: a helper that echoes the tree it unpacked; the caller installs ``$(helper)``'s output -------------------------

FETCH_AND_ECHO = [
    "download_and_extract() {",
    "  local t=$(mktemp -d)",
    '  curl -sL "https://github.com/o/r/archive/refs/heads/main.tar.gz" -o "$t/latest.tar.gz"',
    '  tar -xzf "$t/latest.tar.gz" -C "$t"',
    '  local d=$(find "$t" -maxdepth 1 -type d -name "r-*" | head -1)',
    '  echo "$d"',
    "}",
]


def test_e_echoed_tree_installed_by_the_caller() -> None:
    assert in_script(UNVERIFIED, *FETCH_AND_ECHO, "src=$(download_and_extract)", 'cp -r "$src/app" /opt/app/') == [11]
    # passed on as a function's argument
    upgrade = ["perform() {", '  local s="$1"', '  cp -r "$s/app" /opt/app/', "}"]
    assert in_script(UNVERIFIED, *FETCH_AND_ECHO, *upgrade, "src=$(download_and_extract)", 'perform "$src"') == [12]


def test_e_near_misses() -> None:
    # the helper echoes a message, not the tree
    message = [*FETCH_AND_ECHO[:5], '  echo "unpacked"', "}"]
    assert in_script(UNVERIFIED, *message, "src=$(download_and_extract)", 'cp -r "$src/app" /opt/app/') == []
    # the caller checks the archive's tree before installing it
    checked = ['gpg --verify "$src/SIGNATURE"', 'cp -r "$src/app" /opt/app/']
    assert in_script(UNVERIFIED, *FETCH_AND_ECHO, "src=$(download_and_extract)", *checked) == []


# -- F: ``rm -rf "$(dirname "$dir")"``: dirname never prints nothing -------------------------------------------------

RM_VARIABLE = "preflight.rm_rf_variable"


def test_f_parent_of_a_path_is_never_empty() -> None:
    assert in_script(RM_VARIABLE, "src=$(download)", 'rm -rf "$(dirname "$src")"') == []
    assert in_script(RM_VARIABLE, 'rm -rf "$(dirname "$tmp_file")"') == []


def test_f_near_misses() -> None:
    # the variable itself, a path built on the substitution, another command's output
    assert in_script(RM_VARIABLE, "src=$(download)", 'rm -rf "$src"') == [4]
    assert in_script(RM_VARIABLE, 'rm -rf "$(get_dir)"') == [3]
    assert in_script(RM_VARIABLE, 'rm -rf "$(dirname "$src")"/"$sub"') == [3]
