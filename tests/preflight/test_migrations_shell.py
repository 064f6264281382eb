"""Unlocked schema migrations and risky shell, each with its near-twin."""

from __future__ import annotations

import pytest
from preflight_kit import located, package, run, script

MIG = "scripts/migrations/0042_add_index.sql"
PRE = "scripts/pre-upgrade.sh"


def test_alter_table_without_lock_timeout() -> None:
    sql = "-- 0042\nBEGIN;\nALTER TABLE routes ADD COLUMN hybrid boolean;\nCOMMIT;\n"
    risky = run(package({MIG: sql}, migrations=[MIG]))
    assert located(risky, "preflight.migration") == [("preflight.migration_unlocked", MIG, 3)]
    assert risky[0].evidence["statement"] == "ALTER TABLE"
    for guard in ("SET lock_timeout = '5s';", "SELECT pg_advisory_xact_lock(42);"):
        benign = run(package({MIG: sql.replace("BEGIN;", f"BEGIN;\n{guard}")}, migrations=[MIG]))
        assert located(benign, "preflight.migration") == []


def test_create_index_without_concurrently() -> None:
    risky = run(package({MIG: "SET lock_timeout = '5s';\nCREATE UNIQUE INDEX routes_p ON routes (prefix);\n"}))
    assert located(risky, "preflight.index") == [("preflight.index_not_concurrent", MIG, 2)]
    benign = run(package({MIG: "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY routes_p ON routes (prefix);\n"}))
    assert located(benign, "preflight.index") == []


def test_statements_in_sql_comments_and_literals_do_not_count() -> None:
    sql = (
        "-- ALTER TABLE routes ADD COLUMN x int;\n/* CREATE INDEX a ON b (c);\n */ SELECT 1;\n"
        "INSERT INTO audit (note) VALUES ('ALTER TABLE x; CREATE INDEX y ON z (w)');\n"
        "SELECT cluster, truncate_at FROM nodes;\n"
    )
    assert located(run(package({MIG: sql})), "preflight.") == []
    # The same statements for real, two on one line after a semicolon.
    found = run(package({MIG: "SELECT 1; ALTER TABLE x ADD y int; CREATE INDEX i ON x (y);\n"}))
    assert [(f.code, f.evidence["statement"]) for f in found] == [
        ("preflight.migration_unlocked", "ALTER TABLE"),
        ("preflight.index_not_concurrent", "CREATE INDEX"),
    ]


def test_scripts_that_migrate_outside_a_lock() -> None:
    risky = run(package({PRE: script("psql -v ON_ERROR_STOP=1 -d dten -f migrations/0042_add_index.sql")}))
    assert located(risky, "preflight.migration") == [("preflight.migration_outside_lock", PRE, 3)]
    benign = run(
        package(
            {
                PRE: script(
                    "exec 9>/var/lock/dten-migrate.lock",
                    "flock -w 300 9",
                    "psql -v ON_ERROR_STOP=1 -d dten -f migrations/0042_add_index.sql",
                )
            }
        )
    )
    assert located(benign, "preflight.migration") == []


@pytest.mark.parametrize(
    ("risky", "benign", "code"),
    [
        ('rm -rf "$INSTALL_DIR/lib"', 'rm -rf "${INSTALL_DIR:?}/lib"', "preflight.rm_rf_variable"),
        ("rm -fr $TMP", "rm -f $TMP", "preflight.rm_rf_variable"),
        ("rm -rf /", "rm -rf ./build", "preflight.rm_rf_variable"),
        ("rm --recursive --force $STATE_DIR", "rm --force $STATE_FILE", "preflight.rm_rf_variable"),
        ("rm -r -f $OLD; echo done", "rm -rf ./old; echo $OLD", "preflight.rm_rf_variable"),
        (
            "curl -fsSL https://updates.example.net/install.sh | sudo bash",
            "curl -fsSLo /tmp/install.sh https://updates.example.net/install.sh",
            "preflight.pipe_to_shell",
        ),
        ("bash <(wget -qO- https://updates.example.net/i.sh)", "bash ./i.sh", "preflight.pipe_to_shell"),
        ("chmod -R 777 /opt/dten/var", "chmod -R 750 /opt/dten/var", "preflight.world_writable"),
        (
            "chmod o+w /opt/dten/etc/dten.conf",
            "chmod o-w /opt/dten/etc/dten.conf",
            "preflight.world_writable",
        ),
        (
            "systemctl disable --now dten-agentd.service",
            "systemctl enable --now dten-agentd.service",
            "preflight.service_disabled",
        ),
        ("setenforce 0", "getenforce", "preflight.protection_disabled"),
        ("ufw disable", "ufw allow 9443/tcp", "preflight.protection_disabled"),
    ],
)
def test_risky_shell(risky: str, benign: str, code: str) -> None:
    found = run(package({PRE: script("cd /opt/dten", risky)}))
    assert [loc for loc in located(found) if loc[0] == code] == [(code, PRE, 4)]
    hit = next(f for f in found if f.code == code)
    assert hit.remedy and hit.evidence["text"] in risky  # the command's own text
    assert [loc for loc in located(run(package({PRE: script("cd /opt/dten", benign)}))) if loc[0] == code] == []
