"""Scanners never raise on odd text: random lines built from the words the patterns look for."""

from __future__ import annotations

import random

from preflight_kit import INVENTORY, package, run

WORDS = [
    "sudo",
    "su",
    "-",
    "systemctl",
    "restart",
    "disable",
    "service",
    "start",
    "$X",
    "${Y:?}",
    '"',
    "'",
    "`",
    "$(",
    ")",
    "|",
    "||",
    "&&",
    ";",
    "#",
    "rm",
    "-rf",
    "/",
    "curl",
    "wget",
    "sh",
    "bash",
    "<(",
    "chmod",
    "777",
    "o+w",
    "crontab",
    "at",
    "now",
    "psql",
    "-f",
    "x.sql",
    "flock",
    "ALTER",
    "TABLE",
    "CREATE",
    "INDEX",
    "CONCURRENTLY",
    "--",
    "/*",
    "*/",
    "lock_timeout",
    "password=",
    "token:",
    "AKIA",
    "https://",
    "user:pw@",
    "h.example.com",
    "10.0.0.1:80",
    "@",
    "=",
    ":",
    "\\",
    "\t",
    "é",
    "\x00",
    "OnCalendar=",
    "*/5",
    "*",
    "id",
    "-u",
    "-eq",
    "0",
    "PASSWORD",
    "'secret'",
    "-----BEGIN",
    "PRIVATE",
    "KEY-----",
    "ssh",
    "a@b.c",
    "depmod",
    "env",
    "exec",
]


def test_random_lines_never_raise() -> None:
    rng = random.Random(11)
    for round_ in range(60):
        lines = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 14))) for _ in range(40)]
        text = "\n".join(lines)
        contents = package(
            {
                "scripts/a.sh": text,
                "scripts/m.sql": text,
                "config/c.conf": text,
                "cron/job": text,
                "systemd/u.timer": text,
                "scripts/raw.sh": bytes(rng.randrange(256) for _ in range(300)).replace(b"\x00", b""),
            },
            services=[rng.choice(WORDS) or "x"],
        )
        for inventory in (INVENTORY, None):
            for finding in run(contents, inventory):
                assert finding.evidence["file"], (round_, finding)
                assert finding.remedy, (round_, finding)
