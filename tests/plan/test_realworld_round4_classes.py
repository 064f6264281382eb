"""The classes round four of the real-world set showed (tests/plan/realworld/README.md, "Round 4"), each with a
minimal construct and its near misses: the host taken down (power-off, OpenWrt's ``sysupgrade``, a vendor's reboot
script run through ``sh``), processes ended by a signal, a product's stop script, a stop asked of the machine's own
API, a command word whose variable holds another command in another branch, and a copy kept beside what it copies."""

from __future__ import annotations

import pytest
from test_script_facts import kinds, read


@pytest.mark.parametrize("line", [
    "poweroff", "halt", "shutdown -h now", "shutdown now", "systemctl poweroff", "init 0", "sysupgrade -v /tmp/fw.bin",
    'sysupgrade -n "$image"', "sh /etc/rc.reboot", "bash /usr/local/sbin/rc.reboot",
])
def test_the_host_taken_down(line: str) -> None:
    assert "reboot" in kinds(line)


@pytest.mark.parametrize("line", [
    "shutdown -c", "shutdown -k now", "poweroff --help", "halt -w", "sysupgrade -T /tmp/fw.bin", "sysupgrade -l",
    "sysupgrade -b /tmp/backup.tar.gz", "sysupgrade", "sh /usr/local/bin/check-reboot.sh", "sh -n /etc/rc.reboot",
    "poweroff() { echo not now; }\npoweroff",
])
def test_near_misses_that_keep_the_host_up(line: str) -> None:
    assert "reboot" not in kinds(line)


@pytest.mark.parametrize("line", [
    "kill -SIGTERM $(pidof k3s)", 'kill "$(cat /run/app.pid)"', "kill -9 1234", "kill -s KILL 1234",
    'pkill -f "./karen"', "pkill -9 -u emqx", "killall -w ntpd", "killall -s TERM nginx", "pkill -INT app",
    "./scripts/stop", "sh bin/stop.sh", "initctl restart zammad",
    "curl -sSL -X POST http://localhost:8081/api/docker/composes/measurement/stop",
    "curl -XPOST http://127.0.0.1:9000/api/v1/services/web/restart",
    "wget -qO- --post-data='' http://localhost:8080/shutdown",
])
def test_stops_by_signal_stop_script_and_local_api(line: str) -> None:
    assert "service-stop" in kinds(line)


@pytest.mark.parametrize("line", [
    "kill -0 1234", "kill -HUP $(cat /run/nginx.pid)", "kill -USR1 `cat /tmp/nginx.pid`", "pkill -HUP php-cgi",
    "kill -l", "sleep 100 &\nkill $!", "tail -f log &\nTAIL=$!\nkill $TAIL", "kill %1", "kill -9 $$",
    "./scripts/start", "stop", "curl http://localhost:8081/api/stop", "curl -X POST https://api.example.com/stop",
    "curl -X POST http://localhost:8081/api/status", "curl -X GET http://localhost/api/stop",
])
def test_signals_and_requests_that_stop_nothing(line: str) -> None:
    assert "service-stop" not in kinds(line)


def test_a_command_word_set_per_branch_is_read_with_each_value() -> None:
    script = """if [ -f /etc/debian_version ]; then
  update_cmd='apt update'
elif [ -f /etc/centos-release ]; then
  update_cmd='yum update'
else
  update_cmd='pacman -Sy'
fi
${update_cmd}"""
    assert ("prompt", 8) in read(script)


def test_a_command_word_whose_every_value_answers_is_no_prompt() -> None:
    script = """if [ -f /etc/debian_version ]; then
  install_cmd='apt-get install -y'
elif [ -f /etc/centos-release ]; then
  install_cmd='yum install -y'
else
  install_cmd='pacman -S --noconfirm'
fi
${install_cmd} jq"""
    assert "prompt" not in kinds(script)


@pytest.mark.parametrize("line", [
    'FW=/boot\ncp -a "$FW" "$FW.bak"', 'M=/lib/modules\ncp -a "$M/$(uname -r)" "$M.bak"',
    "cp -a /srv2/app /srv2/app.orig",
])
def test_a_copy_kept_beside_what_it_copies_is_a_backup(line: str) -> None:
    assert "backup-data" in kinds(line)


@pytest.mark.parametrize("line", [
    "cp -a /boot.bak /boot", "cp -a /boot /mnt/boot", "cp arm192_start.elf start.elf",
    "mv /boot /boot.bak\nrm -rf /boot.bak", "cp -a /usr/share/app /other.bak",
])
def test_copies_that_are_not_kept_beside_their_source(line: str) -> None:
    assert not {k for k in kinds(line) if k.startswith("backup-")}
