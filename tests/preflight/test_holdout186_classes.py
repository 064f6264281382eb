"""Hold-out set 186's classes (vendor maintainer scripts, fifth sample), each with its near-miss."""

from __future__ import annotations

import pytest
from preflight_kit import located, package, run

POSTINST = "debian/app.postinst"


def _deletes(body: str) -> list[tuple[str, str, int]]:
    script = f'#!/bin/bash\nset -e\nAPP_HOME="/opt/app"\n{body}\n'
    return located(run(package({POSTINST: script})), "preflight.destructive_delete")


@pytest.mark.parametrize(
    "body",
    [
        # UCM's postinst: the environment deleted, then built again where it was, on every configure
        'rm -rf "$APP_HOME/venv" 2>/dev/null || true\npython3 -m venv "$APP_HOME/venv"',
        'rm -rf "$APP_HOME/venv/"\n/usr/bin/python3.11 -m venv --upgrade-deps "$APP_HOME/venv/"',
        'rm -rf "$APP_HOME/env"\nvirtualenv -p python3 "$APP_HOME/env"',
    ],
)
def test_a_virtual_environment_deleted_and_built_again_is_no_data_delete(body: str) -> None:
    assert _deletes(body) == []


@pytest.mark.parametrize(
    "body",
    [
        # nothing builds it again
        'rm -rf "$APP_HOME/venv"',
        # another directory is built
        'rm -rf "$APP_HOME/venv"\npython3 -m venv "$APP_HOME/venv2"',
        # the environment is built before the delete, which then removes it
        'python3 -m venv "$APP_HOME/venv"\nrm -rf "$APP_HOME/venv"',
        # the product's data deleted beside an environment built in its folder
        'rm -rf "$APP_HOME/data"\npython3 -m venv "$APP_HOME/data/venv"',
    ],
)
def test_a_delete_the_environment_does_not_rebuild_stays_reported(body: str) -> None:
    assert _deletes(body) == [("preflight.destructive_delete", POSTINST, 4 if not body.startswith("python3") else 5)]
