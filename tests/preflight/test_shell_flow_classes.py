"""Shell data-flow classes hold-out rounds 42 and 45 left (tests/preflight/holdout42 and holdout45, "Not changed"):
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import package, run

from shipgate.findings import Severity

ENDPOINT = "preflight.external_endpoint"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def _hosts(source: str, name: str = "install.sh") -> list[tuple[int | None, str]]:
    """(line, host) of every external_endpoint finding of a package of one script."""
    found = run(package({name: source}))
    return sorted(
        (f.evidence.get("line"), str(f.evidence.get("host")))
        for f in found
        if f.code == ENDPOINT and f.severity > Severity.INFO
    )


# -- 1: a variable given a URL in separate case items (or if/else branches) may hold either: each host is a contact --

CHANNELS = _text(
    "#!/bin/sh",  # 1
    "URL=",  # 2
    'case "$CHANNEL" in',  # 3
    '  stable) URL="https://downloads.vendor.example/static/$(uname -m)/app.tgz" ;;',  # 4
    '  nightly) URL="https://nightly.vendor.example/$(uname -m)/app.tgz" ;;',  # 5
    "esac",  # 6
    "fetch() {",  # 7
    '  curl -L -o app.tgz "$URL"',  # 8
    "}",  # 9
    "fetch",  # 10
)


def test_1_every_case_items_host_is_a_contact_also_from_a_function() -> None:
    assert _hosts(CHANNELS) == [(8, "downloads.vendor.example"), (8, "nightly.vendor.example")]


def test_1_near_miss_a_value_overwritten_on_every_path_is_no_alternative() -> None:
    overwritten = _text(
        "#!/bin/sh",
        'case "$CHANNEL" in',
        "  stable) URL=https://downloads.vendor.example/app.tgz ;;",
        "esac",
        "URL=https://mirror.vendor.example/app.tgz",
        'curl -L -o app.tgz "$URL"',
    )
    assert _hosts(overwritten) == [(6, "mirror.vendor.example")]
    straight = _text(
        "#!/bin/sh",
        "URL=https://downloads.vendor.example/app.tgz",
        "URL=https://mirror.vendor.example/app.tgz",
        'curl -L -o app.tgz "$URL"',
    )
    assert _hosts(straight) == [(4, "mirror.vendor.example")]
