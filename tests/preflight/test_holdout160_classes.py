"""Classes the 160th hold-out set showed (tests/preflight/holdout160: container entrypoints and start scripts),
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: a device node made by hand under /dev ------------------------------------------------------------------------


def test_a_device_node_and_its_directory_under_dev_need_root() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "mkdir -p /dev/net",  # 2
        "if [ ! -c /dev/net/tun ]; then",  # 3
        "    mknod /dev/net/tun c 10 200",  # 4
        "fi",  # 5
        "mknod -m 600 /tmp/tap0 b 7 0",  # 6
        'exec "$@"',  # 7
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == [2, 4, 6]


def test_a_fifo_shared_memory_and_a_root_checked_node_stay_quiet() -> None:
    script = _text(
        "#!/bin/sh",
        "mknod /tmp/app.pipe p",
        "mkfifo /tmp/app.fifo",
        "mkdir -p /dev/shm/app",
        "mkdir -p /tmp/dev/net",
        'if [ "$(id -u)" -eq 0 ]; then mkdir -p /dev/net; mknod /dev/net/tun c 10 200; fi',
        'exec "$@"',
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == []

