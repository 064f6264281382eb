"""Classes the hundred-and-forty-ninth hold-out set showed (tests/preflight/holdout149: Windows installers, updaters
and maintenance scripts, PowerShell and batch, the population of holdout26/68/127/139 sampled a fifth time), each as
its minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_ROOT = "preflight.root_assumed"
_UDE = "preflight.unverified_download_exec"
_PERSIST = "preflight.persistence"

_ADMIN = "$identity.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)"
_TEST = (
    "function check_if_admin(){\n"
    "    $identity = [Security.Principal.WindowsPrincipal] [Security.Principal.WindowsIdentity]::GetCurrent()\n"
    f"    If (-NOT {_ADMIN}){{\n"
    "        return $false\n"
    "    }\n"
    "    return $true\n"
    "}\n"
)


# -- A: an Administrator check through a function of the file that answers it ----------------------------------------


def test_a_a_function_that_answers_isinrole_tested_by_a_check_that_throws() -> None:
    text = _TEST + "if (!(check_if_admin)){\n    throw 'not an Administrator'\n}\nNew-Item C:\\agent\n"
    assert codes_at({"install.ps1": text}, _ROOT) == [8]
    inverse = _TEST + "if (check_if_admin) {\n    New-Item C:\\agent\n} else {\n    exit 1\n}\n"
    assert codes_at({"install.ps1": inverse}, _ROOT) == [8]


def test_a_the_function_asked_without_a_stop_or_another_role_stays_quiet() -> None:
    warns = _TEST + "if (!(check_if_admin)){\n    Write-Warning 'some steps may fail'\n}\n"
    assert codes_at({"install.ps1": warns}, _ROOT) == []
    users = _TEST.replace("::Administrator", "::User")
    other = users + "if (!(check_if_admin)){\n    throw 'not a user'\n}\n"
    assert codes_at({"install.ps1": other}, _ROOT) == []
    named = _TEST + "if (!(check_if_admin_rights_ok)){\n    throw 'x'\n}\n"  # another name with the same start
    assert codes_at({"install.ps1": named}, _ROOT) == []


# -- C: a batch ``call`` of the downloaded program ---------------------------------------------------------------------

_FETCH = 'curl -L --fail "https://dl.vendor.io/agent.exe" -o "agent.exe"\n'


def test_c_call_of_the_fetched_program_is_a_run() -> None:
    assert codes_at({"update.bat": _FETCH + 'call "agent.exe" install\n'}, _UDE) == [2]
    moved = (
        'curl -L --fail "https://dl.vendor.io/agent.exe" -o "agent-new.exe"\n'
        'move "agent-new.exe" "agent.exe" > nul\n'
        'call "agent.exe" start\n'
    )
    assert codes_at({"update.bat": moved}, _UDE) == [3]


def test_c_call_of_a_label_or_another_program_stays_quiet() -> None:
    assert codes_at({"update.bat": _FETCH + "call :install agent.exe\n"}, _UDE) == []
    assert codes_at({"update.bat": _FETCH + 'call "other.exe" start\n'}, _UDE) == []


# -- D: ``setx /M PATH …`` -----------------------------------------------------------------------------------------


def test_d_setx_of_path_after_its_options_changes_the_path() -> None:
    assert codes_at({"install.cmd": 'setx /M PATH "%PATH%;C:\\tool\\bin"\n'}, _PERSIST) == [1]
    remote = 'setx /s host /u admin /p secret PATH "C:\\tool" /m\n'
    assert codes_at({"install.cmd": remote}, _PERSIST) == [1]


def test_d_setx_of_another_variable_stays_quiet() -> None:
    assert codes_at({"install.cmd": 'setx /M TOOL_HOME "C:\\tool"\n'}, _PERSIST) == []
    assert codes_at({"install.cmd": 'setx /s path TOOL_HOME "C:\\tool"\n'}, _PERSIST) == []  # a host named path


# -- E: an extraction into a folder a function of the file puts on the PATH -----------------------------------------

_ADD_PATH = (
    "function Add-Path($Path) {\n"
    '    $Path = [Environment]::GetEnvironmentVariable("PATH", "Machine") + [IO.Path]::PathSeparator + $Path\n'
    '    [Environment]::SetEnvironmentVariable( "Path", $Path, "Machine" )\n'
    "}\n"
    '$zip = "$env:TEMP\\tool.zip"\n'
    '(New-Object System.Net.WebClient).DownloadFile("https://dl.vendor.io/tool.zip", $zip)\n'
    'Expand-Archive $zip -DestinationPath "$env:APPDATA\\tool" -Force\n'
)


def test_e_extraction_into_a_folder_a_function_puts_on_the_path() -> None:
    assert codes_at({"install.ps1": _ADD_PATH + 'Add-Path "$env:APPDATA\\tool"\n'}, _UDE) == [7]


def test_e_a_function_given_another_folder_stays_quiet() -> None:
    assert codes_at({"install.ps1": _ADD_PATH + 'Add-Path "$env:APPDATA\\other"\n'}, _UDE) == []
    assert codes_at({"install.ps1": _ADD_PATH}, _UDE) == []  # never called
