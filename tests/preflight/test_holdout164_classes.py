"""Hold-out set 164's classes (vendor maintainer scripts, fourth sample), each with its near-miss."""

from __future__ import annotations

import pytest
from preflight_kit import located, package, run

POSTINST = "debian/app.postinst"


def _migrations(line: str) -> list[tuple[str, str, int]]:
    script = f"#!/bin/bash\nset -e\n{line}\n"
    return located(run(package({POSTINST: script})), "preflight.hidden_migration")


@pytest.mark.parametrize(
    "line",
    [
        # Alembic's CLI run through its entry module, as wazo-webhookd's postinst does on every configure
        "(cd /usr/share/app && python3 -m alembic.config -c alembic.ini upgrade head)",
        # the CLI's module with its global option (and value) before the subcommand
        "python3 -m alembic -c /usr/share/app/alembic.ini upgrade head",
        "python -m alembic --config=/etc/app/alembic.ini -x tenant=main upgrade head",
    ],
)
def test_alembic_run_as_a_module_with_global_options_is_a_hidden_migration(line: str) -> None:
    assert _migrations(line) == [("preflight.hidden_migration", POSTINST, 3)]


@pytest.mark.parametrize(
    "line",
    [
        # read-only subcommands, behind the same options
        "python3 -m alembic.config -c alembic.ini history",
        "python3 -m alembic -c alembic.ini current",
        # a value that happens to be the verb's word is the option's value, not the subcommand
        "python3 -m alembic -n upgrade heads",
        # another package's config module is not Alembic's CLI
        "python3 -m app.config -c app.ini upgrade head",
    ],
)
def test_read_only_alembic_or_another_modules_config_stays_quiet(line: str) -> None:
    assert _migrations(line) == []
