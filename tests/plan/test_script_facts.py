"""The plan's reading of script commands (shipgate.plan.facts with plan.interrupts, plan.backups, plan.prompts,
plan.loops), one class per test, each with its near misses: what interrupts a service beyond systemctl, what backs
data up, what waits for someone at the terminal, what reboots."""

from __future__ import annotations

import hashlib
import json

import pytest

from shipgate.package.manifest import parse_manifest
from shipgate.plan.facts import from_preflight
from shipgate.preflight import PackageContents
from shipgate.preflight.facts import facts

SCRIPT = "scripts/upgrade.sh"


def read(body: str, path: str = SCRIPT) -> set[tuple[str, int]]:
    """(kind, line) of the plan's command facts for a one-script package whose script is ``body``."""
    data = f"#!/bin/bash\n{body}\n".encode()
    doc = {"manifest_version": 1,
           "package": {"name": "p", "version": "1.0.0", "vendor": "v", "built": "2026-12-01T00:00:00Z"},
           "files": [{"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "mode": "0755"}]}
    manifest, problems = parse_manifest(json.dumps(doc).encode())
    assert manifest is not None and not problems
    parsed = facts(PackageContents(manifest=manifest, files={path: data}))
    return {(c.kind, (c.line or 0) - 1) for c in from_preflight(parsed, [], {path: data}).commands}


def kinds(body: str) -> set[str]:
    return {kind for kind, _ in read(body)}


@pytest.mark.parametrize("line", [
    "docker compose stop web", "docker compose -f prod.yml down", "docker-compose restart", "docker stop db",
    "docker container restart app", "podman kill app", "docker compose rm -s -f worker", "docker rm -f app",
    'dc="docker compose"\n$dc down', "invoke-rc.d nginx stop", "/etc/init.d/grafana-server restart",
    "deb-systemd-invoke restart app.service", "rc-service app restart", "sv stop app", "supervisorctl restart web",
    "supervisorctl stop all", "pm2 restart app", "pm2 stop all", "gitlab-ctl stop", "apachectl restart",
    "kubectl rollout restart deployment/web", "sudo systemctl stop app", "service app stop",
])
def test_service_interruptions_beyond_systemctl(line: str) -> None:
    assert "service-stop" in kinds(line)


@pytest.mark.parametrize("line", [
    "docker compose ps", "docker compose pull", "docker compose up -d", "docker compose logs web", "docker rm old",
    "docker-compose up -d --build", "supervisorctl status", "pm2 list", "systemctl start app",
    "/etc/init.d/app start", "kubectl rollout status deployment/web", "echo 'systemctl stop app'",
    "invoke-rc.d app start", "systemctl status app", "sysctl -w net.ipv4.ip_forward=1",
])
def test_commands_that_stop_nothing(line: str) -> None:
    assert "service-stop" not in kinds(line)


@pytest.mark.parametrize(("line", "kind"), [
    ("cp -pR /var/lib/influxdb /var/lib/influxdbv1_backup", "backup-data"),
    ("rsync -a /var/lib/app/ /srv/backup/app/", "backup-data"),
    ('tar -czf "./app_database.tar.gz" "../mysql"', "backup-data"),
    ("tar czf /root/backup-$(date +%F).tgz /var/www/app", "backup-data"),
    ("tar czpf /home/pi/pivpnbackup/wg.tgz /etc/wireguard", "backup-config"),
    ("cp -a /etc/app /etc/app.bak", "backup-config"),
    ("docker exec db pg_dump -U app app > dump.sql", "backup-database"),
    ("docker compose exec -T postgres pg_dumpall -U postgres > all.sql", "backup-database"),
    ("docker compose exec db-backup /backup.sh", "backup-database"),
    ("docker exec mysql sh -c 'exec mysqldump --all-databases -uroot'", "backup-database"),
    ("kubectl exec -n app pod/pg-0 -- pg_dump app", "backup-database"),
    ("mysqldump --all-databases > all.sql", "backup-database"),
])
def test_backups_of_data_databases_and_configuration(line: str, kind: str) -> None:
    assert kind in kinds(line)


@pytest.mark.parametrize("line", [
    "cp /opt/app-backup/.env /opt/app/.env",  # a restore from the copy moved aside
    "install -m 644 config/app.conf /etc/app/app.conf",  # an installation
    "mv /opt/app /opt/app-backup\nrm -rf /opt/app-backup",  # moved aside and removed: nothing is kept
    "tar -xzf /root/backup.tgz -C /",  # extracting a backup restores it
    "docker exec web ls /var/lib",
    "cp -rf /opt/seafile/media/custom /opt/seahub-data/",
    'pg_basebackup -D "$PGDATA" -R -Xs -P -d "host=primary"',  # sets up a standby
    "docker compose run --rm db-backup restore latest",
])
def test_copies_that_are_no_backup(line: str) -> None:
    assert not {k for k in kinds(line) if k.startswith("backup-")}


@pytest.mark.parametrize("line", [
    "read dummy", 'read -r -p "Continue? [y/N] " yes', "read -n1 -rsp 'press any key'", "read answer < /dev/tty",
    "select opt in yes no; do break; done", 'whiptail --yesno "Go on?" 8 40', "dialog --menu Pick 10 40 2 a b c d",
    "pg_dump -W -U app app -f app.dump", "psql --password -c 'select 1'", "mysql -u root -p app", "mysqldump -p app",
    "docker run -it --rm setup:latest", "docker exec -ti db psql", "kubectl exec -it pod/web -- sh",
    "apt-get install nginx", "apt upgrade", "yum update", 'if read -r -p "Sure? " yn; then :; fi',
])
def test_prompts_that_need_someone_at_the_terminal(line: str) -> None:
    assert "prompt" in kinds(line)


@pytest.mark.parametrize("line", [
    'while read -r line; do echo "$line"; done < /etc/hosts',
    "cat list | while read -r x; do echo \"$x\"; done",
    'IFS=. read -r major minor <<< "$version"',
    "while IFS= read -r l; do :; done <<EOF\na\nEOF",
    "{ read -r a; read -r b; } < pair.txt",
    "read -t 10 -p 'continue?' ans", "read -u 3 line", 'whiptail --infobox "Working" 8 40',
    "docker run -i --rm setup:latest -printenv 1", "docker run -d -it web", "docker run --rm img -dbname x -install 1",
    "apt-get install -y nginx", "apt-get -qq install nginx", "apt-get update", "mysql -psecret app",
    "pg_dump -U app app", "docker compose ps", "while true; do case \"$1\" in *) break;; esac; done",
])
def test_input_that_is_not_the_terminal(line: str) -> None:
    assert "prompt" not in kinds(line)


def test_a_prompt_inside_a_redirected_loop_that_reads_the_terminal_is_still_one() -> None:
    found = read("while read -r host; do\n  read -r ok < /dev/tty\ndone < hosts.txt")
    assert ("prompt", 2) in found and ("prompt", 1) not in found


def test_sudo_that_forgets_its_cached_password_asks_for_it() -> None:
    """``sudo -k`` written on the step, or as the prefix an ``eval``'d command string is built on (NetBox's
    ``PREFIX="sudo -k "``, emptied when root): it asks for the password at that step."""
    assert ("prompt", 1) in read("sudo -k apt-get install -y nginx")
    assert ("prompt", 1) in read("sudo --reset-timestamp -u app ./migrate")
    prefixed = read('PREFIX="sudo -k "\nif [ "$(id -u)" = 0 ]; then\n  PREFIX=""\nfi\n'
                    'COMMAND="${PREFIX}find . -name \\"*.pyc\\" -delete"\neval $COMMAND')
    assert ("prompt", 6) in prefixed
    # near misses: a plain sudo (whether it asks is the target's sudoers), a user named k, a step run only as root
    assert "prompt" not in kinds("sudo apt-get install -y nginx")
    assert "prompt" not in kinds("sudo -u k ./migrate")
    assert "prompt" not in kinds('if [ "$(id -u)" -eq 0 ]; then\n  sudo -k true\nfi')


def test_su_to_root_asks_for_roots_password() -> None:
    """``su -c CMD`` (root by default, or named) run where the script may not be root asks for root's password;
    root dropping to a service account (options after the account too, as util-linux allows) asks nothing."""
    assert ("prompt", 1) in read("su -c 'apt-get install -y nginx'")
    assert ("prompt", 1) in read("su - root -c 'systemctl restart nginx'")
    assert "prompt" not in kinds('su -c "php bin/console cache:clear" -s /bin/sh nobody')
    assert "prompt" not in kinds("su - postgres -c 'psql -c \"SELECT 1\"'")
    assert "prompt" not in kinds('if [ "$(id -u)" -eq 0 ]; then\n  su -c "systemctl restart nginx"\nfi')


def test_a_command_run_from_an_array_is_read_by_its_first_item() -> None:
    found = read('cmd=(whiptail --radiolist "Pick" 20 70 2)\nopts=(a "" on b "" off)\n'
                 'choice=$("${cmd[@]}" "${opts[@]}" 2>&1 >/dev/tty)')
    assert ("prompt", 3) in found


@pytest.mark.parametrize(("line", "reboots"), [
    ("reboot", True), ("shutdown -r now", True), ("systemctl reboot", True), ("/sbin/shutdown -r +1", True),
    ("shutdown -c", False), ("echo reboot", False), ("[ -f /var/run/reboot-required ] && echo needed", False),
    ("shutdown -k now", False), ("reboot --help", False),
])
def test_reboots(line: str, reboots: bool) -> None:
    assert ("reboot" in kinds(line)) is reboots


def test_a_configuration_file_under_a_data_place_is_configuration() -> None:
    assert kinds("cp /var/lib/pgsql/data/pg_hba.conf /var/lib/pgsql/data/pg_hba.conf.bak") == {"backup-config"}


def test_bundled_short_options_answer_yes() -> None:
    assert "prompt" not in kinds('apt-get -dy install "${deps[@]}"')


@pytest.mark.parametrize(("line", "kind"), [
    ("ynh_backup_before_upgrade", "backup-data"), ("gitlab-backup create", "backup-data"),
    ("./bin/backup-db.sh -d /home/dev", "backup-database"), ("sudo -u git /opt/app/backup.sh", "backup-data"),
])
def test_a_tool_named_for_a_backup_backs_up(line: str, kind: str) -> None:
    assert kind in kinds(line)


@pytest.mark.parametrize("line", [
    "ynh_restore_upgradebackup", "gitlab-backup restore BACKUP=1", "backup-manager list", "rm -rf /opt/backup",
    "delete_old_backups", "backup_cleanup", "borg-backup --help",
    "backup_wireguard() { tar czf /root/backup/wg.tgz /etc/wireguard; }\nbackup_wireguard",
])
def test_names_that_restore_list_or_remove_backups_take_none(line: str) -> None:
    found = read(line)
    calls = {(k, n) for k, n in found if k.startswith("backup-")}
    # A function of the script is read through its body (the tar on line 1), never as a call by its name.
    assert calls <= {("backup-config", 1)}
