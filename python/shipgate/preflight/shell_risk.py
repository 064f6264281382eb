"""Destructive or risky shell: ``rm -rf`` on variables, ``curl | sh``, world-writable modes, services
and protections switched off."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import Context, Kind

_RM_RECURSIVE = re.compile(r"\brm\s+((?:-{1,2}\w[\w-]*\s+)+)(.*)")
_UNGUARDED_VAR = re.compile(r"^[\"']?\$(?:\{(\w+)\}|(\w+))")
_ROOTISH = re.compile(r"^[\"']?/\*?[\"']?(?:\s|$)")
_PIPE_SHELL = re.compile(
    r"\b(?:curl|wget|fetch)\b[^|;&]{0,512}\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:ba|da|z|k)?sh\b"
    r"|\b(?:ba|da|z|k)?sh\s+<\(\s*(?:curl|wget)\b"
    r"|\b(?:ba|da|z|k)?sh\s+-c\s+[\"']?\$\(\s*(?:curl|wget)\b"
)
_CHMOD_WORLD = re.compile(r"\bchmod\s+(?:-\w+\s+)*(?:0?[0-7]?777|[augo]*[ao][augo]*\+[rwxX]*w|o\+[rwxX]*w)\b")
_DISABLE = re.compile(
    r"\bsystemctl\s+(?:-{1,2}\w[\w-]*\s+)*(disable|mask)\s+(\S+)|\bupdate-rc\.d\s+(\S+)\s+"
    r"(?:disable|remove)|\bchkconfig\s+(\S+)\s+off\b"
)
_PROTECTION_OFF = re.compile(
    r"\bsetenforce\s+0\b|\bufw\s+disable\b|\biptables\s+(?:-F|--flush)\b|"
    r"\bsystemctl\s+(?:stop|disable|mask)\s+(?:firewalld|apparmor|auditd)\b"
)


_COMMAND_END = re.compile(r"[;|)]|&&")


def _rm_target_risky(options: str, rest: str) -> str | None:
    tokens = options.split()
    recursive = any(t == "--recursive" for t in tokens) or any(
        not t.startswith("--") and ("r" in t or "R" in t) for t in tokens
    )
    if not recursive:
        return None
    for word in _COMMAND_END.split(rest, maxsplit=1)[0].split():
        if _ROOTISH.match(word):
            return "the file-system root"
        m = _UNGUARDED_VAR.match(word)
        if m:
            return f"${m.group(1) or m.group(2)}"
    return None


def scan(ctx: Context) -> Iterator[Finding]:
    for text in ctx.of_kind(Kind.SHELL, Kind.CRON):
        for line in text.code_lines():
            code = line.code
            m = _RM_RECURSIVE.search(code)
            if m and (target := _rm_target_risky(m.group(1), m.group(2))):
                yield text.finding(
                    line,
                    "preflight.rm_rf_variable",
                    Severity.HIGH,
                    target=target,
                    message=f"recursive rm on {target}: an empty or unset variable turns it into removing "
                    "/ or the working directory",
                    remedy="Guard the variable (${VAR:?}) and check it is a path under the product's own "
                    "directory before deleting.",
                )
            if _PIPE_SHELL.search(code):
                yield text.finding(
                    line,
                    "preflight.pipe_to_shell",
                    Severity.HIGH,
                    message="downloads code and runs it in a shell without verification",
                    remedy="Ship the code in the package (where its digest is verified) instead of fetching "
                    "and executing it at install time.",
                )
            if _CHMOD_WORLD.search(code):
                yield text.finding(
                    line,
                    "preflight.world_writable",
                    Severity.MEDIUM,
                    message="makes files world-writable",
                    remedy="Use the least permissive mode the service needs (e.g. 0750 / 0640).",
                )
            if _PROTECTION_OFF.search(code):
                yield text.finding(
                    line,
                    "preflight.protection_disabled",
                    Severity.HIGH,
                    message="switches off a host protection (SELinux, firewall, audit)",
                    remedy="Ask the vendor for the specific rule the product needs instead.",
                )
            elif m := _DISABLE.search(code):
                unit = m.group(2) or m.group(3) or m.group(4)
                yield text.finding(
                    line,
                    "preflight.service_disabled",
                    Severity.MEDIUM,
                    unit=unit,
                    message=f"disables or masks service {unit!r}",
                    remedy="Confirm the service is meant to stay off after the upgrade; record it in the change plan.",
                )
