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
