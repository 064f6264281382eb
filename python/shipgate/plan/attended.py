"""*Attended steps*: script lines that wait for someone at the terminal (``plan.prompts``: a ``read``, a dialog,
a password prompt, a container run with a terminal, a package change without ``-y``). Unattended, such a step
hangs, reads an empty answer or aborts; the plan says, before the window, that someone must be at the terminal
(one step and one ``plan.interactive_step`` finding per script, naming its lines)."""

from __future__ import annotations

from collections import defaultdict

from shipgate.findings import Finding, Severity
from shipgate.plan.findings import plan_finding
from shipgate.plan.index import Located, PackageIndex
from shipgate.plan.model import Step

MAX_NAMED = 5  # lines named in one step's text; the finding's evidence lists them all


def _by_script(index: PackageIndex) -> dict[str, list[Located]]:
    found: dict[str, list[Located]] = defaultdict(list)
    for c in index.commands:
        if c.kind == "prompt":
            found[c.file].append(c)
    return dict(sorted(found.items()))


def _named(prompts: list[Located]) -> str:
    named = "; ".join(f"line {p.line}: {p.detail.get('why', 'waits for input')}" for p in prompts[:MAX_NAMED])
    more = f" (and {len(prompts) - MAX_NAMED} more)" if len(prompts) > MAX_NAMED else ""
    return named + more


def attended(index: PackageIndex) -> tuple[list[Step], list[Finding]]:
    steps: list[Step] = []
    findings: list[Finding] = []
    for path, prompts in _by_script(index).items():
        lines = [p.line for p in prompts if p.line is not None]
        message = (f"{path}: the script waits for someone at the terminal ({_named(prompts)}); run unattended it "
                   "hangs, goes on with an empty answer or aborts")
        findings.append(plan_finding("plan.interactive_step", Severity.MEDIUM, path=path, message=message,
                                     line=lines[0] if lines else None, lines=lines))
        steps.append(Step(kind="attended", text=f"Have someone at the terminal when {path} runs, or answer its "
                          "prompts in advance (the tool's non-interactive option, -y, a password file) and test "
                          "that unattended", why=message, where=f"{path}:{lines[0]}" if lines else path,
                          code="plan.interactive_step"))
    return steps, findings
