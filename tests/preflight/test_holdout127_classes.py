"""Classes the hundred-and-twenty-seventh hold-out set showed (tests/preflight/holdout127: Windows install, upgrade and
maintenance scripts, PowerShell and batch, holdout26/68's population sampled again), each as its minimal construct
next to the nearest input that must stay quiet or keep being reported."""

from __future__ import annotations

from preflight_kit import codes_at

_EP = "preflight.external_endpoint"
_UDE = "preflight.unverified_download_exec"


def _ude(text: str) -> list[int | None]:
    return codes_at({"install.ps1": text}, _UDE)


# -- A: a downloaded file copied or moved to where it is installed -----------------------------------------------------


def test_a_downloaded_exe_copied_into_program_files_through_variables() -> None:
    text = (
        '$tmp = Join-Path $env:TEMP "agent.exe"\n'
        'Invoke-WebRequest -Uri "https://dl.vendor.io/agent.exe" -OutFile $tmp\n'
        "$source = $tmp\n"
        '$dest = Join-Path "$env:ProgramFiles\\Vendor" "agent.exe"\n'
        "Copy-Item -Path $source -Destination $dest -Force\n"
    )
    assert _ude(text) == [5]


def test_a_downloaded_exe_moved_elsewhere_is_followed_to_its_run() -> None:
    text = (
        '$tmp = Join-Path $env:TEMP "tool.exe"\n'
        'Invoke-WebRequest -Uri "https://dl.vendor.io/tool.exe" -OutFile $tmp\n'
        '$target = Join-Path $dir "tool.exe"\n'
        "Move-Item -Path $tmp -Destination $target -Force\n"
        "& $target version\n"
    )
    assert _ude(text) == [5]


def test_a_copy_checked_before_it_runs_or_never_run_or_not_the_download_stays_quiet() -> None:
    fetched = (
        '$tmp = Join-Path $env:TEMP "tool.exe"\n'
        'Invoke-WebRequest -Uri "https://dl.vendor.io/tool.exe" -OutFile $tmp\n'
        "Move-Item -Path $tmp -Destination $target -Force\n"
    )
    checked = fetched + "if ((Get-FileHash $target).Hash -ne $sum) { throw 'bad' }\n& $target version\n"
    assert _ude(checked) == []
    assert _ude(fetched) == []  # moved to an unknown place and never run
    shipped = 'Copy-Item -Path "$PSScriptRoot\\agent.exe" -Destination "$env:ProgramFiles\\Vendor\\agent.exe"\n'
    assert _ude(fetched + shipped) == []  # the package's own file, not the download


# -- B: the script's own param() default as the variable's value -------------------------------------------------------

_FETCH_ZIP = (
    '$zip = Join-Path $env:TEMP "agent.zip"\n'
    'Invoke-WebRequest -Uri "https://dl.vendor.io/agent.zip" -OutFile $zip\n'
    "Expand-Archive -Path $zip -DestinationPath $InstallDir -Force\n"
)


def test_b_extraction_into_a_script_parameter_defaulting_to_program_files() -> None:
    text = 'param(\n    [string]$InstallDir = "C:\\Program Files\\Vendor"\n)\n' + _FETCH_ZIP
    assert _ude(text) == [6]


def test_b_a_default_elsewhere_or_a_function_s_default_stays_quiet() -> None:
    temp = 'param(\n    [string]$InstallDir = "$env:TEMP\\vendor"\n)\n' + _FETCH_ZIP
    assert _ude(temp) == []
    in_function = 'function Get-Dir {\n    param([string]$InstallDir = "C:\\Program Files\\Vendor")\n}\n' + _FETCH_ZIP
    assert _ude(in_function) == []


# -- C: a program run from under the directory a downloaded archive was extracted into ---------------------------------

_EXTRACT = (
    '$path = "$home\\Downloads\\bundle.zip"\n'
    "(New-Object System.Net.WebClient).DownloadFile('https://dl.vendor.io/bundle.zip', $path)\n"
    'Expand-Archive $path -DestinationPath "C:\\agent-1.0\\"\n'
)


def test_c_program_from_the_extraction_run_by_its_path() -> None:
    text = _EXTRACT + '$exe = "C:\\agent-1.0\\bin\\agent.exe"\n.$exe --install\n'
    assert _ude(text) == [5]
    started = _EXTRACT + 'Start-Process -FilePath "C:\\agent-1.0\\setup.exe" -Wait\n'
    assert _ude(started) == [4]


def test_c_a_program_elsewhere_a_file_read_or_a_checked_program_stays_quiet() -> None:
    elsewhere = _EXTRACT + '$exe = "C:\\tools\\bin\\tool.exe"\n.$exe --install\n'
    assert _ude(elsewhere) == []
    read = _EXTRACT + 'Get-Content "C:\\agent-1.0\\conf\\agent.conf"\n'
    assert _ude(read) == []
    checked = (
        _EXTRACT
        + 'Get-AuthenticodeSignature "C:\\agent-1.0\\bin\\agent.exe"\n'
        + '& "C:\\agent-1.0\\bin\\agent.exe" --install\n'
    )
    assert _ude(checked) == []


# -- D: a package fetched, then installed by choco from the directory it was saved in; the feeds --source names --------

_NUPKG = (
    "(New-Object System.Net.WebClient).DownloadFile(\n"
    '"https://dl.vendor.io/agent/vendor-agent.nupkg", "vendor-agent.nupkg")\n'
)


def test_d_fetched_nupkg_installed_from_the_local_source_and_the_named_feed_is_contacted() -> None:
    text = _NUPKG + "choco install vendor-agent --source \"'.;https://community.chocolatey.org/api/v2/'\" -y\n"
    assert _ude(text) == [3]
    assert codes_at({"install.ps1": text}, _EP) == [1, 3]


def test_d_another_package_or_a_remote_source_only_is_not_the_fetched_file() -> None:
    other = _NUPKG + "choco install git --source \"'.'\" -y\n"
    assert _ude(other) == []
    remote = _NUPKG + "choco install vendor-agent --source https://feed.internal.example/api/v2/ -y\n"
    assert _ude(remote) == []
    assert codes_at({"install.ps1": "choco install git -y\n"}, _EP) == []
