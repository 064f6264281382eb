"""Classes found by hold-out set 165 (upgrade, backup/restore and maintenance scripts of self-hosted products, third
long sample): a ``[[ … =~ … ]]`` regex with a quoted part that tree-sitter-bash loses (every later quote then pairs
with the wrong one and the rest of the file went unread), and Pi-hole's updater and blocklist download."""

from __future__ import annotations

import pytest
from preflight_kit import findings, in_script, package, run, script

EGRESS = "preflight.implicit_egress"
SUDO = "preflight.sudo_unavailable"
SKIPPED = "preflight.file_skipped"

_LOG_FUNCTION = (
    "log() {",
    '  while read -r line; do',
    '    if [[ "$line" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}" "[0-9]{2}:[0-9]{2} ]]; then',
    '      echo "$line"',
    "      break",
    "    fi",
    '  done < <(tac "$LOG_FILE")',
    '  echo "$(date) - $1" >> "$LOG_FILE"',
    "}",
    "help() {",
    '    echo "Usage: $0 [OPTION]"',
    '    echo "  -u, --update         Run system update and upgrade"',
    '    echo "  -r, --reboot         Log reboot and reboot the system"',
    "    exit 0",
    "}",
)


def _update_tool(*tail: str) -> dict[str, str]:
    return {"maintenance.sh": script(*_LOG_FUNCTION, "update() {", *tail, "}", 'case "$1" in -u) update ;; esac')}


def test_commands_after_a_regex_test_with_a_quoted_part_are_read() -> None:
    files = _update_tool('    log "Updating"', "    sudo apt-get update", "    sudo /sbin/reboot")
    found = findings(files)
    assert (SUDO, 20) in found and (SUDO, 21) in found
    assert (EGRESS, 20) in found
    assert not any(f.code == SKIPPED for f in run(package(files)))


def test_a_regex_test_without_quotes_was_already_read() -> None:
    # near miss: the same tool whose regex has no quoted part parsed before the fix and still reads the same
    files = {
        "maintenance.sh": script(
            *(line.replace('" "', "[[:space:]]") for line in _LOG_FUNCTION),
            "update() {",
            "    sudo apt-get update",
            "}",
        )
    }
    assert (SUDO, 19) in findings(files)


def test_a_regex_test_with_a_quoted_part_alone_stays_quiet() -> None:
    # near miss: the recovered test itself runs nothing
    files = {"check.sh": script(*_LOG_FUNCTION)}
    assert [c for c, _ in findings(files) if c != "preflight.root_assumed"] == []


@pytest.mark.parametrize("action", ["-up", "updatePihole", "-g", "updateGravity", "checkout dev"])
def test_pihole_update_and_gravity_fetch(action: str) -> None:
    assert in_script(EGRESS, f"/usr/local/bin/pihole {action}") == [3]


def test_pihole_names_what_it_contacts() -> None:
    files = {"scripts/upgrade.sh": script("pihole -up", "pihole -g")}
    messages = [f.message for f in run(package(files)) if f.code == EGRESS]
    assert "github.com" in messages[0] and "blocklists" in messages[1]


@pytest.mark.parametrize("action", ["-a -t", "status", "enable", "-q example.com", "restartdns", "--version"])
def test_pihole_local_actions_stay_quiet(action: str) -> None:
    assert in_script(EGRESS, f"pihole {action}") == []
