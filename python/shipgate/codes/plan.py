"""Finding codes of the ``plan.`` layer:
The upgrade against what runs: the diff with the running version, the upgrade path, the window and the
rollback (shipgate.plan; docs/plan.md).
"""

from __future__ import annotations

from shipgate.codes._model import Code
from shipgate.findings import Severity as S

CODES = (
    Code(
        "plan.undeclared_removed_key",
        S.MEDIUM,
        "a configuration key the running version's files set is gone from the new version's files, and neither"
        " the manifest nor an advisory says it was removed or renamed",
        "Ask the vendor whether the key was removed or renamed, and what replaces it; move its setting before"
        " upgrading.",
    ),
    Code(
        "plan.undocumented_flag",
        S.MEDIUM,
        "a binary carries a flag (a dotted config key or environment variable of the product) that is new since"
        " the running version, or that no file of the package, manifest or advisory names: a behaviour switch"
        " nobody documented",
        "Ask the vendor what the flag gates and its default; decide its value before the upgrade and its end"
        " state after.",
    ),
    Code(
        "plan.unit_renamed",
        S.MEDIUM,
        "a systemd unit of the running version is gone and a new unit runs the same program under another"
        " name; scripts, monitoring and the target's own units that name the old unit break",
        "Update everything that names the old unit (monitoring, dependencies, runbooks) to the new name.",
    ),
    Code(
        "plan.new_endpoint",
        S.LOW,
        "the new version's scripts contact a host the running version's did not",
        "Confirm the host with the vendor and allow it (network.allowed_endpoints) or block the call.",
    ),
    Code(
        "plan.upgrade_path_skipped",
        S.HIGH,
        "the running version is outside the versions the package declares it upgrades from (upgrades_from):"
        " an intermediate version must be installed first",
        "Upgrade to the intermediate version named first, then to this one.",
    ),
    Code(
        "plan.version_not_newer",
        S.MEDIUM,
        "the package is not newer than the version that runs: a downgrade or a reinstall",
        "Make sure a downgrade is intended and the vendor supports it (migrations rarely run backwards).",
    ),
    Code(
        "plan.window_understated",
        S.MEDIUM,
        "the downtime the manifest declares is shorter than shipgate's estimate from the upgrade's steps",
        "Plan the window from the estimate (its reasons are listed), or ask the vendor how their figure holds.",
    ),
    Code(
        "plan.window_too_short",
        S.HIGH,
        "the negotiated window (--window) is shorter than shipgate's estimate from the upgrade's steps",
        "Negotiate a longer window, or split the upgrade (migrations first, with their own window).",
    ),
    Code(
        "plan.irreversible_without_backup",
        S.HIGH,
        "a migration cannot be undone (it drops or narrows data) and no script takes a backup of the database"
        " first",
        "Take a database backup (pg_dump, a snapshot) before the window and test restoring it.",
    ),
    Code(
        "plan.config_backup_missing",
        S.MEDIUM,
        "the upgrade changes configuration (files it installs, keys it removes or requires) and no script"
        " backs that configuration up first: a rollback has nothing to restore",
        "Copy the configuration files named to a backup location before the upgrade.",
    ),
    Code(
        "plan.interactive_step",
        S.MEDIUM,
        "a script of the package waits for someone at the terminal (a read, a select menu or dialog, a password"
        " prompt, a container run with a terminal, a package change without -y): run unattended it hangs,"
        " goes on with an empty answer or aborts",
        "Have someone at the terminal for that step of the window, or answer it in advance (the tool's"
        " non-interactive option, -y, a password file) and test the script unattended.",
    ),
)
