"""Classes the two-hundred-and-fifty-fourth hold-out set showed (tests/preflight/holdout254: Windows installers,
updaters and maintenance scripts of products, PowerShell, batch and Chocolatey, the population of holdout221/231/246
sampled a fifteenth time), each as its minimal construct next to the nearest inputs that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_EGRESS = "preflight.implicit_egress"
_UNVERIFIED = "preflight.unverified_download_exec"

# -- A: a Chocolatey helper's -Checksum64 checks only the -Url64bit it goes with ----------------------------------

_ZIP = (
    "$toolsDir = Split-Path -Parent $MyInvocation.MyCommand.Definition\n"
    "$url = 'https://github.com/example-org/cli/releases/download/v1.0.0/cli_windows_amd64.zip'\n"
    "Install-ChocolateyZipPackage $env:ChocolateyPackageName $url $toolsDir -checksum64 'ab12' "
    "-checksumType64 'sha256'\n"
)


def test_a_a_32_bit_url_checked_only_by_checksum64_is_reported() -> None:
    assert codes_at({"tools/chocolateyinstall.ps1": _ZIP}, _UNVERIFIED) == [3]
    named = _ZIP.replace("$url $toolsDir", "-Url $url -UnzipLocation $toolsDir")
    assert codes_at({"tools/chocolateyinstall.ps1": named}, _UNVERIFIED) == [3]


def test_a_each_url_with_its_own_checksum_is_quiet() -> None:
    plain = _ZIP.replace("-checksum64 'ab12' -checksumType64", "-checksum 'ab12' -checksumType")
    assert codes_at({"tools/chocolateyinstall.ps1": plain}, _UNVERIFIED) == []
    wide = _ZIP.replace("$url $toolsDir", "-Url64bit $url -UnzipLocation $toolsDir")
    assert codes_at({"tools/chocolateyinstall.ps1": wide}, _UNVERIFIED) == []
    both = _ZIP.replace("$url $toolsDir", "$url $toolsDir $url -checksum 'ab12'")
    assert codes_at({"tools/chocolateyinstall.ps1": both}, _UNVERIFIED) == []


def test_a_a_64_bit_url_without_checksum64_is_reported() -> None:
    split = _ZIP.replace(
        "$url $toolsDir -checksum64 'ab12' -checksumType64 'sha256'",
        "-Url $url -Url64bit 'https://github.com/example-org/cli/releases/download/v1.0.0/cli_x64.zip' "
        "-UnzipLocation $toolsDir -Checksum 'ab12'",
    )
    assert codes_at({"tools/chocolateyinstall.ps1": split}, _UNVERIFIED) == [3]


# -- B: git fetch/pull of a configured remote reaches the network --------------------------------------------------

_PULL = "Set-Location $PSScriptRoot\ngit fetch origin $branch\ngit pull --ff-only origin $branch\n"


def test_b_a_fetch_and_a_pull_of_a_named_remote_are_egress() -> None:
    assert codes_at({"scripts/upgrade.ps1": _PULL}, _EGRESS) == [2, 3]
    assert codes_at({"update.ps1": "git pull\n"}, _EGRESS) == [1]


def test_b_a_remote_by_url_a_cloned_or_added_remote_and_other_verbs_are_not_egress() -> None:
    by_url = "git pull https://github.com/example-org/app.git main\n"
    assert codes_at({"update.ps1": by_url}, _EGRESS) == []
    cloned = "git clone https://github.com/example-org/app.git app\nSet-Location app\ngit pull origin main\n"
    assert codes_at({"update.ps1": cloned}, _EGRESS) == []
    added = "git remote add upstream https://github.com/example-org/app.git\ngit fetch upstream\n"
    assert codes_at({"update.ps1": added}, _EGRESS) == []
    local = "git status --porcelain\ngit rev-parse --abbrev-ref HEAD\ngit remote -v\n"
    assert codes_at({"update.ps1": local}, _EGRESS) == []


# -- C: the branch a pull brought in, run (the script relaunched, a service restarted right after) -----------------


def test_c_the_script_relaunched_after_a_pull_runs_the_pulled_branch() -> None:
    relaunch = (
        "git pull --ff-only origin $branch\n"
        "if ($LASTEXITCODE -ne 0) { throw 'pull failed' }\n"
        "Write-Host 'reloading'\n"
        "& powershell.exe -NoProfile -File $PSCommandPath -Resume\n"
    )
    assert codes_at({"scripts/upgrade.ps1": relaunch}, _UNVERIFIED) == [4]
    invoked = relaunch.replace("$PSCommandPath", "$MyInvocation.MyCommand.Path")
    assert codes_at({"scripts/upgrade.ps1": invoked}, _UNVERIFIED) == [4]


def test_c_a_service_restarted_right_after_a_pull_runs_the_pulled_branch() -> None:
    restart = (
        "Set-Location $PSScriptRoot\ngit pull origin main\n"
        "if (Get-Service -Name App -ErrorAction SilentlyContinue) { Restart-Service -Name App -Force }\n"
    )
    assert codes_at({"update-repo.ps1": restart}, _UNVERIFIED) == [3]


def test_c_a_pinned_pull_a_later_restart_and_a_relaunch_without_a_pull_are_quiet() -> None:
    pinned = "git pull origin 0123456789abcdef0123456789abcdef01234567\nRestart-Service -Name App\n"
    assert codes_at({"update.ps1": pinned}, _UNVERIFIED) == []
    later = "git pull origin main\nCopy-Item .\\dist\\* 'D:\\other' -Recurse\nRestart-Service -Name App\n"
    assert codes_at({"update.ps1": later}, _UNVERIFIED) == []
    alone = "Write-Host 'again'\n& powershell.exe -File $PSCommandPath -Resume\n"
    assert codes_at({"update.ps1": alone}, _UNVERIFIED) == []
    printed = 'git pull origin main\nWrite-Host "run $PSCommandPath again"\n'
    assert codes_at({"update.ps1": printed}, _UNVERIFIED) == []


_CLONE = (
    "git clone https://github.com/example-org/app.git app\n"
    "Set-Location app\n"
    "winget install --id GoLang.Go -e\n"
    "& .\\build.ps1\n"
)


def test_c_a_branch_clone_gone_into_and_built_or_run_is_reported() -> None:
    assert codes_at({"scripts/install-windows.ps1": _CLONE}, _UNVERIFIED) == [4]
    deeper = _CLONE.replace("& .\\build.ps1", "Set-Location 'cmd/agent'\ngo build -o agent.exe .")
    assert codes_at({"scripts/install-windows.ps1": deeper}, _UNVERIFIED) == [5]
    unnamed = _CLONE.replace("app.git app", "app.git")
    assert codes_at({"scripts/install-windows.ps1": unnamed}, _UNVERIFIED) == [4]


def test_c_a_pinned_clone_another_folder_or_no_run_is_quiet() -> None:
    pinned = _CLONE.replace("winget", "git checkout 0123456789abcdef0123456789abcdef01234567\nwinget")
    assert codes_at({"scripts/install-windows.ps1": pinned}, _UNVERIFIED) == []
    elsewhere = _CLONE.replace("Set-Location app", "Set-Location C:\\tools")
    assert codes_at({"scripts/install-windows.ps1": elsewhere}, _UNVERIFIED) == []
    left = _CLONE.replace("Set-Location app\n", "Set-Location app\nSet-Location ..\n")
    assert codes_at({"scripts/install-windows.ps1": left}, _UNVERIFIED) == []
    listed = _CLONE.replace("& .\\build.ps1", "Get-ChildItem .")
    assert codes_at({"scripts/install-windows.ps1": listed}, _UNVERIFIED) == []


# -- D: a downloaded program run through ``cmd /c "…"`` ----------------------------------------------------------

_CMD = (
    "$exe = 'C:\\Tunnel\\tool.exe'\n"
    "(New-Object Net.WebClient).DownloadFile('https://github.com/example-org/tool/releases/download/v2/tool.exe', "
    "$exe)\n"
    'cmd /c "`"$exe`" register --accept-tos > `"C:\\Tunnel\\register.log`" 2>&1"\n'
)


def test_d_a_download_run_by_cmd_c_is_reported() -> None:
    assert codes_at({"install.ps1": _CMD}, _UNVERIFIED) == [3]


def test_d_cmd_c_running_another_program_or_naming_the_file_later_is_quiet() -> None:
    other = _CMD.replace('cmd /c "`"$exe`" register', 'cmd /c "`"C:\\Tunnel\\other.exe`" register')
    assert codes_at({"install.ps1": other}, _UNVERIFIED) == []
    typed = _CMD.replace('cmd /c "`"$exe`" register --accept-tos', 'cmd /c "type `"$exe`"')
    assert codes_at({"install.ps1": typed}, _UNVERIFIED) == []


# -- E: files of a downloaded release xcopied over the script's own folder ----------------------------------------

_XCOPY = (
    "@echo off\n"
    "set TEMP_DIR=%TEMP%\\app-update\n"
    "powershell -Command \"Invoke-WebRequest -Uri 'https://github.com/example-org/app/releases/download/v2/app.zip' "
    "-OutFile '%TEMP_DIR%\\app.zip'\"\n"
    "powershell -Command \"Expand-Archive -Path '%TEMP_DIR%\\app.zip' -DestinationPath '%TEMP_DIR%\\extracted' "
    '-Force"\n'
    'xcopy "%TEMP_DIR%\\extracted\\*.*" "%~dp0" /E /I /Y /Q\n'
    "sc start AppServer\n"
)


def test_e_an_extracted_release_xcopied_over_the_script_folder_is_reported() -> None:
    assert codes_at({"scripts/update-service.bat": _XCOPY}, _UNVERIFIED) == [5]


def test_e_an_xcopy_elsewhere_or_of_another_folder_is_quiet() -> None:
    elsewhere = _XCOPY.replace('"%~dp0"', '"D:\\staging"')
    assert codes_at({"scripts/update-service.bat": elsewhere}, _UNVERIFIED) == []
    backup = _XCOPY.replace('xcopy "%TEMP_DIR%\\extracted\\*.*" "%~dp0"', 'xcopy "%~dp0*.*" "%~dp0backup\\"')
    assert codes_at({"scripts/update-service.bat": backup}, _UNVERIFIED) == []
