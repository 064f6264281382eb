"""Classes the two-hundred-and-thirty-first hold-out set showed (tests/preflight/holdout231: Windows installers,
updaters and maintenance scripts of products, PowerShell, batch and Chocolatey, the population of holdout196/209/221
sampled a thirteenth time), each as its minimal construct next to the nearest inputs that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

_EGRESS = "preflight.implicit_egress"
_PERSISTENCE = "preflight.persistence"
_UNVERIFIED = "preflight.unverified_download_exec"

# -- A: a PATH write in an ``Uninstall-`` function takes the product's folder out ----------------------------------

_UNINSTALL = (
    "param([switch]$Uninstall)\n"
    '$dir = Join-Path $env:LOCALAPPDATA "tool"\n'
    "function Uninstall-Tool {\n"
    '    $old = [Environment]::GetEnvironmentVariable("Path", "User")\n'
    "    $new = ($old.Split(';') | Where-Object { $_ -ne $dir }) -join ';'\n"
    '    [Environment]::SetEnvironmentVariable("Path", $new, "User")\n'
    "}\n"
    "if ($Uninstall) { Uninstall-Tool; exit 0 }\n"
)


def test_a_a_path_write_in_an_uninstall_function_is_quiet() -> None:
    assert codes_at({"install.ps1": _UNINSTALL}, _PERSISTENCE) == []


def test_a_a_path_write_at_the_top_level_or_in_another_function_is_reported() -> None:
    add = '[Environment]::SetEnvironmentVariable("Path", "$old;$dir", "User")\n'
    assert codes_at({"install.ps1": _UNINSTALL + add}, _PERSISTENCE) == [9]
    installer = (
        'function Install-Tool {\n    [Environment]::SetEnvironmentVariable("Path", "$old;$dir", "Machine")\n}\n'
    )
    assert codes_at({"install.ps1": installer + "Install-Tool\n"}, _PERSISTENCE) == [2]
    # ``Uninstall`` must be the verb: a function merely mentioning it is another function
    named = installer.replace("Install-Tool", "Add-UninstallerPath")
    assert codes_at({"install.ps1": named + "Add-UninstallerPath\n"}, _PERSISTENCE) == [2]


# -- B: an argument array written one element a line, ``Start-Process msiexec -ArgumentList $MsiArguments`` ---------

_ARRAY = (
    '$MsiPath = Join-Path $env:TEMP "agent.msi"\n'
    "Invoke-WebRequest -Uri https://packages.example-agent.net/agent.msi -OutFile $MsiPath\n"
    "$MsiArguments = @(\n"
    '    "/i $MsiPath"\n'
    '    "/q"\n'
    ")\n"
    'Start-Process "msiexec.exe" -ArgumentList $MsiArguments -Wait\n'
)


def test_b_an_msi_named_in_an_argument_array_is_run() -> None:
    assert codes_at({"install.ps1": _ARRAY}, _UNVERIFIED) == [7]
    commas = _ARRAY.replace('@(\n    "/i $MsiPath"\n    "/q"\n)', '"/i", $MsiPath, "/q"')
    assert codes_at({"install.ps1": commas}, _UNVERIFIED) == [4]


def test_b_an_array_naming_another_file_or_a_checked_download_stays_quiet() -> None:
    other = _ARRAY.replace('"/i $MsiPath"', '"/i C:\\\\setup\\\\local.msi"')
    assert codes_at({"install.ps1": other}, _UNVERIFIED) == []
    checked = _ARRAY.replace("$MsiArguments = @(", "Get-FileHash $MsiPath -Algorithm SHA256\n$MsiArguments = @(")
    assert codes_at({"install.ps1": checked}, _UNVERIFIED) == []


# -- C: batch: tar into the current folder and a bare ``call install.cmd``; ``pm2 start`` of a download; nvm -------

_BATCH = (
    "@echo off\n"
    "powershell -Command \"& {Invoke-WebRequest -Uri 'https://dl.example-tools.net/tool.zip' -OutFile 'tool.zip'}\"\n"
    "tar -xvf tool.zip\n"
    "cd tool-main\n"
    "call install.cmd\n"
)


def test_c_a_batch_file_run_from_a_tree_unpacked_into_the_current_folder() -> None:
    assert codes_at({"setup.cmd": _BATCH}, _UNVERIFIED) == [5]


def test_c_a_label_call_or_an_unpacked_tree_elsewhere_stays_quiet() -> None:
    label = _BATCH.replace("call install.cmd", "call :install")
    assert codes_at({"setup.cmd": label}, _UNVERIFIED) == []
    elsewhere = _BATCH.replace("tar -xvf tool.zip", "tar -xvf tool.zip -C C:\\tools\\src")
    assert codes_at({"setup.cmd": elsewhere}, _UNVERIFIED) == []
    no_archive = _BATCH.replace("tar -xvf tool.zip\n", "")
    assert codes_at({"setup.cmd": no_archive}, _UNVERIFIED) == []


_PM2 = (
    "@echo off\n"
    "powershell -Command \"& {Invoke-WebRequest -Uri '%START_URL%' -OutFile 'start.sh'}\"\n"
    "pm2 start start.sh --interpreter=bash\n"
)


def test_c_pm2_starting_a_downloaded_script_runs_it() -> None:
    fetched = _PM2.replace("%START_URL%", "https://raw.example-code.net/app/main/start.sh")
    assert codes_at({"setup.cmd": fetched}, _UNVERIFIED) == [3]
    jar = fetched.replace("start.sh", "server.jar")
    java = jar.replace("pm2 start server.jar --interpreter=bash", "java -jar server.jar")
    assert codes_at({"setup.cmd": java}, _UNVERIFIED) == [3]


def test_c_pm2_of_another_file_or_a_process_name_stays_quiet() -> None:
    fetched = _PM2.replace("%START_URL%", "https://raw.example-code.net/app/main/start.sh")
    assert codes_at({"setup.cmd": fetched.replace("pm2 start start.sh", "pm2 start app.js")}, _UNVERIFIED) == []
    assert codes_at({"setup.cmd": fetched.replace("pm2 start start.sh", "pm2 restart lavalink")}, _UNVERIFIED) == []


def test_c_nvm_install_is_egress_and_nvm_use_is_not() -> None:
    assert codes_at({"setup.cmd": "@echo off\nnvm install 18\n"}, _EGRESS) == [2]
    assert codes_at({"setup.cmd": "@echo off\nnvm use 18\nnvm list\n"}, _EGRESS) == []


# -- D: a line written into a PowerShell profile ----------------------------------------------------------------------

_PROFILE = (
    '$aliasPath = "$env:SystemRoot\\System32\\WindowsPowerShell\\v1.0"\n'
    '$profilePath = Join-Path $aliasPath "Microsoft.PowerShell_profile.ps1"\n'
    "if (Test-Path $profilePath) {\n"
    '    Add-Content -Path $profilePath -Value "Set-Alias -Name t -Value tool.exe"\n'
    "} else {\n"
    '    Set-Content -Path $profilePath -Value "Set-Alias -Name t -Value tool.exe"\n'
    "}\n"
)


def test_d_a_profile_written_is_persistence_once() -> None:
    assert codes_at({"install.ps1": _PROFILE}, _PERSISTENCE) == [4]
    assert codes_at({"install.ps1": 'Add-Content $PROFILE "Import-Module Tool"\n'}, _PERSISTENCE) == [1]


def test_d_other_files_or_a_profile_edited_in_an_uninstall_function_stay_quiet() -> None:
    config = _PROFILE.replace("Microsoft.PowerShell_profile.ps1", "tool.config.ps1")
    assert codes_at({"install.ps1": config}, _PERSISTENCE) == []
    sample = 'Set-Content -Path "$PSScriptRoot\\examples\\profile.ps1" -Value "x"\n'
    assert codes_at({"install.ps1": sample}, _PERSISTENCE) == []
    removal = "function Uninstall-Tool {\n" + _PROFILE + "}\nUninstall-Tool\n"
    assert codes_at({"install.ps1": removal}, _PERSISTENCE) == []


# -- E: an account put into docker-users or Administrators ------------------------------------------------------------


def test_e_a_member_added_to_an_admin_group_is_persistence() -> None:
    net = '$group = "docker-users"\nnet localgroup $group $env:USERNAME /add\n'
    assert codes_at({"install.ps1": net}, _PERSISTENCE) == [2]
    cmdlet = 'Add-LocalGroupMember -Group "Administrators" -Member "svc-agent"\n'
    assert codes_at({"install.ps1": cmdlet}, _PERSISTENCE) == [1]
    assert codes_at({"setup.bat": "@echo off\nnet localgroup administrators agent /add\n"}, _PERSISTENCE) == [2]


def test_e_a_group_created_or_another_group_stays_quiet() -> None:
    created = 'net localgroup docker-users /add /comment:"Users of Docker"\n'
    assert codes_at({"install.ps1": created}, _PERSISTENCE) == []
    other = 'Add-LocalGroupMember -Group "Performance Log Users" -Member "svc-agent"\n'
    assert codes_at({"install.ps1": other}, _PERSISTENCE) == []
    removed = "net localgroup administrators agent /delete\n"
    assert codes_at({"install.ps1": removed}, _PERSISTENCE) == []
