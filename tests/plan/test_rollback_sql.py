"""Rollback classification from the SQL as preflight's PostgreSQL parser reads it, through the whole
verification: each class, the high finding for an irreversible migration without a backup step, and the
backup steps (pg_dump; a copy of /etc/… to a backup place) that clear it."""

from __future__ import annotations

from pathlib import Path

import pytest

from shipgate.demo.build import PackageFile, PackageSpec
from shipgate.plan.model import Plan
from shipgate.verifier import verify_package

MIGRATION = "scripts/migrations/0043_change.sql"


def plan_of(tmp_path: Path, sql: str, *, pre: str = "") -> Plan:
    files = {
        MIGRATION: PackageFile(data=f"SET lock_timeout = '5s';\n{sql}\n".encode()),
        "scripts/pre-upgrade.sh": PackageFile(data=f"#!/bin/sh\nset -e\n{pre}\n".encode(), mode=0o755),
        "config/dten.conf": PackageFile(data=b"[routing]\nhybrid = auto\n"),
    }
    spec = PackageSpec(files=files, package={"name": "dten", "version": "7.4.0", "vendor": "V"},
                       fields={"migrations": [MIGRATION], "hooks": {"pre": "scripts/pre-upgrade.sh"}})
    report = verify_package(spec.build(tmp_path / "p.zip", signer=None), store=None, home=tmp_path / "home")
    assert report.plan is not None
    return report.plan


@pytest.mark.parametrize(
    ("sql", "classification"),
    [
        ("ALTER TABLE routes ADD COLUMN hybrid boolean DEFAULT false;", "reversible"),
        ("CREATE INDEX CONCURRENTLY routes_hybrid ON routes (hybrid);", "reversible"),
        ("UPDATE routes SET hybrid = true WHERE legacy;", "data_loss"),
        ("ALTER TABLE routes DROP COLUMN legacy;", "irreversible"),
        ("DROP TABLE legacy_routes;", "irreversible"),
        ("ALTER TABLE routes ADD COLUMN note text;\nALTER TABLE routes DROP COLUMN legacy;", "irreversible"),
    ],
)
def test_each_classification_from_the_parsed_sql(tmp_path: Path, sql: str, classification: str) -> None:
    [migration] = plan_of(tmp_path, sql).rollback.migrations
    assert migration.classification == classification
    assert migration.statements[-1]["line"] == sql.count("\n") + 2  # the statement's own line (after SET)
    irreversible = [f for f in plan_of(tmp_path, sql).findings if f.code == "plan.irreversible_without_backup"]
    assert bool(irreversible) == (classification == "irreversible")


def test_a_database_backup_step_clears_the_irreversible_finding(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, "ALTER TABLE routes DROP COLUMN legacy;",
                   pre="pg_dump -Fc dten > /var/backups/dten-before-7.4.dump")
    assert plan.rollback.database_backup == "scripts/pre-upgrade.sh:3"
    assert "plan.irreversible_without_backup" not in {f.code for f in plan.findings}


def test_a_configuration_backup_step_is_found_and_a_plain_install_is_not_one(tmp_path: Path) -> None:
    backed = plan_of(tmp_path, "SELECT 1;", pre="cp -a /etc/dten/dten.conf /var/backups/dten.conf.bak")
    assert backed.rollback.config_backup == "scripts/pre-upgrade.sh:3"
    assert "plan.config_backup_missing" not in {f.code for f in backed.findings}
    installs = plan_of(tmp_path, "SELECT 1;", pre="install -m 0640 config/dten.conf /etc/dten/dten.conf")
    assert installs.rollback.config_backup is None
    assert "plan.config_backup_missing" in {f.code for f in installs.findings}
