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


# -- B: a stream editor without -i prints its edit, the secret filled in ---------------------------------------------

PRINTED = "preflight.secret_printed"


def test_b_sed_without_in_place_prints_the_secret_it_fills_in() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        "SETTINGS=/etc/app/settings.json",  # 2
        'sed -i.bak -e "s/@auth@/true/" $SETTINGS',  # 3
        'sed $SETTINGS -e "s/@password@/$ADMIN_PASS/" $SETTINGS',  # 4
        'sed "s/@token@/${API_TOKEN}/" /tpl/app.conf',  # 5
        "exec app",  # 6
    )
    assert codes_at({"run.sh": script}, PRINTED) == [4, 5]


def test_b_sed_editing_in_place_or_into_a_file_stays_quiet() -> None:
    script = _text(
        "#!/bin/bash",
        'sed -i "s/@password@/$ADMIN_PASS/" /etc/app/settings.json',
        'sed -ri.bak -e "s/@password@/$ADMIN_PASS/" /etc/app/settings.json',
        'sed --in-place=.orig "s/@password@/$ADMIN_PASS/" /etc/app/settings.json',
        'sed "s/@password@/$ADMIN_PASS/" /tpl/settings.json > /etc/app/settings.json',
        'sed -n "s/@password@/$ADMIN_PASS/" /tpl/settings.json',
        'sed "s/@password@/$ADMIN_PASS/" /tpl/init.sql | mysql',
        'conf="$(sed "s/@password@/$ADMIN_PASS/" /tpl/settings.json)"',
        'sed "s/@port@/$APP_PORT/" /tpl/settings.json',
        "exec app",
    )
    assert codes_at({"run.sh": script}, PRINTED) == []


# -- C: a state folder the script gives its account only when root ---------------------------------------------------


def test_c_write_into_the_state_folder_given_when_root_stays_quiet() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'cp "$SAVED" /var/lib/act_runner/.runner',  # 2
        'if [ "$(id -u)" = "0" ]; then chown -R act_runner:act_runner /var/lib/act_runner; fi',  # 3
        "exec act_runner daemon",  # 4
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == []


def test_c_other_folders_and_an_unchecked_chown_still_need_root() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        'cp "$SAVED" /var/lib/act_runner/.runner',  # 2
        'cp "$CONF" /etc/act_runner/config.yaml',  # 3
        'cp "$CACHE" /var/lib/other/cache',  # 4
        'if [ "$(id -u)" = "0" ]; then chown -R act_runner:act_runner /var/lib/act_runner; fi',  # 5
        "exec act_runner daemon",  # 6
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == [3, 4]
    unchecked = _text(
        "#!/bin/sh",  # 1
        'cp "$SAVED" /var/lib/act_runner/.runner',  # 2
        "chown -R act_runner:act_runner /var/lib/act_runner",  # 3
        "exec act_runner daemon",  # 4
    )
    assert codes_at({"entrypoint.sh": unchecked}, PRIVILEGE) == [2, 3]
