"""Classes the hundred-and-fifty-eighth hold-out set showed (tests/preflight/holdout158: Windows installers, updaters
and maintenance scripts, PowerShell and batch, the population of holdout26/68/127/139/149 sampled a sixth time), each
as its minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_ROOT = "preflight.root_assumed"

_ANSWER = (
    "$isAdmin = ([Security.Principal.WindowsPrincipal] [Security.Principal.WindowsIdentity]::GetCurrent())"
    ".IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)\n"
)


# -- A: an Administrator check whose answer is kept in a variable ------------------------------------------------------


def test_a_the_answer_in_a_variable_tested_by_a_check_that_exits() -> None:
    text = _ANSWER + "if (-not $isAdmin) {\n    Write-Host 'run as Administrator'\n    exit 1\n}\nNew-Item C:\\x\n"
    assert codes_at({"upgrade.ps1": text}, _ROOT) == [2]
    inverse = _ANSWER + "if ($isAdmin) {\n    New-Item C:\\x\n} else {\n    throw 'not elevated'\n}\n"
    assert codes_at({"upgrade.ps1": inverse}, _ROOT) == [2]


def test_a_the_answer_used_without_a_stop_or_another_role_stays_quiet() -> None:
    scoped = _ANSWER + (
        "if ($isAdmin) {\n    Install-Module X -Scope AllUsers\n} else {\n    Install-Module X -Scope CurrentUser\n}\n"
    )
    assert codes_at({"setup.ps1": scoped}, _ROOT) == []
    users = _ANSWER.replace("::Administrator", "::User")
    assert codes_at({"setup.ps1": users + "if (-not $isAdmin) {\n    exit 1\n}\n"}, _ROOT) == []
    other = _ANSWER + "if (-not $isAdminTool) {\n    exit 1\n}\n"  # another variable with the same start
    assert codes_at({"setup.ps1": other}, _ROOT) == []


# -- B: 7-Zip's output folder glued to its switch ---------------------------------------------------------------------

_UDE = "preflight.unverified_download_exec"
_ZIP = (
    '$zipPath = "$env:TEMP\\agent.zip"\n'
    "(New-Object Net.WebClient).DownloadFile('https://dl.vendor.io/agent.zip', $zipPath)\n"
)


def test_b_7z_unpacking_into_program_files_through_its_glued_switch() -> None:
    text = _ZIP + '$dest = "C:\\Program Files\\Vendor\\Agent"\n7z x $zipPath -o"$dest" | Out-Null\n'
    assert codes_at({"install.ps1": text}, _UDE) == [4]
    bare = _ZIP + "7z x $zipPath -oC:\\ProgramData\\Vendor -y\n"
    assert codes_at({"install.ps1": bare}, _UDE) == [3]


def test_b_7z_unpacking_into_a_staging_folder_stays_quiet() -> None:
    text = _ZIP + '7z x $zipPath -o"$env:TEMP\\agent" | Out-Null\n'
    assert codes_at({"install.ps1": text}, _UDE) == []
    checked = _ZIP + (
        "if ((Get-FileHash $zipPath).Hash -ne 'AB12') { throw 'bad' }\n"
        '7z x $zipPath -o"C:\\Program Files\\Vendor" | Out-Null\n'
    )
    assert codes_at({"install.ps1": checked}, _UDE) == []


# -- C: a string built by the unary ``-join`` ----------------------------------------------------------------------

_EXT = "preflight.external_endpoint"


def test_c_a_url_built_by_unary_join_names_its_host() -> None:
    text = (
        '$base = "https://manager.vendor.io:443/"\n'
        '$url = -join($base, "software/agent/", $version, "agent.msi")\n'
        '(New-Object System.Net.WebClient).DownloadFile($url, "$env:temp\\agent.msi")\n'
    )
    assert codes_at({"deploy.ps1": text}, _EXT) == [3]
    spaced = '$url = -join ("https://dl.vendor.io/", "x.zip")\nInvoke-WebRequest -Uri $url -OutFile x.zip\n'
    assert codes_at({"deploy.ps1": spaced}, _EXT) == [2]


def test_c_a_unary_join_to_loopback_or_a_binary_join_of_a_path_stays_quiet() -> None:
    local = '$url = -join("http://localhost:", $port, "/health")\nInvoke-WebRequest -Uri $url -UseBasicParsing\n'
    assert codes_at({"check.ps1": local}, _EXT) == []
    negated = '$skip = -not ("https://dl.vendor.io/x.zip")\nWrite-Host $skip\n'  # another unary operator: no call
    assert codes_at({"check.ps1": negated}, _EXT) == []


# -- D: a batch ``powershell`` line whose command needs no ``-Command`` ------------------------------------------------

_SUDO = "preflight.sudo_unavailable"


def test_d_powershell_without_command_runs_its_arguments_as_a_command() -> None:
    text = "@echo off\npowershell Start -File update.bat -Verb RunAs\n"
    assert codes_at({"download.bat": text}, _SUDO) == [2]
    options = "powershell -NoProfile -ExecutionPolicy Bypass Start-Process cmd -Verb RunAs\n"
    assert codes_at({"download.bat": options}, _SUDO) == [1]
    quoted = 'powershell "Start-Process -FilePath setup.exe -Verb RunAs"\n'
    assert codes_at({"download.bat": quoted}, _SUDO) == [1]


def test_d_a_script_file_or_pwsh_bare_argument_stays_quiet() -> None:
    assert codes_at({"run.bat": "powershell -File start.ps1 -Verb RunAs\n"}, _SUDO) == []
    assert codes_at({"run.bat": "pwsh start.ps1 -Verb RunAs\n"}, _SUDO) == []  # PowerShell 7: a file
    assert codes_at({"run.bat": "powershell -ExecutionPolicy Bypass -NoProfile\n"}, _SUDO) == []
    assert codes_at({"run.bat": "start setup.exe -Verb RunAs\n"}, _SUDO) == []  # cmd's own start, not PowerShell


# -- E: a batch variable known in part ---------------------------------------------------------------------------------


def test_e_a_url_known_in_part_keeps_its_host() -> None:
    text = (
        "for /f \"tokens=3\" %%a in ('reg query HKLM\\SOFTWARE\\Vendor /v Version') do (\n"
        '   set "Version=%%~a"\n'
        ")\n"
        "set URL=http://203.0.113.50:8080/update/app-v-%Version%.zip\n"
        'powershell -Command "Invoke-WebRequest %URL% -OutFile app.zip"\n'
    )
    assert codes_at({"download.bat": text}, _EXT) == [5]


def test_e_an_unknown_variable_still_names_no_host() -> None:
    text = 'powershell -Command "Invoke-WebRequest %UPDATE_URL% -OutFile app.zip"\n'
    assert codes_at({"download.bat": text}, _EXT) == []
    local = 'set "V=%%~a"\nset URL=http://127.0.0.1:8080/app-%V%.zip\npowershell -Command "iwr %URL% -OutFile a.zip"\n'
    assert codes_at({"download.bat": local}, _EXT) == []


# -- H: a checksum inside a ``try`` whose ``catch`` goes on ------------------------------------------------------------

_EXE = "Invoke-WebRequest -Uri https://github.com/o/t/releases/download/v1/t.exe -OutFile $tmp\n"


def _checked(catch: str) -> str:
    return (
        _EXE + "try {\n"
        "    $sums = Invoke-RestMethod -Uri https://github.com/o/t/releases/download/v1/checksums.txt\n"
        "    if ((Get-FileHash -Path $tmp -Algorithm SHA256).Hash -ne $sums) { throw 'mismatch' }\n"
        f"}} {catch}\n"
        'Start-Process -FilePath $tmp -ArgumentList "/S"\n'
    )


def test_h_a_checksum_whose_failure_is_caught_and_passed_over_is_no_check() -> None:
    assert codes_at(
        {"install.ps1": _checked("catch [System.Net.WebException] {\n    Write-Warning 'skipping'\n}")}, _UDE
    ) == [8]
    assert codes_at({"install.ps1": _checked("catch {\n    Write-Host $_\n}")}, _UDE) == [8]


def test_h_a_checksum_whose_catch_stops_or_outside_a_try_stays_quiet() -> None:
    assert codes_at({"install.ps1": _checked("catch {\n    Write-Error $_\n    exit 1\n}")}, _UDE) == []
    assert codes_at({"install.ps1": _checked("catch {\n    throw\n}")}, _UDE) == []
    assert codes_at({"install.ps1": _checked("finally {\n    Write-Host done\n}")}, _UDE) == []


# -- G: a literal secret handed to a program as NAME:VALUE / NAME=VALUE ---------------------------------------------

_CRED = "preflight.hardcoded_credential"


def test_g_a_literal_token_or_key_in_a_programs_arguments() -> None:
    agent = '& "C:\\Program Files\\Vendor\\agentctl.exe" -a https://mgr.vendor.io "token:822B634F-B5A4-B295-7B86"\n'
    assert codes_at({"deploy.ps1": agent}, _CRED) == [1]
    msi = "msiexec /i agent.msi /quiet APIKEY=3f9a0c2e7b1d4e5f8a6b9c0d1e2f3a4b\n"
    assert codes_at({"deploy.ps1": msi}, _CRED) == [1]
    assert codes_at({"deploy.bat": msi}, _CRED) == [1]


def test_g_a_variable_placeholder_printed_or_other_name_stays_quiet() -> None:
    quiet = (
        '& "C:\\Program Files\\Vendor\\agentctl.exe" -a https://mgr.vendor.io "token:$Token"\n'
        "msiexec /i agent.msi /quiet APIKEY=<your-api-key>\n"
        '& agentctl.exe "token_file:C:\\ProgramData\\Vendor\\token.txt"\n'
        '& agentctl.exe "tenantID:D2F98333-9496-3B69-8E04-227DD4325E96"\n'
    )
    assert codes_at({"deploy.ps1": quiet}, _CRED) == []
    assert codes_at({"deploy.bat": "msiexec /i agent.msi APIKEY=%API_KEY%\n"}, _CRED) == []
