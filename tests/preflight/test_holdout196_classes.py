"""Classes the hundred-and-ninety-sixth hold-out set showed (tests/preflight/holdout196: Windows installers,
updaters and maintenance scripts, PowerShell and batch, the population of holdout26/68/127/139/149/158/169/178/191
sampled a tenth time), each as its minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

# -- C: ``powershell -Command "…" >nul`` in a batch file: the redirection is cmd's, the quoted text PowerShell's ------

_ENDPOINT = "preflight.external_endpoint"
_DOWNLOAD = "(New-Object Net.WebClient).DownloadFile('https://updates.example-cdn.net/app/%UPD%', '%temp%\\%UPD%')"


def test_c_a_redirected_powershell_one_liner_is_read() -> None:
    for redirect in (" >nul", ">nul", " 2>&1 >nul", ' > "%temp%\\log.txt"'):
        script = f'set "UPD=v2"\r\npowershell -Command "{_DOWNLOAD}"{redirect}\r\n'
        assert codes_at({"autoupdater.cmd": script}, _ENDPOINT) == [2], redirect


def test_c_the_text_given_to_powershell_is_unchanged_without_a_redirection() -> None:
    quoted = f'powershell -Command "{_DOWNLOAD}"\r\n'
    assert codes_at({"autoupdater.cmd": quoted}, _ENDPOINT) == [1]
    # a redirection inside the quotes is PowerShell's own text (here in a Write-Output string): nothing is contacted
    printed = "powershell -Command \"Write-Output 'see https://updates.example-cdn.net/app >nul'\" >nul\r\n"
    assert codes_at({"autoupdater.cmd": printed}, _ENDPOINT) == []


# -- D: an archive expanded into a folder that holds a directory ``setx PATH`` puts on the PATH ------------------------

_UNVERIFIED = "preflight.unverified_download_exec"
_TOOL = (
    "powershell -Command \"Invoke-WebRequest -Uri 'https://dl.example-tools.net/t-1.0.zip' -OutFile 't.zip'\"\r\n"
    "powershell -Command \"Expand-Archive -Path 't.zip' -DestinationPath 'C:\\' -Force\"\r\n"
)


def test_d_an_archive_expanded_above_a_setx_path_directory_is_installed() -> None:
    script = _TOOL + 'setx PATH "C:\\t-1.0\\bin;%PATH%" /M\r\n'
    assert codes_at({"install_tool.bat": script}, _UNVERIFIED) == [2]
    assert codes_at({"install_tool.bat": script.replace("/M\r\n", "\r\n")}, _UNVERIFIED) == [2]  # the user PATH


def test_d_a_setx_of_another_folder_or_variable_is_no_install() -> None:
    elsewhere = _TOOL + 'setx PATH "D:\\tools\\bin;%PATH%" /M\r\n'
    assert codes_at({"install_tool.bat": elsewhere}, _UNVERIFIED) == []
    other_variable = _TOOL + 'setx TOOL_HOME "C:\\t-1.0\\bin" /M\r\n'
    assert codes_at({"install_tool.bat": other_variable}, _UNVERIFIED) == []


# -- B: a command run through the variable ``Get-Command`` filled (``& $winget.Source install …``) ---------------------

_EGRESS = "preflight.implicit_egress"


def test_b_the_command_get_command_found_is_the_one_run() -> None:
    script = (
        "$winget = Get-Command winget -ErrorAction SilentlyContinue\n"
        "if ($winget) {\n"
        "    & $winget.Source install --id Vendor.Tool --exact --scope user\n"
        "}\n"
        "$c = gcm -Name choco\n"
        "& $c.Path install vendor-tool -y\n"
    )
    assert codes_at({"install.ps1": script}, _EGRESS) == [3, 6]


def test_b_other_verbs_programs_and_unknown_names_stay_quiet() -> None:
    script = (
        "$winget = Get-Command winget\n"
        "& $winget.Source show --id Vendor.Tool\n"
        "$py = Get-Command py\n"
        '& $py.Source -3.12 -c "import sys"\n'
        "$tool = Get-Command $name\n"
        "& $tool.Source install --id Vendor.Tool\n"
    )
    assert codes_at({"install.ps1": script}, _EGRESS) == []


# -- A: a program written into a Startup folder, which Explorer starts at every logon ----------------------------------

_PERSISTENCE = "preflight.persistence"


def test_a_a_program_put_into_the_startup_folder_is_persistence() -> None:
    script = (
        '$StartupDir = [System.Environment]::GetFolderPath("Startup")\n'
        '$StartupExePath = Join-Path $StartupDir "sync-agent.exe"\n'
        'Copy-Item "$PSScriptRoot\\tray.lnk" "$env:APPDATA\\Microsoft\\Windows\\Start Menu\\Programs\\Startup"\n'
        '$all = [Environment]::GetFolderPath("CommonStartup")\n'
        'Invoke-WebRequest -Uri "https://dl.example-tools.net/run.vbs" -OutFile "$all\\run.vbs"\n'
        # last: the grammar runs a ``-x="…"`` parameter into the lines after it (their calls get its line)
        'go build -ldflags="-H windowsgui" -o $StartupExePath .\n'
    )
    assert codes_at({"install.ps1": script}, _PERSISTENCE) == [3, 5, 6]


def test_a_other_folders_and_non_programs_stay_quiet() -> None:
    script = (
        '$StartupDir = [System.Environment]::GetFolderPath("Startup")\n'
        '$StartupExePath = Join-Path $StartupDir "sync-agent.exe"\n'
        "if (Test-Path $StartupExePath) { Remove-Item $StartupExePath }\n"  # the uninstall path: removes it
        'Copy-Item "$PSScriptRoot\\readme.txt" $StartupDir\n'  # a text file is opened, not started
        '$menu = Join-Path $env:APPDATA "Microsoft\\Windows\\Start Menu\\Programs"\n'
        'Copy-Item "$PSScriptRoot\\tray.lnk" $menu\n'  # the Start Menu: started only when picked
        '$docs = [Environment]::GetFolderPath("MyDocuments")\n'
        'go build -o "$docs\\sync-agent.exe" .\n'
    )
    assert codes_at({"install.ps1": script}, _PERSISTENCE) == []
