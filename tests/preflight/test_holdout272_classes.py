"""Classes the two-hundred-and-seventy-second hold-out set showed (tests/preflight/holdout272: shell installers and
updaters of self-hosted products), each as its minimal construct next to near-misses that must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

SUDO = "preflight.sudo_unavailable"
PRIVILEGE = "preflight.implicit_privilege"
UNVERIFIED = "preflight.unverified_download_exec"
MIGRATION = "preflight.hidden_migration"

# -- A: a function that runs its string plainly in a uid-0 branch and through sudo otherwise: every call escalates --

_AS_ROOT = (
    "as_root() {",
    '  if [ "$(id -u)" = "0" ]; then bash -lc "$*"; return; fi',
    '  sudo bash -lc "$*"',
    "}",
)


def test_a_each_call_of_a_root_or_sudo_string_runner_escalates() -> None:
    lines = (*_AS_ROOT, 'as_root "apt-get update -y"', 'as_root "mkdir -p /etc/app"')
    assert in_script(SUDO, *lines) == [7, 8]
    assert in_script(PRIVILEGE, *lines) == []


def test_a_the_same_with_an_else_arm_and_the_first_argument() -> None:
    body = ("run_root() {", '  if [ "$(id -u)" -eq 0 ]; then sh -c "$1"; else sudo sh -c "$1"; fi', "}")
    lines = (*body, 'run_root "apt-get install -y curl"')
    assert in_script(SUDO, *lines) == [6]
    assert in_script(PRIVILEGE, *lines) == []


def test_a_near_miss_a_plain_way_any_account_takes_gives_no_escalator() -> None:
    # sudo only when it is installed, else the string runs as whoever runs the script: the run picks the way
    body = ("run() {", '  if command -v sudo >/dev/null; then sudo sh -c "$1"; else sh -c "$1"; fi', "}")
    lines = (*body, 'run "apt-get install -y curl"')
    assert in_script(PRIVILEGE, *lines) == [6]


def test_a_near_miss_a_runner_with_only_the_root_way_escalates_nothing() -> None:
    body = ("as_root() {", '  if [ "$(id -u)" = "0" ]; then sh -c "$1"; fi', "}")
    assert in_script(SUDO, *body, 'as_root "touch /tmp/x"') == []


# -- B: a digest computed and only printed for the operator to compare is no check ------------------------------

_FETCH = ("curl -fsSL -o /tmp/app https://dl.example.org/app", "sum=$(sha256sum /tmp/app | cut -d' ' -f1)")
_INSTALL = 'install -m 755 /tmp/app "$HOME/.local/bin/app"'


def test_b_a_digest_only_printed_does_not_verify_the_download() -> None:
    lines = (*_FETCH, 'echo "Compare this checksum with the release page: $sum"', "read -r answer", _INSTALL)
    assert in_script(UNVERIFIED, *lines) == [7]


def test_b_near_miss_a_digest_compared_in_a_test_verifies() -> None:
    lines = (*_FETCH, 'echo "checksum: $sum"', '[ "$sum" = "$EXPECTED_SHA256" ] || exit 1', _INSTALL)
    assert in_script(UNVERIFIED, *lines) == []


def test_b_near_miss_a_digest_compared_by_case_verifies() -> None:
    lines = (*_FETCH, 'case "$sum" in', '  "$EXPECTED_SHA256") ;;', "  *) exit 1 ;;", "esac", _INSTALL)
    assert in_script(UNVERIFIED, *lines) == []


# -- C: a helper's check made only when the checksum file downloads (the branch that did not download goes on) ---

_HELPER = ("sha_of() {", '  sha256sum "$1" | awk \'{print $1}\'', "}")
_GET = "curl -fsSL -o /tmp/app.tgz https://dl.example.org/app.tgz"
_COMPARE = '  [ "$(cat /tmp/app.tgz.sha256)" = "$(sha_of /tmp/app.tgz)" ] || exit 1'
_UNPACK = 'tar -xzf /tmp/app.tgz -C "$HOME/.local/bin"'


def _checked(otherwise: str) -> tuple[str, ...]:
    return (
        *_HELPER,
        _GET,
        "if curl -fsSL -o /tmp/app.tgz.sha256 https://dl.example.org/app.tgz.sha256; then",
        _COMPARE,
        "else",
        otherwise,
        "fi",
        _UNPACK,
    )


def test_c_a_helper_check_only_when_the_checksum_file_downloads_is_skippable() -> None:
    assert in_script(UNVERIFIED, *_checked('  echo "checksum file not found; skipping verification"')) == [12]


def test_c_near_miss_the_other_branch_stops_the_run() -> None:
    assert in_script(UNVERIFIED, *_checked('  echo "checksum file not found" >&2; exit 1')) == []


def test_c_near_miss_a_helper_under_a_bare_if_of_a_switch_keeps_its_check() -> None:
    # no written branch goes on without the check (the switch may be set on: holdout40's near-miss)
    helper = ("verify() {", "  sha256sum -c /tmp/app.tgz.sha256 || exit 1", "}")
    lines = (*helper, "VERIFY=1", _GET, 'if [ "$VERIFY" = "1" ]; then', "  verify", "fi", _UNPACK)
    assert in_script(UNVERIFIED, *lines) == []


def test_c_near_miss_the_helper_called_on_every_path_verifies() -> None:
    sums = "curl -fsSL -o /tmp/app.tgz.sha256 https://dl.example.org/app.tgz.sha256"
    lines = (*_HELPER, _GET, sums, _COMPARE, _UNPACK)
    assert in_script(UNVERIFIED, *lines) == []


# -- D: ``prisma db push`` applies the schema file straight to the live database -----------------------------------


def test_d_prisma_db_push_is_a_hidden_migration() -> None:
    assert in_script(MIGRATION, "npx prisma db push --accept-data-loss") == [3]
    assert in_script(MIGRATION, "npx prisma migrate deploy") == [3]


def test_d_near_miss_prisma_commands_that_change_no_schema() -> None:
    assert in_script(MIGRATION, "npx prisma db pull") == []
    assert in_script(MIGRATION, "npx prisma generate") == []
    assert in_script(MIGRATION, "npx prisma db seed") == []
