"""Classes found by hold-out set 165 (upgrade, backup/restore and maintenance scripts of self-hosted products, third
long sample): a ``[[ … =~ … ]]`` regex with a quoted part that tree-sitter-bash loses (every later quote then pairs
with the wrong one and the rest of the file went unread), and Pi-hole's updater and blocklist download."""

from __future__ import annotations

import pytest
from preflight_kit import findings, in_script, package, run, script

EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"
SKIPPED = "preflight.file_skipped"

_LOG_FUNCTION = (
    "log() {",
    "  while read -r line; do",
    '    if [[ "$line" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}" "[0-9]{2}:[0-9]{2} ]]; then',
    '      echo "$line"',
    "      break",
    "    fi",
    '  done < <(tac "$LOG_FILE")',
    '  echo "$(date) - $1" >> "$LOG_FILE"',
    "}",
    "help() {",
    '    echo "Usage: $0 [OPTION]"',
    '    echo "  -u, --update         Run system update and upgrade"',
    '    echo "  -r, --reboot         Log reboot and reboot the system"',
    "    exit 0",
    "}",
)


def _update_tool(*tail: str) -> dict[str, str]:
    return {"maintenance.sh": script(*_LOG_FUNCTION, "update() {", *tail, "}", 'case "$1" in -u) update ;; esac')}


def test_commands_after_a_regex_test_with_a_quoted_part_are_read() -> None:
    files = _update_tool('    log "Updating"', "    sudo apt-get update", "    sudo /sbin/reboot")
    found = findings(files)
    assert (SUDO, 20) in found and (SUDO, 21) in found
    assert (EGRESS, 20) in found
    assert not any(f.code == SKIPPED for f in run(package(files)))


def test_a_regex_test_without_quotes_was_already_read() -> None:
    # near miss: the same tool whose regex has no quoted part parsed before the fix and still reads the same
    files = {
        "maintenance.sh": script(
            *(line.replace('" "', "[[:space:]]") for line in _LOG_FUNCTION),
            "update() {",
            "    sudo apt-get update",
            "}",
        )
    }
    assert (SUDO, 19) in findings(files)


def test_a_regex_test_with_a_quoted_part_alone_stays_quiet() -> None:
    # near miss: the recovered test itself runs nothing
    files = {"check.sh": script(*_LOG_FUNCTION)}
    assert [c for c, _ in findings(files) if c != "preflight.root_assumed"] == []


@pytest.mark.parametrize("action", ["-up", "updatePihole", "-g", "updateGravity", "checkout dev"])
def test_pihole_update_and_gravity_fetch(action: str) -> None:
    assert in_script(EGRESS, f"/usr/local/bin/pihole {action}") == [3]


def test_pihole_names_what_it_contacts() -> None:
    files = {"scripts/upgrade.sh": script("pihole -up", "pihole -g")}
    messages = [f.message for f in run(package(files)) if f.code == EGRESS]
    assert "github.com" in messages[0] and "blocklists" in messages[1]


@pytest.mark.parametrize("action", ["-a -t", "status", "enable", "-q example.com", "restartdns", "--version"])
def test_pihole_local_actions_stay_quiet(action: str) -> None:
    assert in_script(EGRESS, f"pihole {action}") == []


UNVERIFIED = "preflight.unverified_download_exec"
_FETCH_AND_UNPACK = ('cd "$TMP"', 'curl -fSL -o bundle.tar.gz "$URL"', "tar -xzf bundle.tar.gz")


def test_install_of_what_a_find_in_the_unpacked_tree_filled() -> None:
    found = 'NEW_BIN="$(find . -type f -name serverhub -perm -u+x | head -1)"'
    lines = (*_FETCH_AND_UNPACK, found, 'install -m 0755 "$NEW_BIN" /usr/local/bin/serverhub')
    assert in_script(UNVERIFIED, *lines) == [7]


def test_a_checksum_made_only_when_the_sidecar_downloads_does_not_stand() -> None:
    lines = (
        *_FETCH_AND_UNPACK[:2],
        'if curl -fsS -o bundle.tar.gz.sha256 "$URL.sha256"; then',
        "  sha256sum -c bundle.tar.gz.sha256",
        "else",
        '  echo "no sidecar, skipping checksum"',
        "fi",
        "tar -xzf bundle.tar.gz",
        'NEW_BIN="$(find . -type f -name serverhub | head -1)"',
        'install -m 0755 "$NEW_BIN" /usr/local/bin/serverhub',
    )
    assert in_script(UNVERIFIED, *lines) == [12]


@pytest.mark.parametrize(
    "lines",
    [
        # near misses: the archive is the operator's own file, or its checksum is checked before the unpack
        (
            'cd "$TMP"',
            "tar -xzf /srv/releases/bundle.tar.gz",
            'NEW_BIN="$(find . -type f -name serverhub | head -1)"',
            'install -m 0755 "$NEW_BIN" /usr/local/bin/serverhub',
        ),
        (
            *_FETCH_AND_UNPACK[:2],
            'echo "$SUM  bundle.tar.gz" | sha256sum -c -',
            "tar -xzf bundle.tar.gz",
            'NEW_BIN="$(find . -type f -name serverhub | head -1)"',
            'install -m 0755 "$NEW_BIN" /usr/local/bin/serverhub',
        ),
    ],
)
def test_install_of_a_local_or_checked_tree_stays_quiet(lines: tuple[str, ...]) -> None:
    assert in_script(UNVERIFIED, *lines) == []


_GIT_DEPLOY = (
    "deploy_from_git() {",
    '  git -C "$DIR" fetch --depth=1 origin "$BRANCH" --quiet',
    '  git -C "$DIR" checkout --force FETCH_HEAD --quiet',
    "}",
)


def test_a_fetched_ref_checked_out_under_git_dash_c_fills_the_checkout() -> None:
    # git's own -C DIR is not checkout's -C (a new branch)
    lines = (*_GIT_DEPLOY, "deploy_from_git", 'cd "$DIR" && npm ci')
    assert in_script(UNVERIFIED, *lines) == [8]


def test_checkout_dash_capital_c_after_the_subcommand_still_names_a_new_branch() -> None:
    # near miss: ``checkout -C NAME`` alone makes a branch at HEAD, nothing fetched arrives
    lines = ('git -C "$DIR" fetch origin main', 'git -C "$DIR" checkout -C local', 'cd "$DIR" && npm ci')
    assert in_script(UNVERIFIED, *lines) == []


def test_a_git_branch_beside_a_tarball_branch_is_a_fetch_of_its_own() -> None:
    tarball = (
        "deploy_from_tarball() {",
        '  curl -fsSL "$URL" -o "$TMP/r.tar.gz"',
        '  tar -xzf "$TMP/r.tar.gz" -C "$TMP/x"',
        '  rsync -a --delete "$TMP/x/" /opt/app/',
        "}",
    )
    git = tuple(line.replace('"$DIR"', "/opt/app") for line in _GIT_DEPLOY)
    main = ('if [ -n "$URL" ]; then', "  deploy_from_tarball", "else", "  deploy_from_git", "fi")
    main = (*main, "cd /opt/app && npm ci")
    assert in_script(UNVERIFIED, *tarball, *git, *main) == [6, 17]


def test_a_pull_into_a_clone_is_still_the_clone_s_fetch() -> None:
    # near miss: a clone then a pull of it is one checkout, reported once
    lines = ("git clone https://example.org/app.git /opt/app", "git -C /opt/app pull", "cd /opt/app && npm ci")
    assert in_script(UNVERIFIED, *lines) == [5]


HIDDEN = "preflight.hidden_migration"


@pytest.mark.parametrize(
    "line",
    [
        "npm run db:migrate",
        "npm -w @hail-mary/api run db:migrate",
        "pnpm run migration:run",
        "yarn migrate",
        "bun run migrate:deploy",
        "docker exec \"$API\" sh -lc 'cd /app && npm -w @hail-mary/api run db:migrate'",
    ],
)
def test_a_package_script_named_for_applying_migrations_is_hidden(line: str) -> None:
    assert in_script(HIDDEN, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "npm run migration:generate",  # writes a new migration file
        "npm run migrate:status",
        "npm run migrate:rollback",
        "npm run build",
        "yarn install",
        "npm ci",
    ],
)
def test_package_scripts_that_apply_nothing_stay_quiet(line: str) -> None:
    assert in_script(HIDDEN, line) == []
