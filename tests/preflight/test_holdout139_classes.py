"""Classes the hundred-and-thirty-ninth hold-out set showed (tests/preflight/holdout139: Windows installers, updaters
and maintenance scripts, PowerShell and batch, holdout26/68/127's population sampled a fourth time), each as its
minimal construct next to the nearest input that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

_ROOT = "preflight.root_assumed"

_ADMIN = (
    "([Security.Principal.WindowsPrincipal] [Security.Principal.WindowsIdentity]::GetCurrent())"
    '.IsInRole([Security.Principal.WindowsBuiltInRole] "Administrator")'
)


# -- A: an Administrator check that stops by a bare return ---------------------------------------------------------


def test_a_check_that_returns_from_the_installing_function_stops() -> None:
    text = (
        "function Install-Agent {\n"
        f"    If (-NOT {_ADMIN}) {{\n"
        '        Write-Warning "run as Administrator"\n'
        "        return\n"
        "    }\n"
        "    New-Item -ItemType Directory C:\\agent\n"
        "}\n"
    )
    assert codes_at({"install.ps1": text}, _ROOT) == [2]


def test_a_check_that_returns_a_value_or_goes_on_stays_quiet() -> None:
    predicate = f"function Test-Admin {{\n    if (-not {_ADMIN}) {{\n        return $false\n    }}\n    $true\n}}\n"
    assert codes_at({"install.ps1": predicate}, _ROOT) == []
    warns = f'if (-not {_ADMIN}) {{\n    Write-Warning "some steps may fail"\n}}\nNew-Item C:\\agent\n'
    assert codes_at({"install.ps1": warns}, _ROOT) == []
