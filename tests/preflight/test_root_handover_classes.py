"""Which user the rest of a script runs as, read from what a uid test's branch does (holdout52's container
entrypoints): a non-root run handed over to the product with ``exec`` never comes back, so what follows runs as root
without the script requiring root; a flag set in a uid test's branch is that test where it is compared later. Each
construct next to a near-miss that stays reported."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
ROOT = "preflight.root_assumed"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


HANDED_OVER = _text(
    "#!/bin/sh",  # 1
    'if [ "$(id -u)" != "0" ]; then',  # 2
    '  mkdir -p "$DATA_DIR"',  # 3
    '  exec "$@"',  # 4: a non-root run is the product's from here
    "fi",  # 5
    "chown -R app:app /var/lib/app",  # 6: only root gets here
    "addgroup app docker",  # 7
    'exec su-exec app "$@"',  # 8
)


def test_a_non_root_branch_that_execs_the_product_leaves_the_rest_to_root_without_requiring_it() -> None:
    files = {"docker-entrypoint.sh": HANDED_OVER}
    assert codes_at(files, PRIVILEGE) == []
    assert codes_at(files, ROOT) == []


def test_near_miss_a_non_root_branch_that_exits_requires_root_and_exec_that_only_redirects_ends_nothing() -> None:
    refusing = HANDED_OVER.replace('  exec "$@"', '  echo "run me as root" >&2; exit 1')
    assert codes_at({"docker-entrypoint.sh": refusing}, ROOT) == [2]
    redirecting = HANDED_OVER.replace('  exec "$@"', "  exec >>/tmp/entrypoint.log 2>&1")
    assert codes_at({"docker-entrypoint.sh": redirecting}, PRIVILEGE) == [6, 7]


FLAGGED = _text(
    "#!/bin/sh",  # 1
    "AS_ROOT=false",  # 2
    'if [ "$(id -u)" = "0" ]; then',  # 3
    "  AS_ROOT=true",  # 4
    "fi",  # 5
    'if [ "$AS_ROOT" = "false" ]; then',  # 6
    '  if [ -z "$1" ]; then',  # 7
    "    exec /app/server",  # 8
    "  else",  # 9
    '    exec "$@"',  # 10: both branches hand over
    "  fi",  # 11
    "fi",  # 12
    "chown -R app:app /var/lib/app",  # 13
)


def test_a_flag_set_in_a_uid_tests_branch_is_that_test_and_an_if_whose_every_branch_execs_ends_the_run() -> None:
    files = {"docker-entrypoint.sh": FLAGGED}
    assert codes_at(files, PRIVILEGE) == []
    assert codes_at(files, ROOT) == []


def test_near_miss_a_flag_with_a_third_value_or_an_if_without_else_decides_nothing() -> None:
    third = FLAGGED.replace("chown -R app:app /var/lib/app", "AS_ROOT=maybe\nchown -R app:app /var/lib/app")
    assert codes_at({"docker-entrypoint.sh": third}, PRIVILEGE) == [14]
    one_branch = FLAGGED.replace("  else\n    exec \"$@\"\n", "")
    assert codes_at({"docker-entrypoint.sh": one_branch}, PRIVILEGE) == [11]
