"""Classes the two-hundred-and-twenty-first hold-out set showed (tests/preflight/holdout221: Windows installers and
updaters of products, PowerShell, batch and Chocolatey, the population of holdout196/209 sampled a twelfth time),
each as its minimal construct next to the nearest inputs that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_CREDENTIAL = "preflight.hardcoded_credential"
_EGRESS = "preflight.implicit_egress"
_ENDPOINT = "preflight.external_endpoint"
_UNVERIFIED = "preflight.unverified_download_exec"

# -- A: a variable assigned the answer to a prompt, ``$ApiKey = Read-Host "Enter your API key"`` ---------------------


def test_a_a_prompt_answer_is_no_literal_secret() -> None:
    asked = '$ApiKey = Read-Host "  Enter your Agent API Key (from the dashboard)"\n'
    assert codes_at({"install.ps1": asked}, _CREDENTIAL) == []
    secure = '$password = Read-Host "Enter the admin password" -AsSecureString\n'
    assert codes_at({"install.ps1": secure}, _CREDENTIAL) == []
    dialog = '$credential = Get-Credential -Message "Enter the service account password"\n'
    assert codes_at({"install.ps1": dialog}, _CREDENTIAL) == []


def test_a_a_literal_beside_a_prompt_is_still_reported() -> None:
    literal = '$password = "Sup3rS3cretPassw0rd!"\n'
    assert codes_at({"install.ps1": literal}, _CREDENTIAL) == [1]
    # a prompt on another line does not hide the literal assigned here
    both = '$user = Read-Host "User name"\n$ApiKey = "kq9ZrT4vXw2LmN8pQs7Y"\n'
    assert codes_at({"install.ps1": both}, _CREDENTIAL) == [2]


# -- B: ``npm install`` (and the other JavaScript package managers) in a Windows script -----------------------------


def test_b_npm_install_in_a_windows_script_is_egress() -> None:
    script = "Push-Location $InstallDir\nnpm install --production --silent 2>$null\nPop-Location\n"
    assert codes_at({"install.ps1": script}, _EGRESS) == [2]
    assert codes_at({"install.cmd": "@echo off\ncd /d %~dp0\nnpm ci\n"}, _EGRESS) == [3]


def test_b_node_commands_that_fetch_nothing_stay_quiet() -> None:
    quiet = "npm run build --silent\nnpm --version\nnpm install --offline\nyarn run start\n"
    assert codes_at({"install.ps1": quiet}, _EGRESS) == []


# -- C: a program taken out of an unpacked download, and a folder a search of it found -------------------------------

_MOVED = (
    '$binPath = "$env:LOCALAPPDATA\\tool\\tool.exe"\n'
    '$zipPath = "$env:TEMP\\tool.zip"\n'
    "Invoke-WebRequest -Uri https://dl.example-tools.net/tool.zip -OutFile $zipPath\n"
    "Expand-Archive -Path $zipPath -DestinationPath $env:TEMP -Force\n"
    'Move-Item -Path "$env:TEMP\\tool.exe" -Destination $binPath -Force\n'
    'Start-Process -FilePath $binPath -ArgumentList "daemon" -WindowStyle Hidden\n'
)


def test_c_an_exe_moved_out_of_the_unpacked_download_is_followed() -> None:
    assert codes_at({"install.ps1": _MOVED}, _UNVERIFIED) == [6]


def test_c_a_moved_file_never_run_or_a_settings_file_stays_quiet() -> None:
    never_run = _MOVED.replace('Start-Process -FilePath $binPath -ArgumentList "daemon" -WindowStyle Hidden\n', "")
    assert codes_at({"install.ps1": never_run}, _UNVERIFIED) == []
    settings = _MOVED.replace('"$env:TEMP\\tool.exe"', '"$env:TEMP\\tool.json"').replace("tool.exe", "tool.json")
    assert codes_at({"install.ps1": settings}, _UNVERIFIED) == []


_FOUND_FOLDER = (
    '$InstallDir = "C:\\Program Files\\Acme Agent"\n'
    '$tempZip = Join-Path $env:TEMP "agent.zip"\n'
    '$tempExtract = Join-Path $env:TEMP "agent-extract"\n'
    "Invoke-WebRequest -Uri https://github.com/acme/agent/archive/refs/heads/main.zip -OutFile $tempZip\n"
    "Expand-Archive -Path $tempZip -DestinationPath $tempExtract -Force\n"
    "$sourceDir = Get-ChildItem -Path $tempExtract -Directory | Select-Object -First 1\n"
    'Copy-Item -Path "$($sourceDir.FullName)\\*" -Destination $InstallDir -Recurse -Force\n'
)


def test_c_a_found_folder_copied_into_program_files_is_installed() -> None:
    assert codes_at({"install.ps1": _FOUND_FOLDER}, _UNVERIFIED) == [7]


def test_c_a_found_folder_copied_elsewhere_or_another_variable_stays_quiet() -> None:
    elsewhere = _FOUND_FOLDER.replace("C:\\Program Files\\Acme Agent", "D:\\backup\\agent")
    assert codes_at({"install.ps1": elsewhere}, _UNVERIFIED) == []
    other = _FOUND_FOLDER.replace('"$($sourceDir.FullName)\\*"', '"$($PSScriptRoot)\\payload\\*"')
    assert codes_at({"install.ps1": other}, _UNVERIFIED) == []


# -- D: a ``for /f`` loop's command, and ``set "NAME="quoted value""`` -------------------------------------------------

_LOOPED = (
    "@echo off\n"
    'set "psCmd="(Invoke-WebRequest https://registry.example-pkgs.org/npm/latest).Content""\n'
    "for /f %%I in ('powershell -noprofile %psCmd%') do set \"url=%%I\"\n"
)


def test_d_the_command_a_for_loop_reads_is_read() -> None:
    assert codes_at({"install.cmd": _LOOPED}, _ENDPOINT) == [3]
    curl = "@echo off\nfor /f \"tokens=*\" %%v in ('curl -s https://api.example-pkgs.org/version') do set V=%%v\n"
    assert codes_at({"install.cmd": curl}, _ENDPOINT) == [2]


def test_d_a_loop_over_files_or_a_command_in_a_rem_stays_quiet() -> None:
    files = "@echo off\nfor %%f in (*.txt) do echo %%f\n"
    assert codes_at({"install.cmd": files}, _ENDPOINT) == []
    text = "@echo off\nfor /f %%I in ('type hosts.txt') do echo https://%%I.example-pkgs.org\n"
    assert codes_at({"install.cmd": text}, _ENDPOINT) == []
    rem = "@echo off\nrem for /f %%I in ('curl -s https://api.example-pkgs.org/v') do set V=%%I\n"
    assert codes_at({"install.cmd": rem}, _ENDPOINT) == []
