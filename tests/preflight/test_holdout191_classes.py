"""Classes the hundred-and-ninety-first hold-out set showed (tests/preflight/holdout191: Windows installers,
updaters and maintenance scripts, PowerShell and batch, the population of holdout26/68/127/139/149/158/169/178 sampled
a ninth time), each as its minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

# -- B: an Administrator check whose block does the work another way and ends in success ------------------------------

_ROOT = "preflight.root_assumed"

_FUNCTIONS = (
    'function Write-Info([string]$m) { Write-Host "[install] $m" }\n'
    "function Is-Admin {\n"
    "  $p = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())\n"
    "  return $p.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)\n"
    "}\n"
    "function Install-Task([string]$exe) {\n"
    "  $action = New-ScheduledTaskAction -Execute $exe\n"
    "  Register-ScheduledTask -TaskName Agent -Action $action -Force | Out-Null\n"
    "}\n"
)


def test_b_a_fallback_that_installs_and_exits_zero_is_no_stop() -> None:
    fallback = _FUNCTIONS + (
        "if (-not (Is-Admin)) {\n"
        '  Write-Warning "Not running as Administrator; falling back to a user task."\n'
        "  Install-Task -exe $agentExe\n"
        "  exit 0\n"
        "}\n"
    )
    assert codes_at({"install.ps1": fallback}, _ROOT) == []


def test_b_a_refusal_stays_a_stop_also_with_exit_zero() -> None:
    refusal = _FUNCTIONS + ('if (-not (Is-Admin)) {\n  Write-Info "Run this script as Administrator."\n  exit 0\n}\n')
    assert codes_at({"install.ps1": refusal}, _ROOT) == [10]
    failing = _FUNCTIONS + "if (-not (Is-Admin)) {\n  Install-Task -exe $agentExe\n  exit 1\n}\n"
    assert codes_at({"install.ps1": failing}, _ROOT) == [10]


