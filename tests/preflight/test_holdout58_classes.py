"""Classes the fifty-eighth hold-out set showed (tests/preflight/holdout58: short installers and updaters; also
holdout54's Canvas updater), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

UNVERIFIED = "preflight.unverified_download_exec"
MIGRATION = "preflight.hidden_migration"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a pulled checkout whose code a build or migration tool then runs in it -----------------------------------


def test_a_tool_started_in_the_directory_just_pulled_runs_the_pulled_code() -> None:
    for tool in ("bundle install", "bundle check", "bundle exec rake db:migrate", "composer update", "npm install"):
        updater = _text("#!/bin/bash", "git checkout master", "git pull --rebase", tool)
        assert codes_at({"update.sh": updater}, UNVERIFIED) == [4], tool
    in_functions = _text(
        "#!/bin/bash",  # 1
        "upgrade() {",  # 2
        "  git pull origin feature:feature",  # 3
        "}",  # 4
        "compare() {",  # 5
        "  after=$(md5sum composer.json | awk '{print $1}')",  # 6: detects a change, checks nothing
        '  if [[ "$before" != "$after" ]]; then',  # 7
        "    composer update",  # 8
        "  fi",  # 9
        "}",  # 10
        "upgrade",  # 11
        "compare",  # 12
    )
    assert codes_at({"upgrade.sh": in_functions}, UNVERIFIED) == [12]


def test_near_miss_the_same_tools_where_nothing_was_pulled_or_the_pull_is_pinned_run_nothing_unverified() -> None:
    never_pulled = _text("#!/bin/bash", "git status", "bundle install", "bundle exec rake db:migrate", "npm install")
    assert codes_at({"update.sh": never_pulled}, UNVERIFIED) == []
    pinned = _text(
        "#!/bin/bash",
        "git pull",
        "git checkout 0123456789abcdef0123456789abcdef01234567",
        "bundle install",
    )
    assert codes_at({"update.sh": pinned}, UNVERIFIED) == []
    beside = _text("#!/bin/bash", "( cd plugins/x; git pull )", "composer install")
    assert codes_at({"update.sh": beside}, UNVERIFIED) == []


# -- B: Phinx, a PHP migration CLI --------------------------------------------------------------------------------


def test_phinx_migrate_or_rollback_applies_migrations_not_in_the_package() -> None:
    for line in ("vendor/bin/phinx migrate", "phinx migrate -e production", "php vendor/bin/phinx rollback -t 0"):
        assert codes_at({"upgrade.sh": _text("#!/bin/bash", line)}, MIGRATION) == [2], line


def test_near_miss_phinx_create_or_status_changes_no_database() -> None:
    for line in ("phinx create AddUsersTable", "vendor/bin/phinx status -e production", "phinx init"):
        assert codes_at({"upgrade.sh": _text("#!/bin/bash", line)}, MIGRATION) == [], line
