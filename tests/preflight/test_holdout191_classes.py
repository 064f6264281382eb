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


# -- C: a parameter default that says no value was given ---------------------------------------------------------------

_DEFAULT = "preflight.default_credential"
_HARDCODED = "preflight.hardcoded_credential"


def test_c_a_default_saying_no_token_is_no_credential() -> None:
    script = "param (\n    [string]$token = 'not_token',\n    [string]$password = \"no-password\"\n)\n"
    assert codes_at({"LocalAgent.ps1": script}, _DEFAULT) == []
    assert codes_at({"LocalAgent.ps1": script}, _HARDCODED) == []


def test_c_a_real_default_beginning_with_no_or_not_is_still_read() -> None:
    script = "param (\n    [string]$token = 'notary-77f3a1',\n    [string]$password = 'no1pass'\n)\n"
    assert codes_at({"LocalAgent.ps1": script}, _DEFAULT) == [2, 3]


# -- G: pip run by a Python interpreter in a Windows script -----------------------------------------------------------

_EGRESS = "preflight.implicit_egress"


def test_g_pip_install_from_the_default_index_is_implicit_egress() -> None:
    batch = '@echo off\r\ncall "C:\\App\\WPy64\\scripts\\python.bat" -m pip install --upgrade octoprint\r\n'
    assert codes_at({"upgrade.bat": batch}, _EGRESS) == [2]
    powershell = "& py -m pip install -r requirements.txt\npip install requests\n"
    assert codes_at({"update.ps1": powershell}, _EGRESS) == [1, 2]


def test_g_pip_with_its_index_named_or_another_module_stays_quiet() -> None:
    named = "python -m pip install --index-url https://pypi.internal.example/simple app\n"
    assert codes_at({"update.ps1": named}, _EGRESS) == []
    offline = "python -m pip install --no-index --find-links .\\wheels app\npython -m venv .venv\n"
    assert codes_at({"update.ps1": offline}, _EGRESS) == []
    listing = "python -m pip list\npython -m pipx install app\n"
    assert codes_at({"update.ps1": listing}, _EGRESS) == []


# -- A: a script in tools/ named for fetching a release is an installer, not a maintainer's release tool -------------

_ENDPOINT = "preflight.external_endpoint"
_FETCH = "if (-not (Test-Path c:/bin/gh-release.exe)) {\n  curl -OutFile r.zip -Uri https://github.com/o/r/releases/download/1.2/r.zip\n}\n"


def test_a_an_install_release_script_in_tools_is_read_as_an_installer() -> None:
    for name in ("tools/install-github-release.ps1", "scripts/install-release.ps1", "tools/download-release.ps1"):
        assert codes_at({name: _FETCH}, _ENDPOINT) == [2], name


def test_a_a_script_that_cuts_a_release_stays_a_maintainers_tool() -> None:
    for name in ("tools/make-release.ps1", "scripts/release.ps1", "tools/update-copyrights.ps1"):
        assert codes_at({name: _FETCH}, _ENDPOINT) == [], name
