"""The classes round six of the real-world set showed (tests/plan/realworld/README.md, "Round 6"), each with a
minimal construct and its near misses."""

from __future__ import annotations

import pytest
from test_script_facts import kinds, read


@pytest.mark.parametrize("line", [
    'docker compose -f deploy.yaml exec -T db pg_dump -U app -d app -Fc > "/backups/db.dump"',
    "docker compose --project-name app exec db mysqldump app > app.sql",
    "docker-compose -f prod.yml exec -T postgres pg_dumpall -U postgres > all.sql",
    "docker --context prod exec db pg_dump app > app.sql",
    "kubectl -n prod exec pg-0 -- pg_dump app > app.sql",
])
def test_a_dump_in_a_container_after_global_options(line: str) -> None:
    assert "backup-database" in kinds(line)


@pytest.mark.parametrize("line", [
    "docker compose -f deploy.yaml exec -T db psql -U app -d app < app.sql",
    "docker compose -f deploy.yaml ps db", "docker compose -f deploy.yaml logs pg_dump",
    "docker --context prod exec db ls /var/lib/postgresql",
])
def test_near_misses_in_a_container_that_dump_nothing(line: str) -> None:
    assert "backup-database" not in kinds(line)


@pytest.mark.parametrize("line", [
    "php artisan down", "artisan down", "php8.2 artisan down --retry=60", "php -d memory_limit=-1 artisan down",
    'docker exec php php artisan down --message="update in progress"', "bin/magento maintenance:enable",
    "php bin/magento maintenance:enable", "sudo -u www-data php occ maintenance:mode --on",
    "docker compose exec -u www-data app php occ maintenance:mode --on",
    "kubectl exec -n nc pod -- php occ maintenance:mode --on", "wp maintenance-mode activate --allow-root",
    "drush sset system.maintenance_mode 1", "drush state:set system.maintenance_mode TRUE",
    "drush vset maintenance_mode 1", 'psql -h 127.0.0.1 -p 6432 pgbouncer -c "PAUSE"',
    'psql "$PGBOUNCER_ADMIN" -c "PAUSE app;"', "psql pgbouncer --command=SUSPEND",
])
def test_a_maintenance_mode_interrupts_the_service(line: str) -> None:
    assert "service-stop" in kinds(line)


@pytest.mark.parametrize("line", [
    "php artisan up", "php artisan migrate --force", "artisan downgrade", "bin/magento maintenance:disable",
    "bin/magento maintenance:status", "php occ maintenance:mode --off", "php occ maintenance:repair",
    "wp maintenance-mode deactivate", "drush sset system.maintenance_mode 0", 'psql pgbouncer -c "RESUME"',
    'psql -c "SHOW POOLS"', 'psql -c "SELECT pause FROM t"', "phpunit artisan down",
])
def test_near_misses_that_end_or_only_look_at_a_maintenance_mode(line: str) -> None:
    assert "service-stop" not in kinds(line)


def test_a_helper_that_sends_its_argument_holds_the_clients_on_its_body_line() -> None:
    body = ('pgbouncer_admin() {\n  psql "$PGBOUNCER_ADMIN" -X -q -c "$1"\n}\n'
            "pgbouncer_admin PAUSE\nsystemctl restart postgresql\npgbouncer_admin RESUME")
    assert ("service-stop", 2) in read(body)


def test_near_miss_a_helper_called_only_to_resume() -> None:
    body = 'pgbouncer_admin() {\n  psql "$PGBOUNCER_ADMIN" -X -q -c "$1"\n}\npgbouncer_admin RESUME'
    assert "service-stop" not in {kind for kind, _ in read(body)}


@pytest.mark.parametrize(("line", "kind"), [
    (". helpers.sh\nbtcpay_down", "service-stop"), ("./stack-down.sh", "service-stop"),
    (". helpers.sh\nbtcpay_dump_db /var/lib/docker/postgres.sql", "backup-database"),
    ("./bin/dump-database.sh /backups/app.sql", "backup-database"), ("pg_dump_db app", "backup-database"),
])
def test_a_sourced_helper_named_for_a_stop_or_a_database_dump(line: str, kind: str) -> None:
    assert kind in kinds(line)


@pytest.mark.parametrize(("line", "kind"), [
    ("shutdown_hook", "service-stop"), ("countdown 10", "service-stop"), ("btcpay_up", "service-stop"),
    ("down", "service-stop"), ("./load-db-dump.sh app.sql", "backup-database"),
    ("./restore_db_dump.sh", "backup-database"), ("dump_logs /var/log/app", "backup-database"),
    ("dump-db.sh --help", "backup-database"),
])
def test_near_misses_of_helper_names(line: str, kind: str) -> None:
    assert kind not in kinds(line)


def test_a_helper_the_script_defines_is_read_through_its_body_not_its_name() -> None:
    assert read("btcpay_down() {\n  echo bye\n}\nbtcpay_down") == set()


@pytest.mark.parametrize("line", [
    'cp db/db.sqlite backups/"$(date +%F)"_db.sqlite', "cp app.sqlite3 /srv/backups/app.sqlite3",
    "zip -r -dd home.database.backup.$(date +%s).zip database/", "tar czf /backup/db.tar.gz db/",
    "rsync -a data/hlr.db /var/backups/",
])
def test_a_copy_of_a_databases_own_file_or_directory_is_a_data_backup(line: str) -> None:
    assert "backup-data" in kinds(line)


@pytest.mark.parametrize("line", [
    "cp db/db.sqlite /tmp/work.sqlite", "cp backups/2024_db.sqlite db/db.sqlite", "zip -r site.zip database/",
    "cp -r db/migrate backups/", "cp /etc/aliases.db /etc/aliases.db.bak",
])
def test_near_misses_a_copy_not_to_a_backup_or_not_of_a_database(line: str) -> None:
    assert "backup-data" not in kinds(line)


@pytest.mark.parametrize("body", [
    'T="pg-upgrade-$(date +%s)"\ndocker run -d --name "$T" postgres:16\ndocker exec -i "$T" pg_restore < d\n'
    'docker rm -f "$T"',
    "docker run -d --name=helper alpine sleep 60\ndocker stop helper",
    "up() {\n  podman container run -d --name tmpdb postgres\n  podman rm -f tmpdb\n}\nup",
])
def test_removing_a_container_the_script_started_itself_interrupts_nothing(body: str) -> None:
    assert "service-stop" not in {kind for kind, _ in read(body)}


@pytest.mark.parametrize("body", [
    "docker stop app\ndocker rm app\ndocker run -d --name app app:2",
    "docker run -d --name helper alpine sleep 60\ndocker stop web",
    "install() {\n  docker run -d --name app app:1\n}\nupdate() {\n  docker rm -f app\n}\nupdate",
])
def test_near_misses_a_running_container_stopped_before_its_replacement_or_elsewhere(body: str) -> None:
    assert "service-stop" in {kind for kind, _ in read(body)}


@pytest.mark.parametrize(("body", "kind"), [
    ('f="$(echo "$line" | cut -d";" -f2)"\nmv "$f" "$f.bak"', "backup-data"),
    ('mv "$1" "$1.bak"', "backup-data"), ("mv /usr/lib/app /usr/lib/app.old", "backup-data"),
    ('mv "$CONF_DIR/app.cfg" "$CONF_DIR/app.cfg.bak"', "backup-config"),
])
def test_a_move_kept_beside_its_source_whatever_the_path(body: str, kind: str) -> None:
    assert kind in kinds(body)


@pytest.mark.parametrize("body", [
    'mv "$f" "$f.new"', 'mv "$f.bak" "$f"', 'mv "$f" "$f.bak"\nrm -f "$f.bak"', "mv app.tmp app",
    "sed -i 's/a/b/' settings", 'mv "$f" /tmp/work/',
])
def test_near_misses_a_move_that_keeps_nothing(body: str) -> None:
    assert not {k for k in kinds(body) if k.startswith("backup-")}


@pytest.mark.parametrize("line", [
    "redis-cli BGSAVE", 'redis-cli -a "$PASS" save', "docker exec redis redis-cli BGSAVE",
    "docker compose exec -T redis redis-cli -h localhost SAVE", "valkey-cli bgsave",
    'sqlite3 /var/lib/app/app.db ".backup /var/backups/app-$(date +%F).db"', "sqlite3 data/app.db .dump > app.sql",
    "sqlite3 \"$DB\" \"VACUUM INTO '$DB.bak'\"",
])
def test_a_database_told_to_write_a_copy_of_itself(line: str) -> None:
    assert "backup-database" in kinds(line)


@pytest.mark.parametrize("line", [
    "redis-cli PING", "redis-cli CONFIG GET save", "redis-cli -n 0 FLUSHALL", 'sqlite3 app.db "SELECT * FROM t"',
    'sqlite3 app.db ".restore backup.db"', "docker exec redis redis-cli info persistence",
])
def test_near_misses_a_database_asked_something_else(line: str) -> None:
    assert "backup-database" not in kinds(line)


@pytest.mark.parametrize(("line", "kind"), [
    ("tar czf /root/app-config-$(date +%F).tar.gz /etc/app", "backup-config"),
    ('TS=$(date +%s)\ntar -czf "/srv/archive/app_$TS.tgz" /var/lib/app', "backup-data"),
    ("rsync -a /var/www/nextcloud/ /var/www/nextcloud-dirbkp_$(date +%Y%m%d)/", "backup-data"),
    ("cp -a /etc/nginx /root/nginx-`date +%F`", "backup-config"),
])
def test_a_copy_to_a_time_stamped_or_bkp_name_is_a_backup(line: str, kind: str) -> None:
    assert kind in kinds(line)


@pytest.mark.parametrize("line", [
    "tar czf /tmp/logs-$(date +%F).tgz /var/log/app", 'cp -a /var/lib/app "$UPDATE_DIR/app"',
    "tar czf /root/app-config.tar.gz /etc/app", "cp /opt/new/app.conf /etc/app/app.conf",
])
def test_near_misses_an_undated_or_unsaved_copy(line: str) -> None:
    assert not {k for k in kinds(line) if k.startswith("backup-")}


@pytest.mark.parametrize("line", [
    "touch /var/www/app/maintenance.flag", "touch storage/framework/down", 'touch "$WP_DIR/.maintenance"',
    "echo 1 > /srv/app/MAINTENANCE", "touch /var/www/html/maintenance_mode.on",
])
def test_a_maintenance_flag_file_created(line: str) -> None:
    assert "service-stop" in kinds(line)


@pytest.mark.parametrize("line", [
    "rm -f /var/www/app/maintenance.flag", "touch /var/log/maintenance.log", "cat maintenance.flag",
    "touch /etc/cron.d/maintenance-cleanup", 'echo "<h1>Down</h1>" > maintenance.html', "touch storage/logs/down.txt",
])
def test_near_misses_of_maintenance_flags(line: str) -> None:
    assert "service-stop" not in kinds(line)
