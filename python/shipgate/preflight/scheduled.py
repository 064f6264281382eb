"""Scheduled work the package installs: cron entries, systemd timers, ``at``/``batch`` jobs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, Line, TextFile, is_periodic_cron_script

_CRON_ENTRY = re.compile(
    r"^\s*(?:@(?:reboot|yearly|annually|monthly|weekly|daily|midnight|hourly)|"
    r"(?:[\d*/,-]+|[A-Za-z]{3})(?:\s+(?:[\d*/,-]+|[A-Za-z]{3})){4})\s+\S"
)
_TIMER_TRIGGER = re.compile(
    r"^\s*(OnCalendar|OnBootSec|OnStartupSec|OnUnitActiveSec|OnUnitInactiveSec|"
    r"OnActiveSec)\s*="
)
_SHELL_SCHEDULE = re.compile(
    r"\bcrontab\s+(?:-u\s+\S+\s+)?+(?!-[lr]\b)\S"  # installs a crontab (-l lists, -r removes)
    r"|(?:>>?|\btee\s+(?:-a\s+)?)\s*\"?/etc/cron"  # writes into /etc/cron*
    r"|\b(?:cp|install|ln|mv)\b[^;&|]{0,256}\s\"?/etc/cron"
    r"|(?:^|[;&|])\s*(?:at|batch)\s+(?:-[fmqMt]\s*\S*\s+)*(?:now|noon|midnight|teatime|tomorrow|\d)"
    r"|\|\s*(?:at|batch)\b"
    r"|\bsystemd-run\b[^;&|]{0,256}--on-(?:calendar|active|boot)"
)

_REMEDY = (
    "Review what the job runs and how often; make sure the target's operations team owns it, "
    "and that it is removed when the package is."
)


def _job(text: TextFile, line: Line, mechanism: str, message: str) -> Finding:
    return text.finding(
        line, "preflight.scheduled_job", Severity.MEDIUM, mechanism=mechanism, message=message, remedy=_REMEDY
    )


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.of_kind(Kind.CRON):
        for line in text.code_lines():
            if _CRON_ENTRY.match(line.code):
                yield _job(text, line, "cron", "the package installs a cron entry")
    for text in ctx.of_kind(Kind.SYSTEMD):
        if not text.path.endswith(".timer"):
            continue
        trigger = next((line for line in text.code_lines() if _TIMER_TRIGGER.match(line.code)), None)
        if trigger is not None:
            yield _job(text, trigger, "systemd-timer", "the package installs a systemd timer")
    for text in ctx.of_kind(Kind.SHELL):
        if is_periodic_cron_script(text.path):
            first = text.lines[0] if text.lines else Line(1, "", "")
            yield _job(text, first, "cron-periodic", "the package installs a script that cron runs periodically")
        for line in text.code_lines():
            if _SHELL_SCHEDULE.search(line.code):
                yield _job(text, line, "script", "the script schedules a job (crontab, /etc/cron*, at, systemd-run)")
