"""A test of the effective capabilities: a privilege check as a uid test is one.

A container entrypoint that may run unprivileged asks the kernel what it may do rather than who it is: it reads
``CapEff`` from ``/proc/self/status`` (or ``/proc/$$/status``) and tests a bit (``CAP_SYS_ADMIN``,
``CAP_NET_ADMIN``), or asks ``capsh --print`` / ``capsh --has-p=…``. A function that does is a privilege
predicate as ``is_root`` is (shell.reader's root predicates): ``has_cap_sys_admin || { echo "won't remount";
return; }`` skips the privileged steps that follow for a run without the capability. A function that calls such a
predicate (``has_cap_net_admin() { has_effective_capability 12; }``) is one too."""

from __future__ import annotations

import re

# The status file of the shell itself, read for its capability sets.
_STATUS_FILE = re.compile(r"/proc/(?:self|\$\$|\$\{?BASHPID\}?)/status\b")
_EFFECTIVE = re.compile(r"\bCapEff\b")
# capsh's report of the current sets, or its test of one capability.
_CAPSH = re.compile(r"\bcapsh\s+(?:--print\b|--has-[pi]=)")


def reads_capabilities(source: str) -> bool:
    """Whether a function's source reads the shell's effective capabilities."""
    return bool(_EFFECTIVE.search(source) and _STATUS_FILE.search(source)) or bool(_CAPSH.search(source))
