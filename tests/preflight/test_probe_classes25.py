"""Classes found by probing the readers with constructs installers use (session 25; not from a hold-out set): each as
its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

import pytest
from preflight_kit import in_script

PROTECTION = "preflight.protection_disabled"


@pytest.mark.parametrize(
    "line",
    ["echo 0 > /sys/fs/selinux/enforce", "printf '0' > /selinux/enforce", "echo -n 0 >/sys/fs/selinux/enforce"],
)
def test_selinux_switched_to_permissive_through_selinuxfs(line: str) -> None:
    assert in_script(PROTECTION, line) == [3]


@pytest.mark.parametrize(
    "line",
    [
        "echo 1 > /sys/fs/selinux/enforce",
        "cat /sys/fs/selinux/enforce",
        'echo "echo 0 > /sys/fs/selinux/enforce"',
        "echo 0 > /tmp/enforce",
    ],
)
def test_selinuxfs_near_misses(line: str) -> None:
    assert in_script(PROTECTION, line) == []
