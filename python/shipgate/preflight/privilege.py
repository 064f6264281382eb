"""Scripts that escalate privileges (sudo, su, pkexec, doas) or assume they already run as root."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind

# A command word: at the start of a line or after ; & | ( ` $( then do else ! or another escalator's flags.
_COMMAND_START = r"(?:^|[;&|(`]|\$\(|\bthen\s|\bdo\s|\belse\s|!\s)\s*"
# Wrappers that run the next word as a command.
_WRAPPERS = r"(?:(?:exec|nohup|command|time|nice|xargs|env(?:\s+\w+=\S*)*)\s+)*"
_ESCALATE = re.compile(_COMMAND_START + _WRAPPERS + r"(sudo|su|pkexec|doas|runuser)(?=\s|$)")
_ROOT_CHECK = re.compile(
    r"(?:\$\(\s*id\s+-u\s*\)|`id\s+-u`|\$\{?E?UID\}?)\"?\s*(?:-eq|-ne|-gt|==|!=|=)\s*\"?0\b"
    r"|\(\(\s*E?UID\s*(?:!=|==|>|<)\s*0\b"
    r"|(?:\$\(\s*(?:id\s+-un|whoami)\s*\)|\$\{?USER\}?)\"?\s*(?:!=|==|=)\s*\"?root\b"
    r"|\bwhoami\b[^;&|]{0,80}\broot\b"
    r"|(?i:must\s+be\s+(?:run\s+as\s+)?root|requires?\s+root|run\s+(?:this\s+|it\s+)?as\s+root)"
)


def scan(ctx: Context) -> Iterator[Finding]:
    sudo = ctx.inventory.sudo if ctx.inventory is not None else None
    for text in ctx.of_kind(Kind.SHELL, Kind.CRON):
        for line in text.code_lines():
            m = _ESCALATE.search(line.code)
            if m:
                tool = m.group(1)
                if sudo is False:
                    yield text.finding(
                        line,
                        "preflight.sudo_unavailable",
                        Severity.HIGH,
                        tool=tool,
                        message=f"the script runs {tool!r} but the target's installers run without sudo "
                        "(inventory host.sudo = false); the step will fail or hang at a password prompt",
                        remedy="Ask the vendor for an installer that runs unprivileged, or grant the "
                        "specific command to the installer account and update the inventory.",
                    )
                else:
                    yield text.finding(
                        line,
                        "preflight.privileged_script",
                        Severity.INFO,
                        tool=tool,
                        message=f"the script escalates privileges with {tool!r}",
                        remedy="Confirm the installer account may run this command on the target.",
                    )
                continue
            if _ROOT_CHECK.search(line.code):
                yield text.finding(
                    line,
                    "preflight.root_assumed",
                    Severity.HIGH if sudo is False else Severity.INFO,
                    message="the script checks for or assumes root"
                    + (" but the target's installers run without sudo" if sudo is False else ""),
                    remedy="Run the step as root by a sanctioned mechanism, or ask the vendor to drop "
                    "the root requirement.",
                )
