"""Classes the two-hundred-and-seventy-third hold-out set showed (tests/preflight/holdout273: container entrypoints
and start scripts), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

CREDENTIAL = "preflight.hardcoded_credential"

# -- A: a long option whose last word is ``pass`` carries a password ---------------------------------------------------


def test_a_admin_pass_joined_by_equals_is_a_literal_password() -> None:
    # vinyll/nextcloud-alpine's entrypoint
    line = "./occ maintenance:install --admin-user=admin --admin-pass=admin --data-dir=/data"
    assert in_script(CREDENTIAL, line) == [3]


def test_a_database_pass_with_a_separate_value_is_a_literal_password() -> None:
    assert in_script(CREDENTIAL, "php occ maintenance:install --database-pass nc-db-2024 --admin-user root") == [3]


def test_a_a_pass_option_given_a_reference_is_quiet() -> None:
    assert in_script(CREDENTIAL, 'php occ maintenance:install --admin-pass "$NEXTCLOUD_ADMIN_PASSWORD"') == []
    assert in_script(CREDENTIAL, 'joomla site:install --db-pass="${JOOMLA_DB_PASSWORD}"') == []


def test_a_a_pass_option_followed_by_another_option_is_quiet() -> None:
    assert in_script(CREDENTIAL, "tool setup --admin-pass --interactive") == []


def test_a_a_counted_encoder_pass_and_bypass_are_no_password() -> None:
    assert in_script(CREDENTIAL, "x264enc --two-pass video.raw") == []
    assert in_script(CREDENTIAL, "encode --first-pass statsfile") == []
    assert in_script(CREDENTIAL, "proxyctl --bypass intranet") == []
    assert in_script(CREDENTIAL, "vpnctl --no-pass serverone") == []
