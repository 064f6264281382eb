"""Hostile scripts and SQL are read within bounds (nesting, node count, bytes), never by recursion or time."""

from __future__ import annotations

from preflight_kit import package, run

from shipgate.preflight.shell.reader import MAX_DEPTH, parse_script
from shipgate.preflight.sql import MAX_SQL_BYTES, parse_sql


def test_fifty_thousand_nested_quotes_stop_at_the_depth_bound() -> None:
    source = "echo " + '"$(echo ' * 50_000 + "x" + ')"' * 50_000 + "\n"
    script = parse_script(source[: 1024 * 1024], path="evil.sh")
    assert script.incomplete is not None and str(MAX_DEPTH) in script.incomplete


def test_deeply_nested_command_substitutions() -> None:
    script = parse_script("x=" + "$(" * 5000 + "id" + ")" * 5000 + "\nsudo true\n", path="evil.sh")
    assert script.incomplete is not None


def test_a_heredoc_that_never_ends_is_data() -> None:
    script = parse_script("cat <<EOF\n" + "sudo rm -rf /\n" * 20_000, path="evil.sh")
    assert [c.name for c in script.commands] == ["cat"]


def test_sql_over_the_bound_is_skipped_with_a_reason() -> None:
    sql = parse_sql("x" * (MAX_SQL_BYTES + 1), path="huge.sql")
    assert sql.statements == () and sql.skipped and "bound" in sql.skipped


def test_an_over_bound_script_says_so() -> None:
    deep = "x=" + "$(" * 5000 + "id" + ")" * 5000 + "\n"
    found = run(package({"scripts/evil.sh": "#!/bin/sh\n" + deep}))
    assert [(f.code, f.evidence.get("partial")) for f in found if f.code == "preflight.file_skipped"] == [
        ("preflight.file_skipped", True)
    ]
