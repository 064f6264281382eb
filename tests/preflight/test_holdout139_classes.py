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


# -- C: bitsadmin's transfer of a URL the caller passes; Windows' own Temp is no install place ----------------------

_UDE = "preflight.unverified_download_exec"


def test_c_bitsadmin_transfer_of_the_argument_then_run_is_reported_at_the_run() -> None:
    text = (
        "bitsadmin /transfer job /download /priority normal %1 c:\\windows\\temp\\setup.exe\n"
        "c:\\windows\\temp\\setup.exe /quiet\n"
    )
    assert codes_at({"setup.cmd": text}, _UDE) == [2]
    literal = text.replace("%1", "https://dl.vendor.io/setup.exe")
    assert codes_at({"setup.cmd": literal}, _UDE) == [2]  # saved into Windows\Temp: staged, not installed


def test_c_a_transfer_never_run_or_no_transfer_stays_quiet() -> None:
    fetched = "bitsadmin /transfer job /download /priority normal %1 c:\\windows\\temp\\setup.exe\n"
    assert codes_at({"setup.cmd": fetched}, _UDE) == []
    listing = "bitsadmin /list /allusers /verbose\nc:\\windows\\temp\\setup.exe /quiet\n"
    assert codes_at({"setup.cmd": listing}, _UDE) == []
    system = "bitsadmin /transfer job %1 c:\\windows\\system32\\tool.exe\n"
    assert codes_at({"setup.cmd": system}, _UDE) == [1]  # saved into System32: installed there


# -- B: a function no run of the file reaches is an entry point its caller starts; -Out for -OutFile ----------------

_MODULE = (
    "New-Module -Name agent-install -ScriptBlock {\n"
    "    function Install-Agent {\n"
    '        $exe = "$env:TEMP\\agent.exe"\n'
    '        (New-Object Net.WebClient).DownloadFile("https://dl.vendor.io/agent.exe", $exe)\n'
    "        & $exe /S\n"
    "    }\n"
    "    Export-ModuleMember -Function Install-Agent\n"
    "}\n"
)


def test_b_an_exported_function_never_called_in_the_file_is_read_as_run() -> None:
    assert codes_at({"install.ps1": _MODULE}, _UDE) == [5]


def test_b_a_called_function_is_read_once_and_a_checked_one_stays_quiet() -> None:
    called = _MODULE.replace("    Export-ModuleMember", "    Install-Agent\n    Export-ModuleMember")
    assert codes_at({"install.ps1": called}, _UDE) == [5]  # reached from the top level: not run a second time
    checked = _MODULE.replace(
        "        & $exe", "        if ((Get-FileHash $exe).Hash -ne $sum) { throw 'bad' }\n        & $exe"
    )
    assert codes_at({"install.ps1": checked}, _UDE) == []


def test_b_a_web_cmdlet_saving_by_the_out_prefix_and_its_uri_by_position() -> None:
    text = (
        "function Get-Package {\n"
        "    param ($downloadpath)\n"
        '    Invoke-WebRequest $downloadpath -Out "$env:TEMP\\agent.zip"\n'
        "}\n"
        "Get-Package($release)\n"
        'Expand-Archive -Path "$env:TEMP\\agent.zip" -DestinationPath "$env:ProgramFiles\\Vendor"\n'
    )
    assert codes_at({"install.ps1": text}, _UDE) == [6]
    content = text.replace('-Out "$env:TEMP\\agent.zip"', "-OutVariable page")
    assert codes_at({"install.ps1": content}, _UDE) == []  # the body is kept in a variable, no file is saved


# -- F: a hashtable's entry read by member access ------------------------------------------------------------------

_EP = "preflight.external_endpoint"
_CHOCO_ARGS = (
    "$packageArgs = @{\n"
    "    packageName = $env:ChocolateyPackageName\n"
    "    url = 'https://github.com/vendor/tool/releases/download/v1/tool.zip'\n"
    "    checksum = 'SUM'\n"
    "}\n"
    "Install-ChocolateyZipPackage `\n"
    "  -PackageName $packageArgs.packageName `\n"
    "  -Url $packageArgs.url `\n"
    "  -Checksum $packageArgs.checksum\n"
)


def test_f_a_member_of_a_hashtable_literal_is_its_entry() -> None:
    files = {"tools/chocolateyInstall.ps1": _CHOCO_ARGS}
    assert codes_at(files, _EP) == [6]
    assert codes_at(files, _UDE) == []  # the checksum entry is read too
    unchecked = {"tools/chocolateyInstall.ps1": _CHOCO_ARGS.replace("'SUM'", "''")}
    assert codes_at(unchecked, _UDE) == [6]  # an empty checksum entry is no checksum


def test_f_a_member_of_anything_else_names_nothing() -> None:
    text = (
        "$config = Get-Content config.json | ConvertFrom-Json\n"
        "Invoke-WebRequest -Uri $config.url -OutFile tool.zip\n"
        "$packageArgs = @{ url = 'https://github.com/vendor/tool.zip' }\n"
        "Invoke-WebRequest -Uri $packageArgs.mirror -OutFile tool2.zip\n"
    )
    assert codes_at({"install.ps1": text}, _EP) == []


# -- E: a URL a function of the file returns ---------------------------------------------------------------------

_RETURNED = (
    "function Get-LatestRelease {\n"
    "    $tag = (Invoke-RestMethod $releases).tag_name\n"
    '    $download = "https://github.com/vendor/agent/releases/download/$tag/agent.zip"\n'
    "    return $download\n"
    "}\n"
    "function Get-Package {\n"
    "    param ($url)\n"
    '    Invoke-WebRequest $url -OutFile "$env:TEMP\\agent.zip"\n'
    "}\n"
    "$release = Get-LatestRelease\n"
    "Get-Package($release)\n"
)


def test_e_a_url_returned_by_a_function_of_the_file_names_its_host() -> None:
    assert codes_at({"install.ps1": _RETURNED}, _EP) == [11]


def test_e_a_function_returning_no_url_or_a_command_of_no_function_names_nothing() -> None:
    no_url = _RETURNED.replace('"https://github.com/vendor/agent/releases/download/$tag/agent.zip"', "$tag")
    assert codes_at({"install.ps1": no_url}, _EP) == []
    other = _RETURNED.replace("$release = Get-LatestRelease", "$release = Get-Content release.txt")
    assert codes_at({"install.ps1": other}, _EP) == []


# -- D: a downloaded program registered as a service; an extraction into the current directory ------------------

_HERE = (
    "Invoke-WebRequest -Uri https://ci.vendor.io/agent.zip -OutFile agent.zip\n"
    "Expand-Archive -Path agent.zip -DestinationPath $PWD\n"
    'sc.exe create agent binPath= ".\\agentd.exe" start= auto\n'
)


def test_d_a_program_from_an_archive_extracted_here_registered_as_a_service() -> None:
    assert codes_at({"install.ps1": _HERE}, _UDE) == [3]
    direct = (
        'Invoke-WebRequest -Uri https://ci.vendor.io/agent.exe -OutFile "C:\\agent\\agent.exe"\n'
        'New-Service -Name agent -BinaryPathName "C:\\agent\\agent.exe"\n'
    )
    assert codes_at({"install.ps1": direct}, _UDE) == [2]


def test_d_the_package_s_own_program_a_query_or_a_checked_archive_stays_quiet() -> None:
    own = _HERE.replace('".\\agentd.exe"', '"$PSScriptRoot\\agentd.exe"')
    assert codes_at({"install.ps1": own}, _UDE) == []
    query = _HERE.replace('sc.exe create agent binPath= ".\\agentd.exe" start= auto', "sc.exe query agent")
    assert codes_at({"install.ps1": query}, _UDE) == []
    checked = _HERE.replace(
        "Expand-Archive", "if ((Get-FileHash agent.zip).Hash -ne $sum) { throw 'bad' }\nExpand-Archive"
    )
    assert codes_at({"install.ps1": checked}, _UDE) == []
