"""Classes the forty-eighth hold-out set showed (tests/preflight/holdout48: upgrade and update scripts of self-hosted
products), each as its minimal construct next to a near-miss that must stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

EGRESS = "preflight.implicit_egress"
MIGRATION = "preflight.hidden_migration"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a dry-run switch in front of a command: with the switch off (the variable empty) the command runs ------------

DRY_RUN_SWITCH = _text(
    "#!/usr/bin/env bash",  # 1
    'if [ -z "${DRY_RUN}" ]; then',  # 2
    '  DRY=""',  # 3
    "else",  # 4
    '  DRY="echo"',  # 5
    "fi",  # 6
    "$DRY pip install -r requirements.txt || exit 1",  # 7
    "$DRY python manage.py migrate || exit 1",  # 8
)


def test_a_a_command_behind_an_empty_or_echo_switch_is_read_as_it_runs() -> None:
    assert codes_at({"scripts/upgrade.sh": DRY_RUN_SWITCH}, EGRESS) == [7]
    assert codes_at({"scripts/upgrade.sh": DRY_RUN_SWITCH}, MIGRATION) == [8]


def test_a_near_miss_a_prefix_that_always_prints_runs_nothing() -> None:
    always_printed = _text(
        "#!/usr/bin/env bash",
        'SHOW="echo"',  # never empty: the script only prints the commands
        "$SHOW pip install -r requirements.txt",
        "$SHOW python manage.py migrate",
    )
    assert codes_at({"scripts/upgrade.sh": always_printed}, EGRESS) == []
    assert codes_at({"scripts/upgrade.sh": always_printed}, MIGRATION) == []
