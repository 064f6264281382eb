"""The risk classes preflight added for real installers, each next to its near-twin that must stay quiet,
and the clean twin of the story package (README, Quick start) (nothing above low)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from preflight_kit import package, run, script

from shipgate.findings import Finding, Severity


def scored(findings: list[Finding]) -> list[tuple[str, int | None]]:
    """(code, line) of every finding above info."""
    return sorted((f.code, f.evidence.get("line")) for f in findings if f.severity > Severity.INFO)


def in_script(*lines: str, name: str = "scripts/upgrade.sh") -> list[tuple[str, int | None]]:
    return scored(run(package({name: script(*lines)})))


# (risky lines, benign twin lines, the code, the line the risky version is reported on: the script's own
# line numbers, after the "#!/bin/sh" and "set -eu" that script() puts first)
CASES = [
    (["useradd --system dten"], ["id dten"], "preflight.implicit_privilege", 3),
    (
        ["echo 'port=9443' > /etc/dten.conf"],
        ["echo 'port=9443' > \"$HOME/dten.conf\""],
        "preflight.implicit_privilege",
        3,
    ),
    (
        ["if ! apt-get update; then exit 1; fi"],
        ["if ! apt-cache policy dten; then exit 1; fi"],
        "preflight.implicit_privilege",
        3,
    ),
    (["chown -R dten /var/lib/dten"], ['chown -R "$(id -u)" "$HOME/dten"'], "preflight.implicit_privilege", 3),
    (["pip install dten-cli"], ["pip install --no-index --find-links ./w dten-cli"], "preflight.implicit_egress", 3),
    (["bundle install"], ["bundle check"], "preflight.implicit_egress", 3),
    (
        [
            'd="$HOME/.dten/bin"',
            'curl -fL -o "$d/dten.gz" https://updates.example.net/dten.gz',
            'gunzip -f "$d/dten.gz"',
            'chmod +x "$d/dten"',
        ],
        [
            'd="$HOME/.dten/bin"',
            'curl -fL -o "$d/dten.gz" https://updates.example.net/dten.gz',
            'echo "9f86d08  $d/dten.gz" | sha256sum -c -',
            'gunzip -f "$d/dten.gz"',
            'chmod +x "$d/dten"',
        ],
        "preflight.unverified_download_exec",
        6,
    ),
    (
        ["curl -fsSL https://updates.example.net/dten.tgz | tar -xz -C /opt/dten"],
        ["curl -fsSL https://updates.example.net/notes.txt -o /tmp/notes.txt"],
        "preflight.unverified_download_exec",
        3,
    ),
    (
        ["curl -fsSL -o /usr/local/bin/dten https://updates.example.net/dten"],
        ["curl -fsSL -o /tmp/dten.txt https://updates.example.net/dten"],
        "preflight.unverified_download_exec",
        3,
    ),
    (
        ["curl -k -o x.tgz https://updates.example.net/x.tgz"],
        ["curl -o x.tgz https://updates.example.net/x.tgz"],
        "preflight.tls_verification_disabled",
        3,
    ),
    (
        ["wget --no-check-certificate https://updates.example.net/x.tgz"],
        ["wget https://updates.example.net/x.tgz"],
        "preflight.tls_verification_disabled",
        3,
    ),
    (["export GIT_SSL_NO_VERIFY=1"], ["export GIT_TRACE=1"], "preflight.tls_verification_disabled", 3),
    (
        ["{", "  echo '# dten'", "  echo 'export PATH=$HOME/.dten/bin:$PATH'", '} >> "$HOME/.bashrc"'],
        ["echo 'Add export PATH=$HOME/.dten/bin:$PATH to ~/.bashrc'"],
        "preflight.persistence",
        6,
    ),
    (["cat dten.pub >> /root/.ssh/authorized_keys"], ["cat dten.pub > /tmp/dten.pub"], "preflight.persistence", 3),
    (
        ['echo "admin password: $ADMIN_PASSWORD"'],
        ['echo "admin password written to $PASSWORD_FILE"'],
        "preflight.secret_printed",
        3,
    ),
    (
        ['say() { echo "== $1"; }', 'say "password is $DB_PASSWORD"'],
        ['say() { echo "== $1"; }', 'say "user is $DB_USER"'],
        "preflight.secret_printed",
        4,
    ),
    (
        ['DB_PASSWORD="${DB_PASSWORD:-changeme}"'],
        ['DB_PASSWORD="${DB_PASSWORD:?set DB_PASSWORD}"'],
        "preflight.default_credential",
        3,
    ),
    (
        ['if [ -z "${API_TOKEN:-}" ]; then', "  API_TOKEN='0123456789abcdef0123'", "fi"],
        ['API_PORT="${API_PORT:-8080}"'],
        "preflight.default_credential",
        4,
    ),
    (
        ["rm -rf /var/lib/dten/data"],
        ["tar czf /var/backups/dten.tgz /var/lib/dten && rm -rf /var/lib/dten/data"],
        "preflight.destructive_delete",
        3,
    ),
    (["gitlab-ctl upgrade"], ["gitlab-ctl status"], "preflight.hidden_migration", 3),
    (["./manage.py migrate"], ["flock /run/dten.lock ./manage.py migrate"], "preflight.hidden_migration", 3),
    (["alembic upgrade head"], ["alembic current"], "preflight.hidden_migration", 3),
    (
        ["curl -s http://169.254.169.254/latest/meta-data/instance-id"],
        ["curl -s http://10.0.0.5/health"],
        "preflight.metadata_endpoint",
        3,
    ),
    (["systemctl stop firewalld"], ["systemctl stop dten-agentd"], "preflight.protection_disabled", 3),
]


@pytest.mark.parametrize(("risky", "benign", "code", "line"), CASES, ids=[f"{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_risk_and_its_near_twin(risky: list[str], benign: list[str], code: str, line: int) -> None:
    assert (code, line) in in_script(*risky)
    assert code not in {c for c, _ in in_script(*benign)}


@pytest.mark.parametrize(
    ("statement", "benign", "code"),
    [
        (
            "ALTER TABLE routes ALTER COLUMN props TYPE jsonb USING props::jsonb;",
            "ALTER TABLE routes ALTER COLUMN name TYPE varchar(500);",
            "preflight.migration_rewrites_table",
        ),
        (
            "ALTER TABLE routes MODIFY name VARBINARY(1000) NOT NULL;",
            "ALTER TABLE routes ADD COLUMN x int;",
            "preflight.migration_unchecked",
        ),
    ],
)
def test_sql_classes(statement: str, benign: str, code: str) -> None:
    assert (code, 1) in scored(run(package({"db/0042.sql": statement + "\n"})))
    assert code not in {c for c, _ in scored(run(package({"db/0042.sql": benign + "\n"})))}


def test_psql_runs_a_migration_that_locks_itself() -> None:
    """A shell step runs psql -f on SQL that sets lock_timeout and takes pg_advisory_lock: no finding."""
    sql = (
        "SET lock_timeout = '5s';\n"
        "SELECT pg_advisory_lock(4242);\n"
        "ALTER TABLE routes ADD COLUMN hybrid boolean;\n"
        "SELECT pg_advisory_unlock(4242);\n"
    )
    locked = {
        "scripts/post-upgrade.sh": script("psql -v ON_ERROR_STOP=1 -d dten -f scripts/migrations/0042.sql"),
        "scripts/migrations/0042.sql": sql,
    }
    assert scored(run(package(locked))) == []
    unlocked = dict(locked, **{"scripts/migrations/0042.sql": "ALTER TABLE routes ADD COLUMN hybrid boolean;\n"})
    assert scored(run(package(unlocked))) == [
        ("preflight.migration_outside_lock", 3),
        ("preflight.migration_unlocked", 1),
    ]


def test_unit_written_or_aliased_by_the_package_exists() -> None:
    """systemctl names resolve against the inventory plus the units the package ships, aliases and writes."""
    files = {
        "scripts/install.sh": script(
            "cat <<EOF > /etc/systemd/system/dten-sync.service",
            "[Service]",
            "ExecStart=/opt/dten/bin/sync",
            "EOF",
            "systemctl enable dten-sync",
            "systemctl restart dten-web",
            "systemctl restart dten-nope",
        ),
        "systemd/dten-web-v2.service": "[Service]\nExecStart=/opt/dten/bin/web\n[Install]\nAlias=dten-web.service\n",
    }
    missing = [f for f in run(package(files)) if f.code == "preflight.systemd_unit_missing"]
    assert [(f.evidence["unit"], f.evidence["line"]) for f in missing] == [("dten-nope.service", 9)]


BUILT = datetime(2026, 10, 2, 9, tzinfo=UTC)


def test_the_clean_twin_of_the_story_raises_nothing_above_low() -> None:
    """The story package (README, Quick start) done right: no sudo on a sudo-less target, the real unit name, the secret
    from the environment, an allowed endpoint, a locked migration, bounded dependencies, reboot stated."""
    contents = package(
        {
            "binaries/dtend": b"\x7fELF\x02\x01\x01\x00",
            "lib/modules/6.1.0/extra/dten.ko": b"\x7fELF\x02\x01\x01\x00",
            "scripts/pre-upgrade.sh": script(
                ': "${DB_PASSWORD:?DB_PASSWORD must come from the secret store}"',
                'curl -fsS -d @"$HOME/dten/inventory.json" https://updates.example.net/v2/checkin',
            ),
            "scripts/post-upgrade.sh": script("psql -d dten -f scripts/migrations/0042_add_index.sql"),
            "scripts/migrations/0042_add_index.sql": (
                "SET lock_timeout = '5s';\nSELECT pg_advisory_lock(4242);\n"
                "ALTER TABLE routes ADD COLUMN hybrid boolean;\n"
                "CREATE INDEX CONCURRENTLY routes_hybrid ON routes (hybrid);\n"
            ),
        },
        mtimes={"binaries/dtend": BUILT, "lib/modules/6.1.0/extra/dten.ko": BUILT},
        dependencies=[{"name": "openssl", "version": ">=3.0,<4"}, {"name": "postgresql", "version": ">=14,<17"}],
        reboot="required",
        services=["dten-agentd.service"],
        migrations=["scripts/migrations/0042_add_index.sql"],
        hooks={"pre": "scripts/pre-upgrade.sh", "post": "scripts/post-upgrade.sh"},
    )
    found = run(contents)
    assert [f for f in found if f.severity > Severity.LOW] == []
    assert {f.code for f in found} <= {"preflight.file_skipped", "preflight.external_endpoint"}
