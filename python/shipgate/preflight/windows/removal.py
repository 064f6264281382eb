"""Steps of a Windows script that take the product away: the gate reports what an upgrade changes, and a step that
runs only on removal is not reported (docs/preflight.md, "Steps that run only on removal"). Read here: a call in
the body of a function of the file named with PowerShell's approved verb ``Uninstall`` (``Uninstall-Agent``,
``Uninstall-Promptext``): the verb says the function removes the product, so a PATH write there takes its folder
out of the PATH rather than adding one (holdout231)."""

from __future__ import annotations

from shipgate.preflight.windows.model import Call

_REMOVAL_VERBS = frozenset({"uninstall"})


def in_uninstall_function(call: Call) -> bool:
    """``call`` is written in the body of a function whose verb (the part before its first ``-``) is
    ``Uninstall``; a call at the top level or in any other function is not."""
    if not call.function:
        return False
    return call.function.split("-", 1)[0].lower() in _REMOVAL_VERBS
