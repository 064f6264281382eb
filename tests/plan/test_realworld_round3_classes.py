"""The classes round three of the real-world set showed (tests/plan/realworld/README.md, "Round 3"), each with a
minimal construct and its near misses: firewall changes (and reading the rules, which changes nothing), the
firewall's own units (a firewall change, not an interruption), reboots and restarts through commands named for
them, ``systemctl disable --now``, snap services, upstart, and backups kept by ``sed -i.bak``, by an ``…old…``
copy and by a move the script leaves in place."""

from __future__ import annotations

import pytest
from test_script_facts import kinds, read


@pytest.mark.parametrize("line", [
    "iptables -D FORWARD -s 10.1.0.0/16 -j ACCEPT", "iptables-nft -A INPUT -p tcp --dport 22 -j ACCEPT",
    "ip6tables -t nat -I POSTROUTING -s fd00::/64 -j MASQUERADE", "iptables -P FORWARD DROP", "iptables -F",
    "iptables-restore < /etc/iptables/rules.v4", "nft add rule inet filter input tcp dport 22 accept",
    "nft -f /etc/nftables.conf", "ufw --force enable", 'ufw allow from "$admin" to any port 22 proto tcp',
    "ufw default deny incoming", "firewall-cmd --permanent --add-service=app", "firewall-cmd --reload",
    "firewall-cmd --zone=trusted --remove-source=10.8.0.0/24",
    "firewall-cmd --direct --add-rule ipv4 nat POSTROUTING 0 -s 10.8.0.0/24 -j SNAT --to 1.2.3.4",
    "vpn-server-node-generate-firewall --install",
])
def test_firewall_changes(line: str) -> None:
    assert "firewall" in kinds(line)


@pytest.mark.parametrize("line", [
    "iptables -L -n", "iptables -S FORWARD", "iptables -C INPUT -p tcp --dport 22 -j ACCEPT", "iptables-save",
    "nft list ruleset", "ufw status verbose", "ufw app list", "firewall-cmd --state",
    "firewall-cmd --list-all", 'ip=$(firewall-cmd --direct --get-rules ipv4 nat POSTROUTING)',
    "firewall-cmd --query-service=ssh", "semanage port -a -t openvpn_port_t -p udp 1194", "ip link delete cni0",
    "rm -rf /etc/ufw/applications.d/app", "check-firewall-status", 'echo "ExecStart=/sbin/iptables -A X"',
])
def test_reading_the_firewall_changes_nothing(line: str) -> None:
    assert "firewall" not in kinds(line)


@pytest.mark.parametrize("line", [
    "systemctl restart iptables", "systemctl enable --now firewalld.service", "service ufw restart",
    "systemctl disable --now openvpn-iptables.service", "systemctl reload nftables", "netfilter-persistent reload",
])
def test_the_firewalls_own_unit_is_a_firewall_change_not_an_interruption(line: str) -> None:
    found = kinds(line)
    assert "firewall" in found and "service-stop" not in found


@pytest.mark.parametrize("line", [
    "systemctl enable iptables", "systemctl status firewalld", "systemctl is-active --quiet firewalld.service",
    "systemctl restart nginx",
])
def test_firewall_units_looked_at_or_enabled_for_later_change_nothing_now(line: str) -> None:
    assert "firewall" not in kinds(line)


@pytest.mark.parametrize("line", [
    "systemctl disable --now app.service", "systemctl mask --now app", "snapctl stop ${SNAP_NAME}.daemon-kubelet",
    "snap restart lxd", "restart mongod", "stop mongod", "/usr/local/etc/rc.restart_webgui", "node-red-stop",
])
def test_stops_and_restarts_through_other_commands(line: str) -> None:
    assert "service-stop" in kinds(line)


@pytest.mark.parametrize("line", [
    "systemctl disable app.service", "systemctl enable --now app", "snapctl start x.daemon", "snap install lxd",
    "needrestart -b", "start mongod", "restart() { echo again; }\nrestart", "stop_app() { echo stopping; }\nstop_app",
    "echo restart", "db_stop", "systemctl restart iptables",
])
def test_commands_that_only_name_a_stop_or_restart(line: str) -> None:
    assert "service-stop" not in kinds(line)


@pytest.mark.parametrize("line", ["/usr/local/etc/rc.reboot", "/home/pi/firewalla/scripts/fire-reboot-normal",
                                  "reboot now"])
def test_reboots_through_commands_named_for_them(line: str) -> None:
    assert "reboot" in kinds(line)


@pytest.mark.parametrize("line", ["check-reboot-required", "needs-reboot", "echo '***REBOOT***' >> progress",
                                  "reboot_host() { echo later; }\nreboot_host", "sync"])
def test_names_that_only_ask_about_a_reboot(line: str) -> None:
    assert "reboot" not in kinds(line)


@pytest.mark.parametrize(("line", "kind"), [
    ("sed -E -i.bak 's/a/b/' \"$ROOT/config/variables.env\"", "backup-config"),
    ("sed --in-place=.orig -e 's/a/b/' /etc/app/app.conf", "backup-config"),
    ('cp "$ROOT/config/version" "$ROOT/config/__old-version"', "backup-config"),
    ('cp -ra /opt/mattermost/ "/opt/mattermost-back-$(date +%F)/"', "backup-data"),
    ("mv /srv/app/config.js /srv/app/config.backup.js", "backup-config"),
    ("bash database-backup.sh", "backup-database"),
    ("perl -pi.orig -e 's/a/b/' /etc/app/app.ini", "backup-config"),
])
def test_backups_kept_by_edits_copies_and_moves(line: str, kind: str) -> None:
    assert kind in kinds(line)


@pytest.mark.parametrize("line", [
    "sed -i 's/a/b/' /etc/app/app.conf", "sed -i.bak 's/a/b/' ./build/generated.txt",
    'cp "$ROOT/lib/seed/version" "$ROOT/config/version"', "cp -an /tmp/new/. /opt/mattermost/",
    "mv /opt/app /opt/app-backup\nrm -rf /opt/app-backup", "mv /opt/site /tmp/site\nmv /tmp/site /opt/site",
    "bash database-restore.sh", "mv -vf /etc/logrotate.d/app /etc/logrotate.d/app.conf",
])
def test_edits_copies_and_moves_that_keep_nothing(line: str) -> None:
    assert not {k for k in kinds(line) if k.startswith("backup-")}


def test_a_command_run_by_a_path_whose_directory_is_known_only_at_run_time_is_read_by_its_last_part() -> None:
    found = read('ROOT="$(realpath "$(dirname "$0")/..")"\n"$ROOT/bin/docker-compose" stop\n"$ROOT/bin/$tool" stop')
    assert ("service-stop", 2) in found and ("service-stop", 3) not in found


def test_a_move_kept_only_until_the_script_moves_it_back_is_no_backup() -> None:
    kept = read("mv /srv/app/config.js /srv/app/config.backup.js\necho done")
    undone = read("mv /srv/app/config.js /srv/app/config.backup.js\nmv /srv/app/config.backup.js /srv/app/config.js")
    assert ("backup-config", 1) in kept and not {k for k, _ in undone if k.startswith("backup-")}
