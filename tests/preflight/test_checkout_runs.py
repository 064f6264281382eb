"""Code run from a git checkout the script clones or pulls at a branch: the package's signature does not cover what
the checkout holds, so running it (a file in it, a process manager restarting its script, a file of it linked into
``/etc``) is ``unverified_download_exec`` unless a full commit id is checked out or a signature verified between
(docs/preflight.md). Each construct beside its near miss."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def test_a_pull_of_the_checkout_then_a_process_manager_restart_runs_the_pulled_code() -> None:
    updater = _text(
        "#!/bin/bash",  # 1
        "cd /srv/app",  # 2
        "git reset --hard",  # 3
        "git pull",  # 4
        "rm version.json; touch version.json",  # 5: the script's own file, filled below
        "chmod 755 version.json",  # 6
        "pm2 restart server.js",  # 7
    )
    assert codes_at({"update.sh": updater}, UNVERIFIED) == [7]


def test_near_miss_a_restart_by_process_name_or_a_pull_pinned_to_a_commit_runs_nothing_unverified() -> None:
    # a restart as the step right after the pull runs the pulled code (session 30 ruling); one step later, not read
    by_name = _text("#!/bin/bash", "cd /srv/app", "git pull", "pm2 restart app")
    assert codes_at({"update.sh": by_name}, UNVERIFIED) == [4]
    by_name = _text("#!/bin/bash", "cd /srv/app", "git pull", "date", "pm2 restart app")
    assert codes_at({"update.sh": by_name}, UNVERIFIED) == []
    pinned = _text(
        "#!/bin/bash",
        "git -C /srv/app pull",
        "git -C /srv/app checkout 0123456789abcdef0123456789abcdef01234567",
        "/srv/app/bin/migrate.sh",
    )
    assert codes_at({"update.sh": pinned}, UNVERIFIED) == []


def test_a_checkout_named_through_a_variable_another_branch_reassigns_is_still_followed() -> None:
    installer = _text(
        "#!/bin/bash",  # 1
        'APP_DIR="/opt/app"',  # 2
        "install_app() {",  # 3
        '  git clone --branch master https://github.com/acme/app "$APP_DIR"',  # 4
        "}",  # 5
        'if [ -f "$(dirname "$0")/app.sh" ]; then',  # 6
        '  APP_DIR="$(readlink -f "$(dirname "$0")")"',  # 7
        "else",  # 8
        "  install_app",  # 9
        "fi",  # 10
        'sudo ln -sf "${APP_DIR}/extras/cronjob" /etc/cron.daily/app',  # 11
        '"$APP_DIR/app.sh" --config /etc/app.conf',  # 12
    )
    assert codes_at({"install.sh": installer}, UNVERIFIED) == [11]
    # near miss: the script's own file linked into /etc, and a clone's file run only after a signature check
    own = _text("#!/bin/bash", "ln -sf /usr/share/app/cronjob /etc/cron.daily/app")
    assert codes_at({"install.sh": own}, UNVERIFIED) == []
    verified = installer.replace("  install_app\n", "  install_app\n  git -C \"$APP_DIR\" verify-commit HEAD\n")
    assert codes_at({"install.sh": verified}, UNVERIFIED) == []


def test_a_pull_into_a_tree_cloned_above_is_the_same_fetch() -> None:
    updater = _text(
        "#!/bin/bash",  # 1
        'git clone https://github.com/acme/app "$dir"',  # 2
        'git -C "$dir" checkout test',  # 3
        'git -C "$dir" pull origin test',  # 4
        'cp "$dir"/scripts/*.sh /opt/app/scripts/',  # 5
        'install -m 644 "$dir"/completion /etc/bash_completion.d/app',  # 6
    )
    found = codes_at({"update.sh": updater}, UNVERIFIED)
    assert len(found) == 1, found  # one fetch, one finding
