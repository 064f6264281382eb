"""Windows' world-writable: an ``icacls PATH /grant[:r] PRINCIPAL:RIGHTS …`` that gives every account write
access — Everyone, the local Users group or Authenticated Users (by name or well-known SID) with full control,
modify, write, or a specific write right (holdout169's ``/grant "*S-1-1-0:(OI)(CI)F" /T``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from shipgate.findings import Finding, Severity
from shipgate.preflight.contents import at_line
from shipgate.preflight.windows.model import Call, WinScript

# Every account: Everyone (S-1-1-0), BUILTIN\Users (S-1-5-32-545), Authenticated Users (S-1-5-11).
_EVERY_ACCOUNT = frozenset(
    {
        "everyone",
        "*s-1-1-0",
        "s-1-1-0",
        "users",
        "builtin\\users",
        "*s-1-5-32-545",
        "s-1-5-32-545",
        "authenticated users",
        "nt authority\\authenticated users",
        "*s-1-5-11",
        "s-1-5-11",
    }
)
# Simple rights that write (full, modify, write) and specific ones (generic all/write, write data, append data,
# write attributes, change permissions, take ownership, delete child).
_WRITE_RIGHTS = frozenset({"f", "m", "w", "ga", "gw", "wd", "ad", "wa", "wea", "wdac", "wo", "dc"})
_FLAGS = frozenset({"oi", "ci", "io", "np", "i"})
_MAX_GRANTS = 64  # principals read after one /grant


def _writes(rights: str) -> bool:
    """``(OI)(CI)F``, ``(M)``, ``(OI)(CI)(WD,AD)``: a write right among the parts that are not inheritance flags."""
    parts = [p for group in re.findall(r"\(([^)]*)\)|([a-z]+)", rights.lower()) for p in group if p]
    names = {n.strip() for p in parts for n in p.split(",")} - _FLAGS
    return bool(names & _WRITE_RIGHTS)


def _open_grant(call: Call) -> str | None:
    """The first ``PRINCIPAL:RIGHTS`` after ``/grant`` or ``/grant:r`` that lets every account write, or None."""
    if call.name != "icacls":
        return None
    granting = False
    read = 0
    for word in call.words:
        text = word.text.strip().strip("'\"")
        if text.startswith("/"):
            granting = text.lower() in ("/grant", "/grant:r")
            continue
        if not granting or ":" not in text or read >= _MAX_GRANTS:
            continue
        read += 1
        principal, _, rights = text.rpartition(":")
        if principal.strip("'\"").lower() in _EVERY_ACCOUNT and _writes(rights):
            return text
    return None


def open_grants(script: WinScript) -> Iterator[Finding]:
    for call in script.calls:
        grant = _open_grant(call)
        if grant is None:
            continue
        yield at_line(
            "preflight.world_writable",
            Severity.MEDIUM,
            path=script.path,
            line=call.line,
            text=call.text.strip(),
            message=f"the script lets every account write to what it installs (icacls /grant {grant})",
            remedy="Grant write access to the service's own account (NT SERVICE\\<name>, NETWORK SERVICE) or an "
            "administrators' group only; give Users read and execute.",
        )
