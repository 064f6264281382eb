"""Classes the hold-out set 190's first run showed (tests/preflight/holdout190/README.md), each with a near-miss."""

from __future__ import annotations

from preflight_kit import in_script


def test_a_disable_the_same_line_undoes_is_no_disable() -> None:
    # a reset: disabled, stopped, enabled and started again in one list, the unit ends enabled
    reset = "systemctl disable dten-relay; systemctl stop dten-relay; systemctl enable dten-relay; systemctl start dten-relay"
    assert in_script("preflight.service_disabled", reset) == []
    # near-misses: enabled first and disabled after it on the same line, or another unit enabled, stays off
    assert in_script("preflight.service_disabled", "systemctl enable dten-relay; systemctl disable dten-relay") == [3]
    assert in_script("preflight.service_disabled", "systemctl disable dten-relay; systemctl enable dten-web") == [3]

