"""Round nine of the whole packages (tests/preflight/packages/README.md, "Round nine"): each class fixed, with a
construct (the case that was wrong on the first run) and a near miss (the similar case that must keep its result)."""

from __future__ import annotations

from preflight_kit import codes_at

UNLOCKED = "preflight.migration_unlocked"

_UPGRADE_SQL = "ALTER TABLE g_user ADD COLUMN gu_last_login TIMESTAMPTZ;\nCREATE INDEX i_gu_login ON g_user(gu_last_login);\n"


def test_upgrade_sql_in_a_documentation_folder_is_not_a_migration_the_install_runs() -> None:
    for folder in ("usr/share/doc/app/database/", "docs/upgrade/"):
        assert codes_at({f"{folder}upgrade-2.7.postgre.sql": _UPGRADE_SQL}, UNLOCKED) == []


def test_upgrade_sql_outside_a_documentation_folder_or_run_by_a_step_is_still_read() -> None:
    # near miss: the same file where the product keeps its migrations
    assert codes_at({"usr/share/app/sql/upgrade-2.7.postgre.sql": _UPGRADE_SQL}, UNLOCKED) == [1]
    # near miss: a maintainer script feeds the documented file to psql: it is a step's SQL
    postinst = "#!/bin/sh\nset -e\npsql app < /usr/share/doc/app/database/upgrade-2.7.postgre.sql\n"
    files = {"postinst": postinst, "usr/share/doc/app/database/upgrade-2.7.postgre.sql": _UPGRADE_SQL}
    assert codes_at(files, UNLOCKED) == [1]
