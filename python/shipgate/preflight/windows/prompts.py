"""Where a Windows script asks the person running it for a value: ``$ApiKey = Read-Host "Enter your API key"``.

The quoted text of such a line is the question shown at the prompt, not the value the variable gets, so a
secret-sounding name assigned there holds no literal secret (docs/preflight.md, "Windows scripts").
"""

from __future__ import annotations

from shipgate.preflight.windows.model import WinScript

# Commands whose answer is what the person types (or picks in a dialog); their arguments are the question.
_PROMPTS = frozenset({"read-host", "get-credential"})


def prompted_lines(script: WinScript) -> frozenset[int]:
    """The lines where a variable is assigned the answer to a prompt (``$token = Read-Host "…"``,
    ``$cred = Get-Credential -Message "…"``)."""
    return frozenset(c.line for c in script.calls if c.name in _PROMPTS and c.assigned_to)
