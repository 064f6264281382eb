"""The classes round five of the real-world set showed (tests/plan/realworld/README.md, "Round 5"), each with a
minimal construct and its near misses: stops asked of launchd, s6 and Kubernetes' scale to zero, a compose command
held in a variable the script does not set, copies kept beside their source under a dated name, a helper
function's copy read with the arguments it is called with, and the firewall's rules dumped to a backup name."""

from __future__ import annotations

import pytest
from test_script_facts import kinds, read


@pytest.mark.parametrize("line", [
    'launchctl unload "/Library/LaunchDaemons/x.plist"', "launchctl unload -w /Library/LaunchDaemons/x.plist",
    "launchctl bootout system /Library/LaunchDaemons/x.plist", "launchctl bootout system/com.example.agent",
    "launchctl stop com.example.agent", "launchctl remove com.example.agent",
    "launchctl kill SIGTERM system/com.example.agent", "launchctl kickstart -k system/com.example.agent",
    "s6-svscanctl -t /var/run/s6/services", "s6-svc -d /run/service/nginx", "s6-svc -wD -d /run/service/nginx",
    "s6-svc -r /run/service/app", "s6-rc -d change nginx",
    "kubectl scale --replicas=0 deployment web", "kubectl -n prod scale deploy/web --replicas 0",
])
def test_stops_asked_of_launchd_s6_and_kubernetes(line: str) -> None:
    assert "service-stop" in kinds(line)


@pytest.mark.parametrize("line", [
    "launchctl load -w /Library/LaunchDaemons/x.plist", "launchctl bootstrap system /Library/LaunchDaemons/x.plist",
    "launchctl start com.example.agent", "launchctl list | grep example", "launchctl kickstart system/com.x.agent",
    "launchctl enable system/com.example.agent", "s6-svc -u /run/service/nginx", "s6-svscanctl -h /run/service",
    "s6-rc -u change nginx", "kubectl scale --replicas=3 deployment web",
    "kubectl scale --current-replicas=0 --replicas=1 deployment web", "kubectl get deploy web",
])
def test_near_misses_that_start_look_or_resize(line: str) -> None:
    assert "service-stop" not in kinds(line)


@pytest.mark.parametrize("line", [
    "$dc down -t 60 --remove-orphans", "${dc} stop web", "$DOCKER_COMPOSE down",
    "$dc rm -fsv $($dc config --services | grep -v nginx)", "$compose_cmd restart worker",
])
def test_a_compose_command_from_an_unset_variable_named_for_it(line: str) -> None:
    assert "service-stop" in kinds(line)


@pytest.mark.parametrize("line", [
    "$dc up -d", "$dc pull", "$dc rm -f old", "$STD rm -rf /tmp/x", "$runner down",
    'dc="echo"\n$dc down', "$dc exec web ls",
])
def test_near_misses_of_the_compose_variable(line: str) -> None:
    assert "service-stop" not in kinds(line)


@pytest.mark.parametrize(("line", "kind"), [
    ('ENV_FILE=/data/app/.env\nDATE=$(date +%Y%m%d)\ncp "$ENV_FILE" "$ENV_FILE-$DATE"', "backup-config"),
    ('cp -f ikev2.sh "ikev2.sh.old-$(date +%F)"', "backup-data"),
    ("cp /etc/app/app.conf /etc/app/app.conf.20240101", "backup-config"),
    ('cp -a /var/lib/app "/var/lib/app.bak-$time_now"', "backup-data"),
])
def test_a_copy_kept_beside_its_source_under_a_dated_name(line: str, kind: str) -> None:
    assert kind in kinds(line)


@pytest.mark.parametrize("line", [
    "cp app.conf app.conf.new", 'cp app.sh "app.sh-$VERSION"', "cp app app-2", 'cp "x.$(date +%F)" x',
    'cp /etc/app.conf "/tmp/$(date +%F)"',
])
def test_copies_whose_new_name_is_no_backup(line: str) -> None:
    assert not {k for k in kinds(line) if k.startswith("backup-")}


def test_a_helper_functions_copy_is_read_with_its_calls_arguments() -> None:
    script = """keep() { cp -f "$1" "$1.old-$(date +%F)"; }
keep /etc/sysctl.conf
keep /etc/rc.local"""
    assert read(script) == {("backup-config", 1)}


def test_a_helper_called_with_no_place_it_names_keeps_data_beside_its_argument() -> None:
    script = """keep() { cp -f "$1" "$1.old-$(date +%F)"; }
keep ./state"""
    assert read(script) == {("backup-data", 1)}


def test_a_helper_that_copies_into_place_takes_no_backup() -> None:
    script = """put() { cp -f "$1" /etc/app/; }
put app.conf"""
    assert not {k for k in kinds(script) if k.startswith("backup-")}


@pytest.mark.parametrize("line", [
    'iptables-save > "/etc/iptables.rules.old-$(date +%F)"', "ip6tables-save > /root/ip6tables.bak",
    "iptables-save -f /root/rules.backup", "nft list ruleset > /root/nftables.conf.bak",
])
def test_the_firewalls_rules_dumped_to_a_backup_name(line: str) -> None:
    assert "backup-config" in kinds(line)


@pytest.mark.parametrize("line", [
    "iptables-save > /etc/iptables/rules.v4", "iptables-save | grep DROP", "nft list ruleset",
    "iptables-save 2> /tmp/err.bak", "nft list tables > /root/tables.bak",
])
def test_rule_dumps_that_keep_no_backup(line: str) -> None:
    assert not {k for k in kinds(line) if k.startswith("backup-")}
