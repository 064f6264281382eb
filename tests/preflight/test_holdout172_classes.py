"""Classes the 172nd hold-out set showed (tests/preflight/holdout172: container entrypoints and start scripts),
each as its minimal construct next to a near-miss that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

PRIVILEGE = "preflight.implicit_privilege"
CREDENTIAL = "preflight.hardcoded_credential"


def _text(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# -- A: the network configuration changed (interfaces, addresses, routes, a WireGuard tunnel) ------------------------


def test_a_interfaces_routes_and_tunnels_changed_need_root() -> None:
    script = _text(
        "#!/bin/sh",  # 1
        "wg-quick up wg0",  # 2
        "ip route add 192.168.1.0/24 via 172.17.0.1",  # 3
        "ip -4 link set dev wg0 up",  # 4
        "ip -n vpn addr flush dev eth0",  # 5
        "route add default gw 10.0.0.1",  # 6
        "wg set wg0 peer abc= endpoint 1.2.3.4:51820",  # 7
        "shutdown() {",  # 8
        "    wg-quick down wg0",  # 9
        "}",  # 10
        "trap shutdown TERM",  # 11
        "sleep infinity",  # 12
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == [2, 3, 4, 5, 6, 7, 9]


def test_a_reading_the_network_configuration_and_a_root_checked_change_stay_quiet() -> None:
    script = _text(
        "#!/bin/sh",
        "gw=$(ip route | grep default | awk '{print $3}')",
        "net=$(ip -o addr show dev eth0)",
        "ip route get 1",
        "ip -f inet route list",
        "ip netns exec vpn curl -s http://localhost/",
        "route -n",
        "wg show wg0 fwmark",
        "wg-quick strip wg0 > /tmp/wg0.conf",
        'if [ "$(id -u)" -eq 0 ]; then ip route add 10.0.0.0/8 via "$gw"; wg-quick up wg0; fi',
        'exec "$@"',
    )
    assert codes_at({"entrypoint.sh": script}, PRIVILEGE) == []


# -- B: the output redirection of a string run as shell ---------------------------------------------------------------


def test_b_a_redirect_of_eval_or_sh_c_writes_its_file() -> None:
    script = _text(
        'eval "cat <<EOF',  # 1
        "$(</tmp/config.toml)",  # 2
        "EOF",  # 3
        '" > /etc/runner/config.toml',  # 4
        'sh -c "envsubst < /tmp/app.tpl" > /etc/app.conf',  # 5
        'bash -c "$RENDER" >> /etc/app.d/extra.conf',  # 6
        "exec runner run",  # 7
    )
    assert codes_at({"configure.sh": script}, PRIVILEGE) == [4, 5, 6]


def test_b_a_redirect_of_eval_outside_system_directories_or_over_an_inner_write_stays_quiet() -> None:
    script = _text(
        "#!/bin/sh",
        'eval "cat <<EOF',
        "$(</tmp/config.toml)",
        "EOF",
        '" > /tmp/config.rendered',
        'sh -c "envsubst < /tmp/app.tpl > /srv/app/app.conf" > /tmp/render.log',
        'eval "echo hello"',
        'exec "$@"',
    )
    assert codes_at({"configure.sh": script}, PRIVILEGE) == []


# -- C: a literal password to MongoDB's shell ------------------------------------------------------------------------


def test_c_a_literal_password_after_mongosh_p() -> None:
    script = _text(
        "#!/bin/bash",  # 1
        "mongosh -u admin -p adminpassword <<EOF",  # 2
        "rs.initiate();",  # 3
        "EOF",  # 4
        "mongodump -u backup -p s3cretBackup --out /backup",  # 5
    )
    assert codes_at({"entrypoint.sh": script}, CREDENTIAL) == [2, 5]


def test_c_a_password_from_a_variable_or_the_prompt_stays_quiet() -> None:
    script = _text(
        "#!/bin/bash",
        'mongosh -u admin -p "$MONGO_PASSWORD" --eval "rs.status()"',
        "mongosh -u admin -p --authenticationDatabase admin",
        "mongo --port 27017 -p",
    )
    assert codes_at({"entrypoint.sh": script}, CREDENTIAL) == []
