"""Classes the two-hundred-and-seventy-fourth hold-out set showed (tests/preflight/holdout274: long upgrade, backup,
restore and maintenance scripts of self-hosted products), each as its minimal construct next to near-misses that
must stay quiet."""

from __future__ import annotations

from preflight_kit import in_script

EGRESS = "preflight.implicit_egress"

# -- A: Debian's unattended-upgrade downloads the upgradable packages, also in its dry run ----------------------------


def test_a_unattended_upgrade_dry_run_fetches_packages() -> None:
    # Kreditozrouti's maintenance.sh: the dry run downloads without installing
    line = 'unattended-upgrades --dry-run -d 2>&1 | grep -E "(Packages|packages)" | head -5 || true'
    assert in_script(EGRESS, line) == [3]


def test_a_unattended_upgrade_under_either_name_and_with_its_options() -> None:
    assert in_script(EGRESS, "unattended-upgrade -d") == [3]
    assert in_script(EGRESS, "/usr/bin/unattended-upgrade --download-only") == [3]
    assert in_script(EGRESS, "unattended-upgrades") == [3]


def test_a_near_misses_help_and_the_package_or_unit_of_that_name_stay_quiet() -> None:
    assert in_script(EGRESS, "unattended-upgrade --help") == []
    assert in_script(EGRESS, "unattended-upgrades -h") == []
    # a test for the program and the unit that runs it are not a run of it
    assert in_script(EGRESS, "command -v unattended-upgrade >/dev/null && echo present") == []
    assert in_script(EGRESS, "systemctl status unattended-upgrades") == []
    assert in_script(EGRESS, 'echo "run unattended-upgrade --dry-run to see what would change"') == []
