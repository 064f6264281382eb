"""Classes the two-hundred-and-fifty-third hold-out set showed (tests/preflight/holdout253: upgrade, backup/restore
and maintenance scripts of self-hosted products), each as its minimal construct next to near-misses that must stay
quiet."""

from __future__ import annotations

from preflight_kit import in_script

from shipgate.preflight.data_files import data_file

EGRESS = "preflight.implicit_egress"


# -- A: a stack taken down for a restore keeps its images while only data is written ----------------------------------

_STOP = ("stop_app() {", "    cd /opt/pos/docker", "    docker compose down", "}")
_START = ("start_app() {", "    cd /opt/pos/docker", "    docker compose up -d", "}")


def test_a_a_restored_database_names_no_image() -> None:
    # gwi-pos's restore.sh: down in one function, a safety copy and the restore of pos.db, up -d in another
    lines = (
        *_STOP,
        *_START,
        "stop_app",
        'cp /opt/pos/data/pos.db "/opt/pos/backups/pos-pre-restore-$(date +%s).db"',
        'gunzip -c "$1" > /opt/pos/data/pos.db',
        "rm -f /opt/pos/data/pos.db-journal",
        "start_app",
    )
    assert in_script(EGRESS, *lines) == []


def test_a_a_dump_or_archive_written_between_names_no_image() -> None:
    lines = (
        "docker compose -f c.yml down",
        "tar czf /srv/backups/media.tar.gz /srv/media",
        "pg_dumpall > /srv/backups/all.sql",
        "docker compose -f c.yml up -d",
    )
    assert in_script(EGRESS, *lines) == []


def test_a_an_env_file_written_between_may_name_new_images() -> None:
    lines = (*_STOP, *_START, "stop_app", 'echo "TAG=2.0" > /opt/pos/docker/.env', "start_app")
    assert in_script(EGRESS, *lines) == [9]


def test_a_a_compose_file_or_version_file_written_between_may_name_new_images() -> None:
    lines = ("docker compose -f c.yml down", "cp seed/version config/version", "docker compose -f c.yml up -d")
    assert in_script(EGRESS, *lines) == [5]
    fetched = "curl -fsSL https://example.org/c.yml -o c.yml"
    assert in_script(EGRESS, "docker compose -f c.yml down", fetched, "docker compose -f c.yml up -d") == [5]


def test_a_a_write_to_a_name_still_unknown_may_name_new_images() -> None:
    lines = ("docker compose -f c.yml down", 'cp new.conf "$TARGET"', "docker compose -f c.yml up -d")
    assert in_script(EGRESS, *lines) == [5]


def test_a_data_file_names() -> None:
    assert data_file("/opt/pos/data/pos.db")
    assert data_file("/opt/pos/data/pos.db-journal")
    assert data_file("backups/pos-pre-restore-$(date +%s).db")
    assert data_file("/srv/backups/media.tar.gz")
    assert not data_file("/opt/app/.env")
    assert not data_file("docker-compose.yml")
    assert not data_file("config/version")
    assert not data_file("/data/$NAME")
