"""Classes the hundred-and-eighty-second hold-out set showed (tests/preflight/holdout182: CLI tool and agent
installers that download a release and put it on PATH), each as its minimal construct next to a near-miss that must
stay quiet or stay reported."""

from __future__ import annotations

from preflight_kit import codes_at

RM_RF = "preflight.rm_rf_variable"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- E: a mktemp fallback whose first alternative only silences its errors ----------------------------------------------

QUIET_FALLBACK = _text(
    "#!/usr/bin/env sh",  # 1
    "set -eu",  # 2
    'TMP_DIR="$(mktemp -d 2>/dev/null || mktemp -d -t vix)"',  # 3
    'cleanup() { rm -rf "$TMP_DIR"; }',  # 4
    "trap cleanup EXIT INT TERM",  # 5
)


def test_e_mktemp_with_stderr_silenced_or_mktemp_is_a_temporary_directory() -> None:
    assert codes_at({"install.sh": QUIET_FALLBACK}, RM_RF) == []


def test_e_near_miss_an_alternative_whose_output_is_discarded_is_no_mktemp_value() -> None:
    discarded = _text(
        "#!/usr/bin/env sh",
        'TMP_DIR="$(mktemp -d >/dev/null || mktemp -d -t vix)"',  # 2: the first alternative prints nothing
        'rm -rf "$TMP_DIR"',  # 3
        'WORK="$(mktemp -d 2>/dev/null || echo "$BASE")"',  # 4: empty when BASE is
        'rm -rf "$WORK"',  # 5
    )
    assert codes_at({"install.sh": discarded}, RM_RF) == [3, 5]
