"""Classes the hundred-and-sixty-ninth hold-out set showed (tests/preflight/holdout169: Windows installers, updaters
and maintenance scripts, PowerShell and batch, the population of holdout26/68/127/139/149/158 sampled a seventh
time), each as its minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

# -- A: an ACL grant that lets every account write --------------------------------------------------------------------

_WW = "preflight.world_writable"


def test_a_icacls_grant_of_write_to_every_account() -> None:
    everyone = 'icacls "C:\\Program Files (x86)\\Db" /grant "*S-1-1-0:(OI)(CI)F" /T /C | Out-Null\n'
    assert codes_at({"install.ps1": everyone}, _WW) == [1]
    users = "@echo off\r\nicacls %~dp0data /grant:r Users:(OI)(CI)M /T\r\n"
    assert codes_at({"install.bat": users}, _WW) == [2]
    specific = 'icacls C:\\App /grant "NT AUTHORITY\\Authenticated Users:(OI)(CI)(WD,AD)"\n'
    assert codes_at({"setup.ps1": specific}, _WW) == [1]


def test_a_a_grant_to_one_account_read_only_or_denied_stays_quiet() -> None:
    service = "icacls C:\\App /grant '\"NT AUTHORITY\\NetworkService\":(OI)(CI)(M)'\n"
    assert codes_at({"install.ps1": service}, _WW) == []
    read = 'icacls "C:\\App" /grant "*S-1-1-0:(OI)(CI)RX" /T\n'
    assert codes_at({"install.ps1": read}, _WW) == []
    denied = "icacls C:\\App /deny Everyone:(OI)(CI)W /grant Administrators:F\n"
    assert codes_at({"install.ps1": denied}, _WW) == []


# -- B: the file a search of an unpacked download finds ---------------------------------------------------------------

_UDE = "preflight.unverified_download_exec"
_FETCH = (
    '$dir = "$env:LOCALAPPDATA\\Programs\\tool"\n'
    "Invoke-WebRequest -Uri https://github.com/o/tool/releases/download/v1/tool.zip -OutFile $zip\n"
    "Expand-Archive -Path $zip -DestinationPath $tmp -Force\n"
    '$exe = Get-ChildItem -Path $tmp -Filter "*.exe" -Recurse | Select-Object -First 1\n'
)
_PATH = '[Environment]::SetEnvironmentVariable("Path", "$old;$dir", "User")\n'


def test_b_a_found_file_of_the_unpacked_download_copied_onto_the_path() -> None:
    text = _FETCH + 'Copy-Item -Path $exe.FullName -Destination "$dir\\tool.exe" -Force\n' + _PATH
    assert codes_at({"install.ps1": text}, _UDE) == [5]
    run = _FETCH + "Start-Process -FilePath $exe.FullName -Wait\n"
    assert codes_at({"install.ps1": run}, _UDE) == [5]


def test_b_a_search_of_another_folder_or_a_checked_file_stays_quiet() -> None:
    other = _FETCH.replace("-Path $tmp -Filter", "-Path $env:ProgramFiles\\Old -Filter")
    text = other + 'Copy-Item -Path $exe.FullName -Destination "$dir\\tool.exe" -Force\n' + _PATH
    assert codes_at({"install.ps1": text}, _UDE) == []
    checked = _FETCH + (
        "if ((Get-FileHash $exe.FullName).Hash -ne 'AB12') { throw 'bad' }\n"
        'Copy-Item -Path $exe.FullName -Destination "$dir\\tool.exe" -Force\n' + _PATH
    )
    assert codes_at({"install.ps1": checked}, _UDE) == []
