"""Classes of mistakes the fifty-third hold-out set found (tests/preflight/holdout53: upgrade and backup scripts of
app packages), each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import findings

HIDDEN = "preflight.hidden_migration"
SCRIPT = "scripts/upgrade.sh"


def _hidden(body: str) -> list[int]:
    return [line for code, line in findings({SCRIPT: "#!/bin/bash\n" + body}) if code == HIDDEN]


# -- A: a PHP console migration run by a helper in front of a (versioned) interpreter -----------------------------


def test_a_php_console_migration_behind_a_run_as_helper_is_hidden() -> None:
    assert _hidden('run_as "$svc" php$php_version flarum migrate\n') == [2]
    assert _hidden("as_user www-data php8.2 /var/www/app/artisan migrate --force\n") == [2]
    assert _hidden('as_user "$svc" php${PHP} "$dir/bin/console" --no-interaction doctrine:migrations:migrate\n') == [2]


def test_a_the_command_line_held_in_a_variable_is_read_too() -> None:
    body = 'console="as_user $svc php8.2 /srv/app/bin/console --env=prod"\n$console doctrine:migrations:migrate\n'
    assert _hidden(body) == [3]


def test_a_near_miss_other_console_verbs_and_printed_text_stay_quiet() -> None:
    assert _hidden('run_as "$svc" php$php_version flarum cache:clear\n') == []
    assert _hidden("as_user www-data php8.2 /var/www/app/artisan migrate:status\n") == []
    assert _hidden('echo "run: php8.2 artisan migrate"\n') == []
    assert _hidden("as_user www-data php8.2 /var/www/app/bin/console doctrine:migrations:status\n") == []
