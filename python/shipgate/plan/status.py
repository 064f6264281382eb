"""The status template: short, conservative stakeholder updates for one channel, one per phase (before,
during, done, rolled back), filled with the package, the window and the risks. Conservative: it promises
the estimate with its buffer, never the vendor's figure, and names the open risks instead of hiding them.
When shipgate found no step that takes the service down and no window was negotiated, the messages say the
length of the interruption is not known — never "up to 0 s"."""

from __future__ import annotations

from shipgate.findings import Finding, Severity
from shipgate.package.durations import format_duration
from shipgate.plan.model import Status, Window

MAX_RISKS = 3


def _risks(findings: list[Finding]) -> str:
    serious: list[Finding] = []
    for f in sorted(findings, key=lambda f: -f.severity):
        if f.severity >= Severity.HIGH and f.code not in {s.code for s in serious}:
            serious.append(f)  # one line per kind of risk
    if not serious:
        return "No high risks are open."
    named = "; ".join(f.message.split(": ", 1)[-1] for f in serious[:MAX_RISKS])
    more = f" (and {len(serious) - MAX_RISKS} more)" if len(serious) > MAX_RISKS else ""
    return f"Open risks being handled: {named}{more}."


def _planned(title: str, window: Window) -> tuple[str, str]:
    """The 'before' and 'during' sentences about the interruption."""
    if window.negotiated is None and not window.estimated:
        return (f"Planned: upgrade of {title}. How long the service will be interrupted is not known yet (no step "
                "that takes it down was found in the package); we will confirm the window before it starts.",
                f"In progress: upgrade of {title}. The service may be interrupted. Next update when the upgrade is "
                "done.")
    length = format_duration(window.negotiated or window.estimate)
    return (f"Planned: upgrade of {title}, in a window of up to {length} (service interruption expected).",
            f"In progress: upgrade of {title}. The service is interrupted for up to {length}. Next update when it "
            "is back, or at the end of the window at the latest.")


def status_template(*, title: str, window: Window, findings: list[Finding], rollback_ready: bool) -> Status:
    back = "A rollback plan is ready." if rollback_ready else "Parts of the rollback are manual; see the plan."
    before, during = _planned(title, window)
    return Status(messages={
        "before": f"{before} {_risks(findings)} {back} We will post when it starts and when it ends.",
        "during": during,
        "done": f"Done: {title} is upgraded and the service is back. We are watching it closely for the next "
        "hours; report anything unusual to the operations channel.",
        "rolled_back": f"Rolled back: the upgrade of {title} did not complete as planned and the previous version "
        "is running again. No further action is needed from you; a new date follows.",
    })
