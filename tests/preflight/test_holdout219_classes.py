"""Classes the two-hundred-and-nineteenth hold-out set showed (tests/preflight/holdout219: upgrade, backup and
maintenance scripts of self-hosted products), each as its minimal construct next to near-misses that must stay
quiet."""

from __future__ import annotations

from preflight_kit import codes_at, in_script

SUDO = "preflight.sudo_unavailable"
ENDPOINT = "preflight.external_endpoint"
DOWNLOAD = "preflight.unverified_download_exec"


def without_errexit(code: str, *lines: str) -> list[int | None]:
    """Lines of the ``code`` findings in a script of ``lines`` after its shebang, with no ``set -e``: a failed
    command there goes on unless something stops the run."""
    return codes_at({"scripts/upgrade.sh": "\n".join(("#!/bin/sh", *lines)) + "\n"}, code)


# -- A: after a top-level check that re-runs the script through sudo, the main flow is root --------------------------

_RERUN = ("if [[ $EUID -ne 0 ]]; then", '    exec sudo bash "$0" "$@"', "fi")


def test_a_sudo_after_a_rerun_through_sudo_gains_nothing() -> None:
    # clearPanel's update.sh: only the re-exec (line 4) escalates
    lines = (*_RERUN, "sudo -u app git pull origin main", "sudo systemctl restart app")
    assert in_script(SUDO, *lines) == [4]


def test_a_sudo_before_the_rerun_still_escalates() -> None:
    assert in_script(SUDO, "sudo apt-get update", *_RERUN, "sudo systemctl restart app") == [3, 5]


def test_a_a_rerun_inside_a_function_leaves_the_main_flow_alone() -> None:
    # the function may be called after steps that still run as the invoking user
    lines = ("ensure_root() {", *_RERUN, "}", "sudo systemctl restart app", "ensure_root")
    assert in_script(SUDO, *lines) == [5, 8]


def test_a_a_check_that_only_warns_is_no_rerun() -> None:
    lines = ("if [[ $EUID -ne 0 ]]; then", '    echo "not root"', "fi", "sudo systemctl restart app")
    assert in_script(SUDO, *lines) == [6]


# -- C: a runner that sets a message aside with a shift before a branch that runs the rest ----------------------------

_RUN = (
    "run() {",
    "  message=$1",
    "  shift",
    '  if [ "${dry_run}" = true ]; then',
    '    printf "Would run: %s\\n" "$*"',
    "  else",
    '    if output=$("$@" 2>&1); then',
    '      printf "%s ok\\n" "${message}"',
    "    else",
    '      printf "%s\\n" "${output}"',
    "      exit 1",
    "    fi",
    "  fi",
    "}",
)


def test_c_the_shifted_message_is_not_the_command() -> None:
    # msanguineti's upgrade-nextcloud.sh: ``run "downloading" wget URL`` runs wget
    lines = (*_RUN, 'run "downloading" wget https://download.example.org/app.tar.bz2')
    assert in_script(ENDPOINT, *lines) == [17]


def test_c_a_shift_inside_a_branch_the_run_is_not_in_leaves_the_count_unknown() -> None:
    lines = (
        "run() {",
        '  if [ -n "$QUIET" ]; then',
        "    shift",
        "  fi",
        '  "$@"',
        "}",
        'run "downloading" wget https://download.example.org/app.tar.bz2',
    )
    assert in_script(ENDPOINT, *lines) == []


# -- C': a check given to a runner that exits when the command fails stops the run -----------------------------------

_FETCH_CHECK_INSTALL = (
    'run "fetching" wget https://download.example.org/app.tar.bz2',
    'run "fetching sums" wget https://download.example.org/app.tar.bz2.sha256',
    'run "checking" sha256sum -c app.tar.bz2.sha256',
    'run "unpacking" tar -xjf app.tar.bz2 -C /opt',
    "/opt/app/bin/app migrate",
)


def test_c_a_check_through_a_stopping_runner_is_a_check() -> None:
    assert without_errexit(DOWNLOAD, *_RUN, *_FETCH_CHECK_INSTALL) == []


def test_c_a_runner_that_goes_on_after_a_failure_checks_nothing() -> None:
    going_on = tuple(line.replace("exit 1", "echo failed") for line in _RUN)
    assert without_errexit(DOWNLOAD, *going_on, *_FETCH_CHECK_INSTALL) == [19]


def test_c_a_negated_test_that_dies_stops_too() -> None:
    lines = (
        "run() {",
        "  shift",
        '  if ! "$@"; then',
        "    exit 1",
        "  fi",
        "}",
        *_FETCH_CHECK_INSTALL,
    )
    assert without_errexit(DOWNLOAD, *lines) == []


def test_c_a_bare_check_without_errexit_is_still_no_check() -> None:
    lines = (
        "wget https://download.example.org/app.tar.bz2",
        "wget https://download.example.org/app.tar.bz2.sha256",
        "sha256sum -c app.tar.bz2.sha256",
        "tar -xjf app.tar.bz2 -C /opt",
        "/opt/app/bin/app migrate",
    )
    assert without_errexit(DOWNLOAD, *lines) == [5]


# -- B: a fetched release copied over a web root is installed there --------------------------------------------------

_WEB_ROOT = (
    'if [ "$(id -u)" -ne 0 ]; then',
    "  exit 1",
    "fi",
    "wget -O /tmp/app.zip https://download.example.org/app.zip",
    "unzip -q /tmp/app.zip -d /tmp",
)


def test_b_an_unpacked_release_rsynced_over_the_web_root_is_installed_there() -> None:
    # Ricardo-Simoes' nextcloud-update.sh: reported at the copy, not at a later run of its occ
    lines = (*_WEB_ROOT, "rsync -a --delete /tmp/app/ /var/www/app/", "sudo -u www-data php /var/www/app/occ upgrade")
    assert in_script(DOWNLOAD, *lines) == [8]


def test_b_a_release_copied_elsewhere_under_var_is_not_installed() -> None:
    lines = (*_WEB_ROOT, "rsync -a /tmp/app/ /var/backups/app/")
    assert in_script(DOWNLOAD, *lines) == []


def test_b_a_checked_release_copied_over_the_web_root_stays_quiet() -> None:
    lines = (
        'if [ "$(id -u)" -ne 0 ]; then',
        "  exit 1",
        "fi",
        "set -e",
        "wget -O /tmp/app.zip https://download.example.org/app.zip",
        'echo "$SUM  /tmp/app.zip" | sha256sum -c -',
        "unzip -q /tmp/app.zip -d /tmp",
        "rsync -a --delete /tmp/app/ /var/www/app/",
    )
    assert in_script(DOWNLOAD, *lines) == []
