"""Classes the 210th hold-out set showed (tests/preflight/holdout210: container entrypoints and start scripts),
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: newaliases rebuilds the system aliases database ---------------------------------------------------------------


def test_a_newaliases_needs_root() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "newaliases",  # 2
        "/usr/bin/newaliases 2>/dev/null || true",  # 3
        "exec dovecot -F",  # 4
    )
    assert codes_at({"start.sh": script}, PRIVILEGE) == [2, 3]


def test_a_root_checked_newaliases_and_a_lookup_stay_quiet() -> None:
    script = _text(
        "#!/bin/sh",
        'if [ "$(id -u)" = "0" ]; then newaliases; fi',
        "postalias -q root /etc/aliases",
        "exec dovecot -F",
    )
    assert codes_at({"start.sh": script}, PRIVILEGE) == []
