"""Classes of mistakes the eighty-second hold-out set found (tests/preflight/holdout82: upgrade and start steps of
self-hosted web products that migrate through a vendor CLI), each as its minimal construct next to a near-miss that
must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import findings

HIDDEN = "preflight.hidden_migration"
SCRIPT = "update.sh"


def _codes(script: str, code: str) -> list[tuple[str, int]]:
    return [f for f in findings({SCRIPT: f"#!/bin/sh\n{script}"}) if f[0] == code]


# -- A: an application console's database verb that changes the live schema without saying update, and a
# self-updater that runs the migrations itself when told to ask nothing -----------------------------------------


def test_a_a_console_verb_adding_schema_objects_or_converting_columns_is_a_migration() -> None:
    for step in (
        "php occ db:add-missing-indices",
        "php /var/www/nextcloud/occ db:add-missing-columns --no-interaction",
        "sudo -u www-data php ~/html/occ db:add-missing-primary-keys",
        "./occ db:convert-filecache-bigint --no-interaction",
    ):
        assert _codes(f"{step}\n", HIDDEN) == [(HIDDEN, 2)], step


def test_a_through_a_wrapper_function_under_the_home_directory() -> None:
    script = 'APP=~/html\nfunction ncc\n{\n  php $APP/occ "$@"\n}\nncc db:add-missing-indices --no-interaction\n'
    assert _codes(script, HIDDEN) == [(HIDDEN, 7)]


def test_a_near_miss_other_console_verbs_and_help_are_no_migration() -> None:
    for step in (
        "php occ files:scan --all",
        "./occ app:list",
        "php occ db:add-missing-indices --help",
        "php occ maintenance:mode --on",
        "./console cache:clear",
    ):
        assert _codes(f"{step}\n", HIDDEN) == [], step


def test_a_an_unattended_self_updater_runs_the_migrations() -> None:
    assert _codes("php /var/www/nextcloud/updater/updater.phar --no-interaction\n", HIDDEN) == [(HIDDEN, 2)]
    assert _codes("php $DIR/updater/updater.phar --no-backup --no-interaction\n", HIDDEN) == [(HIDDEN, 2)]


def test_a_near_miss_the_updater_asking_its_questions() -> None:
    assert _codes("php /var/www/nextcloud/updater/updater.phar\n", HIDDEN) == []
    assert _codes("php updater/updater.phar --help\n", HIDDEN) == []


# -- B: a Rails app's binstub under ``bundle exec`` given a migrating database task, also data-migrate's ----------


def test_b_a_binstub_under_bundle_exec_given_a_migrating_rails_task() -> None:
    for step in (
        "bundle exec amiko db:prepare:with_data",
        "bundle exec bin/app db:migrate",
        "bundle exec rake db:migrate:with_data",
        "rails db:prepare:with_data",
    ):
        assert _codes(f"{step}\n", HIDDEN) == [(HIDDEN, 2)], step


def test_b_near_miss_other_tasks_and_status() -> None:
    for step in (
        "bundle exec amiko db:migrate:status",
        "bundle exec rake db:chown",
        "bundle exec rake tmp:cache:clear",
        "bundle exec amiko db:seed",
        "bundle exec rspec spec/db:migrate_spec.rb",
    ):
        assert _codes(f"{step}\n", HIDDEN) == [], step


# -- C: ``sudo VAR=value cmd``: sudo(8) passes the assignment to the command, which is the next word -------------

EGRESS = "preflight.implicit_egress"


def test_c_an_assignment_given_to_sudo_is_not_the_command() -> None:
    assert _codes("sudo COMPOSER_ALLOW_SUPERUSER=1 composer install --no-dev\n", EGRESS) == [(EGRESS, 2)]
    assert _codes("sudo -E -u app HOME=/srv/app npm install\n", EGRESS) == [(EGRESS, 2)]


def test_c_near_miss_the_assigned_command_runs_nothing_from_the_network() -> None:
    assert _codes("sudo COMPOSER_ALLOW_SUPERUSER=1 composer dump-autoload\n", EGRESS) == []
    assert _codes("sudo APP_ENV=prod php artisan config:cache\n", EGRESS) == []


# -- H (older sets): vendor CLIs whose verb applies the schema: Postal's ``postal upgrade`` (holdout46, through a
# ``run`` function that evals its string), Phabricator's ``bin/storage upgrade`` (holdout54), a project's Invoke task
# named for its migrations (holdout64's GeoNode) -----------------------------------------------------------------


def test_h_vendor_clis_given_their_schema_upgrade_verb() -> None:
    run = 'run() {\n    eval $@\n}\nrun "docker-compose -p postal run runner postal upgrade"\n'
    assert _codes(run, HIDDEN) == [(HIDDEN, 5)]
    assert _codes("./bin/storage upgrade --force\n", HIDDEN) == [(HIDDEN, 2)]
    assert _codes("invoke migrations\n", HIDDEN) == [(HIDDEN, 2)]


def test_h_near_miss_the_same_clis_given_other_verbs() -> None:
    for step in ("postal make-user", "./bin/storage status", "invoke collectstatic", "invoke update"):
        assert _codes(f"{step}\n", HIDDEN) == [], step
