"""External endpoints and hard-coded credentials, each with its near-twin; ordinary scripts stay quiet."""

from __future__ import annotations

from dataclasses import replace

import pytest
from preflight_kit import INVENTORY, located, package, run, script

from shipgate.findings import Severity
from shipgate.preflight.credentials import entropy

PRE = "scripts/pre-upgrade.sh"


@pytest.mark.parametrize(
    ("line", "host"),
    [
        (
            "curl -fsS https://telemetry.vendor-cloud.com/v1/report -d @status.json",
            "telemetry.vendor-cloud.com",
        ),
        ("wget -q -O /tmp/x http://198.51.100.20/agent.tgz", "198.51.100.20"),
        ("nc -z 203.0.113.9 5432", "203.0.113.9"),
        ("scp dump.sql backup@archive.vendor-cloud.com:/dumps/", "archive.vendor-cloud.com"),
        ("psql -h db.vendor-cloud.com -U dten", "db.vendor-cloud.com"),
        ("exec 3<>/dev/tcp/x; nc 203.0.113.7 8443", "203.0.113.7"),
    ],
)
def test_endpoint_outside_the_allowed_list(line: str, host: str) -> None:
    found = run(package({PRE: script(line)}))
    assert located(found, "preflight.external") == [("preflight.external_endpoint", PRE, 3)]
    assert found[-1].evidence["host"] == host


def test_allowed_endpoint_is_quiet() -> None:
    found = run(package({PRE: script("curl -fsS https://updates.example.net/dten/7.4.0/notes.txt")}))
    assert located(found, "preflight.external") == []


def test_endpoint_in_config() -> None:
    risky = run(
        package({"config/dten.conf": "# telemetry\nlog.level = info\ntelemetry.endpoint = metrics.vendor-cloud.com\n"})
    )
    assert located(risky, "preflight.external") == [("preflight.external_endpoint", "config/dten.conf", 3)]
    benign = run(
        package({"config/dten.conf": "# telemetry\nlog.level = info\ntelemetry.endpoint = updates.example.net\n"})
    )
    assert located(benign, "preflight.external") == []


def test_without_inventory_every_external_endpoint_is_reported() -> None:
    """A host outside any inventory is reported (a placeholder name such as updates.example.net would not be)."""
    found = run(package({PRE: script("curl https://updates.vendor-cloud.com/x")}), None)
    assert located(found, "preflight.external") == [("preflight.external_endpoint", PRE, 3)]


@pytest.mark.parametrize(
    ("risky", "benign", "kind", "severity"),
    [
        (
            'DB_PASSWORD="S3cr3t-Pa55w0rd"',
            'DB_PASSWORD="${DB_PASSWORD:?set DB_PASSWORD}"',
            "password assignment",
            Severity.HIGH,
        ),
        (
            "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7QX4TZ2W",
            "export AWS_ACCESS_KEY_ID=$AWS_ACCESS_KEY_ID",
            "AWS access key",
            Severity.CRITICAL,
        ),
        (
            "curl https://admin:hunter22@updates.example.net/upload",
            "curl https://updates.example.net/upload",
            "password in URL",
            Severity.HIGH,
        ),
        (  # Redis' password-only form: no user before the colon
            'export REDIS_URL="redis://:Vq83kdLzX2@cache.example.net:6379/0"',
            'export REDIS_URL="redis://:${REDIS_PASSWORD}@cache.example.net:6379/0"',
            "password in URL",
            Severity.HIGH,
        ),
        (
            'API_TOKEN="q8Zr2mXv9LpT4wKs7NbYc"',
            'API_TOKEN="$(cat /run/secrets/dten_token)"',
            "token assignment",
            Severity.HIGH,
        ),
        ("mysql -u root -pS3cretPw dten < x", "mysql -u root -p dten < x", "password option", Severity.HIGH),
        ("export DB_PASS=winter2026", 'export DB_PASS="${DB_PASS:?}"', "password assignment", Severity.HIGH),
        (
            "SHARED_SECRET=k9Xq2LmP",
            "SHARED_SECRET_SHA256=9f86d081884c7d659a2feaa0c55ad015",
            "password assignment",
            Severity.HIGH,
        ),
        (
            "curl -fsS -u admin:Adm1n-2026 https://updates.example.net/",
            'curl -fsS -u "admin:$ADMIN_PW" https://updates.example.net/',
            "password option",
            Severity.HIGH,
        ),
        (
            'curl -H "Authorization: Bearer 7f3kQ9zLm2Xp8RtY" https://updates.example.net/',
            'curl -H "Authorization: Bearer $TOKEN" https://updates.example.net/',
            "authorization header",
            Severity.HIGH,
        ),
        (
            "ghp_1234567890abcdefghijABCDEFGHIJ123456",
            "echo ghp_tokens_are_read_from_vault",
            "GitHub token",
            Severity.CRITICAL,
        ),
    ],
)
def test_credential_in_script(risky: str, benign: str, kind: str, severity: Severity) -> None:
    found = run(package({PRE: script("echo start", risky)}))
    assert located(found, "preflight.hardcoded") == [("preflight.hardcoded_credential", PRE, 4)]
    hit = next(f for f in found if f.code == "preflight.hardcoded_credential")
    assert hit.evidence["kind"].startswith(kind) and hit.severity is severity
    assert hit.remedy.startswith("Remove the credential")
    assert located(run(package({PRE: script("echo start", benign)})), "preflight.hardcoded") == []


def test_private_key_and_sql_password() -> None:
    found = run(
        package(
            {
                "config/tls.pem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
                "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n",
                "scripts/migrations/0043_user.sql": "CREATE ROLE dten_ro LOGIN PASSWORD 'Pa55-w0rd-2026';\n",
            }
        )
    )
    assert located(found, "preflight.hardcoded") == [
        ("preflight.hardcoded_credential", "config/tls.pem", 4),
        ("preflight.hardcoded_credential", "scripts/migrations/0043_user.sql", 1),
    ]
    benign = run(
        package(
            {
                "config/tls.pem": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
                "scripts/migrations/0043_user.sql": "CREATE ROLE dten_ro LOGIN;\n",
            }
        )
    )
    assert located(benign, "preflight.hardcoded") == []


def test_the_secret_never_appears_in_the_finding() -> None:
    found = run(package({PRE: script('DB_PASSWORD="S3cr3t-Pa55w0rd"')}))
    hit = next(f for f in found if f.code == "preflight.hardcoded_credential")
    assert "S3cr3t-Pa55w0rd" not in repr(hit.to_dict())
    assert hit.evidence["redacted"] == "S3cr…(15 chars)"


def test_entropy() -> None:
    assert entropy("") == 0.0
    assert entropy("aaaa") == 0.0
    assert entropy("abcd") == 2.0


# Ordinary upgrade scripts, config and SQL as vendors write them: none of it is a credential or an endpoint.
BENIGN = {
    "scripts/pre-upgrade.sh": """#!/bin/bash
# Pre-upgrade checks for dten. See https://docs.example.net/dten/upgrade (comment, not a call).
set -euo pipefail
readonly PREFIX="${DTEN_PREFIX:-/opt/dten}"
readonly BACKUP_DIR="/var/backups/dten-$(date +%Y%m%d%H%M%S)"
VERSION=7.4.0.1
EXPECTED_SHA256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
password_file="/etc/dten/db.password"
PGPASSWORD="$(cat "$password_file")"
export PGPASSWORD
TOKEN_PATH=/run/secrets/dten-token
log() { printf '%s %s\\n' "$(date -Is)" "$*" >&2; }
log "checking free space in ${PREFIX}"
avail=$(df --output=avail -k "$PREFIX" | tail -1)
if (( avail < 1048576 )); then log "need 1 GiB free"; exit 1; fi
mkdir -p "$BACKUP_DIR"
cp -a "${PREFIX}/etc/dten.conf" "$BACKUP_DIR/"
tar -C "$PREFIX" -czf "$BACKUP_DIR/state.tgz" var/state
echo "$EXPECTED_SHA256  bin/dtend" | sha256sum -c -
systemctl stop dten-agentd.service
pg_dump -h localhost -U dten dten > "$BACKUP_DIR/dten.sql"
curl -fsS http://127.0.0.1:8080/healthz
read -r -s -p "Password: " password
ssh -o BatchMode=yes localhost true
log "done; dten.hybrid.enable will be set by post-upgrade.sh"
""",
    "scripts/post-upgrade.sh": """#!/bin/sh
set -eu
CONF=/opt/dten/etc/dten.conf
sed -i 's/^dten.legacy.mode.*$//' "$CONF"
echo "dten.hybrid.enable = true" >> "$CONF"
install -m 0640 -o dten -g dten config/dten.conf "$CONF"
chown -R dten:dten /opt/dten/var
find /opt/dten/var/cache -type f -mtime +30 -delete
rm -rf "${CACHE_DIR:?}/tmp"
systemctl daemon-reload
systemctl start dten-agentd.service
dten-ctl --password-file /etc/dten/db.password migrate-status
""",
    "config/dten.conf": """# dten configuration
listen.address = 0.0.0.0:9443
db.host = localhost
db.name = dten
db.user = dten
db.password_file = /etc/dten/db.password
auth.token_ttl = 3600
tls.key_file = /etc/dten/tls/key.pem
secret_store = vault
log.file = /var/log/dten/dten.log
updates.url = https://updates.example.net/dten
api_key_header = X-Dten-Key
""",
    "scripts/migrations/0042_add_index.sql": """-- 0042: index for the routing lookup
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS routes_by_prefix ON routes (prefix);
UPDATE settings SET value = 'true' WHERE key = 'dten.hybrid.enable';
INSERT INTO schema_version (version, checksum)
  VALUES (42, 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
""",
}


BENIGN_MORE = {
    "systemd/dten-agentd.service": """[Unit]
Description=dten agent
After=network-online.target postgresql.service
Documentation=https://docs.example.net/dten/agent

[Service]
Type=notify
User=dten
EnvironmentFile=-/etc/dten/agent.env
ExecStart=/opt/dten/bin/dten-agentd --config /opt/dten/etc/dten.conf
Restart=on-failure
LimitNOFILE=65536

[Install]
WantedBy=multi-user.target
""",
    "config/agent.yaml": """# dten agent settings
listen: 0.0.0.0:9443
database:
  host: localhost
  port: 5432
  user: dten
  password: ${DTEN_DB_PASSWORD}
  password_file: /etc/dten/db.password
tls:
  cert: /etc/dten/tls/cert.pem
  key: /etc/dten/tls/key.pem
auth:
  token_ttl: 3600s
  token_header: X-Dten-Token
  jwt_issuer: dten
log:
  level: info
  format: json
retry:
  backoff: exponential
  max_attempts: 5
build_id: 7.4.0-20261002-1a2b3c4
commit: 4f9c2e1d8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d
""",
    "scripts/rotate-logs.sh": """#!/bin/sh
# Rotate dten logs; called from the post-upgrade hook.
set -eu
LOG_DIR=/var/log/dten
KEEP=14
for f in "$LOG_DIR"/*.log; do
  [ -e "$f" ] || continue
  gzip -9 "$f"
  mv "$f.gz" "$LOG_DIR/archive/$(basename "$f").$(date +%F).gz"
done
find "$LOG_DIR/archive" -name '*.gz' -mtime +"$KEEP" -exec rm -f {} +
token_count=$(wc -l < "$LOG_DIR/tokens.idx")
echo "rotated; $token_count index lines"
""",
    "scripts/migrations/0043_routes_view.sql": """-- 0043: reporting view; no table rewrite
BEGIN;
SET LOCAL lock_timeout = '3s';
CREATE OR REPLACE VIEW route_summary AS
  SELECT prefix, count(*) AS hops, max(updated_at) AS last_change
  FROM routes GROUP BY prefix;
COMMENT ON VIEW route_summary IS 'See https://docs.example.net/dten/reporting';
GRANT SELECT ON route_summary TO dten_ro;
COMMIT;
""",
}


@pytest.mark.parametrize("files", [BENIGN, BENIGN_MORE])
def test_ordinary_files_raise_no_credential_or_endpoint_findings(files: dict[str, str]) -> None:
    # A target whose installers may use sudo: the root-only steps of these scripts are then no finding.
    found = run(package(files), replace(INVENTORY, sudo=True))
    assert located(found, "preflight.hardcoded") == []
    # A documentation link is recorded (info) but never counted as a contacted endpoint.
    assert [
        f.evidence["host"] for f in found if f.code == "preflight.external_endpoint" and f.evidence["contacted"]
    ] == []
    # The only thing every scanner together has to say about these files: nothing above info.
    assert [(f.code, f.path) for f in found if f.severity > Severity.INFO] == []


def test_contacted_endpoints_warn_and_mentions_are_info() -> None:
    found = run(
        package(
            {
                PRE: script(
                    'REPORT_URL="https://telemetry.vendor-cloud.com/v2"',
                    'DOCS_URL="https://docs.vendor-cloud.com/dten"',
                    'curl -fsS -d @status.json "$REPORT_URL/checkin"',
                    'echo "upgrade notes: $DOCS_URL and https://kb.vendor-cloud.com/123"',
                )
            }
        )
    )
    # The URL is contacted where curl uses it (line 5); the line it was assigned on is evidence too.
    assert [(f.evidence["line"], f.evidence["host"], f.severity) for f in found] == [
        (5, "telemetry.vendor-cloud.com", Severity.MEDIUM),
        (6, "docs.vendor-cloud.com", Severity.INFO),
        (6, "kb.vendor-cloud.com", Severity.INFO),
    ]
    assert found[0].evidence["assigned_line"] == 3
    assert found[1].message.endswith(
        "mentions 'docs.vendor-cloud.com' (not in the target's allowed endpoints); nothing on the line connects to it"
    )


@pytest.mark.parametrize(
    "line",
    [
        "cat_passwd='getent passwd'",
        "passwd:         files systemd",
        "PASSWORD_MIN_LENGTH=12",
        "PASSWORD_HASH=$6$rounds=5000$abc$def",
        "COMPASS_HOME=/opt/compass",
        "bypass_cache=true",
        'secret_store = "vault"',
        "token_url = https://updates.example.net/token",
        'ADMIN_PASSWORD="$(systemd-ask-password "Admin password:")"',
        "read -r -s -p 'Password: ' password",
    ],
)
def test_password_words_that_are_not_passwords(line: str) -> None:
    assert located(run(package({PRE: script(line)})), "preflight.hardcoded") == []


def test_continuation_lines_of_a_network_command_are_contacts() -> None:
    found = run(
        package(
            {
                PRE: script(
                    "curl -fsS \\",
                    "  -o /tmp/x \\",
                    "  https://mirror.vendor-cloud.com/x",
                    "echo https://kb.vendor-cloud.com/1",
                )
            }
        )
    )
    # One command over three lines: reported where it starts.
    assert [(f.evidence["line"], f.severity) for f in found] == [(3, Severity.MEDIUM), (6, Severity.INFO)]


def test_a_literal_secret_option_in_a_cron_job_or_a_unit_command_line_is_hard_coded() -> None:
    """cron runs a job's command with ``/bin/sh -c`` and systemd an ``Exec*=`` line: ``--token X`` there is read as
    in a script; a value read at run time (``"$(cat /etc/app/token)"``, ``${TOKEN}``) is not a literal."""
    cron = "*/10 * * * * root /opt/x --token Xq8vLz29KfPq\n5 * * * * app /opt/x --token \"$(cat t)\"\n"
    unit = "[Service]\nExecStart=/opt/x --db-password Xq8vLz29KfPq\nExecStartPost=/opt/x --token ${T}\n"
    found = run(package({"etc/cron.d/app": cron, "lib/systemd/system/app.service": unit}))
    assert located(found, "preflight.hardcoded") == [
        ("preflight.hardcoded_credential", "etc/cron.d/app", 1),
        ("preflight.hardcoded_credential", "lib/systemd/system/app.service", 2),
    ]
