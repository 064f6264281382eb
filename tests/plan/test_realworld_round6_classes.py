"""The classes round six of the real-world set showed (tests/plan/realworld/README.md, "Round 6"), each with a
minimal construct and its near misses."""

from __future__ import annotations

import pytest
from test_script_facts import kinds


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
