"""The dten story (README, Quick start) as data: ``Full-upgrade-package-dten.zip``, the target environment, and
the vendor's advisory feed (a CA rotation and a config change).

Each risk the story names is planted once, at a known file and line (``STORY_RISKS``), so the demo and
the tests can check that every one is found where it is.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shipgate.demo.build import PackageFile
from shipgate.demo.pki import Identity

VENDOR = "Example Networks"
PACKAGE_NAME = "Full-upgrade-package-dten.zip"

PRE_UPGRADE = b"""#!/bin/bash
# dten 7.4.0 pre-upgrade
set -euo pipefail
sudo systemctl stop dten-agent.service
DB_PASSWORD="Tr0ub4dor-and-3"
curl -fsS -d @/var/lib/dten/inventory.json https://telemetry.dten-vendor.io/v2/checkin
"""

POST_UPGRADE = b"""#!/bin/bash
# dten 7.4.0 post-upgrade: schema migration, then start the agent
set -euo pipefail
psql -d dten -f scripts/migrations/0042_add_index.sql
systemctl start dten-agent.service
"""

MIGRATION = b"""-- 0042: hybrid routing flag
ALTER TABLE routes ADD COLUMN hybrid boolean DEFAULT false;
"""

CRON = b"""# dten housekeeping
*/15 * * * * root /opt/dten/bin/dten-housekeeping --prune
"""

DTEN_CONF = b"""# dten 7.4 configuration
[routing]
hybrid = auto
"""

# (code, file, line) of every story risk; line None where the evidence is a file, not a line.
STORY_RISKS: tuple[tuple[str, str, int | None], ...] = (
    ("preflight.sudo_unavailable", "scripts/pre-upgrade.sh", 4),
    ("preflight.systemd_unit_missing", "scripts/pre-upgrade.sh", 4),
    ("preflight.systemd_unit_missing", "scripts/post-upgrade.sh", 5),
    # "the scripts assume sudo": systemctl without sudo on a target whose installers get none
    ("preflight.implicit_privilege", "scripts/post-upgrade.sh", 5),
    ("preflight.hardcoded_credential", "scripts/pre-upgrade.sh", 5),
    ("preflight.external_endpoint", "scripts/pre-upgrade.sh", 6),
    ("preflight.migration_unlocked", "scripts/migrations/0042_add_index.sql", 2),
    ("preflight.migration_outside_lock", "scripts/post-upgrade.sh", 4),
    ("preflight.scheduled_job", "cron/dten-housekeeping", 2),
    ("preflight.stale_binary", "binaries/dtend", None),
    ("preflight.reboot_understated", "manifest.json", None),
    ("preflight.dependency_unbounded", "manifest.json", None),
    ("config.removed_key_set", "manifest.json", None),
    ("config.required_value_mismatch", "manifest.json", None),
    # The upgrade plan (docs/plan.md): the flag nobody documented, found in the binary; the five minutes the
    # vendor declares against the steps; the configuration nobody backs up.
    ("plan.undocumented_flag", "binaries/dtend", None),
    ("plan.window_understated", "manifest.json", None),
    ("plan.config_backup_missing", "config/dten.conf", None),
)

INVENTORY = """# What the target runs today (docs/formats.md §3)
[host]
os = "debian-12"
sudo = false

[components]
dten = "7.1.2"
openssl = "3.0.11"
postgresql = "15.4"

[systemd]
units = ["dten-agentd.service", "postgresql.service"]

[config]
"dten.legacy.mode" = "on"
"dten.hybrid.enable" = false

[network]
allowed_endpoints = ["updates.example.net"]

[database.tables]                 # rows, for the upgrade plan's window
routes = 12000000
"""


# The strings a real daemon carries: its options, environment and config keys — among them the new retry
# backoff's switch, which no file of the package, the manifest or the feed names (the story's new behaviour
# that sits inside a binary, gated by a flag nobody documented: docs/plan.md).
DTEND_STRINGS = b"\x00".join((
    b"--config", b"--foreground", b"dten.hybrid.enable", b"dten.legacy.mode", b"dten.backoff.v2",
    b"usage: dtend [--config FILE] [--foreground]",
))


def story_files(built: dt.datetime) -> dict[str, PackageFile]:
    stale = built - dt.timedelta(days=3 * 365)  # "timestamps three product cycles old"
    elf = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
    dtend = elf + b"dtend 7.4.0" * 2048 + b"\x00" + DTEND_STRINGS + b"\x00" + b"dtend 7.4.0" * 2048
    return {
        "binaries/dtend": PackageFile(data=dtend, mode=0o755, mtime=stale),
        "binaries/dten-agent": PackageFile(data=elf + b"dten-agent 7.4.0" * 2048, mode=0o755, mtime=built),
        "lib/modules/6.1.0/extra/dten.ko": PackageFile(data=elf + b"dten kernel module" * 512, mtime=built),
        "scripts/pre-upgrade.sh": PackageFile(data=PRE_UPGRADE, mode=0o755, mtime=built),
        "scripts/post-upgrade.sh": PackageFile(data=POST_UPGRADE, mode=0o755, mtime=built),
        "scripts/migrations/0042_add_index.sql": PackageFile(data=MIGRATION, mtime=built),
        "cron/dten-housekeeping": PackageFile(data=CRON, mtime=built),
        "config/dten.conf": PackageFile(data=DTEN_CONF, mtime=built),
    }


def story_manifest_fields() -> dict[str, Any]:
    return {
        "dependencies": [{"name": "openssl", "version": ">=3.0"}, {"name": "postgresql", "version": ">=14,<17"}],
        "reboot": "recommended",
        "downtime": "5m",
        "services": ["dten-agent.service"],
        "config": {"removed": ["dten.legacy.mode"], "required": {"dten.hybrid.enable": True}},
        "migrations": ["scripts/migrations/0042_add_index.sql"],
        "hooks": {"pre": "scripts/pre-upgrade.sh", "post": "scripts/post-upgrade.sh"},
    }


def _time(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Feed:
    directory: Path
    version: int


def write_feed(
    directory: Path,
    *,
    signer: Identity,
    chain: tuple[Identity, ...],
    new_root: Identity,
    old_root: Identity,
    now: dt.datetime,
    version: int = 12,
) -> Feed:
    """``feed.json`` + ``feed.json.sig`` + ``feed-chain.pem`` (docs/formats.md §2), signed by the feed signer."""
    feed = {
        "feed_version": version,
        "vendor": VENDOR,
        "issued": _time(now - dt.timedelta(days=1)),
        "expires": _time(now + dt.timedelta(days=30)),
        "advisories": [
            {
                "id": "EXN-2026-0031",
                "kind": "ca-rotation",
                "published": _time(now - dt.timedelta(days=90)),
                "title": "Code-signing CA rotated",
                "add_roots": [{"sha256": new_root.sha256, "pem": new_root.pem.decode()}],
                "retire_roots": [{"sha256": old_root.sha256, "after": _time(now + dt.timedelta(days=60))}],
            },
            {
                "id": "EXN-2026-0034",
                "kind": "config-change",
                "published": _time(now - dt.timedelta(days=20)),
                "applies_to": {"name": "dten", "version": ">=7.4"},
                "removed": ["dten.legacy.mode"],
                "required": {"dten.hybrid.enable": True},
                "text": "Without dten.hybrid.enable=true the service falls back to legacy routing.",
            },
        ],
    }
    directory.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(feed, indent=2) + "\n").encode()
    (directory / "feed.json").write_bytes(data)
    (directory / "feed.json.sig").write_bytes(signer.sign(data))
    (directory / "feed-chain.pem").write_bytes(b"".join(c.pem for c in (signer, *chain)))
    return Feed(directory=directory, version=version)
