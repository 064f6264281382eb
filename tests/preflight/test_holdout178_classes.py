"""Classes the hundred-and-seventy-eighth hold-out set showed (tests/preflight/holdout178: Windows installers,
updaters and maintenance scripts, PowerShell and batch, the population of holdout26/68/127/139/149/158/169 sampled an
eighth time), each as its minimal construct next to the nearest input that must stay quiet."""

from __future__ import annotations

from preflight_kit import codes_at

# -- C: a parameter whose default is a literal secret -----------------------------------------------------------------

_DEFAULT = "preflight.default_credential"
_HARDCODED = "preflight.hardcoded_credential"


def test_c_a_param_default_secret_is_a_default_credential() -> None:
    script = (
        "param(\n    [Parameter(Mandatory=$false)]\n"
        '    [string]$Token = "sm_tok_demo123",\n    [string]$Org = "demo"\n)\n'
    )
    assert codes_at({"install.ps1": script}, _DEFAULT) == [3]
    assert codes_at({"install.ps1": script}, _HARDCODED) == []
    function = 'function Install-Agent {\n    param([string]$ApiKey = "k3y-9f8e7d")\n    Write-Host $OrgId\n}\n'
    assert codes_at({"install.ps1": function}, _DEFAULT) == [2]
    inline = 'function Connect($Password = "Winter2024!") { Write-Host "x" }\n'
    assert codes_at({"setup.ps1": inline}, _DEFAULT) == [1]


def test_c_an_assignment_a_computed_default_or_a_placeholder_stays_what_it_was() -> None:
    assigned = '$Token = "sm_tok_demo123"\n'
    assert codes_at({"install.ps1": assigned}, _DEFAULT) == []
    assert codes_at({"install.ps1": assigned}, _HARDCODED) == [1]
    computed = 'param([string]$Token = $env:AGENT_TOKEN, [string]$Secret = "$prefix-x")\n'
    assert codes_at({"install.ps1": computed}, _DEFAULT) == []
    assert codes_at({"install.ps1": computed}, _HARDCODED) == []
    placeholder = 'param([string]$Token = "your_token", [string]$InstallDir = "C:\\Program Files\\Agent")\n'
    assert codes_at({"install.ps1": placeholder}, _DEFAULT) == []
    assert codes_at({"install.ps1": placeholder}, _HARDCODED) == []


# -- A: an elevation inside a script block a batch ``pwsh -Command "& {…}";`` runs ------------------------------------

_SUDO = "preflight.sudo_unavailable"


def test_a_a_script_block_run_by_a_batch_pwsh_command_is_read() -> None:
    line = (
        "pwsh -NoProfile -Command "
        "\"& {Start-Process pwsh -ArgumentList 'Set-ExecutionPolicy RemoteSigned' -Verb RunAs}\";"
    )
    assert codes_at({"setup.bat": "@ECHO OFF\r\n" + line + "\r\n"}, _SUDO) == [2]
    block = "& { Start-Process powershell -ArgumentList '-File x.ps1' -Verb RunAs }\n"
    assert codes_at({"setup.ps1": block}, _SUDO) == [1]


def test_a_a_block_that_does_not_elevate_or_is_only_defined_stays_quiet() -> None:
    line = "pwsh -NoProfile -Command \"& {Start-Process pwsh -ArgumentList 'Set-ExecutionPolicy RemoteSigned'}\";"
    assert codes_at({"setup.bat": "@ECHO OFF\r\n" + line + "\r\n"}, _SUDO) == []
    text = 'Write-Host "& {Start-Process pwsh -Verb RunAs}"\n'
    assert codes_at({"setup.ps1": text}, _SUDO) == []


# -- B: a package manager's source given by its bare name -------------------------------------------------------------

_EGRESS = "preflight.implicit_egress"


def test_b_a_source_named_by_its_registry_name_is_still_implicit_egress() -> None:
    batch = "@ECHO OFF\r\nwinget install --id Microsoft.Powershell --source winget\r\n"
    assert codes_at({"setup.bat": batch}, _EGRESS) == [2]
    gallery = "Install-Module -Name Pester -Repository PSGallery -Force\n"
    assert codes_at({"setup.ps1": gallery}, _EGRESS) == [1]


def test_b_a_source_given_as_a_url_a_path_or_a_variable_stays_quiet() -> None:
    url = "choco install agent --source 'https://feed.example.org/api/v2' -y\n"
    assert codes_at({"setup.ps1": url}, _EGRESS) == []
    local = "choco install agent --source . -y\n"
    assert codes_at({"setup.ps1": local}, _EGRESS) == []
    variable = "Install-Module -Name Tools -Repository $feed\n"
    assert codes_at({"setup.ps1": variable}, _EGRESS) == []


# -- D: the repository a git clone contacts ---------------------------------------------------------------------------

_ENDPOINT = "preflight.external_endpoint"


def test_d_a_git_clone_of_a_url_contacts_its_host() -> None:
    clone = 'Set-Location $dir\ngit clone https://github.com/o/agent.git\nSet-Location "agent"\n'
    assert codes_at({"install.ps1": clone}, _ENDPOINT) == [2]
    options = "& git -c core.autocrlf=false clone --depth 1 git@gitlab.com:o/agent.git C:\\agent\n"
    assert codes_at({"install.ps1": options}, _ENDPOINT) == [1]
    batch = "@echo off\r\ngit clone https://codeberg.org/o/agent.git %ROOT%\\agent\r\n"
    assert codes_at({"install.bat": batch}, _ENDPOINT) == [2]


def test_d_a_remote_by_name_a_local_path_or_another_verb_stays_quiet() -> None:
    text = "git pull origin main\ngit clone C:\\repos\\agent D:\\agent\ngit log https://github.com/o/r.git\n"
    assert codes_at({"update.ps1": text}, _ENDPOINT) == []


# -- H: files copied out of an unpacked download into the folder put on the PATH --------------------------------------

_UDE = "preflight.unverified_download_exec"
_BRANCH = (
    "Invoke-WebRequest 'https://github.com/o/tools/archive/refs/heads/main.zip' -OutFile $env:Temp\\tools.zip\n"
    "Expand-Archive $env:Temp\\tools.zip $env:Temp\\\n"
    'Copy-Item -Path "$env:Temp\\tools-main\\bin\\*" -Destination "$env:userprofile\\.bin" -Recurse -Force\n'
    '$binFolder = "$env:userprofile\\.bin"\n'
)


def test_h_a_copy_from_the_unpacked_tree_into_the_path_folder_installs_it() -> None:
    edited = "$newPath = \"$oldPath;$binFolder\" -replace ';+', ';'\n"
    text = _BRANCH + edited + '[System.Environment]::SetEnvironmentVariable("Path", $newPath, "User")\n'
    assert codes_at({"install.ps1": text}, _UDE) == [3]
    programs = _BRANCH.replace('"$env:userprofile\\.bin"', '"C:\\Program Files\\Tools"')
    assert codes_at({"install.ps1": programs}, _UDE) == [3]


def test_h_a_copy_elsewhere_or_from_another_folder_stays_quiet() -> None:
    path = '[System.Environment]::SetEnvironmentVariable("Path", "$oldPath;C:\\Other", "User")\n'
    assert codes_at({"install.ps1": _BRANCH + path}, _UDE) == []
    data = _BRANCH.replace('"$env:userprofile\\.bin"', '"$env:ProgramData\\Tools\\etc"')  # configuration
    assert codes_at({"install.ps1": data}, _UDE) == []
    other = _BRANCH.replace("$env:Temp\\tools-main\\bin\\*", "C:\\Shipped\\bin\\*")
    onto = '[System.Environment]::SetEnvironmentVariable("Path", "$oldPath;$binFolder", "User")\n'
    assert codes_at({"install.ps1": other + onto}, _UDE) == []


# -- G: a batch download registered as a service from the batch file's own folder -----------------------------------

_AGENT_BAT = (
    "@echo off\r\nset AGENT_EXE=agent.exe\r\nset URL=https://downloads.example.net/agent.exe\r\n"
    "powershell -Command \"Invoke-WebRequest -Uri '%URL%' -OutFile '%AGENT_EXE%'\"\r\n"
)


def test_g_a_service_on_the_download_under_the_batch_folder_runs_it() -> None:
    glued = "powershell -Command \"New-Service -Name 'Agent' -BinaryPathName '%~dp0%AGENT_EXE%'\"\r\n"
    assert codes_at({"install.bat": _AGENT_BAT + glued}, _UDE) == [5]
    spaced = 'sc create Agent binPath= "%~dp0\\%AGENT_EXE%" start= auto\r\n'
    assert codes_at({"install.bat": _AGENT_BAT + spaced}, _UDE) == [5]


def test_g_a_service_on_another_program_of_the_folder_stays_quiet() -> None:
    other = "powershell -Command \"New-Service -Name 'Agent' -BinaryPathName '%~dp0service-host.exe'\"\r\n"
    assert codes_at({"install.bat": _AGENT_BAT + other}, _UDE) == []


# -- I: a link to the download in a bin folder, registered as a service ----------------------------------------------

_VIAM = (
    "@echo off\r\nset root=\\opt\\agent\r\nset fname=agent-windows-amd64.exe\r\n"
    "curl https://storage.example.com/temp/%fname% -o %root%\\cache\\%fname%\r\n"
)


def test_i_mklink_names_the_download_again() -> None:
    text = _VIAM + (
        "mklink %root%\\bin\\agent.exe %root%\\cache\\%fname%\r\n"
        "sc create agent binpath= c:%root%\\bin\\agent.exe start= auto\r\n"
    )
    assert codes_at({"agent.bat": text}, _UDE) == [6]


def test_i_a_link_to_another_file_stays_quiet() -> None:
    text = _VIAM + (
        "mklink /h %root%\\bin\\agent.exe %root%\\shipped\\agent-host.exe\r\n"
        "sc create agent binpath= c:%root%\\bin\\agent.exe start= auto\r\n"
    )
    assert codes_at({"agent.bat": text}, _UDE) == []


# -- F: an update expanded with -Force over the folder the script runs in ---------------------------------------------

_UPDATE = (
    "$zip = (New-Guid).ToString() + '.zip'\nInvoke-WebRequest -Uri https://app.example.net/update.zip -OutFile $zip\n"
)


def test_f_an_update_expanded_in_place_installs_it() -> None:
    here = _UPDATE + "Expand-Archive -Path $zip -DestinationPath . -Force\nRemove-Item $zip\n"
    assert codes_at({"update.ps1": here}, _UDE) == [3]
    own = _UPDATE + "Expand-Archive -Path $zip -DestinationPath $PSScriptRoot -Force\n"
    assert codes_at({"update.ps1": own}, _UDE) == [3]


def test_f_a_staging_expansion_or_a_checked_update_stays_quiet() -> None:
    staged = _UPDATE + "Expand-Archive -Path $zip -DestinationPath .\\staging -Force\n"
    assert codes_at({"update.ps1": staged}, _UDE) == []
    kept = _UPDATE + "Expand-Archive -Path $zip -DestinationPath .\n"
    assert codes_at({"update.ps1": kept}, _UDE) == []
    checked = _UPDATE + (
        "if ((Get-FileHash $zip).Hash -ne $expected) { throw 'bad update' }\n"
        "Expand-Archive -Path $zip -DestinationPath . -Force\n"
    )
    assert codes_at({"update.ps1": checked}, _UDE) == []


# -- D: a Windows script's go build fetches the module's dependencies -------------------------------------------------


def test_d_the_first_go_build_of_a_windows_script_fetches_modules() -> None:
    text = 'Set-Location "cmd/agent"\n$env:GOOS = "windows"\ngo build -o "$dir\\agent.exe" .\n& go run tools/check.go\n'
    assert codes_at({"install.ps1": text}, _EGRESS) == [3]
    batch = "@echo off\r\ncd agent\r\ngo build -o agent.exe .\r\n"
    assert codes_at({"build.bat": batch}, _EGRESS) == [3]


def test_d_a_vendored_offline_or_non_building_go_step_stays_quiet() -> None:
    vendored = '$env:GOFLAGS = "-mod=vendor"\ngo build -o agent.exe .\n'
    assert codes_at({"install.ps1": vendored}, _EGRESS) == []
    offline = "$env:GOPROXY = 'off'\ngo build ./...\n"
    assert codes_at({"install.ps1": offline}, _EGRESS) == []
    version = "go version\ngo env GOPATH\n"
    assert codes_at({"install.ps1": version}, _EGRESS) == []
