"""Classes of mistakes the sixth hold-out set found (tests/preflight/holdout6), each as its minimal construct next to
a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import package, run, script

from shipgate.findings import Severity


def codes_at(files: dict[str, str | bytes], code: str) -> list[int | None]:
    """Lines of the findings above info with ``code``."""
    found = run(package(files))
    return sorted(f.evidence.get("line") for f in found if f.code == code and f.severity > Severity.INFO)


def in_script(code: str, *lines: str) -> list[int | None]:
    return codes_at({"scripts/upgrade.sh": script(*lines)}, code)


def test_a_prefix_variable_the_file_never_sets_runs_the_command_after_it() -> None:
    # ``STD`` comes from a sourced library (community-scripts' ``$STD apt-get``): apt-get is what runs
    assert in_script("preflight.implicit_egress", '$STD apt-get install -y curl') == [3]
    assert in_script("preflight.implicit_privilege", '$STD apt-get install -y curl') == [3]
    assert in_script("preflight.implicit_egress", 'PREFIX="${DTEN_PREFIX:-}"', "$PREFIX yum -y install dten") == [4]
    # a variable that is itself the program (its value unknown) is not skipped: ``$DTEN install`` is dten's own verb
    assert in_script("preflight.implicit_privilege", "$DTEN install /usr/local/bin/dten") == []
