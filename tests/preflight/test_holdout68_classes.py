"""Classes the sixty-eighth hold-out set showed (tests/preflight/holdout68: Windows install, upgrade and maintenance
scripts, PowerShell and batch, holdout26's population measured again), each as its minimal construct next to the
nearest input that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

from shipgate.preflight.windows import parse_windows

_EP = "preflight.external_endpoint"
_UDE = "preflight.unverified_download_exec"
_ROOT = "preflight.root_assumed"
_PERSIST = "preflight.persistence"
_CRED = "preflight.hardcoded_credential"

_COPY_FILE = (
    "function Copy-File {\n"
    "    param([string] $SourcePath, [string] $DestinationPath)\n"
    "    Invoke-WebRequest -Uri $SourcePath -OutFile $DestinationPath -UseBasicParsing\n"
    "}\n"
)


# -- A: a function of the file that downloads the URL it is given ---------------------------------------------------


def test_a_download_wrapper_contacts_at_each_call_and_its_file_is_followed() -> None:
    text = _COPY_FILE + (
        '$dir = "$Env:ProgramFiles\\vendor"\n'
        'Copy-File "https://dl.vendor.io/agent-1.0.tar.gz" "$dir\\agent-1.0.tar.gz"\n'
        'tar.exe -xvf "$dir\\agent-1.0.tar.gz" -C $dir\n'
    )
    assert codes_at({"install.ps1": text}, _EP) == [6]
    assert codes_at({"install.ps1": text}, _UDE) == [7]


def test_a_wrapper_bound_by_name_then_signature_checked_contacts_but_is_verified() -> None:
    text = (
        "function Get-Msi {\n    param([string]$Url, [string]$Destination)\n"
        "    $wc = New-Object System.Net.WebClient\n    $wc.DownloadFile($Url, $Destination)\n}\n"
        '$base = "https://dl.vendor.io"\n'
        '$msi = Join-Path $env:TEMP "agent.msi"\n'
        'Get-Msi -Url "$base/v1/agent.msi" -Destination $msi\n'
        "$sig = Get-AuthenticodeSignature -FilePath $msi\n"
        "if ($sig.Status -ne 'Valid') { throw 'bad signature' }\n"
        'Start-Process msiexec.exe -ArgumentList "/i $msi /qn" -Wait\n'
    )
    assert codes_at({"install.ps1": text}, _EP) == [8]
    assert codes_at({"install.ps1": text}, _UDE) == []


def test_a_wrapper_given_a_local_path_contacts_nothing() -> None:
    text = _COPY_FILE + 'Copy-File "C:\\media\\agent.zip" "$Env:ProgramFiles\\vendor\\agent.zip"\n'
    assert codes_at({"install.ps1": text}, _EP) == []


# -- B: an extraction into a directory the script puts on the PATH through variables ----------------------------------


def test_an_archive_extracted_into_a_directory_put_on_the_user_path_through_variables() -> None:
    text = (
        '$root = "C:\\tools\\vendor"\n'
        '$zip = $root + "\\" + "vendor.zip"\n'
        "Invoke-WebRequest -Uri https://dl.vendor.io/vendor.zip -OutFile $zip\n"
        "Expand-Archive -Force -Path $zip -DestinationPath $root\n"
        "$userPath = [Environment]::GetEnvironmentVariable('PATH', 'User')\n"
        "[Environment]::SetEnvironmentVariable('PATH', $userPath + \";$root\", 'User')\n"
    )
    assert codes_at({"install.ps1": text}, _UDE) == [4]


def test_a_download_saved_through_a_variable_is_followed_by_that_variable() -> None:
    text = (
        '$dest = "$env:LOCALAPPDATA\\vendor"\n'
        "$Parameters = @{ Uri = 'https://dl.vendor.io/v.zip'; OutFile = $archive }\n"
        "Invoke-WebRequest @Parameters\n"
        "Expand-Archive -Path $archive -DestinationPath $dest -Force\n"
        '$path = "$path;$dest"\n'
        "[Environment]::SetEnvironmentVariable('PATH', $path, 'User')\n"
    )
    assert codes_at({"install.ps1": text}, _UDE) == [4]


def test_an_archive_extracted_into_a_directory_kept_off_the_path_is_quiet() -> None:
    text = (
        '$root = "C:\\tools\\vendor"\n'
        "Invoke-WebRequest -Uri https://dl.vendor.io/vendor.zip -OutFile $env:TEMP\\vendor.zip\n"
        "Expand-Archive -Force -Path $env:TEMP\\vendor.zip -DestinationPath $root\n"
        "[Environment]::SetEnvironmentVariable('VENDOR_HOME', $root, 'User')\n"
    )
    assert codes_at({"install.ps1": text}, _UDE) == []


def test_an_archive_extracted_here_then_a_folder_under_the_current_directory_put_on_the_path() -> None:
    text = (
        "Invoke-WebRequest -Uri https://dl.vendor.io/tool.zip -OutFile .\\tool.zip\n"
        "Expand-Archive -Path .\\tool.zip -DestinationPath .\n"
        "$here = $(Get-Location).Path\n"
        '$env:Path = "$here\\tool;" + $env:Path\n'
    )
    assert codes_at({"quick-start.ps1": text}, _UDE) == [2]


def test_an_archive_extracted_here_with_only_an_absolute_folder_on_the_path_is_quiet() -> None:
    text = (
        "Invoke-WebRequest -Uri https://dl.vendor.io/tool.zip -OutFile .\\tool.zip\n"
        "Expand-Archive -Path .\\tool.zip -DestinationPath .\n"
        '$env:Path = "C:\\tools\\other;" + $env:Path\n'
    )
    assert codes_at({"quick-start.ps1": text}, _UDE) == []


# -- C: a downloaded file run by a relative path with forward slashes -------------------------------------------------


def test_a_download_run_as_dot_slash_on_the_same_line_is_reported() -> None:
    text = 'Invoke-WebRequest -Uri "https://dl.vendor.io/setup" -OutFile "setup.exe"; ./setup.exe /S | Out-Null\n'
    assert codes_at({"upgrade.ps1": text}, _UDE) == [1]
    calls = [c.name for c in parse_windows("upgrade.ps1", text).calls]
    assert calls.count("setup") == 1


def test_a_dot_slash_run_of_a_file_the_package_ships_is_quiet() -> None:
    text = 'Invoke-WebRequest -Uri "https://dl.vendor.io/notes.txt" -OutFile "notes.txt"; ./setup.exe /S\n'
    assert codes_at({"upgrade.ps1": text}, _UDE) == []


# -- D: Administrator checks written as functions ---------------------------------------------------------------------


def test_an_admin_check_with_the_role_in_a_variable_and_throw_in_else_requires_root() -> None:
    text = (
        "function Test-Admin {\n"
        "    $me = [Security.Principal.WindowsIdentity]::GetCurrent()\n"
        "    $principal = New-Object Security.Principal.WindowsPrincipal($me)\n"
        "    $adminRole = [System.Security.Principal.WindowsBuiltInRole]::Administrator\n"
        "    if ($principal.IsInRole($adminRole)) {\n        return\n    }\n"
        "    else {\n        # not elevated\n        throw 'run as administrator'\n    }\n}\n"
        "Test-Admin\n"
    )
    assert codes_at({"install.ps1": text}, _ROOT) == [5]


def test_an_admin_check_that_stops_through_a_function_that_exits_requires_root() -> None:
    text = (
        "function Fail {\n    param([string]$Message)\n    Write-Host $Message\n    exit 1\n}\n"
        "function Assert-Administrator {\n"
        "    $p = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()\n"
        "    if (-not $p.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {\n"
        "        Fail 'run as administrator'\n    }\n}\n"
        "Assert-Administrator\n"
    )
    assert codes_at({"install.ps1": text}, _ROOT) == [8]


def test_an_admin_check_that_only_warns_or_returns_a_value_is_quiet() -> None:
    warn = (
        "function Warn { param([string]$Message) Write-Warning $Message }\n"
        "$p = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()\n"
        "if (-not $p.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) { Warn 'not elevated' }\n"
    )
    assert codes_at({"install.ps1": warn}, _ROOT) == []
    otherwise = (
        "$role = [Security.Principal.WindowsBuiltInRole]::Administrator\n"
        "if ($p.IsInRole($role)) { Write-Host 'elevated' } else { Write-Host 'not elevated' }\n"
    )
    assert codes_at({"install.ps1": otherwise}, _ROOT) == []


# -- E: the PATH written where Windows keeps it -----------------------------------------------------------------------


def test_the_path_written_in_the_environment_key_persists_and_another_value_does_not() -> None:
    key = "'Registry::HKEY_LOCAL_MACHINE\\System\\CurrentControlSet\\Control\\Session Manager\\Environment'"
    text = (
        f"Set-ItemProperty -Path {key} -Name PATH -Value $NewPath\n"
        f"Set-ItemProperty -Path {key} -Name VENDOR_HOME -Value 'C:\\vendor'\n"
        "Set-ItemProperty -Path 'HKCU:\\Environment' -Name Path -Value $p\n"
    )
    assert codes_at({"install.ps1": text}, _PERSIST) == [1, 3]
    batch = (
        '@echo off\r\nreg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment" '
        '/v Path /t REG_EXPAND_SZ /d "%PATH%;C:\\vendor" /f\r\n'
        'reg add "HKLM\\SOFTWARE\\Vendor" /v Path /d "C:\\vendor" /f\r\n'
    )
    assert codes_at({"install.bat": batch}, _PERSIST) == [2]


# -- F: a URL joined from parts ---------------------------------------------------------------------------------------


def test_a_url_joined_from_an_array_keeps_its_host() -> None:
    text = (
        '$repo = "https://repo.vendor.io/onedir"\n'
        '$url = @($repo, "minor", $version, $name) -join "/"\n'
        "Invoke-WebRequest -Uri $url -OutFile .\\v.zip\n"
    )
    assert codes_at({"install.ps1": text}, _EP) == [3]
    local = '$url = @($dir, "minor", $name) -join "\\"\nInvoke-WebRequest -Uri $url -OutFile .\\v.zip\n'
    assert codes_at({"install.ps1": local}, _EP) == []


# -- G: a constructor call under a secret-sounding name ---------------------------------------------------------------


def test_a_static_call_assigned_to_a_token_name_is_no_credential_and_a_literal_is() -> None:
    call = "$cancelTokenSource = [System.Threading.CancellationTokenSource]::new()\n"
    assert codes_at({"install.ps1": call}, _CRED) == []
    literal = "$apiToken = 'q8Zr3kP1x9VbT4mN7wLs2Hc'\n"
    assert codes_at({"install.ps1": literal}, _CRED) == [1]
