"""Scheduled work the package installs: crontab entries, systemd timers, periodic cron scripts, Kubernetes CronJobs,
and scripts that install a crontab, write into /etc/cron*, queue ``at``/``batch`` jobs, start transient timers or enable
timer units."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind, at_line, cron_period
from shipgate.preflight.cron_copies import no_new_cron_job
from shipgate.preflight.crontab_restores import no_new_job
from shipgate.preflight.kube_cronjobs import cronjobs
from shipgate.preflight.runners import steps
from shipgate.preflight.shell.commands import operands, written_paths
from shipgate.preflight.shell.model import Command
from shipgate.preflight.units import debhelper_unit

_REMEDY = (
    "Review what the job runs and how often; make sure the target's operations team owns it, "
    "and that it is removed when the package is."
)
_CRON_PLACES = ("/etc/cron", "/var/spool/cron", "/etc/crontab", "/etc/anacrontab")
# Where systemd loads units from (systemd.unit(5)): a system package's unit file elsewhere (jetty9's misspelled
# ``etc/sytemd/system/…``, a copy under ``usr/share``) is never loaded, so its timer never runs.
_UNIT_DIRS = re.compile(r"^(?:(?:usr/)?(?:local/)?lib|etc|run)/systemd/(?:system|user)/")


@dataclass(frozen=True)
class Job:
    path: str
    line: int
    mechanism: str  # cron, systemd-timer, cron-periodic, kubernetes-cronjob, script
    schedule: str
    command: str


def schedules(command: Command) -> str | None:
    """How a shell command schedules work, or None."""
    name = command.name
    args = [w.text for w in command.words] if name in ("crontab", "systemd-run", "systemctl") else []
    if name == "crontab":
        listing = any(a in ("-l", "-r", "-e") or (a.startswith("-") and set(a[1:]) & set("lre")) for a in args)
        if not listing and (
            operands(command) or command.piped_from or any(r.op in ("<", "<<", "<<<") for r in command.redirects)
        ):
            return "crontab"
        return None
    if name in ("at", "batch") and (operands(command) or command.piped_from or command.redirects):
        return name
    if name == "systemd-run" and any(
        a.startswith(("--on-calendar", "--on-active", "--on-boot", "--on-unit")) for a in args
    ):
        return "systemd-run"
    # ``restart`` alone is not counted: it restarts a timer already installed (an update script's ``systemctl restart
    # app-backup.timer``); a timer the script installs is enabled or started (holdout220, holdout205).
    starts = name == "systemctl" and any(a in ("enable", "start") for a in args)
    if starts and any(a.endswith(".timer") for a in args):
        return "timer"
    if any(w.text.startswith(_CRON_PLACES) for w in written_paths(command)):
        return "cron file"
    return None


def _scheduled_targets(command: Command, how: str | None) -> set[str]:
    """What a scheduling command schedules, when a script may name it more than once: the cron files it writes
    (later appends, ``echo "…" >> $CRON_FILE``, add lines to the same job) and the timers it enables or starts
    (``systemctl enable x.timer`` then ``systemctl start x.timer`` start one timer). Empty for the others."""
    if how == "cron file":
        return {w.text for w in written_paths(command) if w.text.startswith(_CRON_PLACES)}
    if how == "timer":
        return {w.text for w in command.words if w.text.endswith(".timer")}
    return set()


def jobs(ctx: Context) -> Iterator[Job]:
    for path, tab in ctx.parsed.crontabs.items():
        if path in ctx.sdist_examples:
            continue  # an sdist's example: installed when someone copies it (shipgate.preflight.sdist_examples)
        for job in tab.jobs:
            yield Job(path, job.line, "cron", job.schedule, job.command)
    for path, unit in ctx.parsed.units.items():
        if ctx.system_package and not _UNIT_DIRS.match(path) and not debhelper_unit(path):
            continue  # a system package's unit outside systemd's unit directories: never loaded
        triggers = unit.triggers() if unit.kind == "timer" else ()
        if triggers:
            yield Job(
                path, triggers[0].line, "systemd-timer", "; ".join(f"{t.key}={t.value}" for t in triggers), unit.name
            )
    for text in ctx.of_kind(Kind.CONFIG):
        for cronjob in cronjobs(text, ctx.texts):
            yield Job(text.path, cronjob.line, "kubernetes-cronjob", cronjob.schedule, cronjob.name)
    for path, script in steps(ctx):
        period = cron_period(path)
        if period is not None:
            yield Job(path, 1, "cron-periodic", period, path)
        scheduled: set[str] = set()
        for command in script.commands:
            how = schedules(command)
            targets = _scheduled_targets(command, how)
            if targets:
                if targets <= scheduled:
                    continue
                scheduled |= targets
            if how == "crontab" and no_new_job(script, command):
                continue  # the account's own table saved and put back, or emptied (crontab_restores.py)
            if how == "cron file" and no_new_cron_job(script, command):
                continue  # a table rewritten from a filtered copy of itself (cron_copies.py)
            if how is not None:
                yield Job(path, command.line, "script", how, command.text)


def scan(ctx: Context) -> Iterator[Finding]:
    seen: set[tuple[str, int]] = set()
    for job in jobs(ctx):
        if (job.path, job.line) in seen:
            continue
        seen.add((job.path, job.line))
        message = {
            "cron": "the package installs a cron entry",
            "systemd-timer": "the package installs a systemd timer",
            "cron-periodic": "the package installs a script that cron runs periodically",
            "kubernetes-cronjob": f"the package installs a Kubernetes CronJob ({job.schedule or 'no schedule'})",
            "script": f"the script schedules a job ({job.schedule})",
        }[job.mechanism]
        yield at_line(
            "preflight.scheduled_job",
            Severity.MEDIUM,
            path=job.path,
            line=job.line,
            text=job.command,
            mechanism=job.mechanism,
            schedule=job.schedule,
            message=message,
            remedy=_REMEDY,
        )


__all__ = ["Job", "jobs", "scan", "schedules"]
