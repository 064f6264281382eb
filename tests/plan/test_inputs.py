"""The plan's new inputs: the manifest's `upgrades_from` and `downtime` (a bad value is a finding naming
the field, never a traceback) and the inventory's `[database.tables]` row counts (an operator mistake is a
usage error naming the field)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from shipgate.errors import MalformedInput
from shipgate.inventory import Inventory
from shipgate.package.manifest import parse_manifest

BASE = {"manifest_version": 1, "package": {"name": "dten", "version": "7.4.0", "vendor": "V"}, "files": []}


def test_upgrades_from_as_a_constraint_or_a_list() -> None:
    one, _ = parse_manifest(json.dumps({**BASE, "upgrades_from": ">=7.3,<7.4"}))
    assert one is not None and [c.text for c in one.upgrades_from] == [">=7.3,<7.4"]
    many, _ = parse_manifest(json.dumps({**BASE, "upgrades_from": ["7.3.1", "~=7.2.0"]}))
    assert many is not None and [c.admits("7.3.1") for c in many.upgrades_from] == [True, False]


@pytest.mark.parametrize(
    ("field", "value", "where"),
    [("upgrades_from", ">>7", "upgrades_from"), ("upgrades_from", ["7.3", 5], "upgrades_from[1]"),
     ("downtime", "a while", "downtime"), ("downtime", True, "downtime"), ("downtime", "-5m", "downtime")],
)
def test_a_bad_value_is_a_finding_naming_the_field(field: str, value: object, where: str) -> None:
    manifest, findings = parse_manifest(json.dumps({**BASE, field: value}))
    assert manifest is not None
    assert [(f.code, f.path) for f in findings] == [("manifest.field_invalid", where)]


def test_downtime_spellings() -> None:
    for value, minutes in (("5m", 5), ("PT1H", 60), (15, 15)):
        manifest, _ = parse_manifest(json.dumps({**BASE, "downtime": value}))
        assert manifest is not None and manifest.downtime == timedelta(minutes=minutes)


def test_inventory_table_rows() -> None:
    inventory = Inventory.parse('[database]\nengine = "postgresql"\n[database.tables]\nroutes = 12\n'
                                '"audit.events" = 5\npublic.users = 7\n')
    assert inventory.table_rows == {"routes": 12, "audit.events": 5, "public.users": 7}
    assert inventory.rows_of("public.routes") == 12 and inventory.rows_of("ROUTES") == 12
    assert inventory.rows_of("audit.events") == 5 and inventory.rows_of("users") == 7
    assert inventory.rows_of("sessions") is None
    assert inventory.extra["database"] == {"engine": "postgresql"}


@pytest.mark.parametrize("value", ['"many"', "-1", "1.5", "true"])
def test_inventory_row_count_must_be_a_whole_number(value: str) -> None:
    with pytest.raises(MalformedInput, match=r"database\.tables\.routes: must be a row count"):
        Inventory.parse(f"[database.tables]\nroutes = {value}\n")
