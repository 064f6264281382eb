"""Vendor database tools named noun first or as the product's migration tool are hidden migrations
(migrations._UPDATER_NAME)."""

from __future__ import annotations

import pytest
from preflight_kit import in_script

CODE = "preflight.hidden_migration"


@pytest.mark.parametrize(
    "line",
    [
        "netdisco-db-deploy",
        "/opt/app/bin/app-db-upgrade",
        "./schema_update.sh",
        "sudo -u app /usr/local/bin/casaos-migration-tool",
        'TOOL=build/usr/bin/app-migration-tool; "$TOOL"',
    ],
)
def test_a_tool_named_for_a_database_upgrade_is_a_migration(line: str) -> None:
    assert in_script(CODE, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "updatedb",  # mlocate's index
        "app-db-backup",
        "app-db-upgrade-check",
        "netdisco-db-deploy --help",
        "cat migration-tool.log",
        "app-migration-tools-list",
    ],
)
def test_near_misses_stay_quiet(line: str) -> None:
    assert in_script(CODE, line) == []
