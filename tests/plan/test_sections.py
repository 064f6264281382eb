"""Each section of the plan from its inputs, one risk per test: rollback classifications and their
findings, the window's parts and its two findings, Before's steps, After's items, the renderings."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from shipgate.findings import Finding, Severity
from shipgate.inventory import Inventory
from shipgate.package.manifest import Manifest, parse_manifest
from shipgate.plan.build import make_plan
from shipgate.plan.config_files import ConfigFile
from shipgate.plan.index import IndexedFile, Located, PackageIndex
from shipgate.plan.inputs import PlanInputs
from shipgate.plan.render_html import render_plan_html
from shipgate.plan.render_text import render_plan_markdown, render_plan_text
from shipgate.plan.rollback import classify

MIGRATION = "db/migrations/0042_routes.sql"


def manifest(**fields: object) -> Manifest:
    doc = {"manifest_version": 1, "package": {"name": "dten", "version": "7.4.0", "vendor": "Example Networks"},
           "files": [], **fields}
    parsed, findings = parse_manifest(json.dumps(doc))
    assert parsed is not None, findings
    return parsed


def index(*, statements: tuple[Located, ...] = (), commands: tuple[Located, ...] = (),
          files: tuple[str, ...] = (), **parts: object) -> PackageIndex:
    return PackageIndex(
        name="dten", version="7.4.0", vendor="Example Networks", sha256="f" * 64, size=1,
        files=tuple(IndexedFile(path=p, digest="sha256:00", size=1) for p in (MIGRATION, *files)),
        statements=statements, commands=commands, **parts,  # type: ignore[arg-type]
    )


def statement(reversibility: str, line: int = 1, *, rewrites: bool = False, table: str = "routes") -> Located:
    return Located(what="…", file=MIGRATION, line=line, kind="alter_table",
                   detail={"text": f"statement {line}", "tables": [table], "reversibility": reversibility,
                           "rewrites_table": rewrites})


@pytest.mark.parametrize(
    ("reversibilities", "expected"),
    [(["reversible"], "reversible"), (["reversible", "data_loss"], "data_loss"),
     (["data_loss", "irreversible", "reversible"], "irreversible"), ([], "unknown")],
)
def test_a_migration_is_as_reversible_as_its_least_reversible_statement(reversibilities: list[str],
                                                                         expected: str) -> None:
    assert classify(reversibilities) == expected


def test_irreversible_without_backup_is_high_and_a_backup_step_clears_it() -> None:
    inputs = PlanInputs(manifest=manifest(migrations=[MIGRATION]),
                        index=index(statements=(statement("reversible", 1), statement("irreversible", 2))))
    plan = make_plan(inputs)
    [m] = plan.rollback.migrations
    assert (m.classification, m.tables, m.down) == ("irreversible", ("routes",), None)
    [high] = [f for f in plan.findings if f.code == "plan.irreversible_without_backup"]
    assert high.severity is Severity.HIGH and "line 2: statement 2" in high.message
    backed_up = index(statements=m_statements(), commands=(Located(what="pg_dump dten", file="scripts/pre.sh",
                                                                   line=3, kind="backup-database"),))
    plan = make_plan(PlanInputs(manifest=manifest(migrations=[MIGRATION]), index=backed_up))
    assert "plan.irreversible_without_backup" not in {f.code for f in plan.findings}
    assert plan.rollback.database_backup == "scripts/pre.sh:3"


def m_statements() -> tuple[Located, ...]:
    return (statement("irreversible", 2),)


@pytest.mark.parametrize("down", ["db/migrations/0042_routes.down.sql", "db/migrations/down/0042_routes.sql",
                                  "db/migrations/0042_rollback.sql"])
def test_a_shipped_down_migration_is_found(down: str) -> None:
    plan = make_plan(PlanInputs(manifest=manifest(migrations=[MIGRATION]),
                                index=index(statements=(statement("data_loss"),), files=(down,))))
    assert plan.rollback.migrations[0].down == down
    assert plan.rollback.steps[0].text == f"{MIGRATION}: data loss; run {down}"


def test_window_parts_and_findings() -> None:
    inputs = PlanInputs(
        manifest=manifest(migrations=[MIGRATION], services=["a.service", "b.service"], reboot="required",
                          downtime="10m"),
        index=index(statements=(statement("reversible", rewrites=True), statement("reversible", 2, rewrites=True,
                                                                                  table="events"))),
        inventory=Inventory(table_rows={"public.routes": 3_000_000}),
        window=timedelta(minutes=20),
    )
    plan = make_plan(inputs)
    parts = {p.what: p.seconds for p in plan.window.parts}
    assert parts == {"stop and start a.service": 60, "stop and start b.service": 60, "reboot": 300,
                     f"migration {MIGRATION}": 120, "rewrite of routes": 60.0, "rewrite of events": 600,
                     "health check": 120}
    assert plan.window.buffer == timedelta(seconds=660)  # half of 1320 s
    assert plan.window.estimate == timedelta(seconds=1980)
    codes = {f.code: f for f in plan.findings}
    assert codes["plan.window_understated"].severity is Severity.MEDIUM
    assert codes["plan.window_too_short"].severity is Severity.HIGH
    unknown = next(p for p in plan.window.parts if p.what == "rewrite of events")
    assert "[database.tables]" in unknown.why


def test_an_ample_window_and_an_empty_package_raise_nothing() -> None:
    plan = make_plan(PlanInputs(manifest=manifest(downtime="1h", services=["a.service"]), index=index(),
                                window=timedelta(hours=2)))
    assert not {f.code for f in plan.findings} & {"plan.window_understated", "plan.window_too_short"}
    assert plan.window.buffer == timedelta(minutes=5)  # at least MIN_BUFFER


def test_before_lists_config_dependency_and_trust_steps() -> None:
    findings = (
        Finding(code="preflight.dependency_unsatisfied", severity=Severity.HIGH, message="openssl 1.1 < 3.0",
                evidence={"file": "manifest.json", "line": 9, "dependency": "openssl", "constraint": ">=3.0"}),
        Finding(code="trust.unknown_issuer", severity=Severity.CRITICAL, message="unknown issuer",
                evidence={"issuer": "CN=CA 2026", "remedy_command": "shipgate advisories sync --vendor X SRC"}),
    )
    advisory = {"id": "EXN-1", "kind": "config-change", "renamed": {"dten.a": "dten.b"}}
    plan = make_plan(PlanInputs(
        manifest=manifest(config={"required": {"dten.hybrid.enable": True}, "removed": ["dten.legacy.mode"]}),
        index=index(), inventory=Inventory(config={"dten.legacy.mode": "on", "dten.a": 1, "dten.hybrid.enable": True}),
        advisories=(advisory,), findings=findings))
    texts = [s.text for s in plan.before]
    assert texts[:2] == ["Upgrade openssl to >=3.0 first",
                         "Make CN=CA 2026 trusted: shipgate advisories sync --vendor X SRC (or pin the root after "
                         "checking it)"]
    assert 'Move dten.legacy.mode = "on": carry its intent to its replacement, then delete it' in texts
    assert "Rename dten.a to dten.b" in texts
    assert not any("dten.hybrid.enable" in t and t.startswith("Set") for t in texts)  # already set


def test_after_quotes_a_notice_for_a_flag_and_names_a_cron_jobs_user() -> None:
    idx = index(flags={"bin/dtend": ("dten.backoff.v2", "--verbose", "OTHER_VAR")},
                config={"c.toml": ConfigFile(path="c.toml", format="toml", keys={"dten.x": "1"})},
                jobs=(Located(what="*/15 * * * * dten /opt/dten/bin/prune", file="cron/dten", line=2, kind="cron",
                              detail={"user": "dten"}),))
    notice = {"id": "EXN-2026-0035", "kind": "notice", "text": "New retry backoff; gate with dten.backoff.v2=false"}
    plan = make_plan(PlanInputs(manifest=manifest(), index=idx, advisories=(notice,)))
    flag = next(s for s in plan.after if s.kind == "flag")
    assert "EXN-2026-0035: New retry backoff" in flag.why and flag.code is None
    assert [s.kind for s in plan.after] == ["flag", "job"]  # --verbose and OTHER_VAR are not the product's
    assert "runs as dten" in plan.after[1].why
    assert "plan.undocumented_flag" not in {f.code for f in plan.findings}


def test_renderings_escape_package_content_and_keep_every_section() -> None:
    idx = index(jobs=(Located(what="<script>alert(1)</script> | `x` *y*", file="cron/x", line=1, kind="cron"),))
    plan = make_plan(PlanInputs(manifest=manifest(downtime="5m", services=["a.service"]), index=idx))
    page = render_plan_html(plan)
    assert "<script" not in page and "&lt;script&gt;" in page and "http" not in page.split("</style>")[1]
    markdown = render_plan_markdown(plan)
    assert "\\<script\\>alert(1)\\</script\\> \\| \\`x\\` \\*y\\*" in markdown
    assert [line for line in markdown.splitlines() if line.startswith("## ")] == [
        "## Findings", "## Before the window", "## The window", "## Rollback",
        "## After the upgrade (cleanup and decisions)", "## Status updates"]
    assert all(line.startswith("- [ ] ") for line in markdown.split("## The window")[1].splitlines()[2:4])
    text = render_plan_text(plan)
    for title in ("BEFORE", "WINDOW", "ROLLBACK", "AFTER (cleanup and decisions)", "STATUS TEMPLATE"):
        assert f"\n{title}\n" in text
    assert json.loads(json.dumps(plan.to_dict()))["schema"] == "shipgate.plan/v1"
